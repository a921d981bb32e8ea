# SPDX-License-Identifier: MIT
# Corpus scale: many JSON Lines records, shards and workers merge exactly.
t_make_corpus() { # N OUT
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
texts = []
for d in ("examples", "tests/data"):
    for f in sorted(os.listdir(d)):
        if f.endswith(".txt"):
            try:
                t = open(os.path.join(d, f), encoding="utf-8").read()
            except UnicodeDecodeError:
                continue
            if t.strip() and "\0" not in t:
                texts.append(t)
with open(out, "w", encoding="utf-8") as fh:
    for i in range(n):
        fh.write(json.dumps({"id": "rec-%04d" % i, "date": "2026-03-%02d" % (1 + i % 28),
                             "text": texts[i % len(texts)]}) + "\n")
PY
}

t_jsonl_2000() {
	t_make_corpus 2000 "$T/c2000.jsonl" || return 1
	"$NKG" extract -q -f nquads "$T/c2000.jsonl" >"$T/c2000.nq" || return 1
	graphs=$(awk '{print $(NF-1)}' "$T/c2000.nq" | sort -u | grep -c '^<https://w3id.org/newskg/doc/')
	echo "named graphs: $graphs"
	[ "$graphs" -eq 2000 ]
}
check corpus-2000-records-2000-graphs t_jsonl_2000

t_shards() {
	[ -s "$T/c2000.jsonl" ] || t_make_corpus 2000 "$T/c2000.jsonl" || return 1
	head -n 1000 "$T/c2000.jsonl" >"$T/shard1.jsonl"
	tail -n +1001 "$T/c2000.jsonl" >"$T/shard2.jsonl"
	"$NKG" extract -q -f nquads "$T/shard1.jsonl" >"$T/s1.nq" || return 1
	"$NKG" extract -q -f nquads "$T/shard2.jsonl" >"$T/s2.nq" || return 1
	[ -s "$T/c2000.nq" ] || "$NKG" extract -q -f nquads "$T/c2000.jsonl" >"$T/c2000.nq" || return 1
	sort -u "$T/s1.nq" "$T/s2.nq" >"$T/union.nq"
	sort -u "$T/c2000.nq" >"$T/single.nq"
	cmp "$T/union.nq" "$T/single.nq" || { echo "shard union differs from the single run"; return 1; }
	"$NKG" extract -q -j 2 -f nquads "$T/c2000.jsonl" | sort -u >"$T/j2.nq" || return 1
	cmp "$T/j2.nq" "$T/single.nq" || { echo "-j 2 differs from the single run"; return 1; }
}
check corpus-shards-merge-exactly t_shards

t_parallel_recipe() { # the documented GNU parallel recipe gives the same graph
	command -v parallel >/dev/null 2>&1 || { echo "GNU parallel not installed"; return 1; }
	[ -s "$T/c2000.jsonl" ] || t_make_corpus 2000 "$T/c2000.jsonl" || return 1
	parallel --pipe -N 500 --keep-order -j 2 "$NKG" extract -q --input-format jsonl -f nquads \
		<"$T/c2000.jsonl" | sort -u >"$T/par.nq" || return 1
	[ -s "$T/single.nq" ] || { "$NKG" extract -q -f nquads "$T/c2000.jsonl" | sort -u >"$T/single.nq"; }
	cmp "$T/par.nq" "$T/single.nq"
}
check corpus-gnu-parallel-recipe t_parallel_recipe

