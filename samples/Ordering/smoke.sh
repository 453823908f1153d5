#!/usr/bin/env bash
# Starts Ordering.Web on 127.0.0.1 (a free port the OS picks), calls its endpoints with curl, prints each call and its
# answer, and stops the host: always, within bounded waits, whether the calls passed or not.
#   bash smoke.sh [Debug|Release]      (after `dotnet build -c <configuration>` of the sample; Debug by default)
# tests/Consumer/run.sh runs it on a copy built from the packed packages and compares what it prints with
# tests/Consumer/ordering-expected.txt.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
configuration=${1:-Debug}
app="$here/Ordering.Web/bin/$configuration/net10.0/Ordering.Web.dll"
[ -f "$app" ] || { echo "no $app: build the sample first (dotnet build -c $configuration)"; exit 1; }
log=$(mktemp)
host=""

stop_host() {
  if [ -n "$host" ] && kill -0 "$host" 2> /dev/null; then
    kill -TERM "$host" 2> /dev/null
    for _ in $(seq 1 100); do kill -0 "$host" 2> /dev/null || break; sleep 0.1; done
    kill -0 "$host" 2> /dev/null && { echo "the host did not stop within 10 s: killed"; kill -KILL "$host" 2> /dev/null; }
    wait "$host" 2> /dev/null
  fi
  rm -f "$log"
}
trap stop_host EXIT
# Interrupted or terminated: exit through the EXIT trap, so the host is stopped then too.
trap 'exit 130' INT TERM

# Port 0: Kestrel binds a free port and logs it ("Now listening on: http://127.0.0.1:NNNNN"), so no port is guessed.
ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --urls http://127.0.0.1:0 > "$log" 2>&1 &
host=$!
base=""
for _ in $(seq 1 300); do
  base=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" | head -n 1 | sed 's/Now listening on: //')
  [ -n "$base" ] && break
  kill -0 "$host" 2> /dev/null || { echo "the host exited before listening:"; cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "the host did not listen within 30 s:"; cat "$log"; exit 1; }

failed=0
# call METHOD PATH [JSON]: prints the call, then the status and the body.
call() {
  local method=$1 path=$2 body=${3:-} answer
  echo "$method $path${body:+ $body}"
  if [ -n "$body" ]; then
    answer=$(curl -sS --max-time 10 -X "$method" -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' "$base$path") || failed=1
  else
    answer=$(curl -sS --max-time 10 -X "$method" -w '\n%{http_code}' "$base$path") || failed=1
  fi
  echo "  $(tail -n 1 <<< "$answer") $(sed '$d' <<< "$answer")"
}

call GET '/shipping/quote?country=NL&quantity=3'      # handled in Ordering.Infrastructure
call POST /orders '{"product":"coffee","quantity":2}'  # handled in Ordering.Application; saving publishes OrderPlaced
call POST /orders '{"product":"tea","quantity":1}'
call POST /orders '{"product":"tea","quantity":0}'     # rejected by Application's middleware: nothing saved or published
call GET /sales                                        # OrderPlaced reached Ordering.Application's handler
call GET /warehouse/notices                            # ... and Ordering.Infrastructure's
exit "$failed"
