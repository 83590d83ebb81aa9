#!/usr/bin/python3
"""Backlog ingest with N replicas of the PostgreSQL jar on one empty database.

Local publishers (loopback) serve SOURCES feeds of ITEMS distinct reports each; once every replica
is ready the sources are added to feeds.yaml (live reload), and the bench times how long the
database takes to hold every report. Prints items/s, the wall time and each replica's share of
the fetches. Figures, not a test.

usage: bench/ingest_replicas.py REPLICAS [JAR]   (JAR default target/quarkus-app-pg/quarkus-run.jar)
  build it with ./mvnw package -DskipTests -Dquarkus.profile=prod-postgres \
    -Dquarkus.package.output-directory=quarkus-app-pg
env: WORDS (random, see below), SOURCES (150), ITEMS (34), PORT (18960: publishers, replicas on the next ports), DB (tributary_bench);
PostgreSQL on 127.0.0.1:5432, user postgres (creates DB). Also prints the replicas' CPU seconds
over the backlog (items per CPU-second) and the share of the wall time
the cluster-wide assignment lock was held (tributary_ingest_lock_held_seconds summed over replicas,
and each replica's share), and where the held time went: each phase's share of it and the share
the holding thread was on a core (tributary_ingest_lock_phase_seconds and _phase_cpu_seconds), and
why decisions taken ahead of the lock were taken again under it (tributary_ingest_lock_redecided_total{why}).

WORDS=random (default): every word drawn uniformly from one vocabulary of 4,000 made-up words, so
any two reports share a word or two and nothing forms a story. WORDS=news: closer to news, where
most words are rare and reports share rare words mostly within a story: words drawn from a
vocabulary of 40,000 by a Zipf law (rank r with weight 1/r), and each report about one of 1,500
events, half its title and a fifth of its body drawn from that event's 15 own words.
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPLICAS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
JAR = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "target/quarkus-app-pg/quarkus-run.jar")
SOURCES = int(os.environ.get("SOURCES", "150"))
ITEMS = int(os.environ.get("ITEMS", "34"))
FEED_PORT = int(os.environ.get("PORT", "18960"))
APP_PORTS = [FEED_PORT + 1 + r for r in range(REPLICAS)]
DB = os.environ.get("DB", "tributary_bench")

WORDS = os.environ.get("WORDS", "random")

rng = random.Random(11)


def made_up_word():
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


if WORDS == "news":
    VOCAB = list(dict.fromkeys(made_up_word() + made_up_word()[:rng.randint(0, 3)] for _ in range(44000)))[:40000]
    ZIPF = list(__import__("itertools").accumulate(1.0 / (r + 1) for r in range(len(VOCAB))))
    EVENTS = [rng.sample(VOCAB[2000:], 15) for _ in range(1500)]

    def words(n, event, share):
        own = [rng.choice(event) for _ in range(round(n * share))]
        common = rng.choices(VOCAB, cum_weights=ZIPF, k=n - len(own))
        out = own + common
        rng.shuffle(out)
        return " ".join(out)
elif WORDS == "random":
    VOCAB = [made_up_word() for _ in range(4000)]
    EVENTS = [None]

    def words(n, event, share):
        return " ".join(rng.choice(VOCAB) for _ in range(n))
else:
    sys.exit("WORDS is random or news")
FEEDS = {}
for i in range(SOURCES):
    items = []
    for k in range(ITEMS):
        event = rng.choice(EVENTS)
        title = words(8, event, 0.5)
        text = words(60, event, 0.2)
        items.append(f"<item><title>{title}</title><link>http://pub{i}.example/{k}</link><guid>g-{i}-{k}</guid>"
                     f"<pubDate>Sun, 01 Nov 2026 {k % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
                     f"<description>{text}</description></item>")
    FEEDS[f"/f{i}.rss"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {i}</title>'
                           f"<link>http://pub{i}.example/</link><description>d</description>{''.join(items)}"
                           "</channel></rss>").encode()
fetches = {}
lock = threading.Lock()


class Publisher(BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            ua = self.headers.get("User-Agent", "")
            fetches[ua] = fetches.get(ua, 0) + 1
        body = FEEDS.get(self.path, b"")
        try:
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args):
        pass


def psql(sql, db="postgres"):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qAtc", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def ready(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/q/health/ready", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


def cpu_seconds(procs):
    """CPU seconds (user + system) the replicas have used: the fair figure on a shared machine."""
    total = 0.0
    for p in procs:
        try:
            fields = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


LOCK_METERS = ("tributary_ingest_lock_held_seconds_sum", "tributary_ingest_lock_held_seconds_count",
               "tributary_ingest_lock_phase_seconds_sum", "tributary_ingest_lock_phase_cpu_seconds_sum",
               "tributary_ingest_lock_caught_up_total", "tributary_ingest_lock_redecided_total",
               "tributary_items_added_total")


def lock_meters():
    """Per replica, the assignment lock's meters from /q/metrics (name{labels} -> value)."""
    out = []
    for port in APP_PORTS:
        meters = {}
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/q/metrics", timeout=10) as r:
                for line in r.read().decode().splitlines():
                    if line.startswith(LOCK_METERS):
                        key, value = line.rsplit(" ", 1)
                        meters[key] = meters.get(key, 0.0) + float(value)
        except OSError:
            pass
        out.append(meters)
    return out


def held_of(meters):
    return sum(v for k, v in meters.items() if k.startswith("tributary_ingest_lock_held_seconds_sum"))


