/*
 * The FastCGI loop shared by every program: accept, parse, route through
 * the program's page table, look the session up, check CSRF on writes,
 * call the handler.  Workers are forked and restarted by multiwatch; each
 * is single-threaded and serves one request at a time.
 *
 * Signals: HUP or USR2 reload the content catalog (multiwatch forwards
 * USR2 to every worker); TERM, INT and USR1 stop after the request in
 * progress.
 */
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <libxml/parser.h>
#include <sodium.h>

#include "paths.h"
#include "rcm.h"

struct catalog			*catalog_current;

static volatile sig_atomic_t	 want_reload;
static volatile sig_atomic_t	 want_quit;

static void
on_reload(int sig)
{
	(void)sig;
	want_reload = 1;
}

/* Accept is interrupted (FCGI_FAIL_ACCEPT_ON_INTR): the loop ends cleanly. */
static void
on_quit(int sig)
{
	(void)sig;
	want_quit = 1;
}

static void
signals_install(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: accept() must return so the flags are seen. */
	sa.sa_handler = on_reload;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = on_quit;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void
catalog_log_problem(void *arg, const char *path, size_t line, const char *msg)
{
	(void)arg;
	if (line > 0)
		log_warnx("content: %s:%zu: %s", path, line, msg);
	else
		log_warnx("content: %s: %s", path, msg);
}

/*
 * Builds a new catalog and swaps it in; keeps the old one, and says why,
 * when the new one does not load.
 */
static int
catalog_reload(const struct program *prog)
{
	struct catalog	*next;

	if ((next = catalog_load(cfg.content_dir, catalog_log_problem,
	    NULL)) == NULL) {
		if (catalog_current != NULL)
			log_warnx("content: reload failed, keeping "
			    "version %s", catalog_current->version);
		else
			log_errx("content: %s does not load",
			    cfg.content_dir);
		return 0;
	}
	catalog_free(catalog_current);
	catalog_current = next;
	log_info("content: version %s, %zu modules", next->version,
	    next->modulesz);
	if (prog->catalog_loaded != NULL)
		prog->catalog_loaded();
	return 1;
}

/* Matches a route pattern; each star in it matches one path segment. */
static int
route_match(const char *pattern, const char *path, struct req *req)
{
	const char	*p = pattern, *s = path;
	size_t		 n, i;

	for (i = 0; i < req->segsz; i++)
		free(req->seg[i]);
	req->segsz = 0;
	while (*p != '\0') {
		if (*p == '*') {
			/* Segments are names: no dot files, no "..". */
			n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
			if (n == 0 || n > 128 || s[0] == '.' ||
			    (s[n] != '/' && s[n] != '\0') ||
			    req->segsz == REQ_MAXSEG)
				return 0;
			req->seg[req->segsz++] = xstrndup(s, n);
			s += n;
			p++;
		} else if (*p++ != *s++)
			return 0;
	}
	return *s == '\0';
}

/* First language of Accept-Language that we have, else LANG__MAX. */
static enum lang
lang_negotiate(const char *al)
{
	char	 tag[3];
	size_t	 n;
	enum lang l;

	while (al != NULL && *al != '\0') {
		al += strspn(al, " ,");
		n = strcspn(al, "-;, ");
		if (n == 2) {
			tag[0] = (char)(al[0] | 0x20);
			tag[1] = (char)(al[1] | 0x20);
			tag[2] = '\0';
			if ((l = lang_from_code(tag)) != LANG__MAX &&
			    strncmp(al + strcspn(al, ";,"), ";q=0,", 5) != 0 &&
			    strcmp(al + strcspn(al, ";,"), ";q=0") != 0)
				return l;
		}
		al = strchr(al, ',');
	}
	return LANG__MAX;
}

static void
req_set_lang(struct req *req)
{
	char		 buf[8];
	const char	*c;

	if (req->session != NULL && req->session->lang != LANG__MAX)
		req->lang = req->session->lang;
	else if ((c = req_cookie(req, "lang", buf, sizeof(buf))) != NULL &&
	    lang_from_code(c) != LANG__MAX)
		req->lang = lang_from_code(c);
	else if ((req->lang = lang_negotiate(req->accept_language)) ==
	    LANG__MAX)
		req->lang = LANG_ES;
}

/*
 * GET /PROGRAM/healthz.
 * 200: the database answered one query; 503: it did not.
 * Either way the body says which content version this worker serves.
 */
static void
page_healthz(struct resp *resp, struct req *req, const struct program *prog)
{
	int	 db = db_ping();
	char	*body;

	body = xasprintf("program: %s\ndatabase: %s\ncontent: %s\n",
	    prog->name, db ? "ok" : "unavailable",
	    catalog_current != NULL ? catalog_current->version : "none");
	resp_headers(resp, req, db ? 200 : 503, "text/plain; charset=utf-8",
	    NULL);
	resp_puts(resp, body);
	free(body);
}

static void
serve(FCGX_Request *fr, const struct program *prog)
{
	struct req		 req;
	struct resp		 resp;
	const struct route	*rt = NULL;
	size_t			 i;
	int			 wrong_method = 0;

	resp.out = fr->out;
	resp.head_only = 0;
	if (!req_parse(&req, fr, prog->keys, prog->keysz)) {
		view_error(&resp, &req, 400, "bad-body",
		    "The request body could not be read completely.");
		goto out;
	}
	resp.head_only = req.method == METHOD_HEAD;
	req_set_lang(&req);
	if (req.body_too_large) {
		view_error(&resp, &req, 413, "too-large", NULL);
		goto out;
	}
	if (req.method == METHOD__MAX) {
		view_error_headers(&resp, &req, 405, "method",
		    "Allow: GET, HEAD, POST\r\n");
		goto out;
	}
	if (req.bad_encoding) {
		view_error_field(&resp, &req, req.bad_field, req.bad_reason);
		goto out;
	}
	if (strcmp(req.path, prog->healthz) == 0) {
		page_healthz(&resp, &req, prog);
		goto out;
	}
	for (i = 0; i < prog->routesz; i++) {
		if (!route_match(prog->routes[i].pattern, req.path, &req))
			continue;
		if (prog->routes[i].method == req.method ||
		    (prog->routes[i].method == METHOD_GET &&
		     req.method == METHOD_HEAD)) {
			rt = &prog->routes[i];
			break;
		}
		wrong_method = 1;
	}
	if (rt == NULL) {
		/* The error page knows who is signed in, if it can. */
		if (!(prog->flags & PROGRAM_PUBLIC) && session_load(&req) > 0)
			req_set_lang(&req);
		if (wrong_method)
			view_error_headers(&resp, &req, 405, "method",
			    req.method == METHOD_POST ? "Allow: GET, HEAD\r\n" :
			    "Allow: POST\r\n");
		else
			view_error(&resp, &req, 404, "not-found", NULL);
		goto out;
	}
	if (!(prog->flags & PROGRAM_PUBLIC) && session_load(&req) < 0) {
		view_error(&resp, &req, 503, "db-unavailable", NULL);
		goto out;
	}
	req_set_lang(&req);
	if (req.method == METHOD_POST && req_cross_site(&req)) {
		view_error(&resp, &req, 403, "csrf", NULL);
		goto out;
	}
	if (req.method == METHOD_POST && !(rt->flags & ROUTE_NOCSRF) &&
	    !session_csrf_ok(&req, req_str(&req, 0))) {
		view_error(&resp, &req, 403, "csrf", NULL);
		goto out;
	}
	if ((rt->flags & ROUTE_SIGNED_IN) && req.session == NULL) {
		char *loc = xasprintf("/learn/login?next=%s", req.path);
		resp_redirect(&resp, &req, loc);
		free(loc);
		goto out;
	}
	prog->pages[rt->page](&resp, &req);
out:
	req_free(&req);
}

int
server_main(int argc, char *argv[], const struct program *prog)
{
	FCGX_Request	 fr;
	const char	*conf;
	int		 ch;

	conf = getenv("RCM_CONFIG");
	while ((ch = getopt(argc, argv, "f:")) != -1)
		switch (ch) {
		case 'f':
			conf = optarg;
			break;
		default:
			fprintf(stderr, "usage: %s [-f config]\n", prog->name);
			return 1;
		}
	if (conf == NULL)
		conf = SYSCONFDIR "/rcm/rcm.conf";
	if (!config_load(conf))
		errx(1, "%s: configuration has errors", conf);
	log_init(prog->name, cfg.log_syslog);
	if (sodium_init() < 0)
		errx(1, "sodium_init");
	xmlInitParser();
	db_init(prog->name);
	if (!view_init())
		errx(1, "views do not compile");
	if (!catalog_reload(prog))
		errx(1, "content does not load");
	signals_install();
	if (FCGX_Init() != 0)
		errx(1, "FCGX_Init");
	FCGX_InitRequest(&fr, 0, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!want_quit) {
		if (FCGX_Accept_r(&fr) < 0) {
			if (errno == EINTR || want_reload || want_quit) {
				if (want_reload) {
					want_reload = 0;
					catalog_reload(prog);
				}
				continue;
			}
			break;
		}
		if (want_reload) {
			want_reload = 0;
			catalog_reload(prog);
		}
		serve(&fr, prog);
		FCGX_Finish_r(&fr);
	}
	db_close_all();
	return 0;
}
