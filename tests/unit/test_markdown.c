/*
 * Unit test of markdown_to_xhtml and html_sanitize: hostile markdown
 * and HTML must come out as inert, well-formed XHTML.  Prints TAP and
 * exits 0 if every test passed, 1 otherwise.
 *
 *	test_markdown [-u] [HOSTILE_DIR]
 *
 * HOSTILE_DIR (default tests/content/hostile) holds NAME.md files and
 * their expected output, NAME.xhtml.  With -u the expected files are
 * rewritten from the current output: review the diff before keeping it.
 *
 * Every output is also checked by an independent policy walk (its own
 * allow-list and POSIX regular expressions, not the code under test).
 */
#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rcm.h"
#include "tap.h"



/* Prints s as TAP diagnostics, one "# " line per line. */
static void
diag(const char *label, const char *s)
{
	printf("# %s:\n# ", label);
	for (; *s != '\0'; s++) {
		putchar(*s);
		if (*s == '\n' && s[1] != '\0')
			fputs("# ", stdout);
	}
	putchar('\n');
}

static regex_t	 re_href, re_src;

static const char *const policy_elems[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
	"blockquote", "pre", "code", "em", "strong", "a", "img", "hr",
	"br", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt",
	"dd", "sup", "sub", "del", NULL
};

static int
policy_elem(const char *name)
{
	size_t	 i;

	for (i = 0; policy_elems[i] != NULL; i++)
		if (strcmp(name, policy_elems[i]) == 0)
			return 1;
	return 0;
}

/* Lowercased, without any space or control character. */
static void
squeeze(const char *s, char *out, size_t sz)
{
	size_t	 j = 0;

	for (; *s != '\0' && j + 1 < sz; s++)
		if ((unsigned char)*s > 0x20 && *s != 0x7f)
			out[j++] = (char)tolower((unsigned char)*s);
	out[j] = '\0';
}

static int
href_ok(const char *v)
{
	char	 sq[4096];

	/* No space or control character at all, then the scheme. */
	squeeze(v, sq, sizeof(sq));
	if (strlen(sq) != strlen(v))
		return 0;
	if (strncmp(sq, "https:", 6) == 0 || strncmp(sq, "http:", 5) == 0 ||
	    strncmp(sq, "mailto:", 7) == 0)
		return 1;
	return regexec(&re_href, v, 0, NULL, 0) == 0;
}

static int
src_ok(const char *v)
{
	return regexec(&re_src, v, 0, NULL, 0) == 0 &&
	    strstr(v, "..") == NULL;
}

/* Walks n; returns NULL if it is inert, else what is wrong. */
static const char *
policy_walk(xmlNodePtr n)
{
	static char	 why[256];
	xmlAttrPtr	 a;
	xmlChar		*v;
	const char	*name, *an, *r;
	int		 good;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE)
			continue;
		if (n->type != XML_ELEMENT_NODE) {
			snprintf(why, sizeof(why), "node of type %d",
			    (int)n->type);
			return why;
		}
		name = (const char *)n->name;
		if (!policy_elem(name)) {
			snprintf(why, sizeof(why), "element <%s>", name);
			return why;
		}
		for (a = n->properties; a != NULL; a = a->next) {
			an = (const char *)a->name;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			if (strcmp(name, "a") == 0 && strcmp(an, "href") == 0)
				good = href_ok((const char *)v);
			else if (strcmp(name, "img") == 0 &&
			    strcmp(an, "src") == 0)
				good = src_ok((const char *)v);
			else
				good = (strcmp(name, "a") == 0 &&
				    strcmp(an, "title") == 0) ||
				    (strcmp(name, "img") == 0 &&
				    (strcmp(an, "alt") == 0 ||
				    strcmp(an, "title") == 0));
			if (!good) {
				snprintf(why, sizeof(why), "<%s %s=\"%s\">",
				    name, an, (const char *)v);
				xmlFree(v);
				return why;
			}
			xmlFree(v);
		}
		if ((r = policy_walk(n->children)) != NULL)
			return r;
	}
	return NULL;
}

/*
 * Checks that out is well-formed XML inside a <div> and inert.
 * Returns NULL if so, else the reason.
 */
