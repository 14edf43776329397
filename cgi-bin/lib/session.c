/*
 * Sessions and CSRF.  A session token is 32 random bytes sent to the
 * browser in unpadded base64url; only its SHA-256 is stored.  Each session
 * has its own CSRF token, written into every form that changes something
 * and compared in constant time.  Idle and absolute limits are checked in
 * the lookup query itself.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>
#include <sodium.h>

#include "rcm.h"

const char *const role_names[ROLE__MAX] = {
	"officer", "focal", "secretariat", "author", "admin"
};

static enum role
role_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < ROLE__MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE_OFFICER;
}

void
token_new(char out[TOKEN_LEN + 1])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void
token_hash(const char *token, unsigned char out[32])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	free(s->email);
	free(s->full_name);
	free(s->agency);
	free(s->sex);
	sodium_memzero(s->csrf, sizeof(s->csrf));
	free(s);
}

/*
 * Looks the cookie up.  Returns 1 when the request is signed in, 0 when
 * not, -1 when the database could not be asked.
 */
int
session_load(struct req *req)
{
	struct db_cursor	*c;
	struct session		*s;
	unsigned char		 hash[32];
	char			 buf[TOKEN_LEN + 2];
	const char		*tok;
	int			 rc;

	tok = req_cookie(req, SESSION_COOKIE, buf, sizeof(buf));
	if (tok == NULL || strlen(tok) != TOKEN_LEN)
		return 0;
	token_hash(tok, hash);
	c = db_open(STMT_SESSION_LOOKUP, "bii", hash, sizeof(hash),
	    (int64_t)cfg.session_idle, (int64_t)cfg.session_absolute);
	if (c == NULL)
		return -1;
	if ((rc = db_fetch(c)) != 1) {
		db_close(c);
		return rc < 0 ? -1 : 0;
	}
	s = xcalloc(1, sizeof(*s));
	s->user_id = db_int(c, 0);
	s->email = xstrdup(db_str(c, 1));
	s->full_name = xstrdup(db_str(c, 2));
	s->role = role_parse(db_str(c, 3));
	strlcpy(s->country, db_str(c, 4), sizeof(s->country));
	s->agency = xstrdup(db_str(c, 5));
	s->sex = xstrdup(db_str(c, 6));
	s->lang = lang_from_code(db_str(c, 7));
	strlcpy(s->csrf, db_str(c, 9), sizeof(s->csrf));
	/* Touch at most once a minute: fewer writes on every page. */
	rc = db_int(c, 10) >= 60;
	db_close(c);
	if (rc)
		db_exec(STMT_SESSION_TOUCH, "b", hash, sizeof(hash));
	req->session = s;
	return 1;
}

/* A new token at every sign-in; the cookie value goes to the caller. */
int
session_create(struct req *req, int64_t user_id, char cookie[TOKEN_LEN + 1])
{
	unsigned char	 hash[32];
	char		 csrf[TOKEN_LEN + 1];

	(void)req;
	/* Expired sessions are of no use to anyone: drop them now and then. */
	db_exec(STMT_SESSIONS_PURGE, "ii", (int64_t)cfg.session_idle,
	    (int64_t)cfg.session_absolute);
	token_new(cookie);
	token_new(csrf);
	token_hash(cookie, hash);
	return db_exec(STMT_SESSION_INSERT, "bis", hash, sizeof(hash),
	    user_id, csrf) == 1;
}

int
session_destroy(struct req *req)
{
	unsigned char	 hash[32];
	char		 buf[TOKEN_LEN + 2];
	const char	*tok;

	tok = req_cookie(req, SESSION_COOKIE, buf, sizeof(buf));
	if (tok == NULL)
		return 1;
	token_hash(tok, hash);
	return db_exec(STMT_SESSION_DELETE, "b", hash, sizeof(hash)) >= 0;
}

int
session_csrf_ok(const struct req *req, const char *token)
{
	if (req->session == NULL || token == NULL ||
	    strlen(token) != strlen(req->session->csrf) ||
	    strlen(token) != TOKEN_LEN)
		return 0;
	return sodium_memcmp(token, req->session->csrf, TOKEN_LEN) == 0;
}

/* The Set-Cookie line; max_age 0 deletes the cookie. */
char *
session_cookie_header(const char *token, int max_age)
{
	return xasprintf("Set-Cookie: %s=%s; Path=/; Max-Age=%d; HttpOnly; "
	    "SameSite=Lax%s\r\n", SESSION_COOKIE, token, max_age,
	    cfg.cookie_secure ? "; Secure" : "");
}
