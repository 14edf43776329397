/*
 * trainctl: the administrator's command line, for what runs without a
 * browser: demo accounts, accounts and set-password links, and scheduled
 * exports of completion records.
 *
 *	trainctl [-f config] demo
 *	trainctl [-f config] user-add EMAIL ROLE COUNTRY|- FULL NAME...
 *	trainctl [-f config] password-link EMAIL
 *	trainctl [-f config] export --year YYYY [--country CC] [--agency A]
 *	    [--module M] [--format xml|csv|html] [--anonymous] [--lang en|es]
 *	trainctl [-f config] regional-report [--lang en|es] FILE.xml...
 *
 * It reads the same configuration as the programs.  Accounts use the
 * admin program's database account, exports the report program's.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <getopt.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <sodium.h>

#include "paths.h"
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
valid_arg(field_valid_fn fn, const char *val)
{
	struct field	 f;
	int		 ok;

	memset(&f, 0, sizeof(f));
	f.val = xstrdup(val);
	f.valsz = strlen(val);
	ok = fn(&f);
	free(f.val);
	return ok;
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
	/* The same checks as the forms: what goes in comes out in reports. */
	for (i = 0; argv[1][i] != '\0'; i++)
		argv[1][i] = (char)tolower((unsigned char)argv[1][i]);
	if (!valid_arg(valid_email, u.email))
		errx(2, "%s: not an e-mail address", u.email);
	if (strcmp(u.role, "officer") != 0 && strcmp(u.role, "focal") != 0 &&
	    strcmp(u.role, "secretariat") != 0 &&
	    strcmp(u.role, "author") != 0 && strcmp(u.role, "admin") != 0)
		errx(2, "%s: role is officer, focal, secretariat, author or "
		    "admin", u.role);
	if (u.country != NULL && !valid_arg(valid_country, u.country))
		errx(2, "%s: not a member country", u.country);
	if ((strcmp(u.role, "officer") == 0 || strcmp(u.role, "focal") == 0) &&
	    u.country == NULL)
		errx(2, "an officer or focal point needs a country");
	if (*name == '\0' || !valid_utf8(name, strlen(name)) ||
	    !valid_arg(valid_line, name))
		errx(2, "the name must be one line of text");
	u.agency = "";
	u.sex = "unspecified";
	u.lang = "es";
	if (user_upsert(&u) <= 0)
		errx(1, "%s: cannot create the account", u.email);
	free(name);
	return cmd_password_link(u.email);
}


/* Writes the serialised result of stylesheet name on doc to stdout. */
static int
apply_to_stdout(const char *name, xmlDocPtr doc, enum lang lang)
{
	xmlChar	*buf;
	int	 sz, ok;

	ok = view_apply(name, doc, lang, 1, &buf, &sz) &&
	    fwrite(buf, 1, (size_t)sz, stdout) == (size_t)sz;
	xmlFree(buf);
	xmlFreeDoc(doc);
	return ok && fflush(stdout) == 0 ? 0 : 1;
}

/*
 * Exports the completion records of a year, as the report program does,
 * for scheduled runs: XML streamed to standard output, or CSV or the
 * printable HTML report made by the same stylesheets.
 */
