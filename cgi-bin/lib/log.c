/*
 * Logging.  Messages go to stderr (nginx/multiwatch keep it in the program's
 * log file) or to syslog.  Callers must never pass passwords, tokens,
 * session ids or personal data: log what happened, not who it happened to.
 */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "rcm.h"

static const char	*log_progname = "rcm";
static int		 log_syslog;

void
log_init(const char *progname, int use_syslog)
{
	log_progname = progname;
	log_syslog = use_syslog;
	if (use_syslog)
		openlog(progname, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

static void
log_vwrite(int prio, const char *level, const char *fmt, va_list ap)
{
	char		 stamp[32];
	time_t		 now;
	struct tm	 tm;

	if (log_syslog) {
		vsyslog(prio, fmt, ap);
		return;
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %s[%ld] %s: ", stamp, log_progname,
	    (long)getpid(), level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vwrite(LOG_INFO, "info", fmt, ap);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vwrite(LOG_WARNING, "warning", fmt, ap);
	va_end(ap);
}

void
log_errx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vwrite(LOG_ERR, "error", fmt, ap);
	va_end(ap);
}