# With -j each worker parses only its own records: a bad line is reported
# once, by the worker it falls to, and the good records are all extracted.
t_jobs_bad_line_once() {
	printf '%s\n' '{"id":"r1","text":"Chile and Peru signed a trade agreement."}' \
		'{"id": broken' '' '{"id":"r3","text":"Ghana condemned the attack on Togo."}' \
		'{"id":"r4","text":"Kenya sent aid to Somalia."}' >"$T/bad.jsonl"
	local j
	"$NKG" extract -q -f nquads "$T/bad.jsonl" -o "$T/j1.nq" 2>"$T/j1.err"
	[ $? -eq 2 ] || return 1
	for j in 2 3; do
		"$NKG" extract -q -j $j -f nquads "$T/bad.jsonl" -o "$T/jn.nq" 2>"$T/jn.err"
		[ $? -eq 2 ] || { echo "-j $j: exit status"; return 1; }
		[ "$(grep -c 'line 2, column' "$T/jn.err")" -eq 1 ] || { echo "-j $j:"; cat "$T/jn.err"; return 1; }
		cmp "$T/j1.err" "$T/jn.err" || return 1
		[ "$(sort "$T/j1.nq" | md5sum)" = "$(sort "$T/jn.nq" | md5sum)" ] || { echo "-j $j: other statements"; return 1; }
	done
}
check jobs-bad-line-reported-once t_jobs_bad_line_once
# ---- newskg corpus: one graph for many documents ----

# The story of the corpus tests, written for them: three events (an arrest,
# a meeting, a condemnation), each dated by "on Monday".  With OTHER the
# same events happen to Bolivia instead of Chile.
t_story() { # [other]
	if [ "${1:-}" = other ]; then
		c=Bolivia a=Bolivian city=Puno who="Bolivian President Luis Arce" cond="Peru condemned Bolivia"
	else
		c=Chile a=Chilean city=Tacna who="Chilean President Gabriel Boric" cond="Chile condemned Peru"
	fi
	printf '%s\n\n%s\n\n%s\n\n%s\n' \
		"Peruvian police arrest $a smuggler near the border" \
		"LIMA — Peruvian police arrested a $a smuggler on Monday near the southern city of $city, the Interior Ministry said." \
		"Peruvian President Dina Boluarte met $who on Monday to discuss border security." \
		"$cond on Monday over the treatment of its citizens at the crossing."
}

# JSON Lines records: ID DATE [other] ...
t_records() {
	while [ $# -ge 2 ]; do
		local id=$1 date=$2 kind=""
		shift 2
		if [ "${1:-}" = other ]; then kind=other; shift; fi
		t_story $kind | /usr/bin/python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "date": sys.argv[2], "text": sys.stdin.read()}))' "$id" "$date"
	done
}

