#!/usr/bin/env python3
"""Commit-to-event latency of GET /v1/changes (Server-Sent Events).

Opens STREAMS event streams on one category, then creates WRITES articles in it one after another through the
API (each POST answers after its transaction committed) and notes, for every stream, when the `created` event of
each article arrives. Prints p50/p90/p99/max of (event received - POST answered) and of (event received - POST
sent) over every (stream, article) pair, as one Markdown table row, and fails if any event is missing.

usage: latency.py BASE_URL EDITOR_KEY CATEGORY SOURCE [WRITES] [STREAMS] [PAUSE_MS]
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import urllib.request

base, key, category, source = sys.argv[1:5]
writes = int(sys.argv[5]) if len(sys.argv) > 5 else 200
streams = int(sys.argv[6]) if len(sys.argv) > 6 else 1
pause = (int(sys.argv[7]) if len(sys.argv) > 7 else 50) / 1000.0
url = urllib.parse.urlparse(base)

received = [dict() for _ in range(streams)]  # stream -> article id -> monotonic time
ready = threading.Barrier(streams + 1)


def listen(index):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    connection.request("GET", "/v1/changes?category=" + category, headers={"Accept": "text/event-stream"})
    response = connection.getresponse()
    assert response.status == 200, response.status
    ready.wait()
    kind, data = "", []
    while True:
        line = response.fp.readline()
        if not line:
            return
        line = line.decode("utf-8").rstrip("\r\n")
        if line == "":
            if data and kind == "created":
                event = json.loads("\n".join(data))
                received[index][event["articleId"]] = time.monotonic()
            kind, data = "", []
        elif line.startswith("event:"):
            kind = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" "))


for i in range(streams):
    threading.Thread(target=listen, args=(i,), daemon=True).start()
ready.wait()
time.sleep(0.5)

sent, answered = {}, {}
for n in range(writes):
    body = json.dumps({
        "title": "Latency probe %d" % n, "summary": "A probe.", "content": "One paragraph.",
        "category": category, "source": source, "publishedAt": "2026-01-01T00:00:00Z",
        "originalUrl": "https://example.org/probe/%d" % n, "isSummary": True, "hasEditorialBias": False}).encode()
    request = urllib.request.Request(base + "/v1/articles", data=body, method="POST", headers={
        "Authorization": "Bearer " + key, "Content-Type": "application/json"})
    t0 = time.monotonic()
    with urllib.request.urlopen(request) as answer:
        article = json.load(answer)["id"]
    t1 = time.monotonic()
    sent[article], answered[article] = t0, t1
    time.sleep(pause)

deadline = time.monotonic() + 10
while time.monotonic() < deadline and any(len(r) < writes for r in received):
    time.sleep(0.05)
missing = sum(writes - len([a for a in r if a in sent]) for r in received)
after_answer = sorted((r[a] - answered[a]) * 1000 for r in received for a in r if a in sent)
after_send = sorted((r[a] - sent[a]) * 1000 for r in received for a in r if a in sent)


def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))] if values else float("nan")


print("| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |" % (
    streams, writes, pct(after_answer, 50), pct(after_answer, 90), pct(after_answer, 99), after_answer[-1],
    pct(after_send, 50), pct(after_send, 99), missing))
sys.exit(1 if missing else 0)
