/*
 * Shared prototypes of cgi-bin/lib, the library every program links.
 * One header, as in OpenBSD style(9); each section names its file.
 */
#ifndef RCM_H
#define RCM_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

/* alloc.c: wrappers that exit on failure; callers never test for NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
		__attribute__((format(printf, 1, 2)));

/* log.c: to stderr (collected by the service manager) or syslog. */
void	 log_init(const char *progname, int use_syslog);
void	 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_errx(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif /* !RCM_H */
