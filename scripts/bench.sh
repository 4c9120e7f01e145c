#!/usr/bin/env bash
# Benchmarks the job against a plain Spark SQL baseline on a generated corpus.
#
#   scripts/bench.sh [N] [--set key=value ...]     # N articles, default 100000
#
# 1. Generates (once per N, deterministic, fixed seed) N news-like articles in German and English,
#    ~3.5 KB each, with catalogue entities and ~20 % exact and near duplicates, under target/bench/corpus-N
#    (org.newsprism.bench.BenchCorpus, test code: not in the application jar).
# 2. Runs the job on it in local mode (local[2], driver heap 4g; NEWSPRISM_BENCH_MASTER and
#    NEWSPRISM_DRIVER_MEMORY change them). Further arguments go to the job (e.g. --set key=value).
# 3. Runs the plain Spark SQL baseline (org.newsprism.bench.SqlBaseline) on the same corpus, same
#    settings: regex sentences and tokens, broadcast joins with the catalogue forms and the lexicons.
# 4. Prints articles/s per stage for both, the ratio of the job's NLP stage to the baseline's, and the
#    peak memory of each driver JVM (peak RSS from /proc, peak heap from the GC log).
# Results are also written to target/bench/result-N.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NEWSPRISM_HOME"

n=100000
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then n="$1"; shift; fi
master="${NEWSPRISM_BENCH_MASTER:-local[2]}"
memory="${NEWSPRISM_DRIVER_MEMORY:-4g}"
bench="$NEWSPRISM_HOME/target/bench"
corpus="$bench/corpus-$n"
mkdir -p "$bench"

build_if_needed
if [[ ! -f target/.bench-build || -n "$(find src/test/java/org/newsprism/bench target/.local-build -newer target/.bench-build -print -quit)" ]]; then
  echo "Compiling the benchmark classes..." >&2
  mvn -q -B -o test-compile >&2 || mvn -q -B test-compile >&2
  touch target/.bench-build
fi
cp="$NEWSPRISM_HOME/target/test-classes:$(local_classpath)"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
jvm=(java "${JAVA17_FLAGS[@]}" -Xmx"$memory" -Duser.timezone=UTC -Dfile.encoding=UTF-8
     -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" -cp "$cp")

# Generated again when missing, incomplete, or made by another version of the generator.
"${jvm[@]}" org.newsprism.bench.BenchCorpus conf "$corpus" "$n"

# Runs a JVM, polls its peak RSS (VmHWM) and writes it to $1.peak; the GC log goes to $1.gc.log.
run_measured() {
  local name="$1"; shift
  local start end pid hwm=0 v
  start=$(date +%s.%N)
  "${jvm[@]}" -Xlog:gc:file="$bench/$name.gc.log" "$@" > "$bench/$name.out" 2> "$bench/$name.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$v" && "$v" -gt "$hwm" ]] && hwm=$v
    sleep 1
  done
  wait "$pid" || { echo "bench: $name failed, see $bench/$name.err" >&2; tail -20 "$bench/$name.err" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$hwm" > "$bench/$name.peak"
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%d\n", (e - s) * 1000}' > "$bench/$name.wall"
}

echo "Running the job on $n articles ($master, driver $memory)..." >&2
rm -rf "$bench/out-$n" "$bench/baseline-$n"
run_measured "job-$n" org.newsprism.Job --input "$corpus" --output "$bench/out-$n" \
  --set "spark.master=$master" "$@"
echo "Running the plain Spark SQL baseline..." >&2
run_measured "baseline-$n" org.newsprism.bench.SqlBaseline "$corpus" "$bench/baseline-$n" "$master"

