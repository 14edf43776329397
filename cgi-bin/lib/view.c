/*
 * Views.  A handler builds an XML view document (text added only through
 * libxml2, so it is escaped by construction); view_render applies the
 * stylesheet compiled at start and writes HTML, or writes the document
 * itself when the client asked for XML.  The XML form is the read API.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/hash.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "rcm.h"

#define VIEW_MAX	64

struct compiled_view {
	char			*name;	/* file name without ".xsl" */
	xsltStylesheetPtr	 xsl;
};

static struct compiled_view	 views[VIEW_MAX];
static size_t			 viewsz;

/*
 * The UI message catalogs (xslt/i18n/LANG.xml), parsed once and handed to
 * the stylesheets by the extension function rcm:messages(lang): reading
 * them with document() would parse a file on every page.
 */
#define VIEW_NS		"urn:x-rcm:view"
static xmlDocPtr		 messages[LANG__MAX];
static xmlHashTablePtr		 message_text[LANG__MAX];	/* key -> text */

static void
view_fn_messages(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar		*code;
	enum lang	 l;
	xmlNodePtr	 root = NULL;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	code = xmlXPathPopString(ctxt);
	l = lang_from_code(code != NULL ? (const char *)code : "");
	xmlFree(code);
	if (l == LANG__MAX)
		l = LANG_ES;
	if (messages[l] != NULL)
		root = xmlDocGetRootElement(messages[l]);
	/* The node-set points into the cached catalog; it owns nothing. */
	valuePush(ctxt, xmlXPathNewNodeSet(root));
}

/* rcm:t(lang, key): the message, or the key itself when missing. */
static void
view_fn_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar		*code, *key;
	const xmlChar	*text = NULL;
	enum lang	 l;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	key = xmlXPathPopString(ctxt);
	code = xmlXPathPopString(ctxt);
	l = lang_from_code(code != NULL ? (const char *)code : "");
	if (l < LANG__MAX && message_text[l] != NULL && key != NULL)
		text = xmlHashLookup(message_text[l], key);
	valuePush(ctxt, xmlXPathNewString(text != NULL ? text : key));
	xmlFree(code);
	xmlFree(key);
}

static int
view_messages_load(void)
{
	char	*path;
	size_t	 i;
	int	 ok = 1;

	for (i = 0; i < LANG__MAX; i++) {
		path = xasprintf("%s/i18n/%s.xml", cfg.xslt_dir,
		    lang_code((enum lang)i));
		messages[i] = xmlReadFile(path, NULL, XML_PARSE_NONET);
		if (messages[i] == NULL) {
			log_errx("view: %s: cannot be read", path);
			ok = 0;
		} else {
			xmlNodePtr n;

			message_text[i] = xmlHashCreate(512);
			for (n = xmlDocGetRootElement(messages[i])->children;
			    n != NULL; n = n->next) {
				xmlChar *k;

				if (n->type != XML_ELEMENT_NODE ||
				    (k = xmlGetProp(n, BAD_CAST "k")) == NULL)
					continue;
				/* The text stays owned by the cached document. */
				xmlHashAddEntry(message_text[i], k,
				    n->children != NULL &&
				    n->children->content != NULL ?
				    n->children->content : BAD_CAST "");
				xmlFree(k);
			}
		}
		free(path);
	}
	return ok && xsltRegisterExtModuleFunction(BAD_CAST "messages",
	    BAD_CAST VIEW_NS, view_fn_messages) == 0 &&
	    xsltRegisterExtModuleFunction(BAD_CAST "t",
	    BAD_CAST VIEW_NS, view_fn_t) == 0;
}

/*
 * Stylesheets may read files (message catalogs in xslt/i18n/) and nothing
 * else: no writing, no directories, no network.
 */
static void
view_security(void)
{
	xsltSecurityPrefsPtr	 p;

	p = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(p);
}

/*
 * Compiles every xslt/NAME.xsl whose name does not start with '_' (those are
 * parts imported by the others).  Returns 0 and logs when one fails: a
 * program must not start with a broken view.
 */
int
view_init(void)
{
	DIR		*d;
	struct dirent	*de;
	xmlDocPtr	 doc;
	xsltStylesheetPtr xsl;
	char		*path;
	size_t		 n;
	int		 ok = 1;

	view_security();
	exsltRegisterAll();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if (!view_messages_load())
		return 0;
	if ((d = opendir(cfg.xslt_dir)) == NULL) {
		log_errx("view: %s: cannot open", cfg.xslt_dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 5 || de->d_name[0] == '_' || de->d_name[0] == '.' ||
		    strcmp(de->d_name + n - 4, ".xsl") != 0)
			continue;
		if (viewsz == VIEW_MAX) {
			log_errx("view: more than %d stylesheets", VIEW_MAX);
			ok = 0;
			break;
		}
		path = xasprintf("%s/%s", cfg.xslt_dir, de->d_name);
		doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
		if (doc == NULL || (xsl = xsltParseStylesheetDoc(doc)) == NULL) {
			log_errx("view: %s: does not compile", path);
			xmlFreeDoc(doc);
			free(path);
			ok = 0;
			continue;
		}
		free(path);
		views[viewsz].name = xstrndup(de->d_name, n - 4);
		views[viewsz].xsl = xsl;
		viewsz++;
	}
	closedir(d);
	return ok;
}

