/*
 * report: dashboards and exports for ministry focal points (their own
 * country only) and the RCM Technical Secretariat (every country, in
 * aggregate, without personal data); administrators see everything.
 *
 * The country a page shows is decided by scope_for() from the session and
 * bound into every query; a focal point naming another country is refused
 * before any query runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fcgiapp.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "rcm.h"

#define OFFICERS_PER_PAGE	50

enum key {
	KEY_CSRF,
	KEY_YEAR,
	KEY_COUNTRY,
	KEY_AGENCY,
	KEY_MODULE,
	KEY_SORT,
	KEY_PAGE,
	KEY_FILE,
	KEY_LANG,
	KEY__MAX
};

static int
valid_sort(struct field *f)
{
	return strcmp(f->val, "name") == 0 || strcmp(f->val, "agency") == 0 ||
	    strcmp(f->val, "completed") == 0 ||
	    strcmp(f->val, "activity") == 0;
}

/* An uploaded completion-records file: bytes, parsed as XML later. */
static int
valid_records_file(struct field *f)
{
	return f->valsz > 0 && f->valsz <= 32 * 1024 * 1024;
}

static int
valid_agency(struct field *f)
{
	return f->valsz > 0 && valid_line(f);
}

/* Filters left empty in the form mean "all". */
static const struct field_def keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", valid_token, 0 },
	[KEY_YEAR] = { "year", valid_year, FIELD_OPTIONAL },
	[KEY_COUNTRY] = { "country", valid_country, FIELD_OPTIONAL },
	[KEY_AGENCY] = { "agency", valid_agency, FIELD_OPTIONAL },
	[KEY_MODULE] = { "module", valid_slug, FIELD_OPTIONAL },
	[KEY_SORT] = { "sort", valid_sort, FIELD_OPTIONAL },
	[KEY_PAGE] = { "page", valid_page_number, FIELD_OPTIONAL },
	[KEY_FILE] = { "file", valid_records_file, FIELD_RAW | FIELD_MULTI },
	[KEY_LANG] = { "lang", valid_lang, FIELD_OPTIONAL },
};

enum page {
	PAGE_DASHBOARD,
	PAGE_COMPLETIONS,
	PAGE_COMPLETIONS_CSV,
	PAGE_REGIONAL,
	PAGE_REGIONAL_POST,
	PAGE__MAX
};

static int
current_year(void)
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

/*
 * Reads the filters of the query into f, scoped to what the user may see.
 * Returns 0, or the status the caller must refuse with (400 for a filter
 * that is not acceptable, 403 for a country that is not theirs).
 */
static int
report_filter_from(struct req *req, struct report_filter *f,
    struct scope *s)
{
	int	 status;

	if (req->bad_field != NULL)
		return 400;
	if ((status = scope_for(req, req_str(req, KEY_COUNTRY), s)) != 0)
		return status;
	report_filter_init(f, req_field(req, KEY_YEAR) != NULL ?
	    (int)req_field(req, KEY_YEAR)->num : current_year());
	f->country = s->country;
	f->agency = req_str(req, KEY_AGENCY);
	f->module = req_str(req, KEY_MODULE);
	return 0;
}

static void
refuse(struct resp *resp, struct req *req, int status)
{
	if (status == 400 && req->bad_field != NULL)
		view_error_field(resp, req, req->bad_field, req->bad_reason);
	else
		view_error(resp, req, status, "reports-only", NULL);
}

