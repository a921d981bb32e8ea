# SPDX-License-Identifier: MIT
# Provenance levels (--provenance full|events|none): what each keeps, and
# that each is valid against the shapes.
t_prov_levels() {
	# the examples and our cases: enough text that some node is mentioned
	# in a sentence that is not the first mention of anything
	for l in full events none; do
		"$NKG" extract -q --provenance "$l" -f nquads examples/*.txt tests/cases/*.txt >"$T/prov-$l.nq" || return 1
	done
	"$NKG" extract -q -f nquads examples/*.txt tests/cases/*.txt >"$T/prov-default.nq" || return 1
	cmp -s "$T/prov-default.nq" "$T/prov-events.nq" || { echo "the default is not events"; return 1; }
	/usr/bin/python3 - "$T" <<'PY'
import collections, re, sys
NKG = "<https://w3id.org/newskg/ns#"
EV, MENTION = NKG + "evidence>", NKG + "Mention>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LEVEL = NKG + "provenanceLevel>"
QUAD = re.compile(r'^(\S+) (\S+) (.+?)(?: (<[^>]*>))? \.$')
def read(level):
    quads = []
    for line in open("%s/prov-%s.nq" % (sys.argv[1], level), encoding="utf-8"):
        quads.append(QUAD.match(line.rstrip("\n")).groups())
    return quads
def nodes(q, cls_test):
    return {(g, s) for s, p, o, g in q if p == TYPE and cls_test(o)}
def evidence(q):
    ev = collections.defaultdict(list)
    for s, p, o, g in q:
        if p == EV:
            ev[(g, s)].append(o)
    return ev
bad = []
full, events, none = read("full"), read("events"), read("none")
is_event = lambda q: {(g, s) for s, p, o, g in q if p == NKG + "rule>"}
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ONCE = {"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", LABEL,
        "<http://www.w3.org/2004/02/skos/core#altLabel>", NKG + "countryCode>",
        "<http://www.w3.org/2002/07/owl#sameAs>", NKG + "sector>", NKG + "affiliatedWith>"}
shared = lambda s: s.startswith("<https://w3id.org/newskg/id/")
# the actors a document names: nodes with a label (in its graph, or in
# the default graph below full) that its graph uses other than to say
# what they are (an actor kept at full only as what another belongs to is
# named by the default graph's affiliations, not by the document's)
def is_actor(q):
    labelled = {s for s, p, o, g in q if p == LABEL}
    return {(g, x) for s, p, o, g in q if g and p not in ONCE
            for x in (s, o) if x in labelled}
for name, q in (("events", events), ("none", none)):
    if is_event(q) != is_event(full):
        bad.append("%s: not the same events as full" % name)
    if is_actor(q) != is_actor(full):
        bad.append("%s: not the same actors as full: %s" % (name, sorted(is_actor(q) ^ is_actor(full))[:3]))
fe, ee = evidence(full), evidence(events)
if not any(len(v) > 1 for v in fe.values()):
    bad.append("full: no node has more than one mention (examples too small?)")
mentions = lambda q: {(g, s) for s, p, o, g in q if p == TYPE and o == MENTION}
if {(g, o) for (g, s), v in fe.items() for o in v} != mentions(full):
    bad.append("full: the mentions written are not those in evidence")
for key in is_event(full):
    if ee.get(key) != fe[key][:1]:
        bad.append("events: %s keeps %s, not its first mention" % (key[1], ee.get(key)))
for key in is_actor(full):
    if key in fe and len(ee.get(key, [])) != 1:
        bad.append("events: actor %s has %d mentions, not one" % (key[1], len(ee.get(key, []))))
    if key in ee and ee[key][0] not in fe[key]:
        bad.append("events: actor %s keeps a mention it did not have" % key[1])
if {(g, o) for (g, s), v in ee.items() for o in v} != mentions(events):
    bad.append("events: a mention is written that nothing points to")
if len(mentions(events)) >= len(mentions(full)):
    bad.append("events: as many mentions as full")
if mentions(none) or evidence(none):
    bad.append("none: mentions or evidence written")
# below full, what is known of a shared actor is written once, in the
# default graph; the union of the graphs says the same of it as full
desc = lambda q: {(s, p, o) for s, p, o, g in q if shared(s) and p in ONCE}
if any(g is None for s, p, o, g in full):
    bad.append("full: a statement in the default graph")
for name, q in (("events", events), ("none", none)):
    once = [(s, p, o) for s, p, o, g in q if shared(s) and p in ONCE]
    if len(once) != len(set(once)):
        bad.append("%s: a shared actor's description is written twice" % name)
    if any(g is not None for s, p, o, g in q if shared(s) and p in ONCE):
        bad.append("%s: a shared actor's description in a document graph" % name)
    if desc(q) != desc(full):
        bad.append("%s: not what full says of the shared actors" % name)
fd = [(s, p, o) for s, p, o, g in full if shared(s) and p in ONCE]
if len(fd) == len(set(fd)):
    bad.append("full: no shared actor in two documents (examples too small?)")
for name, q, want in (("events", events, "EventProvenance>"), ("none", none, "NoProvenance>")):
    docs = {g for s, p, o, g in q if g}
    said = {g for s, p, o, g in q if p == LEVEL and o == NKG + want}
    if docs != said:
        bad.append("%s: %d documents do not state their level" % (name, len(docs - said)))
if any(p == LEVEL for s, p, o, g in full):
    bad.append("full: a level is stated")
for b in bad[:10]:
    print(b)
print("levels: %d/%d/%d statements, %d/%d/%d mentions" % (len(full), len(events), len(none),
      len(mentions(full)), len(mentions(events)), len(mentions(none))))
sys.exit(1 if bad else 0)
PY
}
check provenance-levels-keep-what-they-say t_prov_levels

t_prov_bad() {
	"$NKG" extract -q --provenance some examples/*.txt >"$T/prov-bad.out" 2>"$T/prov-bad.err"
	[ $? -eq 1 ] && grep -q -- "--provenance" "$T/prov-bad.err" && [ ! -s "$T/prov-bad.out" ]
}
check provenance-unknown-level-is-usage-error t_prov_bad

if [ -d node_modules/rdf-validate-shacl ]; then
	t_prov_shacl() {
		for l in full events none; do
			for f in examples/*.txt ${SHARED:+"$SHARED/corpus/seed-cuba-venezuela.txt"}; do
				"$NKG" extract -q --provenance "$l" "$f" >"$T/prov.ttl" || return 1
				node tests/shacl/validate.mjs ontology/shapes.ttl "$T/prov.ttl" ontology/newskg.ttl >/dev/null ||
					{ echo "$f at level $l does not conform"; return 1; }
			done
		done
		# without its stated level, a graph with no mentions is not valid
		"$NKG" extract -q --provenance none examples/*.txt -f nquads | grep -v provenanceLevel >"$T/prov-nolevel.nq"
		node tests/shacl/validate.mjs ontology/shapes.ttl "$T/prov-nolevel.nq" ontology/newskg.ttl >/dev/null
		[ $? -eq 1 ] || { echo "events without mentions pass without the level none"; return 1; }
	}
	check provenance-levels-conform-to-shapes t_prov_shacl
else
	skip provenance-shacl "node_modules/rdf-validate-shacl missing (run make deps) (skipped)"
fi

if [ -n "$SHARED" ]; then
	t_prov_gold_events() {
		"$NKG" extract -q --provenance events "$SHARED/corpus/seed-cuba-venezuela.txt" -o "$T/seed-events.ttl" || return 1
		"$SHARED/tools/gold-check" "$SHARED/gold/seed-cuba-venezuela.rq" "$T/seed-events.ttl" \
			--ontology ontology/newskg.ttl --text "$SHARED/corpus/seed-cuba-venezuela.txt" --level core
	}
	check provenance-events-passes-seed-gold t_prov_gold_events
else
	skip provenance-gold "../shared not found (skipped)"
fi
