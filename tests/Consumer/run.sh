#!/usr/bin/env bash
# Consumer test: packs the packages into a local folder feed, creates fresh projects outside the solution that add
# Mediator.Runtime the way the README says, builds each with warnings as errors, runs it and compares its output.
# net8.0 builds run on the newest installed runtime (DOTNET_ROLL_FORWARD=Major): the machine may have only .NET 10.
# Prints one "PASS <case>" or "FAIL <case>" line per case and a last line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/Consumer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A version no earlier run used, so the NuGet cache can never serve a stale package.
version="0.1.0-consumer.$(date +%Y%m%d%H%M%S)"
feed="$work/feed"

echo "packing $version into $feed"
for project in Mediator.Abstractions Mediator.Runtime; do
  dotnet pack "$root/src/$project" -c Release -o "$feed" -p:Version="$version" -v q -nologo || { echo "FAIL pack $project"; echo "0 passed, 1 failed"; exit 1; }
done

passed=0
failed=0

# run_case NAME TARGET_FRAMEWORK EXTRA_PROPERTIES
run_case() {
  local name=$1 framework=$2 properties=$3
  local dir="$work/$name"
  mkdir -p "$dir"
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$framework</TargetFramework>
    <RootNamespace>Consumer</RootNamespace>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    $properties
  </PropertyGroup>
</Project>
XML
  cp "$here/Program.cs.txt" "$dir/Program.cs"
  if ! (cd "$dir" \
        && dotnet add package Mediator.Runtime --version "$version" > add.log 2>&1 \
        && dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.0 >> add.log 2>&1 \
        && dotnet build -c Release -nologo > build.log 2>&1 \
        && DOTNET_ROLL_FORWARD=Major dotnet run -c Release --no-build > run.log 2>&1); then
    echo "FAIL $name"
    tail -n 30 "$dir"/*.log
    failed=$((failed + 1))
    return
  fi
  if diff -u "$here/expected.txt" "$dir/run.log" > "$dir/diff.log"; then
    if grep -q "CS8032\|warning" "$dir/build.log"; then
      echo "FAIL $name (the build warned)"; grep "CS8032\|warning" "$dir/build.log" | head; failed=$((failed + 1)); return
    fi
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (output differs)"
    cat "$dir/diff.log"
    failed=$((failed + 1))
  fi
}

run_case net10-defaults net10.0 "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>"
run_case net8-nullable-off-no-implicit-usings net8.0 "<Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>"
run_case oldest-language-version-csharp8 net8.0 "<LangVersion>8.0</LangVersion><Nullable>enable</Nullable>"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