static void
view_filters(xmlNodePtr parent, const struct req *req,
    const struct report_filter *f, const struct scope *s)
{
	struct db_cursor	*c;
	xmlNodePtr		 n, m;
	size_t			 i;
	enum lang		 l = req->lang < LANG__MAX ? req->lang : LANG_ES;

	n = view_add(parent, "filters", NULL);
	view_attr_int(n, "year", f->year);
	view_attr_int(n, "current-year", current_year());
	if (f->country != NULL)
		view_attr(n, "country", f->country);
	if (f->agency != NULL)
		view_attr(n, "agency", f->agency);
	if (f->module != NULL)
		view_attr(n, "module", f->module);
	view_attr(n, "personal", s->personal ? "yes" : "no");
	/* A focal point's country is fixed; others may choose one. */
	view_attr(n, "country-fixed", req->session->role == ROLE_FOCAL ?
	    "yes" : "no");
	for (i = 0; i < catalog_current->modulesz; i++) {
		const struct module *mod = &catalog_current->modules[i];

		m = view_add(n, "module", mod->text[l].present ?
		    mod->text[l].title : mod->id);
		view_attr(m, "id", mod->id);
	}
	if ((c = db_open(STMT_REPORT_AGENCIES, "ss", f->country,
	    f->country)) != NULL) {
		while (db_fetch(c) == 1)
			view_add(n, "agency", db_str(c, 0));
		db_close(c);
	}
	if (req->session->role != ROLE_FOCAL &&
	    (c = db_open(STMT_COUNTRIES, "")) != NULL) {
		while (db_fetch(c) == 1) {
			m = view_add(n, "country", l == LANG_ES ?
			    db_str(c, 2) : db_str(c, 1));
			view_attr(m, "code", db_str(c, 0));
		}
		db_close(c);
	}
}

/* The officers of the scope, one page, sorted as asked. */
static int
view_officers(xmlNodePtr parent, struct req *req,
    const struct report_filter *f)
{
	struct db_cursor	*c;
	xmlNodePtr		 list, o;
	const char		*sort = req_str(req, KEY_SORT);
	int64_t			 page = 1, total = 0;
	int			 rc;

	if (sort == NULL)
		sort = "name";
	if (req_field(req, KEY_PAGE) != NULL)
		page = req_field(req, KEY_PAGE)->num;
	if ((c = db_open(STMT_REPORT_OFFICERS_COUNT, "ssss", f->country,
	    f->country, f->agency, f->agency)) == NULL)
		return -1;
	if (db_fetch(c) == 1)
		total = db_int(c, 0);
	db_close(c);
	list = view_add(parent, "officers", NULL);
	view_attr(list, "sort", sort);
	view_attr_int(list, "page", page);
	view_attr_int(list, "per-page", OFFICERS_PER_PAGE);
	view_attr_int(list, "total", total);
	view_attr_int(list, "pages", (total + OFFICERS_PER_PAGE - 1) /
	    OFFICERS_PER_PAGE);
	/* Each filter twice: "? IS NULL OR column = ?" (NULL: all). */
	if ((c = db_open(STMT_REPORT_OFFICERS, "sssssssssssssssssssii",
	    f->start, f->end, f->module, f->module, f->start, f->end,
	    f->module, f->module, f->start, f->end, f->module, f->module,
	    f->country, f->country, f->agency, f->agency, sort, sort, sort,
	    (int64_t)OFFICERS_PER_PAGE,
	    (page - 1) * OFFICERS_PER_PAGE)) == NULL)
		return -1;
	while ((rc = db_fetch(c)) == 1) {
		o = view_add(list, "officer", NULL);
		view_attr(o, "id", db_str(c, 0));
		view_attr(o, "sex", db_str(c, 4));
		view_attr_int(o, "started", db_int(c, 5));
		view_attr_int(o, "completed", db_int(c, 6));
		view_attr(o, "activity", db_str(c, 7));
		view_add(o, "name", db_str(c, 1));
		view_add(o, "email", db_str(c, 2));
		view_add(o, "agency", db_str(c, 3));
	}
	db_close(c);
	return rc < 0 ? -1 : 0;
}

/*
 * GET /report/?year=&country=&agency=&module=&sort=&page=.
 * 200: figures by module, sex and agency, completions per month, and
 * (for those who may see personal data) the officers, sorted and paged.
 * 400: a filter is not acceptable.  403: not a reporting role, or a
 * country that is not the focal point's.  503: database unavailable.
 */
