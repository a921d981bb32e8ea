# SPDX-License-Identifier: MIT
# Turtle for many documents is written document by document: the same
# graph as N-Quads gives, valid Turtle, and memory that does not grow with
# the number of documents.
t_turtle_stream_graph() {
	"$NKG" extract -q -f turtle examples/*.txt tests/data/kenya-ethiopia.txt >"$T/ts.ttl" || return 1
	"$NKG" extract -q -f nquads examples/*.txt tests/data/kenya-ethiopia.txt >"$T/ts.nq" || return 1
	rapper -q -c -i turtle "$T/ts.ttl" || return 1
	serdi -i turtle "$T/ts.ttl" | sort -u >"$T/ts-ttl.nt"
	# the union of the graphs (a shared actor is described in the default
	# graph), as N-Triples
	rapper -q -i nquads -o ntriples "$T/ts.nq" | serdi -i ntriples - | sort -u >"$T/ts-nq.nt"
	[ -s "$T/ts-ttl.nt" ] && cmp "$T/ts-ttl.nt" "$T/ts-nq.nt"
}
check turtle-stream-same-graph-as-nquads t_turtle_stream_graph

t_turtle_stream_flat() {
	# the sanitizers' quarantine and valgrind keep freed memory
	case "$B" in *san*) echo "(memory not measured under sanitizers)"; return 0 ;; esac
	[ -z "${NKG_VALGRIND:-}" ] || { echo "(memory not measured under valgrind)"; return 0; }
	/usr/bin/python3 - "$T" <<'PY' || return 1
import json, os, sys
texts = [open(os.path.join("examples", f), encoding="utf-8").read()
         for f in sorted(os.listdir("examples")) if f.endswith(".txt")]
for n in (100, 1500):
    with open("%s/tf-%d.jsonl" % (sys.argv[1], n), "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": "tf-%d" % i, "text": texts[i % len(texts)]}) + "\n")
PY
	small=$(/usr/bin/time -f %M "$NKG" extract -q -f turtle "$T/tf-100.jsonl" 2>&1 >/dev/null | tail -1)
	big=$(/usr/bin/time -f %M "$NKG" extract -q -f turtle "$T/tf-1500.jsonl" 2>&1 >/dev/null | tail -1)
	echo "peak RSS 100 documents ${small} KB, 1500 documents ${big} KB"
	[ "$big" -le $((small * 3 / 2)) ]
}
check turtle-stream-memory-flat t_turtle_stream_flat
