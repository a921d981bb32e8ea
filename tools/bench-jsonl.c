/* SPDX-License-Identifier: MIT */
/* bench-jsonl.c: MB/s of the JSON Lines reader alone.
 *
 * usage: bench-jsonl FILE [ROUNDS]
 * Reads every record of FILE with nkg_jsonl_next() (lines, JSON parsing,
 * the record's members copied out) ROUNDS times (default 5) and prints the
 * best and the median round; nothing is extracted, so the figure is the
 * reader's own.  The file is read once before timing, so the page cache
 * holds it. */
#include "input/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Reads every record of F once; returns the number read, or -1. */
static long read_all(FILE *f, const char *name, long *bad)
{
	NkgJsonlReader *r = nkg_jsonl_open(f, name);
	if (!r)
		return -1;
	long n = 0;
	*bad = 0;
	for (int eof = 0;;) {
		NkgRecord rec = {0};
		NkgError err = {0};
		NkgStatus st = nkg_jsonl_next(r, &rec, &eof, &err);
		nkg_record_clear(&rec);
		if (eof)
			break;
		if (st == NKG_ERR_INTERNAL) {
			nkg_jsonl_close(r);
			return -1;
		}
		if (st)
			++*bad;
		else
			n++;
	}
	nkg_jsonl_close(r);
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-jsonl FILE [ROUNDS]\n");
		return 1;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	if (rounds < 1)
		rounds = 1;
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fseek(f, 0, SEEK_END);
	double mb = ftell(f) / 1e6;
	double *t = malloc((size_t)rounds * sizeof *t);
	long n = 0, bad = 0;
	if (!t)
		return 2;
	for (int k = -1; k < rounds; k++) { /* round -1 warms the cache */
		rewind(f);
		double t0 = now();
		if ((n = read_all(f, argv[1], &bad)) < 0) {
			fprintf(stderr, "bench-jsonl: out of memory\n");
			return 3;
		}
		if (k >= 0)
			t[k] = now() - t0;
	}
	fclose(f);
	qsort(t, (size_t)rounds, sizeof *t, cmp_double);
	printf("JSON Lines reader %ld records (%ld refused), %.1f MB: "
	       "%.1f MB/s median, %.1f MB/s best of %d\n",
	       n, bad, mb, mb / t[rounds / 2], mb / t[0], rounds);
	free(t);
	return 0;
}