static void
page_dashboard(struct resp *resp, struct req *req)
{
	struct report_filter	 f;
	struct report_summary	 sum;
	struct scope		 s;
	xmlDocPtr		 doc;
	xmlNodePtr		 d, n;
	xmlTextWriterPtr	 w;
	int			 status;

	if ((status = report_filter_from(req, &f, &s)) != 0) {
		refuse(resp, req, status);
		return;
	}
	if (report_summary_load(&f, &sum) < 0) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	doc = view_new(req, "dashboard");
	d = view_add(view_root(doc), "dashboard", NULL);
	view_filters(d, req, &f, &s);
	/* The same summary element as in the XML export. */
	n = view_add(d, "figures", NULL);
	w = xmlNewTextWriterTree(doc, n, 0);
	summary_write(w, &sum);
	xmlFreeTextWriter(w);
	report_summary_free(&sum);
	if (s.personal && view_officers(d, req, &f) < 0) {
		xmlFreeDoc(doc);
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	view_render(resp, req, doc, 200, NULL);
}

/* xmlOutputBuffer callbacks writing to the FastCGI stream. */
static int
fcgx_write(void *ctx, const char *buf, int len)
{
	return FCGX_PutStr(buf, len, ctx) == len ? len : -1;
}

static int
fcgx_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static char *
export_name(const struct report_filter *f, const char *ext)
{
	return xasprintf("completions-%s-%d.%s", f->country != NULL ?
	    f->country : "all", f->year, ext);
}

/*
 * GET /report/completions.xml?year=&country=&agency=&module=.
 * 200: the completion records, streamed from the database as they are
 * read (valid against xslt/completion-records.xsd).  Without the .xml
 * suffix: the printable HTML report of the same records.
 * 400, 403, 503 as the dashboard.
 */
static void
page_completions(struct resp *resp, struct req *req)
{
	struct report_filter	 f;
	struct scope		 s;
	xmlOutputBufferPtr	 out;
	xmlTextWriterPtr	 w;
	xmlDocPtr		 doc;
	char			*name, *hdr;
	int			 status;

	if ((status = report_filter_from(req, &f, &s)) != 0) {
		refuse(resp, req, status);
		return;
	}
	if (!req->want_xml) {
		/* The printable report: records in memory, then XSLT. */
		if ((doc = records_doc(&f, s.personal)) == NULL) {
			view_error(resp, req, 503, "db-unavailable", NULL);
			return;
		}
		view_transform(resp, req, "records-report", doc,
		    "text/html; charset=utf-8", NULL, req->lang);
		return;
	}
	name = export_name(&f, "xml");
	hdr = xasprintf("Content-Disposition: inline; filename=\"%s\"\r\n",
	    name);
	resp_headers(resp, req, 200, "application/xml; charset=utf-8", hdr);
	free(hdr);
	free(name);
	if (resp->head_only)
		return;
	out = xmlOutputBufferCreateIO(fcgx_write, fcgx_close, resp->out, NULL);
	w = xmlNewTextWriter(out);
	if (records_write(w, &f, s.personal) < 0)
		log_errx("report: export ended early: database error");
	xmlFreeTextWriter(w);
}

/*
 * GET /report/completions.csv?year=&country=&agency=&module=.
 * 200: the records as CSV (RFC 4180, UTF-8 with a byte order mark so that
 * spreadsheets keep the accents), made by xslt/records-csv.xsl.
 * 400, 403, 503 as the dashboard.
 */
static void
page_completions_csv(struct resp *resp, struct req *req)
{
	struct report_filter	 f;
	struct scope		 s;
	xmlDocPtr		 doc;
	char			*name, *hdr;
	int			 status;

	if ((status = report_filter_from(req, &f, &s)) != 0) {
		refuse(resp, req, status);
		return;
	}
	if ((doc = records_doc(&f, s.personal)) == NULL) {
		view_error(resp, req, 503, "db-unavailable", NULL);
		return;
	}
	name = export_name(&f, "csv");
	hdr = xasprintf("Content-Disposition: attachment; filename=\"%s\"\r\n",
	    name);
	view_transform(resp, req, "records-csv", doc,
	    "text/csv; charset=utf-8; header=present", hdr, req->lang);
	free(hdr);
	free(name);
}

/* The Secretariat and administrators consolidate countries' files. */
static int
may_consolidate(const struct req *req)
{
	return req->session->role == ROLE_SECRETARIAT ||
	    req->session->role == ROLE_ADMIN;
}

static void
view_regional(struct resp *resp, struct req *req, int status,
    xmlNodePtr problems)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	doc = view_new(req, "regional");
	n = view_add(view_root(doc), "regional", NULL);
	if (problems != NULL)
		xmlAddChild(n, xmlDocCopyNode(problems, doc, 1));
	view_render(resp, req, doc, status, NULL);
}

