/*
 * Roster import: a CSV file (UTF-8, RFC 4180 quoting, parsed by libcsv)
 * with one officer per line, checked row by row so that the focal point
 * sees every problem with its line number before anything is written.
 *
 * Fields are separated by commas, or by semicolons when the header line
 * uses them.  Columns, named in the first line in any order (README):
 *	email, full_name, agency		required
 *	sex, language, country			optional
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "rcm.h"

enum col {
	COL_EMAIL,
	COL_FULL_NAME,
	COL_AGENCY,
	COL_SEX,
	COL_LANGUAGE,
	COL_COUNTRY,
	COL__MAX
};

static const char *const col_names[COL__MAX] = {
	"email", "full_name", "agency", "sex", "language", "country"
};

struct parse_state {
	struct roster	*out;
	const char	*country;
	int		 colmap[32];	/* field index -> enum col, or -1 */
	size_t		 ncols;
	int		 have_header;
	char		*fields[32];
	size_t		 nfields;
	size_t		 line;		/* physical line being parsed */
	size_t		 newlines;	/* inside the current record's fields */
};

/* Spanish and English words a ministry's spreadsheet may hold. */
static const char *
sex_normalise(const char *s)
{
	static const struct { const char *in, *out; } map[] = {
		{ "female", "female" }, { "f", "female" }, { "mujer", "female" },
		{ "femenino", "female" }, { "male", "male" }, { "m", "male" },
		{ "hombre", "male" }, { "masculino", "male" },
		{ "other", "other" }, { "otro", "other" },
		{ "unspecified", "unspecified" }, { "", "unspecified" },
		{ "prefer not to say", "unspecified" },
		{ "prefiere no decir", "unspecified" },
		{ "no especifica", "unspecified" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcasecmp(s, map[i].in) == 0)
			return map[i].out;
	return NULL;
}

static char *
trim_copy(const char *s)
{
	const char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return xstrndup(s, (size_t)(e - s));
}

static void
row_error(struct roster_row *r, const char *msg)
{
	if (r->error == NULL)
		r->error = xstrdup(msg);
}

static void
on_field(void *data, size_t len, void *st)
{
	struct parse_state	*ps = st;
	const char		*d = data != NULL ? data : "";
	size_t			 i;

	for (i = 0; i < len; i++)
		if (d[i] == '\n')
			ps->newlines++;
	if (ps->nfields < sizeof(ps->fields) / sizeof(ps->fields[0]))
		ps->fields[ps->nfields] = xstrndup(d, len);
	ps->nfields++;
}

static void
header_parse(struct parse_state *ps)
{
	size_t	 i, k;
	int	 seen[COL__MAX] = { 0 };

	ps->have_header = 1;
	ps->ncols = ps->nfields;
	for (i = 0; i < ps->nfields && i < 32; i++) {
		char *name = trim_copy(ps->fields[i]);

		ps->colmap[i] = -1;
		for (k = 0; k < COL__MAX; k++)
			if (strcasecmp(name, col_names[k]) == 0) {
				ps->colmap[i] = (int)k;
				seen[k]++;
			}
		if (ps->colmap[i] < 0 && ps->out->error == NULL)
			ps->out->error = xasprintf("line %zu: unknown column "
			    "\"%s\" (expected email, full_name, agency, sex, "
			    "language, country)", ps->line, name);
		free(name);
	}
	for (k = 0; k < COL__MAX && ps->out->error == NULL; k++) {
		if (seen[k] > 1)
			ps->out->error = xasprintf("line %zu: column \"%s\" "
			    "appears twice", ps->line, col_names[k]);
		else if (k <= COL_AGENCY && !seen[k])
			ps->out->error = xasprintf("line %zu: the column "
			    "\"%s\" is missing", ps->line, col_names[k]);
	}
}

static void
row_parse(struct parse_state *ps)
{
	struct roster		*out = ps->out;
	struct roster_row	*r;
	struct field		 f;
	const char		*sex;
	size_t			 i;
	char			*v;

	out->rows = xreallocarray(out->rows, out->rowsz + 1,
	    sizeof(*out->rows));
	r = &out->rows[out->rowsz++];
	memset(r, 0, sizeof(*r));
	r->line = ps->line - ps->newlines;
	r->sex = xstrdup("unspecified");
	r->lang = xstrdup("es");
	if (ps->nfields != ps->ncols) {
		char *m = xasprintf("expected %zu fields, found %zu",
		    ps->ncols, ps->nfields);
		row_error(r, m);
		free(m);
	}
	for (i = 0; i < ps->nfields && i < ps->ncols && i < 32; i++) {
		v = trim_copy(ps->fields[i]);
		switch (ps->colmap[i]) {
		case COL_EMAIL:
			r->email = v;
			break;
		case COL_FULL_NAME:
			r->full_name = v;
			break;
		case COL_AGENCY:
			r->agency = v;
			break;
		case COL_SEX:
			if ((sex = sex_normalise(v)) == NULL)
				row_error(r, "sex must be female, male, other "
				    "or unspecified");
			else {
				free(r->sex);
				r->sex = xstrdup(sex);
			}
			free(v);
			break;
		case COL_LANGUAGE:
			for (char *p = v; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			if (*v != '\0') {
				if (lang_from_code(v) == LANG__MAX)
					row_error(r, "language must be en or es");
				else {
					free(r->lang);
					r->lang = xstrdup(v);
				}
			}
			free(v);
			break;
		case COL_COUNTRY:
			for (char *p = v; *p != '\0'; p++)
				*p = (char)toupper((unsigned char)*p);
			if (*v != '\0' && ps->country != NULL &&
			    strcmp(v, ps->country) != 0) {
				char *m = xasprintf("country %s is not %s, the "
				    "country of this import", v, ps->country);
				row_error(r, m);
				free(m);
			}
			free(v);
			break;
		default:
			free(v);
			break;
		}
	}
	if (r->email == NULL)
		r->email = xstrdup("");
	if (r->full_name == NULL)
		r->full_name = xstrdup("");
	if (r->agency == NULL)
		r->agency = xstrdup("");
	memset(&f, 0, sizeof(f));
	f.val = r->email;
	f.valsz = strlen(r->email);
	if (!valid_email(&f))
		row_error(r, *r->email == '\0' ? "the e-mail is empty" :
		    "the e-mail is not a valid address");
	f.val = r->full_name;
	f.valsz = strlen(r->full_name);
	if (f.valsz == 0)
		row_error(r, "the full name is empty");
	else if (!valid_line(&f))
		row_error(r, "the full name is too long or has control "
		    "characters");
	f.val = r->agency;
	f.valsz = strlen(r->agency);
	if (f.valsz == 0)
		row_error(r, "the agency is empty");
	else if (!valid_line(&f))
		row_error(r, "the agency is too long or has control "
		    "characters");
	/* The same person twice in one file is a mistake worth naming. */
	for (i = 0; i + 1 < out->rowsz && r->error == NULL; i++)
		if (strcmp(out->rows[i].email, r->email) == 0) {
			char *m = xasprintf("the e-mail repeats line %zu",
			    out->rows[i].line);
			row_error(r, m);
			free(m);
		}
	if (r->error != NULL)
		out->errors++;
}

static void
on_record(int c, void *st)
{
	struct parse_state	*ps = st;
	size_t			 i;

	(void)c;
	if (!ps->have_header)
		header_parse(ps);
	else
		row_parse(ps);
	for (i = 0; i < ps->nfields && i < 32; i++)
		free(ps->fields[i]);
	ps->nfields = 0;
	ps->newlines = 0;
}

/*
 * Parses and checks a roster for country (NULL: any).  Returns 0 when the
 * file could be read (rows may still carry errors), -1 when the file as a
 * whole is unusable (out->error says why).
 */
int
roster_parse(const char *text, size_t len, const char *country,
    struct roster *out)
{
	struct csv_parser	 p;
	struct parse_state	 ps;
	const char		*s = text, *end = text + len, *nl;
	size_t			 n;

	memset(out, 0, sizeof(*out));
	memset(&ps, 0, sizeof(ps));
	ps.out = out;
	ps.country = country;
	/* A byte order mark, as spreadsheets write it, is not data. */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	/* Name the first line that is not UTF-8, as people fix files. */
	for (ps.line = 1; s < end; ps.line++) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		if (!valid_utf8(s, n)) {
			out->error = xasprintf("line %zu: not UTF-8 text (save "
			    "the file as \"CSV UTF-8\")", ps.line);
			return -1;
		}
		s += n + (nl != NULL);
	}
	s = text + (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return -1;
	/*
	 * Spreadsheets in Spanish save "CSV" with semicolons (the comma is
	 * their decimal mark): a header with ';' and no ',' says so.
	 */
	nl = memchr(s, '\n', (size_t)(end - s));
	n = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
	if (memchr(s, ';', n) != NULL && memchr(s, ',', n) == NULL)
		csv_set_delim(&p, ';');
	/* Fed one physical line at a time, so that rows know their line. */
	for (ps.line = 1; s < end; ps.line++) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl != NULL ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		if (csv_parse(&p, s, n, on_field, on_record, &ps) != n) {
			/* The first problem is the one to fix first. */
			if (out->error == NULL)
				out->error = xasprintf("line %zu: malformed "
				    "quoting (a field with a quote must be "
				    "quoted, and quotes inside it doubled)",
				    ps.line);
			break;
		}
		s += n;
	}
	if (out->error == NULL && csv_fini(&p, on_field, on_record, &ps) != 0)
		out->error = xasprintf("line %zu: a quoted field is not "
		    "closed", ps.line - 1);
	csv_free(&p);
	for (n = 0; n < ps.nfields && n < 32; n++)
		free(ps.fields[n]);
	if (out->error == NULL && !ps.have_header)
		out->error = xstrdup("the file is empty");
	else if (out->error == NULL && out->rowsz == 0)
		out->error = xstrdup("the file has a header but no officers");
	return out->error != NULL ? -1 : 0;
}

void
roster_free(struct roster *r)
{
	size_t	 i;

	for (i = 0; i < r->rowsz; i++) {
		free(r->rows[i].email);
		free(r->rows[i].full_name);
		free(r->rows[i].agency);
		free(r->rows[i].sex);
		free(r->rows[i].lang);
		free(r->rows[i].error);
	}
	free(r->rows);
	free(r->error);
	memset(r, 0, sizeof(*r));
}
