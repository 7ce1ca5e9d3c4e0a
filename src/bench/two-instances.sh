#!/usr/bin/env bash
# Cross-instance freshness (issue 7, part 3): two instances on one PostgreSQL database, each with its render
# cache warm; a write on one must show on the other on the very next request. ROUNDS times: read the feed and
# the article twice on both instances (so both cache them), edit the article's title on one instance (alternating),
# then read the feed and the article on the OTHER instance at once and compare. Prints rounds, stale reads
# (must be 0) and write latency. Exits non-zero on a stale read. See src/bench/README.md.
#
#   src/bench/two-instances.sh                  # PostgreSQL on 127.0.0.1:5432 as postgres, 200 rounds
#   ROUNDS=1000 src/bench/two-instances.sh
set -euo pipefail

ROUNDS=${ROUNDS:-200}
PORT_A=${PORT_A:-18111}
PORT_B=${PORT_B:-18112}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-newsdesk_two_instances}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-two.XXXXXX")
KEY=two-$(openssl rand -hex 24)
PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    psql -q -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
for port in $PORT_A $PORT_B; do
    NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" NEWSDESK_DB_USER="$PGUSER" NEWSDESK_AUTH_EDITOR_KEYS=$KEY \
        QUARKUS_HTTP_PORT=$port QUARKUS_LOG_CONSOLE_LEVEL=WARN \
        java -jar "$JAR" >"$WORK/app-$port.log" 2>&1 &
    PIDS+=($!)
    sleep 5 # one instance migrates first; the other finds the schema done
done
for port in $PORT_A $PORT_B; do
    deadline=$((SECONDS + STARTUP_TIMEOUT))
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        ((SECONDS < deadline)) || { log "instance $port not ready"; tail -20 "$WORK/app-$port.log"; exit 1; }
        sleep 1
    done
done
log "two instances ready on $PORT_A and $PORT_B"

A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
write() { curl -sf -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
write -X POST "$A/v1/categories" -d '{"slug":"harbour","name":"Harbour"}'
write -X POST "$A/v1/sources" -d '{"slug":"gazette","name":"Gazette","url":"https://gazette.example"}'
article() { # title
    printf '{"title":"%s","summary":"S","content":"Text.","category":"harbour","source":"gazette",' "$1"
    printf '"publishedAt":"2026-11-01T10:00:00Z","originalUrl":"https://gazette.example/1","isSummary":false,'
    printf '"hasEditorialBias":false}'
}
ID=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -X POST "$A/v1/articles" -d "$(article 'Round 0')" | awk -F'/' 'tolower($0) ~ /^location:/ {print $NF}' | tr -d '\r')
FEED="/v1/articles?category=harbour&format=rss"

stale=0
total_ms=0
max_ms=0
for round in $(seq 1 "$ROUNDS"); do
    for base in $A $B $A $B; do # twice each: the second read is a cache hit, so both caches hold them
        curl -sf -o /dev/null "$base$FEED"; curl -sf -o /dev/null "$base/v1/articles/$ID"
    done
    if ((round % 2)); then writer=$A; reader=$B; else writer=$B; reader=$A; fi
    title="Round $round"
    ms=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        -X PUT "$writer/v1/articles/$ID" -d "$(article "$title")" | awk '{printf "%d", $1 * 1000}')
    total_ms=$((total_ms + ms)); ((ms > max_ms)) && max_ms=$ms
    feed=$(curl -sf "$reader$FEED")
    json=$(curl -sf "$reader/v1/articles/$ID")
    if ! grep -q "<title>$title</title>" <<<"$feed" || ! grep -q "\"title\":\"$title\"" <<<"$json"; then
        stale=$((stale + 1)); log "round $round: the other instance still showed an older title"
    fi
done
hits=$(curl -sf "$A/q/metrics" "$B/q/metrics" -H 'Accept: text/plain' \
    | awk '/^newsdesk_reads_total/ && index($1, "answer=\"full\"") && index($1, "cache=\"hit\"") {s += $2}
           END {printf "%d", s}')
echo "rounds:                 $ROUNDS (write on one instance, read feed and article on the other at once)"
echo "stale reads:            $stale"
echo "write latency:          mean $((total_ms / ROUNDS)) ms, max $max_ms ms (PUT, includes waiting for every instance's confirmation)"
echo "cache hits (both):      $hits (the second warm-up read of each URL before each write: the caches were warm)"
((stale == 0))
