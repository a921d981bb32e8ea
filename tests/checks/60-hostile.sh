# SPDX-License-Identifier: MIT
# Hostile and broken input: entity tricks, deep nesting, huge files, bad
# records.  The program may refuse an input (exit 2, one line naming it)
# but must never crash, hang, fetch anything or leak a local file.
# Files are generated into $T; NKG_HUGE=1 adds the 100 MB JSON Lines run.

# Sanitizers and valgrind slow the program down and need a lot of address
# space: stretch the time limits, drop the address-space limit and the
# memory bounds there.
H_SLOW=1 H_MEASURE=1
case "$B" in *san*) H_SLOW=3 H_MEASURE=0 ;; esac
[ -n "${NKG_VALGRIND:-}" ] && H_SLOW=20 H_MEASURE=0

h_status_0_or_2() { # rc
	[ "$1" -eq 0 ] || [ "$1" -eq 2 ] || { echo "exit $1, want 0 or 2"; return 1; }
}

h_nitf() { # DOCTYPE-LINE BODY-TEXT > file
	printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$1"
	printf '<nitf><head><title>Talks</title></head><body><body.content>\n'
	printf '<p>Kenya met Ethiopia on Monday. %s</p>\n' "$2"
	printf '</body.content></body></nitf>\n'
}

h_newsml() { # DOCTYPE-LINE BODY-TEXT > file
	printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$1"
	printf '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1">'
	printf '<contentMeta><headline>Talks</headline></contentMeta><contentSet>'
	printf '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>'
	printf '<p>Kenya met Ethiopia on Monday. %s</p></body></html></inlineXML></contentSet></newsItem>\n' "$2"
}

