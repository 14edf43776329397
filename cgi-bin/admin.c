/*
 * admin: accounts and the roster import.  A ministry focal point manages
 * the officers of their own country; an administrator manages every
 * account.  The Secretariat has no business here.
 *
 * The roster import is two steps, as a focal point expects: upload (or
 * paste) a CSV file and see every row checked, then confirm.  Nothing is
 * written before the confirmation; the confirmation checks everything
 * again, writes in one transaction and answers 303.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>
#include <libxml/tree.h>

#include "rcm.h"

#define USERS_PER_PAGE		50
#define LINK_LIFETIME		(14 * 24 * 60 * 60)

enum key {
	KEY_CSRF,
	KEY_ROSTER,
	KEY_COUNTRY,
	KEY_PAGE,
	KEY_CODE,
	KEY_DONE,
	KEY__MAX
};

/* The roster as uploaded: bytes, checked line by line by roster_parse. */
static int
valid_roster(struct field *f)
{
	return f->valsz > 0 && f->valsz <= 4 * 1024 * 1024;
}

/* A certificate code as people type it: case, spaces and dashes aside. */
static int
valid_code(struct field *f)
{
	size_t	 i, n = 0;

	for (i = 0; i < f->valsz; i++) {
		char c = (char)toupper((unsigned char)f->val[i]);

		if (c == ' ' || c == '-')
			continue;
		if (strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", c) == NULL ||
		    c == '\0')
			return 0;
		f->val[n++] = c;
	}
	f->val[n] = '\0';
	f->valsz = n;
	return n == CERT_CODE_LEN;
}

static int
valid_done(struct field *f)
{
	return f->valsz < 40 && strspn(f->val,
	    "abcdefghijklmnopqrstuvwxyz.-") == f->valsz;
}

static const struct field_def keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", valid_token, 0 },
	[KEY_ROSTER] = { "roster", valid_roster, FIELD_RAW },
	[KEY_COUNTRY] = { "country", valid_country, FIELD_OPTIONAL },
	[KEY_PAGE] = { "page", valid_page_number, 0 },
	[KEY_CODE] = { "code", valid_code, 0 },
	[KEY_DONE] = { "done", valid_done, 0 },
};

enum page {
	PAGE_INDEX,
	PAGE_IMPORT,
	PAGE_IMPORT_PREVIEW,
	PAGE_IMPORT_CONFIRM,
	PAGE_IMPORT_RESULT,
	PAGE_IMPORT_LINKS,
	PAGE_USER_LINK,
	PAGE_REVOKE,
	PAGE__MAX
};

enum action {
	ACTION_NONE,
	ACTION_CREATE,
	ACTION_UPDATE
};

/*
 * The country this user manages: their own for a focal point; for an
 * administrator the one named in the request (NULL: every country).
 * Returns 0 or 403.
 */
static int
admin_scope(const struct req *req, const char **country)
{
	switch (req->session->role) {
	case ROLE_FOCAL:
		if (req->session->country[0] == '\0')
			return 403;
		if (req_str(req, KEY_COUNTRY) != NULL &&
		    strcmp(req_str(req, KEY_COUNTRY),
		    req->session->country) != 0)
			return 403;
		*country = req->session->country;
		return 0;
	case ROLE_ADMIN:
		*country = req_str(req, KEY_COUNTRY);
		return 0;
	default:
		return 403;
	}
}

static int
scoped(struct resp *resp, struct req *req, const char **country)
{
	if (admin_scope(req, country) != 0) {
		view_error(resp, req, 403, "admins-only", NULL);
		return 0;
	}
	return 1;
}

/* An import needs one country: the focal point's, or the one named. */
static int
scoped_import(struct resp *resp, struct req *req, const char **country)
{
	if (!scoped(resp, req, country))
		return 0;
	if (*country == NULL) {
		view_error_field(resp, req, "country", "missing");
		return 0;
	}
	return 1;
}

/*
 * GET /admin/?page=N&country=CC.
 * 200: the accounts this user manages, paged.  403: not a focal point or
 * administrator, or another country.  503: database unavailable.
 */
