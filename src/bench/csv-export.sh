#!/usr/bin/env bash
# Streaming CSV export benchmark: ROWS articles in one category, exported as one CSV by an app whose heap
# is capped at 128 MB. Reports rows/s, bytes, time to first byte and the peak RSS of the java process.
# See src/bench/README.md. Every step has a time limit; the app is stopped on every exit path.
#
#   src/bench/csv-export.sh                 # PostgreSQL on 127.0.0.1, user postgres, 100 000 rows
#   ROWS=300000 src/bench/csv-export.sh
#   DB=h2 src/bench/csv-export.sh           # no PostgreSQL: a fresh H2 file database in the work dir
set -euo pipefail

ROWS=${ROWS:-100000}
DB=${DB:-pg}
PORT=${PORT:-18089}
HEAP=${HEAP:-128m}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-newsdesk_bench}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
EXPORT_TIMEOUT=${EXPORT_TIMEOUT:-600}
PGCLIENTENCODING=UTF8
export PGHOST PGPORT PGUSER PGCLIENTENCODING

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-bench.XXXXXX")
URL="http://127.0.0.1:$PORT/v1/articles?category=bench&format=csv"
APP_PID=

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
    [[ -n $APP_PID ]] || return 0
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}
cleanup() {
    stop_app
    if [[ $DB == pg && -z ${KEEP_DB:-} ]]; then
        psql -q -d postgres -c "drop database if exists $BENCH_DB" >/dev/null 2>&1 || true
    fi
    [[ -n ${KEEP_DB:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # $1: log name
    local -a env=(NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$PORT" QUARKUS_LOG_CONSOLE_LEVEL=WARN)
    local -a props=()
    if [[ $DB == pg ]]; then
        env+=(NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" NEWSDESK_DB_USER="$PGUSER"
            NEWSDESK_DB_PASSWORD="${PGPASSWORD:-}")
    else
        props+=("-Dquarkus.datasource.h2.jdbc.url=jdbc:h2:file:$WORK/bench;DB_CLOSE_ON_EXIT=FALSE")
    fi
    env "${env[@]}" java "-Xmx$HEAP" "${props[@]}" -jar "$JAR" >"$WORK/$1.log" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + STARTUP_TIMEOUT))
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
        if ! kill -0 "$APP_PID" 2>/dev/null || ((SECONDS > deadline)); then
            log "the app did not become ready; its log:"; tail -30 "$WORK/$1.log" >&2; exit 1
        fi
        sleep 1
    done
}

insert_sql() { # the fixture: one category, one source, ROWS articles one minute apart, text that needs quoting
    local rows=$1 series date bool_even bool_fifth nl
    if [[ $DB == pg ]]; then
        series="generate_series(1, $rows) as g(i)"; nl="chr(10)"
        date="timestamptz '2026-01-01 00:00:00+00' - i * interval '1 minute'"
        bool_even="i % 2 = 0"; bool_fifth="i % 5 = 0"
    else
        series="(select x as i from system_range(1, $rows)) g"; nl="char(10)"
        date="dateadd(minute, -i, timestamp with time zone '2026-01-01 00:00:00+00')"
        bool_even="mod(i, 2) = 0"; bool_fifth="mod(i, 5) = 0"
    fi
    cat <<SQL
insert into category (slug, name, created_at, updated_at) values ('bench', 'Bench, "all"', now(), now());
insert into source (slug, name, url, created_at, updated_at)
    values ('bench-wire', 'Bench Wire', 'https://wire.example.org', now(), now());
insert into article (slug, title, summary, content, category_id, source_id, published_at, created_at,
        updated_at, original_url, is_summary, has_editorial_bias, views)
select 'bench-article-' || i,
       case when mod(i, 7) = 0 then '=SUM(' || i || ')' else 'Bench article ' || i || ': "quotes", commas 📈' end,
       'Summary of article ' || i || ', with a comma and “curly quotes”.',
       repeat('A paragraph with é, 東京, "quotes" and commas; then a line break.' || $nl, 15),
       (select id from category where slug = 'bench'), (select id from source where slug = 'bench-wire'),
       $date, now(), now(), 'https://www.example.org/news/' || i, $bool_even, $bool_fifth, mod(i, 1000)
from $series;
SQL
}

run_sql() { # $1: file
    if [[ $DB == pg ]]; then
        timeout 600 psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f "$1"
        timeout 600 psql -q -d "$BENCH_DB" -c 'analyze'
    else
        local h2; h2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
        timeout 600 java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/bench" -user sa -script "$1"
    fi
}

export_once() { # prints: time_starttransfer time_total size_download; fails on anything but a whole 200
    local out
    # curl fails (18) when the app cuts a chunked response short, e.g. after a database error mid-stream.
    out=$(curl -sS -o /dev/null --max-time "$EXPORT_TIMEOUT" \
        -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$URL") || {
        log "export failed: curl exit $? ($out)"; tail -30 "$WORK/bench.log" >&2; return 1; }
    [[ $out == "200 "* ]] || { log "export answered ${out%% *}"; return 1; }
    echo "${out#200 }"
}

vm() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$APP_PID/status"; } # kB

if [[ ! -f $JAR ]]; then
    log "building the jar"
    timeout 1200 ./mvnw -B -q package -DskipTests
fi

if [[ $DB == pg ]]; then
    log "fresh PostgreSQL database $BENCH_DB on $PGHOST:$PGPORT"
    psql -q -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB encoding 'UTF8' template template0"
fi
log "first start: migrate the schema"
start_app migrate
stop_app
log "inserting $ROWS articles"
insert_sql "$ROWS" >"$WORK/fixture.sql"
t0=$SECONDS
run_sql "$WORK/fixture.sql"
log "inserted in $((SECONDS - t0)) s"

log "second start with -Xmx$HEAP"
start_app bench
rss_ready=$(vm VmRSS)
log "export 1 (cold JIT)"
first=$(export_once)
read -r ttfb1 total1 bytes1 <<<"$first"
log "export 2 (warm)"
second=$(export_once)
read -r ttfb2 total2 bytes2 <<<"$second"

records=unchecked
if command -v python3 >/dev/null; then
    log "export 3: count the records with Python's csv module"
    records=$(curl -sS --max-time "$EXPORT_TIMEOUT" "$URL" | python3 -c '
import csv, io, sys
rows = csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=""))
print(sum(1 for _ in rows) - 1)')
    [[ $records == "$ROWS" ]] || { log "expected $ROWS records, got $records"; exit 1; }
fi
hwm=$(vm VmHWM)
stop_app

rate() { awk -v r="$ROWS" -v t="$1" 'BEGIN { printf "%.0f", r / t }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
cat <<REPORT
date:            $(date -u +%Y-%m-%dT%H:%M:%SZ)
machine:         $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(java -version 2>&1 | head -1)
load average:    $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)
database:        $DB$([[ $DB == pg ]] && printf ' (%s)' "$(psql -At -d postgres -c 'show server_version')")
rows:            $ROWS (records counted in the download: $records)
heap:            -Xmx$HEAP
cold export:     $(rate "$total1") rows/s, $(mb "$bytes1") MiB in ${total1} s, first byte after ${ttfb1} s
warm export:     $(rate "$total2") rows/s, $(mb "$bytes2") MiB in ${total2} s, first byte after ${ttfb2} s
java RSS:        $((rss_ready / 1024)) MiB when ready, peak (VmHWM) $((hwm / 1024)) MiB after the exports
REPORT
