# SPDX-License-Identifier: MIT
# The seed article against its gold checks (needs ../shared).
if [ -n "$SHARED" ]; then
	t_gold() { # level
		"$NKG" extract "$SHARED/corpus/seed-cuba-venezuela.txt" -o "$T/seed.ttl" || return 1
		"$SHARED/tools/gold-check" "$SHARED/gold/seed-cuba-venezuela.rq" "$T/seed.ttl" \
			--ontology ontology/newskg.ttl --text "$SHARED/corpus/seed-cuba-venezuela.txt" \
			--level "$1" >"$T/gold-$1.out"
		local rc=$?
		cat "$T/gold-$1.out"
		if [ "$1" = full ]; then
			# at least 80% of core+full checks pass
			tail -1 "$T/gold-$1.out" | awk '{ p=$1; f=$3; exit !(p/(p+f) >= 0.8) }'
		else
			return $rc
		fi
	}
	check gold-seed-core t_gold core
	check gold-seed-full-80pct t_gold full
else
	skip gold-seed "../shared not found (skipped)"
fi
