# Turns the page argument-parser's generate-manual plugin writes into docs/man/tally.1
# (make man):
#   - a help discussion's blank line becomes .Pp (groff warns "Empty input line");
#   - an EXAMPLES: block becomes a literal display, so that no example is re-wrapped
#     or hyphenated and every line pastes as it is;
#   - the EXIT CODES: table every help repeats is taken out; the first one becomes the
#     page's single EXIT STATUS section (the plugin writes only ".Ex -std");
#   - the hand-written sections (ENVIRONMENT, FILES with the config keys, SEE ALSO)
#     come from the file named by -v sections=..., EXIT STATUS at its marker.
# Usage: awk -v sections=docs/man/sections.mdoc -f scripts/man-page.awk generated.1 > tally.1

function close_block() {
    if (mode == "examples") print ".Ed"
    mode = "text"
}

function exit_status(    i) {
    print ".Sh EXIT STATUS"
    print "Every non-zero status leaves the previous report in the output folder untouched."
    print ".Bl -tag -width Ds"
    for (i = 1; i <= codes; i++) {
        print ".It " code[i]
        print meaning[i]
    }
    print ".El"
}

BEGIN { mode = "text"; codes = 0; tables = 0; paragraph = 0 }

mode == "examples" && /^  / {
    line = substr($0, 3)
    if (line ~ /^[.']/) line = "\\&" line
    print line
    next
}

mode == "exitcodes" && /^  +[0-9]+ / {
    if (tables == 1) { codes++; code[codes] = $1; sub(/^ +[0-9]+ +/, ""); meaning[codes] = $0 }
    next
}

mode == "exitcodes" && /^   / {
    if (tables == 1) { sub(/^ +/, ""); meaning[codes] = meaning[codes] " " $0 }
    next
}

mode != "text" { close_block() }

/^$/ { paragraph = 1; next }

/^EXAMPLES:$/ {
    print ".Pp"
    print "Examples:"
    print ".Bd -literal -offset indent"
    mode = "examples"; paragraph = 0
    next
}

/^EXIT CODES:$/ { tables++; mode = "exitcodes"; paragraph = 0; next }

/^\.Sh "EXIT STATUS"$/ {
    while ((getline extra < sections) > 0) {
        if (extra == ".\\\" @EXIT STATUS@") exit_status()
        else print extra
    }
    close(sections)
    skip_ex = 1
    next
}

skip_ex && /^\.Ex -std/ { next }

NR == 1 {
    print
    print ".\\\" Post-processed by scripts/man-page.awk with docs/man/sections.mdoc: run 'make man', do not edit."
    next
}

/^\.Os$/ {
    print
    print ".\\\" No hyphenation: the words of this page are often commands to paste."
    print ".nr doc-hyphen-flags 0"
    print ".nh"
    next
}

{
    if (paragraph && $0 !~ /^\./) print ".Pp"
    paragraph = 0
    print
}

END { close_block() }