# XXE: an external entity naming a local file is never expanded.
t_xxe() {
	h_nitf '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>' '&x;' >"$T/xxe.nitf"
	h_newsml '<!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]>' '&x;' >"$T/xxe-g2.xml"
	local f fmt rc
	for f in xxe.nitf:nitf xxe-g2.xml:newsml; do
		fmt=${f#*:} f=${f%%:*}
		timeout $((10 * H_SLOW)) "$NKG" extract -q --with-text --input-format "$fmt" \
			-f ntriples "$T/$f" >"$T/xxe.out" 2>"$T/xxe.err"
		rc=$?
		echo "$f: exit $rc: $(head -c 300 "$T/xxe.err")"
		h_status_0_or_2 $rc || return 1
		if grep -q "root:" "$T/xxe.out" "$T/xxe.err"; then
			echo "$f: /etc/passwd leaked into the output"
			return 1
		fi
	done
}
check hostile-xxe-local-file t_xxe

# External DTDs and parameter entities are not fetched, from the network
# or from disk: a listener counts connections, a local DTD would define
# the entity the body uses.
t_external_dtd() {
	local port rc f
	/usr/bin/python3 - "$T/listen" <<'PY' &
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
open(sys.argv[1] + ".port", "w").write(str(s.getsockname()[1]))
s.settimeout(60)
try:
    while True:
        c, _ = s.accept()   # accept and never answer: a fetch would hang
        open(sys.argv[1] + ".hits", "a").write("connection\n")
except Exception:
    pass
PY
	local lpid=$!
	for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$T/listen.port" ] && break; sleep 0.2; done
	port=$(cat "$T/listen.port" 2>/dev/null) || { kill $lpid; echo "no listener"; return 1; }
	printf '<!ENTITY leak "LEAKED-FROM-DTD">\n' >"$T/local.dtd"
	h_nitf '<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/x.dtd">' '' >"$T/dtd9.nitf"
	h_nitf "<!DOCTYPE nitf SYSTEM \"http://127.0.0.1:$port/x.dtd\">" '' >"$T/dtdnet.nitf"
	h_nitf "<!DOCTYPE nitf [<!ENTITY % p SYSTEM \"http://127.0.0.1:$port/p.dtd\"> %p;]>" '' >"$T/pe.nitf"
	h_nitf "<!DOCTYPE nitf SYSTEM \"file://$T/local.dtd\">" '&leak;' >"$T/dtdfile.nitf"
	h_newsml "<!DOCTYPE newsItem SYSTEM \"http://127.0.0.1:$port/g2.dtd\">" '' >"$T/dtdnet-g2.xml"
	local bad=0
	for f in dtd9.nitf:nitf dtdnet.nitf:nitf pe.nitf:nitf dtdfile.nitf:nitf dtdnet-g2.xml:newsml; do
		local fmt=${f#*:}; f=${f%%:*}
		local t0; t0=$(date +%s)
		timeout $((10 * H_SLOW)) "$NKG" extract -q --with-text --input-format "$fmt" \
			-f ntriples "$T/$f" >"$T/dtd.out" 2>"$T/dtd.err"
		rc=$?
		echo "$f: exit $rc in $(($(date +%s) - t0)) s: $(head -c 300 "$T/dtd.err")"
		h_status_0_or_2 $rc || bad=1
		grep -q "LEAKED-FROM-DTD" "$T/dtd.out" && { echo "$f: the local DTD was loaded"; bad=1; }
	done
	kill $lpid 2>/dev/null
	wait $lpid 2>/dev/null
	if [ -s "$T/listen.hits" ]; then
		echo "the program connected to the DTD server $(wc -l <"$T/listen.hits") time(s)"
		bad=1
	fi
	return $bad
}
check hostile-external-dtd-not-fetched t_external_dtd

# Billion laughs: ten levels of ten references.  Refused (exit 2) quickly
# within 1 GB of address space, with one line naming the file.
t_billion_laughs() {
	{
		printf '<?xml version="1.0"?>\n<!DOCTYPE nitf [\n <!ENTITY lol0 "lol">\n'
		local i
		for i in 1 2 3 4 5 6 7 8 9; do
			printf ' <!ENTITY lol%d "' $i
			printf '&lol%d;' $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) \
				$((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1))
			printf '">\n'
		done
		printf ']>\n<nitf><body><body.content><p>Kenya met Ethiopia. &lol9;</p></body.content></body></nitf>\n'
	} >"$T/lol.nitf"
	local rc t0 t1
	t0=$(date +%s)
	(
		[ "$H_MEASURE" = 1 ] && ulimit -v 1000000
		exec timeout $((10 * H_SLOW)) "$NKG" extract -q --input-format nitf "$T/lol.nitf"
	) >"$T/lol.out" 2>"$T/lol.err"
	rc=$?
	t1=$(date +%s)
	echo "exit $rc in $((t1 - t0)) s, output $(wc -c <"$T/lol.out") bytes; stderr:"
	cat "$T/lol.err"
	[ $rc -eq 2 ] || { echo "want exit 2"; return 1; }
	[ "$(wc -l <"$T/lol.err")" -eq 1 ] || { echo "stderr is not one line"; return 1; }
	grep -q "lol.nitf" "$T/lol.err" || { echo "the message does not name the file"; return 1; }
}
check hostile-billion-laughs t_billion_laughs

# 200,000 nested elements: refused or read, never a stack overflow.
t_deep() {
	/usr/bin/python3 - "$T" <<'PY'
import sys
n, d = 200000, sys.argv[1]
open(d + "/deep.html", "w").write("<html><body>" + "<div>" * n +
    "Kenya met Ethiopia." + "</div>" * n + "</body></html>\n")
open(d + "/deep.nitf", "w").write('<?xml version="1.0"?>\n<nitf><body><body.content>' +
    "<div>" * n + "<p>Kenya met Ethiopia.</p>" + "</div>" * n +
    "</body.content></body></nitf>\n")
open(d + "/deep-open.html", "w").write("<div>" * n + "Kenya met Ethiopia.\n")
PY
	local f rc t0 bad=0
	for f in deep.html:html deep-open.html:html deep.nitf:nitf; do
		local fmt=${f#*:}; f=${f%%:*}
		t0=$(date +%s)
		timeout $((20 * H_SLOW)) "$NKG" extract -q --input-format "$fmt" "$T/$f" >/dev/null 2>"$T/deep.err"
		rc=$?
		echo "$f: exit $rc in $(($(date +%s) - t0)) s: $(head -c 300 "$T/deep.err")"
		h_status_0_or_2 $rc || bad=1
		[ "$(wc -l <"$T/deep.err")" -le 1 ] || { echo "$f: stderr has more than one line"; bad=1; }
	done
	return $bad
}
check hostile-deep-nesting t_deep

# Tag soup: unclosed tags, stray end tags, odd but valid UTF-8.  Read, and
# the article text is there.
t_broken_html() {
	printf '%s\n' '<html><head><title>Talks</title><body><p>Russia condemned Ukraine on Monday.' \
		'<div><b>Kenya met Ethiopia in <i>Nairobi</p></b></span></td>' \
		'<p>☃ ░▒▓ ﬀ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮reversed‬ ​zero​width � &bogus; &#xD800; &#0; <p><p>' \
		'<table><tr><td>The talks went on for three days.</table></html>' \
		'<p>President William Ruto said the deal was signed.</p></body></html>' \
		'<p>Unclosed to the end <a href="x>never closed' >"$T/broken.html"
	"$NKG" extract -q -f ntriples "$T/broken.html" >"$T/broken.nt" 2>"$T/broken.err"
	local rc=$?
	echo "exit $rc: $(cat "$T/broken.err")"
	[ $rc -eq 0 ] || return 1
	serdi -i ntriples "$T/broken.nt" >/dev/null || return 1
	# the text shows in the mentions (nif:anchorOf) of the actors found
	grep -q "Russia condemned Ukraine" "$T/broken.nt" || { echo "the first paragraph is missing"; return 1; }
	grep -q "Kenya met Ethiopia" "$T/broken.nt" || { echo "the unclosed <div><b><i> text is missing"; return 1; }
	grep -q "President William Ruto said" "$T/broken.nt" || { echo "the text after a stray </html> is missing"; return 1; }
}
check hostile-broken-html t_broken_html

# ---- huge inputs: bounded time and memory ----

# Runs the program under /usr/bin/time, killed after H_LIMIT seconds;
# prints and keeps the peak RSS (MB) and wall time (s) in H_RSS and
# H_SECS.  Returns the program's status (124 when it was killed).
H_LIMIT=$((120 * H_SLOW))
h_measure() { # name command...
	local name=$1; shift
	/usr/bin/time -f '%M %e' -o "$T/$name.time" timeout "$H_LIMIT" "$@" \
		>"$T/$name.out" 2>"$T/$name.err"
	local rc=$?
	H_RSS=$(($(cut -d' ' -f1 "$T/$name.time" | tail -1) / 1024))
	H_SECS=$(cut -d' ' -f2 "$T/$name.time" | tail -1 | cut -d. -f1)
	echo "$name: exit $rc, peak RSS $H_RSS MB, wall $(cut -d' ' -f2 "$T/$name.time" | tail -1) s," \
		"input $(($(wc -c <"$T/$name.in") / 1000000)) MB, output $(wc -c <"$T/$name.out") bytes"
	head -c 500 "$T/$name.err"
	return $rc
}

# Copies the measured figures of check NAME into the suite's own output.
h_report() { # name
	grep -h "peak RSS" "$T/$1.log" 2>/dev/null | sed 's/^/     /'
}

h_bounds() { # rc max-rss-mb max-s
	[ "$1" -ne 124 ] || { echo "killed after $3 s"; return 1; }
	[ "$1" -eq 0 ] || { echo "exit $1, want 0"; return 1; }
	[ "$H_SECS" -lt "$3" ] || { echo "took $H_SECS s, limit $3 s"; return 1; }
	[ "$H_MEASURE" = 1 ] || { echo "(memory bound not checked under sanitizers/valgrind)"; return 0; }
	[ "$H_RSS" -lt "$2" ] || { echo "peak RSS $H_RSS MB, limit $2 MB"; return 1; }
}

if [ ! -x /usr/bin/time ]; then
	skip hostile-huge "/usr/bin/time missing (Debian package time; run make deps)"
elif [ -n "${NKG_VALGRIND:-}" ]; then
	skip hostile-huge "too slow under valgrind"
else
	# 30 MB without a sentence boundary: the tokenizer splits long runs.
	t_huge_text() {
		yes 'word and more words' | tr '\n' ' ' | head -c 30000000 >"$T/nostop.in"
		h_measure nostop "$NKG" extract -q "$T/nostop.in"
		h_bounds $? 512 "$H_LIMIT"
	}
	check hostile-huge-30mb-no-sentence-end t_huge_text
	h_report hostile-huge-30mb-no-sentence-end

	# A single 10 MB line of real news sentences.
	t_huge_line() {
		/usr/bin/python3 - "$T/oneline.in" <<'PY'
import sys
t = " ".join(open("tests/data/kenya-ethiopia.txt", encoding="utf-8").read().split())
n = 10_000_000
open(sys.argv[1], "w").write((t + " ") * (n // (len(t) + 1)))
PY
		h_measure oneline "$NKG" extract -q -f nquads "$T/oneline.in"
		h_bounds $? 512 "$H_LIMIT"
	}
	check hostile-huge-10mb-single-line t_huge_line
	h_report hostile-huge-10mb-single-line

	# One 9 MB record of three million empty objects: as a JSON tree it
	# would take 80 times its size, so it is refused once it takes 32
	# times; the next record is read.
	t_tiny_values() {
		/usr/bin/python3 - "$T/tiny.in" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    out.write('{"id": "t1", "text": "Kenya met Ethiopia.", "m": [' +
              ",".join(["{}"] * 3000000) + ']}\n')
    out.write('{"id": "t2", "text": "France backed Morocco."}\n')
PY
		h_measure tiny "$NKG" extract -q --input-format jsonl -f nquads "$T/tiny.in"
		local rc=$?
		[ $rc -eq 2 ] || { echo "exit $rc, want 2"; return 1; }
		grep -q "line 1, .*memory" "$T/tiny.err" || { echo "stderr does not blame line 1's memory"; return 1; }
		grep -q "/doc/t2>" "$T/tiny.out" || { echo "the next record is missing"; return 1; }
		[ "$H_MEASURE" = 1 ] || return 0
		[ "$H_RSS" -lt 512 ] || { echo "peak RSS $H_RSS MB, limit 512 MB"; return 1; }
	}
	check hostile-jsonl-tiny-values t_tiny_values
	h_report hostile-jsonl-tiny-values

	# 100 MB of JSON Lines streamed to N-Quads: memory bounded by one record.
	t_huge_jsonl() {
		/usr/bin/python3 - "$T/big.in" <<'PY'
import glob, json, sys
texts = []
for f in sorted(glob.glob("tests/data/*.txt")):
    try:
        t = open(f, encoding="utf-8").read()
    except UnicodeDecodeError:
        continue
    if t.strip() and "\0" not in t:
        texts.append(t)
blob = "\n\n".join(texts)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(20000):
        t = (blob + "\n\n") * (5000 // len(blob) + 1)
        out.write(json.dumps({"id": "big-%05d" % i, "date": "2026-03-01",
                              "text": t[:5000]}) + "\n")
PY
		# the N-Quads (gigabytes) are counted on the fly, not kept
		/usr/bin/time -f '%M %e' -o "$T/big.time" timeout "$H_LIMIT" \
			"$NKG" extract -q --input-format jsonl -f nquads "$T/big.in" 2>"$T/big.err" |
			grep -c '^<https://w3id.org/newskg/doc/big-[0-9]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ns#Document> <https://w3id.org/newskg/doc/big-[0-9]*> \.$' \
			>"$T/big.graphs"
		local rc=${PIPESTATUS[0]}
		H_RSS=$(($(cut -d' ' -f1 "$T/big.time" | tail -1) / 1024))
		H_SECS=$(cut -d' ' -f2 "$T/big.time" | tail -1 | cut -d. -f1)
		echo "big: exit $rc, peak RSS $H_RSS MB, wall $(cut -d' ' -f2 "$T/big.time" | tail -1) s," \
			"input $(($(wc -c <"$T/big.in") / 1000000)) MB, $(cat "$T/big.graphs") named graphs"
		head -c 500 "$T/big.err"
		h_bounds "$rc" 128 "$H_LIMIT" || return 1
		[ "$(cat "$T/big.graphs")" -eq 20000 ]
	}
	if [ "$H_MEASURE" = 1 ] || [ -n "${NKG_HUGE:-}" ]; then
		check hostile-huge-100mb-jsonl t_huge_jsonl
		h_report hostile-huge-100mb-jsonl
	else
		skip hostile-huge-100mb-jsonl "slow under sanitizers (NKG_HUGE=1 runs it)"
	fi
fi

# ---- bad records and bad files among good ones ----

t_jsonl_bad_middle() {
	{
		printf '{"id":"r1","text":"Kenya met Ethiopia on Monday."}\n'
		printf '{"id":"r2","text":"Russia condemned Ukraine."}\n'
		printf '{"id":"r3","text":"Iran said, "no" to the plan."}\n'
		printf '{"id":"r4","text":"China and India held talks."}\n'
		printf '{"id":"r5","text":"France backed Morocco."}\n'
	} >"$T/mid.jsonl"
	"$NKG" extract -q -f nquads "$T/mid.jsonl" >"$T/mid.nq" 2>"$T/mid.err"
	local rc=$?
	echo "exit $rc: $(cat "$T/mid.err")"
	[ $rc -eq 2 ] || { echo "want exit 2"; return 1; }
	grep -q "line 3" "$T/mid.err" || { echo "stderr does not say line 3"; return 1; }
	[ "$(wc -l <"$T/mid.err")" -eq 1 ] || { echo "stderr is not one line"; return 1; }
	serdi -i nquads "$T/mid.nq" >/dev/null || return 1
	local graphs
	graphs=$(awk '{print $(NF-1)}' "$T/mid.nq" | sort -u | grep -c '^<https://w3id.org/newskg/doc/')
	echo "named graphs: $graphs"
	[ "$graphs" -eq 4 ]
}
check hostile-jsonl-bad-line-3-of-5 t_jsonl_bad_middle

t_batch_bad_utf8() {
	cp tests/data/kenya-ethiopia.txt "$T/a.txt"
	printf '<html><body><p>Russia condemned Ukraine on Monday.</p></body></html>\n' >"$T/b.html"
	printf '{"id":"j1","text":"China and India held talks."}\n{"id":"j2","text":"France backed Morocco."}\n' >"$T/c.jsonl"
	h_nitf '' '' >"$T/d.nitf"
	printf 'Iran met Iraq \377\376 in Baghdad.\n' >"$T/bad.txt"
	"$NKG" extract -q -f nquads "$T/a.txt" "$T/bad.txt" "$T/b.html" "$T/c.jsonl" "$T/d.nitf" \
		>"$T/batch.nq" 2>"$T/batch.err"
	local rc=$?
	echo "exit $rc: $(cat "$T/batch.err")"
	[ $rc -eq 2 ] || { echo "want exit 2"; return 1; }
	grep -q "bad.txt" "$T/batch.err" || { echo "stderr does not name bad.txt"; return 1; }
	[ "$(wc -l <"$T/batch.err")" -eq 1 ] || { echo "stderr is not one line"; return 1; }
	serdi -i nquads "$T/batch.nq" >/dev/null || return 1
	local graphs
	graphs=$(awk '{print $(NF-1)}' "$T/batch.nq" | sort -u | grep -c '^<https://w3id.org/newskg/doc/')
	echo "named graphs: $graphs"
	[ "$graphs" -eq 5 ]
}
check hostile-batch-one-bad-utf8 t_batch_bad_utf8

# Nothing in, a valid (empty) graph out.
t_empty_inputs() {
	: >"$T/empty.jsonl"
	: >"$T/empty.html"
	printf ' \n\t\n  \r\n\n' >"$T/blank.txt"
	local f fmt rc bad=0
	for f in empty.jsonl blank.txt empty.html; do
		for fmt in turtle nquads; do
			"$NKG" extract -q -f $fmt "$T/$f" >"$T/e.out" 2>"$T/e.err"
			rc=$?
			echo "$f -f $fmt: exit $rc, $(wc -c <"$T/e.out") bytes: $(cat "$T/e.err")"
			[ $rc -eq 0 ] || { bad=1; continue; }
			serdi -i $fmt "$T/e.out" >/dev/null || bad=1
		done
	done
	return $bad
}
check hostile-empty-inputs t_empty_inputs
