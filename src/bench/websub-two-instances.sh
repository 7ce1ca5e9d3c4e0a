#!/usr/bin/env bash
# WebSub exactly once across instances (issue 14, item 1): two packaged instances on one PostgreSQL database, one
# subscriber (python3 http.server) subscribed through instance A to a category's Atom feed. CYCLES times, alternating
# the instance written to, an article of that category is created, updated and deleted (3 changes each). Every
# delivery names the change-log numbers it answers (X-Newsdesk-Changes: first-last) and its own number
# (X-Newsdesk-Delivery). Checks: every change of the category is answered by exactly one delivery (ranges never
# overlap, none missing), no delivery arrives twice, and each arrives within 5 s of the write that made it due.
# Exits non-zero on a missing or duplicate delivery.
#
# KILL=1: the subscriber answers 500 while the changes are written (deliveries wait in the database, retried), then
# both instances are killed with kill -9 and started again, and the subscriber recovers: every change must still
# be delivered exactly once (nothing lost to the kill; the latency check is skipped).
#
#   src/bench/websub-two-instances.sh               # PostgreSQL on 127.0.0.1:5432 as postgres, 20 cycles
#   CYCLES=100 src/bench/websub-two-instances.sh
set -euo pipefail

CYCLES=${CYCLES:-20}
KILL=${KILL:-0}
PORT_A=${PORT_A:-18121}
PORT_B=${PORT_B:-18122}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-newsdesk_websub_two}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-180}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-websub.XXXXXX")
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

# The subscriber: echoes every challenge, records each delivery (arrival time, number, changes, body digest).
cat >"$WORK/subscriber.py" <<'PY'
import hashlib, http.server, sys, time, urllib.parse
out = sys.argv[2]
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        with open(out + "/verifications", "a") as f:
            f.write(q["hub.mode"][0] + " " + q.get("hub.lease_seconds", ["-"])[0] + "\n")
        body = q["hub.challenge"][0].encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        import os
        if os.path.exists(out + "/down"):
            self.send_response(500); self.send_header("Content-Length", "0"); self.end_headers(); return
        with open(out + "/deliveries", "a") as f:
            f.write("%.3f %s %s %s\n" % (time.time(), self.headers["X-Newsdesk-Delivery"],
                                          self.headers["X-Newsdesk-Changes"], hashlib.sha256(body).hexdigest()[:12]))
        self.send_response(204); self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
SUB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$WORK/subscriber.py" "$SUB_PORT" "$WORK" &
PIDS+=($!)

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
INSTANCES=()
start_instances() {
    INSTANCES=()
    for port in $PORT_A $PORT_B; do
        NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" NEWSDESK_DB_USER="$PGUSER" \
            NEWSDESK_AUTH_EDITOR_KEYS=$KEY NEWSDESK_WEBSUB_ALLOW_PRIVATE_CALLBACKS=true \
            NEWSDESK_WEBSUB_RETRY_BASE=PT1S NEWSDESK_WEBSUB_CLAIM_LEASE=PT5S \
            QUARKUS_HTTP_PORT=$port QUARKUS_LOG_CONSOLE_LEVEL=WARN java -jar "$JAR" >>"$WORK/app-$port.log" 2>&1 &
        PIDS+=($!)
        INSTANCES+=($!)
        sleep 5 # one instance migrates first; the other finds the schema done
    done
    for port in $PORT_A $PORT_B; do
        deadline=$((SECONDS + STARTUP_TIMEOUT))
        until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
            ((SECONDS < deadline)) || { log "instance $port not ready"; tail -20 "$WORK/app-$port.log"; exit 1; }
            sleep 1
        done
    done
}
start_instances
log "two instances ready on $PORT_A and $PORT_B, subscriber on $SUB_PORT"

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
TOPIC="$A/v1/articles?category=harbour&format=atom"
status=$(curl -s -o /dev/null -w '%{http_code}' -d hub.mode=subscribe -d "hub.callback=http://127.0.0.1:$SUB_PORT/cb" \
    --data-urlencode "hub.topic=$TOPIC" -d hub.secret=bench "$A/v1/websub")
