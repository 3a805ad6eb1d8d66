# tally: build, install, regenerate the man page and completions, test, try on sample data.
#
#   make build                      release build (.build/release/tally)
#   sudo make install               binary, man page, bash/zsh/fish completions under PREFIX
#   make install PREFIX=$HOME/.local
#   make uninstall                  removes what install put there
#   make man completions            regenerates docs/man/tally.1 and completions/ (committed)
#   make test                       swift test
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

RELEASE_BIN = .build/release/tally
DEBUG_BIN   = .build/debug/tally
# The man page's date: fixed so that regenerating it only changes what changed.
MAN_DATE   ?= 2026-11-29
# make sample: the period and "now" of the sample report (October is final on 29 November).
SAMPLE_PERIOD ?= 2026-10
SAMPLE_AS_OF  ?= 2026-11-29T00:00:00Z

.PHONY: all build install uninstall man completions test sample clean

all: build

build:
	$(SWIFT) build -c release --product tally

$(RELEASE_BIN):
	$(SWIFT) build -c release --product tally

install: $(RELEASE_BIN)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(RELEASE_BIN) $(BINDIR)/tally
	install -m 0644 docs/man/tally.1 $(MANDIR)/tally.1
	install -m 0644 completions/tally.bash $(BASHDIR)/tally
	install -m 0644 completions/_tally $(ZSHDIR)/_tally
	install -m 0644 completions/tally.fish $(FISHDIR)/tally.fish

uninstall:
	rm -f $(BINDIR)/tally $(MANDIR)/tally.1 $(BASHDIR)/tally $(ZSHDIR)/_tally $(FISHDIR)/tally.fish

# The man page comes from the same ArgumentParser definitions as --help
# (argument-parser's generate-manual plugin; works offline).
man:
	$(SWIFT) package plugin generate-manual --configuration debug --date $(MAN_DATE)
	install -d docs/man
	cp .build/plugins/GenerateManual/outputs/tally/tally.1 docs/man/tally.1

completions:
	$(SWIFT) build --product tally
	install -d completions
	$(DEBUG_BIN) --generate-completion-script bash > completions/tally.bash
	$(DEBUG_BIN) --generate-completion-script zsh > completions/_tally
	$(DEBUG_BIN) --generate-completion-script fish > completions/tally.fish

test:
	$(SWIFT) test

sample: $(RELEASE_BIN)
	@test -f sample-data/history.sqlite || { echo "sample-data/history.sqlite is missing (generate it with 'tally sample')" >&2; exit 66; }
	$(RELEASE_BIN) report sample-data/history.sqlite --plan sample-data/plan.yaml --ledger out/sample-ledger.sqlite \
		--out out/sample --period $(SAMPLE_PERIOD) --as-of $(SAMPLE_AS_OF) --log-level info
	@echo "open out/sample/usage.html"

clean:
	rm -rf .build out/sample out/sample.lock out/sample-ledger.sqlite*
