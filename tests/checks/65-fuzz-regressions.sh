# SPDX-License-Identifier: MIT
# Inputs the fuzzers (tests/fuzz) once crashed on, through the command line:
# each is read or refused (exit 0 or 2), never a crash (128+) or an internal
# failure (3), with at most one line of stderr per bad input (per non-blank
# line for JSON Lines).  Those of the analyze target go through newskg
# analyze in both of its formats, the others through newskg extract.  A new
# finding is one new file in tests/fuzz/regressions/TARGET/.
fr_limit=60
[ -n "${NKG_VALGRIND:-}" ] && fr_limit=600
t_fuzz_regression() { # command input-format file
	local cmd=$1 fmt=$2 f=$3 rc lines max=1 of ofs=turtle
	[ "$cmd" = analyze ] && ofs="text conllu"
	[ "$fmt" = jsonl ] && max=$(grep -c '[^[:space:]]' "$f")
	for of in $ofs; do
		timeout $fr_limit "$NKG" "$cmd" -q -f "$of" --input-format "$fmt" "$f" \
			>"$T/fr.out" 2>"$T/fr.err"
		rc=$?
		lines=$(wc -l <"$T/fr.err")
		echo "$cmd -f $of: exit $rc, $lines line(s) on stderr:"
		head -c 2000 "$T/fr.err"
		[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || { echo "want exit 0 or 2"; return 1; }
		[ "$lines" -le "$max" ] || { echo "more than $max line(s) on stderr"; return 1; }
	done
}

fr_any=0
for fr_dir in tests/fuzz/regressions/*/; do
	[ -d "$fr_dir" ] || continue
	fr_target=$(basename "$fr_dir")
	fr_cmd=extract
	case $fr_target in
	text | extract) fr_fmt=text ;;
	analyze) fr_cmd=analyze fr_fmt=text ;;
	html | nitf | newsml | jsonl) fr_fmt=$fr_target ;;
	*) continue ;;
	esac
	for fr_file in "$fr_dir"*; do
		[ -f "$fr_file" ] || continue
		fr_any=1
		check "fuzz-regression-$fr_target-$(basename "$fr_file")" \
			t_fuzz_regression "$fr_cmd" "$fr_fmt" "$fr_file"
	done
done
[ $fr_any = 1 ] || skip fuzz-regressions "no files in tests/fuzz/regressions"
