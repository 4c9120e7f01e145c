#!/usr/bin/env python3
"""Turns Newsprism's mentions (exported by eval-ner.sh) into GermEval-style predictions.

usage: ner_predictions.py GOLD.jsonl EXPORT.jsonl PRED.jsonl

The job normalises text (soft hyphens and zero-width characters removed, spaces collapsed), so a
mention's offsets point into the normalised article text; they are mapped back to the gold text by
finding the surface there, allowing the removed characters between letters. Types: PER/ORG/LOC
stay, MISC becomes OTH, derived mentions (russische -> Russland) become <TYPE>deriv and a mention
inside a hyphen compound (Nato-Gipfel) becomes <TYPE>part, as GermEval labels them.
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
    missing = 0
    with open(gold_path, encoding="utf-8") as gold, open(pred_path, "w", encoding="utf-8") as out:
        for line in gold:
            if not line.strip():
                continue
            g = json.loads(line)
            text = g["text"]
            row = exported.get(g["id"])
            entities = []
            if row is None:
                missing += 1
            else:
                norm = row["text"]
                for m in sorted((m for m in row.get("mentions") or [] if "begin" in m), key=lambda m: m["begin"]):
                    span = locate(m["surface"], text, m["begin"], len(norm))
                    if span is None:
                        continue
                    b, e = span
                    t = {"MISC": "OTH"}.get(m["entity_type"], m["entity_type"])
                    before = text[b - 1] if b > 0 else " "
                    after = text[e] if e < len(text) else " "
                    if m.get("derived"):
                        t += "deriv"
                    elif after == "-" or before == "-":
                        t += "part"
                    entities.append({"begin": b, "end": e, "type": t})
            out.write(json.dumps({"id": g["id"], "entities": entities}, ensure_ascii=False) + "\n")
    if missing:
        print("note: %d gold records have no article (rejected or duplicate)" % missing, file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
