/*
 * Markdown to a safe XHTML fragment.
 *
 * Discount renders the markdown with raw HTML, pseudo-protocols and
 * style blocks turned off.  Its output is then parsed again with the
 * libxml2 HTML parser and copied, node by node, into a fresh XML
 * document through an allow-list of elements and attributes: whatever
 * Discount lets through by mistake (it does not check image sources,
 * for one) is dropped here.  The copy is serialised as XML, so that the
 * string the browser finally decodes is exactly the string checked.
 */
#include <err.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <mkdio.h>
#include <sodium.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "rcm.h"

#define MARKDOWN_FLAGS	(MKD_NOHTML | MKD_SAFELINK | MKD_NO_EXT | \
			 MKD_NOPANTS | MKD_NOSTYLE | MKD_NOHEADER)

/*
 * Discount recurses once per level of blockquotes and lists and runs
 * out of stack near a few hundred levels on a small thread stack; text
 * nested deeper than this is refused before it reaches Discount.
 */
#define MARKDOWN_DEPTH_MAX	64

/*
 * Deeper element nesting than this is flattened to its text, so that
 * hostile input cannot exhaust the stack of the tree walk.
 */
#define SANITIZE_DEPTH_MAX	256

static pthread_once_t	 markdown_once = PTHREAD_ONCE_INIT;

/* Elements copied with their allowed attributes. */
static const char *const elem_keep[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
	"blockquote", "pre", "code", "em", "strong", "a", "img", "hr",
	"br", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt",
	"dd", "sup", "sub", "del", NULL
};

/* Elements dropped together with everything inside them. */
static const char *const elem_drop[] = {
	"script", "style", "iframe", "object", "embed", "applet",
	"frame", "frameset", "noframes", "noembed", "noscript",
	"template", "svg", "math", "head", "title", "textarea",
	"select", "xmp", "plaintext", NULL
};

static void
markdown_init(void)
{
	mkd_initialize();
	xmlInitParser();
	if (sodium_init() < 0)
		errx(1, "sodium_init");
}

/*
 * Discount, libxml2 and libsodium keep global state, set up here once
 * by the first caller, whichever thread it runs in.
 */
void
markdown_setup(void)
{
	pthread_once(&markdown_once, markdown_init);
}

static int
name_in(const char *name, const char *const *list)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

/*
 * Length of the UTF-8 sequence at s (of at most n bytes) if it encodes
 * a character allowed in XML 1.0, or 0.
 */
static size_t
xml_char_len(const unsigned char *s, size_t n)
{
	unsigned int	 c;
	size_t		 len, i;

	if (s[0] < 0x80) {
		if (s[0] < 0x20 && s[0] != '\t' && s[0] != '\n' &&
		    s[0] != '\r')
			return 0;
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
	    c == 0xfffe || c == 0xffff)
		return 0;
	return len;
}

/*
 * Copies s keeping only characters allowed in XML 1.0; invalid bytes
 * are dropped.  Returns a string the caller frees.
 */
static char *
xml_clean(const xmlChar *s)
{
	const unsigned char	*p = s;
	char			*out;
	size_t			 n, i, j, len;

	n = strlen((const char *)s);
	out = xmalloc(n + 1);
	for (i = j = 0; i < n; ) {
		if ((len = xml_char_len(p + i, n - i)) == 0) {
			i++;
			continue;
		}
		memcpy(out + j, p + i, len);
		i += len;
		j += len;
	}
	out[j] = '\0';
	return out;
}

/*
 * Applies the URL pre-processing of browsers (the WHATWG URL parser):
 * leading and trailing C0 controls and spaces go, tabs and newlines go
 * everywhere.  Returns NULL if another control character or a space
 * remains, else a string the caller frees.
 */
static char *
url_clean(const char *v)
{
	const unsigned char	*s = (const unsigned char *)v;
	char			*out;
	size_t			 n, i, j;

	n = strlen(v);
	while (n > 0 && s[n - 1] <= 0x20)
		n--;
	while (n > 0 && *s <= 0x20) {
		s++;
		n--;
	}
	out = xmalloc(n + 1);
	for (i = j = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] <= 0x20 || s[i] == 0x7f) {
			free(out);
			return NULL;
		}
		out[j++] = s[i];
	}
	out[j] = '\0';
	return out;
}

