#!/usr/bin/env bash
# What a 304 costs next to a 200: throughput of a category RSS feed, full and conditional.
#
# Builds the jar if it is missing, starts it on a scratch H2 database with the demo content (port 18083),
# warms both paths up, then runs wrk twice for the same URL: plain (200 with the whole feed) and with
# If-None-Match set to the feed's ETag (304, no body). Prints req/s of each and the ratio.
#
# Environment: PORT (18083), URL_PATH (a category RSS feed), THREADS (2), CONNECTIONS (32), DURATION (10s),
# WARMUP (5s), STARTUP_TIMEOUT seconds (180). Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18083}
URL_PATH=${URL_PATH:-/v1/articles?category=politics-and-government&format=rss}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
JAR=$PWD/target/quarkus-app/quarkus-run.jar
URL="http://127.0.0.1:$PORT$URL_PATH"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "building $JAR"
  ./mvnw -B -q package -DskipTests
fi

WORK=$(mktemp -d /tmp/conditional-get.XXXXXX)
APP=
cleanup() {
  if [ -n "$APP" ]; then
    kill "$APP" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the H2 file database lives under the working directory (./data): a fresh one in the scratch directory
(cd "$WORK" && exec env -u NEWSDESK_DB_URL QUARKUS_HTTP_PORT="$PORT" NEWSDESK_DEMO_ENABLED=true \
  java -jar "$JAR" >"$WORK/app.log" 2>&1) &
APP=$!
deadline=$((SECONDS + STARTUP_TIMEOUT))
until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  if ! kill -0 "$APP" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "the app did not become ready; log:" >&2
    tail -20 "$WORK/app.log" >&2
    exit 2
  fi
  sleep 1
done

TAG=$(curl -s --max-time 10 -o "$WORK/feed.xml" -D - "$URL" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
full=$(curl -s --max-time 10 -o /dev/null -w '%{http_code} %{size_download}' "$URL")
cond=$(curl -s --max-time 10 -o /dev/null -w '%{http_code} %{size_download}' -H "If-None-Match: $TAG" "$URL")
echo "URL      $URL_PATH"
echo "ETag     $TAG"
echo "plain    -> HTTP ${full% *}, ${full#* } bytes of body"
echo "If-None-Match -> HTTP ${cond% *}, ${cond#* } bytes of body"
[ "${full% *}" = 200 ] && [ "${cond% *}" = 304 ] || { echo "expected 200 and 304" >&2; exit 1; }

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "If-None-Match: $TAG" "$URL" >/dev/null

run() { # label, extra wrk args...
  local label=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$URL" >"$WORK/$label.txt"
  if grep -q "Non-2xx or 3xx" "$WORK/$label.txt"; then
    echo "$label: some answers were errors" >&2
    cat "$WORK/$label.txt" >&2
    exit 1
  fi
  awk '/Requests\/sec/ { print $2 }' "$WORK/$label.txt"
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
rps200=$(run full)
grep -E "Latency  |50%|99%|requests in|Socket errors" "$WORK/full.txt" | sed 's/^/  200: /'
rps304=$(run conditional -H "If-None-Match: $TAG")
grep -E "Latency  |50%|99%|requests in|Socket errors" "$WORK/conditional.txt" | sed 's/^/  304: /'

echo
printf '200 (full feed)       %10.1f req/s\n' "$rps200"
printf '304 (If-None-Match)   %10.1f req/s\n' "$rps304"
awk -v a="$rps304" -v b="$rps200" 'BEGIN { printf "ratio 304/200         %10.2fx\n", a / b }'
