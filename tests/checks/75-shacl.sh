# SPDX-License-Identifier: MIT
# SHACL: every example output conforms to ontology/shapes.ttl; broken graphs
# do not.  And the ontology documents every term it defines.
if [ -d node_modules/rdf-validate-shacl ]; then
	t_shacl_examples() {
		for f in examples/*.txt tests/data/kenya-ethiopia.txt tests/data/awkward.txt; do
			b=$(basename "$f" .txt)
			d=$(sed -n 's/^date: *//p' "examples/$b.meta" 2>/dev/null)
			"$NKG" extract -q ${d:+--date "$d"} "$f" >"$T/$b.ttl" || return 1
			node tests/shacl/validate.mjs ontology/shapes.ttl "$T/$b.ttl" ontology/newskg.ttl ||
				{ echo "$f does not conform"; return 1; }
		done
		if [ -n "$SHARED" ]; then
			"$NKG" extract -q "$SHARED/corpus/seed-cuba-venezuela.txt" >"$T/seed.ttl" &&
				node tests/shacl/validate.mjs ontology/shapes.ttl "$T/seed.ttl" ontology/newskg.ttl
		fi
	}
	check shacl-examples-conform t_shacl_examples
	t_shacl_valid() { node tests/shacl/validate.mjs ontology/shapes.ttl tests/shacl/valid-basic.ttl ontology/newskg.ttl; }
	check shacl-valid-sample t_shacl_valid
	# a corpus event has no rule or evidence of its own: the event shapes
	# must not ask it for them
	t_shacl_valid_corpus() { node tests/shacl/validate.mjs ontology/shapes.ttl tests/shacl/valid-corpus.ttl ontology/newskg.ttl; }
	check shacl-valid-corpus-sample t_shacl_valid_corpus
	for f in tests/shacl/broken-*.ttl; do
		t_shacl_broken() {
			node tests/shacl/validate.mjs ontology/shapes.ttl "$1" ontology/newskg.ttl
			[ $? -eq 1 ]
		}
		check "shacl-rejects-$(basename "$f" .ttl)" t_shacl_broken "$f"
	done
else
	skip shacl "node_modules/rdf-validate-shacl missing (run make deps) (skipped)"
fi

t_ontology_documented() {
	/usr/bin/python3 - <<'PY'
import sys, rdflib
from rdflib.namespace import RDF, RDFS, OWL
g = rdflib.Graph(); g.parse("ontology/newskg.ttl", format="turtle")
NS = "https://w3id.org/newskg/ns#"
kinds = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
         OWL.AnnotationProperty, RDF.Property, OWL.NamedIndividual)
terms = {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}
# terms used anywhere in the namespace must be declared too
used = {t for tr in g for t in tr if isinstance(t, rdflib.URIRef) and str(t).startswith(NS) and str(t) != NS}
bad = []
for t in sorted(terms | used):
    if t not in terms:
        bad.append("%s is used but not declared" % t)
        continue
    for p in (RDFS.label, RDFS.comment):
        if not list(g.objects(t, p)):
            bad.append("%s has no %s" % (t, p.split("#")[1]))
onto = list(g.subjects(RDF.type, OWL.Ontology))
if not onto or not g.value(onto[0], OWL.versionInfo):
    bad.append("the ontology declares no owl:versionInfo")
if onto and not g.value(onto[0], rdflib.URIRef("http://purl.org/dc/terms/license")):
    bad.append("the ontology declares no dct:license")
for b in bad:
    print(b)
print("%d terms checked" % len(terms))
sys.exit(1 if bad else 0)
PY
}
check ontology-documented t_ontology_documented
