#!/usr/bin/env bash
# Consumer test: packs the packages into a local folder feed, checks the package layout, creates fresh projects outside
# the solution that add Mediator.Runtime the way the README says, builds each with warnings as errors, runs it and
# compares its output (Send, Publish and a stream, all through middleware) with expected.txt.
# net8.0 builds run on the newest installed runtime (DOTNET_ROLL_FORWARD=Major): the machine may have only .NET 10.
# Prints one "PASS <case>" or "FAIL <case>" line per case, the seconds each step took, and a last line
# "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/Consumer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A version no earlier run used, so the NuGet cache can never serve a stale package.
version="0.1.0-consumer.$(date +%Y%m%d%H%M%S)"
feed="$work/feed"
passed=0
failed=0
pass() { echo "PASS $1 (${SECONDS}s)"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

echo "packing $version into $feed"
SECONDS=0
for project in Mediator.Abstractions Mediator.Runtime Mediator.Testing; do
  dotnet pack "$root/src/$project" -c Release -o "$feed" -p:Version="$version" -v q -nologo \
    || { echo "FAIL pack $project"; echo "0 passed, 1 failed"; exit 1; }
done
echo "packed in ${SECONDS}s"

# The package layout: the generator (and the code-fix assembly, once its project exists) only under
# analyzers/dotnet/cs, never under lib/ where it would become a reference of the user's code.
check_layout() {
  SECONDS=0
  local nupkg="$feed/Mediator.Runtime.$version.nupkg" listing problems=""
  listing=$(unzip -Z1 "$nupkg")
  local analyzers=(Mediator.SourceGenerator.dll Mediator.SourceGenerator.CodeFixes.dll)
  for dll in "${analyzers[@]}"; do
    grep -qx "analyzers/dotnet/cs/$dll" <<< "$listing" || problems+=" missing analyzers/dotnet/cs/$dll;"
    grep -q "^lib/.*/$dll$" <<< "$listing" && problems+=" $dll also under lib/;"
  done
  # The props that make MediatorNamespace and MediatorClassName visible to the generator (docs/naming.md).
  for props in build/Mediator.Runtime.props buildTransitive/Mediator.Runtime.props; do
    grep -qx "$props" <<< "$listing" || problems+=" missing $props;"
  done
  for framework in net8.0 net10.0; do
    grep -qx "lib/$framework/Mediator.Runtime.dll" <<< "$listing" || problems+=" missing lib/$framework/Mediator.Runtime.dll;"
  done
  local nuspec
  nuspec=$(unzip -p "$nupkg" Mediator.Runtime.nuspec)
  grep -q '<license type="expression">MIT</license>' <<< "$nuspec" || problems+=" no MIT licence expression;"
  grep -q '<readme>README.md</readme>' <<< "$nuspec" || problems+=" no readme;"
  grep -qE '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' <<< "$nuspec" || problems+=" no repository url and commit;"
  grep -q '<dependency id="Mediator.Abstractions"' <<< "$nuspec" || problems+=" no dependency on Mediator.Abstractions;"
  for package in Mediator.Abstractions Mediator.Runtime Mediator.Testing; do
    [ -f "$feed/$package.$version.snupkg" ] || problems+=" no $package symbols package;"
  done
  if [ -z "$problems" ]; then
    echo "analyzers/ in Mediator.Runtime: $(grep '^analyzers/' <<< "$listing" | tr '\n' ' ')"
    pass package-layout
  else
    fail "package-layout:$problems"
  fi
}

# new_project DIR TARGET_FRAMEWORK EXTRA_PROPERTIES: a fresh project with the local feed, warnings as errors.
new_project() {
  local dir=$1 framework=$2 properties=$3
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
}

# build_clean NAME DIR: builds; fails the case if the build fails or prints any warning (CS8032 included).
build_clean() {
  local name=$1 dir=$2
  if ! (cd "$dir" && dotnet build -c Release -nologo > build.log 2>&1); then
    fail "$name (build failed)"; grep -E 'error|warning' "$dir/build.log" | sort -u | head -20; return 1
  fi
  if grep -qE 'CS8032|CS9057|warning' "$dir/build.log"; then
    fail "$name (the build warned)"; grep -E 'CS8032|CS9057|warning' "$dir/build.log" | sort -u | head; return 1
  fi
}

# expect_output NAME DIR COMMAND...: runs the program and compares what it prints with expected.txt.
expect_output() {
  local name=$1 dir=$2
  shift 2
  if ! (cd "$dir" && DOTNET_ROLL_FORWARD=Major "$@" > run.log 2>&1); then
    fail "$name (the program failed)"; tail -n 20 "$dir/run.log"; return 1
  fi
  if ! diff -u "$here/expected.txt" "$dir/run.log" > "$dir/diff.log"; then
    fail "$name (output differs)"; cat "$dir/diff.log"; return 1
  fi
}

# run_case NAME TARGET_FRAMEWORK EXTRA_PROPERTIES: adds the packages the README's way, builds, runs, compares.
run_case() {
  local name=$1 framework=$2 properties=$3 dir="$work/$1"
  SECONDS=0
  new_project "$dir" "$framework" "$properties"
  if ! (cd "$dir" \
        && dotnet add package Mediator.Runtime --version "$version" > add.log 2>&1 \
        && dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.0 >> add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" || return
  expect_output "$name" "$dir" dotnet run -c Release --no-build || return
  pass "$name"
}

# Without Microsoft.Extensions.DependencyInjection (the container) the handlers, middlewares and the generated
# AddMediator() still build: Mediator.Runtime brings the DI abstractions. Only running needs a container.
run_no_container_case() {
  local name=no-container-package dir="$work/no-container-package"
  SECONDS=0
  new_project "$dir" net10.0 "<OutputType>Library</OutputType><DefineConstants>\$(DefineConstants);NO_CONTAINER</DefineConstants>"
  if ! (cd "$dir" && dotnet add package Mediator.Runtime --version "$version" > add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" && pass "$name"
}

# The oldest compiler we claim (Roslyn 4.8, .NET 8.0.1xx SDK) loads the generator from the package and compiles the
# program; the result runs and prints the expected lines. Reuses the net10-defaults case's restore and output folder.
run_roslyn48_case() {
  local name=roslyn-4.8-loads-the-generator case="$work/net10-defaults" tool="$work/roslyn48"
  SECONDS=0
  [ -f "$case/bin/Release/net10.0/Consumer.dll" ] || { fail "$name (needs the net10-defaults case)"; return; }
  mkdir -p "$tool"
  cp "$here/Roslyn48/Roslyn48Compile.csproj.txt" "$tool/Roslyn48Compile.csproj"
  cp "$here/Roslyn48/Roslyn48Compile.cs.txt" "$tool/Roslyn48Compile.cs"
  if ! (cd "$tool" && dotnet build -c Release -nologo -v q > build.log 2>&1); then
    fail "$name (the Roslyn 4.8 host did not build)"; tail -n 20 "$tool/build.log"; return
  fi
  # What csc would be given: the package's analyzers (not the SDK's own, which target the installed compiler) and
  # the resolved references.
  (cd "$case" && dotnet msbuild -nologo -p:Configuration=Release -t:FindReferenceAssembliesForReferences \
     -getItem:Analyzer -getItem:ReferencePathWithRefAssemblies > items.json 2> items.err) \
    || { fail "$name (could not list references)"; cat "$case/items.err"; return; }
  grep -oE '"FullPath": "[^"]+"' "$case/items.json" | cut -d'"' -f4 | sort -u > "$case/all-items.txt"
  grep -i "/mediator.runtime/$version/analyzers/" "$case/all-items.txt" > "$case/analyzers.txt"
  grep -v '/analyzers/' "$case/all-items.txt" | grep '\.dll$' > "$case/references.txt"
  if ! (cd "$case" && dotnet "$tool/bin/Release/net10.0/Roslyn48Compile.dll" analyzers.txt references.txt Program.cs default \
          bin/Release/net10.0/Consumer.dll > roslyn48.log 2>&1); then
    fail "$name"; cat "$case/roslyn48.log"; return
  fi
  sed 's/^/  /' "$case/roslyn48.log"
  expect_output "$name" "$case" dotnet bin/Release/net10.0/Consumer.dll || return
  pass "$name"
}

# On the SDK's own compiler (C# 13 and later, where a ref struct may implement an interface) a ref struct message is
# MED0037 on its declaration and nothing else: no error from generated code. The generator tests run on Roslyn 4.8,
# which rejects the declaration itself (CS8343), so only this case sees MED0037 fire. A near miss (a readonly struct
# message with a handler) must build clean in the same project shape.
run_ref_struct_case() {
  local name=ref-struct-message-is-MED0037 dir="$work/ref-struct-message"
  SECONDS=0
  new_project "$dir" net10.0 "<OutputType>Library</OutputType><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>"
  rm "$dir/Program.cs"
  cat > "$dir/Messages.cs" <<'CS'
using Mediator;

namespace Consumer;

public readonly struct CountWords : IRequest<int> { public CountWords(string text) => Text = text; public string Text { get; } }

[Handler]
public sealed class CountWordsHandler : IRequestHandler<CountWords, int>
{
    public ValueTask<int> Handle(CountWords request, CancellationToken cancellationToken)
        => new(request.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
}
CS
  if ! (cd "$dir" && dotnet add package Mediator.Runtime --version "$version" > add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name (near miss: a readonly struct message)" "$dir" || return
  cat >> "$dir/Messages.cs" <<'CS'

public ref struct ParseLine : IRequest<int> { public ReadOnlySpan<char> Text; }
CS
  (cd "$dir" && dotnet build -c Release -nologo > build.log 2>&1)
  local errors
  errors=$(grep -oE '(error|warning) [A-Z]+[0-9]+' "$dir/build.log" | sort -u | tr '\n' ' ')
  if [ "$errors" = "error MED0037 " ] && grep -q "Messages.cs(.*error MED0037: 'Consumer.ParseLine' cannot be a message" "$dir/build.log"; then
    pass "$name"
  else
    fail "$name (expected only MED0037 on Messages.cs, got: ${errors:-nothing})"; grep -E 'error|warning' "$dir/build.log" | sort -u | head
  fi
}

check_layout
run_case net10-defaults net10.0 "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>"
run_case net8-nullable-off-no-implicit-usings net8.0 "<Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>"
run_case oldest-language-version-csharp8 net8.0 "<LangVersion>8.0</LangVersion><Nullable>enable</Nullable>"
# The generated class renamed and moved by the package's MSBuild properties; the program registers it with the
# renamed AddShopMediator() and publishes through IPublisher (RENAMED in Program.cs).
run_case renamed-mediator net10.0 "<Nullable>enable</Nullable><MediatorNamespace>Consumer.Messaging</MediatorNamespace><MediatorClassName>ShopMediator</MediatorClassName><DefineConstants>\$(DefineConstants);RENAMED</DefineConstants>"
run_no_container_case
run_roslyn48_case
run_ref_struct_case

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
