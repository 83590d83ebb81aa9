#!/usr/bin/env bash
# Serving benchmark: start-up time, memory after ingest, and requests/s for a merged feed
# (full 200 and conditional 304) with wrk on loopback, beside nginx serving the same bytes.
# usage: bench/serve.sh   (needs target/quarkus-app, wrk, nginx; prints figures)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
work=$(mktemp -d)
app_port=18940; feed_port=18941; nginx_port=18942
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
mkdir -p "$work/www"; cp "$work/bench.rss" "$work/www/bench.rss"
cat > "$work/nginx.conf" <<NGINX
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $work/www; etag on; }
}
NGINX
nginx -c "$work/nginx.conf"
nginx_etag=$(curl -fsSI "http://127.0.0.1:$nginx_port/bench.rss" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

run() { echo "-- $1"; wrk -t2 -c16 -d10s --latency "${@:2}" | grep -E 'Requests/sec|Latency|99%|Non-2xx'; }
curl -fsS "$base/feeds/bench.rss" >/dev/null   # warm the cache
run "tributary 200 $base/feeds/bench.rss" "$base/feeds/bench.rss"
run "tributary 304 (If-None-Match)" -H "If-None-Match: $etag" "$base/feeds/bench.rss"
run "nginx 200 same bytes" "http://127.0.0.1:$nginx_port/bench.rss"
run "nginx 304 (If-None-Match)" -H "If-None-Match: $nginx_etag" "http://127.0.0.1:$nginx_port/bench.rss"
echo "RSS after load: $(awk '/VmRSS/{print $2}' /proc/$app_pid/status) kB"