# Checks the corpus graph of N-Quads file $1: the events of the documents
# named in $2 (space-separated ids) are each in one corpus event whose
# members are exactly one event of each of those documents; the events of
# each document in $3 stay in corpus events of their own.
t_grouped() {
	/usr/bin/python3 - "$@" <<'PY'
import sys, collections, rdflib
from rdflib import URIRef
NKG = rdflib.Namespace("https://w3id.org/newskg/ns#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
ds = rdflib.Dataset(); ds.parse(sys.argv[1], format="nquads")
together, alone = sys.argv[2].split(), sys.argv[3].split()
cg = ds.graph(URIRef("https://w3id.org/newskg/doc/corpus"))
docid = {}
for d, _, i, _ in ds.quads((None, DCT.identifier, None, None)):
    docid[d] = str(i)
doc_of, events_of = {}, collections.defaultdict(set)
for e, _, d, g in ds.quads((None, PROV.wasDerivedFrom, None, None)):
    if (e, None, None) in ds.graph(g) and any(ds.quads((e, NKG.confidence, None, g))):
        doc_of[e] = docid.get(d)
        events_of[docid.get(d)].add(e)
corpus_of = collections.defaultdict(set)
members = collections.defaultdict(list)
for ce, m in cg.subject_objects(NKG.member):
    corpus_of[m].add(ce)
    members[ce].append(m)
bad = []
for ident in together + alone:
    if not events_of[ident]:
        bad.append("no events in document %s" % ident)
print("corpus events:", len(set(cg.subjects(NKG.member))))
for ident in together:
    for e in events_of[ident]:
        ces = corpus_of[e]
        if len(ces) != 1:
            bad.append("%s is in %d corpus events" % (e, len(ces)))
            continue
        ce = next(iter(ces))
        docs = sorted(doc_of.get(m) for m in members[ce])
        n = int(cg.value(ce, NKG.documentCount))
        if docs != sorted(together) or n != len(together):
            bad.append("%s: members from %s, documentCount %d" % (ce, docs, n))
for ident in alone:
    for e in events_of[ident]:
        for ce in corpus_of[e]:
            docs = {doc_of.get(m) for m in members[ce]}
            if docs != {ident}:
                bad.append("%s of %s shares %s with %s" % (e, ident, ce, sorted(docs)))
        if len(corpus_of[e]) != 1:
            bad.append("%s is in %d corpus events" % (e, len(corpus_of[e])))
print("\n".join(bad) or "grouped as expected: %d events reported by %s" % (
    len(events_of[together[0]]) if together else 0, " ".join(together)))
sys.exit(1 if bad else 0)
PY
}

t_corpus_copies() { # three copies a day apart are one event each; another story stays apart
	t_records copy-1 2026-03-10 copy-2 2026-03-11 copy-3 2026-03-12 other-1 2026-03-11 other >"$T/copies.jsonl"
	"$NKG" corpus -q -f nquads "$T/copies.jsonl" >"$T/copies.nq" || return 1
	t_grouped "$T/copies.nq" "copy-1 copy-2 copy-3" "other-1"
}
check corpus-three-copies-one-event-each t_corpus_copies

t_corpus_window() { # a copy ten days later joins only with --window 10
	t_records copy-1 2026-03-10 copy-2 2026-03-11 copy-3 2026-03-12 late 2026-03-20 >"$T/late.jsonl"
	"$NKG" corpus -q -f nquads "$T/late.jsonl" >"$T/late1.nq" || return 1
	t_grouped "$T/late1.nq" "copy-1 copy-2 copy-3" "late" || return 1
	"$NKG" corpus -q -f nquads --window 10 "$T/late.jsonl" >"$T/late10.nq" || return 1
	t_grouped "$T/late10.nq" "copy-1 copy-2 copy-3 late" ""
}
check corpus-window t_corpus_window

t_corpus_sources() { # documents of one publisher count as one source
	t_story >"$T/src.txt"
	/usr/bin/python3 - "$T/src.txt" >"$T/src.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i, (date, src) in enumerate([("2026-03-10", "Andes Wire"), ("2026-03-11", {"name": "Andes Wire"}),
                                  ("2026-03-12", "Lima Daily")]):
    print(json.dumps({"id": "src-%d" % i, "date": date, "source": src, "text": text}))
PY
	"$NKG" corpus -q -f csv "$T/src.jsonl" >"$T/src.csv" || return 1
	"$NKG" extract -q -f nquads "$T/src.jsonl" >"$T/src.nq" || return 1
	"$NKG" corpus -q -f csv "$T/src.nq" | cmp - "$T/src.csv" || { echo "the sources do not survive N-Quads"; return 1; }
	cat "$T/src.csv"
	# every corpus event: three documents, two sources
	awk -F, 'NR > 1 { n++; if ($7 != 3 || $8 != 2) bad++ } END { exit !(n >= 2 && !bad) }' "$T/src.csv"
}
check corpus-source-count t_corpus_sources

# Memory: the corpus keeps one record per document and one member (its
# IRI, document, date, confidence) per document event, about 100-300
# bytes each, and nothing of the document graph.  9,000 more documents of
# three or four events must cost less than 15 MB (1.7 KB a document); a
# document graph kept (several KB even for these short stories) or a
# leak per document would pass that by far.
t_corpus_memory() {
	# the sanitizers' quarantine and valgrind keep freed memory
	case "$B" in *san*) echo "(memory not measured under sanitizers)"; return 0 ;; esac
	[ -z "${NKG_VALGRIND:-}" ] || { echo "(memory not measured under valgrind)"; return 0; }
	t_story >"$T/st-a.txt"; t_story other >"$T/st-b.txt"
	cat examples/lake-victoria.txt >"$T/st-c.txt"
	/usr/bin/python3 - "$T" <<'PY' || return 1
