#!/usr/bin/env bash
# The MediatR migration proof (issue 19): tests/Migration/MediatRSample is a MediatR 5.1.0 app (handlers, a void request,
# MediatR 5's synchronous base classes, a behaviour, a pre- and a post-processor, two notification handlers, DI
# registration by hand) with an xunit project. Outside the repository this script:
#   1. builds it against MediatR and runs its tests (it is a real MediatR app);
#   2. adds CompiledMediator from FEED and runs `dotnet format analyzers --severity info --diagnostics MED0060` once:
#      the code fix ports the whole solution, and no MediatR name is left in a .cs file;
#   3. removes the MediatR package reference (the one change made by hand), builds with warnings as errors and runs
#      the same tests on this library;
# and prints the files and lines changed by hand after the fixes (git diff over the copy; the target is the package
# reference and nothing else).
# Usage: run.sh FEED VERSION [WORK_DIR]: FEED holds CompiledMediator and CompiledMediator.Abstractions VERSION
# (tests/Consumer/run.sh packs them and calls this). Prints PASS/FAIL lines and a last line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 FEED VERSION [WORK_DIR] (tests/Consumer/run.sh packs the feed and calls this)" >&2; exit 2; }
feed=$1
version=$2
# Every dotnet command is bounded, so that a hung restore or format cannot hold CI: 10 minutes each, far above the
# one to two minutes each takes.
limit=600
work=${3:-$(mktemp -d)}
dir="$work/mediatr-sample"
passed=0
failed=0
pass() { echo "PASS $1 (${SECONDS}s)"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; exit $((failed > 0)); }

rm -rf "$dir"
mkdir -p "$dir"
cp -r "$root/tests/Migration/MediatRSample/." "$dir/"
find "$dir" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
# The repository's package versions, as the sample's projects expect (no version in a project file).
cp "$root/Directory.Packages.props" "$dir/"
cat > "$dir/Directory.Build.props" <<XML
<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
XML
cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML

cd "$dir" || exit 1
dotnet new sln -n Sample -o . > new.log 2>&1 && dotnet sln add Shop/Shop.csproj Shop.Tests/Shop.Tests.csproj >> new.log 2>&1 \
  || { cat new.log; fail "mediatr-sample (could not make the solution)"; finish; }
solution=$(ls Sample.sln* | head -n 1)

# 1. The app as written, on MediatR 5.1.0.
SECONDS=0
if timeout "$limit" dotnet test "$solution" -c Release -nologo > before.log 2>&1; then
  pass "mediatr-sample-on-mediatr ($(grep -oE 'Passed: +[0-9]+' before.log | head -n 1))"
else
  tail -n 30 before.log; fail "mediatr-sample-on-mediatr"; finish
fi

# 2. CompiledMediator beside MediatR, then one dotnet format run with the migration fix.
SECONDS=0
sed -i 's|<PackageReference Include="MediatR" />|<PackageReference Include="MediatR" />\n    <PackageReference Include="CompiledMediator" VersionOverride="'"$version"'" />|' Shop/Shop.csproj
printf "bin/\nobj/\n*.log\n" > .gitignore
git init -q . && git add -A && git -c user.name=run -c user.email=run@localhost commit -qm before
if ! timeout "$limit" dotnet format analyzers "$solution" --severity info --diagnostics MED0060 -v diag > format.log 2>&1; then
  tail -n 30 format.log; fail "mediatr-sample-format"; finish
fi
# MediatR named in code (comments may keep the name: they do not compile against it).
left=$(grep -rn --include='*.cs' 'MediatR' . | grep -v '/obj/' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true)
if [ -n "$left" ]; then
  fail "mediatr-sample-format (MediatR still named in code)"; echo "$left" | head; finish
fi
git add -A && git -c user.name=run -c user.email=run@localhost commit -qm "dotnet format" > /dev/null
echo "  the code fix changed $(git diff --shortstat HEAD~1 HEAD -- '*.cs')"
pass "mediatr-sample-format"

# 3. The package swap: the one change by hand.
SECONDS=0
sed -i '/<PackageReference Include="MediatR" \/>/d' Shop/Shop.csproj
git add -A
echo "  changed by hand after the fixes: $(git diff --cached --numstat | awk '{ files++; lines += $1 + $2 } END { print files + 0 " file(s), " lines + 0 " line(s)" }'):"
git diff --cached --stat | sed 's/^/    /'
if timeout "$limit" dotnet test "$solution" -c Release -nologo > after.log 2>&1 && ! grep -qE ' warning ' after.log; then
  pass "mediatr-sample-on-compiled-mediator ($(grep -oE 'Passed: +[0-9]+' after.log | head -n 1))"
else
  grep -E 'error|warning|Failed' after.log | sort -u | head -30; fail "mediatr-sample-on-compiled-mediator"
fi
finish