[[ $status == 202 ]] || { log "subscribe answered $status"; exit 1; }
for _ in $(seq 50); do [[ -s $WORK/verifications ]] && break; sleep 0.1; done
sleep 1
log "subscribed: $(cat "$WORK/verifications")"
SINCE=$(curl -sf "$A/v1/changes?category=harbour&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["last"])')

: >"$WORK/writes"
((KILL)) && touch "$WORK/down"
for cycle in $(seq 1 "$CYCLES"); do
    if ((cycle % 2)); then one=$A; other=$B; else one=$B; other=$A; fi
    id=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        -X POST "$one/v1/articles" -d "$(article "Cycle $cycle")" | awk -F'/' 'tolower($0) ~ /^location:/ {print $NF}' \
        | tr -d '\r')
    date +%s.%N >>"$WORK/writes"
    write -X PUT "$other/v1/articles/$id" -d "$(article "Cycle $cycle, updated")"
    date +%s.%N >>"$WORK/writes"
    write -X DELETE "$one/v1/articles/$id"
    date +%s.%N >>"$WORK/writes"
done
log "$((CYCLES * 3)) changes written through both instances; waiting for deliveries"
curl -sf "$A/v1/changes?category=harbour&since=$SINCE&limit=1000" \
    | python3 -c 'import json,sys; print("\n".join(str(i["id"]) for i in json.load(sys.stdin)["items"]))' >"$WORK/expected"
if ((KILL)); then
    sleep 2
    pending=$(psql -At -d "$DB" -c "select count(*) from websub_delivery")
    log "subscriber down: $pending deliveries waiting in the database; kill -9 both instances"
    kill -9 "${INSTANCES[@]}"
    wait "${INSTANCES[@]}" 2>/dev/null || true
    rm "$WORK/down"
    start_instances
    log "both instances started again; the subscriber is up"
fi
last=$(tail -1 "$WORK/expected")
for _ in $(seq 300); do
    grep -q -- "-$last " "$WORK/deliveries" 2>/dev/null && break
    sleep 0.2
done
sleep 3 # a duplicate would arrive now
export KILL
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
expected = [int(x) for x in open(work + "/expected").read().split()]
writes = [float(x) for x in open(work + "/writes").read().split()]
rows = [line.split() for line in open(work + "/deliveries")]
ids = [r[1] for r in rows]
covered = {}
for r in rows:
    first, last = (int(x) for x in r[2].split("-"))
    for seq in expected:
        if first <= seq <= last:
            covered[seq] = covered.get(seq, 0) + 1
missing = [s for s in expected if s not in covered]
twice = [s for s, n in covered.items() if n > 1]
duplicates = len(ids) - len(set(ids))
# latency: each change's write time to the arrival of the delivery that answered it
lat = []
for i, seq in enumerate(expected):
    arrivals = [float(r[0]) for r in rows if int(r[2].split("-")[0]) <= seq <= int(r[2].split("-")[1])]
    if arrivals and i < len(writes):
        lat.append(arrivals[0] - writes[i])
lat.sort()
print("changes written:         %d (create, update, delete; alternating instances)" % len(expected))
print("deliveries received:     %d (%d changes coalesced into a waiting delivery)" % (len(rows), len(expected) - len(rows)))
print("changes never delivered: %d %s" % (len(missing), missing[:10]))
print("changes delivered twice: %d %s" % (len(twice), twice[:10]))
print("deliveries received twice: %d" % duplicates)
if lat:
    print("write-to-delivery:       p50 %.0f ms, max %.0f ms" % (lat[len(lat) // 2] * 1000, lat[-1] * 1000))
import os
late = os.environ.get("KILL", "0") == "0" and (not lat or lat[-1] > 5)
sys.exit(1 if missing or twice or duplicates or late else 0)
PY
