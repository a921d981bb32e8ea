/* SPDX-License-Identifier: MIT */
/* dynlib.c: opening a library on first use (see dynlib.h). */
#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

int nkg_dynlib_open(const char *soname, int flags, const char *package,
                    const char *install, const char *const *names, void **syms,
                    size_t n, char *msg, size_t size)
{
	void *h = dlopen(soname, flags);
	if (!h) {
		snprintf(msg, size, "cannot load %s (Debian package %s): %s",
		         soname, package, dlerror());
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!(syms[i] = dlsym(h, names[i]))) {
			snprintf(msg, size, "%s lacks %s; install %s", soname,
			         names[i], install);
			return -1;
		}
	return 0;
}
