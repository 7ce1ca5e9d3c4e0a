#!/usr/bin/env bash
# Faults (issue 7), on a PostgreSQL cluster of its own ("faults", port 5433; the main cluster is never touched):
#   1. PostgreSQL stopped under a load of reads and creates: fast 503 problems with Retry-After, no hang,
#      readiness red, and recovery without a restart once the cluster is back;
#   2. kill -9 of the app during a burst of creates: every acknowledged (201) article is there after the
#      restart, and nothing half-written is;
#   3. SIGTERM during CSV exports and creates: the in-flight requests finish with their status.
# Prints, per fault: requests sent, acknowledged, lost (must be 0), 5xx other than the documented 503, and the
# recovery time. Exits non-zero when a check fails. See src/bench/README.md. Needs root (pg_ctlcluster, runuser).
#
#   src/bench/faults.sh
#   CLIENTS=4 OUTAGE=20 src/bench/faults.sh
set -euo pipefail

PG_VERSION=${PG_VERSION:-15}
CLUSTER=faults
PGPORT=${PGPORT:-5433}
DB=${DB:-prod_faults}
PORT=${PORT:-18091}
CLIENTS=${CLIENTS:-6}            # parallel clients in faults 1 and 3 (8 in fault 2)
BASELINE=${BASELINE:-8}          # seconds of load before PostgreSQL is stopped
OUTAGE=${OUTAGE:-15}             # seconds PostgreSQL stays down
AFTER=${AFTER:-20}               # seconds of load after it is started again
BURST=${BURST:-6}                # seconds of creates before kill -9
CSV_ROWS=${CSV_ROWS:-20000}      # rows of each CSV export in flight at SIGTERM
MAX_TIME=${MAX_TIME:-40}         # curl's limit per request: above the 30 s socket timeout, so a hang shows
BOUND=${BOUND:-3}                # the documented bound while the database is down (acquisition timeout, s)
SLACK=${SLACK:-2}                # allowance for a loaded machine on top of BOUND
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-faults.XXXXXX")
BASE="http://127.0.0.1:$PORT"
KEY=faults-$(openssl rand -hex 24)
DB_PASSWORD=faults-$RANDOM$RANDOM
AUTH="Authorization: Bearer $KEY"
APP_PID=
FAILED=0

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
fail() { log "FAIL: $*"; FAILED=1; }
as_postgres() { runuser -u postgres -- "$@"; }
sql() { as_postgres psql -p "$PGPORT" -qAtX -v ON_ERROR_STOP=1 "$@"; }
cluster() { # action [pg_ctlcluster options]
    local action=$1; shift
    pg_ctlcluster --skip-systemctl-redirect "$@" "$PG_VERSION" "$CLUSTER" "$action"
}

wait_exit() { # the app has 60 s to end after a signal, then it is killed
    for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}
stop_app() { [[ -z $APP_PID ]] || { kill "$APP_PID" 2>/dev/null || true; wait_exit; }; }
cleanup() {
    touch "$WORK/stop" 2>/dev/null || true
    stop_app
    jobs -p | xargs -r kill 2>/dev/null || true
    cluster start >/dev/null 2>&1 || true
    sql -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
    cluster stop >/dev/null 2>&1 || true
    [[ -n ${KEEP:-} ]] && log "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # $1: log name
    NEWSDESK_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" NEWSDESK_DB_USER="$DB" NEWSDESK_DB_PASSWORD="$DB_PASSWORD" \
        NEWSDESK_AUTH_EDITOR_KEYS="$KEY" NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_HOST=127.0.0.1 \
        QUARKUS_HTTP_PORT="$PORT" java -jar "$JAR" >"$WORK/$1.log" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + STARTUP_TIMEOUT))
    until curl -sf -o /dev/null "$BASE/q/health/ready"; do
        if ! kill -0 "$APP_PID" 2>/dev/null || ((SECONDS > deadline)); then
            log "the app did not become ready; its log:"; tail -30 "$WORK/$1.log" >&2; exit 1
        fi
        sleep 0.5
    done
}

