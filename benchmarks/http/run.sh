#!/usr/bin/env bash
# The seed's table over real HTTP and issue 21's two figures, from a clean clone, in one command:
#
#   benchmarks/http/run.sh                 everything below, in this order (about 45 minutes on 2 cores)
#   benchmarks/http/run.sh table           the seed's six cases x six implementations, interleaved rounds
#   benchmarks/http/run.sh decision        the 20 interleaved decision rounds with the A/A copy of the baseline
#   PIN=1 benchmarks/http/run.sh decision  the same with the servers on CPU 1 and wrk on CPU 0 (less spread per run)
#   ONLY=problem-details-idle PIN=1 benchmarks/http/run.sh decision
#                                          one row re-decided: that variant, the baseline and its A/A copy only
#   benchmarks/http/run.sh budget          BenchmarkDotNet: five compiled layers minus none, typed and ISender
#   benchmarks/http/run.sh charts          charts and docs/benchmarks.md tables from what is in benchmarks/results
#
# Rounds and seconds per run: TABLE_ROUNDS (5), TABLE_SECONDS (3), DECISION_ROUNDS (20), DECISION_SECONDS (10).
# Results: benchmarks/results/http/{table,decision}.json, benchmarks/results/bdn/budget; charts docs/images/http-*.svg.
# Installs wrk (Debian package) when it is missing. Loopback only: the servers listen on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(table decision budget charts)
wants() { [[ " ${parts[*]} " == *" $1 "* ]]; }

if (wants table || wants decision) && ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
  else sudo apt-get install -y wrk; fi
fi

# Release builds only: the numbers of a Debug build mean nothing.
for project in HttpLoad/HttpLoad.Server.Ours HttpLoad/HttpLoad.Server.Martinothamar HttpLoad/HttpLoad.Runner Charts; do
  dotnet build -c Release "benchmarks/$project" --nologo -v q
done

runner() { dotnet run -c Release --no-build --project benchmarks/HttpLoad/HttpLoad.Runner -- --root "$PWD" "$@"; }

if wants table; then
  runner --mode table --rounds "${TABLE_ROUNDS:-5}" --seconds "${TABLE_SECONDS:-3}"
fi

if wants decision; then
  runner --mode decision --rounds "${DECISION_ROUNDS:-20}" --seconds "${DECISION_SECONDS:-10}" ${PIN:+--pin} ${ONLY:+--only "$ONLY"}
fi

if wants budget; then
  dotnet build -c Release benchmarks/Mediator.Benchmarks --nologo -v q
  dotnet run -c Release --no-build --project benchmarks/Mediator.Benchmarks -- \
    --artifacts benchmarks/results/bdn/budget --filter '*LayerBudgetBenchmarks*' --launchCount 2 --warmupCount 6 --iterationCount 20 --buildTimeout 900
fi

if wants charts; then
  dotnet run -c Release --no-build --project benchmarks/Charts -- "$PWD"
fi
