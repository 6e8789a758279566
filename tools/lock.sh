#!/usr/bin/env bash
# Recompile requirements.lock: every dependency of every extra, pinned, for Python 3.11.
# Run after changing dependencies in pyproject.toml; ./start, ./test and deploy/ install
# with "-c requirements.lock". Versions already in the lock are kept where they still fit
# (uv prefers the output file's pins); pass --upgrade to move everything to the newest.
set -euo pipefail
cd "$(dirname "$0")/.."
uv="$(command -v uv || true)"
if [ -z "$uv" ]; then  # uv is not a dependency of partybook: fetch it into .venv once
    [ -x .venv/bin/uv ] || .venv/bin/python -m pip install -q uv
    uv=.venv/bin/uv
fi
"$uv" pip compile pyproject.toml --all-extras --python-version 3.11 \
    --custom-compile-command "tools/lock.sh" -o requirements.lock "$@"
