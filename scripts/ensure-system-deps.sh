#!/usr/bin/env bash
# Make sure the server binaries that the tests start themselves are installed:
# PostgreSQL (initdb, pg_ctl, pg_basebackup), Redis (redis-server) and openssl (the
# TLS tests make their own throwaway certificates with it).
# The tests never use the machine's own PostgreSQL or Redis services; they start
# throwaway instances on free loopback ports. Installs with apt-get where missing.
# With --bench, also h2load (nghttp2-client), the load generator of the benchmarks.
set -euo pipefail

have_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_redis() { command -v redis-server >/dev/null 2>&1; }

missing=()
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${1:-}" = "--bench" ]; then
  command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing missing server binaries: ${missing[*]}" >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get not available: install ${missing[*]} with your package manager" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
