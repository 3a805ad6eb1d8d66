# tally: build, install, regenerate the man page and completions, test, try on sample data.
#
#   make build                      release build (.build/release/tally)
#   sudo make install               binary, man page, bash/zsh/fish completions, docs under PREFIX
#   make install PREFIX=$HOME/.local
#   make uninstall                  removes what install put there
#   make man completions            regenerates docs/man/tally.1 and completions/ (committed)
#   make test                       swift test
#   make cron-check                 installs into a temporary prefix and runs the documented
#                                   crontab lines under cron's environment (CI runs it)
#   make sample                     the report on sample-data/ into out/sample (final October invoices,
#                                   recorded in out/sample-ledger.sqlite)
#
# DESTDIR is honoured for packaging (make install DESTDIR=/tmp/pkg PREFIX=/usr).

PREFIX     ?= /usr/local
DESTDIR    ?=
SWIFT      ?= swift
BINDIR      = $(DESTDIR)$(PREFIX)/bin
MANDIR      = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR     = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR      = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR     = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
DOCDIR      = $(DESTDIR)$(PREFIX)/share/doc/tally

RELEASE_BIN = .build/release/tally
DEBUG_BIN   = .build/debug/tally
# What the binary is built from: a change to any of these rebuilds it on `make install`.
SOURCES    := Package.swift $(wildcard Package.resolved) \
              $(shell find Sources -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' -o -name '*.modulemap' \))
# Installed documentation, in the repository's layout so that its relative links work.
DOCS        = README.md $(wildcard docs/*.md) templates/README.md sample-data/plan.yaml
# The man page's date: fixed so that regenerating it only changes what changed.
MAN_DATE   ?= 2026-11-29
# make sample: the period and "now" of the sample report (October is final on 29 November).
SAMPLE_PERIOD ?= 2026-10
SAMPLE_AS_OF  ?= 2026-11-29T00:00:00Z

.PHONY: all build install uninstall man completions test cron-check sample clean

all: build

build: $(RELEASE_BIN)

# swift build decides what to recompile; the touch keeps make from asking again when
# a change (a comment, say) left the linked binary as it was.
$(RELEASE_BIN): $(SOURCES)
	$(SWIFT) build -c release --product tally
	@touch $@

$(DEBUG_BIN): $(SOURCES)
	$(SWIFT) build --product tally
	@touch $@

# The man page names $(PREFIX) where it says /usr/local (the binary, the docs).
install: $(RELEASE_BIN)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(RELEASE_BIN) $(BINDIR)/tally
	sed 's|/usr/local/|$(PREFIX)/|g' docs/man/tally.1 > $(MANDIR)/tally.1 && chmod 0644 $(MANDIR)/tally.1
	install -m 0644 completions/tally.bash $(BASHDIR)/tally
	install -m 0644 completions/_tally $(ZSHDIR)/_tally
	install -m 0644 completions/tally.fish $(FISHDIR)/tally.fish
	for f in $(DOCS); do install -d "$(DOCDIR)/$$(dirname $$f)" && install -m 0644 "$$f" "$(DOCDIR)/$$f"; done

uninstall:
	rm -f $(BINDIR)/tally $(MANDIR)/tally.1 $(BASHDIR)/tally $(ZSHDIR)/_tally $(FISHDIR)/tally.fish
	rm -rf $(DOCDIR)

# The man page comes from the same ArgumentParser definitions as --help (argument-parser's
# generate-manual plugin; works offline). scripts/man-page.awk makes it clean under
# `man --warnings`, keeps the examples pasteable and adds docs/man/sections.mdoc.
man:
	$(SWIFT) package plugin generate-manual --configuration debug --date $(MAN_DATE)
	install -d docs/man
	awk -v sections=docs/man/sections.mdoc -f scripts/man-page.awk \
		.build/plugins/GenerateManual/outputs/tally/tally.1 > docs/man/tally.1

completions: $(DEBUG_BIN)
	install -d completions
	$(DEBUG_BIN) --generate-completion-script bash > completions/tally.bash
	$(DEBUG_BIN) --generate-completion-script zsh > completions/_tally
	$(DEBUG_BIN) --generate-completion-script fish > completions/tally.fish

test:
	$(SWIFT) test

cron-check:
	scripts/cron-check.sh

sample: $(RELEASE_BIN)
	@test -f sample-data/history.sqlite || { echo "sample-data/history.sqlite is missing (generate it with 'tally sample')" >&2; exit 66; }
	$(RELEASE_BIN) report sample-data/history.sqlite --plan sample-data/plan.yaml --ledger out/sample-ledger.sqlite \
		--out out/sample --period $(SAMPLE_PERIOD) --as-of $(SAMPLE_AS_OF) --log-level info
	@echo "open out/sample/usage.html"

clean:
	rm -rf .build out/sample out/.sample.tally-lock out/sample.lock out/sample-ledger.sqlite*
