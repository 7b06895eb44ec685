#!/usr/bin/env bash
# A local cluster for developers, on loopback: Azurite's Table service, 3 headless silos and 2 API nodes in Client mode.
#   scripts/cluster.sh start [--no-build]   builds api/ and silo/ (unless --no-build), starts everything, waits until
#                                           both API nodes are ready with 3 active silos, prints the URLs, then runs
#                                           until Ctrl-C, which stops it all
#   scripts/cluster.sh stop                 stops a cluster left running (from another terminal, or after the terminal
#                                           closed)
# Logs and pids are under .cluster/. Ports (environment): AZURITE_PORT (10002), SILO_PORT and GATEWAY_PORT (11111 and
# 30000, one more per silo), API_PORT (5001, one more per API node).
#
# A client front door refuses the Simulator (it plays the provider inside one process), so every node gets one local
# Twilio account with placeholder credentials whose ApiBaseUrl is a loopback port where nothing listens: the REST API,
# webhooks, routing and the dashboard all work; commands sent to Twilio answer 502.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.cluster"
silos=3
apis=2
azurite_port=${AZURITE_PORT:-10002}
silo_port=${SILO_PORT:-11111}
gateway_port=${GATEWAY_PORT:-30000}
api_port=${API_PORT:-5001}
admin_key=local-admin-key
agent_key=local-agent-key

# One process group per process (setsid), so stopping a group also ends the app that `dotnet run` started.
launch() {
  local name=$1
  shift
  setsid "$@" >"$state/$name.log" 2>&1 < /dev/null &
  echo $! >"$state/$name.pid"
}

# API nodes first, then silos (which leave membership cleanly while Azurite still answers), then Azurite; a process
# group that is still there after 30 s is killed.
stop() {
  local kind pidfile pid
  for kind in api silo azurite; do
    for pidfile in "$state/$kind"*.pid; do
      [ -f "$pidfile" ] && kill -TERM -- -"$(cat "$pidfile")" 2>/dev/null || true
    done
    for pidfile in "$state/$kind"*.pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      for _ in $(seq 1 150); do
        kill -0 -- -"$pid" 2>/dev/null || break
        sleep 0.2
      done
      kill -KILL -- -"$pid" 2>/dev/null || true
      rm -f "$pidfile"
    done
  done
}

# Settings every node shares: the store and membership on Azurite, the dashboard, and the local Twilio account.
shared_settings() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  export Telephony__Cluster__Provider=AzureStorage
  export Telephony__Storage__Provider=AzureTable
  export Telephony__Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
  export Telephony__Dashboard__Enabled=true
  export Telephony__PublicBaseUrl="http://127.0.0.1:$api_port"
  export Telephony__Accounts__0__Id=local
  export Telephony__Accounts__0__Provider=Twilio
  export Telephony__Accounts__0__CallerId=+15550100000
  export Telephony__Accounts__0__Twilio__AccountSid=AC00000000000000000000000000000000
  export Telephony__Accounts__0__Twilio__AuthToken=local-placeholder-auth-token
  export Telephony__Accounts__0__Twilio__ApiBaseUrl=http://127.0.0.1:9/
  export Telephony__Accounts__0__ApiKeys__0__Key=$admin_key
  export Telephony__Accounts__0__ApiKeys__0__Role=Admin
  export Telephony__Accounts__0__ApiKeys__1__Key=$agent_key
  export Telephony__Accounts__0__ApiKeys__1__Role=User
}

fail() {
  echo "$1; its log:" >&2
  tail -n 40 "$state/$2.log" >&2
  stop
  exit 1
}

# Ready: /health/ready answers 200 and counts every silo.
ready() {
  curl -fsS "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -q "\"activeSilos\":$silos[,}]"
}

start() {
  command -v curl >/dev/null || { echo "cluster.sh needs curl" >&2; exit 1; }
  if compgen -G "$state/*.pid" >/dev/null; then
    echo "a cluster is running (pids in .cluster/): scripts/cluster.sh stop first" >&2
    exit 1
  fi

  mkdir -p "$state"
  if [ "${1:-}" != --no-build ]; then
    echo "building api/ and silo/ ..."
    dotnet build "$root/api/Telephony.Api.csproj" --nologo -v quiet >"$state/build.log" 2>&1 || fail "the build failed" build
  fi

  shared_settings
  trap 'echo; echo "stopping ..."; stop; exit 0' INT TERM
  local began=$SECONDS i

  bash "$root/scripts/azurite.sh" install
  launch azurite bash "$root/scripts/azurite.sh" start "$azurite_port"
  for i in $(seq 1 $silos); do
    launch "silo$i" dotnet run --project "$root/silo" --no-build -- \
      --Telephony:Silo:Name="silo$i" \
      --Telephony:Silo:AdvertisedAddress=127.0.0.1 \
      --Telephony:Silo:SiloPort=$((silo_port + i - 1)) \
      --Telephony:Silo:GatewayPort=$((gateway_port + i - 1))
  done

  for i in $(seq 1 $apis); do
    launch "api$i" dotnet run --project "$root/api" --no-build -- \
      --Telephony:Api:Mode=Client \
      --Telephony:Silo:Name="api$i" \
      --urls "http://127.0.0.1:$((api_port + i - 1))"
  done

  echo "waiting for both API nodes to be ready with $silos active silos ..."
  for i in $(seq 1 $apis); do
    until ready $((api_port + i - 1)); do
      for name in azurite $(seq -f silo%g 1 $silos) $(seq -f api%g 1 $apis); do
        kill -0 "$(cat "$state/$name.pid")" 2>/dev/null || fail "$name exited" "$name"
      done
      [ $((SECONDS - began)) -lt 300 ] || fail "api$i was not ready within 300 s" "api$i"
      sleep 0.5
    done
  done

  echo "ready in $((SECONDS - began)) s"
  echo "  Azurite Table service  http://127.0.0.1:$azurite_port/devstoreaccount1"
  for i in $(seq 1 $silos); do
    echo "  silo$i                  silo 127.0.0.1:$((silo_port + i - 1)), gateway 127.0.0.1:$((gateway_port + i - 1))"
  done
  for i in $(seq 1 $apis); do
    echo "  api$i                   http://127.0.0.1:$((api_port + i - 1))   (dashboard: /dashboard/, password $admin_key)"
  done
  echo "  keys: Admin $admin_key, User $agent_key (account 'local')"
  echo "logs in .cluster/; Ctrl-C stops the cluster"
  wait
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  *)
    echo "usage: scripts/cluster.sh start [--no-build] | stop" >&2
    exit 2
    ;;
esac
