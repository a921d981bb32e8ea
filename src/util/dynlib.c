/* SPDX-License-Identifier: MIT */
/* dynlib.c: opening a library on first use (see dynlib.h). */
#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

int nkg_dynlib_open(NkgDynlib *d, const char *soname, int flags,
                    const char *package, const char *install,
                    const char *const *names, void **syms, size_t n)
{
	d->loaded = -1;
	void *h = dlopen(soname, flags);
	if (!h) {
		snprintf(d->failure, sizeof d->failure,
		         "cannot load %s (Debian package %s): %s", soname,
		         package, dlerror());
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!(syms[i] = dlsym(h, names[i]))) {
			snprintf(d->failure, sizeof d->failure,
			         "%s lacks %s; install %s", soname, names[i],
			         install);
			return -1;
		}
	d->loaded = 1;
	return 0;
}

int nkg_dynlib_load(NkgDynlib *d, void (*load)(void), char *msg, size_t n)
{
	pthread_once(&d->once, load);
	if (d->loaded != 1 && msg && n)
		snprintf(msg, n, "%s", d->failure);
	return d->loaded == 1 ? 0 : -1;
}
