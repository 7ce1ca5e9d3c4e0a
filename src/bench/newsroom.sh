#!/usr/bin/env bash
# Newsroom benchmark (issue 6): a WordPress-like dataset of ARTICLES articles on PostgreSQL, the packaged app,
# wrk against every read endpoint, the feed formats, CSV, search, the archive and article creation, and nginx
# serving the same feed bytes from a static file as the ceiling. Prints one Markdown table per run and writes
# them all to one file. See src/bench/README.md.
#
#   src/bench/newsroom.sh                                  # 20 000 articles, one run, wrk -d15s / -d5s
#   ARTICLES=1000000 RUNS=3 src/bench/newsroom.sh
#   DURATION=3s DURATION_ONE=2s WARMUP=1s src/bench/newsroom.sh        # a quick check of every row
#   EXTRA_ENV="NEWSDESK_CACHE_ENABLED=false" src/bench/newsroom.sh     # the app with extra environment
#   ARTICLES=1000000 GENERATE_ONLY=1 src/bench/newsroom.sh              # only build (or check) the dataset
#
# The dataset is generated once per database (bench_newsroom_<ARTICLES>) and reused while its marker table
# says it holds the same dataset; articles created by the benchmark are deleted before every run.
# Every step has a time limit; the app and nginx are stopped on every exit path, Ctrl-C included.
set -euo pipefail

ARTICLES=${ARTICLES:-20000}
RUNS=${RUNS:-1}
DURATION=${DURATION:-15s}           # wrk -t2 -c32
DURATION_ONE=${DURATION_ONE:-5s}    # wrk -t1 -c1
WARMUP=${WARMUP:-3s}                # per row, wrk -t2 -c32, not recorded; 0 skips it
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
CSV_THREADS=${CSV_THREADS:-1}
CSV_CONNECTIONS=${CSV_CONNECTIONS:-2}
CSV_TIMEOUT=${CSV_TIMEOUT:-120s}
CSV_DURATION=${CSV_DURATION:-$DURATION}             # longer at 1 M articles if one export takes seconds
CSV_DURATION_ONE=${CSV_DURATION_ONE:-$DURATION_ONE}
CSV_REPEAT=${CSV_REPEAT:-5}          # curl downloads and psql \copy runs of the category, interleaved
CREATE_CONNECTIONS=${CREATE_CONNECTIONS:-8}
BULK_BATCHES=${BULK_BATCHES:-100}   # the bulk step: BULK_BATCHES NDJSON imports of BULK_SIZE articles each,
BULK_SIZE=${BULK_SIZE:-1000}        # sent by BULK_CLIENTS curl processes at a time
BULK_CLIENTS=${BULK_CLIENTS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
PORT=${PORT:-18180}
NGINX_PORT=${NGINX_PORT:-$((PORT + 1))}
HEAP=${HEAP:-256m}
EXTRA_ENV=${EXTRA_ENV:-}
EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:-}
JAVA=${JAVA:-java}                 # e.g. a JDK 25 with EXTRA_JAVA_OPTS=-XX:AOTCache=... (see aot-cache.sh)
EDITOR_KEYS=${EDITOR_KEYS:-$(for i in 1 2 3 4 5 6 7 8; do printf "bench-editor-%s-%s," $i 0123456789abcdef0123456789; done | sed "s/,$//")}
CATEGORY=${CATEGORY:-}              # default: the category with the most articles
SOURCE=${SOURCE:-}                  # default: the source with the most articles in CATEGORY
RANGE_FROM=${RANGE_FROM:-2025-11-01}
RANGE_TO=${RANGE_TO:-2025-11-30}
DEEP_PAGE=${DEEP_PAGE:-159}
SEARCH_RARE=${SEARCH_RARE:-wolpertinger}
SEARCH_COMMON=${SEARCH_COMMON:-council}
SEARCH_DEEP_PAGE=${SEARCH_DEEP_PAGE:-50}  # the search-*-deep rows: this page of the search, reached by following next
ONLY=${ONLY:-}                      # comma-separated row keys, e.g. ONLY=rss,json,create,bulk
ACCEPT_ENCODING=${ACCEPT_ENCODING:-gzip, br}   # of the rss-gz, rss-gz304 and nginx-gz rows (Miniflux sends br, gzip)
CHUNK=${CHUNK:-50000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-bench_newsroom_$ARTICLES}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
GENERATOR=newsroom-v1
PGCLIENTENCODING=UTF8
export PGHOST PGPORT PGUSER PGCLIENTENCODING

cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/src/bench/newsroom
JAR=target/quarkus-app/quarkus-run.jar
STAMP=$(date -u +%Y%m%d-%H%M)
OUT=${OUT:-src/bench/results/newsroom-$ARTICLES-$STAMP.md}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-bench.XXXXXX")
BASE="http://127.0.0.1:$PORT"
APP_PID=
NGINX_PID=
FLAGGED=0
TAB=$'\t'

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "$*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

