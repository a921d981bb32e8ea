# SPDX-License-Identifier: MIT
# The corpus diagram and timeline of real corpora: readable defaults (at
# most 40 actors, 60 links, one legend), accepted by dot, and a timeline
# a browser draws with one row per shown pair.

# actor nodes of a DOT file: node statements named by an actor's IRI
t_dot_actors() {
	grep -E '^[[:space:]]*"https?://[^"]*"[[:space:]]+\[' "$1" | grep -vc -- '->'
}

t_corpus_diagram_of() { # NAME INPUT...
	local name=$1
	shift
	"$NKG" corpus -q -f dot "$@" -o "$T/$name.dot" || return 1
	local n e
	n=$(t_dot_actors "$T/$name.dot")
	e=$(grep -c -- '" -> "' "$T/$name.dot")
	echo "$name: $n actor nodes, $e links"
	[ "$n" -ge 2 ] && [ "$n" -le 40 ] || return 1
	[ "$e" -ge 1 ] && [ "$e" -le 60 ] || return 1
	[ "$(grep -c '_legend' "$T/$name.dot")" -ge 1 ] || return 1
	dot -Tsvg "$T/$name.dot" -o "$T/$name-dot.svg" || return 1
	"$NKG" corpus -q -f svg "$@" -o "$T/$name.svg" || return 1
	xmllint --noout "$T/$name.svg" || return 1
	# every actor drawn has a link: none stands alone
	/usr/bin/python3 - "$T/$name.dot" <<'PY' || return 1
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read()
nodes = set(re.findall(r'^\s*"(https?://[^"]*)"\s+\[', dot, re.M))
linked = set()
for a, b in re.findall(r'"(https?://[^"]*)"\s*->\s*"(https?://[^"]*)"', dot):
    linked |= {a, b}
alone = nodes - linked
print("actors without a link:", len(alone))
sys.exit(1 if alone else 0)
PY
	"$NKG" corpus -q -f timeline "$@" -o "$T/$name.timeline.svg" || return 1
	xmllint --noout "$T/$name.timeline.svg" || return 1
	local rows want
	rows=$(grep -c '<g class="row">' "$T/$name.timeline.svg")
	want=$(sed -n 's/.*Timeline: [0-9]* documents, \([0-9]*\) actor pairs.*/\1/p' "$T/$name.timeline.svg")
	echo "$name timeline: $rows rows for $want pairs"
	[ -n "$want" ] && [ "$rows" -eq "$want" ] && [ "$rows" -ge 1 ] && [ "$rows" -le 25 ]
}

t_corpus_diagram_examples() {
	t_corpus_diagram_of examples examples/lake-victoria.txt examples/lake-victoria-followup.txt \
		examples/sahel-mission.txt examples/baltic-border.txt examples/red-sea-shipping.txt
}
check corpus-diagram-examples t_corpus_diagram_examples

if [ -n "$SHARED" ] && [ -s "$SHARED/corpus/voa/voa-stories.jsonl" ]; then
	t_corpus_diagram_voa() {
		t_corpus_diagram_of voa --input-format jsonl "$SHARED/corpus/voa/voa-stories.jsonl" || return 1
		# the caps are options: fewer actors and links when asked
		"$NKG" corpus -q -f dot --max-nodes 10 --max-edges 8 --input-format jsonl \
			"$SHARED/corpus/voa/voa-stories.jsonl" -o "$T/voa-small.dot" || return 1
		[ "$(t_dot_actors "$T/voa-small.dot")" -le 10 ] || return 1
		[ "$(grep -c -- '" -> "' "$T/voa-small.dot")" -le 8 ]
	}
	check corpus-diagram-voa t_corpus_diagram_voa
	CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
	if [ -n "$CHROMIUM" ]; then
		t_corpus_timeline_browser() {
			local flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
				--disable-background-networking --disable-component-update --disable-sync
				--user-data-dir=$T/chromium-tl"
			"$NKG" corpus -q -f timeline --input-format jsonl \
				"$SHARED/corpus/voa/voa-stories.jsonl" -o "$T/voa-tl.svg" || return 1
			# shellcheck disable=SC2086
			timeout 60 "$CHROMIUM" $flags --dump-dom "file://$T/voa-tl.svg" \
				>"$T/voa-tl.dom" 2>/dev/null
			local rows want
			rows=$(grep -o '<g class="row">' "$T/voa-tl.dom" | wc -l)
			want=$(grep -c '<g class="row">' "$T/voa-tl.svg")
			echo "rows in the browser's document: $rows of $want"
			[ "$rows" -ge 1 ] && [ "$rows" -eq "$want" ] || return 1
			# shellcheck disable=SC2086
			timeout 60 "$CHROMIUM" $flags --window-size=1400,800 \
				--screenshot="$T/voa-tl.png" "file://$T/voa-tl.svg" >/dev/null 2>&1
			[ -s "$T/voa-tl.png" ] && cp "$T/voa-tl.png" "$B/timeline-screenshot.png"
		}
		check corpus-timeline-browser t_corpus_timeline_browser
	else
		skip corpus-timeline-browser "chromium not installed (apt-get install chromium) (skipped)"
	fi
else
	skip corpus-diagram-voa "../shared/corpus/voa absent (skipped)"
fi
