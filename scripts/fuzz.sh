#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ and runs it; see README.md ("Fuzzing").
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]   fuzz for SECONDS
#   scripts/fuzz.sh TARGET merge                          add what was found to Fuzz/corpus/TARGET
#   scripts/fuzz.sh TARGET minimize                       rebuild Fuzz/corpus/TARGET, smallest
#
#   scripts/fuzz.sh serve COUNT [SEED]                   COUNT requests at kubegrid serve's HTTP layer
#
# `serve` runs Tests/Parity/serve_fuzz.py against .build/debug/kubegrid (after swift
# build): malformed JSON/YAML, bad paths and selectors, huge bodies, slow clients and
# half-closed connections; it fails when an answer is not a Status or the server goes down.
# The test command runs a bounded 2 x 300 of it (test_serve_fuzz.py).
#
# TARGET is set (the --set family), yaml or json. Inputs the fuzzer finds go to
# Fuzz/.build/work/TARGET/corpus and crashes to Fuzz/.build/work/TARGET/artifacts (both
# ignored by git); `merge` copies into the committed corpus the new inputs that reach
# code it does not. FUZZ_ASAN=1 adds AddressSanitizer (a third of the speed).
set -euo pipefail

usage() { echo "usage: scripts/fuzz.sh set|yaml|json SECONDS|merge|minimize [libFuzzer flags...] | serve COUNT [SEED]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
target=$1 mode=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)

if [[ $target == serve ]]; then
    [[ $mode =~ ^[0-9]+$ ]] || usage
    cd "$root/Tests/Parity"
    exec "${PYTHON:-$root/.venv/bin/python}" serve_fuzz.py --count "$mode" --seed "${1:-$(date +%s)}" \
        "${KUBEGRID:-$root/.build/debug/kubegrid}"
fi

# Seeds besides the committed corpus: the hand-written ones, and the repository's own
# files of the kind (examples, chart files, golden renders).
case $target in
    set) repo_files=(); max_len=2048 ;;
    yaml) repo_files=(examples/*.yaml charts/*/*.yaml Tests/KubeGridCoreTests/Charts/Golden/*.yaml); max_len=8192 ;;
    json) repo_files=(charts/*/values.schema.json); max_len=8192 ;;
    *) usage ;;
esac

sanitizers=fuzzer scratch="$root/Fuzz/.build"
if [[ ${FUZZ_ASAN:-0} == 1 ]]; then sanitizers=fuzzer,address scratch="$root/Fuzz/.build/asan"; fi
swift build --package-path "$root/Fuzz" --scratch-path "$scratch" -c release \
    -Xswiftc "-sanitize=$sanitizers" --product "fuzz-$target" >&2
fuzzer="$scratch/release/fuzz-$target"

corpus="$root/Fuzz/corpus/$target"
work="$root/Fuzz/.build/work/$target"
mkdir -p "$corpus" "$work/corpus" "$work/artifacts" "$work/repo-seeds"
# Copied, because libFuzzer's merge chokes on the symlinked folders under charts/.
for file in "${repo_files[@]}"; do cp "$root/$file" "$work/repo-seeds/$(echo "$file" | tr / _)"; done
seeds=("$root/Fuzz/seeds/$target" "$work/repo-seeds")
# Swift's own crash backtracer would catch the trap before libFuzzer could save the input.
export SWIFT_BACKTRACE=enable=no

# Edges only (hit counts ignored): nearly all the coverage in a tenth of the files.
if [[ $mode == merge ]]; then
    # Adds the found inputs that reach new edges; the committed files stay as they are.
    "$fuzzer" -merge=1 -use_counters=0 -timeout=10 -max_len="$max_len" "$corpus" "$work/corpus" "${seeds[@]}" "$@"
    echo "Fuzz/corpus/$target: $(find "$corpus" -type f | wc -l) files" >&2
    exit 0
fi
if [[ $mode == minimize ]]; then
    # Rebuilds the corpus as a set cover of everything known, keeping regression-* files.
    fresh=$(mktemp -d)
    trap 'rm -rf "$fresh"' EXIT
    "$fuzzer" -set_cover_merge=1 -use_counters=0 -timeout=10 -max_len="$max_len" "$fresh" "$corpus" "$work/corpus" "${seeds[@]}" "$@"
    find "$corpus" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
    cp "$fresh"/* "$corpus"/
    for kept in "$corpus"/regression-*; do
        [[ -e $kept ]] && rm -f "$corpus/$(sha1sum <"$kept" | cut -d' ' -f1)"
    done
    echo "Fuzz/corpus/$target: $(find "$corpus" -type f | wc -l) files" >&2
    exit 0
fi

[[ $mode =~ ^[0-9]+$ ]] || usage
exec "$fuzzer" "$work/corpus" "$corpus" "${seeds[@]}" \
    -dict="$root/Fuzz/dictionaries/$target.dict" -max_len="$max_len" \
    -max_total_time="$mode" -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