import json, sys
t = sys.argv[1]
texts = [open("%s/st-%s.txt" % (t, k), encoding="utf-8").read() for k in "abc"]
for n in (1000, 10000):
    with open("%s/m%d.jsonl" % (t, n), "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": "m-%05d" % i, "date": "2026-03-%02d" % (10 + i % 4),
                                "text": texts[i % 3]}) + "\n")
PY
	local kb1 kb10
	/usr/bin/time -f %M -o "$T/rss1" "$NKG" corpus -q -f nquads --no-documents "$T/m1000.jsonl" >"$T/m1.nq" || return 1
	/usr/bin/time -f %M -o "$T/rss10" "$NKG" corpus -q -f nquads --no-documents "$T/m10000.jsonl" >"$T/m10.nq" || return 1
	kb1=$(tail -1 "$T/rss1") kb10=$(tail -1 "$T/rss10")
	ev1=$(grep -c '#CorpusEvent>' "$T/m1.nq") ev10=$(grep -c '#CorpusEvent>' "$T/m10.nq")
	echo "peak RSS: 1,000 documents $kb1 KB, 10,000 documents $kb10 KB (+$(( (kb10 - kb1) / 1024 )) MB; bound +15 MB)"
	echo "corpus events: $ev1 and $ev10"
	[ "$ev10" -eq "$ev1" ] || { echo "more documents of the same stories made more corpus events"; return 1; }
	[ $((kb10 - kb1)) -lt $((15 * 1024)) ]
}
check corpus-memory-flat t_corpus_memory
grep -h 'peak RSS' "$T/corpus-memory-flat.log" 2>/dev/null | sed 's/^/     /'

t_corpus_nquads_input() { # extract -> N-Quads -> corpus gives what corpus on the texts gives
	[ -s "$T/copies.jsonl" ] || t_records copy-1 2026-03-10 copy-2 2026-03-11 copy-3 2026-03-12 other-1 2026-03-11 other >"$T/copies.jsonl"
	local f b d files=()
	for f in examples/*.txt; do
		b=$(basename "$f" .txt)
		d=$(sed -n 's/^date: *//p' "examples/$b.meta" 2>/dev/null)
		/usr/bin/python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "date": sys.argv[2] or None, "text": open(sys.argv[3], encoding="utf-8").read()}))' "$b" "$d" "$f"
	done >"$T/ex.jsonl"
	cat "$T/ex.jsonl" "$T/copies.jsonl" >"$T/all.jsonl"
	# two shards, as from two machines
	head -n 3 "$T/all.jsonl" >"$T/sh1.jsonl"; tail -n +4 "$T/all.jsonl" >"$T/sh2.jsonl"
	"$NKG" extract -q -f nquads "$T/sh1.jsonl" >"$T/sh1.nq" || return 1
	"$NKG" extract -q -f nquads "$T/sh2.jsonl" >"$T/sh2.nq" || return 1
	for fmt in nquads turtle csv; do
		"$NKG" corpus -q -f $fmt "$T/all.jsonl" >"$T/direct.$fmt" || return 1
		"$NKG" corpus -q -f $fmt "$T/sh1.nq" "$T/sh2.nq" >"$T/shards.$fmt" || return 1
		cmp "$T/direct.$fmt" "$T/shards.$fmt" || { echo "$fmt: corpus of the N-Quads differs"; return 1; }
	done
	# the same read as --input-format nquads from standard input
	cat "$T/sh1.nq" "$T/sh2.nq" | "$NKG" corpus -q -f nquads --input-format nquads >"$T/stdin.nquads" || return 1
	cmp "$T/direct.nquads" "$T/stdin.nquads" || { echo "standard input differs"; return 1; }
	# and the corpus graph is not empty
	grep -c '#CorpusEvent>' "$T/direct.nquads"
}
check corpus-from-nquads-equals-texts t_corpus_nquads_input

