# The corpus of our own news texts with their expected facts.  Cases the
# extractor does not pass yet are listed in tests/cases/KNOWN-FAILURES: a
# failure of any other case is a regression and fails this check.
if [ -x tests/run-cases ]; then
	t_cases() {
		tests/run-cases --newskg "$NKG" --ontology ontology/newskg.ttl >"$T/cases.out" 2>&1
		tail -1 "$T/cases.out"
		grep '^FAIL' "$T/cases.out" | sed 's/^FAIL \([^:]*\):.*/\1/' | sort -u >"$T/failing"
		grep -v '^#' tests/cases/KNOWN-FAILURES | sort -u >"$T/known"
		new=$(comm -23 "$T/failing" "$T/known")
		fixed=$(comm -13 "$T/failing" "$T/known")
		[ -n "$fixed" ] && echo "now passing (remove from KNOWN-FAILURES): $fixed"
		if [ -n "$new" ]; then
			echo "regressions:"
			for n in $new; do grep "^FAIL $n:" "$T/cases.out"; done
			return 1
		fi
		return 0
	}
	check cases-no-regression t_cases
fi
if [ -x tests/selftest-run-cases ]; then
	check cases-runner-selftest tests/selftest-run-cases
fi
