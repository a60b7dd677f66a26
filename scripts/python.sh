#!/usr/bin/env bash
# Print the path of a Python 3.11+ interpreter for creating .venv, or fail saying so.
set -euo pipefail
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1; then
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"
      exit 0
    fi
  fi
done
echo "notice-lookup needs Python 3.11 or newer (with venv); none found on PATH" >&2
exit 1