body() { # $1: title; content and summary are derived from it, so SQL can tell a complete row
    printf '{"title":"%s","summary":"Summary of %s","content":"Body of %s","category":"faults","source":"faults-wire",'\
'"publishedAt":"2026-11-25T08:00:00Z","originalUrl":"https://faults.example.org/%s","isSummary":true,'\
'"hasEditorialBias":false}' "$1" "$1" "$1" "$1"
}

# One request, one line: kind|start|end|status|seconds|content-type|retry-after|location|title
one() { # kind url [title]
    local t0 out
    t0=$(now)
    local -a args=(-sS -o /dev/null --max-time "$MAX_TIME"
        -w '%{http_code}|%{time_total}|%{content_type}|%header{retry-after}|%header{location}')
    if [[ $1 == create ]]; then
        args+=(-X POST -H "$AUTH" -H 'Content-Type: application/json' --data-binary "$(body "$3")")
    fi
    out=$(curl "${args[@]}" "$2" 2>/dev/null) || true
    echo "$1|$t0|$(now)|$out|${3:-}"
}

client() { # $1: name, $2: mixed (a read, then a create) or create, $3: log file
    local n=0 line
    while [[ ! -e $WORK/stop ]]; do
        n=$((n + 1))
        if [[ $2 == mixed ]]; then one read "$BASE/v1/articles?category=faults&limit=5" >>"$3"; fi
        line=$(one create "$BASE/v1/articles" "$1-$n")
        echo "$line" >>"$3"
        [[ $line == *"|000|"* ]] && sleep 0.2 # nobody listening: do not spin
    done
}

readiness() { # $1: file; one "time status" line every 0.5 s until stop
    while [[ ! -e $WORK/stop ]]; do
        echo "$(now) $(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE/q/health/ready")" >>"$1"
        sleep 0.5
    done
}

run_clients() { # $1: prefix, $2: count, $3: mode
    rm -f "$WORK/stop"
    for c in $(seq 1 "$2"); do client "$1-c$c" "$3" "$WORK/$1.c$c.log" & done
}
stop_clients() { touch "$WORK/stop"; wait $(jobs -p | grep -v "^${APP_PID:-x}$") 2>/dev/null || true; }

# Counts over request lines. "Other 5xx": any 5xx that is not a 503 problem+json with Retry-After.
# "No answer": status 000 (connection refused or curl's own timeout).
summarize() { # files...; prints: sent acknowledged other5xx noanswer
    cat "$@" | awk -F'|' '
        { sent++ }
        $1 == "create" && $4 == 201 { ack++ }
        $4 >= 500 && !($4 == 503 && $6 ~ /^application\/problem\+json/ && $7 != "") { other++ }
        $4 == "000" { none++ }
        END { printf "%d %d %d %d\n", sent, ack, other, none }'
}

# Every acknowledged create must be readable (GET of its Location's id) with its title; prints the number lost.
verify_acknowledged() { # files...
    cat "$@" | awk -F'|' '$1 == "create" && $4 == 201 { n = split($8, p, "/"); print p[n] "|" $9 }' \
        | python3 -c '
import json, sys, urllib.request
lost = 0
for line in sys.stdin:
    id, title = line.rstrip("\n").split("|", 1)
    try:
        with urllib.request.urlopen(sys.argv[1] + "/v1/articles/" + id, timeout=10) as answer:
            got = json.load(answer).get("title")
    except Exception as e:
        got = repr(e)
    if got != title:
        lost += 1
        print("lost: id %s (%s) reads back as %r" % (id, title, got), file=sys.stderr)
print(lost)' "$BASE"
}

# Rows that are not exactly what a client sent, and rows pointing nowhere.
half_written() { # $1: title prefix
    sql -d "$DB" -c "select count(*) from article a left join category c on c.id = a.category_id
        left join source s on s.id = a.source_id
        where a.title like '$1-%' and (c.id is null or s.id is null or a.summary <> 'Summary of ' || a.title
            or a.content <> 'Body of ' || a.title or a.slug = '' or a.original_url <> 'https://faults.example.org/' || a.title)"
}

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
RESULTS=()
result() { RESULTS+=("$(printf '%-34s %6s %13s %5s %10s   %s' "$@")"); }