static void
page_index(struct resp *resp, struct req *req)
{
	struct db_cursor	*c;
	xmlDocPtr		 doc;
	xmlNodePtr		 list, u;
	const char		*country;
	const char		*role;
	int64_t			 page = 1, total = 0;
	int			 rc;

	if (!scoped(resp, req, &country))
		return;
	/* Focal points manage officers; administrators every account. */
	role = req->session->role == ROLE_FOCAL ? "officer" : NULL;
	if (req_field(req, KEY_PAGE) != NULL)
		page = req_field(req, KEY_PAGE)->num;
	if ((c = db_open(STMT_USERS_SCOPED_COUNT, "ssss", country, country,
	    role, role)) == NULL) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	if (db_fetch(c) == 1)
		total = db_int(c, 0);
	db_close(c);
	doc = view_new(req, "admin");
	if (req_str(req, KEY_DONE) != NULL)
		view_notice(doc, req_str(req, KEY_DONE), "info");
	list = view_add(view_root(doc), "accounts", NULL);
	if (country != NULL)
		view_attr(list, "country", country);
	view_attr_int(list, "page", page);
	view_attr_int(list, "total", total);
	view_attr_int(list, "pages", (total + USERS_PER_PAGE - 1) /
	    USERS_PER_PAGE);
	if ((c = db_open(STMT_USERS_SCOPED, "ssssii", country, country, role,
	    role, (int64_t)USERS_PER_PAGE, (page - 1) * USERS_PER_PAGE)) ==
	    NULL) {
		xmlFreeDoc(doc);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	while ((rc = db_fetch(c)) == 1) {
		u = view_add(list, "account", NULL);
		view_attr(u, "id", db_str(c, 0));
		view_attr(u, "role", db_str(c, 3));
		view_attr(u, "country", db_str(c, 4));
		view_attr(u, "sex", db_str(c, 6));
		view_attr(u, "lang", db_str(c, 7));
		view_attr(u, "active", db_int(c, 8) ? "yes" : "no");
		view_attr(u, "password", db_int(c, 9) ? "yes" : "no");
		view_add(u, "email", db_str(c, 1));
		view_add(u, "name", db_str(c, 2));
		view_add(u, "agency", db_str(c, 5));
	}
	db_close(c);
	if (rc < 0) {
		xmlFreeDoc(doc);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	view_render(resp, req, doc, 200, NULL);
}

/*
 * GET /admin/import.
 * 200: the upload form, with the columns expected.  403 as above.
 */
static void
page_import(struct resp *resp, struct req *req)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	const char	*country;

	if (!scoped(resp, req, &country))
		return;
	doc = view_new(req, "import");
	n = view_add(view_root(doc), "import", NULL);
	view_attr(n, "step", "upload");
	if (country != NULL)
		view_attr(n, "country", country);
	view_attr(n, "country-fixed",
	    req->session->role == ROLE_FOCAL ? "yes" : "no");
	view_render(resp, req, doc, 200, NULL);
}

/*
 * Decides what each good row would do: create a new officer, update one
 * of this country, or fail because the e-mail belongs to an account this
 * user does not manage.  Returns 0, or -1 on a database error.
 */
static int
roster_plan(struct roster *r, const char *country)
{
	struct db_cursor	*c;
	struct roster_row	*row;
	size_t			 i;
	int			 rc;

	for (i = 0; i < r->rowsz; i++) {
		row = &r->rows[i];
		if (row->error.key != NULL)
			continue;
		if ((c = db_open(STMT_USER_BY_EMAIL, "s", row->email)) == NULL)
			return -1;
		rc = db_fetch(c);
		if (rc == 1 && (strcmp(db_str(c, 4), country) != 0 ||
		    strcmp(db_str(c, 3), "officer") != 0)) {
			/* Says nothing about whose account it is. */
			roster_msg_set(&row->error, "roster.email-unmanaged",
			    NULL, NULL);
			r->errors++;
		} else if (rc == 1) {
			row->action = ACTION_UPDATE;
			row->user_id = db_int(c, 0);
		} else if (rc == 0)
			row->action = ACTION_CREATE;
		db_close(c);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Reads, checks and plans the roster of the request. */
static int
roster_from_request(struct resp *resp, struct req *req, const char *country,
    struct roster *r)
{
	struct field	*f = req_field(req, KEY_ROSTER);

	if (f == NULL) {
		view_error(resp, req, 400, "roster-missing", NULL);
		return 0;
	}
	roster_parse(f->val, f->valsz, country, r);
	if (r->error.key == NULL && roster_plan(r, country) < 0) {
		roster_free(r);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return 0;
	}
	return 1;
}

/*
 * POST /admin/import with roster (file or pasted text) and, for an
 * administrator, country.
 * 200: the preview: every row with what would happen or what is wrong
 * (line number and reason), and the form to confirm.  Nothing is written.
 * 400: no roster, or no country for an administrator.  422: the file as
 * a whole cannot be read (not UTF-8, bad quoting, missing columns).
 */
static void
page_import_preview(struct resp *resp, struct req *req)
{
	struct roster	 r;
	xmlDocPtr	 doc;
	xmlNodePtr	 n, row;
	const char	*country;
	size_t		 i, creates = 0, updates = 0;

	if (!scoped_import(resp, req, &country) ||
	    !roster_from_request(resp, req, country, &r))
		return;
	doc = view_new(req, "import");
	n = view_add(view_root(doc), "import", NULL);
	view_attr(n, "step", "preview");
	view_attr(n, "country", country);
	if (r.error.key != NULL) {
		view_add_message(n, "error", r.error.key, r.error.p1,
		    r.error.p2);
		roster_free(&r);
		view_render(resp, req, doc, 422, NULL);
		return;
	}
	for (i = 0; i < r.rowsz; i++) {
		row = view_add(n, "row", NULL);
		view_attr_int(row, "line", (long long)r.rows[i].line);
		view_attr(row, "action", r.rows[i].error.key != NULL ? "error" :
		    r.rows[i].action == ACTION_CREATE ? "create" : "update");
		view_attr(row, "sex", r.rows[i].sex);
		view_attr(row, "lang", r.rows[i].lang);
		view_add(row, "email", r.rows[i].email);
		view_add(row, "name", r.rows[i].full_name);
		view_add(row, "agency", r.rows[i].agency);
		if (r.rows[i].error.key != NULL)
			view_add_message(row, "error", r.rows[i].error.key,
			    r.rows[i].error.p1, r.rows[i].error.p2);
		else if (r.rows[i].action == ACTION_CREATE)
			creates++;
		else
			updates++;
	}
	view_attr_int(n, "creates", (long long)creates);
	view_attr_int(n, "updates", (long long)updates);
	view_attr_int(n, "errors", (long long)r.errors);
	/* The confirmation sends the same text back; it is checked again. */
	view_add(n, "roster", req_str(req, KEY_ROSTER));
	roster_free(&r);
	view_render(resp, req, doc, 200, NULL);
}

/*
 * POST /admin/import/confirm with roster and country.
 * 303: to the import's summary.  Rows with errors are skipped; the good
 * ones are written in one transaction, so an interrupted import writes
 * nothing.  Importing the same file again updates the same officers.
 * 400, 403, 422 as the preview.  503: database unavailable.
 */
static void
page_import_confirm(struct resp *resp, struct req *req)
{
	struct roster	 r;
	const char	*country;
	size_t		 i, creates = 0, updates = 0;
	int64_t		 import_id = 0, id;
	char		*loc;
	int		 ok = 1;

	if (!scoped_import(resp, req, &country) ||
	    !roster_from_request(resp, req, country, &r))
		return;
	if (r.error.key != NULL) {
		view_error_message(resp, req, 422, "roster-unreadable",
		    r.error.key, r.error.p1, r.error.p2);
		roster_free(&r);
		return;
	}
	if (db_exec(STMT_BEGIN, "") < 0) {
		roster_free(&r);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	for (i = 0; i < r.rowsz && ok; i++) {
		struct roster_row *row = &r.rows[i];

		if (row->error.key != NULL)
			continue;
		if (row->action == ACTION_CREATE) {
			ok = db_exec(STMT_USER_INSERT, "ssssss", row->email,
			    row->full_name, country, row->agency, row->sex,
			    row->lang) == 1;
			row->user_id = db_last_id();
			creates++;
		} else {
			ok = db_exec(STMT_USER_UPDATE_ROSTER, "ssssis",
			    row->full_name, row->agency, row->sex, row->lang,
			    row->user_id, country) >= 0;
			updates++;
		}
	}
	if (ok)
		ok = db_exec(STMT_IMPORT_INSERT, "siii", country,
		    req->session->user_id, (int64_t)creates,
		    (int64_t)updates) == 1;
	import_id = db_last_id();
	for (i = 0; i < r.rowsz && ok; i++)
		if (r.rows[i].error.key == NULL)
			ok = db_exec(STMT_IMPORT_USER_INSERT, "iii", import_id,
			    r.rows[i].user_id,
			    (int64_t)(r.rows[i].action == ACTION_CREATE)) >= 0;
	roster_free(&r);
	if (!ok || db_exec(STMT_COMMIT, "") < 0) {
		db_exec(STMT_ROLLBACK, "");
		/* A parallel import of the same new e-mail lost the race. */
		view_error(resp, req, db_error() == DB_E_DUPLICATE ? 409 : 503,
		    db_error() == DB_E_DUPLICATE ? "import-conflict" :
		    "db-unavailable", NULL);
		return;
	}
	id = import_id;
	loc = xasprintf("/admin/import/%lld", (long long)id);
	resp_redirect(resp, req, loc);
	free(loc);
}

/* An import as recorded, for its summary page and its links. */
struct import {
	int64_t		 id;
	char		 country[3];
	int64_t		 creates, updates;
	char		 date[32];
};

static int64_t seg_id(const struct req *, size_t);

/*
 * Finds the import named by the first path segment among those this user
 * manages.  Returns 1, or 0 after answering 403, 404 or 503.
 */
static int
import_find(struct resp *resp, struct req *req, struct import *im)
{
	struct db_cursor	*c;
	const char		*country;
	int			 rc;

	if (!scoped(resp, req, &country))
		return 0;
	if ((c = db_open(STMT_IMPORT_GET, "iss", seg_id(req, 0), country,
	    country)) == NULL) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return 0;
	}
	if ((rc = db_fetch(c)) != 1) {
		db_close(c);
		view_error(resp, req, rc < 0 ? 503 : 404, rc < 0 ?
		    "db-unavailable" : "import-unknown", NULL);
		return 0;
	}
	im->id = db_int(c, 0);
	strlcpy(im->country, db_str(c, 1), sizeof(im->country));
	im->creates = db_int(c, 2);
	im->updates = db_int(c, 3);
	strlcpy(im->date, db_str(c, 4), sizeof(im->date));
	db_close(c);
	return 1;
}

static int64_t
seg_id(const struct req *req, size_t i)
{
	struct field	 f;

	memset(&f, 0, sizeof(f));
	f.val = req->seg[i];
	f.valsz = strlen(f.val);
	return valid_int(&f) ? f.num : 0;
}

/*
 * GET /admin/import/ID.
 * 200: how many officers were created and updated, and the button that
 * produces their set-password links.  404: not an import of this
 * country.  503: database unavailable.
 */
static void
page_import_result(struct resp *resp, struct req *req)
{
	struct import	 im;
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	if (!import_find(resp, req, &im))
		return;
	doc = view_new(req, "import");
	n = view_add(view_root(doc), "import", NULL);
	view_attr(n, "step", "done");
	view_attr_int(n, "id", im.id);
	view_attr(n, "country", im.country);
	view_attr_int(n, "creates", im.creates);
	view_attr_int(n, "updates", im.updates);
	view_attr(n, "date", im.date);
	view_render(resp, req, doc, 200, NULL);
}

/* Stores a new set-password link for user; returns the URL or NULL. */
static char *
password_link(int64_t user)
{
	unsigned char	 hash[32];
	char		 token[TOKEN_LEN + 1];

	token_new(token);
	token_hash(token, hash);
	if (db_exec(STMT_PWTOKEN_INSERT, "bii", hash, sizeof(hash), user,
	    (int64_t)LINK_LIFETIME) != 1)
		return NULL;
	return xasprintf("%s/learn/set-password?token=%s", cfg.base_url,
	    token);
}

/*
 * One CSV field, quoted as RFC 4180 says.  A value that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
static void
csv_field(struct resp *resp, const char *s, int last)
{
	resp_puts(resp, "\"");
	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		resp_puts(resp, "'");
	for (; *s != '\0'; s++)
		resp_write(resp, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	resp_puts(resp, last ? "\"\r\n" : "\",");
}

/*
 * POST /admin/import/ID/links.
 * 200: a CSV file (email, name, link) with a new single-use set-password
 * link, valid 14 days, for every officer the import created, for the
 * focal point to hand out.  Earlier links stay valid until used or
 * expired.  404: not an import of this country.  503: database.
 */
static void
page_import_links(struct resp *resp, struct req *req)
{
	struct import		 im;
	struct db_cursor	*c;
	char			*hdr, *link;
	size_t			 i, n = 0;
	struct { int64_t id; char *email, *name; } *users = NULL;
	int			 rc;

	if (!import_find(resp, req, &im))
		return;
	if ((c = db_open(STMT_IMPORT_NEW_USERS, "is", im.id,
	    im.country)) == NULL) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	while ((rc = db_fetch(c)) == 1) {
		users = xreallocarray(users, n + 1, sizeof(*users));
		users[n].id = db_int(c, 0);
		users[n].email = xstrdup(db_str(c, 1));
		users[n].name = xstrdup(db_str(c, 2));
		n++;
	}
	db_close(c);
	if (rc < 0) {
		/* No half list: the focal point would think it complete. */
		for (i = 0; i < n; i++) {
			free(users[i].email);
			free(users[i].name);
		}
		free(users);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	hdr = xasprintf("Content-Disposition: attachment; "
	    "filename=\"set-password-links-%s.csv\"\r\n", req->seg[0]);
	resp_headers(resp, req, 200, "text/csv; charset=utf-8; header=present",
	    hdr);
	free(hdr);
	resp_puts(resp, "\xef\xbb\xbf\"email\",\"full_name\",\"link\"\r\n");
	for (i = 0; i < n; i++) {
		if ((link = password_link(users[i].id)) != NULL) {
			csv_field(resp, users[i].email, 0);
			csv_field(resp, users[i].name, 0);
			csv_field(resp, link, 1);
			free(link);
		}
		free(users[i].email);
		free(users[i].name);
	}
	free(users);
}

/*
 * POST /admin/users/ID/link.
 * 200: a page with a new single-use set-password link for that account.
 * 404: not an account this user manages.  503: database unavailable.
 */
static void
page_user_link(struct resp *resp, struct req *req)
{
	struct db_cursor	*c;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	const char		*country;
	char			*link;
	int			 rc;

	if (!scoped(resp, req, &country))
		return;
	if ((c = db_open(STMT_USER_BY_ID_SCOPED, "iss", seg_id(req, 0),
	    country, country)) == NULL) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	if ((rc = db_fetch(c)) != 1 || (req->session->role == ROLE_FOCAL &&
	    strcmp(db_str(c, 3), "officer") != 0)) {
		db_close(c);
		view_error(resp, req, rc < 0 ? 503 : 404, rc < 0 ?
		    "db-unavailable" : "account-unknown", NULL);
		return;
	}
	doc = view_new(req, "admin");
	n = view_add(view_root(doc), "link", NULL);
	view_add(n, "email", db_str(c, 1));
	view_add(n, "name", db_str(c, 2));
	db_close(c);
	if ((link = password_link(seg_id(req, 0))) == NULL) {
		xmlFreeDoc(doc);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	view_add(n, "url", link);
	free(link);
	view_render(resp, req, doc, 200, NULL);
}

/*
 * POST /admin/revoke with code.
 * 303: revoked (verification now says so).  404: no certificate with this
 * code among this user's country.  400: not a certificate code.
 */
static void
page_revoke(struct resp *resp, struct req *req)
{
	const char	*country;
	int64_t		 n;

	if (!scoped(resp, req, &country))
		return;
	if (req_str(req, KEY_CODE) == NULL) {
		view_error_field(resp, req, "code", req->bad_field != NULL ?
		    "invalid" : "missing");
		return;
	}
	if ((n = db_exec(STMT_COMPLETION_REVOKE, "sss", req_str(req, KEY_CODE),
	    country, country)) < 0) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	if (n == 0) {
		view_error(resp, req, 404, "certificate-unknown", NULL);
		return;
	}
	resp_redirect(resp, req, "/admin/?done=certificate.revoked");
}

static const struct route routes[] = {
	{ METHOD_GET, "/admin/", PAGE_INDEX, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/admin/import", PAGE_IMPORT, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/admin/import", PAGE_IMPORT_PREVIEW, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/admin/import/confirm", PAGE_IMPORT_CONFIRM,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/admin/import/*", PAGE_IMPORT_RESULT, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/admin/import/*/links", PAGE_IMPORT_LINKS,
	    ROUTE_SIGNED_IN },
	{ METHOD_POST, "/admin/users/*/link", PAGE_USER_LINK,
	    ROUTE_SIGNED_IN },
	{ METHOD_POST, "/admin/revoke", PAGE_REVOKE, ROUTE_SIGNED_IN },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_INDEX] = page_index,
	[PAGE_IMPORT] = page_import,
	[PAGE_IMPORT_PREVIEW] = page_import_preview,
	[PAGE_IMPORT_CONFIRM] = page_import_confirm,
	[PAGE_IMPORT_RESULT] = page_import_result,
	[PAGE_IMPORT_LINKS] = page_import_links,
	[PAGE_USER_LINK] = page_user_link,
	[PAGE_REVOKE] = page_revoke,
};

static const struct program admin = {
	"admin", "/admin/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, NULL, 0
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &admin);
}