stop_app() {
    [[ -n $APP_PID ]] || return 0
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}
stop_nginx() {
    [[ -n $NGINX_PID ]] || return 0
    kill "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=
}
cleanup() {
    stop_app
    stop_nginx
    if [[ -n ${KEEP_LOGS:-} ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java curl psql wrk jq python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (wrk and jq: apt-get install -y wrk jq)"
done
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $NGINX_BIN ]] || die "nginx is missing (apt-get install -y nginx-light); it serves the static ceiling"
"$NGINX_BIN" -V 2>&1 | grep -q -- --with-http_gzip_static_module ||
    die "this nginx has no gzip_static module (nginx-light, nginx-full and nginx-extras of Debian have it)"
[[ $BENCH_DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case name, not '$BENCH_DB'"

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; } # quiet query on the bench database

start_app() { # $1: log name; sets APP_PID, STARTED (launch time), READY_S
    local -a env=(NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT="$PORT"
        NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" NEWSDESK_DB_USER="$PGUSER"
        NEWSDESK_DB_PASSWORD="${PGPASSWORD:-}" NEWSDESK_AUTH_EDITOR_KEYS="$EDITOR_KEYS")
    local -a extra_env extra_opts
    read -ra extra_env <<<"$EXTRA_ENV"
    read -ra extra_opts <<<"$EXTRA_JAVA_OPTS"
    STARTED=$(now)
    env "${env[@]}" "${extra_env[@]}" "$JAVA" "-Xmx$HEAP" "${extra_opts[@]}" -jar "$JAR" >"$WORK/$1.log" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + STARTUP_TIMEOUT))
    until curl -sf --max-time 2 -o /dev/null "$BASE/q/health/ready"; do
        if ! kill -0 "$APP_PID" 2>/dev/null || ((SECONDS > deadline)); then
            log "the app did not become ready; its log:"; tail -30 "$WORK/$1.log" >&2; exit 1
        fi
        sleep 0.05
    done
    READY_S=$(elapsed "$STARTED" "$(now)")
}

follow() { # URL PAGES: prints "<page> <url>" of page PAGES (or the last one), reached by following next from URL
    local url=$1 page=1 next
    while ((page < $2)); do
        next=$(curl -sf --max-time 60 "$url" | jq -r '.next // empty') || die "GET $url failed"
        [[ -n $next ]] || break
        url=$next; page=$((page + 1))
    done
    echo "$page $url"
}

vm() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$APP_PID/status"; } # kB

# ------------------------------------------------------------------------------------------------- dataset

marker() { # prints "generator articles complete" of the marker table, or nothing
    psql -X -q -At -F ' ' -d "$BENCH_DB" -c 'select generator, articles, complete from bench_dataset' 2>/dev/null || true
}
db_exists() { [[ $(psql -X -At -d postgres -c "select 1 from pg_database where datname = '$BENCH_DB'") == 1 ]]; }
flyway_rank() { q -c 'select max(installed_rank) from flyway_schema_history'; }

generate() {
    local t0=$SECONDS
    log "generating $ARTICLES articles into a fresh database $BENCH_DB on $PGHOST:$PGPORT"
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB" \
        -c "create database $BENCH_DB encoding 'UTF8' template template0"
    log "first start of the app: Flyway creates the schema"
    start_app migrate
    stop_app
    q -c "create table bench_dataset (generator text not null, articles bigint not null,
            complete boolean not null, started_at timestamptz not null, finished_at timestamptz,
            seconds numeric, last_generated_id bigint, flyway_rank int)" \
      -c "insert into bench_dataset (generator, articles, complete, started_at)
            values ('$GENERATOR', $ARTICLES, false, now())"
    timeout 300 psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f "$HERE/catalog.sql"
    # Loading into a table without its secondary indexes and building them afterwards is several times faster.
    # Whatever indexes the migrations define today are kept as written and rebuilt (not the constraint ones), on
    # article and on article_search (full-text search, which a trigger fills as articles are loaded).
    local tables="'article'::regclass, coalesce(to_regclass('article_search'), 'article'::regclass)"
    q -c "select pg_get_indexdef(i.indexrelid) || ';' from pg_index i
            where i.indrelid in ($tables)
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)" >"$WORK/indexes.sql"
    q -c "select 'drop index ' || i.indexrelid::regclass || ';' from pg_index i
            where i.indrelid in ($tables)
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)" >"$WORK/drop.sql"
    q -f "$WORK/drop.sql"
    log "dropped $(wc -l <"$WORK/drop.sql") secondary indexes of article for the load"
    local lo=1 hi t1=$SECONDS t2
    while ((lo <= ARTICLES)); do
        hi=$((lo + CHUNK - 1)); ((hi <= ARTICLES)) || hi=$ARTICLES
        PGOPTIONS='-c synchronous_commit=off' timeout 1800 psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" \
            -v lo="$lo" -v hi="$hi" -v n="$ARTICLES" -f "$HERE/articles.sql"
        t2=$((SECONDS - t1))
        log "articles $hi / $ARTICLES ($((hi * 100 / ARTICLES)) %), ${t2} s, $((hi / (t2 > 0 ? t2 : 1))) rows/s"
        lo=$((hi + 1))
    done
    log "building $(wc -l <"$WORK/indexes.sql") indexes"
    PGOPTIONS='-c maintenance_work_mem=512MB' timeout 3600 psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" \
        -f "$WORK/indexes.sql"
    q -c 'drop table bench_text, bench_category_map, bench_source_map'
    log "vacuum analyze"
    timeout 3600 psql -X -q -d "$BENCH_DB" -c 'vacuum (analyze)' # every table: article, article_search, ...
    q -c "update bench_dataset set complete = true, finished_at = now(), seconds = $((SECONDS - t0)),
            last_generated_id = (select max(id) from article), flyway_rank = (select max(installed_rank)
            from flyway_schema_history)"
    log "dataset ready in $((SECONDS - t0)) s (load $((t2)) s)"
    GENERATED_NOW=1
}