static const char *
policy_check(const char *out)
{
	xmlDocPtr	 doc;
	char		*wrapped;
	const char	*r;

	wrapped = xasprintf("<div>%s</div>", out);
	doc = xmlReadMemory(wrapped, (int)strlen(wrapped), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(wrapped);
	if (doc == NULL)
		return "not well-formed XML";
	r = policy_walk(xmlDocGetRootElement(doc)->children);
	xmlFreeDoc(doc);
	return r;
}

static char *
read_all(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* NAME.md against NAME.xhtml, and the policy, for each NAME in dir. */
static void
test_hostile_dir(const char *dir, int update)
{
	DIR		*d;
	struct dirent	*de;
	char		*names[64], *md, *exp, *out, *path;
	const char	*why;
	size_t		 n = 0, i, len, elen;
	FILE		*f;

	if ((d = opendir(dir)) == NULL) {
		ok(0, "open %s", dir);
		return;
	}
	while ((de = readdir(d)) != NULL && n < 64) {
		len = strlen(de->d_name);
		if (len > 3 && strcmp(de->d_name + len - 3, ".md") == 0)
			names[n++] = xstrndup(de->d_name, len - 3);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), str_cmp);
	ok(n >= 6, "%zu hostile markdown files in %s", n, dir);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s.md", dir, names[i]);
		md = read_all(path, &len);
		free(path);
		out = markdown_to_xhtml(md, len);
		path = xasprintf("%s/%s.xhtml", dir, names[i]);
		if (update && (f = fopen(path, "w")) != NULL) {
			fputs(out, f);
			fclose(f);
		}
		exp = read_all(path, &elen);
		if (!ok(exp != NULL && strcmp(exp, out) == 0,
		    "hostile/%s.md renders as hostile/%s.xhtml", names[i],
		    names[i])) {
			diag("expected", exp == NULL ? "(missing)" : exp);
			diag("got", out);
		}
		why = policy_check(out);
		ok(why == NULL, "hostile/%s.md output is inert%s%s",
		    names[i], why == NULL ? "" : ": ", why == NULL ? "" : why);
		free(path);
		free(exp);
		free(out);
		free(md);
		free(names[i]);
	}
}

/* markdown_to_xhtml(in) must be exactly want. */
static void
md_is(const char *in, const char *want, const char *desc)
{
	char	*out;

	out = markdown_to_xhtml(in, strlen(in));
	if (!ok(strcmp(out, want) == 0, "markdown: %s", desc)) {
		diag("expected", want);
		diag("got", out);
	}
	free(out);
}

/* html_sanitize(in) must be exactly want. */
static void
html_is(const char *in, const char *want, const char *desc)
{
	char		*out;
	const char	*why;

	out = html_sanitize(in, strlen(in));
	if (!ok(strcmp(out, want) == 0, "sanitize: %s", desc)) {
		diag("expected", want);
		diag("got", out);
	}
	if ((why = policy_check(out)) != NULL)
		ok(0, "sanitize: %s: output is inert: %s", desc, why);
	free(out);
}

static void
test_markdown_cases(void)
{
	md_is("", "", "empty input gives an empty string");
	md_is("# Title\n\nText *em* **strong**.\n",
	    "<h1>Title</h1>\n\n<p>Text <em>em</em> <strong>strong</strong>."
	    "</p>", "headings and emphasis");
	md_is("[next](02-next#part)",
	    "<p><a href=\"02-next#part\">next</a></p>",
	    "a lesson link keeps its href");
	md_is("[x](../other/01-a)",
	    "<p><a href=\"../other/01-a\">x</a></p>",
	    "a link to another module keeps its href");
	md_is("[x](https://unhcr.example/a?b=1&c=2)",
	    "<p><a href=\"https://unhcr.example/a?b=1&amp;c=2\">x</a></p>",
	    "an https link keeps its href, escaped");
	md_is("[x](javascript:alert(1))",
	    "<p>[x](javascript:alert(1))</p>",
	    "javascript: is left as text by Discount's SAFELINK");
	md_is("[x](java&#x09;script:alert(1))", "<p><a>x</a>)</p>",
	    "java&#x09;script: loses its href");
	md_is("[x](JaVaScRiPt:alert(1))",
	    "<p>[x](JaVaScRiPt:alert(1))</p>", "JaVaScRiPt: gives no link");
	md_is("[x](ftp://host/)", "<p><a>x</a></p>",
	    "ftp: passes Discount, not the allow-list");
	md_is("![a](https://evil.example/x.png)", "<p><img alt=\"a\"/></p>",
	    "an off-site image loses its src");
	md_is("![a](../../etc/passwd)", "<p><img alt=\"a\"/></p>",
	    "../../etc/passwd loses its src");
	md_is("![a](images/map.png)",
	    "<p><img src=\"images/map.png\" alt=\"a\"/></p>",
	    "an image of images/ keeps its src");
	md_is("<b>x</b>", "<p>&lt;b&gt;x&lt;/b&gt;</p>",
	    "raw HTML is shown as text");
	md_is("`<i>`\n\n    <pre>\n",
	    "<p><code>&lt;i&gt;</code></p>\n\n<pre><code>&lt;pre&gt;\n"
	    "</code></pre>", "code spans and blocks are escaped");
	md_is("Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
	    "<p>Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80</p>",
	    "UTF-8 text is kept as UTF-8");
	md_is("a \x01\x02 b &#1; c", "<p>a  b  c</p>",
	    "control characters are dropped, output stays XML 1.0");
	md_is("<user@example.org>",
	    "<p><a href=\"mailto:user@example.org\">user@example.org</a></p>",
	    "a mail autolink is decoded to a plain mailto: href");
}

