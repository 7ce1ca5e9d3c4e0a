#!/usr/bin/env bash
# Runs the README's "Run it" start command and every command block of "Try it" against a fresh embedded
# instance, in a scratch copy of the working directory (so ./data of the checkout is never touched), and checks
# that each command succeeds, that the answers say what the README says, and that the demo content is the same
# afterwards (same categories with the same article counts). Needs the packaged application:
#   ./mvnw -B package -DskipTests && bash src/bench/readme-examples.sh
# Knobs: PORT (default 8080, the README's); KEEP=1 keeps the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PORT=${PORT:-8080}
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d)
cleanup() {
    # the start command runs in a session of its own: stop the JVM with the shell that started it
    [ -n "${SERVER:-}" ] && kill -- -"$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
    [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
ln -s "$ROOT/target" "$WORK/target"

# The code blocks of one README section, in order, as one shell script each.
blocks() {
    awk -v section="$1" '
        /^## / { inside = ($0 == "## " section) }
        inside && /^```sh$/ { code = 1; print "#--- block"; next }
        inside && /^```$/ { code = 0; next }
        inside && code { print }
    ' "$ROOT/README.md"
}

start_command=$(blocks "Run it" | grep -F 'java -jar' | head -n 1)
[ -n "$start_command" ] || { echo "no start command found in README 'Run it'" >&2; exit 1; }
echo "== start: $start_command"
if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "port $PORT is taken: set PORT" >&2; exit 2; fi
QUARKUS_HTTP_PORT=$PORT setsid bash -c "cd '$WORK' && $start_command" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null || { cat "$WORK/server.log"; exit 1; }
[ -s "$WORK/data/editor-key" ] || { echo "the start command made no data/editor-key" >&2; exit 1; }

snapshot() { curl -s "http://localhost:$PORT/v1/categories" | grep -o '"slug":"[^"]*","name":"[^"]*","articleCount":[0-9]*' | sort; }
before=$(snapshot)

try=$(blocks "Try it" | sed "s#http://localhost:8080#http://localhost:$PORT#g")
echo "$try" > "$WORK/try.sh"
echo "== Try it: $(grep -c '^#--- block' "$WORK/try.sh") blocks, $(grep -c '^curl\|curl ' "$WORK/try.sh") curl lines"
out=$(cd "$WORK" && bash -euo pipefail "$WORK/try.sh" 2>&1) || { echo "$out"; echo "FAILED: a Try it command failed" >&2; exit 1; }
echo "$out" > "$WORK/try.out"

fail=0
expect() {   # expect <description> <extended regex that the output must match>
    if grep -Eq -- "$2" "$WORK/try.out"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}
expect "a page of articles"                 '"items":\[\{"id":[0-9]+'
expect "the archive of days"                '"date":"[0-9]{4}-[0-9]{2}-[0-9]{2}","count":[0-9]+'
expect "a 404 problem for a typo"           'HTTP/1.1 404'
expect "problem+json"                       'application/problem\+json'
expect "RSS"                                '<rss[^>]*version="2.0"'
expect "Atom"                               '<feed xmlns="http://www.w3.org/2005/Atom"'
expect "JSON Feed"                          '"version":"https://jsonfeed.org/version/1.1"'
expect "a 304 for the kept ETag"            'HTTP/1.1 304'
expect "201 for the category and source"    'HTTP/1.1 201'
expect "an article was created"             'created article [0-9]+'
expect "the retry was replayed"             '^[Ii]dempotent-[Rr]eplayed: true'
expect "a view was counted"                 '"views":[0-9]+'
expect "deletes answered 204"               'HTTP/1.1 204'
expect "the bulk import's report"           '"created":1,"failed":1'
expect "an HTML page"                       '<h1 '
expect "a coded feed"                       '^[Cc]ontent-[Ee]ncoding: br'
expect "the change stream's events"         '^event: ?created'
expect "the change log as JSON"             '"type":"created"'
expect "a delta feed"                       'HTTP/1.1 226'
expect "the delta's IM header"              '^[Ii][Mm]: feed'
expect "the hub answered"                   'HTTP/1.1 (202|400)'
expect "the OpenAPI document"               '^openapi: 3'
expect "the Swagger UI"                     '^200$'
if grep -Eq 'HTTP/1.1 5[0-9][0-9]' "$WORK/try.out"; then echo "FAIL a 5xx answer"; fail=1; fi
if head -n 1 "$WORK/politics.csv" 2>/dev/null | grep -q '^id,'; then echo "ok   the CSV was saved"; else echo "FAIL no CSV file"; fail=1; fi

after=$(snapshot)
if [ "$before" = "$after" ]; then echo "ok   demo categories and counts unchanged"; else
    echo "FAIL the examples changed the demo:"; diff <(echo "$before") <(echo "$after") || true; fail=1; fi

echo "== running the examples a second time (they must work again)"
(cd "$WORK" && bash -euo pipefail "$WORK/try.sh" > "$WORK/try2.out" 2>&1) || { tail -20 "$WORK/try2.out"; echo "FAIL second run"; fail=1; }
[ "$before" = "$(snapshot)" ] && echo "ok   demo unchanged after the second run" || { echo "FAIL demo changed"; fail=1; }
[ "$fail" = 0 ] && echo "README examples: all passed" || { echo "README examples: FAILED"; exit 1; }