ensure_dataset() {
    local m
    if [[ -n ${REGENERATE:-} ]] || ! db_exists; then generate; return; fi
    m=$(marker)
    if [[ $m == "$GENERATOR $ARTICLES t" ]]; then
        log "reusing $BENCH_DB ($m)"
        # Apply migrations added since the dataset was made, outside the measured runs.
        start_app schema
        stop_app
        if [[ $(flyway_rank) != "$(q -c 'select flyway_rank from bench_dataset')" ]]; then
            log "new migrations since the dataset was made: vacuum analyze"
            timeout 3600 psql -X -q -d "$BENCH_DB" -c 'vacuum (analyze)'
            q -c "update bench_dataset set flyway_rank = (select max(installed_rank) from flyway_schema_history)"
        fi
        return
    fi
    if [[ -z $m ]] && [[ $(q -c "select count(*) from pg_tables where schemaname = 'public'") != 0 ]]; then
        die "$BENCH_DB exists and holds tables but no bench_dataset marker: not touching it (REGENERATE=1 drops it)"
    fi
    log "$BENCH_DB holds '${m:-nothing}', not $GENERATOR $ARTICLES complete: regenerating"
    generate
}

reset_dataset() { # the app is stopped: remove what the create benchmark added
    local deleted
    deleted=$(q -c "with d as (delete from article where id > (select last_generated_id from bench_dataset)
                    returning 1) select count(*) from d")
    if ((deleted > 0)); then
        log "deleted $deleted articles created by an earlier run; vacuum analyze"
        timeout 3600 psql -X -q -d "$BENCH_DB" -c 'vacuum (analyze)'
    fi
}

dataset_summary() { # Markdown lines
    q -F ' | ' -c "select '| ' || c.slug, count(a.id), min(a.published_at)::date, max(a.published_at)::date,
                    min(octet_length(a.content)), round(avg(octet_length(a.content))), max(octet_length(a.content))
                    || ' |'
                   from category c left join article a on a.category_id = c.id group by c.slug order by c.slug"
}

# ------------------------------------------------------------------------------------------------- nginx

start_nginx() { # serves $WORK/www/feed.xml on NGINX_PORT, and feed.xml.gz to clients that accept gzip
    local prefix=$WORK/nginx
    mkdir -p "$prefix/logs" "$prefix/tmp"
    chmod 755 "$WORK" "$WORK/www"
    cat >"$prefix/nginx.conf" <<CONF
$( [[ $(id -u) == 0 ]] && echo 'user root;' || true )
worker_processes auto;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location = /feed.xml { default_type application/rss+xml; gzip_static on; gzip_vary on; }
    }
}
CONF
    "$NGINX_BIN" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" &
    NGINX_PID=$!
    for _ in $(seq 1 40); do
        curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$NGINX_PORT/feed.xml" && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || break
        sleep 0.25
    done
    cat "$prefix/logs/error.log" >&2 || true
    die "nginx did not start"
}

# ------------------------------------------------------------------------------------------------- wrk

# Waits until the app has finished what an earlier wrk run left in flight (slow requests go on after wrk stops):
# until the java process uses under 10 % of a core over half a second, at most IDLE_TIMEOUT seconds.
wait_idle() {
    [[ -n $APP_PID ]] || return 0
    local t0=$SECONDS before after
    while ((SECONDS - t0 < ${IDLE_TIMEOUT:-120})); do
        before=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
        sleep 0.5
        after=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
        (( after - before <= $(getconf CLK_TCK) / 20 )) && break
    done
    ((SECONDS - t0 <= 2)) || log "  waited $((SECONDS - t0)) s for the app to finish earlier requests"
}

wanted() { [[ -z $ONLY ]] || [[ ",$ONLY," == *",$1,"* ]]; }

wrk_once() { # threads connections duration timeout url [extra args...] -> prints the BENCHSTATS fields
    local t=$1 c=$2 d=$3 to=$4 url=$5 out
    shift 5
    out=$(timeout 900 wrk -t"$t" -c"$c" -d"$d" --timeout "$to" --latency -s "$HERE/newsroom.lua" "$url" "$@") || {
        log "wrk failed: $out"; printf 'BENCHSTATS\t0\t0\t0\t0\t0\t0\t0\twrk-failed\t-\n'; return 0; }
    grep '^BENCHSTATS' <<<"$out" || printf 'BENCHSTATS\t0\t0\t0\t0\t0\t0\t0\tno-stats\t-\n'
}

# bench KEY LABEL EXPECTED URL [-c] [wrk args...]: warm-up, then many connections, then one; appends to $ROWS_TSV
bench() {
    local key=$1 label=$2 expected=$3 url=$4 t=$THREADS c=$CONNECTIONS to=$WRK_TIMEOUT
    local d=$DURATION d1=$DURATION_ONE
    shift 4
    wanted "$key" || return 0
    case $key in
        csv) t=$CSV_THREADS c=$CSV_CONNECTIONS to=$CSV_TIMEOUT d=$CSV_DURATION d1=$CSV_DURATION_ONE ;;
        create) c=$CREATE_CONNECTIONS ;;
    esac
    log "$key: $label"
    if [[ $WARMUP != 0 ]]; then wait_idle; wrk_once "$t" "$c" "$WARMUP" "$to" "$url" "$@" >/dev/null; fi
    local many one
    wait_idle
    many=$(wrk_once "$t" "$c" "$d" "$to" "$url" "$@")
    wait_idle
    one=$(wrk_once 1 1 "$d1" "$to" "$url" "$@")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$label" "$expected" "${t}×$c" "${many#BENCHSTATS$TAB}" \
        "${one#BENCHSTATS$TAB}" >>"$ROWS_TSV"
    log "  $(awk -F '\t' '{ printf "%.1f req/s, p99 %.2f ms, codes %s", $4, $6 / 1000, $9 }' <<<"$many") with ${t}×$c"
}

