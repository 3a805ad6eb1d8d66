#!/usr/bin/env bash
# Runs tally's libFuzzer targets (JSON reader, timestamp parser, records through every
# accumulator, format and billing) for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
#
# Builds the separate package in fuzz/ with -sanitize=fuzzer,address (Linux, a Swift
# toolchain with libFuzzer). Crashes land in fuzz/artifacts/<target>/; a crash makes
# the script exit non-zero. Not part of `swift test`.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | tail -3
bin="$(swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"
status=0
for target in TallyFuzzJSON TallyFuzzTimestamp TallyFuzzRecords; do
    dict_option=()
    case "$target" in
        TallyFuzzJSON) corpus=corpus/json; dict_option=(-dict=json.dict) ;;
        TallyFuzzTimestamp) corpus=corpus/timestamp; dict_option=(-dict=timestamp.dict) ;;
        TallyFuzzRecords) corpus=corpus/records ;;
    esac
    work="$(mktemp -d)"
    cp "$corpus"/* "$work"/
    mkdir -p "artifacts/$target"
    echo "== $target for ${seconds}s"
    if ! "$bin/$target" "$work" "${dict_option[@]}" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$target/" 2>"$work.log"; then
        status=1
        echo "!! $target found a crash:"; grep -E "Fatal error|ERROR|SUMMARY|Test unit written" "$work.log" | head -5
    fi
    grep -E "stat::number_of_executed_units|cov:|ft:" "$work.log" | tail -2 || true
    rm -rf "$work" "$work.log"
done
exit "$status"
