#!/usr/bin/env bash
# Runs Newsprism in Spark local mode on this machine.
#
#   scripts/run-local.sh                      # seeds/ in, out/ out
#   scripts/run-local.sh --input data/feed.jsonl --output /tmp/np --set dedup.exact.enabled=false
#
# Takes the job's own arguments (see --help). Without --input it reads seeds/, without --output it
# writes out/. Builds first when needed. NEWSPRISM_DRIVER_MEMORY sets the heap (default 4g).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NEWSPRISM_HOME"

args=("$@")
has_flag() { local f; for f in "${args[@]}"; do [[ "$f" == "$1" || "$f" == "$1="* ]] && return 0; done; return 1; }
has_flag --help || has_flag -h || {
  has_flag --input || args+=(--input seeds)
  has_flag --output || args+=(--output out)
}

build_if_needed
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java "${JAVA17_FLAGS[@]}" -Xmx"${NEWSPRISM_DRIVER_MEMORY:-4g}" -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
  -cp "$(local_classpath)" org.newsprism.Job "${args[@]}"
