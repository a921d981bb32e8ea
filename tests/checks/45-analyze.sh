# SPDX-License-Identifier: MIT
# newskg analyze: the linguistic layer over every input format, as valid
# CoNLL-U and as text for people, its errors, and its scores on UD English.
D=tests/data
CC_CHECK="/usr/bin/python3 tests/conllu-check"

# Inputs of every format, each with its own article.
cat >"$T/an.txt" <<'EOF'
Coast guard seizes fishing boats

The coast guard seized two fishing boats near Pemba Island on Monday, officials said.
The crews weren't charged, and Tanzania's fisheries minister, Amina Juma, called for calm.
EOF
cat >"$T/an.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Port strike | Example News</title>
<script>var x = "SCRIPT-TEXT";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dockworkers end strike in Mombasa</h1>
<p>Dockworkers in Mombasa ended a three-day strike on Friday after the port
authority agreed to raise wages.</p>
<p>The union&rsquo;s leader said members would return to work “immediately”.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>
EOF
cat >"$T/an.nitf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
<head><title>Ministers meet</title><docdata><doc-id id-string="nitf-an-1"/></docdata></head>
<body><body.head><hedline><hl1>Ministers meet in Accra</hl1></hedline></body.head>
<body.content>
<p>The foreign ministers of Ghana and Togo met in Accra on Tuesday and signed a
border agreement.</p>
<p>Both governments were urged by the regional bloc to settle the dispute.</p>
</body.content></body></nitf>
EOF
cat >"$T/an.newsml.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example:an-2" version="1">
<contentMeta><headline>Rains delay harvest</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<p>Heavy rains delayed the maize harvest in western Kenya, farmers said on Sunday.</p>
<p>The ministry hasn't announced any aid yet.</p>
</body></html></inlineXML></contentSet></newsItem>
EOF
/usr/bin/python3 - "$T/an.jsonl" <<'PY'
import json, sys
recs = [{"id": "an-j1", "text": "Police arrested three men in Lagos.\r\nThey were released on bail.\tNo one was hurt."},
        {"id": "an-j2", "text": "Mali\u2019s junta expelled the French ambassador on Monday. He left Bamako on Wednesday."}]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in recs:
        f.write(json.dumps(r) + "\n")
PY

# The text a markup document's offsets index, as extract gives it.
an_doc_text() { # input -> $T/input.doctext
	"$NKG" extract -q --with-text -f turtle "$1" >"$T/an-dt.ttl" || return 1
	/usr/bin/python3 - "$T/an-dt.ttl" "$1.doctext" <<'PY'
import sys, rdflib
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
g = rdflib.Graph(); g.parse(sys.argv[1], format="turtle")
texts = [str(t) for t in g.objects(None, NIF.isString)]
assert len(texts) == 1, len(texts)
open(sys.argv[2], "w", encoding="utf-8", newline="").write(texts[0])
PY
}

t_an_conllu() { # input [analyze option...]
	local f=$1; shift
	"$NKG" analyze -q -f conllu "$@" "$f" >"$f.conllu" || return 1
	case $f in
	*.jsonl) $CC_CHECK "$f.conllu" --jsonl "$f" ;;
	*.txt) $CC_CHECK "$f.conllu" --text "$f" ;;
	*) an_doc_text "$f" && $CC_CHECK "$f.conllu" --text "$f.doctext" ;;
	esac
}
check analyze-conllu-text t_an_conllu "$T/an.txt"
check analyze-conllu-html t_an_conllu "$T/an.html"
check analyze-conllu-nitf t_an_conllu "$T/an.nitf"
check analyze-conllu-newsml t_an_conllu "$T/an.newsml.xml"
check analyze-conllu-jsonl t_an_conllu "$T/an.jsonl"

t_an_forced_and_stdin() { # --input-format, and standard input
	cp "$T/an.html" "$T/an-html.data"
	"$NKG" analyze -q -f conllu --input-format html "$T/an-html.data" >"$T/an-forced.conllu" || return 1
	cmp "$T/an.html.conllu" "$T/an-forced.conllu" || return 1
	"$NKG" analyze -q -f conllu <"$T/an.txt" >"$T/an-stdin.conllu" || return 1
	cmp "$T/an.txt.conllu" "$T/an-stdin.conllu" || return 1
	"$NKG" analyze -q -f conllu --input-format jsonl - <"$T/an.jsonl" >"$T/an-stdin2.conllu" || return 1
	cmp "$T/an.jsonl.conllu" "$T/an-stdin2.conllu"
}
check analyze-input-format-and-stdin t_an_forced_and_stdin

t_an_jsonl_ids() {
	[ "$(grep '^# newdoc id = ' "$T/an.jsonl.conllu" | tr '\n' ' ')" = \
		"# newdoc id = an-j1 # newdoc id = an-j2 " ] || return 1
	grep -q '^# sent_id = an-j2-2$' "$T/an.jsonl.conllu" &&
		grep -q '^# newdoc id = nitf-an-1$' "$T/an.nitf.conllu"
}
check analyze-conllu-document-ids t_an_jsonl_ids