# Renders $ROWS_TSV as a Markdown table; flags rows whose status codes are not all the expected one.
render_table() {
    awk -F '\t' -v ceiling="$1" '
    function ms(us) { return us >= 10000 ? sprintf("%.1f ms", us / 1000) : sprintf("%.2f ms", us / 1000) }
    function rate(r) { return r >= 100 ? sprintf("%.0f", r) : sprintf("%.1f", r) }
    function share(r) { return ceiling > 0 ? sprintf("%.1f %%", 100 * r / ceiling) : "n/a" }
    function codes(list, socket,   out) {
        out = list; gsub(":", " ×", out); gsub(",", ", ", out)
        if (socket != "-" && socket != "connect:0,read:0,write:0,timeout:0") out = out "; socket errors " socket
        return out
    }
    function bad(list, expected, socket,   n, parts, i) {
        if (list == "none" || list == "wrk-failed" || list == "no-stats") return 1
        n = split(list, parts, ",")
        for (i = 1; i <= n; i++)
            if (parts[i] !~ "^" expected ":" && !(parts[i] ~ /^2xx-3xx:/ && expected ~ /^2/)) return 1
        return socket != "connect:0,read:0,write:0,timeout:0"
    }
    BEGIN {
        print "| endpoint | expected | wrk -t×-c | req/s | of nginx | p50 | p99 | 1 conn req/s | 1 conn p50 | 1 conn p99 | status codes seen (both runs) | body bytes/response |"
        print "|---|---|---|---|---|---|---|---|---|---|---|---|"
    }
    {
        # 1 key 2 label 3 expected 4 t×c | many: 5 req 6 s 7 rps 8 p50 9 p99 10 resp 11 bytes 12 codes 13 socket
        # | one: 14 req 15 s 16 rps 17 p50 18 p99 19 resp 20 bytes 21 codes 22 socket
        flag = bad($12, $3, $13) || bad($21, $3, $22)
        resp = $10 + $19
        seen = "c" substr($4, index($4, "×") + 1) ": " codes($12, $13) "; c1: " codes($21, $22)
        if (flag) seen = "**UNEXPECTED** " seen
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, rate($7), share($7),
            ms($8), ms($9), rate($16), ms($17), ms($18), seen, (resp > 0 ? sprintf("%.0f", ($11 + $20) / resp) : "-")
        if (flag) flagged++
    }
    END { exit flagged > 0 ? 3 : 0 }' "$ROWS_TSV"
}

# The CSV export against PostgreSQL's own rate: psql's \copy of the same rows and columns (the stored values,
# unformatted) to /dev/null, CSV_REPEAT times interleaved with as many curl downloads; prints the times and the
# ratio of the rates (psql's median time / the app's; the target is at least 0.8).
csv_against_psql() { # $1: category slug, $2: CSV URL
    local select="select a.id, a.slug, a.title, a.summary, a.content, c.slug, c.name, s.slug, s.name,
        a.published_at, a.updated_at, a.original_url, a.is_summary, a.has_editorial_bias, a.views
        from article a join category c on c.id = a.category_id join source s on s.id = a.source_id
        where c.slug = '$1' and a.published_at <= now() order by a.published_at desc, a.id desc"
    local app=() db=() t0 i
    for i in $(seq 1 "$CSV_REPEAT"); do
        app+=("$(curl -sS --max-time 900 -o /dev/null -w '%{time_total}' "$2")") || die "CSV download failed"
        t0=$(now)
        timeout 900 psql -X -q -d "$BENCH_DB" -c "\\copy ($(tr '\n' ' ' <<<"$select")) to stdout csv" >/dev/null ||
            die "psql \\copy failed"
        db+=("$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')")
    done
    printf '%s\n' "${app[@]}" | sort -g >"$WORK/csv-app"; printf '%s\n' "${db[@]}" | sort -g >"$WORK/csv-psql"
    awk -v r="$cat_rows" -v extra="$EXTRA_TSV" 'function med(f,   a, k) { k = 0; while ((getline x < f) > 0) a[++k] = x
            close(f); return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
        BEGIN { printf "csv-rows-per-s\t%.0f\npsql-copy-rows-per-s\t%.0f\n", r / med(ARGV[1]), r / med(ARGV[2]) >> extra }' \
        "$WORK/csv-app" "$WORK/csv-psql"
    awk -v n="$CSV_REPEAT" 'function med(f,   a, k) { k = 0; while ((getline x < f) > 0) a[++k] = x; close(f)
            lo = a[1]; hi = a[k]; return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
        BEGIN { app = med(ARGV[1]); alo = lo; ahi = hi; db = med(ARGV[2])
            printf "app %.2f-%.2f s (median %.2f), psql \\copy %.2f-%.2f s (median %.2f), %d runs each: ratio app/psql %.2f (target 0.8)",
                alo, ahi, app, lo, hi, db, n, db / app }' "$WORK/csv-app" "$WORK/csv-psql"
}

