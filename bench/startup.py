#!/usr/bin/env python3
"""Start-up to ready: the time from `java -jar quarkus-run.jar` to /q/health/ready answering UP, on
an empty H2 database and on one holding 100,000 stored items, plus the CPU the JVM spent by then
(a fairer figure on a busy machine) and when the story index had finished loading.

usage: bench/startup.py [runs] [items]     (needs target/quarkus-app; prints figures)
  STARTUP_JAVA_OPTS="-XX:SharedArchiveFile=..."   extra JVM flags for the timed starts
  STARTUP_JAR=path/to/quarkus-run.jar             another build (default target/quarkus-app)
  STARTUP_JAVA=/path/to/bin/java                  another JVM (default: java on PATH), e.g. a JDK 25 with
                                                  STARTUP_JAVA_OPTS="-XX:AOTCache=app.aot" (README, start-up)

The 100k database is built once: the service migrates an empty one, then 2,000 sources x 50
reports of made-up words (three to a story, stored within the last two days) are loaded with H2's
RunScript. It is kept under target/bench-startup/ (delete it to rebuild; after 30 days its
reports fall out of the index horizon). Each timed start runs on a fresh copy of it; the sources
point at a closed port, so nothing is fetched.
"""
import hashlib, os, random, shutil, signal, socket, struct, subprocess, sys, tempfile, time, urllib.error, urllib.request

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
ITEMS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
PER_FEED = 50
FEEDS = ITEMS // PER_FEED
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.abspath(os.environ.get("STARTUP_JAR", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")))
# named by the schema it was loaded for: a database built for hex keys would be migrated by a timed start
CACHE = os.path.join(ROOT, "target", "bench-startup", f"db{ITEMS}-keys16")
CLK = os.sysconf("SC_CLK_TCK")

SYLLABLES = ["ka", "ri", "so", "van", "ter", "mel", "do", "shi", "ra", "gon", "pe", "lu", "zar", "ni", "tov", "ba"]
VOCAB = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:8]]


def text(seed, words):
    rnd = random.Random(str(seed))
    return " ".join(rnd.choice(VOCAB) for _ in range(words))


def key(value):
    """A report's identity key as the item table holds it (HashKey: the first 16 bytes of SHA-256,
    of the text and a zero byte as Hashes.key makes it), as two signed big-endian longs for the CSV."""
    hi, lo = struct.unpack(">qq", hashlib.sha256(value.encode() + b"\0").digest()[:16])
    return f"{hi},{lo}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_feeds(work, feed_port, feeds):
    with open(os.path.join(work, "feeds.yaml"), "w") as f:
        f.write("defaults:\n  interval: 1h\nsources:\n")
        for n in range(feeds):
            f.write(f"  - id: b{n}\n    url: http://127.0.0.1:{feed_port}/f{n}\n    tags: [boot]\n")
        f.write("channels:\n  - id: boot\n    title: Boot\n    tags: [boot]\n")