t_an_examples() { # every example and test text in one run, one document each
	local files="examples/*.txt $D/kenya-ethiopia.txt $D/awkward.txt $D/crlf.txt $D/control.txt"
	# shellcheck disable=SC2086
	"$NKG" analyze -q -f conllu $files >"$T/an-ex.conllu" || return 1
	# shellcheck disable=SC2086
	$CC_CHECK "$T/an-ex.conllu" --text $files
}
check analyze-conllu-examples t_an_examples

t_an_checker_rejects() { # the checker finds what it is meant to find
	local good="$T/an.txt.conllu" bad="$T/an-bad.conllu"
	$CC_CHECK "$good" --text "$T/an.txt" >/dev/null || return 1
	# a second root; a cycle; a range off by one; no newdoc
	awk -F'\t' 'BEGIN{OFS="\t"} NF==10 && $1==1 && !d {$7=0; $8="root"; d=1} {print}' "$good" >"$bad.1"
	awk -F'\t' 'BEGIN{OFS="\t"} NF==10 && $7==0 && !d {$7=$1; d=1} {print}' "$good" >"$bad.2"
	sed '0,/TokenRange=\([0-9]*\):/s//TokenRange=1\1:/' "$good" >"$bad.3"
	grep -v '^# newdoc' "$good" >"$bad.4"
	for i in 1 2 3 4; do
		cmp -s "$good" "$bad.$i" && { echo "variant $i unchanged"; return 1; }
		$CC_CHECK "$bad.$i" --text "$T/an.txt" >"$T/an-bad.out" &&
			{ echo "variant $i accepted"; return 1; }
	done
	return 0
}
check analyze-conllu-checker-rejects-faults t_an_checker_rejects

t_an_text() { # the text format shows tags, chunks and relations
	echo 'The coast guard seized two fishing boats near Pemba Island on Monday.' >"$T/an-one.txt"
	"$NKG" analyze -q "$T/an-one.txt" >"$T/an-one.out" || return 1
	cat "$T/an-one.out"
	grep -q '^# sentence 1 \[0:69\]: The coast guard seized' "$T/an-one.out" || return 1
	grep -q '^The/DT coast/NN guard/NN seized/VBD two/CD ' "$T/an-one.out" || return 1
	grep -q '^chunks: .*\[NP The coast \*guard\]' "$T/an-one.out" || return 1
	grep -q '^chunks: .*\[VG \*seized\]' "$T/an-one.out" || return 1
	grep -q '^relations:$' "$T/an-one.out" || return 1
	grep -q '^  nsubj(seized, guard)$' "$T/an-one.out" || return 1
	grep -q '^  obj(seized, boats)$' "$T/an-one.out" || return 1
	grep -q '^  obl:near(seized, Island)$' "$T/an-one.out" || return 1
	grep -q '^lemmas: .*seized=seize' "$T/an-one.out"
}
check analyze-text-format t_an_text

t_an_exit() { # expected-status pattern command...
	local want=$1 pat=$2; shift 2
	"$@" >"$T/an-out" 2>"$T/an-err"
	local got=$?
	[ "$got" -eq "$want" ] || { echo "exit $got, want $want"; cat "$T/an-err"; return 1; }
	[ "$(wc -l <"$T/an-err")" -eq 1 ] || { echo "stderr is not one line:"; cat "$T/an-err"; return 1; }
	grep -q -- "$pat" "$T/an-err" || { echo "stderr lacks '$pat':"; cat "$T/an-err"; return 1; }
}
check analyze-unknown-option t_an_exit 1 "unknown option" "$NKG" analyze --bogus "$T/an.txt"
check analyze-extract-only-option t_an_exit 1 "unknown option" "$NKG" analyze --date 2026-01-01 "$T/an.txt"
check analyze-bad-format t_an_exit 1 "unknown format" "$NKG" analyze -f turtle "$T/an.txt"

t_an_missing_data() { # variable package: exit 3, one line naming the file and the package
	mkdir -p "$T/an-cache-$1"
	env "$1=/nonexistent" NKG_CACHE_DIR="$T/an-cache-$1" "$NKG" analyze "$T/an.txt" >"$T/an-out" 2>"$T/an-err"
	local rc=$?
	cat "$T/an-err"
	[ $rc -eq 3 ] || { echo "exit $rc, want 3"; return 1; }
	[ "$(wc -l <"$T/an-err")" -eq 1 ] || return 1
	grep -q "/nonexistent/" "$T/an-err" && grep -q "$2" "$T/an-err"
}
check analyze-missing-tagger-data t_an_missing_data NKG_TAGGER_DIR liblingua-en-tagger-perl
check analyze-missing-wordnet-data t_an_missing_data NKG_WORDNET_DIR wordnet-base

