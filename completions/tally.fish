function __tally_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tally_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __tally_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tally_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __tally_parse_tokens -S
    set -l unparsed_tokens (__tally_tokens -pc)
    switch $unparsed_tokens[1]
    case 'tally'
        __tally_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'report'
            __tally_parse_subcommand -r 1 'config=' 'user=+' 'strict' 'no-strict' 'lenient' 'jobs=' 'push-down' 'period=' 'from=' 'to=' 'tz=' 'as-of=' 'stuck-after=' 'out=' 'format=' 'templates=' 'paper=' 'csv-bom' 'no-csv-bom' 'private' 'no-private' 'plan=' 'no-plan' 'ledger=' 'fail-on-restatement' 'no-fail-on-restatement' 'log-level=' 'log-format=' 'log-timestamps=' 'quiet' 'version' 'h/help'
        case 'stats'
            __tally_parse_subcommand -r 1 'strict' 'no-strict' 'lenient' 'jobs=' 'push-down' 'user=' 'all-users' 'api-compat' 'pretty' 'out=' 'private' 'log-level=' 'log-format=' 'log-timestamps=' 'quiet' 'version' 'h/help'
        case 'plan'
            __tally_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __tally_parse_subcommand 1 'version' 'h/help'
            end
        case 'ledger'
            __tally_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __tally_parse_subcommand 1 'version' 'h/help'
            case 'show'
                __tally_parse_subcommand 2 'version' 'h/help'
            case 'verify'
                __tally_parse_subcommand 1 'version' 'h/help'
            end
        case 'config'
            __tally_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __tally_parse_subcommand 1 'version' 'h/help'
            end
        case 'sample'
            __tally_parse_subcommand 0 'out=' 'jobs=' 'users=' 'seed=' 'days=' 'end=' 'formats=' 'documents' 'no-documents' 'anomalies' 'no-anomalies' 'nest-documents' 'version' 'h/help'
        case 'help'
            __tally_parse_subcommand -r 1 'version'
        end
    end
end

