// SPDX-License-Identifier: MIT
// validate.mjs: validates an RDF graph against SHACL shapes with
// rdf-validate-shacl (a SHACL Core validator nobody here wrote).
//
// usage: node tests/shacl/validate.mjs SHAPES.ttl DATA [ONTOLOGY.ttl]
//
// DATA is Turtle, N-Triples (.nt) or N-Quads (.nq; named graphs are merged
// into one data graph).  ONTOLOGY, when given, is added to the data graph so
// that sh:class and sh:targetClass see rdfs:subClassOf.  Prints "conforms"
// or "does not conform" and one line per violation; exits 0 when the data
// conforms, 1 when it does not, 2 on bad usage or unreadable input.
//
// Packages: rdf-validate-shacl, @zazuko/env and n3 at the versions pinned in
// the project's package.json, installed with `npm ci` (or `npm install`) in
// the project root.  They are looked up from this script's directory
// upwards (so the project's node_modules is found whatever the current
// directory), then in NODE_PATH, then from the current directory.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

async function load(name) {
  let path;
  for (const how of [() => require.resolve(name),
                     () => require.resolve(name, { paths: [process.cwd()] })]) {
    try {
      path = how();
      break;
    } catch {
      /* try the next place */
    }
  }
  if (!path) {
    console.error(`validate.mjs: package ${name} not found; run "npm ci" in the project root or set NODE_PATH`);
    process.exit(2);
  }
  const mod = await import(pathToFileURL(path).href);
  return mod;
}

const args = process.argv.slice(2);
if (args.length < 2 || args.length > 3) {
  console.error("usage: node tests/shacl/validate.mjs SHAPES.ttl DATA [ONTOLOGY.ttl]");
  process.exit(2);
}
const [shapesFile, dataFile, ontologyFile] = args;

const N3mod = await load("n3");
const N3 = N3mod.Parser ? N3mod : N3mod.default;
const rdf = (await load("@zazuko/env")).default;
const SHACLValidator = (await load("rdf-validate-shacl")).default;

function parse(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: cannot read (${e.code ?? e.message}); check the path`);
    process.exit(2);
  }
  const format = /\.nq$/i.test(file) ? "application/n-quads" :
                 /\.nt$/i.test(file) ? "application/n-triples" : "text/turtle";
  try {
    const quads = new N3.Parser({ format, baseIRI: pathToFileURL(file).href }).parse(text);
    // One data graph: the union of all named graphs.
    return quads.map((q) => rdf.quad(q.subject, q.predicate, q.object));
  } catch (e) {
    console.error(`${file}: not valid ${format}: ${e.message}; fix the syntax`);
    process.exit(2);
  }
}

const short = (t) => {
  if (!t) return "-";
  const v = t.value ?? String(t);
  return t.termType === "BlankNode" ? `_:${v}` : `<${v}>`;
};

try {
  const shapes = rdf.dataset(parse(shapesFile));
  const data = rdf.dataset(parse(dataFile));
  if (ontologyFile)
    for (const q of parse(ontologyFile))
      data.add(q);
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const report = await validator.validate(data);
  if (report.conforms) {
    console.log(`${dataFile}: conforms`);
    process.exit(0);
  }
  console.log(`${dataFile}: does not conform (${report.results.length} violations)`);
  for (const r of report.results) {
    const msg = r.message.map((m) => m.value).join("; ");
    const comp = r.sourceConstraintComponent?.value?.replace(/^.*#/, "") ?? "";
    const value = r.value ? ` value ${r.value.termType === "Literal" ? JSON.stringify(r.value.value) : short(r.value)}` : "";
    console.log(`  ${short(r.focusNode)}${r.path ? " " + short(r.path) : ""}${value}: ${comp}${msg ? ": " + msg : ""}`);
  }
  process.exit(1);
} catch (e) {
  console.error(`validate.mjs: validation failed: ${e.message ?? e}`);
  process.exit(2);
}
