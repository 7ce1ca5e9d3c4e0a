#!/usr/bin/env bash
# Change stream benchmark (issue 14): time from a write's commit to its Server-Sent Event, with 1, 10 and 100
# open streams, against the packaged app on PostgreSQL (one instance). Writes one Markdown table to
# src/bench/results/changes-<stamp>.md. Needs the packaged app (./mvnw -B package -DskipTests), PostgreSQL on
# 127.0.0.1:5432 (trust auth as user postgres, or PGUSER/PGPASSWORD) and python3.
#   src/bench/changes.sh                      # 200 writes per row, 50 ms apart
#   WRITES=500 STREAMS_LIST="1 100" src/bench/changes.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18183}
WRITES=${WRITES:-200}
STREAMS_LIST=${STREAMS_LIST:-"1 10 100"}
PAUSE_MS=${PAUSE_MS:-50}
DB=${DB:-bench_changes}
PGUSER=${PGUSER:-postgres}
KEY=bench-changes-key-0123456789abcdef0123456789
BASE=http://127.0.0.1:$PORT
OUT=${OUT:-src/bench/results/changes-$(date -u +%Y%m%d-%H%M).md}
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

psql -h 127.0.0.1 -U "$PGUSER" -qc "drop database if exists $DB" postgres
psql -h 127.0.0.1 -U "$PGUSER" -qc "create database $DB" postgres
NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT=$PORT NEWSDESK_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  NEWSDESK_DB_USER=$PGUSER NEWSDESK_AUTH_EDITOR_KEYS=$KEY NEWSDESK_CHANGES_MAX_STREAMS_PER_CLIENT=1000 \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > /tmp/changes-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "$BASE/q/health/ready"
auth=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
curl -sf -o /dev/null -X POST "$BASE/v1/sources" "${auth[@]}" -d '{"slug":"probe","name":"Probe","url":"https://example.org"}'
{
    echo "# Change stream: commit to Server-Sent Event"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -n1), $(psql -h 127.0.0.1 -U "$PGUSER" -tAc 'show server_version' postgres | cut -d' ' -f1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "One instance on PostgreSQL; $WRITES articles created one after another ($PAUSE_MS ms apart) through the API; every stream follows the category. Latency in ms from the POST's answer (the commit) to the event, and from the POST's start."
    echo
    echo "| streams | writes | p50 after answer | p90 | p99 | max | p50 after send | p99 after send | missing events |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for streams in $STREAMS_LIST; do
        category=probe-$streams
        curl -sf -o /dev/null -X POST "$BASE/v1/categories" "${auth[@]}" -d "{\"slug\":\"$category\",\"name\":\"Probe $streams\"}"
        python3 src/bench/changes/latency.py "$BASE" "$KEY" "$category" probe "$WRITES" "$streams" "$PAUSE_MS"
    done
} | tee "$OUT"
echo "written: $OUT" >&2