def launch(work, port, extra=()):
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), TRIBUTARY_FEEDS=os.path.join(work, "feeds.yaml"),
               TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS="true", TRIBUTARY_RETENTION_MAX_AGE="0",
               TRIBUTARY_FETCH_PER_HOST_CONCURRENCY="64", QUARKUS_SHUTDOWN_DELAY="0s",
               QUARKUS_LOG_CONSOLE_FORMAT="%d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n")
    log = open(os.path.join(work, "app.log"), "w")
    return subprocess.Popen([os.environ.get("STARTUP_JAVA", "java"), *extra, "-jar", JAR], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError:
        return None, b""


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def threads_cpu(pid):
    """CPU seconds per kind of thread (JIT compilers, GC, main, ...), digits in names folded."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            fields = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = "".join(c for c in name if not c.isdigit()).rstrip(" -#")
        out[kind] = out.get(kind, 0) + (int(fields[11]) + int(fields[12])) / CLK
    return out


def stop(app):
    app.send_signal(signal.SIGTERM)
    try:
        app.wait(timeout=60)
    except subprocess.TimeoutExpired:
        app.kill()
        app.wait()


def build_database():
    """Migrates an empty database with the service, then loads ITEMS reports (one story per three)
    straight into it with H2's RunScript: the service's own ingest would take many minutes."""
    work = tempfile.mkdtemp(prefix="tributary-startup-build-")
    write_feeds(work, free_port(), FEEDS)
    port = free_port()
    app = launch(work, port, ["-Dquarkus.scheduler.enabled=false"])
    try:
        t0 = time.time()
        while get(port, "/q/health/ready")[0] != 200:
            if app.poll() is not None or time.time() - t0 > 300:
                sys.exit("service did not get ready: see " + os.path.join(work, "app.log"))
            time.sleep(0.2)
    finally:
        stop(app)
    now = time.time()
    stamp = lambda t: time.strftime("%Y-%m-%d %H:%M:%S+00", time.gmtime(t))
    with open(os.path.join(work, "stories.csv"), "w") as st, open(os.path.join(work, "items.csv"), "w") as it:
        st.write("ID,PUBLIC_ID,TITLE,LINK,CREATED,UPDATED,ITEM_COUNT,LEAD_PUBLISHED\n")
        it.write("ID,SOURCE_ID,STORY_ID,GUID,GUID_HI,GUID_LO,URL,URL_HI,URL_LO,TITLE,SUMMARY,CONTENT_HI,CONTENT_LO,LANGUAGE,"
                 "PUBLISHED,FIRST_SEEN,SEQ\n")
        for k in range(ITEMS):
            n, i = divmod(k, PER_FEED)
            story = k // 3 + 1
            published = stamp(now - 86400 * 5 + k * 4)
            seen = stamp(now - 86400 * 2 + k)
            title = text((n, i, "t"), 8).capitalize()
            url = f"https://boot{n}.example/{i}"
            if k % 3 == 0:
                st.write(f"{story},s{story:024d},{title},{url},{seen},{seen},{min(3, ITEMS - k)},{published}\n")
            guid = f"b{n}-{i}"
            it.write(f"{k + 1},b{n},{story},{guid},{key(guid)},{url},{key(url)},{title},<p>{text((n, i, 'd'), 60)}</p>,"
                     f"{key(str(k))},en,{published},{seen},{k + 1}\n")
    # the 16-byte identity keys (HashKey) as two big-endian longs: H2 has no function from hex to bytes
    bytes16 = lambda col: f"cast(cast({col}_hi as bigint) as binary(8)) || cast(cast({col}_lo as bigint) as binary(8))"
    lib = os.path.join(os.path.dirname(JAR), "lib", "main")
    h2 = next(os.path.join(lib, f) for f in os.listdir(lib) if f.startswith("com.h2database.h2-"))
    with open(os.path.join(work, "load.sql"), "w") as f:
        f.write(f"""
insert into story (id, public_id, title, link, created, updated, item_count, lead_published)
  select * from csvread('{work}/stories.csv');
insert into item (id, source_id, story_id, guid, guid_hash, url, url_hash, title, summary, content_hash, language,
  published, first_seen, seq) select id, source_id, story_id, guid, {bytes16("guid")}, url, {bytes16("url")}, title,
  summary, {bytes16("content")}, language, published, first_seen, seq from csvread('{work}/items.csv');
alter sequence item_seq restart with {ITEMS + 100};
alter sequence story_seq restart with {ITEMS + 100};
""")
    subprocess.run(["java", "-cp", h2, "org.h2.tools.RunScript", "-url", f"jdbc:h2:file:{work}/data/tributary",
                    "-user", "sa", "-script", os.path.join(work, "load.sql")], check=True)
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    shutil.copytree(os.path.join(work, "data"), CACHE)
    shutil.copy(os.path.join(work, "feeds.yaml"), os.path.join(CACHE, "feeds.yaml"))
    shutil.rmtree(work)


def timed_start(data_dir):
    """Seconds to ready (wall), JVM CPU seconds by then, and the log's story-index line."""
    work = tempfile.mkdtemp(prefix="tributary-startup-")
    if data_dir:
        shutil.copytree(data_dir, os.path.join(work, "data"))
        shutil.copy(os.path.join(data_dir, "feeds.yaml"), os.path.join(work, "feeds.yaml"))
    else:
        write_feeds(work, free_port(), 100)
    port = free_port()
    extra = os.environ.get("STARTUP_JAVA_OPTS", "").split()
    t0 = time.time()
    app = launch(work, port, extra)
    try:
        while get(port, "/q/health/ready")[0] != 200:
            if app.poll() is not None or time.time() - t0 > 300:
                sys.exit("service did not get ready: see " + os.path.join(work, "app.log"))
            time.sleep(0.02)
        ready = time.time() - t0
        cpu = cpu_seconds(app.pid)
        by_thread = threads_cpu(app.pid)
        index_line = ""
        deadline = time.time() + 120
        while time.time() < deadline and not index_line:
            for line in open(os.path.join(work, "app.log")):
                if "story index" in line and "items=" in line:
                    index_line = line.strip()
            time.sleep(0.2)
    finally:
        stop(app)
    shutil.rmtree(work, ignore_errors=True)
    return ready, cpu, index_line, by_thread


def report(name, data_dir):
    runs = [timed_start(data_dir) for _ in range(RUNS)]
    walls = sorted(r[0] for r in runs)
    cpus = sorted(r[1] for r in runs)
    print(f"{name}: ready in {walls[len(walls) // 2]:.2f} s median (runs {', '.join(f'{w:.2f}' for w in walls)}), "
          f"JVM CPU by then {cpus[len(cpus) // 2]:.2f} s median")
    top = sorted(runs[-1][3].items(), key=lambda kv: -kv[1])[:6]
    print("  last run's CPU by thread until ready: " + ", ".join(f"{k} {v:.2f} s" for k, v in top))
    idx = runs[-1][2]
    if idx:
        print("  last run's index line: " + idx[idx.index("story index"):])


if __name__ == "__main__":
    if not os.path.exists(JAR):
        sys.exit(f"no {JAR}: ./mvnw package -DskipTests first")
    print(f"jar {os.path.relpath(JAR, ROOT)}, java {os.environ.get('STARTUP_JAVA', 'java')}, "
          f"extra JVM flags: {os.environ.get('STARTUP_JAVA_OPTS', '(none)')}, "
          f"load {os.getloadavg()[0]:.1f}")
    if ITEMS and not os.path.isdir(CACHE):
        print(f"building the {ITEMS}-item database once under {os.path.relpath(CACHE, ROOT)}")
        build_database()
    report("empty database", None)
    if ITEMS:
        report(f"{ITEMS} stored items", CACHE)