static int
cmd_export(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "country", required_argument, NULL, 'c' },
		{ "agency", required_argument, NULL, 'a' },
		{ "module", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'F' },
		{ "lang", required_argument, NULL, 'l' },
		{ "anonymous", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_filter	 f;
	const char		*format = "xml", *country = NULL;
	const char		*agency = NULL, *module = NULL;
	enum lang		 lang = LANG_ES;
	xmlTextWriterPtr	 w;
	xmlDocPtr		 doc = NULL;
	int			 ch, year = 0, personal = 1, n;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (ch) {
		case 'y':
			if (!valid_arg(valid_year, optarg))
				errx(2, "--year: expected 2000 to 2100");
			year = atoi(optarg);
			break;
		case 'c':
			if (!valid_arg(valid_country, optarg))
				errx(2, "--country: not a member country: %s",
				    optarg);
			country = optarg;
			break;
		case 'a':
			agency = optarg;
			break;
		case 'm':
			if (!valid_arg(valid_slug, optarg))
				errx(2, "--module: not a module id: %s", optarg);
			module = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "xml") != 0 &&
			    strcmp(optarg, "csv") != 0 &&
			    strcmp(optarg, "html") != 0)
				errx(2, "--format: xml, csv or html");
			format = optarg;
			break;
		case 'l':
			if ((lang = lang_from_code(optarg)) == LANG__MAX)
				errx(2, "--lang: en or es");
			break;
		case 'A':
			personal = 0;
			break;
		default:
			return 2;
		}
	if (year == 0)
		errx(2, "export: --year is required");
	db_init("report");
	db_set_read_timeout(3600);
	report_filter_init(&f, year);
	f.country = country;
	f.agency = agency;
	f.module = module;
	if (strcmp(format, "xml") == 0) {
		/* Large writes: a million records are half a gigabyte. */
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
		w = xmlNewTextWriter(xmlOutputBufferCreateFile(stdout, NULL));
		n = records_write(w, &f, personal);
		xmlFreeTextWriter(w);
		fflush(stdout);
		if (n < 0)
			errx(1, "database error: the export is incomplete");
		return 0;
	}
	if ((doc = records_doc(&f, personal)) == NULL)
		errx(1, "database error: nothing exported");
	return apply_to_stdout(strcmp(format, "csv") == 0 ? "records-csv" :
	    "records-report", doc, lang);
}

/*
 * Builds the regional report from completion-records files of several
 * countries (xslt/yearly-report.xsl reads each through a manifest).
 */
static int
cmd_regional_report(int argc, char *argv[])
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	enum lang	 lang = LANG_ES;
	char		*abs;
	int		 i = 1;

	if (argc > 2 && strcmp(argv[1], "--lang") == 0) {
		if ((lang = lang_from_code(argv[2])) == LANG__MAX)
			errx(2, "--lang: en or es");
		i = 3;
	}
	if (i >= argc)
		errx(2, "regional-report: name one or more XML files");
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewNode(NULL, BAD_CAST "reports");
	xmlDocSetRootElement(doc, root);
	for (; i < argc; i++) {
		xmlDocPtr check;

		/* Refuse a file that is not completion records, with its name. */
		check = xmlReadFile(argv[i], NULL, XML_PARSE_NONET);
		if (check == NULL || xmlDocGetRootElement(check) == NULL ||
		    strcmp((const char *)xmlDocGetRootElement(check)->name,
		    "completionRecords") != 0)
			errx(1, "%s: not a completion-records file", argv[i]);
		xmlFreeDoc(check);
		if ((abs = realpath(argv[i], NULL)) == NULL)
			err(1, "%s", argv[i]);
		n = xmlNewChild(root, NULL, BAD_CAST "file", NULL);
		xmlNewProp(n, BAD_CAST "href", BAD_CAST abs);
		free(abs);
	}
	return apply_to_stdout("yearly-report", doc, lang);
}

int
main(int argc, char *argv[])
{
	const char	*conf = getenv("RCM_CONFIG");
	int		 ch;

	/* '+': stop at the command; its own options come after it. */
	while ((ch = getopt(argc, argv, "+f:")) != -1)
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
	if (strcmp(argv[0], "export") == 0 ||
	    strcmp(argv[0], "regional-report") == 0) {
		if (!view_init())
			errx(1, "%s: stylesheets do not compile", cfg.xslt_dir);
		if (strcmp(argv[0], "export") == 0)
			return cmd_export(argc, argv);
		return cmd_regional_report(argc, argv);
	}
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
	    "       trainctl [-f config] password-link EMAIL\n"
	    "       trainctl [-f config] export --year YYYY [--country CC] "
	    "[--agency A] [--module M]\n"
	    "                [--format xml|csv|html] [--anonymous] "
	    "[--lang en|es]\n"
	    "       trainctl [-f config] regional-report [--lang en|es] "
	    "FILE.xml...\n");
	return 2;
}
