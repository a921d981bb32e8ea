/* SPDX-License-Identifier: MIT */
/* cache.h: the compiled lexicon saved beside the user's other caches. */
#ifndef NKG_LEXCACHE_H
#define NKG_LEXCACHE_H

#include "lexicon/lexicon.h"

#include <stdint.h>

/* Hash of the names and bytes of the ontology files in DIR that make the
 * lexicon; -1 when one cannot be read. */
int nkg_lexcache_key(const char *dir, uint64_t *key);

/* The cache file for KEY: $NKG_CACHE_DIR (empty or "off": no cache),
 * else $XDG_CACHE_HOME/newskg, else ~/.cache/newskg.  NULL for none;
 * free() the result. */
char *nkg_lexcache_path(uint64_t key);

/* Creates the directories above PATH. */
int nkg_lexcache_mkdir(const char *path);

/* The lexicon saved in PATH under KEY, or NULL when it is missing, from
 * other files, or damaged. */
NkgLexicon *nkg_lexcache_read(const char *path, uint64_t key);

/* Saves LX in PATH under KEY (a temporary file renamed into place). */
int nkg_lexcache_write(const char *path, uint64_t key, const NkgLexicon *lx);

#endif
