#!/usr/bin/env bash
# Serving benchmark: start-up time, memory after ingest, and requests/s for a merged feed
# (full 200 and conditional 304) with wrk on loopback, beside nginx serving the same bytes.
# usage: bench/serve.sh   (needs target/quarkus-app; installs wrk and nginx from Debian if missing;
#   SERVE_PORT=N picks the three ports N..N+2; SERVE_JFR=file records the wrk runs with JFR)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
work=$(mktemp -d)
app_port=${SERVE_PORT:-18940}; feed_port=$((app_port + 1)); nginx_port=$((app_port + 2))
cleanup() { kill "$app_pid" "$srv_pid" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# 20 synthetic outlets x 50 items, so the merged feed has its full 50 stories.
mkdir -p "$work/feeds"
"$PY" - "$work/feeds" <<'PY'
import sys, random, email.utils, datetime
random.seed(7)
words = "parliament minister border talks gas pipeline election court protest budget visit summit river bridge port".split()
for o in range(20):
    items = []
    for i in range(50):
        t = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(minutes=37 * i + o)
        title = " ".join(random.choice(words) for _ in range(7)).capitalize() + f" {o}-{i}"
        items.append(f"<item><title>{title}</title><link>https://outlet{o}.example/{i}</link><guid>o{o}-{i}</guid>"
                     f"<pubDate>{email.utils.format_datetime(t)}</pubDate><description>{title} and more text.</description></item>")
    open(f"{sys.argv[1]}/o{o}.rss", "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %d</title>'
        '<link>https://outlet%d.example/</link><description>d</description>%s</channel></rss>' % (o, o, "".join(items)))
PY
(cd "$work/feeds" && exec "$PY" -m http.server "$feed_port" --bind 127.0.0.1) >/dev/null 2>&1 &
srv_pid=$!
{
  echo "sources:"
  for o in $(seq 0 19); do printf '  - id: o%s\n    url: http://127.0.0.1:%s/o%s.rss\n    tags: [b]\n' "$o" "$feed_port" "$o"; done
  echo "channels:"; echo "  - id: bench"; echo "    title: Bench"; echo "    tags: [b]"
} > "$work/feeds.yaml"
mkdir -p "$work/run"
start=$(date +%s%N)
(cd "$work/run" && exec env QUARKUS_HTTP_PORT=$app_port TRIBUTARY_FEEDS="$work/feeds.yaml" \
  TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS=true TRIBUTARY_RETENTION_MAX_AGE=0 QUARKUS_LOG_LEVEL=WARN \
  java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar") > "$work/app.log" 2>&1 &
app_pid=$!
base=http://127.0.0.1:$app_port
until curl -fsS "$base/q/health/ready" >/dev/null 2>&1; do sleep 0.05; done
echo "start to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms"
until [ "$(curl -fsS "$base/api/sources" | "$PY" -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin)["sources"] if s["lastSuccess"]))')" = 20 ]; do sleep 0.5; done
echo "all 20 sources ingested after: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "RSS after ingest: $(awk '/VmRSS/{print $2}' /proc/$app_pid/status) kB"

curl -fsS "$base/feeds/bench.rss" -o "$work/bench.rss"
etag=$(curl -fsSI "$base/feeds/bench.rss" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "feed size: $(wc -c < "$work/bench.rss") bytes, etag $etag"
curl -fsS -H 'Accept-Encoding: gzip' "$base/feeds/bench.rss" -o "$work/bench.rss.gz"
gz_etag=$(curl -fsSI -H 'Accept-Encoding: gzip' "$base/feeds/bench.rss" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "gzip size: $(wc -c < "$work/bench.rss.gz") bytes, etag $gz_etag"
mkdir -p "$work/www"; cp "$work/bench.rss" "$work/bench.rss.gz" "$work/www/"
cat > "$work/nginx.conf" <<NGINX
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  gzip_static on;
  server { listen 127.0.0.1:$nginx_port; root $work/www; etag on; }
}
NGINX
nginx -c "$work/nginx.conf"
nginx_etag=$(curl -fsSI "http://127.0.0.1:$nginx_port/bench.rss" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

# Each pair runs back to back (nginx first), so a change in the machine's load hits both alike.
# Server CPU per request as well as req/s: on a loaded machine the CPU figure moves less.
ticks() {  # user+system clock ticks of the server under test: the jar, or nginx's master and worker
  local pids; if [ "$1" = t ]; then pids=$app_pid; else pids="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"; fi
  for p in $pids; do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk '{s += $1} END {print s}'
}
hz=$(getconf CLK_TCK)
run() {
  echo "-- $2"
  local before; before=$(ticks "${1:0:1}")
  wrk -t2 -c16 -d10s --latency "${@:3}" > "$work/wrk.out"
  local used=$(( $(ticks "${1:0:1}") - before ))
  grep -E 'Requests/sec|Latency|99%|Non-2xx' "$work/wrk.out"
  awk '/Requests\/sec/{print $2}' "$work/wrk.out" > "$work/rps.$1"
  awk -v t="$used" -v hz="$hz" '/requests in/{printf "    server CPU: %.1f us/request (%d requests)\n", t * 1e6 / hz / $1, $1}' "$work/wrk.out"
}
nginx_url="http://127.0.0.1:$nginx_port/bench.rss"
# warm the cache and the JIT on every path measured, so no row pays for compilation
for h in "X-Warm: 1" "If-None-Match: $etag" "Accept-Encoding: gzip"; do wrk -t2 -c16 -d4s -H "$h" "$base/feeds/bench.rss" >/dev/null; done
[ -n "${SERVE_JFR:-}" ] && jcmd "$app_pid" JFR.start name=serve settings=profile filename="$SERVE_JFR" >/dev/null
run n200 "nginx 200 same bytes" "$nginx_url"
run t200 "tributary 200 $base/feeds/bench.rss" "$base/feeds/bench.rss"
run n304 "nginx 304 (If-None-Match)" -H "If-None-Match: $nginx_etag" "$nginx_url"
run t304 "tributary 304 (If-None-Match)" -H "If-None-Match: $etag" "$base/feeds/bench.rss"
run ngz "nginx gzip 200 same bytes (gzip_static)" -H 'Accept-Encoding: gzip' "$nginx_url"
run tgz "tributary gzip 200" -H 'Accept-Encoding: gzip' "$base/feeds/bench.rss"
run tgz304 "tributary gzip 304 (If-None-Match)" -H 'Accept-Encoding: gzip' -H "If-None-Match: $gz_etag" "$base/feeds/bench.rss"
[ -n "${SERVE_JFR:-}" ] && jcmd "$app_pid" JFR.stop name=serve >/dev/null
ratio() { awk -v a="$(cat "$work/rps.$2")" -v b="$(cat "$work/rps.$3")" -v l="$1" 'BEGIN{printf "%s: %.0f%% of nginx (%.0f vs %.0f req/s)\n", l, 100*a/b, a, b}'; }
ratio "200" t200 n200
ratio "304" t304 n304
ratio "gzip 200" tgz ngz
echo "RSS after load: $(awk '/VmRSS/{print $2}' /proc/$app_pid/status) kB"
