#!/usr/bin/env bash
# Checks the Grafana dashboard against real metrics: starts the packaged application (embedded H2, demo content),
# a WebSub subscriber and a local Prometheus scraping the application, sends reads in every format, conditional
# reads (304), writes and WebSub subscriptions (one subscriber answers 204, one 500), then evaluates every PromQL
# expression of docker/grafana/dashboards/newsdesk.json through Prometheus' HTTP API. It fails when an expression
# is invalid or returns no series.
#
#   ./mvnw -B -q package -DskipTests
#   docker/check-dashboard.sh
#
# Needs java, python3, curl and Prometheus 2 (Debian: apt-get install -y prometheus; the prometheus and promtool
# binaries are used directly, no service is started). Ports (all on 127.0.0.1): APP_PORT (18200), CALLBACK_PORT
# (18201), PROM_PORT (18290). TRAFFIC_SECONDS (40) is how long requests are sent; DASHBOARD another dashboard file.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DASHBOARD=${DASHBOARD:-$ROOT/docker/grafana/dashboards/newsdesk.json}
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
APP_PORT=${APP_PORT:-18200}
CALLBACK_PORT=${CALLBACK_PORT:-18201}
PROM_PORT=${PROM_PORT:-18290}
TRAFFIC_SECONDS=${TRAFFIC_SECONDS:-40}
KEY=dashboard-check-key-0123456789abcdef0123
APP=http://127.0.0.1:$APP_PORT
PROM=http://127.0.0.1:$PROM_PORT

for tool in java python3 curl prometheus promtool; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # url, seconds
    for _ in $(seq "$2"); do
        curl -fs -o /dev/null "$1" && return 0
        sleep 1
    done
    echo "no answer from $1" >&2
    return 1
}

# A WebSub subscriber: echoes hub.challenge when a subscription is verified; a delivery to .../fail gets a 500.
cat > "$WORK/subscriber.py" <<'EOF'
import http.server, sys, urllib.parse
class Subscriber(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        body = query.get("hub.challenge", [""])[0].encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(500 if self.path.endswith("/fail") else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Subscriber).serve_forever()
EOF
python3 "$WORK/subscriber.py" "$CALLBACK_PORT" &
PIDS+=($!)

echo "starting Newsdesk on $APP"
(cd "$WORK" && exec env NEWSDESK_AUTH_EDITOR_KEYS=$KEY NEWSDESK_WEBSUB_ALLOW_PRIVATE_CALLBACKS=true \
    NEWSDESK_WEBSUB_RETRY_BASE=PT1S NEWSDESK_WEBSUB_RETRY_FOR=PT4S \
    java -Dquarkus.http.port="$APP_PORT" -Dquarkus.http.host=127.0.0.1 -jar "$JAR" > "$WORK/newsdesk.log" 2>&1) &
PIDS+=($!)
wait_for "$APP/q/health/ready" 120 || { tail -20 "$WORK/newsdesk.log" >&2; exit 1; }

cat > "$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
scrape_configs:
  - job_name: newsdesk
    metrics_path: /q/metrics
    static_configs:
      - targets: ["127.0.0.1:$APP_PORT"]
EOF
promtool check config "$WORK/prometheus.yml" >/dev/null
echo "starting Prometheus on $PROM"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
    --web.listen-address="127.0.0.1:$PROM_PORT" > "$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
wait_for "$PROM/-/ready" 60
for _ in $(seq 30); do
    curl -fs "$PROM/api/v1/query" --data-urlencode 'query=up{job="newsdesk"} == 1' | grep -q '"value"' && break
    sleep 1
done

category=$(curl -fs "$APP/v1/categories?format=json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
source=$(curl -fs "$APP/v1/sources?format=json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
subscribe() { # topic, callback
    curl -fs -o /dev/null -X POST --data-urlencode hub.mode=subscribe --data-urlencode "hub.topic=$1" \
        --data-urlencode "hub.callback=$2" "$APP/v1/websub"
}
subscribe "$APP/v1/articles?format=rss" "http://127.0.0.1:$CALLBACK_PORT/ok"
subscribe "$APP/v1/articles?format=atom" "http://127.0.0.1:$CALLBACK_PORT/fail"

echo "sending requests for $TRAFFIC_SECONDS s"
end=$((SECONDS + TRAFFIC_SECONDS))
round=0
while [ $SECONDS -lt $end ]; do
    round=$((round + 1))
    for format in json xml csv rss atom jsonfeed html; do
        curl -fs -o /dev/null "$APP/v1/articles?format=$format&limit=10"
    done
    for path in categories sources dates; do
        curl -fs -o /dev/null "$APP/v1/$path"
    done
    curl -s -o /dev/null "$APP/v1/articles/999999999"
    etag=$(curl -fs -D - -o /dev/null "$APP/v1/articles?format=rss&limit=10" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
    curl -s -o /dev/null -w '%{http_code}\n' -H "If-None-Match: $etag" "$APP/v1/articles?format=rss&limit=10" \
        | grep -q 304 || { echo "no 304 for a matching If-None-Match" >&2; exit 1; }
    if [ $((round % 3)) -eq 1 ]; then
        curl -fs -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
            -d "{\"title\":\"Dashboard check $round\",\"summary\":\"Summary.\",\"content\":\"Text.\",\"category\":\"$category\",\"source\":\"$source\",\"publishedAt\":\"2026-01-01T10:00:00Z\",\"originalUrl\":\"https://www.example.org/check\",\"isSummary\":true,\"hasEditorialBias\":false}" \
            "$APP/v1/articles"
    fi
    sleep 1
done
sleep 5 # two more scrapes

echo "evaluating the dashboard's expressions"
python3 - "$DASHBOARD" "$PROM" <<'EOF'
import json, sys, urllib.parse, urllib.request

dashboard, prom = sys.argv[1], sys.argv[2]
with open(dashboard) as f:
    board = json.load(f)

def expressions(panels):
    for panel in panels:
        yield from expressions(panel.get("panels", []))
        for target in panel.get("targets", []):
            yield panel["title"], target["refId"], target["expr"]

checks = list(expressions(board["panels"]))
for variable in board.get("templating", {}).get("list", []):
    definition = variable["definition"]  # label_values(<metric>, <label>)
    metric, label = definition[len("label_values("):-1].split(",")
    checks.append(("variable " + variable["name"], label.strip(), metric.strip()))

failures = 0
for title, ref, expr in checks:
    query = expr.replace("$__rate_interval", "1m").replace('"$instance"', '".*"')
    url = prom + "/api/v1/query?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url) as answer:
            result = json.load(answer)
    except urllib.error.HTTPError as error:
        result = json.load(error)
    if result.get("status") != "success":
        failures += 1
        print(f"FAIL {title} [{ref}]: {result.get('error')}\n     {query}")
        continue
    series = result["data"]["result"]
    if not series:
        failures += 1
        print(f"FAIL {title} [{ref}]: no series\n     {query}")
        continue
    values = ", ".join(
        ("{" + ",".join(f"{k}={v}" for k, v in s["metric"].items() if k not in ("job",)) + "} " if s["metric"] else "")
        + s["value"][1] for s in series[:4])
    more = f" (+{len(series) - 4} more)" if len(series) > 4 else ""
    print(f"ok   {title} [{ref}]: {len(series)} series: {values}{more}")

print(f"{len(checks) - failures} of {len(checks)} expressions answered with series")
sys.exit(1 if failures else 0)
EOF
