/*
 * Configuration: a file of "key = value" lines ('#' starts a comment),
 * then environment variables RCM_KEY (upper case) that override it, so a
 * service unit or the test harness can change one value without a file.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bsd/stdlib.h>

#include "paths.h"
#include "rcm.h"

struct config	 cfg;

enum conf_type {
	CONF_STR,
	CONF_INT,
	CONF_BOOL
};

struct conf_key {
	const char	*name;
	enum conf_type	 type;
	void		*ptr;
	long long	 min, max;
};

static const struct conf_key conf_keys[] = {
	{ "db_socket", CONF_STR, &cfg.db_socket, 0, 0 },
	{ "db_name", CONF_STR, &cfg.db_name, 0, 0 },
	{ "secrets_dir", CONF_STR, &cfg.secrets_dir, 0, 0 },
	{ "content_dir", CONF_STR, &cfg.content_dir, 0, 0 },
	{ "xslt_dir", CONF_STR, &cfg.xslt_dir, 0, 0 },
	{ "base_url", CONF_STR, &cfg.base_url, 0, 0 },
	{ "cookie_secure", CONF_BOOL, &cfg.cookie_secure, 0, 1 },
	{ "max_body", CONF_INT, &cfg.max_body, 1024, 256 * 1024 * 1024 },
	{ "quiz_attempts_per_day", CONF_INT, &cfg.quiz_attempts_per_day,
	    1, 1000 },
	{ "session_idle", CONF_INT, &cfg.session_idle, 60, 86400 },
	{ "session_absolute", CONF_INT, &cfg.session_absolute, 60, 604800 },
	{ "log_syslog", CONF_BOOL, &cfg.log_syslog, 0, 1 },
};
#define CONF_KEYSZ	(sizeof(conf_keys) / sizeof(conf_keys[0]))

static void
config_defaults(void)
{
	cfg.db_socket = xstrdup("/run/rcm/mysqld.sock");
	cfg.db_name = xstrdup("rcm");
	cfg.secrets_dir = xstrdup(SYSCONFDIR "/rcm/secrets");
	cfg.content_dir = xstrdup(DATADIR "/rcm/content");
	cfg.xslt_dir = xstrdup(DATADIR "/rcm/xslt");
	cfg.base_url = xstrdup("http://127.0.0.1:8080");
	cfg.cookie_secure = 1;
	cfg.max_body = 64 * 1024 * 1024;
	cfg.quiz_attempts_per_day = 3;
	cfg.session_idle = 30 * 60;
	cfg.session_absolute = 12 * 60 * 60;
	cfg.log_syslog = 0;
}

/* Sets one key; returns an error message or NULL. */
static const char *
config_set(const char *name, const char *val)
{
	const struct conf_key	*k;
	const char		*errstr;
	long long		 n;
	size_t			 i;

	for (i = 0; i < CONF_KEYSZ; i++)
		if (strcmp(conf_keys[i].name, name) == 0)
			break;
	if (i == CONF_KEYSZ)
		return "unknown key";
	k = &conf_keys[i];
	switch (k->type) {
	case CONF_STR:
		free(*(char **)k->ptr);
		*(char **)k->ptr = xstrdup(val);
		break;
	case CONF_BOOL:
		if (strcmp(val, "yes") == 0 || strcmp(val, "1") == 0)
			*(int *)k->ptr = 1;
		else if (strcmp(val, "no") == 0 || strcmp(val, "0") == 0)
			*(int *)k->ptr = 0;
		else
			return "expected yes or no";
		break;
	case CONF_INT:
		n = strtonum(val, k->min, k->max, &errstr);
		if (errstr != NULL)
			return errstr;
		if (k->ptr == &cfg.max_body)
			cfg.max_body = (size_t)n;
		else
			*(int *)k->ptr = (int)n;
		break;
	}
	return NULL;
}

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/*
 * Loads defaults, then the file (when path is not NULL and exists), then
 * the environment.  Returns 0 after printing "path:line: message" on a
 * bad line, so a typo stops the program at start instead of being ignored.
 */
int
config_load(const char *path)
{
	FILE		*f;
	char		*line = NULL, *eq, *key, *val, env[64];
	const char	*msg, *ev;
	size_t		 cap = 0, lineno = 0, i, j;
	int		 ok = 1;

	config_defaults();
	if (path != NULL && (f = fopen(path, "r")) != NULL) {
		while (getline(&line, &cap, f) != -1) {
			lineno++;
			if ((eq = strchr(line, '#')) != NULL)
				*eq = '\0';
			key = trim(line);
			if (*key == '\0')
				continue;
			if ((eq = strchr(key, '=')) == NULL) {
				warnx("%s:%zu: expected key = value", path,
				    lineno);
				ok = 0;
				continue;
			}
			*eq = '\0';
			key = trim(key);
			val = trim(eq + 1);
			if ((msg = config_set(key, val)) != NULL) {
				warnx("%s:%zu: %s: %s", path, lineno, key, msg);
				ok = 0;
			}
		}
		free(line);
		fclose(f);
	} else if (path != NULL && errno != ENOENT) {
		warn("%s", path);
		ok = 0;
	}
	for (i = 0; i < CONF_KEYSZ; i++) {
		snprintf(env, sizeof(env), "RCM_%s", conf_keys[i].name);
		for (j = 4; env[j] != '\0'; j++)
			env[j] = toupper((unsigned char)env[j]);
		if ((ev = getenv(env)) == NULL)
			continue;
		if ((msg = config_set(conf_keys[i].name, ev)) != NULL) {
			warnx("%s: %s", env, msg);
			ok = 0;
		}
	}
	return ok;
}