static void
test_sanitize_cases(void)
{
	html_is("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>",
	    "script and its content are dropped");
	html_is("<p><a href=\"JaVaScRiPt:alert(1)\">x</a></p>",
	    "<p><a>x</a></p>", "JaVaScRiPt: href dropped, text kept");
	html_is("<p><a href=\" &#106;avascript:alert(1)\">x</a></p>",
	    "<p><a>x</a></p>", "leading space and &#106; href dropped");
	html_is("<p><a href=\"java&#x09;script:alert(1)\">x</a></p>",
	    "<p><a>x</a></p>", "java&#x09;script: href dropped");
	html_is("<p><a href=\"java\nscript:alert(1)\">x</a></p>",
	    "<p><a>x</a></p>", "java<newline>script: href dropped");
	html_is("<p><a href=\"&#x6A;&#x61;vascript&#58;x\">x</a></p>",
	    "<p><a>x</a></p>", "hex and decimal encoded scheme dropped");
	html_is("<p><a href=\"data:text/html,<script>x</script>\">x</a></p>",
	    "<p><a>x</a></p>", "data: href dropped");
	html_is("<p><a href=\"vbscript:x\">x</a></p>", "<p><a>x</a></p>",
	    "vbscript: href dropped");
	html_is("<p><a href=\"//evil.example/\">x</a></p>",
	    "<p><a>x</a></p>", "protocol-relative href dropped");
	html_is("<p><a href=\"HTTPS://ok.example/\" onclick=\"x\" "
	    "title=\"t\">x</a></p>",
	    "<p><a href=\"HTTPS://ok.example/\" title=\"t\">x</a></p>",
	    "https: in capitals kept, onclick dropped");
	html_is("<p><a href=\" https://ok.example/a\tb \">x</a></p>",
	    "<p><a href=\"https://ok.example/ab\">x</a></p>",
	    "href cleaned as a browser would (trim, no tabs)");
	html_is("<p><a href=\"mailto:a@b.example\">x</a></p>",
	    "<p><a href=\"mailto:a@b.example\">x</a></p>", "mailto: kept");
	html_is("<p><a href=\"#part-2\">x</a><a href=\"#\">y</a></p>",
	    "<p><a href=\"#part-2\">x</a><a>y</a></p>",
	    "fragment kept, bare # dropped");
	html_is("<p><a href=\"../other/01-a#b\">x</a>"
	    "<a href=\"../Other/01-a\">y</a><a href=\"1-a\">z</a></p>",
	    "<p><a href=\"../other/01-a#b\">x</a><a>y</a><a>z</a></p>",
	    "lesson links follow the pattern exactly");
	html_is("<p><img src=\"x\" onerror=\"alert(1)\"></p>",
	    "<p><img/></p>", "onerror and a bad src dropped");
	html_is("<p><img src=\"images/a.png\" alt=\"x&quot;y\" "
	    "style=\"x\"></p>",
	    "<p><img src=\"images/a.png\" alt=\"x&quot;y\"/></p>",
	    "good src kept, quotes escaped, style dropped");
	html_is("<p><img src=\"images/../x.png\"><img src=\"images/.x\">"
	    "<img src=\"images/a/b.png\"><img src=\"/images/a.png\"></p>",
	    "<p><img/><img/><img/><img/></p>",
	    "src with .., dot file, subfolder or leading / dropped");
	html_is("<p>a<iframe src=\"https://evil\">in</iframe>"
	    "<object>o</object>b<embed src=x>e</embed></p>", "<p>ab</p>",
	    "iframe, object, embed dropped with content");
	html_is("<div onclick=\"x\"><span>t</span></div>", "t",
	    "disallowed elements unwrapped, text kept");
	html_is("<svg><script>alert(1)</script><text>t</text></svg><p>p</p>",
	    "<p>p</p>", "svg dropped with content");
	html_is("<style>p{}</style><p>x<!-- c --></p>", "<p>x</p>",
	    "style and comments dropped");
	html_is("<table><tr><td style=\"x\">1</td></tr></table>",
	    "<table><tr><td>1</td></tr></table>",
	    "table kept, style dropped");
	html_is("<p>&lt;b&gt; &amp; \"q\"</p>",
	    "<p>&lt;b&gt; &amp; \"q\"</p>", "text re-escaped for XML");
	html_is("<p>a&#0;b&#xFFFE;c\x01</p>", "<p>abc</p>",
	    "characters invalid in XML dropped");
	html_is("", "", "empty input");
}