t_corpus_deterministic() { # two runs byte-identical; -j 2 and -j 3 equal -j 1
	[ -s "$T/all.jsonl" ] || return 1
	for fmt in nquads turtle ntriples csv; do
		"$NKG" corpus -q -f $fmt "$T/all.jsonl" >"$T/r1.$fmt" || return 1
		"$NKG" corpus -q -f $fmt "$T/all.jsonl" >"$T/r2.$fmt" || return 1
		"$NKG" corpus -q -j 2 -f $fmt "$T/all.jsonl" >"$T/j2.$fmt" || return 1
		"$NKG" corpus -q -j 3 -f $fmt "$T/sh1.jsonl" "$T/sh2.nq" >"$T/j3.$fmt" || return 1
		"$NKG" corpus -q -f $fmt "$T/sh1.jsonl" "$T/sh2.nq" >"$T/j3ref.$fmt" || return 1
		cmp "$T/r1.$fmt" "$T/r2.$fmt" || { echo "$fmt: two runs differ"; return 1; }
		cmp "$T/r1.$fmt" "$T/j2.$fmt" || { echo "$fmt: -j 2 differs"; return 1; }
		cmp "$T/j3ref.$fmt" "$T/j3.$fmt" || { echo "$fmt: -j 3 over text and N-Quads differs"; return 1; }
	done
	# the document graphs are those extract writes
	"$NKG" extract -q -f nquads "$T/all.jsonl" >"$T/x.nq" || return 1
	"$NKG" corpus -q -f nquads "$T/all.jsonl" | grep -v ' <https://w3id.org/newskg/doc/corpus> \.$' | cmp - "$T/x.nq" ||
		{ echo "the document graphs differ from extract's"; return 1; }
}
check corpus-deterministic t_corpus_deterministic

t_corpus_csv() { # one row per corpus event, RFC 4180
	"$NKG" corpus -q -f csv "$T/copies.jsonl" >"$T/c.csv" || return 1
	/usr/bin/python3 - "$T/c.csv" "$T/copies.nq" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
head = "first_date,last_date,class,agent,target,participants,documents,sources,confidence,iri".split(",")
assert rows[0] == head, rows[0]
n = sum(1 for l in open(sys.argv[2], encoding="utf-8") if "#CorpusEvent>" in l)
assert len(rows) - 1 == n, (len(rows) - 1, n)
assert all(len(r) == len(head) for r in rows)
assert any(r[6] == "3" for r in rows[1:]), "no event of three documents"
print(len(rows) - 1, "rows")
PY
}
check corpus-csv t_corpus_csv