machine() {
    local cpu mem jdk pg
    cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    jdk=$(java -version 2>&1 | head -1)
    pg=$(psql -X -At -d postgres -c 'show server_version')
    echo "$(nproc) cores ($cpu), $mem RAM, $jdk, PostgreSQL $pg, wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }'), $("$NGINX_BIN" -v 2>&1 | sed 's/.*: //')"
}

# ------------------------------------------------------------------------------------------------- bulk

# bulk_files DIR CATEGORY SOURCE RUN: BULK_BATCHES NDJSON files of BULK_SIZE new articles each (not timed), each
# article about as large as the create row's (a 1.6 KB body, a different title and URL each, non-ASCII text)
bulk_files() {
    local dir=$1 batch
    mkdir -p "$dir"
    for batch in $(seq 1 "$BULK_BATCHES"); do
        awk -v n="$BULK_SIZE" -v b="$batch" -v run="$4" -v cat="$2" -v src="$3" 'BEGIN {
            content = "Zürich — The city council met late on Tuesday; “we have listened,” the mayor said, before taking questions.\\n\\n" \
                "The proposal would merge three departments, move about a hundred posts to the suburbs and sell the old annex on the quay. Supporters say it saves €4.5 million a year; opponents call the savings “optimistic, at best”.\\n\\n" \
                "Ana Müller-Søndergaard, who has run a bakery on the main square for nineteen years, was unimpressed: \\\"They ask us every spring, they write a report every autumn, and then nothing changes.\\\"\\n\\n" \
                "Ψηφίστηκε; not yet. The partners in Thessaloníki, Łódź and Plzeň wait for the funding round to close, and their own evaluation — due in June — will compare three districts, 6–9 % savings, «small sample».\\n\\n" \
                "For residents, the most visible change would be the new service desk in the former post office, open six days a week until 20:00, with forms in eight languages."
            for (i = 1; i <= n; i++) {
                printf "{\"title\":\"Import %s-%d-%d: council «approves» the plan, “with conditions”\",", run, b, i
                printf "\"summary\":\"Bulk article %d of batch %d, imported with curl: a summary with “quotes”, commas and é.\",", i, b
                printf "\"content\":\"%s\",\"category\":\"%s\",\"source\":\"%s\",", content, cat, src
                printf "\"publishedAt\":\"2026-10-%02dT%02d:%02d:00Z\",", 1 + b % 28, i % 24, i % 60
                printf "\"originalUrl\":\"https://bench.example.org/import/%s/%d/%d\",", run, b, i
                printf "\"isSummary\":false,\"hasEditorialBias\":%s}\n", (i % 7 == 0 ? "true" : "false")
            }
        }' >"$dir/batch-$batch.ndjson"
    done
}

