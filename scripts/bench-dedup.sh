#!/usr/bin/env bash
# Dedup benchmark (not a unit test): Newsprism's near-duplicate detection against Spark ML's
# MinHashLSH.approxSimilarityJoin, same synthetic corpus, same threshold, same run, Spark local mode.
#
#   scripts/bench-dedup.sh                         # 100,000 articles
#   scripts/bench-dedup.sh --articles 1000000 --skip-ml
#   scripts/bench-dedup.sh --articles 50000 --tables 10 --seed 3 --work /tmp/bench
#
# Options: --articles N (default 100000), --seed S (1), --corpus synthetic|news (news: the templated German
# and English articles of scripts/bench.sh instead of pseudo-words), --tables L (Spark ML hash tables, 5),
# --work DIR (target/bench-dedup; the generated Parquet corpus is kept there and reused),
# --skip-ml, --skip-full (skip the timing of the whole dedup stage), --ml-timeout S (cancel Spark ML after S
# seconds and report it as slower than that). NEWSPRISM_DRIVER_MEMORY sets the
# heap (default 4g). Prints time, candidate pairs, result pairs, pairwise precision/recall and the
# speed ratio; see README.md, section "Deduplication", for measured figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NEWSPRISM_HOME"

build_if_needed
(mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile) >&2
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java "${JAVA17_FLAGS[@]}" -Xmx"${NEWSPRISM_DRIVER_MEMORY:-4g}" -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
  -cp "$NEWSPRISM_HOME/target/test-classes:$(local_classpath)" org.newsprism.dedup.DedupBenchmark "$@"
