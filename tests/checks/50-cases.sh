# SPDX-License-Identifier: MIT
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

# The corpus covers what issue 3 asks of it: 30+ texts, 15+ countries,
# every one of the sixteen PLOVER types among the expected events.
t_cases_coverage() {
	/usr/bin/python3 - <<'PY'
import glob, re, rdflib
NKG = "https://w3id.org/newskg/ns#"
TOP = {"Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat",
       "Request", "Accuse", "Reject", "Threaten", "Protest", "Sanction",
       "Mobilize", "Coerce", "Assault"}
g = rdflib.Graph(); g.parse("ontology/newskg.ttl", format="turtle")
def tops(name, seen=()):
    if name in TOP:
        return {name}
    out = set()
    for sup in g.objects(rdflib.URIRef(NKG + name), rdflib.RDFS.subClassOf):
        s = str(sup)
        if s.startswith(NKG) and s not in seen:
            out |= tops(s[len(NKG):], seen + (s,))
    return out
texts = sorted(glob.glob("tests/cases/*.txt"))
types, countries = set(), set()
for f in glob.glob("tests/cases/*.expect"):
    for line in open(f, encoding="utf-8"):
        m = re.match(r"event (\w+)(.*)", line)
        if m:
            types |= tops(m.group(1))
            countries |= set(re.findall(r"=([A-Z]{3})\b", m.group(2)))
print(len(texts), "texts,", len(countries), "countries,", len(types), "types;",
      "missing:", sorted(TOP - types))
assert len(texts) >= 30 and len(countries) >= 15 and types == TOP
PY
}
check cases-coverage t_cases_coverage
