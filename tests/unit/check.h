/* SPDX-License-Identifier: MIT */
/* check.h: the unit tests' one assertion.  CHECK counts a failed
 * condition in FAILURES and names it on stderr; a test's main returns
 * FAILURES != 0. */
#ifndef NKG_TEST_CHECK_H
#define NKG_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			failures++;                                            \
		}                                                              \
	} while (0)

#endif /* NKG_TEST_CHECK_H */
