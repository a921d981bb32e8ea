# SPDX-License-Identifier: MIT
# The gallery builds and renders its graphs in a real browser.
t_docs_build() {
	tools/make-docs "$NKG" || return 1
	for f in docs/index.html docs/ontology.html; do [ -s "$f" ] || return 1; done
	[ "$(grep -c '<section class="example"' docs/index.html)" -ge 3 ] || return 1
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
else
	skip docs-browser "chromium not installed (apt-get install chromium) (skipped)"
fi
