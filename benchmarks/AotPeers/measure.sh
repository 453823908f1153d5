#!/usr/bin/env bash
# Native AOT figures for docs/packaging.md: binary size, start-to-first-Send (the app's own Stopwatch, from Main to the
# first Send's answer, printed on stderr as "first-send-us: N") and the wall time of the whole process, median of
# RUNS runs (default 20), for samples/AotConsole and the same app on martinothamar/Mediator 3.0.2. Runs alternate
# between the two apps so that load from other work on the machine hits both alike.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet publish "$root/samples/AotConsole" -c Release -r linux-x64 -o "$out/ours" -nologo -v q > /dev/null
dotnet publish "$root/benchmarks/AotPeers/MartinothamarAot" -c Release -r linux-x64 -o "$out/peer" -nologo -v q > /dev/null
declare -A binary=([ours]="$out/ours/AotConsole" [peer]="$out/peer/MartinothamarAot")

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for ((i = 0; i < runs; i++)); do
  for app in ours peer; do
    start=$(date +%s%N)
    "${binary[$app]}" > /dev/null 2> "$out/stderr"
    end=$(date +%s%N)
    echo $(((end - start) / 1000)) >> "$out/$app.wall"
    grep -oE 'first-send-us: [0-9]+' "$out/stderr" | grep -oE '[0-9]+' >> "$out/$app.first"
  done
done

printf '%-34s %12s %20s %18s\n' app "size (bytes)" "first Send (µs)" "process (µs)"
for app in ours peer; do
  name=$([ "$app" = ours ] && echo "samples/AotConsole" || echo "martinothamar/Mediator 3.0.2")
  printf '%-34s %12s %20s %18s\n' "$name" "$(stat -c %s "${binary[$app]}")" \
    "$(median < "$out/$app.first")" "$(median < "$out/$app.wall")"
done
echo "medians of $runs runs each"
