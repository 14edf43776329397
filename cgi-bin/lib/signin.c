/*
 * Signing in: throttling per account and per address, then the password.
 *
 * Every attempt is counted before the password is checked, atomically in
 * the database (STMT_THROTTLE_HIT), so with N parallel attempts exactly
 * the first SIGNIN_MAX_PER_ACCOUNT are checked and the rest are refused.
 * A successful sign-in clears the account's count, not the address's.
 * Keys are SHA-256 hashes: the table holds no e-mail or IP address.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "rcm.h"

#define SIGNIN_WINDOW			(15 * 60)
#define SIGNIN_MAX_PER_ACCOUNT		5
#define SIGNIN_MAX_PER_ADDRESS		30

static void
throttle_key(const char *kind, const char *value, unsigned char out[32])
{
	crypto_hash_sha256_state	 st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)kind,
	    strlen(kind));
	crypto_hash_sha256_update(&st, (const unsigned char *)value,
	    strlen(value));
	crypto_hash_sha256_final(&st, out);
}

/* Counts one attempt; returns the count in the window, or -1. */
static int64_t
throttle_hit(const unsigned char key[32])
{
	if (db_exec(STMT_THROTTLE_HIT, "bii", key, (size_t)32,
	    (int64_t)SIGNIN_WINDOW, (int64_t)SIGNIN_WINDOW) < 0)
		return -1;
	/* LAST_INSERT_ID(expr) on update; 0 for a fresh row: first try. */
	return db_last_id() > 0 ? db_last_id() : 1;
}

enum signin
signin_check(const char *email, const char *password, const char *address,
    int64_t *user_id)
{
	unsigned char		 akey[32], ikey[32];
	struct db_cursor	*c;
	char			*hash = NULL;
	int64_t			 na, ni;
	int			 rc, ok;

	throttle_key("a:", email, akey);
	throttle_key("i:", address != NULL ? address : "", ikey);
	if ((na = throttle_hit(akey)) < 0 || (ni = throttle_hit(ikey)) < 0)
		return SIGNIN_UNAVAILABLE;
	if (na > SIGNIN_MAX_PER_ACCOUNT || ni > SIGNIN_MAX_PER_ADDRESS)
		return SIGNIN_THROTTLED;

	if ((c = db_open(STMT_USER_BY_EMAIL, "s", email)) == NULL)
		return SIGNIN_UNAVAILABLE;
	if ((rc = db_fetch(c)) == 1 && db_int(c, 9) == 1) {
		*user_id = db_int(c, 0);
		hash = xstrdup(db_str(c, 8));
	}
	db_close(c);
	if (rc < 0) {
		free(hash);
		return SIGNIN_UNAVAILABLE;
	}
	/* Unknown or inactive accounts cost the same time as a bad password. */
	ok = password_verify(hash, password);
	free(hash);
	if (!ok)
		return SIGNIN_BAD;
	db_exec(STMT_THROTTLE_CLEAR, "b", akey, (size_t)32);
	db_exec(STMT_THROTTLE_PURGE, "i", (int64_t)SIGNIN_WINDOW);
	return SIGNIN_OK;
}
