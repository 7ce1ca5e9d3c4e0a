#!/bin/sh
# Starts the Newsdesk image with Podman against an existing PostgreSQL database and checks it end to end:
# readiness (/q/health/ready), one read (/v1/categories), a refused write without a key, writes with an editor
# key (a category, a source, an article; read back, then deleted again), and a graceful stop. Prints the image
# size, the start-up time the application logs and the health answer; any failed check stops the script with
# the container's log and exit status 1. The container is removed in every case.
#
#   PORT=18310 NEWSDESK_DB_URL=jdbc:postgresql://127.0.0.1:5432/newsdesk_image NEWSDESK_DB_USER=postgres docker/smoke.sh
#
# Environment (defaults in brackets): IMAGE [localhost/newsdesk:local], PORT [8080, on the host network],
# NEWSDESK_DB_URL [jdbc:postgresql://127.0.0.1:5432/newsdesk], NEWSDESK_DB_USER [newsdesk],
# NEWSDESK_DB_PASSWORD [empty], PODMAN [podman] (e.g. "podman --runtime runc"), READY_TIMEOUT [120 s].
# The database must exist; the schema is created on the first start. A generated editor key is used.
set -eu

IMAGE=${IMAGE:-localhost/newsdesk:local}
PORT=${PORT:-8080}
PODMAN=${PODMAN:-podman}
READY_TIMEOUT=${READY_TIMEOUT:-120}
export NEWSDESK_DB_URL=${NEWSDESK_DB_URL:-jdbc:postgresql://127.0.0.1:5432/newsdesk}
export NEWSDESK_DB_USER=${NEWSDESK_DB_USER:-newsdesk}
export NEWSDESK_DB_PASSWORD=${NEWSDESK_DB_PASSWORD:-}
NEWSDESK_AUTH_EDITOR_KEYS=$(openssl rand -hex 32)
export NEWSDESK_AUTH_EDITOR_KEYS
BASE=http://127.0.0.1:$PORT
NAME=newsdesk-smoke-$PORT
OUT=$(mktemp)
STARTED=no

fail() {
    echo "FAIL: $*" >&2
    if [ "$STARTED" = yes ]; then
        echo "---- last lines of the container's log" >&2
        $PODMAN logs --tail 40 "$NAME" >&2 2>&1 || true
    fi
    exit 1
}
cleanup() {
    [ "$STARTED" = yes ] && $PODMAN rm -f -t 5 "$NAME" >/dev/null 2>&1
    rm -f "$OUT"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# request METHOD PATH EXPECTED-STATUS [curl options]: the answer's body is left in $OUT
request() {
    method=$1 path=$2 want=$3
    shift 3
    got=$(curl -s -o "$OUT" -w '%{http_code}' -X "$method" "$@" "$BASE$path") || got="no answer"
    [ "$got" = "$want" ] || fail "$method $path answered $got, expected $want: $(head -c 600 "$OUT")"
    echo "ok  $method $path -> $got"
}
json_id() { grep -o '"id":[0-9]*' "$OUT" | head -n 1 | cut -d: -f2; }
now_ms() { date +%s%3N; }

command -v curl >/dev/null || fail "curl not found"
command -v openssl >/dev/null || fail "openssl not found"
$PODMAN image exists "$IMAGE" || fail "no image $IMAGE: build it with ./mvnw package -Pimage"
curl -s -o /dev/null "$BASE/" && fail "port $PORT already answers: choose another with PORT="

SIZE=$($PODMAN image inspect --format '{{.Size}}' "$IMAGE")
echo "image $IMAGE: $((SIZE / 1000000)) MB"

T0=$(now_ms)
$PODMAN run -d --name "$NAME" --network host --memory 512m \
    -e QUARKUS_HTTP_PORT="$PORT" \
    -e NEWSDESK_DB_URL -e NEWSDESK_DB_USER -e NEWSDESK_DB_PASSWORD -e NEWSDESK_AUTH_EDITOR_KEYS \
    "$IMAGE" >/dev/null || fail "podman run failed"
STARTED=yes

# ready: the HTTP server is up and the database answers
while :; do
    code=$(curl -s -o "$OUT" -w '%{http_code}' "$BASE/q/health/ready") || code=none
    [ "$code" = 200 ] && break
    [ "$($PODMAN inspect --format '{{.State.Running}}' "$NAME")" = true ] || fail "the container stopped"
    [ $(($(now_ms) - T0)) -lt $((READY_TIMEOUT * 1000)) ] || fail "not ready after ${READY_TIMEOUT}s (last: $code)"
    sleep 0.5
done
READY_MS=$(($(now_ms) - T0))
grep -q '"status": *"UP"' "$OUT" || fail "health is not UP: $(cat "$OUT")"
HEALTH=$(tr '\n' ' ' <"$OUT" | tr -s ' ')
echo "ok  GET /q/health/ready -> 200 $HEALTH"
STARTUP=$($PODMAN logs "$NAME" 2>&1 | grep -o 'started in [0-9.]*s' | head -n 1)

# one read
request GET /v1/categories 200
grep -q '"items"' "$OUT" || fail "/v1/categories is not a list of categories: $(head -c 300 "$OUT")"

# writes: refused without a key, accepted with one
J='Content-Type: application/json'
K="Authorization: Bearer $NEWSDESK_AUTH_EDITOR_KEYS"
N=$(openssl rand -hex 3)
request POST /v1/categories 401 -H "$J" -d '{"slug":"smoke-'"$N"'","name":"Smoke"}'
request POST /v1/categories 201 -H "$K" -H "$J" -d '{"slug":"smoke-'"$N"'","name":"Smoke"}'
request POST /v1/sources 201 -H "$K" -H "$J" \
    -d '{"slug":"smoke-'"$N"'","name":"Smoke test","url":"https://example.org"}'
TITLE="Container smoke test $N"
request POST /v1/articles 201 -H "$K" -H "$J" -d '{"title":"'"$TITLE"'","summary":"A short summary.",
  "content":"First paragraph.\n\nSecond paragraph.","category":"smoke-'"$N"'","source":"smoke-'"$N"'",
  "publishedAt":"2026-11-25T08:00:00Z","originalUrl":"https://example.org/smoke-'"$N"'",
  "isSummary":true,"hasEditorialBias":false}'
ID=$(json_id)
[ -n "$ID" ] || fail "the created article has no id: $(head -c 300 "$OUT")"
request GET "/v1/articles/$ID" 200
grep -q "\"$TITLE\"" "$OUT" || fail "article $ID does not have the title written"
request GET "/v1/articles?category=smoke-$N" 200
grep -q "\"id\":$ID[,}]" "$OUT" || fail "article $ID is not listed in its category"
request DELETE "/v1/articles/$ID" 204 -H "$K"
request GET "/v1/articles/$ID" 404
request DELETE "/v1/sources/smoke-$N" 204 -H "$K"
request DELETE "/v1/categories/smoke-$N" 204 -H "$K"

# a graceful stop: SIGTERM to java (PID 1), which finishes and logs "stopped in"
$PODMAN stop -t 40 "$NAME" >/dev/null
$PODMAN logs "$NAME" 2>&1 | grep -q 'stopped in' || fail "no graceful shutdown in the log"
echo "ok  podman stop: $($PODMAN logs "$NAME" 2>&1 | grep -o 'stopped in [0-9.]*s' | tail -n 1)"

echo "PASS image $IMAGE ($((SIZE / 1000000)) MB): ready after ${READY_MS} ms (application: $STARTUP), health $HEALTH"
