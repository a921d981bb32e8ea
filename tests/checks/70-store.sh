# SPDX-License-Identifier: MIT
# The output in stores and validators nobody here wrote (Node.js packages
# from package.json, installed by make deps: Oxigraph, rdf-validate-shacl).
# The label of the actor named by the most events (corpus events in a
# corpus graph) of N-Quads file $1.
t_top_actor() {
	/usr/bin/python3 - "$1" <<'PY'
import sys, collections, rdflib
NKG = rdflib.Namespace("https://w3id.org/newskg/ns#")
ds = rdflib.Dataset(); ds.parse(sys.argv[1], format="nquads")
n = collections.Counter()
seen = set()
for p in (NKG.agent, NKG.target, NKG.participant):
    for e, _, a, _ in ds.quads((None, p, None, None)):
        if (e, a) not in seen:
            seen.add((e, a))
            n[a] += 1
labels = {a: str(l) for a, _, l, _ in ds.quads((None, rdflib.RDFS.label, None, None))}
best = sorted((-c, labels.get(a, "")) for a, c in n.items() if a in labels)
if not best:
    sys.exit("no actor with a label")
print(best[0][1])
PY
}

if [ -d node_modules/oxigraph ]; then
	t_store() {
		local files=()
		for f in examples/*.txt; do
			b=$(basename "$f" .txt)
			d=$(sed -n 's/^date: *//p' "examples/$b.meta" 2>/dev/null)
			"$NKG" extract -q ${d:+--date "$d"} -f nquads "$f" >"$T/$b.nq" || return 1
			files+=("$T/$b.nq")
		done
		# the corpus graph of the same documents, read from their
		# N-Quads, for the corpus queries
		"$NKG" corpus -q -f nquads --no-documents "${files[@]}" >"$T/corpus.nq" || return 1
		# the actor parameter: the actor of the most corpus events
		local actor
		actor=$(t_top_actor "$T/corpus.nq") || return 1
		echo "actor: $actor"
		node tests/store/run-queries.mjs --set "name=\"$actor\"" \
			ontology/newskg.ttl examples/queries "${files[@]}" "$T/corpus.nq"
	}
	check store-oxigraph-queries t_store
	if [ -n "$SHARED" ]; then
		t_store_seed_timeline() { # the actor query on the seed article, for an actor in it
			"$NKG" extract -q -f nquads "$SHARED/corpus/seed-cuba-venezuela.txt" >"$T/seed.nq" || return 1
			local actor
			actor=$(t_top_actor "$T/seed.nq") || return 1
			echo "actor: $actor"
			mkdir -p "$T/q1" && cp examples/queries/actor-timeline.rq "$T/q1/" || return 1
			node tests/store/run-queries.mjs --set "name=\"$actor\"" ontology/newskg.ttl "$T/q1" "$T/seed.nq"
		}
		check store-seed-actor-timeline t_store_seed_timeline
	else
		skip store-seed-actor-timeline "../shared absent (skipped)"
	fi
	t_store_merge() { # the same country in two articles is one node (full: each graph describes it)
		"$NKG" extract -q --provenance full -f nquads examples/sahel-mission.txt examples/baltic-border.txt >"$T/m.nq" || return 1
		node --input-type=module -e '
import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/package.json");
const ox = require("oxigraph"); const fs = require("fs");
const s = new ox.Store(); s.load(fs.readFileSync(process.argv[1], "utf8"), { format: "application/n-quads" });
const r = s.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { <https://w3id.org/newskg/id/country/RUS> ?p ?o } }");
const n = Number(r[0].get("n").value); console.log("graphs naming Russia:", n); process.exit(n === 2 ? 0 : 1);' "$T/m.nq"
	}
	check store-same-country-iri t_store_merge
else
	skip store-oxigraph "node_modules/oxigraph missing (run make deps) (skipped)"
fi
