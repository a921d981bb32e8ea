# Inputs the fuzzers (tests/fuzz) once crashed on, through the command line:
# each is read or refused (exit 0 or 2), never a crash (128+) or an internal
# failure (3), with at most one line of stderr per bad input (per non-blank
# line for JSON Lines).  A new finding is one new file in
# tests/fuzz/regressions/TARGET/.
fr_limit=60
[ -n "${NKG_VALGRIND:-}" ] && fr_limit=600
t_fuzz_regression() { # input-format file
	local fmt=$1 f=$2 rc lines max=1
	timeout $fr_limit "$NKG" extract -q --input-format "$fmt" "$f" \
		>"$T/fr.out" 2>"$T/fr.err"
	rc=$?
	lines=$(wc -l <"$T/fr.err")
	echo "exit $rc, $lines line(s) on stderr:"
	head -c 2000 "$T/fr.err"
	[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || { echo "want exit 0 or 2"; return 1; }
	[ "$fmt" = jsonl ] && max=$(grep -c '[^[:space:]]' "$f")
	[ "$lines" -le "$max" ] || { echo "more than $max line(s) on stderr"; return 1; }
}

fr_any=0
for fr_dir in tests/fuzz/regressions/*/; do
	[ -d "$fr_dir" ] || continue
	fr_target=$(basename "$fr_dir")
	case $fr_target in
	text | extract) fr_fmt=text ;;
	html | nitf | newsml | jsonl) fr_fmt=$fr_target ;;
	*) continue ;;
	esac
	for fr_file in "$fr_dir"*; do
		[ -f "$fr_file" ] || continue
		fr_any=1
		check "fuzz-regression-$fr_target-$(basename "$fr_file")" \
			t_fuzz_regression "$fr_fmt" "$fr_file"
	done
done
[ $fr_any = 1 ] || skip fuzz-regressions "no files in tests/fuzz/regressions"