static int
has_prefix_nocase(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static int
is_slug_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int
is_frag_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Matches #[A-Za-z0-9_-]+ to the end of s. */
static int
is_fragment(const char *s)
{
	if (*s++ != '#' || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!is_frag_char((unsigned char)*s))
			return 0;
	return 1;
}

/*
 * Matches a link to a lesson:
 * ^(\.\./[a-z0-9-]+/)?[0-9]{2}-[a-z0-9-]+(#[A-Za-z0-9_-]+)?$
 */
int
markdown_is_lesson_link(const char *s)
{
	const char	*p;

	if (strncmp(s, "../", 3) == 0) {
		for (p = s + 3; is_slug_char((unsigned char)*p); p++)
			continue;
		if (p == s + 3 || *p != '/')
			return 0;
		s = p + 1;
	}
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[2] != '-')
		return 0;
	for (p = s + 3; is_slug_char((unsigned char)*p); p++)
		continue;
	if (p == s + 3)
		return 0;
	return *p == '\0' || is_fragment(p);
}

/* Matches ^images/[A-Za-z0-9._-]+$ without "..", not a dot file. */
int
markdown_is_image_path(const char *s)
{
	const char	*p;
	int		 c;

	if (strncmp(s, "images/", 7) != 0)
		return 0;
	s += 7;
	if (*s == '\0' || *s == '.' || strstr(s, "..") != NULL)
		return 0;
	for (p = s; *p != '\0'; p++) {
		c = (unsigned char)*p;
		if (!is_frag_char(c) && c != '.')
			return 0;
	}
	return 1;
}

/*
 * Returns the cleaned href if it is allowed, else NULL.  Caller frees.
 */
static char *
href_allowed(const char *v)
{
	char	*u;

	if ((u = url_clean(v)) == NULL)
		return NULL;
	if (has_prefix_nocase(u, "https:") || has_prefix_nocase(u, "http:") ||
	    has_prefix_nocase(u, "mailto:") || is_fragment(u) ||
	    markdown_is_lesson_link(u))
		return u;
	free(u);
	return NULL;
}

static char *
src_allowed(const char *v)
{
	char	*u;

	if ((u = url_clean(v)) == NULL)
		return NULL;
	if (markdown_is_image_path(u))
		return u;
	free(u);
	return NULL;
}

/* Copies attribute name of src to dst if present, cleaned by check. */
static void
copy_attr(xmlNodePtr src, xmlNodePtr dst, const char *name,
    char *(*check)(const char *))
{
	xmlChar	*v;
	char	*clean, *ok;

	if ((v = xmlGetNoNsProp(src, (const xmlChar *)name)) == NULL)
		return;
	clean = xml_clean(v);
	xmlFree(v);
	ok = check == NULL ? clean : check(clean);
	if (ok != NULL)
		xmlNewProp(dst, (const xmlChar *)name, (const xmlChar *)ok);
	if (ok != clean)
		free(ok);
	free(clean);
}

static void
add_text(xmlNodePtr dst, const xmlChar *content)
{
	char	*clean;

	if (content == NULL)
		return;
	clean = xml_clean(content);
	if (*clean != '\0')
		xmlAddChild(dst, xmlNewDocText(dst->doc,
		    (const xmlChar *)clean));
	free(clean);
}

static void	sanitize_children(xmlNodePtr, xmlNodePtr, int);

static void
sanitize_element(xmlNodePtr src, xmlNodePtr dst, int depth)
{
	const char	*name = (const char *)src->name;
	xmlNodePtr	 el;
	xmlChar		*text;

	if (name == NULL || name_in(name, elem_drop))
		return;
	if (depth >= SANITIZE_DEPTH_MAX) {
		text = xmlNodeGetContent(src);
		add_text(dst, text);
		xmlFree(text);
		return;
	}
	if (!name_in(name, elem_keep)) {
		sanitize_children(src, dst, depth + 1);
		return;
	}
	el = xmlNewDocNode(dst->doc, NULL, (const xmlChar *)name, NULL);
	xmlAddChild(dst, el);
	if (strcmp(name, "a") == 0) {
		copy_attr(src, el, "href", href_allowed);
		copy_attr(src, el, "title", NULL);
	} else if (strcmp(name, "img") == 0) {
		copy_attr(src, el, "src", src_allowed);
		copy_attr(src, el, "alt", NULL);
		copy_attr(src, el, "title", NULL);
	}
	sanitize_children(src, el, depth + 1);
}

