# SPDX-License-Identifier: MIT
# The output in stores and validators nobody here wrote (Node.js packages
# from package.json, installed by make deps: Oxigraph, rdf-validate-shacl).
if [ -d node_modules/oxigraph ]; then
	t_store() {
		local files=()
		for f in examples/*.txt; do
			b=$(basename "$f" .txt)
			d=$(sed -n 's/^date: *//p' "examples/$b.meta" 2>/dev/null)
			"$NKG" extract -q ${d:+--date "$d"} -f nquads "$f" >"$T/$b.nq" || return 1
			files+=("$T/$b.nq")
		done
		node tests/store/run-queries.mjs ontology/newskg.ttl examples/queries "${files[@]}"
	}
	check store-oxigraph-queries t_store
	t_store_merge() { # the same country in two articles is one node
		"$NKG" extract -q -f nquads examples/sahel-mission.txt examples/baltic-border.txt >"$T/m.nq" || return 1
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
