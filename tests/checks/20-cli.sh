# SPDX-License-Identifier: MIT
# The command line: options, exit codes, errors, atomic output.
D=tests/data

t_help() { "$NKG" --help | grep -q "usage: newskg extract" && "$NKG" --version | grep -q "^newskg "; }
check cli-help t_help

t_help_matches_man() {
	# every long option of --help is documented in the man page and back
	"$NKG" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$T/help.opts"
	grep -oE '(Fl |, )\\-[a-z][a-z-]*' doc/newskg.1 | sed -E 's/^(Fl |, )\\-/--/' | sort -u >"$T/man.opts"
	diff "$T/help.opts" "$T/man.opts"
}
check cli-help-matches-man t_help_matches_man

t_exit() { # expected-status command...
	local want=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	local got=$?
	[ "$got" -eq "$want" ] || { echo "exit $got, want $want"; cat "$T/err"; return 1; }
	return 0
}
t_one_line_err() { # expected-status pattern command...
	local want=$1 pat=$2; shift 2
	t_exit "$want" "$@" || return 1
	[ "$(wc -l <"$T/err")" -eq 1 ] || { echo "stderr is not one line:"; cat "$T/err"; return 1; }
	grep -q -- "$pat" "$T/err" || { echo "stderr lacks '$pat':"; cat "$T/err"; return 1; }
}
check cli-unknown-option t_one_line_err 1 "unknown option" "$NKG" extract --bogus
check cli-unknown-command t_one_line_err 1 "unknown command" "$NKG" frobnicate
check cli-bad-format t_one_line_err 1 "unknown format" "$NKG" extract -f yaml "$D/kenya-ethiopia.txt"
check cli-bad-date t_one_line_err 1 "YYYY-MM-DD" "$NKG" extract --date 2026-13-45 "$D/kenya-ethiopia.txt"
check cli-missing-value t_one_line_err 1 "needs a value" "$NKG" extract -f
check cli-missing-file t_one_line_err 2 "nofile.txt" "$NKG" extract "$D/nofile.txt"
check cli-bad-utf8 t_one_line_err 2 "bad-utf8.txt: byte 8" "$NKG" extract "$D/bad-utf8.txt"
check cli-overlong t_one_line_err 2 "overlong.txt: byte 5" "$NKG" extract "$D/overlong.txt"
check cli-surrogate t_one_line_err 2 "surrogate.txt: byte 5" "$NKG" extract "$D/surrogate.txt"
check cli-nul t_one_line_err 2 "nul.txt: byte 4" "$NKG" extract "$D/nul.txt"
check cli-directory t_one_line_err 2 "is a directory" "$NKG" extract "$D"
# the program itself is the binary input (under valgrind $NKG is a script)
check cli-binary t_one_line_err 2 "byte" "$NKG" extract "$PWD/$B/newskg"

t_empty() {
	"$NKG" extract "$D/empty.txt" >"$T/empty.ttl" || return 1
	serdi -i turtle "$T/empty.ttl" >/dev/null
}
check cli-empty-file-valid-graph t_empty

t_stdin() { "$NKG" extract <"$D/kenya-ethiopia.txt" | grep -q "nkg:Document"; }
check cli-stdin t_stdin

t_atomic_keeps_old() {
	echo "old content" >"$T/keep.ttl"
	"$NKG" extract -o "$T/keep.ttl" "$D/bad-utf8.txt" 2>/dev/null && return 1
	[ "$(cat "$T/keep.ttl")" = "old content" ] || { echo "output was overwritten"; return 1; }
	ls "$T" | grep -q 'keep.ttl.tmp' && { echo "temporary file left behind"; return 1; }
	return 0
}
check cli-atomic-bad-input t_atomic_keeps_old

t_atomic_writes() {
	"$NKG" extract -o "$T/new.ttl" "$D/kenya-ethiopia.txt" || return 1
	serdi -i turtle "$T/new.ttl" >/dev/null || return 1
	! ls "$T" | grep -q 'new.ttl.tmp'
}
check cli-atomic-success t_atomic_writes

t_dev_full() {
	"$NKG" extract "$D/kenya-ethiopia.txt" >/dev/full 2>"$T/err"
	[ $? -eq 3 ] || return 1
	[ "$(wc -l <"$T/err")" -eq 1 ]
}
check cli-dev-full-exit-3 t_dev_full

t_to_devstdout() {
	"$NKG" extract -o /dev/stdout "$D/kenya-ethiopia.txt" | grep -q "nkg:Document"
}
check cli-output-device-direct t_to_devstdout

t_fsize() {
	echo "previous" >"$T/limited.ttl"
	( ulimit -f 1; "$NKG" extract --with-text -o "$T/limited.ttl" "$D/kenya-ethiopia.txt" "$D/kenya-ethiopia.txt" "$D/awkward.txt" ) 2>"$T/err"
	local rc=$?
	[ $rc -eq 3 ] || { echo "exit $rc, want 3"; cat "$T/err"; return 1; }
	[ "$(cat "$T/limited.ttl")" = "previous" ] || return 1
	! ls "$T" | grep -q 'limited.ttl.tmp'
}
check cli-file-size-limit t_fsize

t_batch_continues() {
	"$NKG" extract -f nquads "$D/kenya-ethiopia.txt" "$D/bad-utf8.txt" "$D/awkward.txt" >"$T/batch.nq" 2>"$T/err"
	[ $? -eq 2 ] || return 1
	grep -q "bad-utf8.txt" "$T/err" || return 1
	[ "$(cut -d' ' -f4- "$T/batch.nq" | awk '{print $(NF-1)}' | sort -u | wc -l)" -ge 2 ]
}
check cli-batch-keeps-good-files t_batch_continues

t_deterministic() {
	for f in turtle ntriples nquads rdfxml dot svg; do
		"$NKG" extract -f $f "$D/kenya-ethiopia.txt" >"$T/d1" || return 1
		"$NKG" extract -f $f "$D/kenya-ethiopia.txt" >"$T/d2" || return 1
		cmp "$T/d1" "$T/d2" || { echo "format $f differs between runs"; return 1; }
	done
}
check cli-deterministic t_deterministic
