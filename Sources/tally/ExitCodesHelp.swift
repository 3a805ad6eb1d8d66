/// The exit-code table shown in every command's help (and the man page's EXIT STATUS).
enum ExitCodesHelp {
    static let text = """
        EXIT CODES:
          0    success
          1    anything else (a bug, an unexpected system error); invoices that
               do not reconcile; an adjustment refused by --fail-on-restatement
          64   bad arguments or options
          65   bad data: a malformed input, plan, config or template;
               a skipped row under --strict; a ledger that fails verify
          66   an input that cannot be opened or is not a history; an unknown user
          73   an output that cannot be written, or is locked by another run
          77   stats --api-compat for an inactive user (the endpoint answers 403)
          130  interrupted (SIGINT)
          143  terminated (SIGTERM)
        """
}
