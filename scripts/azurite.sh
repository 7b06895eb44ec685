#!/usr/bin/env bash
# Azurite, the Azure Storage emulator, for tests and local clusters: its Table service only, in memory, on loopback.
#   scripts/azurite.sh install        installs azurite (npm) into .azurite/ of this repository, once
#   scripts/azurite.sh start [PORT]   installs if needed, then runs the Table service on 127.0.0.1:PORT (default 10002)
#                                     in the foreground; its connection string is printed first
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=3.37.0
prefix="$root/.azurite"
main="$prefix/node_modules/azurite/dist/src/table/main.js"

install() {
  if [ -f "$main" ] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/azurite/package.json"; then
    return
  fi
  command -v npm >/dev/null || { echo "azurite needs node and npm (apt-get install -y nodejs npm)" >&2; exit 1; }
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "azurite@$version" >&2
}

case "${1:-}" in
  install)
    install
    ;;
  start)
    install
    port=${2:-10002}
    echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
    exec node "$main" --tableHost 127.0.0.1 --tablePort "$port" --inMemoryPersistence --disableTelemetry --silent
    ;;
  *)
    echo "usage: scripts/azurite.sh install | start [PORT]" >&2
    exit 2
    ;;
esac
