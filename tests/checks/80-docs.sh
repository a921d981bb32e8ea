# SPDX-License-Identifier: MIT
# The gallery builds and renders its graphs in a real browser.
t_docs_build() {
	tools/make-docs "$NKG" || return 1
	for f in docs/index.html docs/ontology.html; do [ -s "$f" ] || return 1; done
	[ "$(grep -c '<section class="example"' docs/index.html)" -ge 3 ] || return 1
	[ "$(grep -c '<section class="example"' docs/corpus.html)" -ge 1 ] || return 1
	xmllint --noout docs/corpus-examples.timeline.svg || return 1
	xmllint --noout --html docs/ontology.html 2>/dev/null || true
	grep -q 'nkg:Blockade' docs/ontology.html
}
check docs-build t_docs_build

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROMIUM" ] && [ -s docs/index.html ]; then
	t_docs_browser() {
		local flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
			--disable-background-networking --disable-component-update --disable-sync
			--user-data-dir=$T/chromium-profile"
		# shellcheck disable=SC2086
		timeout 60 "$CHROMIUM" $flags --virtual-time-budget=5000 --dump-dom \
			"file://$PWD/docs/index.html" >"$T/dom.html" 2>/dev/null
		n=$(sed -n 's/.*data-graphs-rendered="\([0-9]*\)".*/\1/p' "$T/dom.html" | head -1)
		want=$(grep -c '<section class="example"' docs/index.html)
		echo "graphs rendered: ${n:-none} of $want"
		[ -n "$n" ] && [ "$n" -eq "$want" ] || return 1
		# shellcheck disable=SC2086
		timeout 60 "$CHROMIUM" $flags --window-size=1200,2400 \
			--screenshot="$T/gallery.png" "file://$PWD/docs/index.html" >/dev/null 2>&1
		[ -s "$T/gallery.png" ] && cp "$T/gallery.png" "$B/gallery-screenshot.png"
	}
	check docs-browser t_docs_browser
	# the corpus page: every corpus diagram laid out, every timeline with
	# its rows drawn (one per shown pair, as many as the SVG holds)
	t_docs_corpus_browser() {
		local flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
			--disable-background-networking --disable-component-update --disable-sync
			--user-data-dir=$T/chromium-profile"
		[ -s docs/corpus.html ] || return 1
		# shellcheck disable=SC2086
		timeout 60 "$CHROMIUM" $flags --virtual-time-budget=5000 --dump-dom \
			"file://$PWD/docs/corpus.html" >"$T/cdom.html" 2>/dev/null
		n=$(sed -n 's/.*data-graphs-rendered="\([0-9]*\)".*/\1/p' "$T/cdom.html" | head -1)
		rows=$(sed -n 's/.*data-timeline-rows="\([0-9,]*\)".*/\1/p' "$T/cdom.html" | head -1)
		want=$(grep -c '<section class="example"' docs/corpus.html)
		echo "corpus diagrams rendered: ${n:-none} of $want; timeline rows: ${rows:-none}"
		[ -n "$n" ] && [ "$n" -eq "$want" ] || return 1
		local f i=1 r
		for f in docs/corpus-*.timeline.svg; do
			r=$(echo "$rows" | cut -d, -f$i)
			[ -n "$r" ] && [ "$r" -gt 0 ] &&
				[ "$r" -eq "$(grep -c '<g class="row">' "$f")" ] || { echo "rows of $f: $r"; return 1; }
			i=$((i + 1))
		done
		# shellcheck disable=SC2086
		timeout 60 "$CHROMIUM" $flags --window-size=1200,3000 \
			--screenshot="$T/corpus.png" "file://$PWD/docs/corpus.html" >/dev/null 2>&1
		[ -s "$T/corpus.png" ] && cp "$T/corpus.png" "$B/corpus-screenshot.png"
	}
	check docs-corpus-browser t_docs_corpus_browser
else
	skip docs-browser "chromium not installed (apt-get install chromium) (skipped)"
fi
