/*
 * admin: accounts, roles and roster import; focal points manage their own
 * country's officers, administrators every account.
 */
#include <stdlib.h>
#include <string.h>

#include "rcm.h"

enum key {
	KEY_CSRF,
	KEY__MAX
};

static const struct field_def keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", valid_token },
};

enum page {
	PAGE_INDEX,
	PAGE__MAX
};

/*
 * GET /admin/.
 * 200: the accounts page.  403: not a focal point or admin.
 */
static void
page_index(struct resp *resp, struct req *req)
{
	xmlDocPtr	 doc;

	if (req->session->role != ROLE_FOCAL &&
	    req->session->role != ROLE_ADMIN &&
	    req->session->role != ROLE_ADMIN) {
		view_error(resp, req, 403, "admins-only", NULL);
		return;
	}
	doc = view_new(req, "admin");
	view_render(resp, req, doc, 200, NULL);
}

static const struct route routes[] = {
	{ METHOD_GET, "/admin/", PAGE_INDEX, ROUTE_SIGNED_IN },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_INDEX] = page_index,
};

static const struct program admin = {
	"admin", "/admin/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, NULL
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &admin);
}