/* The link rules against POSIX regular expressions, on many strings. */
static void
test_link_rules(void)
{
	static const char	 alpha[] = "ab09-./#_Aimages:x";
	regex_t			 lesson, image;
	char			 s[16];
	size_t			 i, j, n, bad = 0;
	int			 a, b;

	regcomp(&lesson, "^(\\.\\./[a-z0-9-]+/)?[0-9]{2}-[a-z0-9-]+"
	    "(#[A-Za-z0-9_-]+)?$", REG_EXTENDED | REG_NOSUB);
	regcomp(&image, "^images/[A-Za-z0-9._-]+$", REG_EXTENDED | REG_NOSUB);
	ok(markdown_is_lesson_link("01-a") &&
	    markdown_is_lesson_link("../m-1/12-x-y#Frag_2") &&
	    !markdown_is_lesson_link("1-a") &&
	    !markdown_is_lesson_link("01-") &&
	    !markdown_is_lesson_link("01-A") &&
	    !markdown_is_lesson_link("../01-a") &&
	    !markdown_is_lesson_link("01-a#") &&
	    !markdown_is_lesson_link("01-a/b") &&
	    !markdown_is_lesson_link("../a/../01-b"),
	    "lesson link pattern: fixed cases");
	ok(markdown_is_image_path("images/a.png") &&
	    markdown_is_image_path("images/A_b-1.x.webp") &&
	    !markdown_is_image_path("images/") &&
	    !markdown_is_image_path("images/../a.png") &&
	    !markdown_is_image_path("images/a..png") &&
	    !markdown_is_image_path("images/.a") &&
	    !markdown_is_image_path("images/a/b") &&
	    !markdown_is_image_path("./images/a.png"),
	    "image path pattern: fixed cases");
	srandom(1);
	for (i = 0; i < 200000; i++) {
		/* A third start with "../", a third with "images/". */
		j = 0;
		if (i % 3 == 1) {
			memcpy(s, "../", 3);
			j = 3;
		} else if (i % 3 == 2) {
			memcpy(s, "images/", 7);
			j = 7;
		}
		for (n = j + (size_t)random() % 8; j < n; j++)
			s[j] = alpha[random() % (sizeof(alpha) - 1)];
		s[j] = '\0';
		a = markdown_is_lesson_link(s);
		b = regexec(&lesson, s, 0, NULL, 0) == 0;
		if (a != b && bad++ < 5)
			printf("# lesson link '%s': %d, regex %d\n", s, a, b);
		a = markdown_is_image_path(s);
		b = regexec(&image, s, 0, NULL, 0) == 0 &&
		    strstr(s, "..") == NULL && s[7] != '.';
		/* s[7] exists: the regex needs at least 8 bytes. */
		if (a != b && bad++ < 5)
			printf("# image path '%s': %d, regex %d\n", s, a, b);
	}
	ok(bad == 0, "link patterns agree with the regular expressions on "
	    "200000 random strings");
	regfree(&lesson);
	regfree(&image);
}

