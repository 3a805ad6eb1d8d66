#!/usr/bin/env bash
# Runs the documented crontab lines the way cron runs them, against a real install:
#   1. make install PREFIX=<temporary prefix>;
#   2. every crontab line that calls tally, from README.md, docs/*.md and the help
#      (tally --help, tally help report, tally help stats), with /usr/local replaced by
#      the prefix and the files it names (/etc/tally.yaml, /etc/tally/plan.yaml,
#      /var/lib/docproc/history.sqlite, /var/lib/tally/..., /srv/..., /var/log/...) by temporary ones, and a
#      PostgreSQL address ('postgresql://...', service=NAME) by the sample history (the
#      end-to-end tests read real databases; here the rest of the line is what is checked);
#   3. each under cron's environment: env -i PATH=/usr/bin:/bin, /bin/sh -c, from $HOME,
#      with the TALLY_CONFIG= line of its crontab; each must exit 0.
# Then checks that make install would rebuild the binary after a source change.
# CI runs it from .ci/run; `make cron-check` runs it by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tally-cron-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

echo "cron-check: make install PREFIX=$prefix"
make -C "$root" install PREFIX="$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
test -x "$prefix/bin/tally"
test -f "$prefix/share/doc/tally/docs/scheduling.md"
grep -q "$prefix/share/doc/tally" "$prefix/share/man/man1/tally.1"
if env -i PATH=/usr/bin:/bin /bin/sh -c 'command -v tally' >/dev/null; then
    echo "cron-check: tally is on /usr/bin:/bin already, so a bare 'tally' would pass: remove it first" >&2
    exit 1
fi

# The files the documented lines name.
mkdir -p "$work/etc/tally" "$work/srv" "$work/var/log" "$work/var/lib/tally" "$work/home"
cp "$root/sample-data/history.sqlite" "$work/history.sqlite"
cp "$root/sample-data/plan.yaml" "$work/etc/tally/plan.yaml"
cat >"$work/etc/tally.yaml" <<CONFIG
sources: [$work/history.sqlite]
timezone: Europe/Berlin
out: $work/srv/reports/daily/{period}
CONFIG

# The code lines (fenced or indented) of a Markdown file.
code_lines() { awk '/^[ \t]*```/ { fenced = !fenced; next } fenced || /^    / { print }' "$1"; }

# The example lines of the help screens.
help_lines() {
    for command in "" "report" "stats"; do
        "$prefix/bin/tally" help $command | awk '/^EXAMPLES:$/ { on = 1; next } on && /^  / { print; next } { on = 0 }'
    done
}

# Every crontab entry that calls tally: "<file> US <TALLY_CONFIG or empty> US <command>"
# (US, the ASCII unit separator: a field may be empty, and read collapses runs of tabs).
entries() {
    local file config
    for file in "$root/README.md" "$root"/docs/*.md; do
        config=$(code_lines "$file" | sed -n 's/^TALLY_CONFIG=//p' | head -n 1)
        code_lines "$file" | awk -v file="${file#"$root"/}" -v config="$config" -f "$root/scripts/crontab-entries.awk"
    done
    help_lines | awk -v file="tally --help" -v config="" -f "$root/scripts/crontab-entries.awk"
}

substitute() {
    sed -e "s|/usr/local/|$prefix/|g" -e "s|/etc/tally|$work/etc/tally|g" \
        -e "s|/var/lib/docproc/history.sqlite|$work/history.sqlite|g" \
        -e "s|/srv/|$work/srv/|g" -e "s|/var/log/|$work/var/log/|g" -e "s|/var/lib/tally/|$work/var/lib/tally/|g" \
        -e 's|\\%|%|g' \
        -e "s|'postgres[a-z]*://[^']*'|$work/history.sqlite|g" -e "s|service=[A-Za-z0-9_.-]*|$work/history.sqlite|g"
}

count=0
failed=0
while IFS=$'\x1f' read -r file config command; do
    case $command in *"/usr/local/bin/tally "*) ;; *) echo "cron-check: $file: '$command' does not run /usr/local/bin/tally" >&2; failed=1; continue ;; esac
    run=$(printf '%s\n' "$command" | substitute)
    environment=(PATH=/usr/bin:/bin HOME="$work/home" SHELL=/bin/sh LOGNAME=tally)
    [ -n "$config" ] && environment+=(TALLY_CONFIG="$(printf '%s\n' "$config" | substitute)")
    count=$((count + 1))
    if (cd "$work/home" && env -i "${environment[@]}" /bin/sh -c "$run") >"$work/out.log" 2>&1; then
        echo "cron-check: ok   $file: $command"
    else
        status=$?
        echo "cron-check: FAIL $file (exit $status): $command" >&2
        sed 's/^/    /' "$work/out.log" >&2
        failed=1
    fi
done < <(entries)

if [ "$count" -lt 5 ]; then echo "cron-check: only $count crontab lines found" >&2; failed=1; fi

# make install rebuilds after a source change: the binary is up to date now, and would
# not be if a source were newer (-W pretends it is, without touching it).
if ! make -C "$root" -q .build/release/tally; then echo "cron-check: the binary is out of date right after make install" >&2; failed=1; fi
if make -C "$root" -q -W Sources/tally/Tally.swift .build/release/tally; then
    echo "cron-check: make install would not rebuild after a source change" >&2
    failed=1
fi

[ "$failed" -eq 0 ] && echo "cron-check: $count crontab lines ran under cron's environment, exit 0"
exit "$failed"
