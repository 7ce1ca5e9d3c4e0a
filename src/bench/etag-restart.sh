#!/usr/bin/env bash
# Same content, same ETag: after a restart, and on two instances sharing one PostgreSQL database.
#
# Builds the jar if it is missing, creates a scratch database (newsdesk_etag, dropped and re-created), starts
# the packaged app with demo content on :18081, records the ETags of a few URLs, stops it, starts it again
# and records them again, then runs two instances at once (:18081 and :18082) and records both. Every
# request sends the same Host header, as a load balancer in front of the instances would, because absolute
# links in the bodies (and so the bytes and the tags) follow the host the client used. Prints SAME or
# DIFFERENT per URL and comparison; exits 1 on any difference or missing tag. Finally a view counted on one
# instance must show as the same new tag on the other (no per-instance state).
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, ETAG_DB (newsdesk_etag),
# STARTUP_TIMEOUT seconds per start (180), KEEP_DB=1 to keep the scratch database.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGOPTIONS="-c client_min_messages=warning"

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${ETAG_DB:-newsdesk_etag}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
JAR=target/quarkus-app/quarkus-run.jar
HOST=news.example
PORT_A=18081
PORT_B=18082
URLS=(
  "/v1/articles"
  "/v1/articles?category=politics-and-government&format=rss"
  "/v1/articles?category=world&format=atom"
  "/v1/articles?source=pbs&format=jsonfeed"
  "/v1/articles?category=health&source=npr&format=xml&limit=5"
  "/v1/articles/1"
  "/v1/articles/2?format=rss"
  "/v1/categories"
  "/v1/sources/pbs?format=xml"
  "/v1/dates?category=sports"
)

WORK=$(mktemp -d /tmp/etag-restart.XXXXXX)
PIDS=()

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

cleanup() {
  stop_all
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f "$JAR" ]; then
  echo "building $JAR"
  ./mvnw -B -q package -DskipTests
fi

psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -q \
  -c "drop database if exists $DB" -c "create database $DB"

launch() { # port name: starts an instance in the background
  NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" NEWSDESK_DB_USER="$PGUSER" \
    NEWSDESK_DEMO_ENABLED=true QUARKUS_HTTP_PORT="$1" \
    java -jar "$JAR" >"$WORK/$2.log" 2>&1 &
  PIDS+=($!)
}

ready() { # port name pid: waits until it answers its readiness probe
  local pid=$3 deadline=$((SECONDS + STARTUP_TIMEOUT))
  until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$1/q/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "instance $2 on :$1 did not become ready; log:" >&2
      tail -20 "$WORK/$2.log" >&2
      exit 2
    fi
    sleep 1
  done
}

start() { # port name
  launch "$1" "$2"
  ready "$1" "$2" "${PIDS[-1]}"
}

etag() { # port url
  curl -s --max-time 20 -o /dev/null -D - -H "Host: $HOST" "http://127.0.0.1:$1$2" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'
}

record() { # port file
  local url
  for url in "${URLS[@]}"; do
    printf '%s\t%s\n' "$url" "$(etag "$1" "$url")"
  done >"$WORK/$2"
}

echo "1. first start on :$PORT_A (demo content seeded into $DB)"
start $PORT_A first
record $PORT_A first
stop_all
echo "2. restart on :$PORT_A"
start $PORT_A restart
record $PORT_A restart
stop_all
echo "3. two instances at once on :$PORT_A and :$PORT_B, one database"
launch $PORT_A a
launch $PORT_B b
ready $PORT_A a "${PIDS[0]}"
ready $PORT_B b "${PIDS[1]}"
record $PORT_A a
record $PORT_B b

failed=0
compare() { # label file1 file2
  local url tag1 tag2 verdict
  while IFS=$'\t' read -r url tag1 && IFS=$'\t' read -r _ tag2 <&3; do
    verdict=SAME
    if [ -z "$tag1" ] || [ "$tag1" != "$tag2" ]; then verdict=DIFFERENT; failed=1; fi
    printf '%-9s %-22s %-62s %s %s\n' "$verdict" "$1" "$url" "$tag1" "${tag2:-<none>}"
  done <"$WORK/$2" 3<"$WORK/$3"
}
echo
compare "start 1 vs start 2" first restart
compare "start 1 vs A :$PORT_A" first a
compare "A vs B :$PORT_B" a b

echo
before=$(etag $PORT_B /v1/articles/1)
curl -sf --max-time 10 -o /dev/null -X POST "http://127.0.0.1:$PORT_A/v1/articles/1/views"
after_a=$(etag $PORT_A /v1/articles/1)
after_b=$(etag $PORT_B /v1/articles/1)
if [ "$before" != "$after_b" ] && [ "$after_a" = "$after_b" ]; then verdict=SAME; else verdict=DIFFERENT; failed=1; fi
printf '%-9s %-22s %-62s %s %s (was %s)\n' "$verdict" "view on :$PORT_A" "/v1/articles/1" "$after_a" "$after_b" "$before"

echo
if [ $failed = 0 ]; then echo "OK: identical ETags for identical content"; else echo "FAILED: ETags differ"; fi
exit $failed