/* Random soups of dangerous pieces must always come out inert. */
static void
test_fuzz(void)
{
	static const char *const md_tokens[] = {
		"[", "]", "(", ")", "![", "](", "<", ">", "\"", "'", " ",
		"\n", "\n\n", "`", "``", "*", "_", "&#", "&#x", "106;", "09;",
		"&amp;", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
		"https://ok.example/", "images/", "../", "01-a", "#x", "a",
		"script", "onerror=", "alert(1)", "\t", "> ", "- ", "1. ",
		"    ", "|", "---", "=", "\\", "<a href=", "<img src=",
		"mailto:", "<svg", "%", "\xc3\xa9", "\x01", "=10x10", "title",
	};
	static const char *const html_tokens[] = {
		"<a href=\"", "<a href=", "<img src=\"", "<img src=", "\"",
		"'", ">", "<", "</a>", "<script>", "</script>", "<p>", "</p>",
		"<iframe>", "<svg>", "<math>", "<style>", "<!--", "-->",
		"<![CDATA[", "]]>", "javascript:", "java&#x09;script:",
		"&#106;", "https:", "images/a.png", "../", "01-a", " ",
		"onerror=", "onclick=\"x\"", "x", "&", "\n", "<table>", "<td>",
		"<object>", "<base href=", "<form action=", "<?", "?>",
		"<meta http-equiv=refresh content=0;url=javascript:x>",
	};
	char		 buf[4096], *out;
	const char	*why, *tok;
	size_t		 i, j, len, tl, bad = 0, nt;
	int		 html;

	srandom(2);
	for (i = 0; i < 6000; i++) {
		html = i % 2;
		nt = html ? sizeof(html_tokens) / sizeof(html_tokens[0]) :
		    sizeof(md_tokens) / sizeof(md_tokens[0]);
		len = 0;
		for (j = (size_t)random() % 60 + 1; j > 0; j--) {
			tok = html ? html_tokens[random() % nt] :
			    md_tokens[random() % nt];
			tl = strlen(tok);
			if (len + tl >= sizeof(buf))
				break;
			memcpy(buf + len, tok, tl);
			len += tl;
		}
		buf[len] = '\0';
		out = html ? html_sanitize(buf, len) :
		    markdown_to_xhtml(buf, len);
		if ((why = policy_check(out)) != NULL && bad++ < 3) {
			printf("# %s: %s\n", html ? "html" : "markdown", why);
			diag("input", buf);
			diag("output", out);
		}
		free(out);
	}
	ok(bad == 0, "6000 random markdown and HTML soups come out inert "
	    "(%zu did not)", bad);
}

static void
test_depth(void)
{
	char	*deep, *out;
	size_t	 i;

	deep = xmalloc(70 * 2 + 16);
	strcpy(deep, "fine\n\n");
	for (i = 0; i < 70; i++)
		strcat(deep, "> ");
	strcat(deep, "x\n");
	ok(markdown_too_deep(deep, strlen(deep)) == 3,
	    "70 nested quotes on line 3 are too deep");
	out = markdown_to_xhtml(deep, strlen(deep));
	ok(strcmp(out, "") == 0, "too deep markdown renders as nothing");
	free(out);
	ok(markdown_too_deep("> > x\n\t\t- y\n", 12) == 0,
	    "ordinary nesting is not too deep");
	free(deep);
}

int
main(int argc, char *argv[])
{
	const char	*dir = "tests/content/hostile";
	int		 ch, update = 0;

	while ((ch = getopt(argc, argv, "u")) != -1)
		switch (ch) {
		case 'u':
			update = 1;
			break;
		default:
			fprintf(stderr, "usage: test_markdown [-u] [dir]\n");
			return 2;
		}
	if (optind < argc)
		dir = argv[optind];

	regcomp(&re_href, "^((\\.\\./[a-z0-9-]+/)?[0-9]{2}-[a-z0-9-]+"
	    "(#[A-Za-z0-9_-]+)?|#[A-Za-z0-9_-]+)$", REG_EXTENDED | REG_NOSUB);
	regcomp(&re_src, "^images/[A-Za-z0-9_-][A-Za-z0-9._-]*$",
	    REG_EXTENDED | REG_NOSUB);

	test_hostile_dir(dir, update);
	test_markdown_cases();
	test_sanitize_cases();
	test_link_rules();
	test_depth();
	test_fuzz();

	regfree(&re_href);
	regfree(&re_src);
	xmlCleanupParser();
	printf("1..%d\n", tap_n);
	return tap_failed == 0 ? 0 : 1;
}