static void
sanitize_children(xmlNodePtr src, xmlNodePtr dst, int depth)
{
	xmlNodePtr	 c;

	for (c = src->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			add_text(dst, c->content);
			break;
		case XML_ELEMENT_NODE:
			sanitize_element(c, dst, depth);
			break;
		default:
			/* Comments, PIs, entity references: dropped. */
			break;
		}
	}
}

static xmlNodePtr
find_element(xmlNodePtr n, const char *name)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

char *
html_sanitize(const char *html, size_t len)
{
	htmlDocPtr	 in;
	xmlDocPtr	 out;
	xmlNodePtr	 root, body, c;
	xmlBufferPtr	 buf;
	xmlSaveCtxtPtr	 save;
	char		*res;

	markdown_setup();
	if (len == 0 || len > INT_MAX)
		return xstrdup("");
	in = htmlReadMemory(html, (int)len, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (in == NULL)
		return xstrdup("");
	body = find_element(xmlDocGetRootElement(in), "html");
	if (body != NULL)
		body = find_element(body->children, "body");
	if (body == NULL) {
		xmlFreeDoc(in);
		return xstrdup("");
	}

	if ((out = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
		errx(1, "xmlNewDoc");
	root = xmlNewDocNode(out, NULL, (const xmlChar *)"div", NULL);
	xmlDocSetRootElement(out, root);
	sanitize_children(body, root, 0);
	xmlFreeDoc(in);

	if ((buf = xmlBufferCreate()) == NULL)
		errx(1, "xmlBufferCreate");
	save = xmlSaveToBuffer(buf, "UTF-8",
	    XML_SAVE_NO_DECL | XML_SAVE_AS_XML);
	if (save == NULL)
		errx(1, "xmlSaveToBuffer");
	for (c = root->children; c != NULL; c = c->next)
		xmlSaveTree(save, c);
	xmlSaveClose(save);
	res = xstrndup((const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	xmlFreeDoc(out);
	return res;
}

/*
 * How deeply the start of the line at s nests blocks: '>' marks, list
 * markers and indentation (four columns a level).
 */
static size_t
line_depth(const char *s, const char *end)
{
	size_t	 depth = 0, col = 0, i;

	while (s < end) {
		if (*s == ' ')
			col++;
		else if (*s == '\t')
			col = (col / 4 + 1) * 4;
		else if (*s == '>')
			depth++;
		else if ((*s == '-' || *s == '*' || *s == '+') &&
		    s + 1 < end && (s[1] == ' ' || s[1] == '\t'))
			depth++;
		else if (*s >= '0' && *s <= '9') {
			for (i = 0; s + i < end && s[i] >= '0' && s[i] <= '9';
			    i++)
				continue;
			if (s + i + 1 < end && (s[i] == '.' || s[i] == ')') &&
			    (s[i + 1] == ' ' || s[i + 1] == '\t')) {
				depth++;
				s += i;
			} else
				break;
		} else
			break;
		s++;
	}
	return depth + col / 4;
}

size_t
markdown_too_deep(const char *text, size_t len)
{
	const char	*s = text, *end = text + len, *nl;
	size_t		 line;

	for (line = 1; s < end; line++, s = nl + 1) {
		if ((nl = memchr(s, '\n', end - s)) == NULL)
			nl = end;
		if (line_depth(s, nl) > MARKDOWN_DEPTH_MAX)
			return line;
	}
	return 0;
}

char *
markdown_to_xhtml(const char *text, size_t len)
{
	MMIOT	*doc;
	char	*html, *copy, *res;
	int	 n;

	markdown_setup();
	if (len == 0 || len > INT_MAX || markdown_too_deep(text, len))
		return xstrdup("");
	if ((doc = mkd_string(text, (int)len, MARKDOWN_FLAGS)) == NULL)
		return xstrdup("");
	if (!mkd_compile(doc, MARKDOWN_FLAGS)) {
		mkd_cleanup(doc);
		return xstrdup("");
	}
	/* The document owns html: copy it before the cleanup. */
	n = mkd_document(doc, &html);
	copy = n > 0 ? xstrndup(html, (size_t)n) : NULL;
	mkd_cleanup(doc);
	if (copy == NULL)
		return xstrdup("");
	res = html_sanitize(copy, strlen(copy));
	free(copy);
	return res;
}