# bulk_import CATEGORY SOURCE RUN: imports BULK_BATCHES x BULK_SIZE articles over HTTP, timed from the first request
# to the last answer; sets BULK_LINE (a Markdown bullet) and BULK_RATE (articles/s); every answer must be a 200
# whose report says all its articles were created
bulk_import() {
    local dir=$WORK/bulk key=${EDITOR_KEYS%%,*} t0 t1 bad created bytes
    bulk_files "$dir" "$1" "$2" "$3"
    bytes=$(cat "$dir"/batch-*.ndjson | wc -c)
    log "bulk: $BULK_BATCHES imports of $BULK_SIZE articles ($((bytes / 1048576)) MiB of NDJSON), $BULK_CLIENTS at a time"
    wait_idle
    t0=$(now)
    # shellcheck disable=SC2016
    seq 1 "$BULK_BATCHES" | timeout 900 xargs -P "$BULK_CLIENTS" -I{} sh -c 'curl -sS --max-time 120 \
        -H "Authorization: Bearer $1" -H "Content-Type: application/x-ndjson" --data-binary @"$2/batch-$3.ndjson" \
        -o "$2/answer-$3.json" -w "%{http_code}\n" "$4/v1/articles" >"$2/status-$3"' _ "$key" "$dir" {} "$BASE" || true
    t1=$(now)
    bad=$(cat "$dir"/status-* 2>/dev/null | grep -cv '^200$' || true)
    created=$(cat "$dir"/answer-*.json 2>/dev/null | jq -s 'map(.created // 0) | add // 0')
    BULK_RATE=$(awk -v n="$created" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
    BULK_LINE="- bulk import (NDJSON, \`POST /v1/articles\`): $BULK_BATCHES requests of $BULK_SIZE articles, $BULK_CLIENTS at a time, $((bytes / 1048576)) MiB: $created articles created in $(elapsed "$t0" "$t1") s, **$BULK_RATE articles/s** (target 10 000: ratio $(awk -v r="$BULK_RATE" 'BEGIN { printf "%.2f", r / 10000 }'))$( ((bad == 0)) || echo "; **UNEXPECTED**: $bad answers were not 200")"
    ((bad == 0)) && ((created == BULK_BATCHES * BULK_SIZE)) || FLAGGED=1
    log "  $created articles in $(elapsed "$t0" "$t1") s: $BULK_RATE articles/s; non-200 answers: $bad"
}

# ------------------------------------------------------------------------------------------------- one run

run_once() { # $1: run number; appends a section to $OUT
    local run=$1 load_before load_after
    ROWS_TSV=$WORK/run-$run.tsv
    EXTRA_TSV=$WORK/extra-$run.tsv # key<TAB>value measured outside wrk, for the targets
    : >"$ROWS_TSV"
    : >"$EXTRA_TSV"
    reset_dataset
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    log "run $run of $RUNS: starting the app (load average $load_before)"
    start_app "app-$run"
    # first answered request: the newest articles, right after readiness
    curl -sf --max-time 120 -o /dev/null "$BASE/v1/articles" || die "GET $BASE/v1/articles failed"
    local first_s
    first_s=$(elapsed "$STARTED" "$(now)")
    local cat=$CATEGORY src=$SOURCE
    if [[ -z $cat ]]; then
        cat=$(q -c 'select c.slug from article a join category c on c.id = a.category_id
                    group by c.slug order by count(*) desc, c.slug limit 1')
    fi
    local cat_rows
    cat_rows=$(q -c "select count(*) from article a join category c on c.id = a.category_id where c.slug = '$cat'")
    if [[ -z $src ]]; then
        src=$(q -c "select s.slug from article a join category c on c.id = a.category_id
                    join source s on s.id = a.source_id where c.slug = '$cat'
                    group by s.slug order by count(*) desc, s.slug limit 1")
    fi
    local list="$BASE/v1/articles?category=$cat"
    log "ready after $READY_S s, first answer after $first_s s; category $cat ($cat_rows articles), source $src"

    # the feed bytes for nginx, and the ETag for the conditional GET
    mkdir -p "$WORK/www"
    local feed_headers etag nginx_etag
    feed_headers=$(curl -sS --max-time 30 -D - -o "$WORK/www/feed.xml" "$list&format=rss" | tr -d '\r')
    [[ $feed_headers == HTTP/*" 200"* ]] || die "GET $list&format=rss: $(head -1 <<<"$feed_headers")"
    etag=$(awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }' <<<"$feed_headers")
    [[ -n $etag ]] || die "the feed has no ETag"
    chmod 644 "$WORK/www/feed.xml"
    # the same feed as Newsdesk codes it for gzip, for nginx's gzip_static; and the tag of the coded variant a
    # client accepting "gzip, br" holds (Brotli, unless the app was started without it)
    local gz_etag
    curl -sS --max-time 30 -H 'Accept-Encoding: gzip' -o "$WORK/www/feed.xml.gz" "$list&format=rss"
    chmod 644 "$WORK/www/feed.xml.gz"
    gzip -t "$WORK/www/feed.xml.gz" || die "the app's gzip feed does not decode"
    gz_etag=$(curl -sS --max-time 30 -D - -o /dev/null -H "Accept-Encoding: $ACCEPT_ENCODING" "$list&format=rss" |
        tr -d '\r' | awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }')
    [[ -n $gz_etag ]] || die "the coded feed has no ETag"
    local html_etag
    html_etag=$(curl -sS --max-time 30 -D - -o /dev/null "$list&format=html" | tr -d '\r' |
        awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }')
    [[ -n $html_etag ]] || die "the HTML page has no ETag"

    # the deep page: follow next links from page 1
    local page deep
    read -r page deep < <(follow "$list" "$DEEP_PAGE")
    [[ -n $deep ]] || die "following next from $list failed"
    log "deep page: page $page"
    # the same for search, only when its rows run (following next through an uncached search takes a while)
    local rare_page=0 rare_deep= common_page=0 common_deep=
    if wanted search-rare-deep; then
        read -r rare_page rare_deep < <(follow "$BASE/v1/articles?q=$SEARCH_RARE" "$SEARCH_DEEP_PAGE")
        [[ -n $rare_deep ]] || die "following next through q=$SEARCH_RARE failed"
    fi
    if wanted search-common-deep; then
        read -r common_page common_deep < <(follow "$BASE/v1/articles?q=$SEARCH_COMMON" "$SEARCH_DEEP_PAGE")
        [[ -n $common_deep ]] || die "following next through q=$SEARCH_COMMON failed"
    fi

    # one CSV download with curl: rows/s and first byte
    local csv
    csv=$(curl -sS --max-time 900 -o /dev/null -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
        "$list&format=csv") || die "CSV download failed"
    local csv_code csv_ttfb csv_total csv_bytes
    read -r csv_code csv_ttfb csv_total csv_bytes <<<"$csv"
    local csv_vs_psql=
    wanted csv && csv_vs_psql=$(csv_against_psql "$cat" "$list&format=csv")

    start_nginx
    nginx_etag=$(curl -sS --max-time 10 -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/feed.xml" | tr -d '\r' |
        awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }')

    bench nginx "static ceiling: nginx, the same RSS bytes from a file" 200 "http://127.0.0.1:$NGINX_PORT/feed.xml"
    bench nginx304 "static ceiling: nginx, If-None-Match" 304 "http://127.0.0.1:$NGINX_PORT/feed.xml" \
        -H "If-None-Match: $nginx_etag"
    bench nginx-gz "static ceiling: nginx, the feed precompressed (gzip_static), Accept-Encoding: $ACCEPT_ENCODING" \
        200 "http://127.0.0.1:$NGINX_PORT/feed.xml" -H "Accept-Encoding: $ACCEPT_ENCODING"
    stop_nginx
    bench rss "category RSS feed, 20 full-text items" 200 "$list&format=rss"
    bench json "category JSON page, 20 items" 200 "$list"
    bench range "category + one month ($RANGE_FROM to $RANGE_TO), JSON" 200 "$list&from=$RANGE_FROM&to=$RANGE_TO"
    bench source "category + source ($src), JSON" 200 "$list&source=$src"
    bench deep "page $page of the category by cursor, JSON" 200 "$deep"
    bench 304 "conditional feed GET (If-None-Match)" 304 "$list&format=rss" -H "If-None-Match: $etag"
    bench rss-gz "category RSS feed, Accept-Encoding: $ACCEPT_ENCODING" 200 "$list&format=rss" \
        -H "Accept-Encoding: $ACCEPT_ENCODING"
    bench rss-gz304 "conditional coded feed GET (If-None-Match of the coded variant)" 304 "$list&format=rss" \
        -H "Accept-Encoding: $ACCEPT_ENCODING" -H "If-None-Match: $gz_etag"
    bench jsonfeed "category JSON Feed" 200 "$list&format=jsonfeed"
    bench atom "category Atom feed" 200 "$list&format=atom"
    bench xml "category XML page" 200 "$list&format=xml"
    bench html "category HTML selection page, 20 items (a browser's Accept)" 200 "$list" \
        -H "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    bench html304 "conditional HTML page GET (If-None-Match)" 304 "$list&format=html" -H "If-None-Match: $html_etag"
    # Search, uncached: the render cache keys on the URL, so each request gets a URL of its own (newsroom.lua "vary").
    # First pages add a negated word of their own to q: a new query text each time, matching the same articles. Deeper
    # pages cannot (their cursor is bound to q) and add an ignored parameter instead. The database answers them all.
    bench search-rare "search q=$SEARCH_RARE (about 1 % of all articles), a new query each request" 200 \
        "$BASE/v1/articles?q=$SEARCH_RARE" -- vary q
    bench search-common "search q=$SEARCH_COMMON (about half of all articles), a new query each request" 200 \
        "$BASE/v1/articles?q=$SEARCH_COMMON" -- vary q
    bench search-rare-deep "search q=$SEARCH_RARE, page $rare_page by cursor, uncached" 200 "$rare_deep" -- vary param
    bench search-common-deep "search q=$SEARCH_COMMON, page $common_page by cursor, uncached" 200 "$common_deep" \
        -- vary param
    bench dates "archive: /v1/dates of the category" 200 "$BASE/v1/dates?category=$cat"
    bench csv "CSV export of the whole category ($cat_rows rows)" 200 "$list&format=csv" -- light
    # last: it changes the data (the next run deletes what it added)
    bench create "create an article: POST by $CREATE_CONNECTIONS editors" 201 "$BASE/v1/articles" \
        -- create "$cat" "$src" "$EDITOR_KEYS" "$run"
    BULK_LINE=
    if wanted bulk; then
        bulk_import "$cat" "$src" "$run"
        printf 'bulk-articles-per-s\t%s\nbulk-articles\t%s\n' "$BULK_RATE" "$((BULK_BATCHES * BULK_SIZE))" >>"$EXTRA_TSV"
    fi

    # The CSV row ran wrk without reading bodies (see newsroom.lua, "light"): its byte count covers headers
    # and unfinished responses, so take the size of the curl download instead.
    awk -F '\t' -v OFS='\t' -v b="$csv_bytes" '$1 == "csv" { $11 = $10 * b; $20 = $19 * b } { print }' \
        "$ROWS_TSV" >"$ROWS_TSV.tmp" && mv "$ROWS_TSV.tmp" "$ROWS_TSV"
    local rss hwm created
    rss=$(vm VmRSS); hwm=$(vm VmHWM)
    stop_app
    created=$(q -c "select count(*) from article where id > (select last_generated_id from bench_dataset)")
    if [[ -n $BULK_LINE ]]; then created=$((created - BULK_BATCHES * BULK_SIZE)); fi
    # Before the cache-off row: the create row's articles are all of today, and the subscription document holds
    # whole days (RFC 5005), so with them the category feed would be thousands of items instead of about 20.
    reset_dataset
    if wanted rss-nocache; then # what a newsroom with a write every second sees: every read renders again
        EXTRA_ENV="$EXTRA_ENV NEWSDESK_CACHING_RENDER_CACHE_MAX_BYTES=0" start_app "app-$run-nocache"
        bench rss-nocache "category RSS feed, render cache off (every read asks the database)" 200 "$list&format=rss"
        stop_app
    fi
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)

    local table status=0
    table=$(render_table "$(awk -F '\t' '$1 == "nginx" { print $7 }' "$ROWS_TSV")") || status=$?
    # the targets, each a ratio within this run, and the chart of the run beside the results file
    local png targets
    png="${OUT%.md}-run$run.png"
    targets=$(python3 "$HERE/targets.py" "$ROWS_TSV" "$EXTRA_TSV" "$png")
    ((status == 0)) || FLAGGED=1
    local csv_rate csv_wrk
    csv_rate=$(awk -v r="$cat_rows" -v t="$csv_total" 'BEGIN { printf "%.0f", (t > 0 ? r / t : 0) }')
    csv_wrk=$(awk -F '\t' -v r="$cat_rows" '$1 == "csv" { printf "%.0f rows/s with wrk %s, %.0f rows/s with one connection",
        $7 * r, $4, $16 * r }' "$ROWS_TSV")
    {
        echo
        echo "### Run $run of $RUNS ($(date -u +%Y-%m-%dT%H:%MZ))"
        echo
        echo "$table"
        echo
        echo "#### Targets (run $run)"
        echo
        echo "$targets"
        echo
        echo "- load average before / after: $load_before / $load_after"
        echo "- start-up: ready (\`/q/health/ready\`) after $READY_S s, first answered \`/v1/articles\` after $first_s s"
        echo "- java RSS after the benchmark: VmRSS $((rss / 1024)) MiB, peak VmHWM $((hwm / 1024)) MiB (\`-Xmx$HEAP\`)"
        echo "- category \`$cat\` ($cat_rows articles), source \`$src\`; deep page: page $page, reached by following \`next\`"
        echo "- CSV of the category, one curl download: HTTP $csv_code, $cat_rows rows, $(awk -v b="$csv_bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'), first byte after $(awk -v t="$csv_ttfb" 'BEGIN { printf "%.0f ms", t * 1000 }'), $csv_rate rows/s${csv_wrk:+; $csv_wrk}"
        [[ -z $csv_vs_psql ]] || echo "- CSV against the database: $csv_vs_psql"
        if wanted create; then
            echo "- articles created by the create row: $created (deleted again after the run)$(awk -F '\t' '$1 == "create" { printf "; %.0f creates/s with %s (target 1 000: ratio %.2f)", $7, $4, $7 / 1000 }' "$ROWS_TSV")"
        fi
        if [[ -n $BULK_LINE ]]; then echo "$BULK_LINE (deleted again after the run)"; fi
    } >>"$OUT"
    echo
    echo "$table"
    echo
    ((status == 0)) || log "run $run: some rows answered other status codes than expected (marked UNEXPECTED)"
}

# ------------------------------------------------------------------------------------------------- main

if [[ ! -f $JAR ]]; then
    log "building the jar"
    timeout 1800 ./mvnw -B -q package -DskipTests
fi

GENERATED_NOW=
ensure_dataset
if [[ -n ${GENERATE_ONLY:-} ]]; then
    { echo "| category | articles | first | last | min body bytes | avg | max |"; dataset_summary; } >&2
    exit 0
fi

mkdir -p "$(dirname "$OUT")"
{
    echo "## Newsroom benchmark: $ARTICLES articles, PostgreSQL"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "- machine: $(machine)"
    echo "- app: \`$JAVA -Xmx$HEAP${EXTRA_JAVA_OPTS:+ $EXTRA_JAVA_OPTS} -jar $JAR\` built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [[ -n $(git status --porcelain -- src/main pom.xml 2>/dev/null) ]] && echo ' with local changes' || true), jar of $(date -u -r "$JAR" +%Y-%m-%dT%H:%MZ)${EXTRA_ENV:+, environment \`$EXTRA_ENV\`}"
    echo "- dataset: database \`$BENCH_DB\`, $(q -F ', ' -c "select generator, 'made ' || to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD') || ' in ' || seconds || ' s' from bench_dataset")"
    echo "- wrk: -t$THREADS -c$CONNECTIONS -d$DURATION, then -t1 -c1 -d$DURATION_ONE, $([[ $WARMUP == 0 ]] && echo 'no warm-up' || echo "warm-up -d$WARMUP per row"); CSV -t$CSV_THREADS -c$CSV_CONNECTIONS -d$CSV_DURATION, -t1 -c1 -d$CSV_DURATION_ONE; create -t$THREADS -c$CREATE_CONNECTIONS; wrk and the app share the machine"
    echo
    echo "<details><summary>Dataset: articles per category, dates, body bytes</summary>"
    echo
    echo "| category | articles | first | last | min body bytes | avg | max |"
    echo "|---|---|---|---|---|---|---|"
    dataset_summary
    echo
    echo "</details>"
} >"$OUT"
log "results go to $OUT"
for run in $(seq 1 "$RUNS"); do
    run_once "$run"
done
if ((RUNS > 1)); then
    {
        echo
        echo "### All runs: req/s with many connections, and one-connection p99"
        echo
        printf '| endpoint |'; for run in $(seq 1 "$RUNS"); do printf ' run %s req/s |' "$run"; done
        for run in $(seq 1 "$RUNS"); do printf ' run %s 1-conn p99 |' "$run"; done; echo
        printf '|---|'; for _ in $(seq 1 $((2 * RUNS))); do printf -- '---|'; done; echo
        paste "$WORK"/run-*.tsv | awk -F '\t' -v runs="$RUNS" '
            function rate(r) { return r >= 100 ? sprintf("%.0f", r) : sprintf("%.1f", r) }
            function odd(o, n, parts, i) { # 1 when this run saw a code other than the expected one, or none
                if ($(o + 12) == "none" || $(o + 21) == "none") return 1
                n = split($(o + 12) "," $(o + 21), parts, ",")
                for (i = 1; i <= n; i++)
                    if (parts[i] !~ "^" $(o + 3) ":" && !(parts[i] ~ /^2xx-3xx:/ && $(o + 3) ~ /^2/)) return 1
                return 0
            }
            {
                line = "| " $2 " |"
                for (r = 0; r < runs; r++) line = line " " rate($(r * 22 + 7)) (odd(r * 22) ? " (UNEXPECTED codes)" : "") " |"
                for (r = 0; r < runs; r++) line = line sprintf(" %.2f ms |", $(r * 22 + 18) / 1000)
                print line
            }'
    } >>"$OUT"
fi
log "written: $OUT"
if ((FLAGGED)); then
    log "some rows answered other status codes than expected: see UNEXPECTED in $OUT"
    exit 3
fi
