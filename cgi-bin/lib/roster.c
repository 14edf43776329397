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

/* Keeps the first problem of a row or file: the one to fix first. */
void
roster_msg_set(struct roster_msg *m, const char *key, const char *p1,
    const char *p2)
{
	if (m->key != NULL)
		return;
	m->key = key;
	m->p1 = p1 != NULL ? xstrdup(p1) : NULL;
	m->p2 = p2 != NULL ? xstrdup(p2) : NULL;
}

static void
msg_free(struct roster_msg *m)
{
	free(m->p1);
	free(m->p2);
	memset(m, 0, sizeof(*m));
}

static void
row_error(struct roster_row *r, const char *key, const char *p1,
    const char *p2)
{
	roster_msg_set(&r->error, key, p1, p2);
}

/* A problem of the whole file, on a line. */
static void
file_error(struct roster *out, const char *key, size_t line, const char *p2)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%zu", line);
	roster_msg_set(&out->error, key, line > 0 ? buf : NULL, p2);
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
		if (ps->colmap[i] < 0)
			file_error(ps->out, "roster.file.unknown-column",
			    ps->line, name);
		free(name);
	}
	for (k = 0; k < COL__MAX; k++) {
		if (seen[k] > 1)
			file_error(ps->out, "roster.file.column-twice",
			    ps->line, col_names[k]);
		else if (k <= COL_AGENCY && !seen[k])
			file_error(ps->out, "roster.file.column-missing",
			    ps->line, col_names[k]);
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
		char want[32], got[32];

		snprintf(want, sizeof(want), "%zu", ps->ncols);
		snprintf(got, sizeof(got), "%zu", ps->nfields);
		row_error(r, "roster.fields-count", want, got);
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
				row_error(r, "roster.sex", v, NULL);
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
					row_error(r, "roster.language", v, NULL);
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
			    strcmp(v, ps->country) != 0)
				row_error(r, "roster.country", v, ps->country);
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
		row_error(r, *r->email == '\0' ? "roster.email-empty" :
		    "roster.email-invalid", NULL, NULL);
	f.val = r->full_name;
	f.valsz = strlen(r->full_name);
	if (f.valsz == 0)
		row_error(r, "roster.name-empty", NULL, NULL);
	else if (!valid_line(&f))
		row_error(r, "roster.name-invalid", NULL, NULL);
	f.val = r->agency;
	f.valsz = strlen(r->agency);
	if (f.valsz == 0)
		row_error(r, "roster.agency-empty", NULL, NULL);
	else if (!valid_line(&f))
		row_error(r, "roster.agency-invalid", NULL, NULL);
	/* The same person twice in one file is a mistake worth naming. */
	for (i = 0; i + 1 < out->rowsz && r->error.key == NULL; i++)
		if (strcmp(out->rows[i].email, r->email) == 0) {
			char line[32];

			snprintf(line, sizeof(line), "%zu", out->rows[i].line);
			row_error(r, "roster.email-repeats", line, NULL);
		}
	if (r->error.key != NULL)
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
			file_error(out, "roster.file.utf8", ps.line, NULL);
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
			file_error(out, "roster.file.quoting", ps.line, NULL);
			break;
		}
		s += n;
	}
	if (out->error.key == NULL &&
	    csv_fini(&p, on_field, on_record, &ps) != 0)
		file_error(out, "roster.file.unclosed", ps.line - 1, NULL);
	csv_free(&p);
	for (n = 0; n < ps.nfields && n < 32; n++)
		free(ps.fields[n]);
	if (!ps.have_header)
		file_error(out, "roster.file.empty", 0, NULL);
	else if (out->rowsz == 0)
		file_error(out, "roster.file.no-rows", 0, NULL);
	return out->error.key != NULL ? -1 : 0;
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
		msg_free(&r->rows[i].error);
	}
	free(r->rows);
	msg_free(&r->error);
	memset(r, 0, sizeof(*r));
}
