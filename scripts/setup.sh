#!/usr/bin/env bash
# Installs what suiji needs on a fresh machine: pnpm 10, the workspace's dependencies, and (for the
# browser tests) Debian's Chromium. Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "Installing pnpm 10…"
  npm install --global pnpm@10.34.9 >/dev/null
fi

if [[ "${1:-}" == "--with-browser" ]] && [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing Chromium from Debian's packages (for the browser tests)…"
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

pnpm install --frozen-lockfile
