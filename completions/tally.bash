#!/bin/bash

__tally_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__tally_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__tally_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__tally_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_tally() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __tally_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    report|stats|plan|ledger|config|sample|help)
        # Offer subcommand argument completions
        "_tally_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'report stats plan ledger config sample help' -- "${cur}"))
        ;;
    esac
}

_tally_report() {
    repeating_flags=()
    non_repeating_flags=(--strict --no-strict --lenient --push-down --csv-bom --no-csv-bom --private --no-private --no-plan --fail-on-restatement --no-fail-on-restatement --quiet --version -h --help)
    repeating_options=(--user)
    non_repeating_options=(--config --jobs --period --from --to --tz --as-of --stuck-after --out --format --templates --paper --plan --ledger --log-level --log-format --log-timestamps)
    __tally_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __tally_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    '--user')
        return
        ;;
    '--jobs')
        return
        ;;
    '--period')
        __tally_add_completions -W 'yesterday'$'\n''last-month'$'\n''this-month'$'\n''last-7-days'
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--tz')
        __tally_add_completions -W "$(__tally_custom_complete ---completion report -- --tz "${COMP_CWORD}" "$(__tally_cursor_index_in_current_word)")"
        return
        ;;
    '--as-of')
        return
        ;;
    '--stuck-after')
        return
        ;;
    '--out')
        __tally_add_completions -d
        return
        ;;
    '--format')
        __tally_add_completions -W 'html'$'\n''csv'$'\n''md'$'\n''json'$'\n''html,csv,md,json'
        return
        ;;
    '--templates')
        __tally_add_completions -d
        return
        ;;
    '--paper')
        __tally_add_completions -W 'a4'$'\n''letter'
        return
        ;;
    '--plan')
        __tally_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    '--ledger')
        __tally_add_completions -o plusdirs -fX '!*.@(sqlite|db)'
        return
        ;;
    '--log-level')
        __tally_add_completions -W 'trace'$'\n''debug'$'\n''info'$'\n''notice'$'\n''warning'$'\n''error'$'\n''critical'
        return
        ;;
    '--log-format')
        __tally_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--log-timestamps')
        __tally_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __tally_add_completions -f
        return
        ;;
    esac
}

_tally_stats() {
    repeating_flags=()
    non_repeating_flags=(--strict --no-strict --lenient --push-down --all-users --api-compat --pretty --private --quiet --version -h --help)
    repeating_options=()
    non_repeating_options=(--jobs --user --out --log-level --log-format --log-timestamps)
    __tally_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--jobs')
        return
        ;;
    '--user')
        return
        ;;
    '--out')
        __tally_add_completions -d
        return
        ;;
    '--log-level')
        __tally_add_completions -W 'trace'$'\n''debug'$'\n''info'$'\n''notice'$'\n''warning'$'\n''error'$'\n''critical'
        return
        ;;
    '--log-format')
        __tally_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--log-timestamps')
        __tally_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __tally_add_completions -f
        return
        ;;
    esac
}

_tally_plan() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check)
        # Offer subcommand argument completions
        "_tally_plan_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check' -- "${cur}"))
        ;;
    esac
}

_tally_plan_check() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tally_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    esac
}

_tally_ledger() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|verify)
        # Offer subcommand argument completions
        "_tally_ledger_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show verify' -- "${cur}"))
        ;;
    esac
}

_tally_ledger_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tally_add_completions -o plusdirs -fX '!*.@(sqlite|db)'
        return
        ;;
    esac
}

_tally_ledger_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 2

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tally_add_completions -o plusdirs -fX '!*.@(sqlite|db)'
        return
        ;;
    esac
}

_tally_ledger_verify() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tally_add_completions -o plusdirs -fX '!*.@(sqlite|db)'
        return
        ;;
    esac
}

_tally_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check)
        # Offer subcommand argument completions
        "_tally_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check' -- "${cur}"))
        ;;
    esac
}

_tally_config_check() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __tally_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    esac
}

_tally_sample() {
    repeating_flags=()
    non_repeating_flags=(--documents --no-documents --anomalies --no-anomalies --nest-documents --version -h --help)
    repeating_options=()
    non_repeating_options=(--out --jobs --users --seed --days --end --formats)
    __tally_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--out')
        return
        ;;
    '--jobs')
        return
        ;;
    '--users')
        return
        ;;
    '--seed')
        return
        ;;
    '--days')
        return
        ;;
    '--end')
        return
        ;;
    '--formats')
        return
        ;;
    esac
}

_tally_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __tally_offer_flags_options -1
}

complete -o filenames -F _tally tally
