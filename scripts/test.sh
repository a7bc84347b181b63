#!/usr/bin/env bash
# One command: set up everything the tests need (Python packages, Debian's chromium) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "chromium could not be installed; browser tests will fail" >&2
  else
    sudo -n true 2>/dev/null && sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
bash scripts/setup.sh --all
. .venv/bin/activate
# Lint, format and types first: one line each when clean.
ruff check src tests bench scripts
ruff format --check src tests bench scripts
mypy
# The `llm` tests run the real local model; here a missing extra is a failure, never a silent skip.
export GEVINST_REQUIRE_LLM=1
exec python -m pytest "$@"
