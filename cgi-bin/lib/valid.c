/*
 * Validators for the key tables of the programs (as kcgi's kvalid_*).
 * Each returns 1 when the value is acceptable, filling f->num for numeric
 * fields, and 0 otherwise.  Values are already valid UTF-8 without NUL.
 */
#include <ctype.h>
#include <string.h>

#include <bsd/stdlib.h>

#include "rcm.h"

static int
valid_range(struct field *f, long long min, long long max)
{
	const char	*errstr;

	f->num = strtonum(f->val, min, max, &errstr);
	return errstr == NULL;
}

int
valid_int(struct field *f)
{
	return valid_range(f, 0, INT64_C(1) << 53);
}

int
valid_year(struct field *f)
{
	return valid_range(f, 2000, 2100);
}

int
valid_page_number(struct field *f)
{
	return valid_range(f, 1, 100000);
}

/* No control characters (tab aside); at most max bytes. */
static int
valid_plain(const struct field *f, size_t max, int allow_newline)
{
	size_t	 i;

	if (f->valsz > max)
		return 0;
	for (i = 0; i < f->valsz; i++) {
		unsigned char c = (unsigned char)f->val[i];
		if (c == '\n' || c == '\r') {
			if (!allow_newline)
				return 0;
		} else if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 0;
	}
	return 1;
}

/* One line of text: a name, an agency. */
int
valid_line(struct field *f)
{
	return valid_plain(f, 200, 0);
}

/* Several lines: a roster pasted into a form, an uploaded CSV. */
int
valid_text(struct field *f)
{
	return valid_plain(f, 4 * 1024 * 1024, 1);
}

/* Passwords are never truncated; 8 to 1024 bytes of anything printable. */
int
valid_password(struct field *f)
{
	return f->valsz >= 8 && f->valsz <= 1024 && valid_plain(f, 1024, 0);
}

/*
 * A pragmatic e-mail check: one '@', a non-empty local part without
 * spaces, a domain with a dot.  Lower-cased in place so that matching by
 * e-mail (sign-in, roster import) ignores case.
 */
int
valid_email(struct field *f)
{
	char	*at, *p;

	if (f->valsz < 3 || f->valsz > 254)
		return 0;
	if ((at = strchr(f->val, '@')) == NULL || at == f->val ||
	    strchr(at + 1, '@') != NULL || strchr(at, '.') == NULL ||
	    at[1] == '.' || f->val[f->valsz - 1] == '.')
		return 0;
	for (p = f->val; *p != '\0'; p++) {
		if (isspace((unsigned char)*p) || *p == '<' || *p == '>' ||
		    *p == '"' || *p == ',' || *p == ';' ||
		    (unsigned char)*p < 0x20)
			return 0;
		*p = (char)tolower((unsigned char)*p);
	}
	return 1;
}

/* A random token in unpadded base64url (sessions, CSRF, links). */
int
valid_token(struct field *f)
{
	size_t	 i;

	if (f->valsz < 20 || f->valsz > 64)
		return 0;
	for (i = 0; i < f->valsz; i++)
		if (!isalnum((unsigned char)f->val[i]) &&
		    f->val[i] != '-' && f->val[i] != '_')
			return 0;
	return 1;
}

int
valid_lang(struct field *f)
{
	return lang_from_code(f->val) != LANG__MAX;
}

int
valid_country(struct field *f)
{
	static const char *const codes[] = { "BZ", "CA", "CR", "DO", "SV",
	    "GT", "HN", "MX", "NI", "PA", "US" };
	size_t	 i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(f->val, codes[i]) == 0)
			return 1;
	return 0;
}

int
valid_sex(struct field *f)
{
	return strcmp(f->val, "female") == 0 || strcmp(f->val, "male") == 0 ||
	    strcmp(f->val, "other") == 0 || strcmp(f->val, "unspecified") == 0;
}

/* Module ids and lesson slugs: a-z, 0-9, '-'. */
int
valid_slug(struct field *f)
{
	size_t	 i;

	if (f->valsz == 0 || f->valsz > 96)
		return 0;
	for (i = 0; i < f->valsz; i++)
		if (!islower((unsigned char)f->val[i]) &&
		    !isdigit((unsigned char)f->val[i]) && f->val[i] != '-')
			return 0;
	return 1;
}

/* A quiz answer "QUESTION-OPTION" as shown, e.g. "3-1". */
int
valid_answer(struct field *f)
{
	const char	*dash;
	size_t		 i;

	if (f->valsz == 0 || f->valsz > 9 ||
	    (dash = strchr(f->val, '-')) == NULL || dash == f->val ||
	    dash[1] == '\0')
		return 0;
	for (i = 0; i < f->valsz; i++)
		if (!isdigit((unsigned char)f->val[i]) && f->val + i != dash)
			return 0;
	return 1;
}
