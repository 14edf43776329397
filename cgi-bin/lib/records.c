/*
 * Completion records: the figures of a period (aggregated by SQL) and the
 * XML document ministries send in their yearly report, written with
 * libxml2's xmlTextWriter straight from a streamed MariaDB cursor so that
 * memory stays flat whatever the number of records.
 *
 * The vocabulary follows the Europass Learning Model (learner, learning
 * opportunity, credential, issuer) and SCORM run-time data (scaled score,
 * success status) where they fit; the schema is xslt/completion-records.xsd.
 */
#include <sys/wait.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bsd/string.h>
#include <libxml/xmlwriter.h>

#include "rcm.h"

void
report_filter_init(struct report_filter *f, int year)
{
	memset(f, 0, sizeof(*f));
	f->year = year;
	snprintf(f->start, sizeof(f->start), "%04d-01-01", year % 10000);
	snprintf(f->end, sizeof(f->end), "%04d-01-01", (year + 1) % 10000);
}

void
report_summary_free(struct report_summary *s)
{
	size_t	 i;

	for (i = 0; i < s->rowsz; i++) {
		free(s->rows[i].module);
		free(s->rows[i].country);
		free(s->rows[i].sex);
		free(s->rows[i].agency);
	}
	for (i = 0; i < s->enrolledsz; i++) {
		free(s->enrolled[i].country);
		free(s->enrolled[i].sex);
		free(s->enrolled[i].agency);
	}
	free(s->rows);
	free(s->enrolled);
	memset(s, 0, sizeof(*s));
}

