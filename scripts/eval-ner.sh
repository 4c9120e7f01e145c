#!/usr/bin/env bash
# Measures entity extraction on a GermEval-style file by running the job itself on it, each sentence
# as an article, and scoring the predictions.
#
#   scripts/eval-ner.sh ../shared/eval/dev/germeval2014-ner.jsonl [path/to/score_ner.py]
#
# Writes target/eval/ner/predictions.jsonl ({"id", "entities":[{"begin","end","type"}]}); when a
# scorer is given (default: score_ner.py next to the gold file's folder, if present) it prints the
# scores over PER,ORG,LOC and over PER,ORG,LOC,OTH.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
gold="$(realpath "$1")"
scorer="${2:-$(dirname "$(dirname "$gold")")/score_ner.py}"
work="$NEWSPRISM_HOME/target/eval/ner"
rm -rf "$work" && mkdir -p "$work"

# Each sentence is an article: keep short ones, keep identical sentences, no boilerplate removal.
"$NEWSPRISM_HOME/scripts/run-local.sh" --input "$gold" --format jsonl --output "$work/out" \
  --set normalize.min-text-chars=1 --set dedup.exact.enabled=false \
  --set normalize.boilerplate.enabled=false "${@:3}" >&2
"$NEWSPRISM_HOME/scripts/query.sh" --output "$work/out" --to "$work/export.jsonl" \
  "SELECT a.article_id AS id, a.text, collect_list(named_struct('begin', m.begin, 'end', m.end,
          'surface', m.surface, 'entity_type', m.entity_type, 'derived', m.derived)) AS mentions
   FROM articles a LEFT JOIN mentions m ON a.article_id = m.article_id GROUP BY a.article_id, a.text" >&2
python3 "$NEWSPRISM_HOME/scripts/eval/ner_predictions.py" "$gold" "$work/export.jsonl" "$work/predictions.jsonl"
echo "predictions: $work/predictions.jsonl"
if [[ -f "$scorer" ]]; then
  echo "== PER, ORG, LOC"; python3 "$scorer" "$gold" "$work/predictions.jsonl" --types PER,ORG,LOC
  echo "== PER, ORG, LOC, OTH"; python3 "$scorer" "$gold" "$work/predictions.jsonl" --types PER,ORG,LOC,OTH
fi
