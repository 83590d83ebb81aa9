#!/usr/bin/env python3
"""Feed farm against the real service: N sources (default 10,000) served by one local process,
about 10 % of them changing each minute, the rest answering 304. Runs the built jar against it
and prints feeds polled per minute in steady state, the 200/304 split, the service's CPU per
poll and its peak RSS.

usage: bench/farm.py [feeds] [measure-seconds]     (needs target/quarkus-app; prints figures)
  FARM_JAR=path/quarkus-run.jar: another build.  FARM_CONTAINER=1: run with the container's settings instead of -Xmx384m: JVM_OPTS and
  glibc's MALLOC_* settings from docker/Dockerfile, and the pod's memory limit from
  docker/kubernetes/base/deployment.yaml as the JVM's -XX:MaxRAM (what it sees in the pod).
  FARM_FIRST_ONLY=1 stops after the first cycle (every item stored and clustered); FARM_JAVA_OPTS
  passes JVM options (e.g. a flight recording); FARM_JAVA=path/bin/java another JVM (default: java on
  PATH), e.g. the JDK 25 the image runs. FARM_JFR=file.jfr records the run with JFR, started by jcmd
  right after launch (FARM_JFR_SETTINGS: JFR.start's options, default settings=profile); with
  FARM_AOT it is the way to record, as the cache refuses -XX:StartFlightRecording.
  FARM_AOT=path/app.aot (with FARM_CONTAINER=1, a JDK 25 and a jar built as the image builds it,
  -Dquarkus.package.jar.type=aot-jar): runs with the image's AOT cache as well, -XX:AOTMode=on so a
  cache the JVM cannot map fails the run instead of being left out. A missing cache, or one older
  than a jar of the build, is first trained as the image trains it: docker/aot-train.sh on FARM_JAVA
  with the image's JVM_OPTS and the -Xmx its Dockerfile trains with (the pod's heap), never on the
  farm's own work.
All sources share 127.0.0.1, so the per-host limit is raised for the run: this measures the
pipeline's throughput, not politeness (the fetch tests cover that).
"""
import collections, functools, random, resource, re, http.server, os, socket, socketserver, subprocess, sys, tempfile, threading, time, urllib.request, json

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
MEASURE = int(sys.argv[2]) if len(sys.argv) > 2 else 120
FIRST_CYCLE_LIMIT = int(os.environ.get("FARM_FIRST_CYCLE_LIMIT", "900"))  # seconds; more on a busy machine
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T0 = time.time()
counts = collections.Counter()
lock = threading.Lock()


MODE = {"mode": "mixed", "bump": 0}
STAMPS = {}
last_served = {}


def version(n, now):
    if MODE["mode"] == "frozen":  # nothing changes: every conditional poll is a 304
        return last_served.get(n, 0)
    if MODE["mode"] == "changing":  # every poll sees a new version
        MODE["bump"] += 1
        v = 1_000_000 + MODE["bump"]
    else:  # each feed changes every 10 minutes, phases spread so a tenth change in any minute
        v = int(((now - T0) / 60 + n % 10) // 10)
    last_served[n] = v
    return v


SYLLABLES = ["ka", "ri", "so", "van", "ter", "mel", "do", "shi", "ra", "gon", "pe", "lu", "zar", "ni", "tov", "ba"]
VOCAB = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:8]]  # 2,048 made-up words


def text(seed, words):
    rnd = random.Random(str(seed))
    return " ".join(rnd.choice(VOCAB) for _ in range(words))


@functools.lru_cache(maxsize=2 * N)
def body(n, v):
    # every report is its own story: distinct made-up words, so clustering does real lookups
    items = "".join(
        f"<item><title>{text((n, v, i, 't'), 8).capitalize()}</title>"
        f"<link>https://farm{n}.example/{v}/{i}</link><guid>f{n}-{v}-{i}</guid>"
        f"<pubDate>Wed, 25 Nov 2026 {10 + i:02d}:00:00 GMT</pubDate>"
        f"<description>{text((n, v, i, 'd'), 60)}</description></item>"
        for i in range(5))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Farm {n}</title>'
            f"<link>https://farm{n}.example/</link><description>farm</description>{items}</channel></rss>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        n = int(self.path.strip("/").removeprefix("f"))
        v = version(n, time.time())
        etag = f'"v{v}"'
        if self.headers.get("If-None-Match") == etag:
            with lock:
                counts["304"] += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = body(n, v)
        with lock:
            counts["200"] += 1
        with lock:
            if "first200" not in STAMPS:
                STAMPS["first200"] = time.time()
                STAMPS["cpu_first200"] = cpu_seconds()  # start-up's CPU, left out of the cycle's
                STAMPS["threads_first200"] = thread_cpu()
                STAMPS["farm_first200"] = farm_cpu()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 512


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


