#!/usr/bin/env bash
# Measures sentence sentiment on a labelled file (JSON Lines with id, text, language and either
# polarity or score) by running the job itself on it, each record as an article (no dedup: records that share
# their text, one per target, must each keep their prediction).
#
#   scripts/eval-sentiment.sh ../shared/eval/dev/gerntsa-de-news-sentiment.jsonl [score_sentiment.py] [--set k=v ...]
#
# Writes target/eval/sentiment/<name>/predictions.jsonl ({"id", "score", "label"}); with a scorer
# (default: score_sentiment.py next to the gold file's folder, if present) it prints the metrics.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
gold="$(realpath "$1")"
scorer="${2:-$(dirname "$(dirname "$gold")")/score_sentiment.py}"
name="$(basename "$gold" .jsonl)"
work="$NEWSPRISM_HOME/target/eval/sentiment/$name"
rm -rf "$work" && mkdir -p "$work"

"$NEWSPRISM_HOME/scripts/run-local.sh" --input "$gold" --format jsonl --output "$work/out" \
  --set normalize.min-text-chars=1 --set dedup.exact.enabled=false --set dedup.near.enabled=false \
  --set dedup.url.enabled=false \
  --set normalize.boilerplate.enabled=false "${@:3}" >&2
"$NEWSPRISM_HOME/scripts/query.sh" --output "$work/out" --to "$work/export.jsonl" \
  "SELECT a.article_id AS id, a.text, a.sentiment, a.sentiment_label,
          collect_list(named_struct('begin', m.begin, 'surface', m.surface, 'sentiment', m.sentiment,
                                    'sentiment_label', m.sentiment_label)) AS mentions
   FROM articles a LEFT JOIN mentions m ON a.article_id = m.article_id
   GROUP BY a.article_id, a.text, a.sentiment, a.sentiment_label" >&2
python3 "$NEWSPRISM_HOME/scripts/eval/sentiment_predictions.py" "$gold" "$work/export.jsonl" "$work/predictions.jsonl"
echo "predictions: $work/predictions.jsonl"
if [[ -f "$scorer" ]]; then
  python3 "$scorer" "$gold" "$work/predictions.jsonl" $(grep -q '"subset"' "$gold" && echo --by subset)
fi
