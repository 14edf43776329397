/*
 * report: dashboards and exports for ministry focal points (their own
 * country) and the RCM Technical Secretariat (every country).
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
 * GET /report/.
 * 200: the dashboard.  403: not a focal point, the Secretariat or admin.
 */
static void
page_index(struct resp *resp, struct req *req)
{
	xmlDocPtr	 doc;

	if (req->session->role != ROLE_FOCAL &&
	    req->session->role != ROLE_SECRETARIAT &&
	    req->session->role != ROLE_ADMIN) {
		view_error(resp, req, 403, "reports-only", NULL);
		return;
	}
	doc = view_new(req, "dashboard");
	view_render(resp, req, doc, 200, NULL);
}

static const struct route routes[] = {
	{ METHOD_GET, "/report/", PAGE_INDEX, ROUTE_SIGNED_IN },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_INDEX] = page_index,
};

static const struct program report = {
	"report", "/report/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, NULL
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &report);
}
