# SPDX-License-Identifier: MIT
# The installable library: libnewskg.so exports the public header and
# nothing else, `make install PREFIX=...` gives what pkg-config users need,
# a C program built with `pkg-config --cflags --libs newskg` extracts a
# graph from a string, and `make uninstall` leaves the prefix empty.
# The install builds its own plain (unsanitised) copy of the library.

t_lib_exports() {
	local so="$B/libnewskg.so.0"
	[ -e "$so" ] || { echo "no $so"; return 1; }
	sed -n 's/^NKG_API [^(]*[ *]\(nkg_[a-z_0-9]*\)(.*/\1/p' include/newskg.h |
		sort >"$T/declared"
	nm -D --defined-only "$so" | awk '$2 == "T" {print $3}' | sort >"$T/exported"
	echo "declared $(wc -l <"$T/declared"), exported $(wc -l <"$T/exported")"
	diff "$T/declared" "$T/exported" || return 1
	# nothing else leaks out: no data symbols either
	[ "$(nm -D --defined-only "$so" | awk '$2 != "T"' | grep -vc ' A ')" -eq 0 ]
}
check lib-exports-only-public-header t_lib_exports

t_lib_soname() {
	readelf -d "$B/libnewskg.so.0" | grep -q 'SONAME.*\[libnewskg\.so\.0\]'
}
check lib-soname t_lib_soname

P="$T/prefix"
t_install() {
	# SANITIZE= and MAKEFLAGS= keep a sanitizer run's settings out
	env -u MAKEFLAGS -u MAKELEVEL make -s -j2 install SANITIZE= \
		BUILD="$T/ibuild" PREFIX="$P" >"$T/install.log" 2>&1 ||
		{ tail -20 "$T/install.log"; return 1; }
	for f in bin/newskg lib/libnewskg.a lib/libnewskg.so lib/libnewskg.so.0 \
		lib/pkgconfig/newskg.pc include/newskg.h share/man/man1/newskg.1 \
		share/newskg/ontology/newskg.ttl; do
		[ -e "$P/$f" ] || { echo "missing $f"; return 1; }
	done
	ls "$P"/lib/python3*/dist-packages/newskg/__init__.py >/dev/null
}
check install-prefix t_install

t_pkgconfig_program() {
	[ -e "$P/lib/pkgconfig/newskg.pc" ] || return 1
	cat >"$T/prog.c" <<'C'
#include <newskg.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
	static const char text[] = "Brazil and Argentina signed a trade "
	        "agreement on Monday, the two governments said.";
	NkgError err = {0};
	NkgLexicon *lex = NULL;
	if (nkg_lexicon_load(NULL, &lex, &err)) {
		fprintf(stderr, "lexicon: %s\n", err.message);
		return 1;
	}
	NkgDocument *doc = nkg_document_new(text, strlen(text), &err);
	NkgGraph *g = NULL;
	if (!doc || nkg_extract(lex, doc, NULL, &g, &err) ||
	    nkg_graph_write(g, NKG_FORMAT_NTRIPLES, stdout, NULL, &err)) {
		fprintf(stderr, "extract: %s\n", err.message);
		return 1;
	}
	fprintf(stderr, "%zu actors, %zu events\n", nkg_graph_actor_count(g),
	        nkg_graph_event_count(g));
	nkg_graph_free(g);
	nkg_document_free(doc);
	nkg_lexicon_free(lex);
	return 0;
}
C
	local flags
	flags=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs newskg) || return 1
	echo "pkg-config: $flags"
	cc -std=c11 -Wall -Werror "$T/prog.c" -o "$T/prog" $flags || return 1
	# the installed library and its installed ontology, nothing of the tree
	(cd "$T" && env -u NKG_ONTOLOGY LD_LIBRARY_PATH="$P/lib" ./prog >"$T/prog.nt") || return 1
	LD_LIBRARY_PATH="$P/lib" ldd "$T/prog" | grep -q "$P/lib/libnewskg.so.0" || return 1
	grep -q '<https://w3id.org/newskg/id/country/BRA>' "$T/prog.nt" &&
		grep -q '<https://w3id.org/newskg/id/country/ARG>' "$T/prog.nt" &&
		grep -q 'ns#FormalAgreement>' "$T/prog.nt" &&
		serdi -i ntriples "$T/prog.nt" >/dev/null
}
check pkgconfig-program-extracts t_pkgconfig_program