/*
 * GET /report/regional.
 * 200: the form to upload the countries' completion-records files.
 * 403: not the Secretariat or an administrator.
 */
static void
page_regional(struct resp *resp, struct req *req)
{
	if (!may_consolidate(req)) {
		view_error(resp, req, 403, "reports-only", NULL);
		return;
	}
	view_regional(resp, req, 200, NULL);
}

/*
 * POST /report/regional with one or more file fields and lang.
 * 200: the regional report (xslt/yearly-report.xsl) of the files, from
 * their summaries.  400: no file.  422: a file is not valid completion
 * records (the form again, naming each file refused and why).
 * 403: not the Secretariat or an administrator.
 */
static void
page_regional_post(struct resp *resp, struct req *req)
{
	static int		 schema_loaded;
	struct field		*f;
	xmlDocPtr		 doc;
	xmlNodePtr		 reports, problems, p;
	char			*why, num[16];
	int			 i, bad = 0;
	enum lang		 lang;

	if (!may_consolidate(req)) {
		view_error(resp, req, 403, "reports-only", NULL);
		return;
	}
	if (req_field(req, KEY_FILE) == NULL) {
		view_error_field(resp, req, "file", "missing");
		return;
	}
	if (!schema_loaded && !(schema_loaded = regional_init())) {
		log_errx("report: completion-records.xsd does not load");
		view_error(resp, req, 503, "busy", NULL);
		return;
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	reports = xmlNewNode(NULL, BAD_CAST "reports");
	xmlDocSetRootElement(doc, reports);
	problems = xmlNewNode(NULL, BAD_CAST "problems");
	for (i = 1, f = req_field(req, KEY_FILE); f != NULL;
	    f = f->next, i++) {
		if ((why = regional_add(reports, f->val, f->valsz)) == NULL)
			continue;
		snprintf(num, sizeof(num), "%d", i);
		p = view_add(problems, "problem", why);
		view_attr(p, "file", num);
		free(why);
		bad++;
	}
	if (bad) {
		xmlFreeDoc(doc);
		view_regional(resp, req, 422, problems);
		xmlFreeNode(problems);
		return;
	}
	xmlFreeNode(problems);
	lang = req_str(req, KEY_LANG) != NULL ?
	    lang_from_code(req_str(req, KEY_LANG)) : req->lang;
	view_transform(resp, req, "yearly-report", doc,
	    "text/html; charset=utf-8", NULL, lang);
}

static const struct route routes[] = {
	{ METHOD_GET, "/report/", PAGE_DASHBOARD, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/report/completions", PAGE_COMPLETIONS,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/report/completions.csv", PAGE_COMPLETIONS_CSV,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/report/regional", PAGE_REGIONAL, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/report/regional", PAGE_REGIONAL_POST,
	    ROUTE_SIGNED_IN },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_DASHBOARD] = page_dashboard,
	[PAGE_COMPLETIONS] = page_completions,
	[PAGE_COMPLETIONS_CSV] = page_completions_csv,
	[PAGE_REGIONAL] = page_regional,
	[PAGE_REGIONAL_POST] = page_regional_post,
};

static const struct program report = {
	"report", "/report/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, NULL, 0
};

int
main(int argc, char *argv[])
{
	/* A year of a large country sorts many rows before the first. */
	db_set_read_timeout(120);
	return server_main(argc, argv, &report);
}
