/*
 * contentcheck: checks the training content before it is committed.
 *
 *	contentcheck [DIR]
 *
 * Reads every module under DIR (default "content") exactly as the
 * programs do at start-up and prints each problem as "path:line:
 * message", or "path: message" when no line applies.  Exits 0 when
 * there is nothing to report, 1 when there is, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/rcm.h"

/*
 * Prints s, with control characters (from file names) shown as '?' so
 * that one problem stays on one line.
 */
static void
put_clean(const char *s)
{
	for (; *s != '\0'; s++)
		putchar((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

static void
print_problem(void *arg, const char *path, size_t line, const char *msg)
{
	(void)arg;
	put_clean(path);
	if (line > 0)
		printf(":%zu", line);
	fputs(": ", stdout);
	put_clean(msg);
	putchar('\n');
}

static void
usage(void)
{
	fprintf(stderr, "usage: contentcheck [DIR]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	const char	*dir = "content";
	size_t		 n;
	int		 ch;

	while ((ch = getopt(argc, argv, "")) != -1)
		usage();
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1)
		dir = argv[0];

	n = catalog_check(dir, print_problem, NULL);
	if (fflush(stdout) == EOF) {
		perror("contentcheck: stdout");
		return 2;
	}
	if (n > 0) {
		fprintf(stderr, "contentcheck: %zu problem%s in %s\n", n,
		    n == 1 ? "" : "s", dir);
		return 1;
	}
	return 0;
}