t_corpus_errors() { # one line naming the place, exit status, no output file
	local out="$T/err.ttl" rc msg
	"$NKG" corpus -q -o "$out" "$T/copies.jsonl" "$T/no-such-file.txt" 2>"$T/e1"; rc=$?
	[ $rc -eq 2 ] && grep -q 'no-such-file.txt: cannot open' "$T/e1" && [ ! -e "$out" ] ||
		{ echo "missing file: exit $rc, $(cat "$T/e1")"; return 1; }
	# with workers too, once
	"$NKG" corpus -q -j 3 -o "$out" "$T/copies.jsonl" "$T/no-such-file.txt" 2>"$T/e5"; rc=$?
	[ $rc -eq 2 ] && [ "$(wc -l <"$T/e5")" -eq 1 ] && [ ! -e "$out" ] ||
		{ echo "missing file, -j 3: exit $rc, $(cat "$T/e5")"; return 1; }
	head -n 5 "$T/sh1.nq" >"$T/bad.nq"
	echo '<https://w3id.org/newskg/doc/x> <http://purl.org/dc/terms/title> "cut short <https://w3id.org/newskg/doc/x> .' >>"$T/bad.nq"
	"$NKG" corpus -q -o "$out" "$T/bad.nq" 2>"$T/e2"; rc=$?
	[ $rc -eq 2 ] && grep -q 'bad.nq: line 6' "$T/e2" && [ "$(wc -l <"$T/e2")" -eq 1 ] && [ ! -e "$out" ] ||
		{ echo "invalid N-Quads: exit $rc, $(cat "$T/e2")"; return 1; }
	"$NKG" corpus -q -f gif "$T/copies.jsonl" 2>"$T/e3" >/dev/null; rc=$?
	[ $rc -eq 1 ] && grep -q "unknown format 'gif'" "$T/e3" || { echo "unknown format: exit $rc"; return 1; }
	"$NKG" corpus -q --window -3 "$T/copies.jsonl" 2>"$T/e4" >/dev/null; rc=$?
	[ $rc -eq 1 ] && grep -q -- "--window" "$T/e4" || { echo "--window -3: exit $rc"; return 1; }
	"$NKG" corpus -q -f rdfxml "$T/copies.jsonl" 2>/dev/null >/dev/null; rc=$?
	[ $rc -eq 1 ] || { echo "corpus -f rdfxml: exit $rc"; return 1; }
	for f in timeline csv; do
		"$NKG" extract -q -f $f examples/baltic-border.txt >/dev/null 2>&1; rc=$?
		[ $rc -eq 1 ] || { echo "extract -f $f: exit $rc"; return 1; }
	done
	"$NKG" extract -q --window 3 examples/baltic-border.txt >/dev/null 2>&1; rc=$?
	[ $rc -eq 1 ] || { echo "extract --window: exit $rc"; return 1; }
	cat "$T/e1" "$T/e2" "$T/e3" "$T/e4"
}
check corpus-bad-input t_corpus_errors

# The VOA stories of ../shared: the corpus graph loads in Oxigraph and
# conforms to the shapes.
if [ -n "$SHARED" ] && [ -s "$SHARED/corpus/voa/voa-stories.jsonl" ] && [ -d node_modules/oxigraph ]; then
	t_corpus_voa() {
		local voa="$SHARED/corpus/voa/voa-stories.jsonl" s e
		s=$(date +%s.%N)
		"$NKG" extract -q -f nquads "$voa" >"$T/voa-x.nq" || return 1
		e=$(date +%s.%N)
		echo "extract: $(echo "$e - $s" | bc) s"
		s=$(date +%s.%N)
		"$NKG" corpus -f turtle "$voa" >"$T/voa.ttl" 2>"$T/voa.err" || { cat "$T/voa.err"; return 1; }
		e=$(date +%s.%N)
		echo "corpus: $(echo "$e - $s" | bc) s"
		cat "$T/voa.err"
		node tests/shacl/validate.mjs ontology/shapes.ttl "$T/voa.ttl" ontology/newskg.ttl || return 1
		node --input-type=module -e '
import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/package.json");
const ox = require("oxigraph"); const fs = require("fs");
const s = new ox.Store(); s.load(fs.readFileSync(process.argv[1], "utf8"), { format: "text/turtle" });
const n = (q) => Number(s.query(q)[0].get("n").value);
const P = "PREFIX nkg: <https://w3id.org/newskg/ns#> ";
const docs = n(P + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a nkg:Document }");
const evs = n(P + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e nkg:rule ?r }");
const ces = n(P + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:CorpusEvent }");
const mem = n(P + "SELECT (COUNT(*) AS ?n) WHERE { ?e a nkg:CorpusEvent ; nkg:member ?m }");
const multi = n(P + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:CorpusEvent ; nkg:documentCount ?c FILTER(?c > 1) }");
console.log(`VOA: ${docs} documents, ${evs} document events, ${ces} corpus events, ${mem} members, ${multi} in more than one document`);
process.exit(docs > 0 && ces > 0 && ces <= mem ? 0 : 1);' "$T/voa.ttl"
	}
	check corpus-voa-conforms t_corpus_voa
	grep -h 'VOA:\|^extract:\|^corpus:' "$T/corpus-voa-conforms.log" 2>/dev/null | sed 's/^/     /'
else
	skip corpus-voa "../shared/corpus/voa or node_modules/oxigraph absent (skipped)"
fi