# ---------------------------------------------------------------- setup
[[ $(id -u) == 0 ]] || { log "run as root: the script manages its own PostgreSQL cluster"; exit 1; }
if [[ ! -f $JAR ]]; then log "building the jar"; timeout 1200 ./mvnw -B -q package -DskipTests; fi
if ! pg_lsclusters -h | awk '{ print $1 " " $2 }' | grep -qx "$PG_VERSION $CLUSTER"; then
    log "creating PostgreSQL cluster $PG_VERSION/$CLUSTER on port $PGPORT"
    pg_createcluster "$PG_VERSION" "$CLUSTER" --port "$PGPORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" { up = 1 }
        END { exit !up }'; then
    cluster start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 1; done
sql -d postgres -c "drop database if exists $DB" -c "drop role if exists $DB" \
    -c "create role $DB login password '$DB_PASSWORD'" -c "create database $DB owner $DB"
log "starting the app on :$PORT (PostgreSQL $PG_VERSION/$CLUSTER on :$PGPORT, database $DB)"
start_app app1
curl -sf -o /dev/null -X POST "$BASE/v1/categories" -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"slug":"faults","name":"Faults"}'
curl -sf -o /dev/null -X POST "$BASE/v1/sources" -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"slug":"faults-wire","name":"Faults Wire","url":"https://faults.example.org"}'

