#!/usr/bin/env bash
# Paired before/after comparison of two builds on the newsroom dataset: both packaged apps run side by side
# (each on its own copy of the dataset), and every row of src/bench/newsroom.sh is measured in alternating
# rounds, A B, B A, A B, ..., so that the slow drifts of a shared, noisy machine fall on both builds alike.
# For each row it prints the median req/s of each build and the median CPU time the app spent per request
# (from /proc/<pid>/stat: user + system, which CPU steal and other processes do not inflate).
#
#   A_DIR=/work/wt-before A_DB=bench_before B_DIR=/work/wt-after B_DB=bench_after src/bench/ab.sh
#
# A_DIR and B_DIR are checkouts with a built target/quarkus-app/quarkus-run.jar; A_DB and B_DB databases made by
# `BENCH_DB=<name> GENERATE_ONLY=1 src/bench/newsroom.sh` in that checkout (each with its own migrations).
# The create row POSTs articles; they are deleted again at the end.
set -euo pipefail

A_DIR=${A_DIR:?a checkout with a built jar}
B_DIR=${B_DIR:?a checkout with a built jar}
A_DB=${A_DB:?its dataset}
B_DB=${B_DB:?its dataset}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-3s}
CSV_DURATION=${CSV_DURATION:-10s}   # one export takes a fair part of a second: fewer, longer samples
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:-256m}
A_PORT=${A_PORT:-18180}
B_PORT=${B_PORT:-18190}
DEEP_PAGE=${DEEP_PAGE:-87}
ONLY=${ONLY:-}
OUT=${OUT:-}
EDITOR_KEYS=$(for i in 1 2 3 4 5 6 7 8; do printf "bench-editor-%s-%s," $i 0123456789abcdef0123456789; done | sed "s/,$//")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

