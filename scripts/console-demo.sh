#!/usr/bin/env bash
# The console with calls to take: one node whose development account routes its incoming calls to an agent.
#   scripts/console-demo.sh [URL]   (default http://127.0.0.1:5000)
# Starts the node on a fresh store (api/console-demo.db), makes a workspace, a queue and a worker with the development
# Admin key, then restarts the node in the foreground with them as the development account's routing
# (Telephony:Development:*): the agent key acts as that worker. Ctrl+C stops it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
url=${1:-http://127.0.0.1:5000}
admin_key=dev-admin-key
args=(--urls "$url" "--Telephony:Storage:ConnectionString=Data Source=console-demo.db")

command -v curl >/dev/null || { echo "console-demo.sh needs curl (apt-get install -y curl)" >&2; exit 1; }
dotnet build "$root/api" -v quiet -nologo >&2
rm -f "$root"/api/console-demo.db "$root"/api/console-demo.db-wal "$root"/api/console-demo.db-shm

# Its own process group, so the app that dotnet run starts stops with it.
setsid dotnet run --project "$root/api" --no-build -- "${args[@]}" >/dev/null 2>&1 &
node=$!
trap 'kill -- -"$node" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$url/health/ready" >/dev/null || { echo "the node at $url did not become ready" >&2; exit 1; }

create() {
  curl -fsS -X POST "$url$1" -H "Authorization: Bearer $admin_key" -H 'Content-Type: application/json' -d "$2" \
    | grep -o '"sid":"[^"]*"' | head -1 | cut -d'"' -f4
}
workspace=$(create /workspaces '{"friendlyName":"Support"}')
queue=$(create "/workspaces/$workspace/task-queues" '{"friendlyName":"Support","reservationTimeout":60}')
worker=$(create "/workspaces/$workspace/workers" '{"friendlyName":"Agent","attributes":"{\"contact_uri\":\"client:agent\"}","activity":{"name":"Offline","available":false}}')
kill -- -"$node"
wait "$node" 2>/dev/null || true
trap - EXIT

cat >&2 <<TEXT

Console: $url/console/?workspace=$workspace&worker=$worker
  Agent view:      key dev-agent-key (acts as worker $worker)
  Supervisor view: key dev-admin-key
Place a call to the agent's queue:
  curl -X POST $url/simulator/calls/incoming -H 'Authorization: Bearer dev-admin-key' \\
       -H 'Content-Type: application/json' -d '{"from":"+15551230001","to":"+15550100000"}'

TEXT
exec dotnet run --project "$root/api" --no-build -- "${args[@]}" \
  "--Telephony:Development:Workspace=$workspace" "--Telephony:Development:TaskQueue=$queue" "--Telephony:Development:Worker=$worker"
