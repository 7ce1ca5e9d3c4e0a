#!/usr/bin/env bash
# The package graph of the built jar as jdeps sees it (bytecode, not sources): every io.newsdesk package's
# dependencies on the others, then any cycle, and what `format` depends on. ArchitectureTest checks the same
# rules in the build; this is the independent look at the packaged classes.
#
#   ./mvnw -B package -DskipTests && src/bench/jdeps-packages.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/quarkus-app/app/newsdesk-1.0.0-SNAPSHOT.jar}
[[ -f $JAR ]] || { echo "no $JAR: build first (./mvnw -B package -DskipTests)" >&2; exit 1; }
jdeps -verbose:package -filter:none -e 'io\.newsdesk\..*' "$JAR" \
    | awk '$1 ~ /^io\.newsdesk\./ && $2 == "->" && $3 ~ /^io\.newsdesk\./ && $1 != $3 { print $1, $3 }' \
    | sed 's/io\.newsdesk\.//g' | sort -u >"${TMPDIR:-/tmp}/newsdesk-edges.txt"
echo "== package -> packages it uses"
awk '{ deps[$1] = deps[$1] " " $2 } END { for (p in deps) print p ":" deps[p] }' \
    "${TMPDIR:-/tmp}/newsdesk-edges.txt" | sort
echo "== cycles"
python3 - "${TMPDIR:-/tmp}/newsdesk-edges.txt" <<'PY'
import sys
graph = {}
for line in open(sys.argv[1]):
    a, b = line.split()
    graph.setdefault(a, set()).add(b)
cycles = set()
def walk(node, path):
    for nxt in graph.get(node, ()):
        if nxt in path:
            cycle = path[path.index(nxt):]
            i = cycle.index(min(cycle))
            cycles.add(" -> ".join(cycle[i:] + cycle[:i] + [min(cycle)]))
        else:
            walk(nxt, path + [nxt])
for start in graph:
    walk(start, [start])
print("\n".join(sorted(cycles)) if cycles else "none")
sys.exit(1 if cycles else 0)
PY
echo "== format uses: $(awk '$1 == "format" { print $2 }' "${TMPDIR:-/tmp}/newsdesk-edges.txt" | tr '\n' ' ')"