static xsltStylesheetPtr
view_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < viewsz; i++)
		if (strcmp(views[i].name, name) == 0)
			return views[i].xsl;
	return NULL;
}

/*
 * A new view document: <page view="name" lang=".." path=".."> with the
 * signed-in user and the CSRF token for forms.  The caller adds children.
 */
xmlDocPtr
view_new(const struct req *req, const char *name)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, u;

	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, BAD_CAST "view", BAD_CAST name);
	xmlNewProp(root, BAD_CAST "lang",
	    BAD_CAST lang_code(req->lang == LANG__MAX ? LANG_ES : req->lang));
	xmlNewProp(root, BAD_CAST "path", BAD_CAST req->path);
	if (req->session != NULL) {
		u = xmlNewChild(root, NULL, BAD_CAST "user", NULL);
		view_attr_int(u, "id", req->session->user_id);
		xmlNewProp(u, BAD_CAST "role",
		    BAD_CAST role_names[req->session->role]);
		if (req->session->country[0] != '\0')
			xmlNewProp(u, BAD_CAST "country",
			    BAD_CAST req->session->country);
		xmlNewTextChild(u, NULL, BAD_CAST "name",
		    BAD_CAST req->session->full_name);
		xmlNewTextChild(u, NULL, BAD_CAST "email",
		    BAD_CAST req->session->email);
		xmlNewTextChild(root, NULL, BAD_CAST "csrf",
		    BAD_CAST req->session->csrf);
	}
	return doc;
}

xmlNodePtr
view_root(xmlDocPtr doc)
{
	return xmlDocGetRootElement(doc);
}

/* Adds <name>text</name>; text is escaped when serialised. */
xmlNodePtr
view_add(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name,
	    text != NULL ? BAD_CAST text : NULL);
}

xmlNodePtr
view_addf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	va_list		 ap;
	char		*s;
	xmlNodePtr	 n;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	n = view_add(parent, name, s != NULL ? s : "");
	free(s);
	return n;
}

void
view_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, BAD_CAST name, BAD_CAST (value != NULL ? value : ""));
}

void
view_attr_int(xmlNodePtr n, const char *name, long long value)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	xmlSetProp(n, BAD_CAST name, BAD_CAST buf);
}

/*
 * Adds <name> holding the nodes of a sanitised XHTML fragment (from
 * markdown_to_xhtml).  The fragment is parsed, never pasted as text, so
 * the stylesheet copies nodes and no output escaping is ever disabled.
 */
xmlNodePtr
view_add_xhtml(xmlNodePtr parent, const char *name, const char *xhtml)
{
	xmlNodePtr	 wrap, list = NULL, n, next;
	char		*doc;
	xmlDocPtr	 frag;

	wrap = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
	if (xhtml == NULL || *xhtml == '\0')
		return wrap;
	doc = xasprintf("<x>%s</x>", xhtml);
	frag = xmlReadMemory(doc, (int)strlen(doc), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS * 0);
	free(doc);
	if (frag == NULL) {
		log_warnx("view: fragment for <%s> is not well-formed", name);
		return wrap;
	}
	list = xmlDocGetRootElement(frag)->children;
	for (n = list; n != NULL; n = next) {
		next = n->next;
		xmlAddChild(wrap, xmlDocCopyNode(n, parent->doc, 1));
	}
	xmlFreeDoc(frag);
	return wrap;
}

static void
view_write_xml(struct resp *resp, xmlDocPtr doc)
{
	xmlChar	*buf;
	int	 sz;

	xmlDocDumpFormatMemoryEnc(doc, &buf, &sz, "UTF-8", 1);
	resp_write(resp, (const char *)buf, (size_t)sz);
	xmlFree(buf);
}

/*
 * Writes the view with the given status and frees the document.  The
 * stylesheet is the one named by the root's view attribute.
 */
void
view_render(struct resp *resp, struct req *req, xmlDocPtr doc, int status,
    const char *extra_headers)
{
	xsltStylesheetPtr	 xsl;
	xmlDocPtr		 out;
	xmlChar			*name, *buf;
	int			 sz;

	if (req->want_xml) {
		resp_headers(resp, req, status,
		    "application/xml; charset=utf-8", extra_headers);
		view_write_xml(resp, doc);
		xmlFreeDoc(doc);
		return;
	}
	name = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "view");
	xsl = view_find(name != NULL ? (const char *)name : "");
	out = xsl != NULL ? xsltApplyStylesheet(xsl, doc, NULL) : NULL;
	if (out == NULL || xsltSaveResultToString(&buf, &sz, out, xsl) != 0) {
		log_errx("view: %s: transformation failed",
		    name != NULL ? (const char *)name : "(none)");
		resp_headers(resp, req, 500, "text/plain; charset=utf-8",
		    NULL);
		resp_puts(resp, "Internal error: the page could not be "
		    "rendered.\n");
	} else {
		resp_headers(resp, req, status, "text/html; charset=utf-8",
		    extra_headers);
		resp_write(resp, (const char *)buf, (size_t)sz);
		xmlFree(buf);
	}
	xmlFreeDoc(out);
	xmlFree(name);
	xmlFreeDoc(doc);
}

