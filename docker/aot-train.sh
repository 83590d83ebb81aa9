#!/bin/sh
# The image's AOT cache training run (docker/Dockerfile; by hand: README, "Memory and start-up").
#   aot-train.sh APP_DIR CACHE [PORT]      JAVA, JVM_OPTS and the database from the environment
# Starts the real service (migrations, Hibernate, the HTTP server, the scheduler) on a throwaway
# database: a fresh H2 file under a temporary directory unless QUARKUS_DATASOURCE_JDBC_URL names
# another (a PostgreSQL build cannot use H2). Its one source is the service's own merged feed, so a
# poll fetches, parses and stores without leaving the container. Once ready it asks for the pages,
# feeds and admin answers a start-up and its first requests use, then stops on SIGTERM: the JVM
# writes the cache (-XX:AOTCacheOutput) as it exits. A second start with -XX:AOTMode=on, which
# refuses to run without the cache, must get ready too, or the script fails (and the build with it).
set -eu
APP=$(cd "$1" && pwd) # absolute: the cache records the class path, and a start with another spelling of it cannot use the cache
CACHE=$2
PORT=${3:-8089}
JAVA=${JAVA:-java}
WORK=$(mktemp -d)
LOG=$WORK/service.log
cat > "$WORK/feeds.yaml" <<EOF
sources:
  - id: self
    url: http://127.0.0.1:$PORT/feeds/self.rss
    title: Training
    tags: [training]
channels:
  - id: self
    title: Training
    tags: [training]
EOF

# the service in the background with this run's flags; its pid in $PID
start() {
  QUARKUS_HTTP_PORT=$PORT TRIBUTARY_FEEDS=$WORK/feeds.yaml TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS=true \
    QUARKUS_SHUTDOWN_DELAY_ENABLED=false \
    QUARKUS_DATASOURCE_JDBC_URL=${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:h2:file:$WORK/db} \
    "$JAVA" $JVM_OPTS "$@" -jar "$APP/quarkus-run.jar" >> "$LOG" 2>&1 &
  PID=$!
}

# waits up to 5 minutes for readiness; fails if the JVM exits first
ready() {
  n=0
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    if ! kill -0 "$PID" 2>/dev/null || [ $n -ge 1500 ]; then
      cat "$LOG"
      echo "aot-train: the service did not get ready" >&2
      exit 1
    fi
    n=$((n + 1))
    sleep 0.2
  done
}

stop() {
  kill -TERM "$PID"
  wait "$PID" || true
}

# MaxMetaspaceSize for this run only: the JVM copies the cache's classes into a buffer as large as
# the class space, which the image's -XX:MaxMetaspaceSize=160m caps at 128 MB, and the cache's
# classes already take about 125 MB of it; a few more classes and the cache could not be written
# ("Unable to allocate from 'ro' region"). The start below checks that the image's flags map it.
start -XX:AOTCacheOutput="$CACHE" -XX:MaxMetaspaceSize=256m
ready
sleep 3 # a poll tick or two: the source is claimed and fetched
for path in /q/health/ready /q/health/live / /channels/self /feeds/self.rss /feeds/self.atom /feeds/self.rss \
    /feeds.opml /api/channels /api/channels/self/stories /api/status /api/sources /admin /admin/login /q/metrics \
    /stories/1 /feeds/none.rss; do
  curl -s -o /dev/null --compressed "http://127.0.0.1:$PORT$path"
done
curl -s -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$PORT/feeds/self.rss"
stop
test -s "$CACHE" || { cat "$LOG"; echo "aot-train: no cache was written" >&2; exit 1; }

start -XX:AOTCache="$CACHE" -XX:AOTMode=on
ready
stop
rm -rf "$WORK"
