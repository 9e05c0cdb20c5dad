#!/usr/bin/env bash
# Publishes the sample with Native AOT for linux-x64 and runs the native binary; with a file argument, checks that the
# binary prints exactly that file (what `dotnet run` printed). Installs what the AOT compiler needs on Debian (clang
# and zlib1g-dev, as root, only when missing); the ILCompiler package comes from NuGet in the restore.
set -euo pipefail
cd "$(dirname "$0")"
expected=${1:-}

if ! command -v clang > /dev/null || ! [ -e /usr/include/zlib.h ]; then
  echo "installing clang and zlib1g-dev for the Native AOT linker"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends clang zlib1g-dev > /dev/null
fi

out=$(mktemp -d)
dotnet publish TapiGen.Sample.csproj -c Release -r linux-x64 -p:TreatWarningsAsErrors=true -o "$out" -nologo
binary="$out/TapiGen.Sample"
file "$binary" 2> /dev/null || true
printed=$(mktemp)
"$binary" > "$printed"
if [ -n "$expected" ]; then
  if ! diff -u "$expected" "$printed"; then
    echo "the native binary printed something else than dotnet run (diff above)"
    exit 1
  fi
  echo "the native binary printed the same $(wc -l < "$printed") lines as dotnet run"
else
  cat "$printed"
fi
