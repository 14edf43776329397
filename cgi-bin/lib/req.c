/*
 * Request parsing.  Everything a handler reads from the client goes
 * through here: the method and path, the query string and urlencoded or
 * multipart body, cookies.  Each field is percent-decoded, checked to be
 * valid UTF-8 and passed through the validator of the program's key table
 * (as kcgi's kvalid_*); a handler never sees a raw client string.
 *
 * Everything kept from FCGX_GetParam is copied: the environment array
 * dies at the next accept.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "rcm.h"

static char *
param_copy(FCGX_Request *r, const char *name)
{
	const char	*v = FCGX_GetParam(name, r->envp);

	return v == NULL ? NULL : xstrdup(v);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decodes application/x-www-form-urlencoded text of length n into a new
 * string; returns NULL on a malformed escape.  *outsz gets the length,
 * which may be less than strlen() if the client sent %00.
 */
static char *
urldecode(const char *s, size_t n, size_t *outsz)
{
	char	*out, *p;
	size_t	 i;
	int	 hi, lo;

	p = out = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			*p++ = ' ';
		else if (s[i] == '%') {
			if (i + 2 >= n) {
				free(out);
				return NULL;
			}
			if ((hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0) {
				free(out);
				return NULL;
			}
			*p++ = (char)(hi << 4 | lo);
			i += 2;
		} else
			*p++ = s[i];
	}
	*p = '\0';
	*outsz = (size_t)(p - out);
	return out;
}

