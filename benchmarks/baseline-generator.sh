#!/usr/bin/env bash
# Builds the generator as it was at a commit (default: the start of issue 12) and prints the path of its DLL, for
#   TAPIGEN_BASELINE_GENERATOR=$(bash benchmarks/baseline-generator.sh) \
#     dotnet run -c Release --project benchmarks/TapiGen.Benchmarks -- --filter '*EmittedCodeBenchmarks*'
# which then parses what both generators emit, in the same run. Build output goes to a temporary folder.
set -euo pipefail
commit="${1:-9aa2a20}"
cd "$(dirname "$0")/.."
work="${TMPDIR:-/tmp}/tapigen-baseline-$commit"
if [ ! -d "$work" ]; then
  git worktree add --detach "$work" "$commit" >&2
fi
dotnet build "$work/generator/TapiGen.Generator" -c Release -o "$work/out" >&2
echo "$work/out/TapiGen.Generator.dll"
