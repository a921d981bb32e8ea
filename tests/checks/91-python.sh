# SPDX-License-Identifier: MIT
# The Python module (python/newskg, ctypes over libnewskg.so) with Debian's
# python3, and the Dask example on a two-process LocalCluster.  Both load
# the plain library (build/): a sanitised one cannot be loaded into python3.

t_plain_lib() {
	[ -e build/libnewskg.so.0 ] && [ "$B" = build ] && return 0
	env -u MAKEFLAGS -u MAKELEVEL make -s SANITIZE= BUILD=build \
		build/libnewskg.so.0 build/newskg
}

t_python() {
	t_plain_lib || return 1
	NKG_LIBRARY="$PWD/build/libnewskg.so.0" NKG_BIN="$PWD/build/newskg" \
		PYTHONPATH="$PWD/python" /usr/bin/python3 tests/python/test_newskg.py
}
check python-module t_python

t_dask() {
	local corpus=$1
	t_plain_lib || return 1
	NKG_LIBRARY="$PWD/build/libnewskg.so.0" PYTHONPATH="$PWD/python" \
		timeout 300 /usr/bin/python3 tests/python/dask_check.py "$corpus" "$T/dask" "$PWD/build/newskg" 
}
if [ -n "$SHARED" ]; then
	check dask-voa-shards-equal-one-run t_dask "$SHARED/corpus/voa/voa-stories.jsonl"
else
	skip dask-voa-shards-equal-one-run "no ../shared (the VOA corpus)"
fi
