#!/usr/bin/env bash
# check-release-seams.sh [BIN]: the test seams are compiled out of a release build.
#
# The end-to-end tests drive the debug binary through environment variables
# (TALLY_FAIL_WRITES, TALLY_TEST_PAUSE_AFTER_SCAN, TALLY_TEST_PAUSE_AT_STEP,
# TALLY_TEST_PAUSE_IN_READ, TALLY_TEST_PAUSE_IN_LEDGER); a release
# binary must neither contain their names nor act on them. BIN defaults to
# .build/release/tally (built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/tally}
[ -x "$BIN" ] || swift build -c release --product tally
status=0
for name in TALLY_FAIL_WRITES TALLY_TEST_PAUSE_AFTER_SCAN TALLY_TEST_PAUSE_AT_STEP TALLY_TEST_PAUSE_IN_READ TALLY_TEST_PAUSE_IN_LEDGER; do
  if grep -aq "$name" "$BIN"; then echo "FAIL: $BIN contains $name"; status=1; fi
done
# And in behaviour: a write the seam would fail succeeds, a pause the seam would take is not taken.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BIN" sample --out "$work/s" --jobs 50 --formats sqlite >/dev/null 2>&1
if ! TALLY_FAIL_WRITES='*' TALLY_TEST_PAUSE_AFTER_SCAN="$work/paused" TALLY_TEST_PAUSE_AT_STEP="1:$work/step" TALLY_TEST_PAUSE_IN_READ="$work/read" \
    timeout 20 "$BIN" report "$work/s/history.sqlite" --out "$work/out" --quiet; then
  echo "FAIL: the release binary acted on a test seam"; status=1
fi
if [ -e "$work/paused" ] || [ -e "$work/step" ] || [ -e "$work/read" ]; then echo "FAIL: the release binary paused"; status=1; fi
[ $status -eq 0 ] && echo "ok: $BIN holds no test seam"
exit $status