/* Three aggregate queries; returns 0, or -1 on a database error. */
int
report_summary_load(const struct report_filter *f, struct report_summary *s)
{
	struct db_cursor	*c;
	int			 rc;

	memset(s, 0, sizeof(*s));
	/* Each filter twice: "? IS NULL OR column = ?" (NULL: all). */
	c = db_open(STMT_REPORT_SUMMARY, "ssssssssssssssssssssssss",
	    f->start, f->end, f->country, f->country, f->agency, f->agency,
	    f->module, f->module,
	    f->start, f->end, f->country, f->country, f->agency, f->agency,
	    f->module, f->module,
	    f->start, f->end, f->country, f->country, f->agency, f->agency,
	    f->module, f->module);
	if (c == NULL)
		return -1;
	/* Rows come sorted; months of one module, sex, agency are merged. */
	while ((rc = db_fetch(c)) == 1) {
		struct summary_row *r = s->rowsz > 0 ?
		    &s->rows[s->rowsz - 1] : NULL;
		int64_t month = db_int(c, 4);

		if (r == NULL || strcmp(r->module, db_str(c, 0)) != 0 ||
		    strcmp(r->country, db_str(c, 1)) != 0 ||
		    strcmp(r->sex, db_str(c, 2)) != 0 ||
		    strcmp(r->agency, db_str(c, 3)) != 0) {
			s->rows = xreallocarray(s->rows, s->rowsz + 1,
			    sizeof(*s->rows));
			r = &s->rows[s->rowsz++];
			memset(r, 0, sizeof(*r));
			r->module = xstrdup(db_str(c, 0));
			r->country = xstrdup(db_str(c, 1));
			r->sex = xstrdup(db_str(c, 2));
			r->agency = xstrdup(db_str(c, 3));
		}
		r->started += db_int(c, 5);
		r->completed += db_int(c, 6);
		r->attempted += db_int(c, 7);
		r->passed += db_int(c, 8);
		if (month >= 1 && month <= 12)
			s->monthly[month - 1] += db_int(c, 6);
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	if ((c = db_open(STMT_REPORT_ENROLLED, "sssss", f->end, f->country,
	    f->country, f->agency, f->agency)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1) {
		struct enrolled_row *e;

		s->enrolled = xreallocarray(s->enrolled, s->enrolledsz + 1,
		    sizeof(*s->enrolled));
		e = &s->enrolled[s->enrolledsz++];
		e->country = xstrdup(db_str(c, 0));
		e->sex = xstrdup(db_str(c, 1));
		e->agency = xstrdup(db_str(c, 2));
		e->officers = db_int(c, 3);
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	return 0;
fail:
	report_summary_free(s);
	return -1;
}

static void
w_attr_ll(xmlTextWriterPtr w, const char *name, long long v)
{
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%lld", v);
}

static void
w_elem(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

/* Sums of the cross-tabulated rows along one dimension, from SQL rows. */
static void
write_totals(xmlTextWriterPtr w, const struct report_summary *s,
    const char *elem, const char *attr, size_t off)
{
	size_t	 i, j;
	int	 seen;

	for (i = 0; i < s->rowsz; i++) {
		const char *key = *(char **)((char *)&s->rows[i] + off);
		long long st = 0, co = 0, at = 0, pa = 0;

		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = strcmp(key,
			    *(char **)((char *)&s->rows[j] + off)) == 0;
		if (seen)
			continue;
		for (j = i; j < s->rowsz; j++)
			if (strcmp(key,
			    *(char **)((char *)&s->rows[j] + off)) == 0) {
				st += s->rows[j].started;
				co += s->rows[j].completed;
				at += s->rows[j].attempted;
				pa += s->rows[j].passed;
			}
		xmlTextWriterStartElement(w, BAD_CAST elem);
		xmlTextWriterWriteAttribute(w, BAD_CAST attr, BAD_CAST key);
		w_attr_ll(w, "started", st);
		w_attr_ll(w, "completed", co);
		w_attr_ll(w, "attempted", at);
		w_attr_ll(w, "passed", pa);
		xmlTextWriterEndElement(w);
	}
}

/* The <summary> element; also used by the dashboard's view document. */
void
summary_write(xmlTextWriterPtr w, const struct report_summary *s)
{
	long long	 enrolled = 0, st = 0, co = 0, at = 0, pa = 0;
	size_t		 i;

	for (i = 0; i < s->enrolledsz; i++)
		enrolled += s->enrolled[i].officers;
	for (i = 0; i < s->rowsz; i++) {
		st += s->rows[i].started;
		co += s->rows[i].completed;
		at += s->rows[i].attempted;
		pa += s->rows[i].passed;
	}
	xmlTextWriterStartElement(w, BAD_CAST "summary");
	xmlTextWriterStartElement(w, BAD_CAST "total");
	w_attr_ll(w, "enrolled", enrolled);
	w_attr_ll(w, "started", st);
	w_attr_ll(w, "completed", co);
	w_attr_ll(w, "attempted", at);
	w_attr_ll(w, "passed", pa);
	xmlTextWriterEndElement(w);
	write_totals(w, s, "byModule", "module",
	    offsetof(struct summary_row, module));
	write_totals(w, s, "byCountry", "country",
	    offsetof(struct summary_row, country));
	write_totals(w, s, "bySex", "sex", offsetof(struct summary_row, sex));
	write_totals(w, s, "byAgency", "agency",
	    offsetof(struct summary_row, agency));
	for (i = 0; i < s->enrolledsz; i++) {
		xmlTextWriterStartElement(w, BAD_CAST "enrolled");
		xmlTextWriterWriteAttribute(w, BAD_CAST "country",
		    BAD_CAST s->enrolled[i].country);
		xmlTextWriterWriteAttribute(w, BAD_CAST "sex",
		    BAD_CAST s->enrolled[i].sex);
		xmlTextWriterWriteAttribute(w, BAD_CAST "agency",
		    BAD_CAST s->enrolled[i].agency);
		w_attr_ll(w, "officers", s->enrolled[i].officers);
		xmlTextWriterEndElement(w);
	}
	for (i = 0; i < s->rowsz; i++) {
		xmlTextWriterStartElement(w, BAD_CAST "cell");
		xmlTextWriterWriteAttribute(w, BAD_CAST "module",
		    BAD_CAST s->rows[i].module);
		xmlTextWriterWriteAttribute(w, BAD_CAST "country",
		    BAD_CAST s->rows[i].country);
		xmlTextWriterWriteAttribute(w, BAD_CAST "sex",
		    BAD_CAST s->rows[i].sex);
		xmlTextWriterWriteAttribute(w, BAD_CAST "agency",
		    BAD_CAST s->rows[i].agency);
		w_attr_ll(w, "started", s->rows[i].started);
		w_attr_ll(w, "completed", s->rows[i].completed);
		w_attr_ll(w, "attempted", s->rows[i].attempted);
		w_attr_ll(w, "passed", s->rows[i].passed);
		xmlTextWriterEndElement(w);
	}
	for (i = 0; i < 12; i++) {
		xmlTextWriterStartElement(w, BAD_CAST "byMonth");
		w_attr_ll(w, "month", (long long)i + 1);
		w_attr_ll(w, "completed", s->monthly[i]);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
}

/* Titles of every module version, loaded before the records stream. */
struct titles {
	struct title {
		char	*module, *version, *title[LANG__MAX];
	}		*v;
	size_t		 n;
	size_t		 last;	/* most rows repeat the previous module */
};

static int
titles_load(struct titles *t)
{
	struct db_cursor	*c;
	int			 rc;

	memset(t, 0, sizeof(*t));
	if ((c = db_open(STMT_MODULE_TITLES, "")) == NULL)
		return -1;
	while ((rc = db_fetch(c)) == 1) {
		t->v = xreallocarray(t->v, t->n + 1, sizeof(*t->v));
		t->v[t->n].module = xstrdup(db_str(c, 0));
		t->v[t->n].version = xstrdup(db_str(c, 1));
		t->v[t->n].title[LANG_EN] = xstrdup(db_str(c, 2));
		t->v[t->n].title[LANG_ES] = xstrdup(db_str(c, 3));
		t->n++;
	}
	db_close(c);
	return rc < 0 ? -1 : 0;
}

static const char *
titles_find(struct titles *t, const char *module, const char *version,
    const char *lang)
{
	enum lang	 l = lang_from_code(lang);
	size_t		 i;

	if (l == LANG__MAX)
		l = LANG_EN;
	for (i = 0; i < t->n; i++) {
		struct title *e = &t->v[(t->last + i) % t->n];

		if (strcmp(e->version, version) == 0 &&
		    strcmp(e->module, module) == 0) {
			t->last = (t->last + i) % t->n;
			return e->title[l];
		}
	}
	return module;
}

static void
titles_free(struct titles *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].module);
		free(t->v[i].version);
		free(t->v[i].title[LANG_EN]);
		free(t->v[i].title[LANG_ES]);
	}
	free(t->v);
}

/* "2026-02-10 10:00:00" as stored (UTC) to "2026-02-10T10:00:00Z". */
static const xmlChar *
utc_time(char buf[32], const char *dbtime)
{
	size_t	 n = strlen(dbtime);

	if (n != 19 || dbtime[10] != ' ')
		return BAD_CAST dbtime;
	memcpy(buf, dbtime, 19);
	buf[10] = 'T';
	buf[19] = 'Z';
	buf[20] = '\0';
	return BAD_CAST buf;
}

/* prefix + text into buf, for ids without printf (a million rows). */
static const xmlChar *
join(char *buf, size_t bufsz, const char *prefix, const char *text)
{
	size_t	 p = strlen(prefix), t = strlen(text);

	if (p + t + 1 > bufsz)
		t = bufsz - p - 1;
	memcpy(buf, prefix, p);
	memcpy(buf + p, text, t);
	buf[p + t] = '\0';
	return BAD_CAST buf;
}

/*
 * A record is built in a buffer and handed to the writer in one piece:
 * the writer's per-attribute calls cost more than the data.  Values are
 * escaped by libxml2 itself (xmlAttrSerializeTxtContent), never by hand.
 */
static void
put(xmlBufferPtr b, const char *s)
{
	xmlBufferCat(b, BAD_CAST s);
}

static void
put_attr(xmlBufferPtr b, const char *name, const char *value)
{
	xmlBufferCCat(b, " ");
	xmlBufferCCat(b, name);
	xmlBufferCCat(b, "=\"");
	xmlAttrSerializeTxtContent(b, NULL, NULL, BAD_CAST value);
	xmlBufferCCat(b, "\"");
}

static void
put_text(xmlBufferPtr b, const char *value)
{
	xmlAttrSerializeTxtContent(b, NULL, NULL, BAD_CAST value);
}

/* One <record>; personal data only when the reader may see it. */
static void
write_record(xmlTextWriterPtr w, xmlBufferPtr b, struct db_cursor *c,
    int personal, struct titles *t)
{
	char		 buf[512], started[32], completed[32], scaled[8];
	long long	 score = db_int(c, 11);

	/* SCORM cmi.score.scaled: 0 to 1, from a percentage. */
	if (score < 0 || score > 100)
		score = 0;
	scaled[0] = (char)('0' + score / 100);
	scaled[1] = '.';
	scaled[2] = (char)('0' + (score % 100) / 10);
	scaled[3] = (char)('0' + score % 10);
	scaled[4] = '\0';
	xmlBufferEmpty(b);
	put(b, "<record");
	put_attr(b, "id", (const char *)join(buf, sizeof(buf), "c",
	    db_str(c, 0)));
	put_attr(b, "started", (const char *)utc_time(started, db_str(c, 9)));
	put_attr(b, "completed", (const char *)utc_time(completed,
	    db_str(c, 10)));
	put_attr(b, "scaledScore", scaled);
	/* SCORM cmi.success_status: a completion is a passed quiz. */
	put(b, " successStatus=\"passed\"");
	put_attr(b, "attempts", db_str(c, 12));
	put(b, "><learner");
	if (personal)
		put_attr(b, "id", (const char *)join(buf, sizeof(buf), "u",
		    db_str(c, 1)));
	put_attr(b, "sex", db_str(c, 3));
	put_attr(b, "country", db_str(c, 5));
	put_attr(b, "agency", db_str(c, 4));
	if (personal) {
		put(b, ">");
		put_text(b, db_str(c, 2));
		put(b, "</learner>");
	} else
		put(b, "/>");
	put(b, "<learningOpportunity");
	put_attr(b, "id", db_str(c, 6));
	put_attr(b, "version", db_str(c, 7));
	put_attr(b, "language", db_str(c, 8));
	put(b, ">");
	put_text(b, titles_find(t, db_str(c, 6), db_str(c, 7), db_str(c, 8)));
	put(b, "</learningOpportunity><credential");
	put_attr(b, "status", db_int(c, 14) ? "revoked" : "valid");
	if (personal) {
		put_attr(b, "identifier", db_str(c, 13));
		join(buf, sizeof(buf), cfg.base_url, "/verify/");
		strlcat(buf, db_str(c, 13), sizeof(buf));
		put_attr(b, "verificationURL", buf);
	}
	put(b, "/></record>\n");
	xmlTextWriterWriteRawLen(w, xmlBufferContent(b), xmlBufferLength(b));
}

/*
 * The summary of the period, computed by a child process on its own
 * database connection while the parent streams the records: the first
 * record leaves at once and the aggregate queries cost no extra time.
 * The child writes the <summary> element (made by xmlTextWriter) into a
 * pipe; the parent copies it after the records.
 */
struct summary_job {
	pid_t	 pid;
	int	 fd;
};

static void
summary_child(int fd, const struct report_filter *f)
{
	struct report_summary	 s;
	xmlBufferPtr		 b;
	xmlTextWriterPtr	 w;
	const xmlChar		*p;
	size_t			 n, off;
	ssize_t			 k;

	/* The parent's connection is not ours to use or to close. */
	db_forget();
	if (report_summary_load(f, &s) < 0)
		_exit(1);
	b = xmlBufferCreate();
	w = xmlNewTextWriterMemory(b, 0);
	summary_write(w, &s);
	xmlFreeTextWriter(w);
	p = xmlBufferContent(b);
	n = (size_t)xmlBufferLength(b);
	for (off = 0; off < n; off += (size_t)k)
		if ((k = write(fd, p + off, n - off)) <= 0)
			_exit(1);
	_exit(0);
}

static int
summary_start(struct summary_job *job, const struct report_filter *f)
{
	int	 fds[2];

	if (pipe(fds) == -1)
		return -1;
	fflush(NULL);
	if ((job->pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (job->pid == 0) {
		close(fds[0]);
		summary_child(fds[1], f);
	}
	close(fds[1]);
	job->fd = fds[0];
	return 0;
}

/* Copies the child's <summary> into the document; 0, or -1 if it failed. */
static int
summary_finish(struct summary_job *job, xmlTextWriterPtr w)
{
	char	 buf[16384];
	char	*all = NULL;
	size_t	 len = 0;
	ssize_t	 k;
	int	 status;

	while ((k = read(job->fd, buf, sizeof(buf))) > 0) {
		all = xreallocarray(all, len + (size_t)k + 1, 1);
		memcpy(all + len, buf, (size_t)k);
		len += (size_t)k;
	}
	close(job->fd);
	while (waitpid(job->pid, &status, 0) == -1 && errno == EINTR)
		continue;
	if (k < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    len == 0) {
		free(all);
		return -1;
	}
	all[len] = '\0';
	/* Our own writer's output: already escaped, inserted as it is. */
	xmlTextWriterWriteRaw(w, BAD_CAST all);
	free(all);
	return 0;
}

/*
 * Writes the whole document.  Returns the number of records, or -1 when
 * the database failed (the document is then left unfinished, so that no
 * reader mistakes it for a complete one).
 */
int
records_write(xmlTextWriterPtr w, const struct report_filter *f,
    int personal)
{
	struct db_cursor	*c;
	struct titles		 titles;
	struct summary_job	 job;
	struct report_summary	 s;
	char			 now[32];
	time_t			 t = time(NULL);
	struct tm		 tm;
	int			 rc, n = 0, forked;

	if (titles_load(&titles) < 0)
		return -1;
	/* Without a child, the summary is computed here, after the records. */
	forked = summary_start(&job, f) == 0;
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	xmlTextWriterSetIndent(w, 0);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, NULL, BAD_CAST "completionRecords",
	    BAD_CAST RECORDS_NS);
	xmlTextWriterWriteAttribute(w, BAD_CAST "schemaVersion", BAD_CAST "1");
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "periodStart", "%s",
	    f->start);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "periodEnd",
	    "%04d-12-31", f->year);
	xmlTextWriterWriteAttribute(w, BAD_CAST "generatedAt", BAD_CAST now);
	xmlTextWriterWriteAttribute(w, BAD_CAST "personalData",
	    BAD_CAST (personal ? "yes" : "no"));
	xmlTextWriterWriteString(w, BAD_CAST "\n");
	xmlTextWriterStartElement(w, BAD_CAST "issuer");
	if (f->country != NULL)
		xmlTextWriterWriteAttribute(w, BAD_CAST "country",
		    BAD_CAST f->country);
	w_elem(w, "name", "RCM training platform on refuge and asylum");
	w_elem(w, "url", cfg.base_url);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "filters");
	if (f->agency != NULL)
		xmlTextWriterWriteAttribute(w, BAD_CAST "agency",
		    BAD_CAST f->agency);
	if (f->module != NULL)
		xmlTextWriterWriteAttribute(w, BAD_CAST "module",
		    BAD_CAST f->module);
	xmlTextWriterEndElement(w);
	xmlTextWriterWriteRaw(w, BAD_CAST "\n");
	if ((c = db_open(STMT_REPORT_RECORDS, "ssssssss", f->start, f->end,
	    f->country, f->country, f->agency, f->agency, f->module,
	    f->module)) == NULL)
		rc = -1;
	else {
		xmlBufferPtr b = xmlBufferCreateSize(1024);

		while ((rc = db_fetch(c)) == 1) {
			write_record(w, b, c, personal, &titles);
			n++;
		}
		xmlBufferFree(b);
		db_close(c);
	}
	titles_free(&titles);
	if (forked && summary_finish(&job, w) < 0)
		rc = -1;
	else if (!forked && rc == 0) {
		if (report_summary_load(f, &s) < 0)
			rc = -1;
		else {
			summary_write(w, &s);
			report_summary_free(&s);
		}
	}
	if (rc < 0) {
		xmlTextWriterFlush(w);
		return -1;
	}
	xmlTextWriterWriteRaw(w, BAD_CAST "\n");
	xmlTextWriterEndDocument(w);
	xmlTextWriterFlush(w);
	return n;
}

/*
 * The records as a document in memory, for the printable report and the
 * CSV (XSLT needs the whole tree).  NULL on a database error.
 */
xmlDocPtr
records_doc(const struct report_filter *f, int personal)
{
	xmlTextWriterPtr	 w;
	xmlDocPtr		 doc = NULL;
	int			 n;

	w = xmlNewTextWriterDoc(&doc, 0);
	n = records_write(w, f, personal);
	xmlFreeTextWriter(w);
	if (n < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}
