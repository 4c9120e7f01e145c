#!/usr/bin/env bash
# A fast tuning loop for sentence sentiment: scores labelled files with the job's own annotator in one
# JVM on the driver (about 40 s for all three dev sets, instead of one job run each) and prints the
# metrics. The figures reported in README.md come from scripts/eval-sentiment.sh, which runs the job.
#
#   scripts/eval-sentiment-quick.sh [--set key=value]... GOLD.jsonl... [--scorer score_sentiment.py]
#
# Predictions go to target/eval/quick/<name>.pred.jsonl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
args=() golds=() scorer=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --set) args+=(--set "$2"); shift 2 ;;
    --scorer) scorer="$2"; shift 2 ;;
    *) golds+=("$(realpath "$1")"); shift ;;
  esac
done
[[ ${#golds[@]} -gt 0 ]] || { sed -n 2,8p "$0"; exit 2; }
build_if_needed
(cd "$NEWSPRISM_HOME" && { mvn -q -B -o test-compile >&2 || mvn -q -B test-compile >&2; })
out="$NEWSPRISM_HOME/target/eval/quick"
java "${JAVA17_FLAGS[@]}" -Xmx3g -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
  -cp "$NEWSPRISM_HOME/target/test-classes:$(local_classpath)" \
  org.newsprism.nlp.SentimentDevHarness "$out" "${args[@]}" "${golds[@]}"
for gold in "${golds[@]}"; do
  s="${scorer:-$(dirname "$(dirname "$gold")")/score_sentiment.py}"
  [[ -f "$s" ]] || s="$NEWSPRISM_HOME/../shared/eval/score_sentiment.py"
  name="$(basename "$gold" .jsonl)"
  echo "== $name"
  if [[ -f "$s" ]]; then python3 "$s" "$gold" "$out/$name.pred.jsonl" | sed -n '1,4p'; fi
done
