# SPDX-License-Identifier: MIT
# Unit tests: one program per stage in tests/unit, built by make.
for u in "$B"/tests/test_*; do
	[ -x "$u" ] || continue
	case "$u" in *.log) continue ;; esac
	if [ -n "${NKG_VALGRIND:-}" ]; then
		check "unit-$(basename "$u")" valgrind -q --suppressions=tests/valgrind.supp --leak-check=full \
			--errors-for-leak-kinds=definite --error-exitcode=99 "$u"
	else
		check "unit-$(basename "$u")" "$u"
	fi
done