/* Strict UTF-8: no overlongs, no surrogates, nothing past U+10FFFF. */
int
valid_utf8(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, len, k;
	unsigned int		 cp;

	while (i < n) {
		if (s[i] < 0x80) {
			if (s[i] == 0)
				return 0;
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			len = 2;
			cp = s[i] & 0x1f;
		} else if ((s[i] & 0xf0) == 0xe0) {
			len = 3;
			cp = s[i] & 0x0f;
		} else if ((s[i] & 0xf8) == 0xf0) {
			len = 4;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

/* Adds one decoded value to the field table, validating it. */
static void
req_add_field(struct req *req, const struct field_def *defs, size_t defsz,
    const char *name, char *val, size_t valsz)
{
	struct field	*f, **tail;
	size_t		 i;

	for (i = 0; i < defsz; i++)
		if (defs[i].name != NULL && strcmp(defs[i].name, name) == 0)
			break;
	if (i == defsz) {
		free(val);
		return;
	}
	if (valsz == 0 && (defs[i].flags & FIELD_OPTIONAL)) {
		free(val);
		return;
	}
	if (req->fields[i] != NULL && !(defs[i].flags & FIELD_MULTI)) {
		/* Which of two values would we use?  Neither. */
		if (req->bad_field == NULL) {
			req->bad_field = defs[i].name;
			req->bad_reason = "repeated";
			req->bad_encoding = 1;
		}
		free(val);
		return;
	}
	if (!(defs[i].flags & FIELD_RAW) && !valid_utf8(val, valsz)) {
		if (req->bad_field == NULL) {
			req->bad_field = defs[i].name;
			req->bad_reason = "utf8";
			req->bad_encoding = 1;
		}
		free(val);
		return;
	}
	f = xcalloc(1, sizeof(*f));
	f->def = &defs[i];
	f->val = val;
	f->valsz = valsz;
	if (defs[i].valid != NULL && !defs[i].valid(f)) {
		if (req->bad_field == NULL) {
			req->bad_field = defs[i].name;
			req->bad_reason = "invalid";
		}
		free(f->val);
		free(f);
		return;
	}
	for (tail = &req->fields[i]; *tail != NULL; tail = &(*tail)->next)
		continue;
	*tail = f;
}

/* Splits "a=1&b=2" and adds each pair; returns 0 on bad encoding. */
static int
req_parse_urlencoded(struct req *req, const char *s, size_t n,
    const struct field_def *defs, size_t defsz)
{
	const char	*end = s + n, *amp, *eq;
	char		*name, *val;
	size_t		 namesz, valsz;

	while (s < end) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		if ((eq = memchr(s, '=', (size_t)(amp - s))) == NULL)
			eq = amp;
		name = urldecode(s, (size_t)(eq - s), &namesz);
		val = eq < amp ? urldecode(eq + 1, (size_t)(amp - eq - 1),
		    &valsz) : (valsz = 0, xstrdup(""));
		if (name == NULL || val == NULL) {
			if (req->bad_field == NULL) {
				req->bad_field = name != NULL ?
				    xstrdup(name) : xstrdup("(field name)");
				req->bad_reason = "encoding";
				req->bad_encoding = 1;
				/* Kept for the error page; freed with req. */
				req->bad_field_owned = 1;
			}
			free(name);
			free(val);
			return 0;
		}
		if (namesz > 0)
			req_add_field(req, defs, defsz, name, val, valsz);
		else
			free(val);
		free(name);
		s = amp + 1;
	}
	return 1;
}

/*
 * Parses a multipart/form-data body (RFC 7578) far enough for our forms:
 * each part's name from Content-Disposition, its value as bytes.  File
 * parts are fields like any other; the validator decides what they hold.
 */
static int
req_parse_multipart(struct req *req, const char *body, size_t n,
    const struct field_def *defs, size_t defsz)
{
	const char	*b, *p, *end = body + n, *hdrend, *next, *nm;
	char		 delim[128], name[64];
	size_t		 dlen, k;

	if ((b = strstr(req->content_type, "boundary=")) == NULL)
		return 0;
	b += strlen("boundary=");
	if (*b == '"')
		b++;
	dlen = strcspn(b, "\";");
	if (dlen == 0 || dlen > 70)
		return 0;
	snprintf(delim, sizeof(delim), "--%.*s", (int)dlen, b);
	dlen += 2;
	p = memmem(body, n, delim, dlen);
	while (p != NULL) {
		p += dlen;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 1;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return 0;
		p += 2;
		if ((hdrend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4))
		    == NULL)
			return 0;
		if ((next = memmem(hdrend, (size_t)(end - hdrend), delim,
		    dlen)) == NULL || next - hdrend < 6)
			return 0;
		name[0] = '\0';
		if ((nm = memmem(p, (size_t)(hdrend - p), "name=\"", 6))
		    != NULL && (nm == p || nm[-1] != 'e')) {
			nm += 6;
			for (k = 0; k < sizeof(name) - 1 && nm + k < hdrend &&
			    nm[k] != '"'; k++)
				name[k] = nm[k];
			name[k] = '\0';
		} else if (nm != NULL) {
			/* "filename=" matched first: look further. */
			const char *q = memmem(p, (size_t)(hdrend - p),
			    "; name=\"", 8);
			if (q != NULL) {
				q += 8;
				for (k = 0; k < sizeof(name) - 1 &&
				    q + k < hdrend && q[k] != '"'; k++)
					name[k] = q[k];
				name[k] = '\0';
			}
		}
		hdrend += 4;
		/* The part ends with CRLF before the next delimiter. */
		if (name[0] != '\0')
			req_add_field(req, defs, defsz, name,
			    xstrndup(hdrend, (size_t)(next - 2 - hdrend)),
			    (size_t)(next - 2 - hdrend));
		p = next;
	}
	return 0;
}

static enum method
method_parse(const char *m)
{
	if (m == NULL)
		return METHOD__MAX;
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD__MAX;
}

/*
 * Fills req from the FastCGI request.  Returns 0 only when the body could
 * not be read; encoding errors are left in req->bad_field for the caller.
 */
int
req_parse(struct req *req, FCGX_Request *r, const struct field_def *defs,
    size_t defsz)
{
	char		*len, *accept, *body = NULL;
	const char	*ct;
	size_t		 n, bodysz = 0, got;
	int		 rc;

	memset(req, 0, sizeof(*req));
	req->method_name = FCGX_GetParam("REQUEST_METHOD", r->envp);
	req->method = method_parse(req->method_name);
	req->path = param_copy(r, "DOCUMENT_URI");
	if (req->path == NULL)
		req->path = xstrdup("/");
	n = strlen(req->path);
	if (n > 4 && strcmp(req->path + n - 4, ".xml") == 0) {
		req->want_xml = 1;
		req->path[n - 4] = '\0';
	}
	if ((accept = param_copy(r, "HTTP_ACCEPT")) != NULL) {
		if (strncmp(accept, "application/xml", 15) == 0)
			req->want_xml = 1;
		free(accept);
	}
	req->query = param_copy(r, "QUERY_STRING");
	req->cookie = param_copy(r, "HTTP_COOKIE");
	req->accept_language = param_copy(r, "HTTP_ACCEPT_LANGUAGE");
	req->remote_addr = param_copy(r, "REMOTE_ADDR");
	req->content_type = param_copy(r, "CONTENT_TYPE");
	req->origin = param_copy(r, "HTTP_ORIGIN");
	req->host = param_copy(r, "HTTP_HOST");
	if (req->origin != NULL && *req->origin == '\0') {
		free(req->origin);
		req->origin = NULL;
	}
	req->fieldsz = defsz;
	req->fields = xcalloc(defsz, sizeof(*req->fields));
	req->lang = LANG__MAX;

	if (req->query != NULL)
		req_parse_urlencoded(req, req->query, strlen(req->query),
		    defs, defsz);

	if (req->method != METHOD_POST)
		return 1;
	len = param_copy(r, "CONTENT_LENGTH");
	bodysz = len != NULL ? strtoul(len, NULL, 10) : 0;
	free(len);
	if (bodysz > cfg.max_body) {
		req->body_too_large = 1;
		return 1;
	}
	body = xmalloc(bodysz + 1);
	for (got = 0; got < bodysz; got += (size_t)rc)
		if ((rc = FCGX_GetStr(body + got, (int)(bodysz - got),
		    r->in)) <= 0)
			break;
	if (got != bodysz) {
		free(body);
		return 0;
	}
	body[bodysz] = '\0';
	ct = req->content_type != NULL ? req->content_type : "";
	if (strncmp(ct, "multipart/form-data", 19) == 0) {
		if (!req_parse_multipart(req, body, bodysz, defs, defsz) &&
		    req->bad_field == NULL) {
			req->bad_field = "(body)";
			req->bad_reason = "multipart";
			req->bad_encoding = 1;
		}
	} else
		req_parse_urlencoded(req, body, bodysz, defs, defsz);
	free(body);
	return 1;
}

void
req_free(struct req *req)
{
	struct field	*f, *next;
	size_t		 i;

	for (i = 0; i < req->fieldsz; i++)
		for (f = req->fields[i]; f != NULL; f = next) {
			next = f->next;
			free(f->val);
			free(f);
		}
	free(req->fields);
	for (i = 0; i < req->segsz; i++)
		free(req->seg[i]);
	if (req->bad_field_owned)
		free((char *)req->bad_field);
	session_free(req->session);
	free(req->path);
	free(req->query);
	free(req->cookie);
	free(req->accept_language);
	free(req->remote_addr);
	free(req->content_type);
	free(req->origin);
	free(req->host);
	memset(req, 0, sizeof(*req));
}

/*
 * A POST from another site: the browser's Origin is not this host.  This
 * guards what CSRF tokens cannot (signing in, before any session) and
 * backs them up everywhere else.  Clients that send no Origin (curl, old
 * browsers) pass; the token checks still apply to them.
 */
int
req_cross_site(const struct req *req)
{
	const char	*o = req->origin;

	if (o == NULL)
		return 0;
	if (req->host == NULL)
		return 1;
	if (strncmp(o, "https://", 8) == 0)
		o += 8;
	else if (strncmp(o, "http://", 7) == 0)
		o += 7;
	else
		return 1;	/* "null" and anything else */
	return strcasecmp(o, req->host) != 0;
}

struct field *
req_field(const struct req *req, size_t key)
{
	return key < req->fieldsz ? req->fields[key] : NULL;
}

const char *
req_str(const struct req *req, size_t key)
{
	struct field	*f = req_field(req, key);

	return f != NULL ? f->val : NULL;
}

/* Copies the value of cookie "name" into buf; NULL if absent or too long. */
const char *
req_cookie(const struct req *req, const char *name, char *buf, size_t bufsz)
{
	const char	*p = req->cookie, *v;
	size_t		 nlen = strlen(name), vlen;

	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ';')
			p++;
		if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			v = p + nlen + 1;
			vlen = strcspn(v, ";");
			if (vlen >= bufsz)
				return NULL;
			memcpy(buf, v, vlen);
			buf[vlen] = '\0';
			return buf;
		}
		p = strchr(p, ';');
	}
	return NULL;
}
