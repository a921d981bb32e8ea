// SPDX-License-Identifier: MIT
// run-queries.mjs: loads newskg outputs and the ontology into Oxigraph (a
// SPARQL 1.1 store nobody here wrote) and runs every example query.
//
// usage: node tests/store/run-queries.mjs [--set VAR=TERM]... ONTOLOGY.ttl QUERYDIR DATA.(ttl|nq)...
// Prints each query's row count and first rows; exits 1 when a query fails
// or returns no row, 2 on bad usage.  --set replaces the values of the
// line "VALUES ?VAR { ... }" of every query that has one with TERM (a
// SPARQL term: '"Kenya"', 2), as a user edits the parameter of a query.  Packages come from the project's
// node_modules (npm ci, see package.json).
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const ox = require("oxigraph");

const args = process.argv.slice(2);
const sets = [];
while (args[0] === "--set") {
  const m = /^(\w+)=(.*)$/s.exec(args[1] ?? "");
  if (!m) {
    console.error("--set wants VAR=TERM");
    process.exit(2);
  }
  sets.push([m[1], m[2]]);
  args.splice(0, 2);
}
const [ontology, qdir, ...data] = args;
if (!ontology || !qdir || data.length === 0) {
  console.error("usage: run-queries.mjs ONTOLOGY.ttl QUERYDIR DATA...");
  process.exit(2);
}
const store = new ox.Store();
store.load(readFileSync(ontology, "utf8"), { format: "text/turtle" });
for (const f of data) {
  const nq = f.endsWith(".nq");
  store.load(readFileSync(f, "utf8"), { format: nq ? "application/n-quads" : "text/turtle" });
}
let failed = 0;
for (const q of readdirSync(qdir).filter((f) => f.endsWith(".rq")).sort()) {
  let text = readFileSync(join(qdir, q), "utf8");
  for (const [v, term] of sets)
    text = text.replace(new RegExp(`^(\\s*VALUES \\?${v} \\{).*\\}`, "m"), `$1 ${term} }`);
  let rows;
  try {
    rows = store.query(text, { use_default_graph_as_union: true });
  } catch (e) {
    console.log(`FAIL ${q}: ${e.message ?? e}`);
    failed++;
    continue;
  }
  const n = rows.length;
  console.log(`${n > 0 ? "ok  " : "FAIL"} ${q}: ${n} rows`);
  for (const b of rows.slice(0, 3)) {
    const cells = [];
    for (const [k, v] of b) cells.push(`${k}=${v.value}`);
    console.log("     " + cells.join(" | "));
  }
  if (n === 0) failed++;
}
process.exit(failed ? 1 : 0);
