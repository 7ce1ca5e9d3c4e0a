"""Reads a feed from standard input as a feed reader does and prints what it saw as JSON.

RSS and Atom are read with feedparser (https://feedparser.readthedocs.io). feedparser 6.0 has no JSON Feed
parser, so a JSON Feed (argument "jsonfeed") is read with json, taking content_html as feedparser takes the
content of the other formats. Either way the HTML content is then read with Python's own HTML parser: the text
of every <p> and the links in it. Used by io.newsdesk.format.FeedparserTest.

    python3 read_feed.py rss|atom|jsonfeed < feed
    python3 read_feed.py fetch URL [ETAG]

The second form lets feedparser fetch the feed itself, as a reader polls: with the ETag it kept from the last
fetch it sends If-None-Match and, as it always does, A-IM: feed (RFC 3229). It prints the HTTP status and the
ETag it would keep besides what it saw.
"""
import json
import sys
from html.parser import HTMLParser


class Paragraphs(HTMLParser):
    """The text of each <p> (character references resolved) and the href of each <a> in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.links = []
        self.outside = ""
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._open = ""
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "p" and self._open is not None:
            self.paragraphs.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is None:
            self.outside += data
        else:
            self._open += data


def html(value):
    parser = Paragraphs()
    parser.feed(value)
    parser.close()
    return {"paragraphs": parser.paragraphs, "links": parser.links, "outside": parser.outside}


def from_feedparser(body):
    import feedparser

    return seen_by_feedparser(feedparser.parse(body))


def fetched_by_feedparser(url, etag):
    import feedparser

    feed = feedparser.parse(url, etag=etag)
    seen = seen_by_feedparser(feed)
    seen["status"] = feed.get("status")
    seen["etag"] = feed.get("etag")
    seen["im"] = feed.get("headers", {}).get("im")
    return seen


def seen_by_feedparser(feed):
    entries = []
    for entry in feed.entries:
        contents = entry.get("content", [])
        entries.append({
            "id": entry.get("id"),
            "title": entry.get("title"),
            "link": entry.get("link"),
            "guidislink": entry.get("guidislink"),
            "author": entry.get("author"),
            "tags": [t.get("term") for t in entry.get("tags", [])],
            "contents": [dict(type=c.get("type"), **html(c.get("value", ""))) for c in contents],
        })
    return {
        "bozo": bool(feed.bozo),
        "bozo_exception": str(feed.get("bozo_exception", "")),
        "version": feed.version,
        "language": feed.feed.get("language"),
        "id": feed.feed.get("id"),
        "entries": entries,
    }


def from_json_feed(body):
    feed = json.loads(body)
    entries = []
    for item in feed.get("items", []):
        contents = []
        if "content_html" in item:
            contents.append(dict(type="text/html", **html(item["content_html"])))
        entries.append({
            "id": item.get("id"),
            "title": item.get("title"),
            "link": item.get("url"),
            "guidislink": False,
            "author": (item.get("authors") or [{}])[0].get("name"),
            "tags": item.get("tags", []),
            "contents": contents,
        })
    return {"bozo": False, "bozo_exception": "", "version": "json11", "language": feed.get("language"),
            "id": None, "entries": entries}


if __name__ == "__main__":
    if sys.argv[1] == "fetch":
        print(json.dumps(fetched_by_feedparser(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None),
                         ensure_ascii=False))
        sys.exit(0)
    body = sys.stdin.buffer.read()
    seen = from_json_feed(body) if sys.argv[1] == "jsonfeed" else from_feedparser(body)
    print(json.dumps(seen, ensure_ascii=False))
