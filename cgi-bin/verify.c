/*
 * verify: public, read-only verification of certificates.  Anyone holding
 * a certificate code (printed, or in the QR code) can check it here.  The
 * page shows the name, the module, the date, the version and whether the
 * certificate is valid or revoked, and nothing more.  nginx rate-limits
 * this location to make guessing codes pointless on top of their 100 bits.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rcm.h"

enum key {
	KEY_CSRF,
	KEY_CODE,
	KEY__MAX
};

/* A certificate code: 20 characters of Crockford's base32. */
static int
valid_code(struct field *f)
{
	size_t	 i, n = 0;
	char	*p = f->val;

	for (i = 0; i < f->valsz; i++) {
		unsigned char c = (unsigned char)f->val[i];
		if (c == '-' || c == ' ')
			continue;
		if (!isalnum(c))
			return 0;
		p[n++] = (char)toupper(c);
	}
	p[n] = '\0';
	f->valsz = n;
	return n == 20;
}

static const struct field_def keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", valid_token },
	[KEY_CODE] = { "code", valid_code },
};

enum page {
	PAGE_INDEX,
	PAGE_CODE,
	PAGE__MAX
};

/*
 * GET /verify/ and /verify/?code=CODE.
 * 200: the form.  303: to /verify/CODE when a code was given.
 * 400: the code given is not a certificate code.
 */
static void
page_index(struct resp *resp, struct req *req)
{
	xmlDocPtr	 doc;
	char		*loc;

	if (req_str(req, KEY_CODE) != NULL) {
		loc = xasprintf("/verify/%s", req_str(req, KEY_CODE));
		resp_redirect(resp, req, loc);
		free(loc);
		return;
	}
	doc = view_new(req, "verify");
	if (req->bad_field != NULL)
		view_notice(doc, "verify.bad-code", "error");
	view_render(resp, req, doc, req->bad_field != NULL ? 400 : 200, NULL);
}

/*
 * GET /verify/CODE.
 * 200: the certificate exists (valid or revoked, as it says).
 * 404: no certificate has this code.  503: database unavailable.
 */
static void
page_code(struct resp *resp, struct req *req)
{
	struct field		 f;
	struct db_cursor	*c;
	xmlDocPtr		 doc;
	xmlNodePtr		 cert, module;
	char			*code;
	int			 rc;

	code = xstrdup(req->seg[0]);
	memset(&f, 0, sizeof(f));
	f.val = code;
	f.valsz = strlen(code);
	if (!valid_code(&f)) {
		free(code);
		view_error(resp, req, 404, "certificate-unknown", NULL);
		return;
	}
	if ((c = db_open(STMT_VERIFY_CODE, "s", code)) == NULL) {
		free(code);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	if ((rc = db_fetch(c)) != 1) {
		db_close(c);
		free(code);
		view_error(resp, req, rc < 0 ? 503 : 404, rc < 0 ?
		    "db-unavailable" : "certificate-unknown", NULL);
		return;
	}
	doc = view_new(req, "verify");
	cert = view_add(view_root(doc), "certificate", NULL);
	view_attr(cert, "code", code);
	view_attr(cert, "status", db_int(c, 4) ? "revoked" : "valid");
	view_add(cert, "name", db_str(c, 0));
	module = view_add(cert, "module", req->lang == LANG_EN ?
	    db_str(c, 5) : db_str(c, 6));
	view_attr(module, "id", db_str(c, 1));
	view_add(cert, "version", db_str(c, 2));
	view_add(cert, "date", db_str(c, 3));
	db_close(c);
	free(code);
	view_render(resp, req, doc, 200, NULL);
}

static const struct route routes[] = {
	{ METHOD_GET, "/verify/", PAGE_INDEX, 0 },
	{ METHOD_GET, "/verify/*", PAGE_CODE, 0 },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_INDEX] = page_index,
	[PAGE_CODE] = page_code,
};

/* Public: verify has no access to sessions, and needs none. */
static const struct program verify = {
	"verify", "/verify/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, NULL, PROGRAM_PUBLIC
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &verify);
}
