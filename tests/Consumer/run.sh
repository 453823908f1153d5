#!/usr/bin/env bash
# Consumer test: packs the seven packages into a local folder feed, checks their layout, then, outside the repository:
# - runs README.md's install commands (the bash block after "<!-- install-commands", line by line, as written) in a new
#   console app whose Program.cs is README.md's smallest program (the csharp block after "<!-- smallest-program"), builds
#   it with warnings as errors and runs it: the README cannot drift from what installs;
# - builds samples/Quickstart and the multi-project samples/Ordering from the packages (run_sample_case), starts
#   Ordering's Web host on 127.0.0.1, calls it and stops it; builds samples/WebApi (ASP.NET Core, FluentValidation, EF Core
#   on SQLite) from the packages and runs its HTTP tests; builds a RabbitMQ app from CompiledMediator.RabbitMQ and runs it
#   on the in-memory test client (the generated publish hook, GZip both ways);
# - creates fresh projects that add CompiledMediator with `dotnet add package`, builds each with warnings as errors, runs
#   it and compares its output (Send, Publish and a stream, all through middleware) with expected.txt;
# - a message-only library that adds CompiledMediator.Abstractions alone gets no generator;
# - a MediatR 5.1.0 app is ported by MED0060's code fix and passes its tests on the packages (tests/Migration/run.sh).
# net8.0 builds run on the newest installed runtime (DOTNET_ROLL_FORWARD=Major): the machine may have only .NET 10.
# Prints one "PASS <case>" or "FAIL <case>" line per case, the seconds each step took, and a last line
# "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/Consumer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A version no earlier run used, so the NuGet cache can never serve a stale package. Stable (no pre-release label), so
# README.md's `dotnet add package CompiledMediator`, which takes the newest stable version, picks it as written. Only the
# package version: an assembly version's parts stop at 65535, so the assemblies keep Directory.Build.props' Version.
version="0.1.$(date +%s)"
packages=(CompiledMediator.Abstractions CompiledMediator CompiledMediator.Testing CompiledMediator.EntityFrameworkCore CompiledMediator.AspNetCore CompiledMediator.FluentValidation CompiledMediator.RabbitMQ)
feed="$work/feed"
passed=0
failed=0
pass() { echo "PASS $1 (${SECONDS}s)"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

echo "packing $version into $feed"
SECONDS=0
# The folders keep the design card's names (src/Mediator.*); the package IDs are CompiledMediator.* (docs/packaging.md).
for project in Mediator.Abstractions Mediator.Runtime Mediator.Testing Mediator.EntityFrameworkCore Mediator.AspNetCore Mediator.FluentValidation Mediator.RabbitMQ; do
  dotnet pack "$root/src/$project" -c Release -o "$feed" -p:PackageVersion="$version" -v q -nologo \
    || { echo "FAIL pack $project"; echo "0 passed, 1 failed"; exit 1; }
done
echo "packed in ${SECONDS}s"

# The package layout. CompiledMediator: the generator and the code-fix assembly under analyzers/dotnet/roslyn4.8/cs and
# analyzers/dotnet/roslyn4.14/cs (the generator built for each Roslyn, the code fixes beside each), nothing in the
# unversioned analyzers/dotnet/cs (the SDK would give it to every compiler beside the versioned folder it chose), never
# under lib/ where they would become references of the user's code; the props under build/ and buildTransitive/ named
# after the package ID (NuGet imports no other name). CompiledMediator.Abstractions: no analyzer, no build props, and no
# dependency that could bring either, so a message-only project gets no generator. Every package: licence, readme,
# repository commit, symbols, and no dependency on an ID of martinothamar/Mediator's (Mediator.*).
check_layout() {
  SECONDS=0
  local problems="" package listing nuspec
  listing_of() { unzip -Z1 "$feed/$1.$version.nupkg"; }
  nuspec_of() { unzip -p "$feed/$1.$version.nupkg" "$1.nuspec"; }
  for package in "${packages[@]}"; do
    [ -f "$feed/$package.$version.nupkg" ] || { problems+=" no $package package;"; continue; }
    nuspec=$(nuspec_of "$package")
    grep -q "<id>$package</id>" <<< "$nuspec" || problems+=" $package: wrong id;"
    grep -q '<license type="expression">MIT</license>' <<< "$nuspec" || problems+=" $package: no MIT licence expression;"
    grep -q '<readme>README.md</readme>' <<< "$nuspec" || problems+=" $package: no readme;"
    grep -qE '<repository type="git" url="https://[^"]+"[^>]* commit="[0-9a-f]{40}"' <<< "$nuspec" || problems+=" $package: no repository url and commit;"
    grep -qE '<dependency id="Mediator\.' <<< "$nuspec" && problems+=" $package: depends on a Mediator.* package (martinothamar's IDs);"
    [ -f "$feed/$package.$version.snupkg" ] || problems+=" no $package symbols package;"
    listing=$(listing_of "$package")
    local assembly=$package
    for framework in net8.0 net10.0; do
      grep -qx "lib/$framework/$assembly.dll" <<< "$listing" || problems+=" $package: missing lib/$framework/$assembly.dll;"
    done
    if [ "$package" != CompiledMediator ]; then
      grep -q '^analyzers/' <<< "$listing" && problems+=" $package: carries analyzers/;"
      grep -qE '^build(Transitive)?/' <<< "$listing" && problems+=" $package: carries build props;"
    fi
  done

  listing=$(listing_of CompiledMediator)
  for dll in CompiledMediator.SourceGenerator.dll CompiledMediator.SourceGenerator.CodeFixes.dll; do
    for folder in roslyn4.8 roslyn4.14; do
      grep -qx "analyzers/dotnet/$folder/cs/$dll" <<< "$listing" || problems+=" missing analyzers/dotnet/$folder/cs/$dll;"
    done
    grep -q "^lib/.*/$dll$" <<< "$listing" && problems+=" $dll also under lib/;"
  done
  grep -q '^analyzers/dotnet/cs/' <<< "$listing" && problems+=" something in the unversioned analyzers/dotnet/cs/;"
  # Two builds, not one file packed twice.
  if cmp -s <(unzip -p "$feed/CompiledMediator.$version.nupkg" analyzers/dotnet/roslyn4.8/cs/CompiledMediator.SourceGenerator.dll) \
            <(unzip -p "$feed/CompiledMediator.$version.nupkg" analyzers/dotnet/roslyn4.14/cs/CompiledMediator.SourceGenerator.dll); then
    problems+=" the roslyn4.8 and roslyn4.14 generators are the same file;"
  fi
  # The props that make MediatorNamespace and MediatorClassName visible to the generator (docs/generated-code.md).
  for props in build/CompiledMediator.props buildTransitive/CompiledMediator.props build/CompiledMediator.targets buildTransitive/CompiledMediator.targets; do
    grep -qx "$props" <<< "$listing" || problems+=" missing $props;"
  done
  nuspec=$(nuspec_of CompiledMediator)
  grep -q "<dependency id=\"CompiledMediator.Abstractions\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator: no dependency on CompiledMediator.Abstractions $version;"

  # The abstractions flow nothing: no dependency at all (a dependency could carry an analyzer or build props).
  grep -q '<dependency ' <<< "$(nuspec_of CompiledMediator.Abstractions)" && problems+=" CompiledMediator.Abstractions has dependencies;"

  nuspec=$(nuspec_of CompiledMediator.Testing)
  grep -q "<dependency id=\"CompiledMediator.Abstractions\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator.Testing: no dependency on CompiledMediator.Abstractions;"

  # EF Core: the runtime package, and EF Core 8 on net8.0 beside EF Core 10 on net10.0.
  nuspec=$(nuspec_of CompiledMediator.EntityFrameworkCore)
  grep -q "<dependency id=\"CompiledMediator\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator.EntityFrameworkCore: no dependency on CompiledMediator;"
  for pair in "net8.0 8." "net10.0 10."; do
    set -- $pair
    awk -v tf="$1" '$0 ~ "<group targetFramework=\"" tf "\"" { on = 1 } on { print } on && /<\/group>/ { exit }' <<< "$nuspec" \
      | grep -qF "<dependency id=\"Microsoft.EntityFrameworkCore.Relational\" version=\"$2" \
      || problems+=" CompiledMediator.EntityFrameworkCore: no EF Core $2x dependency for $1;"
  done

  # ASP.NET Core: the runtime package, and the shared framework (a framework reference, not a package) on both targets.
  nuspec=$(nuspec_of CompiledMediator.AspNetCore)
  grep -q "<dependency id=\"CompiledMediator\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator.AspNetCore: no dependency on CompiledMediator;"
  for framework in net8.0 net10.0; do
    awk -v tf="$framework" '$0 ~ "<group targetFramework=\"" tf "\"" { on = 1 } on { print } on && /<\/group>/ { exit }' \
        <<< "$(sed -n '/<frameworkReferences>/,/<\/frameworkReferences>/p' <<< "$nuspec")" \
      | grep -qF '<frameworkReference name="Microsoft.AspNetCore.App"' \
      || problems+=" CompiledMediator.AspNetCore: no Microsoft.AspNetCore.App framework reference for $framework;"
  done

  # FluentValidation: the runtime package and FluentValidation itself; nothing else of ours depends on FluentValidation.
  nuspec=$(nuspec_of CompiledMediator.FluentValidation)
  grep -q "<dependency id=\"CompiledMediator\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator.FluentValidation: no dependency on CompiledMediator;"
  grep -q '<dependency id="FluentValidation" version="12.2.0"' <<< "$nuspec" || problems+=" CompiledMediator.FluentValidation: no FluentValidation 12.2.0 dependency;"
  for package in CompiledMediator.Abstractions CompiledMediator CompiledMediator.Testing CompiledMediator.EntityFrameworkCore CompiledMediator.AspNetCore; do
    grep -q '<dependency id="FluentValidation' <<< "$(nuspec_of $package)" && problems+=" $package depends on FluentValidation;"
  done

  # RabbitMQ: the runtime package and RabbitMQ.Client 7.2.2; nothing else of ours depends on the client.
  nuspec=$(nuspec_of CompiledMediator.RabbitMQ)
  grep -q "<dependency id=\"CompiledMediator\" version=\"$version\"" <<< "$nuspec" || problems+=" CompiledMediator.RabbitMQ: no dependency on CompiledMediator;"
  grep -q '<dependency id="RabbitMQ.Client" version="7.2.2"' <<< "$nuspec" || problems+=" CompiledMediator.RabbitMQ: no RabbitMQ.Client 7.2.2 dependency;"
  for package in CompiledMediator.Abstractions CompiledMediator CompiledMediator.Testing CompiledMediator.EntityFrameworkCore CompiledMediator.AspNetCore CompiledMediator.FluentValidation; do
    grep -q '<dependency id="RabbitMQ.Client' <<< "$(nuspec_of $package)" && problems+=" $package depends on RabbitMQ.Client;"
  done

  if [ -z "$problems" ]; then
    echo "analyzers/ in CompiledMediator: $(grep '^analyzers/' <<< "$listing" | tr '\n' ' ')"
    pass package-layout
  else
    fail "package-layout:$problems"
  fi
}

# write_nuget_config DIR: the local feed beside the machine's own sources (nuget.org stays, as for a real user: a
# package ID that clashed with one there would resolve from there, which the README case checks against).
write_nuget_config() {
  cat > "$1/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML
}

# new_project DIR TARGET_FRAMEWORK EXTRA_PROPERTIES: a fresh project with the local feed, warnings as errors.
new_project() {
  local dir=$1 framework=$2 properties=$3
  mkdir -p "$dir"
  write_nuget_config "$dir"
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

# readme_block MARKER LANGUAGE: the fenced block of LANGUAGE right after the line "<!-- MARKER..." in README.md. Fails
# (empty output, status 1) when the marker is missing or found twice, or the block does not follow it or is empty.
readme_block() {
  awk -v marker="<!-- $1" -v fence="\`\`\`$2" '
    index($0, marker) == 1 { found++; want = 1; next }
    want && $0 == "" { next }
    want && $0 == fence { want = 0; inside = 1; next }
    want { want = 0 }
    inside && $0 == "```" { inside = 0; blocks++; next }
    inside { print }
    END { exit (found == 1 && blocks == 1) ? 0 : 1 }' "$root/README.md"
}

# The README is the install test: a new console app outside the repository (as the README says), the local feed as a
# package source, then README.md's install commands run line by line exactly as written, README.md's smallest program as
# Program.cs; built with warnings as errors and run. NuGet must resolve our packages from the feed: not the public
# Mediator.Abstractions that the old IDs resolved to.
run_readme_case() {
  local name=readme-install-and-smallest-program dir="$work/readme-app" commands program line
  SECONDS=0
  commands=$(readme_block install-commands bash) || { fail "$name (no bash block after <!-- install-commands in README.md)"; return; }
  program=$(readme_block smallest-program csharp) || { fail "$name (no csharp block after <!-- smallest-program in README.md)"; return; }
  mkdir -p "$dir"
  write_nuget_config "$dir"
  if ! (cd "$dir" && dotnet new console -n ReadmeApp -o . --no-restore > new.log 2>&1); then
    fail "$name (dotnet new console failed)"; tail -n 20 "$dir/new.log"; return
  fi
  printf '%s\n' "$program" > "$dir/Program.cs"
  while IFS= read -r line; do
    [ -z "${line// /}" ] && continue
    echo "  README: $line"
    if ! (cd "$dir" && bash -c "$line" >> add.log 2>&1); then
      fail "$name (README command failed: $line)"; tail -n 20 "$dir/add.log"; return
    fi
  done <<< "$commands"
  build_clean "$name" "$dir" || return
  local assets="$dir/obj/project.assets.json" problems=""
  grep -q "\"CompiledMediator/$version\"" "$assets" || problems+=" CompiledMediator $version not resolved;"
  grep -q "\"CompiledMediator.Abstractions/$version\"" "$assets" || problems+=" CompiledMediator.Abstractions $version not resolved;"
  grep -qE '"Mediator\.[A-Za-z]+/' "$assets" && problems+=" a Mediator.* package (martinothamar's) was resolved;"
  [ -z "$problems" ] || { fail "$name:$problems"; return; }
  if ! (cd "$dir" && DOTNET_ROLL_FORWARD=Major dotnet run -c Release --no-build > run.log 2>&1); then
    fail "$name (the program failed)"; tail -n 20 "$dir/run.log"; return
  fi
  [ "$(cat "$dir/run.log")" = "pong hello" ] || { fail "$name (printed '$(head -c 300 "$dir/run.log")', expected 'pong hello')"; return; }
  pass "$name"
}

# run_sample_case NAME SAMPLE_DIR ENTRY EXPECTED_FILE COMMAND: the hook a sample from samples/ plugs into. Copies
# SAMPLE_DIR (relative to the repository) out of the repository with the repository's Directory.Packages.props beside
# it, adds the local feed, builds ENTRY (a solution or project in the copy) with warnings as errors and
# -p:CompiledMediatorVersion=<packed version> -p:ManagePackageVersionsCentrally=true, runs COMMAND with bash in the
# copy and compares what it prints with EXPECTED_FILE (relative to the repository). The sample's projects take the
# packages when CompiledMediatorVersion is set and the projects under src/ otherwise:
#   <PackageReference Include="CompiledMediator" VersionOverride="$(CompiledMediatorVersion)" />
# (samples/Quickstart/Quickstart.csproj does so). COMMAND may start a host, call it and stop it; its exit status counts.
run_sample_case() {
  local name=$1 sample=$2 entry=$3 expected=$4 command=$5 dir="$work/$1"
  SECONDS=0
  mkdir -p "$dir"
  cp -r "$root/$sample" "$dir/sample"
  find "$dir/sample" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
  cp "$root/Directory.Packages.props" "$dir/"
  write_nuget_config "$dir"
  if ! (cd "$dir/sample" && dotnet build "$entry" -c Release -nologo -p:ManagePackageVersionsCentrally=true \
          -p:CompiledMediatorVersion="$version" > build.log 2>&1); then
    fail "$name (build failed)"; grep -E 'error|warning' "$dir/sample/build.log" | sort -u | head -20; return
  fi
  if grep -qE 'warning' "$dir/sample/build.log"; then
    fail "$name (the build warned)"; grep -E 'warning' "$dir/sample/build.log" | sort -u | head; return
  fi
  grep -rqs --include=project.assets.json "\"CompiledMediator/$version\"" "$dir/sample" \
    || { fail "$name (built without the CompiledMediator package: does it switch on CompiledMediatorVersion?)"; return; }
  if ! (cd "$dir/sample" && DOTNET_ROLL_FORWARD=Major bash -c "$command" > run.log 2>&1); then
    fail "$name (the program failed)"; tail -n 20 "$dir/sample/run.log"; return
  fi
  if ! diff -u "$root/$expected" "$dir/sample/run.log" > "$dir/diff.log"; then
    fail "$name (output differs)"; cat "$dir/diff.log"; return
  fi
  pass "$name"
}

# A project that only declares messages takes CompiledMediator.Abstractions alone: it builds, and no analyzer of ours
# reaches the compiler (so no generator asks it for handlers that live elsewhere, and no mediator is written into it).
run_abstractions_only_case() {
  local name=message-only-project-gets-no-generator dir="$work/abstractions-only"
  SECONDS=0
  new_project "$dir" net10.0 "<OutputType>Library</OutputType><Nullable>enable</Nullable><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>"
  rm "$dir/Program.cs"
  cat > "$dir/Messages.cs" <<'CS'
using Mediator;

namespace Contracts;

public sealed record PlaceOrder(string Product, int Quantity) : IRequest<int>;
public sealed record OrderPlaced(int Id) : INotification;
CS
  if ! (cd "$dir" && dotnet add package CompiledMediator.Abstractions --version "$version" > add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" || return
  (cd "$dir" && dotnet msbuild -nologo -p:Configuration=Release -getItem:Analyzer > analyzers.json 2> analyzers.err) \
    || { fail "$name (could not list analyzers)"; cat "$dir/analyzers.err"; return; }
  if grep -qi 'compiledmediator' "$dir/analyzers.json"; then
    fail "$name (an analyzer of ours reached the compiler)"; grep -i 'compiledmediator' "$dir/analyzers.json"; return
  fi
  if grep -q '"CompiledMediator/' "$dir/obj/project.assets.json"; then
    fail "$name (the abstractions brought the CompiledMediator package)"; return
  fi
  if [ -n "$(find "$dir/obj" -path '*generated*' -name '*.g.cs' 2> /dev/null)" ]; then
    fail "$name (generated sources appeared)"; find "$dir/obj" -path '*generated*' -name '*.g.cs'; return
  fi
  pass "$name"
}

# run_case NAME TARGET_FRAMEWORK EXTRA_PROPERTIES: adds the packages the README's way, builds, runs, compares.
run_case() {
  local name=$1 framework=$2 properties=$3 dir="$work/$1"
  SECONDS=0
  new_project "$dir" "$framework" "$properties"
  if ! (cd "$dir" \
        && dotnet add package CompiledMediator --version "$version" > add.log 2>&1 \
        && dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.0 >> add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" || return
  expect_output "$name" "$dir" dotnet run -c Release --no-build || return
  pass "$name"
}

# A minimal web app from the packages, added as docs/aspnet-core.md says: it starts Kestrel on 127.0.0.1 (a port it picks),
# calls itself and prints each status (401 for an anonymous caller, 400 for an invalid message, 200), then stops.
run_aspnetcore_case() {
  local name=aspnetcore-from-packages dir="$work/aspnetcore"
  SECONDS=0
  mkdir -p "$dir"
  write_nuget_config "$dir"
  cat > "$dir/WebConsumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>WebConsumer</RootNamespace>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
</Project>
XML
  cp "$here/AspNetCoreProgram.cs.txt" "$dir/Program.cs"
  if ! (cd "$dir" \
        && dotnet add package CompiledMediator --version "$version" > add.log 2>&1 \
        && dotnet add package CompiledMediator.AspNetCore --version "$version" >> add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" || return
  if ! (cd "$dir" && timeout 60 dotnet run -c Release --no-build > run.log 2>&1); then
    fail "$name (the app failed or did not stop within 60 s)"; tail -n 20 "$dir/run.log"; return
  fi
  if ! diff -u "$here/aspnetcore-expected.txt" "$dir/run.log" > "$dir/diff.log"; then
    fail "$name (output differs)"; cat "$dir/diff.log"; return
  fi
  pass "$name"
}

# The RabbitMQ transport from the packages: a routed notification published through IMediator reaches the transport by
# the generated hook (the route from [assembly: RabbitMqRoute]) and the in-memory test client delivers it, GZip on both
# sides, to the consumer's handler. No broker: the case checks the packages, ./test.sh's broker tests check the broker.
run_rabbitmq_case() {
  local name=rabbitmq-from-packages dir="$work/rabbitmq"
  SECONDS=0
  new_project "$dir" net10.0 "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>"
  cp "$here/RabbitMqProgram.cs.txt" "$dir/Program.cs"
  if ! (cd "$dir" \
        && dotnet add package CompiledMediator --version "$version" > add.log 2>&1 \
        && dotnet add package CompiledMediator.RabbitMQ --version "$version" >> add.log 2>&1 \
        && dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.0 >> add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" || return
  if ! (cd "$dir" && DOTNET_ROLL_FORWARD=Major dotnet bin/Release/net10.0/Consumer.dll > run.log 2>&1); then
    fail "$name (the program failed)"; tail -n 20 "$dir/run.log"; return
  fi
  if ! diff -u "$here/rabbitmq-expected.txt" "$dir/run.log" > "$dir/diff.log"; then
    fail "$name (output differs)"; cat "$dir/diff.log"; return
  fi
  pass "$name"
}

# Without Microsoft.Extensions.DependencyInjection (the container) the handlers, middlewares and the generated
# AddMediator() still build: CompiledMediator brings the DI abstractions. Only running needs a container.
run_no_container_case() {
  local name=no-container-package dir="$work/no-container-package"
  SECONDS=0
  new_project "$dir" net10.0 "<OutputType>Library</OutputType><DefineConstants>\$(DefineConstants);NO_CONTAINER</DefineConstants>"
  if ! (cd "$dir" && dotnet add package CompiledMediator --version "$version" > add.log 2>&1); then
    fail "$name (dotnet add package failed)"; tail -n 20 "$dir/add.log"; return
  fi
  build_clean "$name" "$dir" && pass "$name"
}

# The oldest compiler we claim (Roslyn 4.8, .NET 8.0.1xx SDK) loads the generator from the package and compiles the
# program; the result runs and prints the expected lines. Reuses the net10-defaults case's restore and output folder.
# The SDK here (a newer compiler) resolves the package's analyzers/dotnet/roslyn4.14/cs folder, which the case checks;
# a .NET 8.0.1xx SDK resolves analyzers/dotnet/roslyn4.8/cs (the highest folder not newer than Roslyn 4.8), so the
# Roslyn 4.8 compiler is given that folder's DLLs: the build without interceptors.
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
  grep -i "/compiledmediator/$version/analyzers/" "$case/all-items.txt" > "$case/resolved-analyzers.txt"
  if [ "$(grep -c '/analyzers/dotnet/roslyn4\.14/cs/' "$case/resolved-analyzers.txt")" != 2 ] \
       || [ "$(wc -l < "$case/resolved-analyzers.txt")" != 2 ]; then
    fail "$name (the SDK's compiler was not given exactly the two DLLs of analyzers/dotnet/roslyn4.14/cs)"; cat "$case/resolved-analyzers.txt"; return
  fi
  sed 's#/analyzers/dotnet/roslyn4\.14/cs/#/analyzers/dotnet/roslyn4.8/cs/#' "$case/resolved-analyzers.txt" > "$case/analyzers.txt"
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
  if ! (cd "$dir" && dotnet add package CompiledMediator --version "$version" > add.log 2>&1); then
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
run_readme_case
# The sample's timing middleware prints microseconds, which vary from run to run: masked before the comparison.
run_sample_case quickstart-sample-from-packages samples/Quickstart Quickstart.csproj tests/Consumer/quickstart-expected.txt \
  "dotnet run -c Release --no-build | sed -E 's/took [0-9]+ µs/took N µs/'"
# The multi-project sample (issue 20): samples/Ordering/Ordering.sln from the packages. smoke.sh starts Ordering.Web on
# a free port of 127.0.0.1 (bounded waits), calls a request handled in Application, one handled in Infrastructure and a
# command whose domain event reaches handlers in both, and always stops the host. Then the sample's test project (a
# host over the Application module) runs on the packaged build, and the message-only Ordering.Domain must have taken
# CompiledMediator.Abstractions alone.
read -r -d '' ordering_command <<SH
set -e
bash smoke.sh Release
if grep -q '"CompiledMediator/' Ordering.Domain/obj/project.assets.json; then echo "Ordering.Domain took the CompiledMediator package"; exit 1; fi
if ! dotnet test Ordering.Application.Tests/Ordering.Application.Tests.csproj -c Release --no-build -nologo \
     -p:ManagePackageVersionsCentrally=true -p:CompiledMediatorVersion=$version > tests.log 2>&1; then
  tail -n 30 tests.log; exit 1
fi
echo "Ordering.Application.Tests passed on the packages"
SH
run_sample_case ordering-sample-from-packages samples/Ordering Ordering.sln tests/Consumer/ordering-expected.txt "$ordering_command"
# The web sample (issue 21): samples/WebApi/WebApi.sln from the packages, the three integration packages included (each
# must have resolved at the packed version), then its tests over HTTP (WebApplicationFactory, SQLite) on that build.
read -r -d '' webapi_command <<SH
set -e
for package in CompiledMediator.AspNetCore CompiledMediator.FluentValidation CompiledMediator.EntityFrameworkCore; do
  grep -q "\"\$package/$version\"" WebApi/obj/project.assets.json || { echo "WebApi built without \$package $version"; exit 1; }
done
if ! dotnet test WebApi.Tests/WebApi.Tests.csproj -c Release --no-build -nologo \
     -p:ManagePackageVersionsCentrally=true -p:CompiledMediatorVersion=$version > tests.log 2>&1; then
  tail -n 30 tests.log; exit 1
fi
grep -qE 'Passed: +[1-9]' tests.log || { echo "WebApi.Tests ran no test:"; tail -n 30 tests.log; exit 1; }
echo "WebApi.Tests passed on the packages"
SH
run_sample_case webapi-sample-from-packages samples/WebApi WebApi.sln tests/Consumer/webapi-expected.txt "$webapi_command"
run_abstractions_only_case
run_case net10-defaults net10.0 "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>"
run_case net8-nullable-off-no-implicit-usings net8.0 "<Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>"
run_case oldest-language-version-csharp8 net8.0 "<LangVersion>8.0</LangVersion><Nullable>enable</Nullable>"
# The generated class renamed and moved by the package's MSBuild properties; the program registers it with the
# renamed AddShopMediator() and publishes through IPublisher (RENAMED in Program.cs).
run_case renamed-mediator net10.0 "<Nullable>enable</Nullable><MediatorNamespace>Consumer.Messaging</MediatorNamespace><MediatorClassName>ShopMediator</MediatorClassName><DefineConstants>\$(DefineConstants);RENAMED</DefineConstants>"
run_no_container_case
run_aspnetcore_case
run_rabbitmq_case
run_roslyn48_case
run_ref_struct_case

# Issue 19's migration proof: the MediatR 5.1.0 sample ported by one `dotnet format` run of MED0060's code fix, the
# package swapped, built with warnings as errors and its tests run (tests/Migration/run.sh, which prints its own
# PASS/FAIL lines and the files and lines changed by hand). Its cases count here.
run_migration_case() {
  local log="$work/migration.log" summary
  bash "$root/tests/Migration/run.sh" "$feed" "$version" "$work/migration" 2>&1 | tee "$log"
  summary=$(tail -n 1 "$log")
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
  else
    fail "mediatr-migration (tests/Migration/run.sh printed no summary)"
  fi
}
run_migration_case

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