def breakdown(before, after):
    """Where the held time went, summed over replicas: each phase's share, the holder's CPU share."""
    delta = {}
    for b, a in zip(before, after):
        for k, v in a.items():
            delta[k] = delta.get(k, 0.0) + v - b.get(k, 0.0)
    held = sum(v for k, v in delta.items() if k.startswith("tributary_ingest_lock_held_seconds_sum")) or 1e-9
    batches = sum(v for k, v in delta.items() if k.startswith("tributary_ingest_lock_held_seconds_count"))
    parts = []
    for k, v in sorted(delta.items()):
        if k.startswith("tributary_ingest_lock_phase_seconds_sum"):
            phase = k.split('phase="')[1].split('"')[0]
            on_cpu = delta.get(k.replace("_phase_seconds", "_phase_cpu_seconds"), 0.0)
            parts.append(f"{phase}={100 * v / held:.0f}%(cpu {100 * on_cpu / held:.0f}%)")
    cpu = sum(v for k, v in delta.items() if k.startswith("tributary_ingest_lock_phase_cpu_seconds_sum"))
    caught = sum(v for k, v in delta.items() if k.startswith("tributary_ingest_lock_caught_up_total"))
    redecided = sum(v for k, v in delta.items() if k.startswith("tributary_ingest_lock_redecided_total"))
    whys = {k.split('why="')[1].split('"')[0]: v for k, v in sorted(delta.items())
            if k.startswith("tributary_ingest_lock_redecided_total") and 'why="' in k and v > 0}
    added = sum(v for k, v in delta.items() if k.startswith("tributary_items_added_total"))
    return (f"held={held:.1f}s batches={batches:.0f} ({added / max(batches, 1):.0f} reports each, "
            f"{caught / max(batches, 1):.0f} caught up and {redecided / max(batches, 1):.0f} decided again under the lock"
            f" (why, over all batches: {' '.join(f'{w}={v:.0f}' for w, v in whys.items()) or 'none'})) phases: {' '.join(parts)} "
            f"holder-cpu={100 * cpu / held:.0f}%")


def main():
    work = tempfile.mkdtemp(prefix="ingest-bench-")
    feeds = os.path.join(work, "feeds.yaml")
    with open(feeds, "w") as f:
        f.write("sources:\n  - id: none\n    url: http://127.0.0.1:%d/none.rss\n    tags: [x]\n"
                "channels:\n  - id: all\n    title: All\n    tags: [x]\n" % FEED_PORT)
    server = ThreadingHTTPServer(("127.0.0.1", FEED_PORT), Publisher)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    psql(f"drop database if exists {DB} with (force)")
    psql(f"create database {DB}")
    procs = []
    try:
        for r, port in enumerate(APP_PORTS):
            env = dict(os.environ, QUARKUS_HTTP_PORT=str(port),
                       QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{DB}",
                       QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
                       TRIBUTARY_FEEDS=feeds, TRIBUTARY_FEEDS_RELOAD_CHECK="1s",
                       TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS="true", TRIBUTARY_FETCH_PER_HOST_CONCURRENCY="16",
                       TRIBUTARY_POLL_THREADS="8", TRIBUTARY_POLL_QUEUE_PER_THREAD="1",
                       TRIBUTARY_FETCH_USER_AGENT=f"replica-{r}", TRIBUTARY_RETENTION_MAX_AGE="0",
                       QUARKUS_SHUTDOWN_DELAY="0s")
            procs.append(subprocess.Popen(["java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", JAR], cwd=work, env=env,
                                          stdout=open(os.path.join(work, f"r{r}.log"), "w"), stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 300
        while not all(ready(p) for p in APP_PORTS):
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                sys.exit(f"replicas did not start; logs in {work}")
            time.sleep(0.5)
        with open(feeds + ".new", "w") as f:
            f.write("sources:\n")
            for i in range(SOURCES):
                f.write(f"  - id: s{i:03d}\n    url: http://127.0.0.1:{FEED_PORT}/f{i}.rss\n    tags: [x]\n")
            f.write("channels:\n  - id: all\n    title: All\n    tags: [x]\n")
        os.replace(feeds + ".new", feeds)
        expected = SOURCES * ITEMS
        while not fetches:
            time.sleep(0.02)
        start = time.monotonic()
        meters0 = lock_meters()
        cpu0 = cpu_seconds(procs)
        while True:
            n = int(psql("select count(*) from item", DB))
            if n >= expected or time.monotonic() - start > 900:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - start
        meters1 = lock_meters()
        per_replica = [held_of(after) - held_of(before) for after, before in zip(meters1, meters0)]
        held = sum(per_replica)
        cpu = cpu_seconds(procs) - cpu0
        stories = psql("select count(*) from story where merged_into is null and item_count > 0", DB)
        print(f"words={WORDS} replicas={REPLICAS} items={n}/{expected} seconds={elapsed:.1f} items/s={n / elapsed:.0f} "
              f"stories={stories} cpu={cpu:.0f}s ({n / max(cpu, 0.01):.0f} items per CPU-second) lock-held={held:.1f}s ({100 * held / elapsed:.0f}% of wall; "
              f"per replica {[f'{100 * h / elapsed:.0f}%' for h in per_replica]}) "
              f"fetches={dict(sorted(fetches.items()))} load={os.getloadavg()[0]:.1f}")
        print("lock:", breakdown(meters0, meters1))
    finally:
        for p in procs:
            p.send_signal(signal.SIGKILL)
            p.wait()
        server.shutdown()


if __name__ == "__main__":
    main()
