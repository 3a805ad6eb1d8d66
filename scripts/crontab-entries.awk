# Prints the crontab entries among its input lines that call tally, as
# "<file> US <config> US <command>" (US: the ASCII unit separator): five time fields (or an @nickname), then the command.
# Used by scripts/cron-check.sh; the test DocumentedCrontabTests reads the same lines.
{
    line = $0
    sub(/^[ \t]+/, "", line)
    n = split(line, f, /[ \t]+/)
    if (f[1] ~ /^@[a-z]+$/ && n > 1) {
        command = line; sub(/^@[a-z]+[ \t]+/, "", command)
    } else if (n > 5 && f[1] ~ /^[0-9*][0-9*,\/-]*$/ && f[2] ~ /^[0-9*][0-9*,\/-]*$/ && f[3] ~ /^[0-9*][0-9*,\/-]*$/ \
               && f[4] ~ /^[0-9*][0-9*,\/-]*$/ && f[5] ~ /^[0-9*][0-9*,\/-]*$/) {
        command = line
        for (i = 0; i < 5; i++) sub(/^[^ \t]+[ \t]+/, "", command)
    } else next
    split(command, words, /[ \t]+/)
    if (words[1] ~ /(^|\/)tally$/) printf "%s\037%s\037%s\n", file, config, command
}
