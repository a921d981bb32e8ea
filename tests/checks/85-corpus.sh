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