# ---------------------------------------------------------------- 1. PostgreSQL stopped under load
log "fault 1: $CLIENTS clients (a read, then a create, in a loop); PostgreSQL stops after $BASELINE s for $OUTAGE s"
run_clients f1 "$CLIENTS" mixed
readiness "$WORK/f1.ready" &
sleep "$BASELINE"
t_stop=$(now)
cluster stop --mode fast
t_stopped=$(now)
log "PostgreSQL stopped ($(secs "$t_stop" "$t_stopped") s)"
sleep "$OUTAGE"
t_start=$(now)
cluster start
t_started=$(now)
log "PostgreSQL started ($(secs "$t_start" "$t_started") s); load goes on for $AFTER s"
sleep "$AFTER"
stop_clients
read -r sent ack other none < <(summarize "$WORK"/f1.c*.log)
outage=$(cat "$WORK"/f1.c*.log | awk -F'|' -v a="$t_stop" -v b="$t_started" '$2 >= a && $2 <= b')
outage_n=$(grep -c . <<<"$outage" || true)
outage_503=$(awk -F'|' '$4 == 503 && $6 ~ /problem\+json/ && $7 != ""' <<<"$outage" | grep -c . || true)
outage_codes=$(awk -F'|' '{ print $1 ":" $4 }' <<<"$outage" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
outage_max=$(awk -F'|' 'BEGIN { m = 0 } $5 + 0 > m { m = $5 + 0 } END { printf "%.3f", m }' <<<"$outage")
red=$(awk -v a="$t_stop" '$1 >= a && $2 == 503 { printf "%.2f", $1 - a; exit }' "$WORK/f1.ready")
green=$(awk -v a="$t_start" '$1 >= a && $2 == 200 { printf "%.2f", $1 - a; exit }' "$WORK/f1.ready")
# no early exit in awk: sort would get SIGPIPE once the logs outgrow a pipe buffer, and pipefail would stop the script
first_read=$(cat "$WORK"/f1.c*.log | sort -t'|' -k3,3n | awk -F'|' -v a="$t_start" \
    '!seen && $1 == "read" && $4 == 200 && $3 >= a { printf "%.2f", $3 - a; seen = 1 }')
first_create=$(cat "$WORK"/f1.c*.log | sort -t'|' -k3,3n | awk -F'|' -v a="$t_start" \
    '!seen && $1 == "create" && $4 == 201 && $3 >= a { printf "%.2f", $3 - a; seen = 1 }')
lost=$(verify_acknowledged "$WORK"/f1.c*.log)
unexpected=$(grep -c "Unexpected failure" "$WORK/app1.log" || true)
cat <<EOF
fault 1: PostgreSQL stopped under load
  requests sent:            $sent
  sent while down:          $outage_n (from the stop command to the end of the start command): ${outage_codes:-none}
                            of which 503 problem+json with Retry-After: $outage_503
  acknowledged creates:     $ack, lost: $lost
  5xx other than the 503:   $other; no answer (000): $none; "Unexpected failure" lines in the app log: $unexpected
  max latency while down:   $outage_max s (documented bound: $BOUND s acquisition timeout)
  readiness:                503 after ${red:-never} s, 200 again ${green:-never} s after the cluster start was issued
  cluster start took:       $(secs "$t_start" "$t_started") s (pg_ctlcluster start)
  recovery (from start):    first 200 read after ${first_read:-never} s, first 201 create after ${first_create:-never} s
EOF
((lost == 0)) || fail "fault 1 lost $lost acknowledged articles"
((other == 0 && none == 0 && unexpected == 0)) || fail "fault 1: other 5xx $other, no answer $none, unexpected $unexpected"
((outage_503 > 0)) || fail "fault 1: no 503 problem seen while PostgreSQL was down"
awk -v m="$outage_max" -v b="$BOUND" -v s="$SLACK" 'BEGIN { exit !(m <= b + s) }' \
    || fail "fault 1: a request took $outage_max s while PostgreSQL was down (bound $BOUND s + $SLACK s slack)"
[[ -n $red && -n $green && -n $first_read && -n $first_create ]] || fail "fault 1: readiness or recovery not seen"
result "1 PostgreSQL stopped under load" "$sent" "$ack" "$lost" "$other" \
    "read ${first_read:-never} s, create ${first_create:-never} s after cluster start (start itself $(secs "$t_start" "$t_started") s)"

# ---------------------------------------------------------------- 2. kill -9 during a burst of creates
log "fault 2: 8 clients creating; kill -9 after $BURST s"
run_clients f2 8 create
t_burst=$(now)
sleep "$BURST"
kill -9 "$APP_PID"
t_kill=$(now)
wait_exit
sleep 1
stop_clients
t_restart=$(now)
start_app app2
t_ready=$(now)
read -r sent ack other none < <(summarize "$WORK"/f2.c*.log)
attempted=$(cat "$WORK"/f2.c*.log | awk -F'|' '$4 != "000"' | grep -c . || true)
lost=$(verify_acknowledged "$WORK"/f2.c*.log)
in_db=$(sql -d "$DB" -c "select count(*) from article where title like 'f2-%'")
broken=$(half_written f2)
cat "$WORK"/f2.c*.log | awk -F'|' '$1 == "create" && $4 == 201 { print $9 }' | sort >"$WORK/f2.acked"
sql -d "$DB" -c "select title from article where title like 'f2-%'" | sort >"$WORK/f2.db"
unacked_in_db=$(comm -13 "$WORK/f2.acked" "$WORK/f2.db" | grep -c . || true)
cat "$WORK"/f2.c*.log | awk -F'|' '{ print $9 }' | sort >"$WORK/f2.sent"
foreign=$(comm -13 "$WORK/f2.sent" "$WORK/f2.db" | grep -c . || true)
cat <<EOF
fault 2: kill -9 during a burst of creates
  requests sent:            $sent (reached the app: $attempted; refused after the kill: $none)
  acknowledged creates:     $ack, lost: $lost
  rows in the database:     $in_db: the $ack acknowledged, plus $unacked_in_db committed whose 201 never arrived (complete)
  half-written rows:        $broken (a field differing from what was sent, or no category/source); unknown titles: $foreign
  5xx other than the 503:   $other
  restart to ready:         $(secs "$t_restart" "$t_ready") s (kill -9 $(secs "$t_burst" "$t_kill") s into the burst)
EOF
((lost == 0 && broken == 0 && foreign == 0 && other == 0)) || fail "fault 2: lost $lost, half-written $broken, unknown $foreign, other 5xx $other"
result "2 kill -9 during creates" "$sent" "$ack" "$lost" "$other" "restart to ready $(secs "$t_restart" "$t_ready") s"

# ---------------------------------------------------------------- 3. SIGTERM with requests in flight
log "fault 3: $CSV_ROWS-row CSV exports and $CLIENTS creating clients in flight at SIGTERM"
sql -d "$DB" -c "insert into category (slug, name, created_at, updated_at) values ('faults-csv', 'CSV', now(), now());
    insert into article (slug, title, summary, content, category_id, source_id, published_at, created_at, updated_at,
        original_url, is_summary, has_editorial_bias)
    select 'csv-' || i, 'CSV row ' || i, 'Summary ' || i, repeat('Text, \"quoted\", and more. ', 20),
        (select id from category where slug = 'faults-csv'), (select id from source where slug = 'faults-wire'),
        timestamptz '2026-01-01 00:00:00+00' - i * interval '1 minute', now(), now(),
        'https://faults.example.org/csv/' || i, false, false from generate_series(1, $CSV_ROWS) as g(i);
    analyze article;"
for e in 1 2 3; do
    (t0=$(now); code=$(curl -sS --max-time 300 -o "$WORK/export$e.csv" -w '%{http_code}' \
        "$BASE/v1/articles?category=faults-csv&format=csv" 2>"$WORK/export$e.err") && rc=0 || rc=$?
     echo "$t0 $(now) $code $rc" >"$WORK/export$e.result") &
done
run_clients f3 "$CLIENTS" create
for _ in $(seq 1 50); do [[ -s $WORK/export1.csv && -s $WORK/export2.csv && -s $WORK/export3.csv ]] && break; sleep 0.1; done
sleep 0.5
t_term=$(now)
kill -TERM "$APP_PID"
wait_exit
t_exit=$(now)
stop_clients
exports_ok=0 exports_in_flight=0
for e in 1 2 3; do
    read -r e0 e1 code rc <"$WORK/export$e.result"
    rows=$(python3 -c 'import csv,sys
print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))) - 1)' "$WORK/export$e.csv" 2>/dev/null || echo 0)
    awk -v a="$e1" -v t="$t_term" 'BEGIN { exit !(a > t) }' && exports_in_flight=$((exports_in_flight + 1))
    if [[ $code == 200 && $rc == 0 && $rows == "$CSV_ROWS" ]]; then exports_ok=$((exports_ok + 1))
    else fail "fault 3: export $e ended with status $code, curl exit $rc, $rows rows"; fi