work = tempfile.mkdtemp(prefix="tributary-farm-")
farm_port, app_port = free_port(), free_port()
# the first cycle's bodies made before the service starts: the farm's own CPU (making a body took a
# third of a millisecond) shares the two cores with the service it measures
for n in range(N):
    body(n, version(n, T0))
server = Server(("127.0.0.1", farm_port), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with open(os.path.join(work, "feeds.yaml"), "w") as f:
    f.write("defaults:\n  interval: 1m\nsources:\n")
    for n in range(N):
        f.write(f"  - id: f{n}\n    url: http://127.0.0.1:{farm_port}/f{n}\n    tags: [farm]\n")
    f.write("channels:\n  - id: farm\n    title: Farm\n    tags: [farm]\n")
env = dict(os.environ, QUARKUS_HTTP_PORT=str(app_port), TRIBUTARY_FEEDS=os.path.join(work, "feeds.yaml"),
           TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS="true", TRIBUTARY_RETENTION_MAX_AGE="0",
           TRIBUTARY_FETCH_PER_HOST_CONCURRENCY="64", QUARKUS_LOG_LEVEL="WARN",
           # every source due each minute (no adaptive stretching): this measures capacity
           TRIBUTARY_POLL_MAX_STRETCH="1")


def container_settings():
    """The JVM flags and environment the image runs with, and the pod's memory limit."""
    dockerfile = open(os.path.join(ROOT, "docker", "Dockerfile")).read().replace("\\\n", " ")
    # JVM_OPTS: the image's flags without its AOT cache (that path exists only in the image)
    opts = re.search(r'JVM_OPTS="([^"]*)"', dockerfile).group(1).split()
    # glibc's malloc settings (MALLOC_ARENA_MAX and the fixed thresholds) as the image's ENV sets them
    malloc = dict(re.findall(r"\b(MALLOC_[A-Z_]+)=(\d+)", dockerfile))
    deployment = open(os.path.join(ROOT, "docker", "kubernetes", "base", "deployment.yaml")).read()
    limit = re.search(r"limits:\s*\n(?:\s+cpu:.*\n)?\s+memory:\s*(\d+)Mi", deployment)
    limit = limit or re.search(r"limits:\s*\n(?:\s+cpu:.*\n)?\s+memory:\s*(\d+)Gi", deployment)
    mb = int(limit.group(1)) * (1024 if limit.group(0).rstrip().endswith("Gi") else 1)
    return [f"-XX:MaxRAM={mb}m", *opts], malloc, f"pod limit {mb} MB"


def aot_cache(path, jar, opts, extra_env):
    """The image's AOT cache for this jar: trained as docker/Dockerfile trains it when missing or stale."""
    app_dir = os.path.dirname(jar)
    jars = [os.path.join(d, f) for d, _, files in os.walk(app_dir) for f in files if f.endswith(".jar")]
    if os.path.exists(path) and os.path.getmtime(path) >= max(map(os.path.getmtime, jars)):
        return
    dockerfile = open(os.path.join(ROOT, "docker", "Dockerfile")).read().replace("\\\n", " ")
    # the heap the image's training runs with (the pod's, so the cache's compressed-pointer mode is the pod's)
    xmx = re.search(r'JVM_OPTS="\$JVM_OPTS (-Xmx\w+)"\s+sh\s+\S*aot-train\.sh', dockerfile).group(1)
    print(f"training the AOT cache {path} (docker/aot-train.sh, {xmx})", flush=True)
    train_env = dict(os.environ, **extra_env, JAVA=os.environ.get("FARM_JAVA", "java"),
                     JVM_OPTS=" ".join([*opts, xmx]))
    train_env.pop("QUARKUS_DATASOURCE_JDBC_URL", None)  # the script's own throwaway H2 file
    subprocess.run(["sh", os.path.join(ROOT, "docker", "aot-train.sh"), app_dir, path, str(free_port())],
                   env=train_env, check=True, stdout=subprocess.DEVNULL)


# absolute: the service runs in its own working directory (and an AOT cache records the class path)
jar = os.path.abspath(os.environ.get("FARM_JAR", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")))
if os.environ.get("FARM_CONTAINER"):
    jvm, extra_env, heap = container_settings()
    env.update(extra_env)
    if os.environ.get("FARM_AOT"):
        cache = os.path.abspath(os.environ["FARM_AOT"])
        aot_cache(cache, jar, jvm[1:], extra_env)  # the image's flags less -XX:MaxRAM, which only the farm adds
        jvm += [f"-XX:AOTCache={cache}", "-XX:AOTMode=on"]
        heap += ", AOT cache"
elif os.environ.get("FARM_AOT"):
    sys.exit("FARM_AOT needs FARM_CONTAINER=1: the cache is trained and used with the image's flags")
else:
    jvm = [f"-Xmx{os.environ.get('FARM_XMX', '384m')}"]
    heap = "heap cap " + jvm[0][4:]
jvm += os.environ.get("FARM_JAVA_OPTS", "").split()
print("JVM:", os.environ.get("FARM_JAVA", "java"), "flags:", " ".join(jvm), flush=True)
app = subprocess.Popen([os.environ.get("FARM_JAVA", "java"), *jvm, "-jar", jar],
                       cwd=work, env=env, stdout=open(os.path.join(work, "app.log"), "w"), stderr=subprocess.STDOUT)
clk = os.sysconf("SC_CLK_TCK")


def record():
    """FARM_JFR=file.jfr: a flight recording from launch on, started by jcmd once the JVM answers
    (-XX:StartFlightRecording adds the jdk.jfr module at launch, and the JVM then refuses an AOT cache
    trained without it); FARM_JFR_SETTINGS, JFR.start's options (default settings=profile)."""
    jcmd = os.path.join(os.path.dirname(os.environ.get("FARM_JAVA", "java")), "jcmd")
    options = os.environ.get("FARM_JFR_SETTINGS", "settings=profile").split()
    for _ in range(300):
        started = subprocess.run([jcmd if os.path.dirname(jcmd) else "jcmd", str(app.pid), "JFR.start", "name=farm",
                                  f"filename={os.path.abspath(os.environ['FARM_JFR'])}", "dumponexit=true", *options],
                                 capture_output=True, text=True)
        if started.returncode == 0 and "Started recording" in started.stdout:
            print("flight recording started:", started.stdout.strip().splitlines()[-1], flush=True)
            return
        if app.poll() is not None:
            return
        time.sleep(0.1)
    print("flight recording not started:", started.stdout, started.stderr, flush=True)


if os.environ.get("FARM_JFR"):
    record()


def cpu_seconds():
    fields = open(f"/proc/{app.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / clk


def farm_cpu():
    """This script's own CPU seconds (the fake publishers' server), which share the machine with the service."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def status(key):
    for line in open(f"/proc/{app.pid}/status"):
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def thread_cpu():
    """Service CPU seconds by kind of thread: the JIT compilers and GC beside the application's own."""
    out = collections.Counter()
    for tid in os.listdir(f"/proc/{app.pid}/task"):
        try:
            stat = open(f"/proc/{app.pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        kind = ("JIT" if "Compiler" in name else "GC" if re.match(r"(GC|G1|VM Thread|Parallel)", name)
                else "app")
        out[kind] += (int(fields[11]) + int(fields[12])) / clk
    return out


def fetched_sources():
    with urllib.request.urlopen(f"http://127.0.0.1:{app_port}/api/status", timeout=60) as r:
        return json.load(r)


def lock_phases():
    """Assigning transactions in the cycle and where their time under the lock went (the service's metrics)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{app_port}/q/metrics", timeout=60) as r:
            text = r.read().decode()
    except OSError as e:
        return f"metrics unavailable: {e}"
    held = {m.group(1): float(m.group(2)) for m in re.finditer(
        r'^tributary_ingest_lock_held_seconds_(count|sum)(?:\{[^}]*\})? (\S+)$', text, re.M)}
    phases = {m.group(1): float(m.group(2)) for m in re.finditer(
        r'^tributary_ingest_lock_phase_seconds_sum\{[^}]*phase="([^"]+)"[^}]*\} (\S+)$', text, re.M)}
    n = held.get("count", 0)
    return (f"assigning transactions: {n:.0f} ({N * 5 / max(1, n):.1f} items each), lock held {held.get('sum', 0):.1f} s: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in phases.items()))


try:
    start = time.time()
    while True:
        time.sleep(5)
        with lock:
            seen = counts["200"] + counts["304"]
        if seen >= N:
            break
        if app.poll() is not None:  # e.g. a flag or an AOT cache the JVM refused: no use waiting out the limit
            sys.exit(f"the service exited with {app.returncode}: " + open(os.path.join(work, "app.log")).read()[-2000:])
        if time.time() - start > FIRST_CYCLE_LIMIT:
            sys.exit(f"first cycle incomplete after {FIRST_CYCLE_LIMIT} s: {seen} of {N} fetched")
    first = time.time() - start
    print(f"first cycle (every feed new, {N * 5} items stored and clustered): {first:.0f} s")
    # end to end: from the first feed served until the last item is stored and clustered
    while True:
        st = fetched_sources()
        if (st.get("items") or 0) >= N * 5 or time.time() - start > 900:
            break
        time.sleep(0.5)
    stored = time.time()
    cpu_first = cpu_seconds()
    span = stored - STAMPS["first200"]
    print(f"first cycle end to end: {st.get('items')} items stored {span:.1f} s after the first feed was served "
          f"({st.get('items') / span:.0f} items/s; {stored - start:.1f} s from launch); service CPU since launch "
          f"{cpu_first:.1f} s ({st.get('items') / cpu_first:.0f} items per CPU-second, start-up included); "
          f"load average {os.getloadavg()[0]:.2f}")
    cycle_cpu = cpu_first - STAMPS["cpu_first200"]
    print(f"first cycle CPU (first feed served to last item stored): {cycle_cpu:.1f} s, "
          f"{st.get('items') / cycle_cpu:.0f} items per CPU-second; service RSS peak {status('VmHWM:') // 1024} MB ({heap})")
    threads = thread_cpu()
    print("service CPU since launch by thread: " + ", ".join(f"{k} {v:.1f} s" for k, v in threads.most_common()))
    # threads that ended during the cycle count in neither: a few of start-up's, next to nothing
    threads.subtract(STAMPS["threads_first200"])
    print("first cycle CPU by thread: " + ", ".join(f"{k} {v:.1f} s" for k, v in threads.most_common()))
    print(lock_phases())
    print(f"the farm's own server over the cycle: {farm_cpu() - STAMPS['farm_first200']:.1f} CPU-s")
    if os.environ.get("FARM_FIRST_ONLY"):
        sys.exit(0)

    def phase(mode, seconds, settle):
        """Polls served and service CPU over {seconds} in {mode}, after {settle} s of settling."""
        MODE["mode"] = mode
        time.sleep(settle)
        with lock:
            a = dict(counts)
        c, t = cpu_seconds(), time.time()
        time.sleep(seconds)
        with lock:
            b = dict(counts)
        n200, n304 = b.get("200", 0) - a.get("200", 0), b.get("304", 0) - a.get("304", 0)
        return n200, n304, cpu_seconds() - c, (time.time() - t) / 60

    n200, n304, cpu, minutes = phase("mixed", MEASURE, 60)  # the schedule settles into its rhythm first
    print(f"steady state over {minutes * 60:.0f} s: {(n200 + n304) / minutes:.0f} feeds polled/min "
          f"({n200 / minutes:.0f} changed, {n304 / minutes:.0f} not modified)")
    print(f"service CPU: {cpu / (minutes * 60) * 100:.0f}% of one core, {cpu * 1000 / max(1, n200 + n304):.2f} ms per poll")

    def cost(mode):
        # 20 s for the previous mode's polls to drain
        n200, n304, cpu, minutes = phase(mode, MEASURE // 2, 20)
        return cpu * 1000 / max(1, n200 + n304), (n200 + n304) / minutes

    ms304, rate304 = cost("frozen")
    ms200, rate200 = cost("changing")
    print(f"CPU per poll: not modified {ms304:.2f} ms ({rate304:.0f}/min), changed {ms200:.2f} ms "
          f"({rate200:.0f}/min, 5 new items each): the 304 path is {ms200 / ms304:.1f}x cheaper")
    print(f"service RSS now {status('VmRSS:') // 1024} MB, peak {status('VmHWM:') // 1024} MB ({heap})")
finally:
    app.terminate()
    app.wait(timeout=60)
    server.shutdown()
