#!/usr/bin/env bash
# Webhook ingestion: signed Twilio status callbacks end to end (Kestrel, signature check, parsing,
# grain call, state write) against a bare Kestrel 204 endpoint, in one host, one run; between them the
# state-write floor: the bare endpoint plus the store's share of a callback, with no parsing and no grains.
# Usage: bench/webhook-bench.sh [Memory|Sqlite] [seconds]   (needs wrk: apt-get install -y wrk)
# GRAIN_FLOOR=1 also measures the Orleans floor: the state write through two grain calls, with no parsing and none of our logic.
set -euo pipefail
cd "$(dirname "$0")/.."
storage=${1:-Sqlite}
seconds=${2:-10}
port=5199
# A host left running on the port would answer instead, replaying callbacks it already applied (duplicates only).
if ss -ltn | grep -q ":$port "; then echo "port $port is in use: stop whatever listens there first" >&2; exit 1; fi
work=$(mktemp -d)
dotnet build -c Release bench/Telephony.WebhookBench >"$work/build.log" || { cat "$work/build.log"; rm -rf "$work"; exit 1; }
setsid dotnet bench/Telephony.WebhookBench/bin/Release/net10.0/Telephony.WebhookBench.dll "$port" "$storage" "$work" ${CALLS:-100000} >"$work/host.log" 2>&1 &
host=$!
trap 'kill -- -"$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
# The host's CPU time (user + system, clock ticks) and bytes allocated: per request, they are steadier than
# requests/s on a shared machine.
host_cpu() { awk '{print $14 + $15}' "/proc/$host/stat" 2>/dev/null || echo 0; }
allocated() { curl -fsS "http://127.0.0.1:$port/bench/allocated" 2>/dev/null || echo 0; }
run() {
  local duration=$1 path=$2 file=$3 cpu bytes output
  cpu=$(host_cpu)
  bytes=$(allocated)
  output=$(wrk -t2 -c32 -d"$duration" --latency -s bench/wrk-replay.lua "http://127.0.0.1:$port" -- "$path" "$file")
  echo "$output" | grep -E "Requests/sec|Latency|99%|Non-2xx"
  echo "$output" | awk -v ticks="$(( $(host_cpu) - cpu ))" -v hz="$(getconf CLK_TCK)" -v bytes="$(( $(allocated) - bytes ))" \
    '/requests in/ && $1 > 0 { printf "Host CPU per request: %.0f us, allocated per request: %.0f B\n", ticks * 1000000 / hz / $1, bytes / $1 }'
}
# Warm-up on other calls, long enough for tiered compilation to finish before the measured runs.
run 20s /webhooks/twilio/status "$work/warmup.txt" >/dev/null
run 10s /bench/state-write "$work/warmup.txt" >/dev/null
run 10s /bench/bare "$work/warmup.txt" >/dev/null
echo "== bare Kestrel 204"
run "${seconds}s" /bench/bare "$work/requests.txt" | tee "$work/bare.out"
echo "== state-write floor: bare plus a state write ($storage), a read every fourth"
run "${seconds}s" /bench/state-write "$work/requests.txt" | tee "$work/floor.out"
if [ -n "${GRAIN_FLOOR:-}" ]; then
  echo "== Orleans floor: the state write through two grain calls, a new grain every fourth request ($storage)"
  run "${seconds}s" /bench/grain-floor "$work/requests.txt" | tee "$work/grain-floor.out"
fi
echo "== signed Twilio status callback ($storage)"
run "${seconds}s" /webhooks/twilio/status "$work/requests.txt" | tee "$work/callback.out"
# The aim is stated as a ratio; by host CPU it moves less with the machine's other load than by requests per second.
ratio() {
  awk -v what="$1" '/Requests\/sec/ { rps[FILENAME] = $2 } /Host CPU/ { cpu[FILENAME] = $5 }
    END { bare = ARGV[1]; other = ARGV[2]
          if (rps[bare] > 0 && cpu[other] > 0) printf "== ratio, %s to bare: %.2f by requests/s, %.2f by host CPU per request\n", what, rps[other] / rps[bare], cpu[bare] / cpu[other] }' \
    "$work/bare.out" "$2"
}
ratio "state-write floor" "$work/floor.out"
[ -n "${GRAIN_FLOOR:-}" ] && ratio "Orleans floor" "$work/grain-floor.out"
ratio callback "$work/callback.out"