done
# creates in flight at SIGTERM: started before it, ended after it
inflight=$(cat "$WORK"/f3.c*.log | awk -F'|' -v t="$t_term" '$2 < t && $3 > t')
inflight_n=$(grep -c . <<<"$inflight" || true)
inflight_ok=$(awk -F'|' '$4 == 201' <<<"$inflight" | grep -c . || true)
after=$(cat "$WORK"/f3.c*.log | awk -F'|' -v t="$t_term" '$2 >= t { print $4 }' | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
read -r sent ack other none < <(summarize "$WORK"/f3.c*.log)
start_app app3
lost=$(verify_acknowledged "$WORK"/f3.c*.log)
broken=$(half_written f3)
cat <<EOF
fault 3: SIGTERM with requests in flight (quarkus.shutdown.timeout 30 s)
  CSV exports:              $exports_ok of 3 complete ($CSV_ROWS rows each, 200); $exports_in_flight still running at SIGTERM
  creates in flight:        $inflight_n at SIGTERM, $inflight_ok of them answered 201
  requests sent:            $sent; acknowledged creates: $ack, lost: $lost, half-written rows: $broken
  sent after SIGTERM:       ${after:-none}(201: still served while draining; 000: refused once the process ended)
  5xx other than the 503:   $other
  SIGTERM to exit:          $(secs "$t_term" "$t_exit") s
EOF
((lost == 0 && broken == 0 && other == 0 && inflight_ok == inflight_n)) \
    || fail "fault 3: lost $lost, half-written $broken, other 5xx $other, in-flight creates $inflight_ok/$inflight_n"
result "3 SIGTERM with requests in flight" "$sent" "$ack" "$lost" "$other" \
    "exit $(secs "$t_term" "$t_exit") s after SIGTERM; $exports_ok/3 exports and $inflight_ok/$inflight_n creates finished"
stop_app

echo
printf '%-34s %6s %13s %5s %10s   %s\n' fault sent acknowledged lost "other 5xx" recovery
printf '%s\n' "${RESULTS[@]}"
echo "date $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "PostgreSQL $(sql -d postgres -c 'show server_version'), $(java -version 2>&1 | head -1)"
((FAILED == 0)) && echo "OK: nothing acknowledged was lost" || { echo "FAILED (see above)"; exit 1; }