function __tally_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __tally_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __tally_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __tally_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__tally_tokens -p)
    if test -z "$(__tally_tokens -t)"
        set -l index (count (__tally_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'tally' -f
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'report' -d 'Write the usage report (and invoices with --plan) for a period into a directory.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'stats' -d 'Print the GET /api/history/stats object for a user, byte for byte.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'plan' -d 'Check plan files (prices, tiers, customers).'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'ledger' -d 'Inspect and verify the ledger of final invoices and adjustment notes.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'config' -d 'Check config files (the defaults for tally report).'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'sample' -d 'Generate a deterministic sample history (SQLite, NDJSON, JSON array, full dump).'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally report" -ge 1' -F
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" config' -l 'config' -d 'A config file (YAML) giving defaults for these options (default: $TALLY_CONFIG, else none).' -rfa '(set -l exts \'yaml\' \'yml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report"' -l 'user' -d 'Limit the report to this customer (id or email); repeatable (default: every customer).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" strict' -l 'strict' -d 'Treat any skipped row as fatal (exit 65) instead of a counted warning (default: --no-strict).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" no-strict' -l 'no-strict' -d 'Treat any skipped row as fatal (exit 65) instead of a counted warning (default: --no-strict).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" lenient' -l 'lenient' -d 'Count an NDJSON source\'s last line that is cut short (no newline, unfinished JSON: a file still being written) as a skipped row instead of failing (exit 65).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" jobs' -l 'jobs' -d 'Threads reading the sources (default: the number of cores).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" push-down' -l 'push-down' -d 'Let PostgreSQL compute the numbers (GROUP BY in the database; one PostgreSQL source; stats needs --all-users). Same output as streaming.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" period' -l 'period' -d 'YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month or last-7-days (default: this-month).' -rfka 'yesterday last-month this-month last-7-days'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" from' -l 'from' -d 'First day of a custom period (YYYY-MM-DD, included).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" to' -l 'to' -d 'Day after a custom period (YYYY-MM-DD, excluded).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" tz' -l 'tz' -d 'IANA time zone of the period boundaries (default: the plan\'s timezone, else UTC).' -rfka '(__tally_custom_completion ---completion report -- --tz (count (__tally_tokens -pc)) (__tally_tokens -tC))'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" as-of' -l 'as-of' -d '"Now" as an ISO 8601 timestamp (default: the current time). Fix it for reproducible output.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" stuck-after' -l 'stuck-after' -d 'Jobs pending or processing longer than this at --as-of are stuck: 90m, 6h, 2d (default: 6h).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" out' -l 'out' -d 'Output directory (required, here or in the config); {period} becomes the period\'s name (reports/{period}: reports/2026-11), strftime directives (%Y %m %d…) the date at --as-of in --tz.' -rfa '(__tally_complete_directories)'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" format' -l 'format' -d 'Comma-separated formats to write: html,csv,md,json (default: all four).' -rfka 'html csv md json html,csv,md,json'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" templates' -l 'templates' -d 'Directory with templates overriding the built-in ones by file name (default: none).' -rfa '(__tally_complete_directories)'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" paper' -l 'paper' -d 'Paper size of the printed HTML pages: a4 or letter (default: a4).' -rfka 'a4 letter'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" csv-bom' -l 'csv-bom' -d 'Start CSV files with a UTF-8 byte-order mark, for Excel (default: --no-csv-bom).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" no-csv-bom' -l 'no-csv-bom' -d 'Start CSV files with a UTF-8 byte-order mark, for Excel (default: --no-csv-bom).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" private' -l 'private' -d 'Create output files with mode 0600 instead of 0644 (default: --no-private).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" no-private' -l 'no-private' -d 'Create output files with mode 0600 instead of 0644 (default: --no-private).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" plan' -l 'plan' -d 'A plan file (YAML or JSON): price usage and write the invoices of its billing periods (default: none).' -rfa '(set -l exts \'yaml\' \'yml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" no-plan' -l 'no-plan' -d 'Write no invoices, even when the config file names a plan.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" ledger' -l 'ledger' -d 'The ledger (a SQLite file, created when missing) that records final invoices: numbers them and keeps them unchanged; later differences become adjustment notes (default: none, nothing recorded).' -rfa '(set -l exts \'sqlite\' \'db\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" fail-on-restatement' -l 'fail-on-restatement' -d 'Exit 1, writing nothing, instead of issuing adjustment notes for final invoices the history now prices differently (default: --no-fail-on-restatement).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" no-fail-on-restatement' -l 'no-fail-on-restatement' -d 'Exit 1, writing nothing, instead of issuing adjustment notes for final invoices the history now prices differently (default: --no-fail-on-restatement).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" log-level' -l 'log-level' -d 'Least severe log level shown (default: info on a terminal, warning otherwise).' -rfka 'trace debug info notice warning error critical'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" log-format' -l 'log-format' -d 'Log line format; json writes one JSON object a line, with ts and run (default: text).' -rfka 'text json'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" log-timestamps' -l 'log-timestamps' -d 'Start text log lines with the UTC time (RFC 3339) and the run id: auto (when stderr is not a terminal), always or never (default: auto).' -rfka 'auto always never'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" quiet' -l 'quiet' -d 'Silence warnings; only errors are logged.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally stats" -ge 1' -F
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" strict' -l 'strict' -d 'Treat any skipped row as fatal (exit 65) instead of a counted warning (default: --no-strict).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" no-strict' -l 'no-strict' -d 'Treat any skipped row as fatal (exit 65) instead of a counted warning (default: --no-strict).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" lenient' -l 'lenient' -d 'Count an NDJSON source\'s last line that is cut short (no newline, unfinished JSON: a file still being written) as a skipped row instead of failing (exit 65).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" jobs' -l 'jobs' -d 'Threads reading the sources (default: the number of cores).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" push-down' -l 'push-down' -d 'Let PostgreSQL compute the numbers (GROUP BY in the database; one PostgreSQL source; stats needs --all-users). Same output as streaming.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" user' -l 'user' -d 'The user, by id or email (required unless --all-users).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" all-users' -l 'all-users' -d 'Write DIR/<user_id>.json for every user plus DIR/index.json (needs --out).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" api-compat' -l 'api-compat' -d 'Exactly what the endpoint returns: newest 1000 jobs including anonymous ones; 403 (exit 77) for an inactive user.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" pretty' -l 'pretty' -d 'Indent the JSON for people.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" out' -l 'out' -d 'Directory for --all-users (default: none; a single user\'s stats go to stdout).' -rfa '(__tally_complete_directories)'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" private' -l 'private' -d 'Create output files with mode 0600 instead of 0644.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" log-level' -l 'log-level' -d 'Least severe log level shown (default: info on a terminal, warning otherwise).' -rfka 'trace debug info notice warning error critical'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" log-format' -l 'log-format' -d 'Log line format; json writes one JSON object a line, with ts and run (default: text).' -rfka 'text json'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" log-timestamps' -l 'log-timestamps' -d 'Start text log lines with the UTC time (RFC 3339) and the run id: auto (when stderr is not a terminal), always or never (default: auto).' -rfka 'auto always never'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" quiet' -l 'quiet' -d 'Silence warnings; only errors are logged.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally plan" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally plan" -eq 1' -fa 'check' -d 'Validate a billing plan file (YAML or JSON).'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally plan check" -eq 1' -fa '(set -l exts \'yaml\' \'yml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally plan check" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally plan check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger" -eq 1' -fa 'list' -d 'Print one tab-separated line per ledger entry (periods, invoices, notes), oldest first.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger" -eq 1' -fa 'show' -d 'Print one invoice or adjustment note of the ledger with its lines.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger" -eq 1' -fa 'verify' -d 'Check the ledger\'s hash chain, that every total is the sum of its lines, and that numbers have no gaps.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger list" -eq 1' -fa '(set -l exts \'sqlite\' \'db\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger list" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger show" -eq 1' -fa '(set -l exts \'sqlite\' \'db\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger show" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally ledger verify" -eq 1' -fa '(set -l exts \'sqlite\' \'db\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger verify" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally ledger verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally config" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally config" -eq 1' -fa 'check' -d 'Validate a tally config file (YAML).'
complete -c 'tally' -n '__tally_should_offer_completions_for_positional "tally config check" -eq 1' -fa '(set -l exts \'yaml\' \'yml\' \'json\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally config check" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally config check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" out' -l 'out' -d 'Directory to write the files into (created when missing).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" jobs' -l 'jobs' -d 'Number of jobs.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" users' -l 'users' -d 'Number of users (at least 1).' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" seed' -l 'seed' -d 'Seed of the generator.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" days' -l 'days' -d 'Length of the time window in days.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" end' -l 'end' -d 'End of the time window, an ISO 8601 timestamp.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" formats' -l 'formats' -d 'Forms to write, comma separated: sqlite, ndjson, json, dump.' -rfka ''
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" documents' -l 'documents' -d 'Write documents (they are generated either way).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" no-documents' -l 'no-documents' -d 'Write documents (they are generated either way).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" anomalies' -l 'anomalies' -d 'Plant the deliberate bad rows (inconsistent counters, 1970/9999 dates, ties).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" no-anomalies' -l 'no-anomalies' -d 'Plant the deliberate bad rows (inconsistent counters, 1970/9999 dates, ties).'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" nest-documents' -l 'nest-documents' -d 'Nest each job\'s documents in the NDJSON and JSON-array forms.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" version' -l 'version' -d 'Show the version.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally sample" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tally' -n '__tally_should_offer_completions_for_flags_or_options "tally help" version' -l 'version' -d 'Show the version.'
