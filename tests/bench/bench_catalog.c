/*
 * Catalog load time: the bundled modules, and 200 synthetic modules made
 * by copying one bundled module under new names.  Prints the median of
 * several loads in milliseconds.  No thresholds: this measures.
 *
 *	bench_catalog CONTENT_DIR SCRATCH_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "rcm.h"

#define RUNS	7

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
problem(void *arg, const char *path, size_t line, const char *msg)
{
	(void)arg;
	fprintf(stderr, "%s:%zu: %s\n", path, line, msg);
}

static double
median_load_ms(const char *dir, size_t *modules)
{
	struct catalog	*c;
	struct timespec	 t0, t1;
	double		 ms[RUNS];
	int		 i;

	for (i = 0; i < RUNS; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		c = catalog_load(dir, problem, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (c == NULL) {
			fprintf(stderr, "%s does not load\n", dir);
			exit(1);
		}
		*modules = c->modulesz;
		catalog_free(c);
		ms[i] = (t1.tv_sec - t0.tv_sec) * 1e3 +
		    (t1.tv_nsec - t0.tv_nsec) / 1e6;
	}
	qsort(ms, RUNS, sizeof(ms[0]), cmp_double);
	return ms[RUNS / 2];
}

int
main(int argc, char *argv[])
{
	char	*cmd;
	size_t	 n, i;
	double	 ms;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_catalog CONTENT SCRATCH\n");
		return 2;
	}
	if (sodium_init() < 0)
		return 1;
	ms = median_load_ms(argv[1], &n);
	printf("catalog load, bundled content (%zu modules): %.1f ms\n", n, ms);
	/* The bundled modules (links between them resolve), then copies. */
	cmd = xasprintf("mkdir -p '%s' && cp -R '%s'/*/ '%s'/", argv[2],
	    argv[1], argv[2]);
	if (system(cmd) != 0)
		return 1;
	free(cmd);
	for (i = n; i < 200; i++) {
		cmd = xasprintf("cp -R '%s/first-contact' '%s/synthetic-%03zu' "
		    "&& sed -i 's/^order: .*/order: %zu/' "
		    "'%s/synthetic-%03zu/module.txt'", argv[1], argv[2], i,
		    i + 1, argv[2], i);
		if (system(cmd) != 0)
			return 1;
		free(cmd);
	}
	ms = median_load_ms(argv[2], &n);
	printf("catalog load, synthetic content (%zu modules, %zu lessons "
	    "each): %.1f ms\n", n, (size_t)4, ms);
	return 0;
}