t_writer_program() { # a stream of graphs: a shared actor described once
	[ -e "$P/lib/pkgconfig/newskg.pc" ] || return 1
	cat >"$T/writer.c" <<'C'
#include <newskg.h>
#include <stdio.h>
#include <string.h>
static const char *const texts[] = {
        "Chile and Peru signed a fishing agreement on Monday.",
        "Chile accused Bolivia of closing the border on Tuesday."};
int main(int argc, char **argv)
{
	int stream = argc > 1 && !strcmp(argv[1], "stream");
	NkgError err = {0};
	NkgLexicon *lex = NULL;
	NkgGraphWriter *w = NULL;
	if (nkg_lexicon_load(NULL, &lex, &err) ||
	    nkg_graph_writer_new(&w, NKG_FORMAT_NQUADS, stdout, NULL, &err)) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	for (int i = 0; i < 2; i++) {
		NkgDocument *doc =
		        nkg_document_new(texts[i], strlen(texts[i]), &err);
		NkgGraph *g = NULL;
		if (!doc || nkg_extract(lex, doc, NULL, &g, &err) ||
		    (stream ? nkg_graph_writer_add(w, g, &err)
		            : nkg_graph_write_part(g, NKG_FORMAT_NQUADS, stdout,
		                                   NULL, i == 0, &err))) {
			fprintf(stderr, "%s\n", err.message);
			return 1;
		}
		nkg_graph_free(g);
		nkg_document_free(doc);
	}
	nkg_graph_writer_free(w);
	nkg_lexicon_free(lex);
	return 0;
}
C
	local flags
	flags=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs newskg) || return 1
	cc -std=c11 -Wall -Werror "$T/writer.c" -o "$T/writer" $flags || return 1
	(cd "$T" && LD_LIBRARY_PATH="$P/lib" ./writer stream >"$T/w-stream.nq" &&
		LD_LIBRARY_PATH="$P/lib" ./writer parts >"$T/w-parts.nq") || return 1
	local chile='<https://w3id.org/newskg/id/country/CHL> <http://www.w3.org/2000/01/rdf-schema#label> "Chile"@en .'
	echo "Chile's label: $(grep -cF "$chile" "$T/w-stream.nq") in the stream, $(grep -cF "$chile" "$T/w-parts.nq") graph by graph"
	[ "$(grep -cF "$chile" "$T/w-stream.nq")" -eq 1 ] && [ "$(grep -cF "$chile" "$T/w-parts.nq")" -eq 2 ] || return 1
	# both documents still give Chile's evidence in their own graph
	[ "$(grep -c '^<https://w3id.org/newskg/id/country/CHL> <https://w3id.org/newskg/ns#evidence> .* <https://w3id.org/newskg/doc/' "$T/w-stream.nq")" -eq 2 ] || return 1
	# the same statements
	sort -u "$T/w-parts.nq" | cmp - <(sort -u "$T/w-stream.nq") || return 1
	serdi -i nquads "$T/w-stream.nq" >/dev/null
}
check graph-writer-describes-shared-actors-once t_writer_program

t_static_program() {
	[ -e "$T/prog.c" ] || return 1
	local flags
	flags=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --static --cflags --libs newskg) || return 1
	cc -std=c11 "$T/prog.c" -o "$T/prog-static" -I"$P/include" \
		"$P/lib/libnewskg.a" $flags || return 1
	! ldd "$T/prog-static" | grep -q libnewskg || return 1
	(cd "$T" && env -u NKG_ONTOLOGY ./prog-static) | cmp - "$T/prog.nt"
}
check static-program-same-graph t_static_program

t_installed_cli() {
	(cd "$T" && echo "Chile recalled its ambassador from Peru." |
		env -u NKG_ONTOLOGY "$P/bin/newskg" extract -f nt -) >"$T/cli.nt" || return 1
	grep -q 'country/CHL' "$T/cli.nt"
}
check installed-program-finds-its-ontology t_installed_cli

t_uninstall() {
	env -u MAKEFLAGS -u MAKELEVEL make -s uninstall SANITIZE= \
		BUILD="$T/ibuild" PREFIX="$P" || return 1
	local left
	left=$(find "$P" -type f -o -type l)
	[ -z "$left" ] || { echo "left behind: $left"; return 1; }
}
check uninstall-leaves-nothing t_uninstall
