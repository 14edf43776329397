/*
 * Responses: the status line, the security headers every dynamic page
 * carries, redirects, and writing the body to the FastCGI stream.
 */
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "rcm.h"

/*
 * No scripts at all: the pages work without JavaScript, so the policy can
 * forbid every script source.  Styles and images only from this site.
 */
#define SECURITY_HEADERS \
	"Content-Security-Policy: default-src 'none'; style-src 'self'; " \
	"img-src 'self'; form-action 'self'; frame-ancestors 'none'; " \
	"base-uri 'none'\r\n" \
	"X-Content-Type-Options: nosniff\r\n" \
	"X-Frame-Options: DENY\r\n" \
	"Referrer-Policy: same-origin\r\n"

const char *
resp_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/*
 * Writes the status and headers.  extra, when not NULL, holds more header
 * lines, each ending in CRLF.  Pages of a signed-in user are never stored
 * by shared caches.
 */
void
resp_headers(struct resp *r, struct req *req, int status,
    const char *content_type, const char *extra)
{
	req->status = status;
	FCGX_FPrintF(r->out, "Status: %d %s\r\n", status,
	    resp_status_text(status));
	if (content_type != NULL)
		FCGX_FPrintF(r->out, "Content-Type: %s\r\n", content_type);
	FCGX_PutS(SECURITY_HEADERS, r->out);
	FCGX_PutS(req->session != NULL ?
	    "Cache-Control: no-store\r\n" : "Cache-Control: no-cache\r\n",
	    r->out);
	FCGX_PutS("Vary: Cookie, Accept, Accept-Language\r\n", r->out);
	if (status == 503)
		FCGX_PutS("Retry-After: 5\r\n", r->out);
	if (extra != NULL)
		FCGX_PutS(extra, r->out);
	FCGX_PutS("\r\n", r->out);
}

/* Post/redirect/get: writes answer 303 so a reload never submits twice. */
void
resp_redirect(struct resp *r, struct req *req, const char *location)
{
	char	*hdr;

	hdr = xasprintf("Location: %s\r\n", location);
	resp_headers(r, req, 303, "text/plain; charset=utf-8", hdr);
	free(hdr);
	if (!r->head_only)
		FCGX_PutS("See Other\n", r->out);
}

void
resp_write(struct resp *r, const char *buf, size_t sz)
{
	if (!r->head_only && sz > 0)
		FCGX_PutStr(buf, (int)sz, r->out);
}

void
resp_puts(struct resp *r, const char *s)
{
	resp_write(r, s, strlen(s));
}
