#!/usr/bin/env python3
"""Splits a labelled sentiment file into a tuning half and a held-out half, and tunes label thresholds.

usage: split_halves.py split GOLD.jsonl OUTDIR
           writes OUTDIR/<name>-tune.jsonl and OUTDIR/<name>-test.jsonl
       split_halves.py thresholds GOLD-tune.jsonl PRED.jsonl
           prints the symmetric threshold (0.05 steps) that maximises macro-F1 on the given gold rows

The split is by a hash of the group a record belongs to, so that every record of one sentence (or one
editorial) lands in the same half: the group is `article_id` (NYT editorials), else `sentence_id`
(NewsMTSC), else the text itself (GerNTSA). A record is in the tuning half when the first eight hex
digits of SHA-1(group), read as a number, are even. The split never depends on labels or predictions.
"""
import hashlib
import json
import os
import sys


def group_of(record):
    for field in ("article_id", "sentence_id"):
        if record.get(field):
            return str(record[field])
    return record["text"]


def is_tune(record):
    digest = hashlib.sha1(group_of(record).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 2 == 0


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(gold_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    name = os.path.basename(gold_path)[: -len(".jsonl")]
    rows = read(gold_path)
    halves = {"tune": [r for r in rows if is_tune(r)], "test": [r for r in rows if not is_tune(r)]}
    for half, records in halves.items():
        with open(os.path.join(out_dir, "%s-%s.jsonl" % (name, half)), "w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("%s-%s: %d records" % (name, half, len(records)))


def macro_f1(pairs):
    f1s = []
    for c in ("positive", "neutral", "negative"):
        tp = sum(1 for g, p in pairs if g == c and p == c)
        npred = sum(1 for _, p in pairs if p == c)
        ngold = sum(1 for g, _ in pairs if g == c)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 3


def thresholds(gold_path, pred_path):
    """One symmetric threshold t (score >= t positive, <= -t negative): fewer knobs, less overfitting."""
    gold = read(gold_path)
    scores = {p["id"]: float(p["score"]) for p in read(pred_path)}
    best = None
    for t in [round(x * 0.05, 2) for x in range(1, 17)]:
        pairs = []
        for g in gold:
            s = scores[g["id"]]
            pairs.append((g["polarity"], "positive" if s >= t else "negative" if s <= -t else "neutral"))
        f1 = macro_f1(pairs)
        print("  +-%.2f  macro-F1 %.4f" % (t, f1))
        if best is None or f1 > best[0] + 1e-12:
            best = (f1, t)
    print("best on %s: +-%.2f, macro-F1 %.4f" % (gold_path, best[1], best[0]))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "thresholds":
        thresholds(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
