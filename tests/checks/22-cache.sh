# SPDX-License-Identifier: MIT
# The compiled lexicon cache: the same output as compiling the Turtle,
# ignored when damaged, and never stale after an ontology file changes.

t_cache_same() {
	local c="$T/c-same" f out
	rm -rf "$c"
	for f in examples/*.txt tests/data/kenya-ethiopia.txt; do
		NKG_CACHE_DIR=off "$NKG" extract -f nquads "$f" >"$T/c-none.nq" || return 1
		NKG_CACHE_DIR="$c" "$NKG" extract -f nquads "$f" >"$T/c-cold.nq" || return 1
		[ "$(ls "$c"/lexicon-*.bin | wc -l)" -eq 1 ] || return 1
		NKG_CACHE_DIR="$c" "$NKG" extract -f nquads "$f" >"$T/c-warm.nq" || return 1
		cmp "$T/c-none.nq" "$T/c-cold.nq" || return 1
		cmp "$T/c-none.nq" "$T/c-warm.nq" || return 1
		[ -s "$T/c-none.nq" ] || return 1
	done
}
check "cache-same-output" t_cache_same

t_cache_damaged() {
	local c="$T/c-bad" bin size
	rm -rf "$c"
	NKG_CACHE_DIR=off "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cb-ref.nq" || return 1
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >/dev/null || return 1
	bin=$(ls "$c"/lexicon-*.bin) || return 1
	size=$(stat -c %s "$bin")
	cp "$bin" "$T/cb-good.bin"
	# truncated; one byte changed in the middle; garbage; empty
	head -c $((size / 2)) "$T/cb-good.bin" >"$bin"
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cb-1.nq" || return 1
	cmp "$T/cb-ref.nq" "$T/cb-1.nq" || return 1
	cmp -s "$bin" "$T/cb-good.bin" || { echo "damaged cache not rewritten"; return 1; }
	printf '\377' | dd of="$bin" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cb-2.nq" || return 1
	cmp "$T/cb-ref.nq" "$T/cb-2.nq" || return 1
	head -c "$size" /dev/urandom >"$bin"
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cb-3.nq" || return 1
	cmp "$T/cb-ref.nq" "$T/cb-3.nq" || return 1
	: >"$bin"
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cb-4.nq" || return 1
	cmp "$T/cb-ref.nq" "$T/cb-4.nq"
}
check "cache-damaged-ignored" t_cache_damaged

t_cache_follows_ontology() { # an edited ontology file is never served stale
	local c="$T/c-edit" o="$T/c-ont"
	rm -rf "$c" "$o"
	cp -r ontology "$o"
	echo 'The Zembla Ports Authority seized a tanker, Zembla officials said.' >"$T/ce.txt"
	NKG_CACHE_DIR="$c" "$NKG" extract --ontology "$o" -f nquads "$T/ce.txt" >"$T/ce-1.nq" || return 1
	! grep -q '/org/zembla-ports>' "$T/ce-1.nq" || return 1
	cat >>"$o/actors.ttl" <<'TTL'

<https://w3id.org/newskg/id/org/zembla-ports> a nkg:Organization ;
    rdfs:label "Zembla Ports Authority"@en .
TTL
	NKG_CACHE_DIR="$c" "$NKG" extract --ontology "$o" -f nquads "$T/ce.txt" >"$T/ce-2.nq" || return 1
	grep -q '/org/zembla-ports>' "$T/ce-2.nq" || return 1
	[ "$(ls "$c"/lexicon-*.bin | wc -l)" -eq 2 ]
}
check "cache-follows-ontology" t_cache_follows_ontology

t_cache_off() {
	local c="$T/c-off"
	rm -rf "$c"
	NKG_CACHE_DIR=off "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >/dev/null || return 1
	[ ! -e "$c" ] || return 1
	# an unwritable cache directory only costs time
	NKG_CACHE_DIR=/proc/newskg-cache "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/co.nq" || return 1
	[ -s "$T/co.nq" ]
}
check "cache-off-or-unwritable" t_cache_off

t_lang_cache_damaged() { # the language data's cache, trusted by its stamp
	local c="$T/c-lang" bin size off
	rm -rf "$c"
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cl-ref.nq" || return 1
	bin=$(ls "$c"/language-*.bin 2>/dev/null) || return 0 # no language data
	size=$(stat -c %s "$bin")
	cp -p "$bin" "$T/cl-good.bin"
	# written to since it was saved: checked in full, and rebuilt
	printf '\377' | dd of="$bin" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cl-1.nq" || return 1
	cmp "$T/cl-ref.nq" "$T/cl-1.nq" || return 1
	cmp -s "$bin" "$T/cl-good.bin" && { echo "damaged cache kept"; return 1; }
	head -c $((size / 2)) "$T/cl-good.bin" >"$bin"
	NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >"$T/cl-2.nq" || return 1
	cmp "$T/cl-ref.nq" "$T/cl-2.nq" || return 1
	# damage the stamp cannot see: whatever comes out, no crash
	for off in 200 $((size / 4)) $((size / 2)) $((size - 100)); do
		cp -p "$T/cl-good.bin" "$bin"
		printf '\377\377\377\377' | dd of="$bin" bs=1 seek="$off" conv=notrunc 2>/dev/null
		touch -r "$T/cl-good.bin" "$bin"
		NKG_CACHE_DIR="$c" "$NKG" extract -f nquads tests/data/kenya-ethiopia.txt >/dev/null || return 1
	done
}
check "lang-cache-damaged-ignored" t_lang_cache_damaged
