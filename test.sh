#!/usr/bin/env bash
# The README's test command: starts the servers the tests need (installing them from Debian's packages where they are
# missing, listening on 127.0.0.1 only), runs `dotnet test` with any arguments given, then stops what it started.
# Exits with dotnet test's code.
set -uo pipefail
cd "$(dirname "$0")"

APT_UPDATED=""
ensure_apt_updated() {
  [ -n "$APT_UPDATED" ] && return 0
  apt-get update -q > /dev/null || { echo "apt-get update failed" >&2; return 1; }
  APT_UPDATED=1
}

servers=(rabbitmq)
for server in "${servers[@]}"; do
  # shellcheck source=/dev/null
  source ".ci/servers/$server.sh"
done

stop_all() { for server in "${servers[@]}"; do "stop_$server"; done; }
trap stop_all EXIT

for server in "${servers[@]}"; do
  "ensure_$server" || { echo "test.sh: could not start $server" >&2; exit 1; }
done

dotnet test "$@"
status=$?
exit "$status"
