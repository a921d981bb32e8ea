# The corpus of our own news texts with their expected facts.
if [ -x tests/run-cases ]; then
	check cases tests/run-cases --newskg "$NKG" --ontology ontology/newskg.ttl
fi
if [ -x tests/selftest-run-cases ]; then
	check cases-runner-selftest tests/selftest-run-cases
fi
