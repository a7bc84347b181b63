#!/usr/bin/env bash
# One command: set up, index the shipped reports (only what changed), start the chat on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
gevinst ingest || echo "Nogle filer kunne ikke indekseres (se ovenfor); appen starter med resten."
exec gevinst ui
