#!/usr/bin/env bash
# Profiles one endpoint under load with JDK Flight Recorder and writes a Markdown summary next to the recording:
# the packaged app on a newsroom dataset (made by newsroom.sh), warmed with wrk, then recorded for DURATION while
# wrk loads it again, with the CPU the app spent per request (/proc/<pid>/stat).
#
#   src/bench/profile.sh NAME PATH [wrk options/script args...]
#   src/bench/profile.sh rss '/v1/articles?category=politics&format=rss'
#   src/bench/profile.sh rss-gz '/v1/articles?category=politics&format=rss' -H 'Accept-Encoding: gzip, br'
#   src/bench/profile.sh create /v1/articles -s src/bench/newsroom/newsroom.lua -- create politics reuters KEYS 1
#   IF_NONE_MATCH=1 src/bench/profile.sh 304 '/v1/...'                 # with the URL's current ETag: 304s
#   EXTRA_ENV=NEWSDESK_CACHING_RENDER_CACHE_MAX_BYTES=0 src/bench/profile.sh rss-nocache '/v1/...'
#
# Knobs: ARTICLES (20000: the dataset bench_newsroom_<ARTICLES>), PORT (18190), HEAP (256m), WARM (20s),
# DURATION (20s), CONNECTIONS (32), PERIOD (2 ms between CPU samples), EXTRA_ENV, EDITOR_KEYS, OUTDIR
# (src/bench/results/profiles). Needs the packaged app, wrk and the JDK's jcmd and jfr.
set -euo pipefail
NAME=$1; shift
URLPATH=$1; shift
ARTICLES=${ARTICLES:-20000}
PORT=${PORT:-18190}
HEAP=${HEAP:-256m}
WARM=${WARM:-20s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PERIOD=${PERIOD:-2ms}
THREADS=$((CONNECTIONS < 2 ? CONNECTIONS : 2))
EXTRA_ENV=${EXTRA_ENV:-}
EDITOR_KEYS=${EDITOR_KEYS:-$(for i in 1 2 3 4 5 6 7 8; do printf "bench-editor-%s-%s," $i 0123456789abcdef0123456789; done | sed "s/,$//")}
cd "$(dirname "$0")/../.."
OUTDIR=${OUTDIR:-src/bench/results/profiles}
mkdir -p "$OUTDIR"
STAMP=$(date -u +%Y%m%d-%H%M)
JFR=$PWD/$OUTDIR/$NAME-$ARTICLES-$STAMP.jfr
MD=$OUTDIR/$NAME-$ARTICLES-$STAMP.md
LOG=$(mktemp)
read -ra extra <<<"$EXTRA_ENV"
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
    echo "port $PORT already answers: stop what listens there, or choose another PORT" >&2
    exit 1
fi
env NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$PORT" \
    NEWSDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_newsroom_$ARTICLES" NEWSDESK_DB_USER=postgres \
    NEWSDESK_AUTH_EDITOR_KEYS="$EDITOR_KEYS" "${extra[@]}" \
    java "-Xmx$HEAP" -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
APP=$!
# on every exit: stop the app and delete what a create or bulk profile added (as newsroom.sh does before a run)
cleanup() {
    kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -f "$LOG"
    psql -X -q -h 127.0.0.1 -U postgres -d "bench_newsroom_$ARTICLES" \
        -c 'delete from article where id > (select last_generated_id from bench_dataset)' || true
}
trap cleanup EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $APP 2>/dev/null || { tail -20 "$LOG"; exit 1; }
    sleep 0.2
done
URL="http://127.0.0.1:$PORT$URLPATH"
if [[ -n ${IF_NONE_MATCH:-} ]]; then # conditional GETs with the ETag of the representation the URL answers now
    etag=$(curl -sS -D - -o /dev/null "$URL" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
    set -- "$@" -H "If-None-Match: $etag"
fi
echo "warming $URL for $WARM" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM" "$URL" "$@" >/dev/null
cpu() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; } # user + system, clock ticks
jcmd $APP JFR.start name=bench settings=profile "jdk.ExecutionSample#period=$PERIOD" >/dev/null
c0=$(cpu)
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL" "$@")
c1=$(cpu)
jcmd $APP JFR.stop name=bench filename="$JFR" >/dev/null
requests=$(awk '/requests in/ { print $1 }' <<<"$result")
ticks=$(getconf CLK_TCK)
{
    echo "# Profile: $NAME ($ARTICLES articles)"
    echo
    echo "\`GET/POST $URLPATH\` $*, wrk -t$THREADS -c$CONNECTIONS -d$DURATION after $WARM of warm-up; JFR settings=profile,"
    echo "CPU samples every $PERIOD; $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo),"
    echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), -Xmx$HEAP${EXTRA_ENV:+, $EXTRA_ENV}, $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo '```'
    echo "$result"
    echo '```'
    echo
    echo "App CPU per request: $(awk -v t=$((c1 - c0)) -v n="$requests" -v hz="$ticks" 'BEGIN { printf "%.3f", t * 1000 / hz / n }') ms ($((c1 - c0)) ticks of 1/$ticks s for $requests requests)."
    echo
    python3 src/bench/profile/jfr-summary.py "$JFR" 25
} >"$MD"
echo "wrote $MD (recording $JFR)" >&2
