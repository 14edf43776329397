/*
 * The TAP helpers of the unit tests: each test program includes this
 * once, calls ok() for every check and ends with tap_done().
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>

static int	 tap_n;
static int	 tap_failed;

static int	 ok(int, const char *, ...)
		    __attribute__((format(printf, 2, 3), unused));

/* One "ok N - ..." or "not ok N - ..." line; returns cond. */
static int
ok(int cond, const char *fmt, ...)
{
	va_list	 ap;

	tap_n++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	return cond;
}

/* The plan, at the end; the exit status of the program. */
static int __attribute__((unused))
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed == 0 ? 0 : 1;
}

#endif /* !TAP_H */
