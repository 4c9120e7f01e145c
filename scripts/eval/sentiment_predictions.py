#!/usr/bin/env python3
"""Turns Newsprism's article and mention sentiment (exported by eval-sentiment.sh) into predictions.

usage: sentiment_predictions.py GOLD.jsonl EXPORT.jsonl PRED.jsonl

Each gold record was one article. The prediction is the article's sentiment (the mean compound
score of its sentences) with the job's label; when the record names a target ({surface, begin,
end}) and the job found a mention overlapping it, the mention's sentiment and label are used
instead (target-dependent sentiment).
"""
import json
import sys

from align import locate


def main(gold_path, export_path, pred_path):
    exported = {}
    with open(export_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                exported[row["id"]] = row
    used_mentions = 0
    with open(gold_path, encoding="utf-8") as gold, open(pred_path, "w", encoding="utf-8") as out:
        for line in gold:
            if not line.strip():
                continue
            g = json.loads(line)
            row = exported.get(g["id"])
            if row is None:
                continue
            score, label = row["sentiment"], row["sentiment_label"]
            target = g.get("target")
            if target:
                norm = row["text"]
                for m in row.get("mentions") or []:
                    if "begin" not in m:
                        continue
                    span = locate(m["surface"], g["text"], m["begin"], len(norm))
                    if span and span[0] < target["end"] and target["begin"] < span[1]:
                        score, label = m["sentiment"], m["sentiment_label"]
                        used_mentions += 1
                        break
            out.write(json.dumps({"id": g["id"], "score": score, "label": label}) + "\n")
    print("records scored with their target's mention: %d" % used_mentions, file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
