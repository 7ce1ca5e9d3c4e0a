#!/usr/bin/env bash
# Builds a JDK 25 AOT cache (JEP 483/514/515) for target/quarkus-app: one training run that starts the app on
# PostgreSQL, sends the reads and writes of a normal day (every format, a cursor page, a search, a create),
# and stops it with SIGTERM; the JVM then writes the cache (the assembly takes a minute on 2 cores). Start
# with the same java, jar path and heap option and -XX:AOTCache=target/quarkus-app/app.aot. See
# src/bench/README.md and src/site/markdown/operations.md, "Start-up time and memory".
#
#   src/bench/aot-cache.sh                           # JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64
#   JAVA=/opt/jdk-25/bin/java DB=mydb src/bench/aot-cache.sh
#   JAVA_OPTS=-XX:+UseSerialGC src/bench/aot-cache.sh  # train with the options production starts with
set -euo pipefail

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-256m}
PORT=${PORT:-18120}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-newsdesk_aot_training}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/../.."
JAR=target/quarkus-app/quarkus-run.jar
CACHE=target/quarkus-app/app.aot
BASE=http://127.0.0.1:$PORT
KEY=aot-$(openssl rand -hex 24)
[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
rm -f "$CACHE"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" NEWSDESK_DB_USER="$PGUSER" NEWSDESK_DEMO_ENABLED=true \
    NEWSDESK_AUTH_EDITOR_KEYS=$KEY QUARKUS_HTTP_PORT=$PORT \
    "$JAVA" "-Xmx$HEAP" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$CACHE" -jar "$JAR" >/tmp/newsdesk-aot-training.log 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/q/health/ready"; do kill -0 $PID || exit 1; sleep 1; done
category=$(curl -sf "$BASE/v1/categories" | sed -E 's/.*"slug":"([^"]+)".*/\1/' | head -c 100)
source=$(curl -sf "$BASE/v1/sources" | sed -E 's/.*"slug":"([^"]+)".*/\1/' | head -c 100)
for round in 1 2 3; do
    for format in json xml csv rss atom jsonfeed; do
        curl -sf -o /dev/null "$BASE/v1/articles?category=$category&format=$format"
        curl -sf -o /dev/null "$BASE/v1/articles?source=$source&format=$format"
    done
    next=$(curl -sf "$BASE/v1/articles?limit=5" | sed -E 's/.*"next":"([^"]+)".*/\1/')
    curl -sf -o /dev/null "$next"
    curl -sf -o /dev/null "$BASE/v1/articles?q=council"
    curl -sf -o /dev/null "$BASE/v1/dates?category=$category"
    curl -sf -o /dev/null "$BASE/v1/categories"; curl -sf -o /dev/null "$BASE/v1/sources"
    curl -sf -o /dev/null "$BASE/v1/articles/1"; curl -sf -o /dev/null -X POST "$BASE/v1/articles/1/views"
    curl -s -o /dev/null "$BASE/v1/articles/999999999"
    curl -sf -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -X POST \
        "$BASE/v1/articles" -d "{\"title\":\"Training $round\",\"summary\":\"S\",\"content\":\"T\",\"category\":\"$category\",\"source\":\"$source\",\"publishedAt\":\"2026-11-01T10:00:00Z\",\"originalUrl\":\"https://example.org/$round\",\"isSummary\":false,\"hasEditorialBias\":false}"
done
curl -sf -o /dev/null "$BASE/q/metrics"
kill -TERM $PID
wait $PID || true
psql -q -d postgres -c "drop database if exists $DB" >/dev/null
ls -l "$CACHE"
echo "start with: $JAVA -Xmx$HEAP ${JAVA_OPTS:+$JAVA_OPTS }-XX:AOTCache=$CACHE -jar $JAR"
