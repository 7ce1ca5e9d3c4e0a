#!/usr/bin/env python3
"""The performance targets of src/bench/newsroom.sh, measured as ratios within one run, and its chart.

    targets.py ROWS_TSV EXTRA_TSV PNG_PATH

ROWS_TSV holds one line per wrk row (see bench() in newsroom.sh: 1 key, 2 label, 3 expected, 4 t×c, 5-13 the
many-connection run, 14-22 the one-connection run; fields 7/16 req/s, 9/18 p99 in µs). EXTRA_TSV holds
`key<TAB>value` lines measured outside wrk (psql's \\copy rate, the CSV download's rate, the bulk import's
rate, the heap). Prints a Markdown table of every target whose inputs this run measured, and writes a PNG bar
chart of Newsdesk against nginx per endpoint with gnuplot (skipped with a note when gnuplot is missing).
"""
import os
import shutil
import subprocess
import sys
import tempfile

rows_path, extra_path, png_path = sys.argv[1:4]

rows = {}
with open(rows_path, encoding="utf-8") as f:
    for line in f:
        p = line.rstrip("\n").split("\t")
        if len(p) >= 22:
            rows[p[0]] = {"label": p[1], "rps": float(p[6]), "rps1": float(p[15]), "p99_1": float(p[17]) / 1000}
extra = {}
if os.path.exists(extra_path):
    with open(extra_path, encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("\t")
            try:
                extra[k] = float(v)
            except ValueError:
                pass

results = []  # (target, measured, goal, met)


def ratio(name, key, ceiling_key, goal):
    if key in rows and ceiling_key in rows and rows[ceiling_key]["rps"] > 0:
        r = rows[key]["rps"] / rows[ceiling_key]["rps"]
        results.append((name, f"{rows[key]['rps']:.0f} / {rows[ceiling_key]['rps']:.0f} req/s = **{r:.2f}**",
                        f"≥ {goal}", r >= goal))


def p99(name, key, limit_ms=50):
    if key in rows:
        v = rows[key]["p99_1"]
        results.append((name, f"one-connection p99 **{v:.1f} ms** ({rows[key]['rps1']:.0f} req/s)",
                        f"< {limit_ms} ms", v < limit_ms))


ratio("cached category feed, `Accept-Encoding: gzip, br`, of nginx `gzip_static`", "rss-gz", "nginx-gz", 0.7)
ratio("cached category feed, uncompressed, of nginx static", "rss", "nginx", 0.6)
ratio("304 of nginx's own 304", "304", "nginx304", 0.6)
for key, what in (("search-rare", "a word in about 1 % of the articles, first page"),
                  ("search-rare-deep", "a word in about 1 %, a page 50 deep by cursor"),
                  ("search-common", "a word in about half of them, first page"),
                  ("search-common-deep", "a word in about half, a page 50 deep by cursor")):
    p99(f"search, uncached: {what}", key)
if "csv-rows-per-s" in extra and extra.get("psql-copy-rows-per-s", 0) > 0:
    r = extra["csv-rows-per-s"] / extra["psql-copy-rows-per-s"]
    results.append(("CSV export of the category, of `psql \\copy` of the same rows and columns",
                    f"{extra['csv-rows-per-s']:.0f} / {extra['psql-copy-rows-per-s']:.0f} rows/s = **{r:.2f}**",
                    "≥ 0.8", r >= 0.8))
if "create" in rows:
    v = rows["create"]["rps"]
    results.append(("creates by 8 editors over HTTP", f"**{v:.0f}** per second", "≥ 1000", v >= 1000))
if "bulk-articles-per-s" in extra:
    v = extra["bulk-articles-per-s"]
    n = extra.get("bulk-articles", 0)
    results.append((f"bulk import of {n:.0f} articles", f"**{v:.0f}** articles per second", "≥ 10000", v >= 10000))
ratio("category feed with the render cache off, of the cached rate", "rss-nocache", "rss", 0.2)

print("| target | measured in this run | goal | met |")
print("|---|---|---|---|")
for name, measured, goal, met in results:
    print(f"| {name} | {measured} | {goal} | {'yes' if met else '**no**'} |")

# the chart: every endpoint's req/s beside the nginx ceiling that serves the same kind of answer
ceiling_of = {"rss-gz": "nginx-gz", "304": "nginx304", "rss-gz304": "nginx304", "html304": "nginx304"}
series = []
for key, r in rows.items():
    if key.startswith("nginx"):
        continue
    # a CSV export (megabytes) and a write have no file nginx could serve instead
    ceiling = None if key in ("csv", "create") else rows.get(ceiling_of.get(key, "nginx"))
    series.append((key, r["rps"], ceiling["rps"] if ceiling else 0))
gnuplot = shutil.which("gnuplot")
if not gnuplot or not series:
    print(f"\n(no chart: {'gnuplot is missing (apt-get install -y gnuplot-nox)' if not gnuplot else 'no rows'})")
    sys.exit(0)
with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as data:
    for key, rps, ceiling in series:
        data.write(f"\"{key}\" {max(rps, 0.1):.1f} {ceiling if ceiling > 0 else 'NaN'}\n")
script = f"""
set terminal pngcairo size 1200,560 font ",10" noenhanced
set output "{png_path}"
set title "Newsdesk against nginx serving a file (req/s, log scale; ceiling: nginx static, gzip_static or its 304)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set yrange [1:*]
set ylabel "requests per second"
set xtics rotate by -40 nomirror
set grid ytics
set key top right
plot "{data.name}" using 2:xtic(1) title "Newsdesk" lc rgb "#1f77b4", "" using 3 title "nginx ceiling" lc rgb "#bbbbbb"
"""
try:
    subprocess.run([gnuplot], input=script, text=True, check=True, capture_output=True)
except subprocess.CalledProcessError as e:  # pngcairo missing: the plain png terminal
    subprocess.run([gnuplot], input=script.replace("pngcairo", "png"), text=True, check=True)
finally:
    os.unlink(data.name)
print(f"\n![Newsdesk against nginx per endpoint]({os.path.basename(png_path)})")
