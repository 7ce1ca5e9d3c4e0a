#!/usr/bin/env bash
# WebSub fan-out (issue 14, item 1): one packaged instance on PostgreSQL, SUBSCRIBERS local subscribers (one
# python3 http.server, a callback path each) subscribed to the same category's Atom feed, CHANGES articles created
# GAP seconds apart. Prints deliveries per second while the hub was delivering, and commit-to-delivery latency
# (the write's answer to each subscriber's delivery of it) p50/p99/max. Subscribers of one topic share one
# rendering of the document (see websub.TopicDocuments).
#
#   src/bench/websub.sh                          # 1000 subscribers, 10 changes 2 s apart
#   SUBSCRIBERS=200 CHANGES=20 GAP=1 src/bench/websub.sh
set -euo pipefail

SUBSCRIBERS=${SUBSCRIBERS:-1000}
CHANGES=${CHANGES:-10}
GAP=${GAP:-2}
PORT=${PORT:-18131}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-newsdesk_websub_bench}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-websub-bench.XXXXXX")
KEY=bench-$(openssl rand -hex 24)
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

cat >"$WORK/subscriber.py" <<'PY'
import http.server, sys, time, urllib.parse, threading
out = open(sys.argv[2] + "/deliveries", "a", buffering=1)
lock = threading.Lock()
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        if "hub.challenge" in q:
            with lock: open(sys.argv[2] + "/verified", "a").write(self.path.split("?")[0] + "\n")
        body = q.get("hub.challenge", [""])[0].encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        with lock: out.write("%.4f %s %s\n" % (time.time(), self.path, self.headers["X-Newsdesk-Changes"]))
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 1024
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
SUB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$WORK/subscriber.py" "$SUB_PORT" "$WORK" &
PIDS+=($!)

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" NEWSDESK_DB_USER="$PGUSER" NEWSDESK_AUTH_EDITOR_KEYS=$KEY \
    NEWSDESK_WEBSUB_ALLOW_PRIVATE_CALLBACKS=true NEWSDESK_WEBSUB_MAX_SUBSCRIPTIONS_PER_CLIENT=$((SUBSCRIBERS + 10)) \
    QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN java -jar "$JAR" >"$WORK/app.log" 2>&1 &
PIDS+=($!)
deadline=$((SECONDS + 180))
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    ((SECONDS < deadline)) || { log "instance not ready"; tail -20 "$WORK/app.log"; exit 1; }
    sleep 1
done
A=http://127.0.0.1:$PORT
write() { curl -sf -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
write -X POST "$A/v1/categories" -d '{"slug":"harbour","name":"Harbour"}'
write -X POST "$A/v1/sources" -d '{"slug":"gazette","name":"Gazette","url":"https://gazette.example"}'
TOPIC="$A/v1/articles?category=harbour&format=atom"
log "subscribing $SUBSCRIBERS callbacks"
python3 - "$SUBSCRIBERS" "$SUB_PORT" "$TOPIC" >"$WORK/forms" <<'PY'
import sys, urllib.parse
for i in range(1, int(sys.argv[1]) + 1):
    print(urllib.parse.urlencode({"hub.mode": "subscribe", "hub.callback": "http://127.0.0.1:%s/cb/%d" % (sys.argv[2], i),
                                  "hub.secret": "s%d" % i, "hub.topic": sys.argv[3]}))
PY
xargs -P 8 -I{} curl -s -o /dev/null -d {} "$A/v1/websub" <"$WORK/forms"
for _ in $(seq 300); do
    [[ $(wc -l <"$WORK/verified" 2>/dev/null || echo 0) -ge $SUBSCRIBERS ]] && break
    sleep 0.2
done
sleep 2
log "$(wc -l <"$WORK/verified") subscriptions verified; writing $CHANGES changes $GAP s apart"
article() {
    printf '{"title":"%s","summary":"S","content":"Text.","category":"harbour","source":"gazette",' "$1"
    printf '"publishedAt":"2026-11-01T10:00:00Z","originalUrl":"https://gazette.example/1","isSummary":false,'
    printf '"hasEditorialBias":false}'
}
: >"$WORK/writes"
for i in $(seq 1 "$CHANGES"); do
    write -X POST "$A/v1/articles" -d "$(article "Change $i")"
    date +%s.%N >>"$WORK/writes"
    sleep "$GAP"
done
sleep 10
python3 - "$WORK" "$SUBSCRIBERS" <<'PY'
import sys
work, subscribers = sys.argv[1], int(sys.argv[2])
writes = [float(x) for x in open(work + "/writes").read().split()]
rows = [l.split() for l in open(work + "/deliveries")]
first_seq = min(int(r[2].split("-")[0]) for r in rows)
lat = []
for r in rows:
    a, b = (int(x) - first_seq for x in r[2].split("-"))
    for k in range(a, b + 1):
        if k < len(writes):
            lat.append(float(r[0]) - writes[k])
lat.sort()
times = sorted(float(r[0]) for r in rows)
span = times[-1] - writes[0]
print("subscribers:             %d, changes: %d" % (subscribers, len(writes)))
print("deliveries:              %d (%d expected without coalescing)" % (len(rows), subscribers * len(writes)))
print("changes answered:        %d of %d" % (len(lat), subscribers * len(writes)))
per = {}
for r in rows:
    a, b = (int(x) - first_seq for x in r[2].split("-"))
    for k in range(a, b + 1):
        per.setdefault(k, []).append(float(r[0]))
rates = sorted(len(v) / max(1e-3, max(v) - writes[k]) for k, v in per.items() if k < len(writes))
print("fan-out rate:            %.0f deliveries/s (median over changes: subscribers of one change / time from its"
      " commit to its last delivery)" % rates[len(rates) // 2])
print("commit-to-delivery:      p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (
    lat[len(lat) // 2] * 1000, lat[int(len(lat) * 0.99)] * 1000, lat[-1] * 1000))
PY
