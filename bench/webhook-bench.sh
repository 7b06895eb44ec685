#!/usr/bin/env bash
# Webhook ingestion: signed Twilio status callbacks end to end (Kestrel, signature check, parsing,
# grain call, state write) against a bare Kestrel 204 endpoint, in one host, one run.
# Usage: bench/webhook-bench.sh [Memory|Sqlite] [seconds]   (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
storage=${1:-Sqlite}
seconds=${2:-10}
port=5199
requests=$(mktemp)
warmup=$(mktemp)
dotnet build -c Release bench/Telephony.WebhookBench >/dev/null
setsid dotnet bench/Telephony.WebhookBench/bin/Release/net10.0/Telephony.WebhookBench.dll "$port" "$storage" "$requests" "$warmup" ${CALLS:-100000} >/tmp/webhook-bench-host.log 2>&1 &
host=$!
trap 'kill -- -"$host" 2>/dev/null || true; rm -f "$requests" "$warmup"' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
# The host's CPU time (user + system, clock ticks); CPU per request is steadier than requests/s on a shared machine.
host_cpu() { awk '{print $14 + $15}' "/proc/$host/stat" 2>/dev/null || echo 0; }
run() {
  echo "== $1"
  local before output
  before=$(host_cpu)
  output=$(wrk -t2 -c32 -d"${seconds}s" --latency -s bench/wrk-replay.lua "http://127.0.0.1:$port" -- "$2" "$3")
  echo "$output" | grep -E "Requests/sec|Latency|99%|Non-2xx"
  echo "$output" | awk -v ticks="$(( $(host_cpu) - before ))" -v hz="$(getconf CLK_TCK)" \
    '/requests in/ && $1 > 0 { printf "Host CPU per request: %.0f us\n", ticks * 1000000 / hz / $1 }'
}
run "warm-up (discarded)" /webhooks/twilio/status "$warmup" >/dev/null
run "warm-up (discarded)" /bench/bare "$warmup" >/dev/null
run "bare Kestrel 204" /bench/bare "$requests"
run "signed Twilio status callback ($storage)" /webhooks/twilio/status "$requests"
