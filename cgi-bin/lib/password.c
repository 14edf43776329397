/*
 * Passwords: argon2id through libsodium's crypto_pwhash_str, with the
 * "interactive" limits.  Passwords are never truncated (the validator
 * allows up to 1024 bytes) and never logged.
 */
#include <string.h>

#include <sodium.h>

#include "rcm.h"

char *
password_hash(const char *plain)
{
	char	 out[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str(out, plain, strlen(plain),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		log_errx("password: out of memory while hashing");
		return NULL;
	}
	return xstrdup(out);
}

/*
 * Returns 1 when plain matches hash.  With a NULL or empty hash it still
 * spends the time of one verification, so that an unknown e-mail address
 * cannot be told from a wrong password by timing.
 */
int
password_verify(const char *hash, const char *plain)
{
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (hash == NULL || *hash == '\0') {
		if (dummy[0] == '\0' && crypto_pwhash_str(dummy, "x", 1,
		    crypto_pwhash_OPSLIMIT_INTERACTIVE,
		    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
			return 0;
		if (crypto_pwhash_str_verify(dummy, plain, strlen(plain)) == 0)
			return 0;
		return 0;
	}
	return crypto_pwhash_str_verify(hash, plain, strlen(plain)) == 0;
}