t_an_bad_utf8() { # exit 2, the byte named, and -o leaves no file
	rm -f "$T/an-bad-utf8.conllu"
	t_an_exit 2 "bad-utf8.txt: byte 8" "$NKG" analyze -f conllu -o "$T/an-bad-utf8.conllu" "$D/bad-utf8.txt" || return 1
	[ ! -e "$T/an-bad-utf8.conllu" ] || { echo "output written"; return 1; }
	! ls "$T" | grep -q 'an-bad-utf8.conllu.tmp'
}
check analyze-bad-utf8-no-output t_an_bad_utf8

t_an_batch() { # a bad file among good ones: exit 2, the good ones written
	"$NKG" analyze -q -f conllu -o "$T/an-batch.conllu" "$T/an.txt" "$D/bad-utf8.txt" "$T/an.jsonl" 2>"$T/an-err"
	[ $? -eq 2 ] || return 1
	grep -q "bad-utf8.txt" "$T/an-err" || return 1
	[ "$(grep -c '^# newdoc id' "$T/an-batch.conllu")" -eq 3 ]
}
check analyze-batch-keeps-good-files t_an_batch

t_an_dev_full() {
	"$NKG" analyze -f conllu examples/*.txt >/dev/full 2>"$T/an-err"
	[ $? -eq 3 ] && [ "$(wc -l <"$T/an-err")" -eq 1 ]
}
check analyze-dev-full-exit-3 t_an_dev_full

t_an_deterministic() {
	"$NKG" analyze -q examples/*.txt >"$T/an-d1" || return 1
	"$NKG" analyze -q examples/*.txt >"$T/an-d2" || return 1
	cmp "$T/an-d1" "$T/an-d2"
}
check analyze-deterministic t_an_deterministic

# Relations on sentences of our own (tests/analyze/relations.txt).
t_an_relations() {
	/usr/bin/python3 - "$NKG" tests/analyze/relations.txt <<'PY'
import subprocess, sys
nkg, path = sys.argv[1], sys.argv[2]
cases, cur = [], None
for line in open(path, encoding="utf-8"):
    if line.startswith("#"):
        continue
    if not line.strip():
        cur = None
        continue
    if line.startswith("  "):
        cur[1].append(line.strip())
    else:
        cur = (line.strip(), [])
        cases.append(cur)
bad = 0
for text, want in cases:
    out = subprocess.run([nkg, "analyze"], input=text.encode(), capture_output=True,
                         check=True).stdout.decode()
    rels = {l.strip() for l in out.splitlines() if l.startswith("  ")}
    for w in want:
        neg = w.startswith("!")
        r = w.lstrip("! ").strip()
        if (r in rels) == neg:
            bad += 1
            print("%s: %s %s" % (text, "unexpected" if neg else "missing", r))
print("%d cases, %d wrong" % (len(cases), bad))
sys.exit(1 if bad else 0)
PY
}
check analyze-relations t_an_relations
# The end of a sentence after a title word ("ambassador.") is an end.
t_an_title_split() {
	n=$(printf 'Ukraine expelled the Hungarian ambassador. The envoy left.\n' |
		"$NKG" analyze -f conllu | grep -c '^# sent_id')
	[ "$n" = 2 ]
}
check analyze-title-ends-sentence t_an_title_split

# Scores on the UD English news sample of ../shared.
if [ -n "$SHARED" ]; then
	t_an_ud_eval() {
		/usr/bin/python3 "$SHARED/tools/ud-eval" "$SHARED/eval/ud/news-dev.conllu" \
			--newskg "$NKG" >"$T/an-ud.out" || { cat "$T/an-ud.out"; return 1; }
		grep -E '^(UPOS|core arguments|sentences)' "$T/an-ud.out"
		grep -q '^UPOS [0-9.]*  XPOS [0-9.]*  LEMMA [0-9.]*$' "$T/an-ud.out" &&
			grep -q '^core arguments P [0-9.]*  R [0-9.]*  F1 [0-9.]*$' "$T/an-ud.out"
	}
	check analyze-ud-eval-runs t_an_ud_eval
	t_an_ud_scores() {
		[ -s "$T/an-ud.out" ] || return 1
		/usr/bin/python3 - "$T/an-ud.out" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
m = re.search(r"^UPOS ([0-9.]+)  XPOS ([0-9.]+)  LEMMA ([0-9.]+)$", out, re.M)
c = re.search(r"^core arguments P ([0-9.]+)  R ([0-9.]+)  F1 ([0-9.]+)$", out, re.M)
assert m and c, "no scores in ud-eval's output"
got = {"UPOS": float(m.group(1)), "XPOS": float(m.group(2)),
       "LEMMA": float(m.group(3)), "core-argument F1": float(c.group(3))}
want = {"UPOS": 0.93, "XPOS": 0.92, "LEMMA": 0.95, "core-argument F1": 0.70}
low = ["%s %.3f < %.2f" % (k, got[k], want[k]) for k in want if got[k] < want[k]]
print("  ".join("%s %.3f (>= %.2f)" % (k, got[k], want[k]) for k in want))
sys.exit("below the bar: " + ", ".join(low) if low else 0)
PY
	}
	check analyze-ud-eval-scores t_an_ud_scores
else
	skip analyze-ud-eval "../shared is not beside the project (skipped)"
fi