python3 - "$bench" "$n" "$master" "$memory" <<'PY' | tee "$bench/result-$n.txt"
import json, re, sys, os
bench, n, master, memory = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
run = json.load(open(f"{bench}/out-{n}/_run.json"))
t = run["timings_ms"]; c = run["counts"]; cpu = run.get("cpu_ms", {})
base = {}; base_cpu = {}
for line in open(f"{bench}/baseline-{n}.out"):
    m = re.match(r"baseline (\w+)_ms=(\d+) cpu_ms=(\d+) rows=(\d+)", line)
    if m: base[m.group(1)] = (int(m.group(2)), int(m.group(4))); base_cpu[m.group(1)] = int(m.group(3))
def peak_heap(log):
    peak = 0
    for line in open(log):
        m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
        if m: peak = max(peak, int(m.group(1)))
    return peak
def wall(name): return int(open(f"{bench}/{name}.wall").read())
def rss(name): return int(open(f"{bench}/{name}.peak").read()) // 1024
def rate(ms, rows): return rows / (ms / 1000) if ms else float("inf")
read = c["records_read"]; kept = c["articles"]
print(f"Newsprism benchmark: N={n} ({read} records, {kept} articles after dedup, "
      f"{c['duplicates']} duplicates, {c['rejected']} rejected), {master}, driver {memory}, {os.cpu_count()} cores")
print(f"{'stage':<16}{'job ms':>10}{'job art/s':>12}{'baseline ms':>13}{'base art/s':>12}{'ratio':>8}"
      f"{'job cpu ms':>12}{'base cpu ms':>13}{'cpu ratio':>11}")
# Each row: its label, the job's timed steps it sums, the count of its rate, the baseline's stage. The job's
# "merge" (building its base tables, stashing mentions) counts with the write stage it feeds.
rows = [("read_normalize", ("read_normalize",), read, "read_normalize"), ("dedup", ("dedup",), read, "dedup"),
        ("nlp", ("nlp",), kept, "nlp"), ("aggregate_write", ("merge", "aggregate_write"), kept, "write")]
for stage, parts, count, bstage in rows:
    j = sum(t.get(p, 0) for p in parts); b = base.get(bstage, (0, 0))[0]
    jc = sum(cpu.get(p, 0) for p in parts); bc = base_cpu.get(bstage, 0)
    print(f"{stage:<16}{j:>10}{rate(j, count):>12.0f}{b:>13}{rate(b, count):>12.0f}{(j / b if b else 0):>8.2f}"
          f"{jc:>12}{bc:>13}{(jc / bc if bc else 0):>11.2f}")
jt = sum(t.get(s, 0) for s in ("read_normalize", "dedup", "nlp", "merge", "aggregate_write", "report"))
bt = sum(v[0] for v in base.values())
jct = sum(cpu.get(s, 0) for s in ("read_normalize", "dedup", "nlp", "merge", "aggregate_write", "report"))
bct = sum(base_cpu.values())
print(f"{'pipeline total':<16}{jt:>10}{rate(jt, read):>12.0f}{bt:>13}{rate(bt, read):>12.0f}{jt / bt:>8.2f}"
      f"{jct:>12}{bct:>13}{(jct / bct if bct else 0):>11.2f}")
print(f"{'JVM wall clock':<16}{wall(f'job-{n}'):>10}{rate(wall(f'job-{n}'), read):>12.0f}"
      f"{wall(f'baseline-{n}'):>13}{rate(wall(f'baseline-{n}'), read):>12.0f}")
print(f"job timings_ms: {json.dumps(t)}")
print(f"peak memory: job RSS {rss(f'job-{n}')} MB, heap {peak_heap(f'{bench}/job-{n}.gc.log')} MB; "
      f"baseline RSS {rss(f'baseline-{n}')} MB, heap {peak_heap(f'{bench}/baseline-{n}.gc.log')} MB")
print(f"NLP stage vs baseline: {t['nlp'] / base['nlp'][0]:.2f}x wall clock, "
      f"{cpu.get('nlp', 0) / max(base_cpu.get('nlp', 0), 1):.2f}x CPU time (target <= 2.5); "
      f"end to end {rate(jt, read):.0f} articles/s (target >= 1000); "
      f"per article {jt / read:.3f} ms")
PY
