#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/Package.swift (each executable target) for a bounded
# time each; `.ci/run` runs it after the tests.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
#
# Target TallyFuzzX reads its seed corpus from fuzz/corpus/x and its dictionary from
# fuzz/x.dict (x: the name after TallyFuzz, lowercased; both optional). Builds the
# separate package in fuzz/ with -sanitize=fuzzer,address (Linux; libFuzzer comes with
# the Swift toolchain). A crash, a leak, a timeout (10 s for one input) or 2 GB of memory
# is a failure: the script prints why and the input, keeps the input in
# fuzz/artifacts/<target>/, runs the other targets and exits non-zero.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "== building fuzz targets"
if ! swift build "${flags[@]}" >"$log" 2>&1; then
    tail -40 "$log"
    echo "!! the fuzz targets do not build"
    exit 1
fi
bin="$(swift build "${flags[@]}" --show-bin-path)"
targets="$(swift package describe | awk '/^Targets:/ { inside = 1 } inside && $1 == "Name:" { name = $2 } inside && $1 == "Type:" && $2 == "executable" { print name }' | sort)"
if [ -z "$targets" ]; then
    echo "!! no executable targets in fuzz/Package.swift"
    exit 1
fi
status=0
for target in $targets; do
    name="$(printf '%s' "${target#TallyFuzz}" | tr '[:upper:]' '[:lower:]')"
    work="$(mktemp -d)"
    if [ -d "corpus/$name" ]; then cp -R "corpus/$name/." "$work/"; fi
    dict=()
    if [ -f "$name.dict" ]; then dict=("-dict=$name.dict"); fi
    mkdir -p "artifacts/$target"
    echo "== $target for ${seconds}s (corpus: $(ls "$work" | wc -l) inputs${dict:+, ${dict[0]#-dict=}})"
    if ! "$bin/$target" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$target/" >"$log" 2>&1; then
        status=1
        echo "!! $target failed:"
        grep -E "Fatal error|ERROR|SUMMARY|Test unit written|==[0-9]+==" "$log" | head -12 || tail -20 "$log"
        for input in "artifacts/$target"/*; do
            [ -f "$input" ] || continue
            echo "-- $input ($(wc -c <"$input") bytes), reproduce with: fuzz/.build/debug/$target $input"
            head -c 512 "$input" | od -c | head -12
        done
    fi
    grep -E "stat::number_of_executed_units|cov:|ft:" "$log" | tail -2 || true
    rm -rf "$work"
done
exit "$status"