cd "$(dirname "$0")/../.."
LUA=$PWD/src/bench/newsroom/newsroom.lua
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ab-bench.XXXXXX")
PIDS=()
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
    for pid in "${PIDS[@]}" ${A_JAVA:-} ${B_JAVA:-}; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for db in "$A_DB" "$B_DB"; do
        psql -X -q -At -d "$db" -c "delete from article where id > (select last_generated_id from bench_dataset)" \
            >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # dir db port; appends the pid to PIDS
    (cd "$1" && env NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$3" \
        NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$2" NEWSDESK_DB_USER="$PGUSER" \
        NEWSDESK_AUTH_EDITOR_KEYS="$EDITOR_KEYS" java "-Xmx$HEAP" -jar target/quarkus-app/quarkus-run.jar \
        >"$WORK/app-$3.log" 2>&1) &
    PIDS+=($!)
}
ready() { # port
    local t0=$SECONDS
    until curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$1/q/health/ready"; do
        ((SECONDS - t0 < 300)) || { tail -30 "$WORK/app-$1.log" >&2; exit 1; }
        sleep 0.2
    done
}
java_pid() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; } # listening on port $1
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
etag_of() { curl -sS --max-time 30 -D - -o /dev/null "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }'; }

start "$A_DIR" "$A_DB" "$A_PORT"
start "$B_DIR" "$B_DB" "$B_PORT"
ready "$A_PORT"; ready "$B_PORT"
A_JAVA=$(java_pid "$A_PORT"); B_JAVA=$(java_pid "$B_PORT")
log "A: $A_DIR ($(git -C "$A_DIR" rev-parse --short HEAD)) pid $A_JAVA; B: $B_DIR ($(git -C "$B_DIR" rev-parse --short HEAD)) pid $B_JAVA"

cat=$(psql -X -At -d "$A_DB" -c 'select c.slug from article a join category c on c.id = a.category_id
        group by c.slug order by count(*) desc, c.slug limit 1')
src=$(psql -X -At -d "$A_DB" -c "select s.slug from article a join category c on c.id = a.category_id
        join source s on s.id = a.source_id where c.slug = '$cat' group by s.slug order by count(*) desc, s.slug limit 1")

declare -A URL ARGS
rows=(rss json range source deep 304 jsonfeed atom xml search-rare search-common dates csv create)
for side in A B; do
    port=${side}_PORT; base="http://127.0.0.1:${!port}"; list="$base/v1/articles?category=$cat"
    URL[$side rss]="$list&format=rss"
    URL[$side json]="$list"
    URL[$side range]="$list&from=2025-11-01&to=2025-11-30"
    URL[$side source]="$list&source=$src"
    deep=$list
    for _ in $(seq 2 "$DEEP_PAGE"); do deep=$(curl -sf --max-time 30 "$deep" | jq -r '.next // empty'); done
    [[ -n $deep ]] || { log "no page $DEEP_PAGE"; exit 1; }
    URL[$side deep]="$deep"
    URL[$side 304]="$list&format=rss"; ARGS[$side 304]="If-None-Match: $(etag_of "$list&format=rss")"
    URL[$side jsonfeed]="$list&format=jsonfeed"
    URL[$side atom]="$list&format=atom"
    URL[$side xml]="$list&format=xml"
    URL[$side search-rare]="$base/v1/articles?q=wolpertinger"
    URL[$side search-common]="$base/v1/articles?q=council"
    URL[$side dates]="$base/v1/dates?category=$cat"
    URL[$side csv]="$list&format=csv"
    URL[$side create]="$base/v1/articles"
done

measure() { # side row duration -> "req/s cpu_ms_per_req codes"
    local side=$1 row=$2 d=$3 pid c=$CONNECTIONS out t0 t1
    pid=${side}_JAVA; pid=${!pid}
    local -a extra=()
    [[ -n ${ARGS[$side $row]:-} ]] && extra=(-H "${ARGS[$side $row]}")
    case $row in
        csv) c=2; d=$CSV_DURATION; extra+=(-- light) ;;
        create) c=8; extra+=(-- create "$cat" "$src" "$EDITOR_KEYS" "$side$RANDOM") ;;
    esac
    t0=$(cpu_ticks "$pid")
    out=$(timeout 300 wrk -t"$THREADS" -c"$c" -d"$d" --timeout 30s -s "$LUA" "${URL[$side $row]}" "${extra[@]}" |
        grep '^BENCHSTATS')
    t1=$(cpu_ticks "$pid")
    awk -F '\t' -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" \
        '{ printf "%s %.3f %s\n", $4, ($2 > 0 ? 1000 * t / hz / $2 : 0), $9 }' <<<"$out"
}

# the JIT sees every endpoint of both builds before the first measured row (the first row would otherwise pay
# for the warm-up of the whole pipeline, on whichever build it measures first)
for side in A B; do
    for row in "${rows[@]}"; do
        [[ $row == create ]] || measure "$side" "$row" "$WARMUP" >/dev/null
    done
done

RES=$WORK/results.tsv
: >"$RES"
for row in "${rows[@]}"; do
    [[ -z $ONLY || ",$ONLY," == *",$row,"* ]] || continue
    measure A "$row" "$WARMUP" >/dev/null; measure B "$row" "$WARMUP" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
        order="A B"; ((round % 2 == 0)) && order="B A"
        for side in $order; do
            read -r rps cpu codes < <(measure "$side" "$row" "$DURATION")
            printf '%s\t%s\t%s\t%s\t%s\n' "$row" "$side" "$rps" "$cpu" "$codes" >>"$RES"
        done
    done
    log "$row: $(awk -F '\t' -v r="$row" '$1 == r { printf "%s %.0f  ", $2, $3 }' "$RES")"
done

table=$(python3 - "$RES" <<'PY'
import collections, statistics, sys
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    row, side, rps, cpu, codes = line.rstrip("\n").split("\t")
    rows.setdefault(row, {"A": [], "B": [], "codes": set()})
    rows[row][side].append((float(rps), float(cpu)))
    rows[row]["codes"].update(c.split(":")[0] for c in codes.split(","))
print("| row | A req/s (median) | B req/s (median) | B/A req/s | A CPU ms/req | B CPU ms/req | A/B CPU | status codes |")
print("|---|---|---|---|---|---|---|---|")
for row, r in rows.items():
    a = statistics.median(x[0] for x in r["A"]); b = statistics.median(x[0] for x in r["B"])
    ac = statistics.median(x[1] for x in r["A"]); bc = statistics.median(x[1] for x in r["B"])
    print(f"| {row} | {a:.0f} | {b:.0f} | {b / a:.2f} | {ac:.3f} | {bc:.3f} | {ac / bc:.2f} | {', '.join(sorted(r['codes']))} |")
PY
)
{
    echo "## Paired A/B: A = $(git -C "$A_DIR" rev-parse --short HEAD), B = $(git -C "$B_DIR" rev-parse --short HEAD)"
    echo
    echo "- $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $ROUNDS alternating rounds per row of wrk -t$THREADS -c$CONNECTIONS -d$DURATION (CSV -c2, create -c8), warm-up $WARMUP per build and row; category $cat, source $src, deep page $DEEP_PAGE"
    echo
    echo "$table"
} | tee ${OUT:+"$OUT"}
