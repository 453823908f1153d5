#!/usr/bin/env bash
# Regenerates every measured number in docs/benchmarks.md: the BenchmarkDotNet suites (with the full JSON exporter),
# the load harness of both executables (the seed's table), then benchmarks/Charts (SVGs into docs/images, tables
# spliced into docs/benchmarks.md). Results land in benchmarks/results/.
#
#   benchmarks/run-all.sh          full: every BenchmarkDotNet class with its own job (about an hour on 2 cores),
#                                  plus the generator benchmarks, plus the load harness (a few minutes)
#   benchmarks/run-all.sh quick    the new classes only, with BenchmarkDotNet's short job, plus the load harness
#                                  (proves the pipeline end to end; numbers are indicative only)
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-full}"
results=benchmarks/results
mkdir -p "$results"

# The machine, as the docs show it: CPU, cores, memory, OS, SDK and runtime.
{
  echo '```text'
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')   commit: $(git rev-parse --short HEAD)   mode: $mode"
  echo "cpu:     $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) logical cores"
  echo "memory:  $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "os:      $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min averages when the run started)"
  dotnet --info | sed -n -e 's/^ *Version: */sdk:     /p' | head -1
  dotnet --info | sed -n '/^Host:/,/^$/p' | sed -n 's/^ *Version: */runtime: /p' | head -1
  dotnet --info | sed -n 's/^ *RID: */rid:     /p' | head -1
  echo '```'
} > "$results/machine.md"

# Release builds only: the harness refuses to run a Debug build.
for project in Mediator.Benchmarks Peers.MartinothamarMediator Mediator.Benchmarks.Scoped Peers.MartinothamarMediator.Scoped LoadHarness.Ours LoadHarness.Martinothamar Charts; do
  dotnet build -c Release "benchmarks/$project" --nologo -v q
done

bdn() { # project, artifacts folder, then BenchmarkDotNet arguments
  local project="$1" artifacts="$2"
  shift 2
  dotnet run -c Release --no-build --project "benchmarks/$project" -- --buildTimeout 900 --artifacts "$results/bdn/$artifacts" "$@"
}

# Classes without a job attribute take their job from the command line; classes with one run with their own (a
# command-line job would run beside it, not instead of it).
if [ "$mode" = quick ]; then
  newjob=(--job short)
else
  newjob=(--launchCount 2 --warmupCount 6 --iterationCount 20)
fi
bdn Mediator.Benchmarks ours --filter '*LayerCountBenchmarks*' '*PublishOneHandlerBenchmarks*' "${newjob[@]}"
bdn Mediator.Benchmarks ours --filter '*ColdStartBenchmarks*'
bdn Peers.MartinothamarMediator martinothamar --filter '*MartinothamarLayerCountBenchmarks*' '*MartinothamarPublishOneHandlerBenchmarks*' "${newjob[@]}"
bdn Peers.MartinothamarMediator martinothamar --filter '*MartinothamarColdStartBenchmarks*'
if [ "$mode" != quick ]; then
  bdn Mediator.Benchmarks ours --filter 'MediatorBenchmarks.SendBenchmarks.*' 'MediatorBenchmarks.PeerSendBenchmarks.*' \
    'MediatorBenchmarks.PublishBenchmarks.*' 'MediatorBenchmarks.StreamBenchmarks.*' '*.DispatchBenchmarks.*'
  bdn Peers.MartinothamarMediator martinothamar --filter '*MartinothamarSendBenchmarks*' '*MartinothamarPublishBenchmarks*' '*MartinothamarStreamBenchmarks*' \
    '*MartinothamarDispatchBenchmarks*'
  # Send through a scoped handler and two scoped middlewares (issue 18's figure), ours and MediatR beside martinothamar's.
  bdn Mediator.Benchmarks.Scoped scoped-ours --filter '*'
  bdn Peers.MartinothamarMediator.Scoped scoped-martinothamar --filter '*'
  dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --filter '*' --buildTimeout 900 --artifacts "$results/bdn/generator"
  # Issue 20: Send and Publish across modules against within one, and generator time per edit on 10 modules x 100.
  dotnet build -c Release benchmarks/Composition/Composition.Benchmarks --nologo -v q
  bdn Composition/Composition.Benchmarks composition --filter '*'
  mkdir -p "$results/composition"
  dotnet run -c Release --no-build --project benchmarks/Generator.Benchmarks -- --modules 20 > "$results/composition/generator-edits.txt"
fi

# The seed's table: each executable writes benchmarks/results/load-<name>.json.
dotnet run -c Release --no-build --project benchmarks/LoadHarness.Ours -- --out "$results/load-ours.json"
dotnet run -c Release --no-build --project benchmarks/LoadHarness.Martinothamar -- --out "$results/load-martinothamar.json"

# Charts and tables from the files above.
dotnet run -c Release --no-build --project benchmarks/Charts -- "$PWD"
