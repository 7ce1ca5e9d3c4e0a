#!/usr/bin/env bash
# A black-box snapshot of the public contract: every read endpoint in every format, filters, paging, the
# archive, conditional requests, errors and one write sequence, each answer saved as status, the headers a
# client relies on, and the body. Run it against two builds on the same database and compare:
#
#   src/bench/contract-snapshot.sh /tmp/before                      # the jar in target/ of this checkout
#   JAR=/elsewhere/target/quarkus-app/quarkus-run.jar src/bench/contract-snapshot.sh /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# It needs a PostgreSQL database with fixed content, copied afresh for each run, (default: the newsroom benchmark's 20 000 articles,
# made by `ARTICLES=20000 GENERATE_ONLY=1 src/bench/newsroom.sh`), so both runs read the same rows and the
# same generated cursor secret. Bodies are compared byte for byte; in the answers to the write sequence the
# new article's id (which the database sequence decides) is replaced by ID, and nothing else is changed.
set -euo pipefail

OUT=${1:?usage: contract-snapshot.sh OUT_DIR}
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
PORT=${PORT:-18280}
DB=${DB:-bench_newsroom_20000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
KEY=${KEY:-contract-snapshot-key-0123456789abcdef}
BASE="http://127.0.0.1:$PORT"
export PGHOST PGPORT PGUSER

[[ -f $JAR ]] || { echo "no $JAR: build first (./mvnw -B package -DskipTests)" >&2; exit 1; }
psql -X -At -d "$DB" -c 'select 1' >/dev/null || { echo "no database $DB" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
# every run starts from the same copy: the write sequence moves the change watermarks of the database it uses
COPY=${DB}_contract
psql -X -q -d postgres -c "drop database if exists $COPY" -c "create database $COPY template $DB"
DB=$COPY

NEWSDESK_DEMO_ENABLED=false QUARKUS_HTTP_PORT=$PORT NEWSDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    NEWSDESK_DB_USER=$PGUSER NEWSDESK_AUTH_EDITOR_KEYS=$KEY java -Xmx256m -jar "$JAR" >"$OUT.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; sleep 0.2; done

n=0
# save NAME curl-args...: status line, selected headers (sorted), then the body
save() {
    local name=$1; shift
    n=$((n + 1))
    local file=$OUT/$(printf '%03d' $n)-$name
    curl -s -D "$file.head" -o "$file.body" "$@"
    { head -n 1 "$file.head" | tr -d '\r'
      grep -iE '^(content-type|etag|last-modified|vary|cache-control|location|content-disposition|link|allow|retry-after|idempotent-replayed):' "$file.head" \
        | tr -d '\r' | sed -E 's/^([^:]+):/\L\1:/' | sort || true
    } >"$file.status"
    rm "$file.head"
}
header() { grep -i "^$2:" "$OUT/$(printf '%03d' "$1")-"*.status | head -n 1 | cut -d' ' -f2-; }

CATEGORY=$(psql -X -At -d "$DB" -c "select c.slug from category c join article a on a.category_id = c.id group by c.slug order by count(*) desc, c.slug limit 1")
SOURCE=$(psql -X -At -d "$DB" -c "select s.slug from source s join article a on a.source_id = s.id group by s.slug order by count(*) desc, s.slug limit 1")
ID=$(psql -X -At -d "$DB" -c "select max(id) from article where id < 1000000")

for format in json xml csv rss atom jsonfeed; do
    save "articles-$format" "$BASE/v1/articles?format=$format"
    save "category-$format" "$BASE/v1/articles?category=$CATEGORY&limit=7&format=$format"
    save "both-$format" "$BASE/v1/articles?category=$CATEGORY&source=$SOURCE&sort=oldest&format=$format"
    save "search-$format" "$BASE/v1/articles?q=council&limit=5&format=$format"
    save "range-$format" "$BASE/v1/articles?from=2025-11-01&to=2025-11-03&limit=9&format=$format"
done
for format in json xml csv; do
    save "article-$format" "$BASE/v1/articles/$ID?format=$format"
    save "categories-$format" "$BASE/v1/categories?format=$format"
    save "category-one-$format" "$BASE/v1/categories/$CATEGORY?format=$format"
    save "sources-$format" "$BASE/v1/sources?format=$format"
    save "source-one-$format" "$BASE/v1/sources/$SOURCE?format=$format"
    save "dates-$format" "$BASE/v1/dates?category=$CATEGORY&format=$format"
done
for format in rss atom jsonfeed; do
    save "article-$format" "$BASE/v1/articles/$ID?format=$format"
done
for accept in 'application/rss+xml' 'application/atom+xml;q=0.9, application/xml;q=0.5' 'text/csv' '*/*' \
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' 'image/png'; do
    save "accept" -H "Accept: $accept" "$BASE/v1/articles?category=$CATEGORY&limit=3"
done
# paging: the first page's next link, followed twice
save page1 "$BASE/v1/articles?category=$CATEGORY&limit=4"
next=$(jq -r .next "$OUT/$(printf '%03d' $n)-page1.body")
save page2 "$next"
next=$(jq -r .next "$OUT/$(printf '%03d' $n)-page2.body")
save page3 "$next&format=atom"
# conditional requests: ETag and Last-Modified of a feed, an article and a catalog, then 304s
for url in "$BASE/v1/articles?category=$CATEGORY&format=rss" "$BASE/v1/articles/$ID" "$BASE/v1/categories" \
    "$BASE/v1/dates"; do
    save full "$url"
    etag=$(header $n etag)
    modified=$(header $n last-modified)
    save if-none-match -H "If-None-Match: $etag" "$url"
    save if-none-match-weak -H "If-None-Match: W/$etag, \"other\"" "$url"
    save if-modified-since -H "If-Modified-Since: $modified" "$url"
    save stale-etag -H "If-None-Match: \"stale\"" "$url"
done
# errors
save unknown-category "$BASE/v1/articles?category=no-such-category"
save unknown-format "$BASE/v1/articles?format=docx"
save two-formats "$BASE/v1/articles?format=json&format=xml"
save feed-of-catalog "$BASE/v1/categories?format=rss"
save bad-limit "$BASE/v1/articles?limit=0"
save bad-cursor "$BASE/v1/articles?cursor=abc"
save bad-date "$BASE/v1/articles?date=2025-13-01"
save unknown-article "$BASE/v1/articles/999999999"
save not-an-id "$BASE/v1/articles/abc"
save unknown-source "$BASE/v1/sources/no-such-source"
save not-acceptable -H 'Accept: image/png' "$BASE/v1/articles/$ID"
save no-key -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/v1/articles"
save bad-body -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"title":' \
    "$BASE/v1/articles"
save invalid-body -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"title":"","category":"nope"}' "$BASE/v1/articles"
save method -X PATCH "$BASE/v1/articles/$ID"
# one write sequence, with the new id replaced by ID
body=$(jq -nc --arg c "$CATEGORY" --arg s "$SOURCE" '{title: "Contract snapshot article", summary: "A summary.",
    content: "First paragraph.\n\nSecond paragraph.", category: $c, source: $s,
    publishedAt: "2020-01-02T03:04:05Z", originalUrl: "https://example.org/snapshot",
    isSummary: false, hasEditorialBias: true}')
save create -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -H 'Idempotency-Key: contract-snapshot-1' -d "$body" "$BASE/v1/articles?format=xml"
created=$(header $n location)
new_id=${created##*/}
save replay -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -H 'Idempotency-Key: contract-snapshot-1' -d "$body" "$BASE/v1/articles?format=xml"
save read-created "$BASE/v1/articles/$new_id?format=atom"
save update -X PUT -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "${body/Contract snapshot article/Contract snapshot article, updated}" "$BASE/v1/articles/$new_id"
save view -X POST "$BASE/v1/articles/$new_id/views"
save delete -X DELETE -H "Authorization: Bearer $KEY" "$BASE/v1/articles/$new_id"
save deleted "$BASE/v1/articles/$new_id"
today=$(date -u +%Y-%m-%d)
# the new id and the write's time differ between runs: replace them in the write answers only
for file in "$OUT"/*-{create,replay,read-created,update,view,delete,deleted}.*; do
    sed -i -E "s#/v1/articles/$new_id\b#/v1/articles/ID#g; s#\"id\": ?$new_id\b#\"id\":ID#g;
        s#<id>$new_id</id>#<id>ID</id>#g; s#article:$new_id\b#article:ID#g; s#\"$new_id\.[0-9]+\.[^\"]*\"#\"ID-TAG\"#g;
        s#id $new_id\b#id ID#g; s#^(last-modified|etag): .*#\1: (varies)#;
        s#${today}T[0-9:.]+(Z|[+-][0-9:]+)?#NOW#g" "$file"
done
echo "$n answers in $OUT"
