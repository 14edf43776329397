/*
 * trainctl: the administrator's command line, for what runs without a
 * browser: demo accounts, accounts and set-password links, and scheduled
 * exports of completion records.
 *
 *	trainctl [-f config] demo
 *	trainctl [-f config] user-add EMAIL ROLE COUNTRY|- FULL NAME...
 *	trainctl [-f config] password-link EMAIL
 *
 * It reads the same configuration as the programs and connects with the
 * admin program's database account.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <sodium.h>

#include "rcm.h"

#define DEMO_PASSWORD	"demo-password-2026"
#define LINK_LIFETIME	(7 * 24 * 60 * 60)

struct demo_user {
	const char	*email, *name, *role, *country, *agency, *sex, *lang;
};

static const struct demo_user demo_users[] = {
	{ "officer@demo.rcm", "Ana Solís", "officer", "CR",
	    "Dirección General de Migración y Extranjería", "female", "en" },
	{ "oficial@demo.rcm", "Carlos Pérez", "officer", "GT",
	    "Instituto Guatemalteco de Migración", "male", "es" },
	{ "focal.cr@demo.rcm", "María Fernández", "focal", "CR",
	    "Dirección General de Migración y Extranjería", "female", "es" },
	{ "ts@demo.rcm", "RCM Technical Secretariat", "secretariat", NULL,
	    "RCM Technical Secretariat", "unspecified", "en" },
	{ "author@demo.rcm", "UNHCR Author", "author", NULL, "UNHCR",
	    "unspecified", "en" },
	{ "admin@demo.rcm", "Platform Administrator", "admin", NULL,
	    "RCM Technical Secretariat", "unspecified", "en" },
};

static int64_t
user_upsert(const struct demo_user *u)
{
	struct db_cursor	*c;
	int64_t			 id = 0;

	if (db_exec(STMT_USER_UPSERT, "sssssss", u->email, u->name, u->role,
	    u->country, u->agency, u->sex, u->lang) < 0)
		return -1;
	if ((c = db_open(STMT_USER_BY_EMAIL, "s", u->email)) == NULL)
		return -1;
	if (db_fetch(c) == 1)
		id = db_int(c, 0);
	db_close(c);
	return id;
}

static int
cmd_demo(void)
{
	char	*hash;
	size_t	 i;
	int64_t	 id;

	if ((hash = password_hash(DEMO_PASSWORD)) == NULL)
		errx(1, "cannot hash the demo password");
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		if ((id = user_upsert(&demo_users[i])) <= 0)
			errx(1, "%s: cannot create (is the database up?)",
			    demo_users[i].email);
		if (db_exec(STMT_USER_SET_PASSWORD, "si", hash, id) < 0)
			errx(1, "%s: cannot set password", demo_users[i].email);
	}
	free(hash);
	return 0;
}

/* Prints a single-use link to set a password, valid for a week. */
static int
cmd_password_link(const char *email)
{
	struct db_cursor	*c;
	unsigned char		 hash[32];
	char			 token[TOKEN_LEN + 1];
	int64_t			 id = 0;

	if ((c = db_open(STMT_USER_BY_EMAIL, "s", email)) == NULL)
		errx(1, "database unavailable");
	if (db_fetch(c) == 1)
		id = db_int(c, 0);
	db_close(c);
	if (id == 0)
		errx(1, "%s: no such account", email);
	token_new(token);
	token_hash(token, hash);
	if (db_exec(STMT_PWTOKEN_INSERT, "bii", hash, sizeof(hash), id,
	    (int64_t)LINK_LIFETIME) != 1)
		errx(1, "cannot store the link");
	printf("%s/learn/set-password?token=%s\n", cfg.base_url, token);
	return 0;
}

static int
cmd_user_add(int argc, char *argv[])
{
	struct demo_user	 u;
	char			*name;
	size_t			 i, n = 0;

	if (argc < 5)
		errx(2, "usage: trainctl user-add EMAIL ROLE COUNTRY|- FULL NAME");
	for (i = 4; i < (size_t)argc; i++)
		n += strlen(argv[i]) + 1;
	name = xcalloc(1, n + 1);
	for (i = 4; i < (size_t)argc; i++) {
		if (i > 4)
			strcat(name, " ");
		strcat(name, argv[i]);
	}
	memset(&u, 0, sizeof(u));
	u.email = argv[1];
	u.role = argv[2];
	u.country = strcmp(argv[3], "-") == 0 ? NULL : argv[3];
	u.name = name;
	u.agency = "";
	u.sex = "unspecified";
	u.lang = "es";
	if (user_upsert(&u) <= 0)
		errx(1, "%s: cannot create the account", u.email);
	free(name);
	return cmd_password_link(u.email);
}

int
main(int argc, char *argv[])
{
	const char	*conf = getenv("RCM_CONFIG");
	int		 ch;

	while ((ch = getopt(argc, argv, "f:")) != -1)
		switch (ch) {
		case 'f':
			conf = optarg;
			break;
		default:
			goto usage;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		goto usage;
	if (!config_load(conf != NULL ? conf : SYSCONFDIR "/rcm/rcm.conf"))
		errx(1, "configuration has errors");
	log_init("trainctl", 0);
	if (sodium_init() < 0)
		errx(1, "sodium_init");
	xmlInitParser();
	db_init("admin");
	if (strcmp(argv[0], "demo") == 0)
		return cmd_demo();
	if (strcmp(argv[0], "user-add") == 0)
		return cmd_user_add(argc, argv);
	if (strcmp(argv[0], "password-link") == 0 && argc == 2)
		return cmd_password_link(argv[1]);
usage:
	fprintf(stderr, "usage: trainctl [-f config] demo\n"
	    "       trainctl [-f config] user-add EMAIL ROLE COUNTRY|- NAME\n"
	    "       trainctl [-f config] password-link EMAIL\n");
	return 2;
}