/*
 * Applies the compiled stylesheet name to doc with the parameters lang and
 * standalone (report pages opened outside the site carry their style) and
 * returns the serialised result in *buf (caller frees with xmlFree).
 * Returns 0 when the stylesheet is unknown or the transformation failed.
 */
int
view_apply(const char *name, xmlDocPtr doc, enum lang lang, int standalone,
    xmlChar **buf, int *sz)
{
	xsltStylesheetPtr	 xsl = view_find(name);
	xmlDocPtr		 out = NULL;
	char			 quoted[8];
	const char		*params[5];
	int			 ok;

	*buf = NULL;
	*sz = 0;
	snprintf(quoted, sizeof(quoted), "'%s'",
	    lang_code(lang < LANG__MAX ? lang : LANG_ES));
	params[0] = "lang";
	params[1] = quoted;
	params[2] = "standalone";
	params[3] = standalone ? "'yes'" : "'no'";
	params[4] = NULL;
	if (xsl != NULL)
		out = xsltApplyStylesheet(xsl, doc, params);
	ok = out != NULL && xsltSaveResultToString(buf, sz, out, xsl) == 0;
	if (!ok)
		log_errx("view: %s: transformation failed", name);
	xmlFreeDoc(out);
	return ok;
}

/*
 * Applies stylesheet name to a document that is not a page (completion
 * records, for the printable report and CSV), writes the result with the
 * given content type and frees the document.
 */
void
view_transform(struct resp *resp, struct req *req, const char *name,
    xmlDocPtr doc, const char *content_type, const char *extra_headers,
    enum lang lang)
{
	xmlChar	*buf;
	int	 sz;

	if (!view_apply(name, doc, lang, 0, &buf, &sz)) {
		resp_headers(resp, req, 500, "text/plain; charset=utf-8",
		    NULL);
		resp_puts(resp, "Internal error: the export could not be "
		    "produced.\n");
	} else {
		resp_headers(resp, req, 200, content_type, extra_headers);
		resp_write(resp, (const char *)buf, (size_t)sz);
	}
	xmlFree(buf);
	xmlFreeDoc(doc);
}

/* Adds <notice key=".." kind="info|error"/>, a message of the UI catalog. */
xmlNodePtr
view_notice(xmlDocPtr doc, const char *key, const char *kind)
{
	xmlNodePtr	 n;

	n = view_add(view_root(doc), "notice", NULL);
	view_attr(n, "key", key);
	view_attr(n, "kind", kind);
	return n;
}

xmlNodePtr
view_add_message(xmlNodePtr parent, const char *name, const char *key,
    const char *p1, const char *p2)
{
	xmlNodePtr	 n;

	n = view_add(parent, name, NULL);
	view_attr(n, "key", key);
	if (p1 != NULL)
		view_attr(n, "p1", p1);
	if (p2 != NULL)
		view_attr(n, "p2", p2);
	return n;
}

static void
view_error_page(struct resp *resp, struct req *req, int status,
    const char *key, const char *detail, const char *extra_headers,
    const char *msgkey, const char *p1, const char *p2)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 e;

	doc = view_new(req, "error");
	e = view_add(view_root(doc), "error", NULL);
	view_attr_int(e, "status", status);
	view_attr(e, "key", key);
	view_add(e, "title", resp_status_text(status));
	if (detail != NULL)
		view_add(e, "detail", detail);
	if (msgkey != NULL)
		view_add_message(e, "message", msgkey, p1, p2);
	view_render(resp, req, doc, status, extra_headers);
}

void
view_error_message(struct resp *resp, struct req *req, int status,
    const char *key, const char *msgkey, const char *p1, const char *p2)
{
	view_error_page(resp, req, status, key, NULL, NULL, msgkey, p1, p2);
}

/*
 * 400 for a field that is missing or wrong; reason is one of the codes
 * of req.c (utf8, encoding, repeated, invalid, multipart) or "missing".
 */
void
view_error_field(struct resp *resp, struct req *req, const char *field,
    const char *reason)
{
	char	 key[64];

	snprintf(key, sizeof(key), "field.%s", reason);
	view_error_page(resp, req, 400, "bad-field", NULL, NULL, key, field,
	    NULL);
}

/* An error page: status, a message in the page's language, details. */
void
view_error(struct resp *resp, struct req *req, int status, const char *key,
    const char *detail)
{
	view_error_page(resp, req, status, key, detail, NULL, NULL, NULL,
	    NULL);
}

/* The same with more header lines (Allow: for 405). */
void
view_error_headers(struct resp *resp, struct req *req, int status,
    const char *key, const char *extra_headers)
{
	view_error_page(resp, req, status, key, NULL, extra_headers, NULL,
	    NULL, NULL);
}
