// End-to-end tests of the built tally binary live here.
