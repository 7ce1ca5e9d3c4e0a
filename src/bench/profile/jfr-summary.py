#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples as Markdown: where the samples are (by thread), the hottest methods by
self time, the hottest by inclusive time, and the self time by library.

  python3 src/bench/profile/jfr-summary.py recording.jfr [TOP]

Reads jdk.ExecutionSample (Java code running) and jdk.NativeMethodSample (threads in native code: socket writes,
epoll waits, zlib) through the JDK's own `jfr print`. Idle native waits (epoll, park, accept) are counted apart.
"""
import collections
import re
import subprocess
import sys

IDLE = ("epollWait", "Native.epollWait", "Unsafe.park", "Object.wait", "Thread.sleep", "accept0", "socketAccept",
        "EPoll.wait", "poll(", "waitForReferencePendingList", "Net.poll", "SocketDispatcher.read0",
        "FileDispatcherImpl.read0", "NativeThread", "Native.epollBusyWait")
LIBRARIES = [
    ("io.newsdesk.", "Newsdesk"), ("com.aayushatharva.brotli4j.", "Brotli (brotli4j)"), ("java.util.zip.", "gzip (zlib)"),
    ("io.netty.", "Netty"), ("io.vertx.", "Vert.x"), ("org.jboss.resteasy.", "RESTEasy Reactive"),
    ("io.quarkus.", "Quarkus"), ("org.hibernate.", "Hibernate"), ("org.postgresql.", "pgjdbc"),
    ("io.agroal.", "Agroal"), ("com.fasterxml.", "Jackson"), ("com.rometools.", "Rome"), ("com.opencsv.", "OpenCSV"),
    ("io.micrometer.", "Micrometer"), ("io.smallrye.", "SmallRye"), ("org.h2.", "H2"), ("java.", "JDK"),
    ("jdk.", "JDK"), ("sun.", "JDK"),
]
FRAME = re.compile(r"^\s+(\S+?)\((.*?)\)(?:\s+line: \d+)?")


def samples(path, event):
    out = subprocess.run(["jfr", "print", "--events", event, "--stack-depth", "128", path],
                         check=True, capture_output=True, text=True).stdout
    thread, frames, inside = None, [], False
    for line in out.splitlines():
        if line.startswith(event + " {") or line.startswith(event.split(".")[-1] + " {"):
            thread, frames, inside = None, [], False
        elif "sampledThread = " in line:
            thread = line.split("=", 1)[1].strip().split('"')[1] if '"' in line else line
        elif line.strip().startswith("stackTrace = ["):
            inside = True
        elif inside and line.strip() == "]":
            inside = False
        elif line.strip() == "}" and thread is not None:
            yield thread, frames
            thread = None
        elif inside:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))


def library(frame):
    for prefix, name in LIBRARIES:
        if frame.startswith(prefix):
            return name
    return frame.rsplit(".", 2)[0]


def group(thread):
    return re.sub(r"[-#\s]*\d+$", "", re.sub(r"\d+", "N", thread))


def table(title, counter, total, top):
    print(f"\n{title}\n\n| samples | % | |\n|---:|---:|---|")
    for key, n in counter.most_common(top):
        print(f"| {n} | {100.0 * n / total:.1f} | `{key}` |")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    busy, idle = [], 0
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        for thread, frames in samples(path, event):
            if not frames:
                continue
            if event == "jdk.NativeMethodSample" and any(mark in frames[0] for mark in IDLE):
                idle += 1
                continue
            busy.append((thread, frames, event))
    total = len(busy)
    if not total:
        print("no busy samples")
        return
    print(f"{total} busy samples ({sum(1 for b in busy if b[2] == 'jdk.NativeMethodSample')} of them in native "
          f"code), {idle} idle native samples left out.")
    table("**By thread**", collections.Counter(group(t) for t, _, _ in busy), total, 8)
    table("**By library (self time: the top frame's)**", collections.Counter(library(f[0]) for _, f, _ in busy),
          total, 12)
    table("**Hottest methods, self time**", collections.Counter(f[0] for _, f, _ in busy), total, top)
    inclusive = collections.Counter()
    for _, frames, _ in busy:
        for frame in set(frames):
            if not frame.startswith(("java.", "jdk.", "sun.")):
                inclusive[frame] += 1
    table("**Hottest methods, inclusive (outside the JDK)**", inclusive, total, top)


if __name__ == "__main__":
    main()
