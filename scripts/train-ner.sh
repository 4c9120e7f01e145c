#!/usr/bin/env bash
# Rebuilds the German entity model conf/models/ner-de.bin from GermEval 2014 (CC BY 4.0) JSON Lines.
#
#   scripts/train-ner.sh ../shared/eval/dev/germeval2014-ner.jsonl              # ship: train on all
#   scripts/train-ner.sh ../shared/eval/dev/germeval2014-ner.jsonl --holdout    # measure: keep a fifth aside
#
# With --holdout the model goes to target/eval/ner-holdout/ner-de.bin and the held-out fifth to
# target/eval/ner-holdout/holdout.jsonl; measure it with
#   scripts/eval-ner.sh target/eval/ner-holdout/holdout.jsonl ../shared/eval/score_ner.py \
#     --set nlp.entities.discovery.models.de=target/eval/ner-holdout/ner-de.bin
# NER_TRAIN_OPTS passes trainer options: -Dner.thresholds=0.25,0.262 (floors to score),
# -Dner.tune=true (also train on four fifths of the training part and score the floors on the fifth
# left, to choose nlp.entities.discovery.min-probability without looking at the held-out fifth).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
gold="$(realpath "$1")"
build_if_needed
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
run() {
  java "${JAVA17_FLAGS[@]}" -Xmx4g ${NER_TRAIN_OPTS:-} -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
    -cp "$(local_classpath)" org.newsprism.nlp.NerTrainer "$@"
}
if [[ "${2:-}" == "--holdout" ]]; then
  mkdir -p "$NEWSPRISM_HOME/target/eval/ner-holdout"
  run "$gold" "$NEWSPRISM_HOME/target/eval/ner-holdout/ner-de.bin" --holdout-out "$NEWSPRISM_HOME/target/eval/ner-holdout/holdout.jsonl"
else
  run "$gold" "$NEWSPRISM_HOME/conf/models/ner-de.bin"
fi
