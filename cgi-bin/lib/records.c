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
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
		free(s->rows[i].sex);
		free(s->rows[i].agency);
	}
	for (i = 0; i < s->enrolledsz; i++) {
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
	c = db_open(STMT_REPORT_SUMMARY, "sssssssssssssss",
	    f->start, f->end, f->country, f->agency, f->module,
	    f->start, f->end, f->country, f->agency, f->module,
	    f->start, f->end, f->country, f->agency, f->module);
	if (c == NULL)
		return -1;
	while ((rc = db_fetch(c)) == 1) {
		struct summary_row *r;

		s->rows = xreallocarray(s->rows, s->rowsz + 1,
		    sizeof(*s->rows));
		r = &s->rows[s->rowsz++];
		r->module = xstrdup(db_str(c, 0));
		r->sex = xstrdup(db_str(c, 1));
		r->agency = xstrdup(db_str(c, 2));
		r->started = db_int(c, 3);
		r->completed = db_int(c, 4);
		r->attempted = db_int(c, 5);
		r->passed = db_int(c, 6);
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	if ((c = db_open(STMT_REPORT_ENROLLED, "sss", f->end, f->country,
	    f->agency)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1) {
		struct enrolled_row *e;

		s->enrolled = xreallocarray(s->enrolled, s->enrolledsz + 1,
		    sizeof(*s->enrolled));
		e = &s->enrolled[s->enrolledsz++];
		e->sex = xstrdup(db_str(c, 0));
		e->agency = xstrdup(db_str(c, 1));
		e->officers = db_int(c, 2);
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	if ((c = db_open(STMT_REPORT_MONTHLY, "sssss", f->start, f->end,
	    f->country, f->agency, f->module)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1)
		if (db_int(c, 0) >= 1 && db_int(c, 0) <= 12)
			s->monthly[db_int(c, 0) - 1] = db_int(c, 1);
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
	write_totals(w, s, "bySex", "sex", offsetof(struct summary_row, sex));
	write_totals(w, s, "byAgency", "agency",
	    offsetof(struct summary_row, agency));
	for (i = 0; i < s->enrolledsz; i++) {
		xmlTextWriterStartElement(w, BAD_CAST "enrolled");
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

/* One <record>; personal data only when the reader may see it. */
static void
write_record(xmlTextWriterPtr w, struct db_cursor *c, int personal)
{
	char	 scaled[32];
	long long score = db_int(c, 12);

	xmlTextWriterStartElement(w, BAD_CAST "record");
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "c%s",
	    db_str(c, 0));
	xmlTextWriterStartElement(w, BAD_CAST "learner");
	if (personal) {
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "u%s",
		    db_str(c, 1));
		w_elem(w, "name", db_str(c, 2));
	}
	w_elem(w, "sex", db_str(c, 3));
	w_elem(w, "agency", db_str(c, 4));
	w_elem(w, "country", db_str(c, 5));
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "learningOpportunity");
	xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST db_str(c, 6));
	xmlTextWriterWriteAttribute(w, BAD_CAST "version",
	    BAD_CAST db_str(c, 7));
	xmlTextWriterWriteAttribute(w, BAD_CAST "language",
	    BAD_CAST db_str(c, 8));
	w_elem(w, "title", db_str(c, 9));
	xmlTextWriterEndElement(w);
	w_elem(w, "started", db_str(c, 10));
	w_elem(w, "completed", db_str(c, 11));
	/* SCORM cmi.score.scaled: 0 to 1. */
	snprintf(scaled, sizeof(scaled), "%lld.%02lld", score / 100,
	    score % 100);
	w_elem(w, "scaledScore", scaled);
	/* SCORM cmi.success_status: a completion is a passed quiz. */
	w_elem(w, "successStatus", "passed");
	w_elem(w, "attempts", db_str(c, 13));
	xmlTextWriterStartElement(w, BAD_CAST "credential");
	xmlTextWriterWriteAttribute(w, BAD_CAST "status",
	    BAD_CAST (db_int(c, 15) ? "revoked" : "valid"));
	if (personal) {
		char *url = xasprintf("%s/verify/%s", cfg.base_url,
		    db_str(c, 14));
		w_elem(w, "identifier", db_str(c, 14));
		w_elem(w, "verificationURL", url);
		free(url);
	}
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
}

/*
 * Writes the whole document.  Returns the number of records, or -1 when
 * the database failed (the document is then left unfinished, so that no
 * reader mistakes it for a complete one).
 */
int
records_write(xmlTextWriterPtr w, const struct report_filter *f,
    const struct report_summary *s, int personal)
{
	struct db_cursor	*c;
	char			 now[32];
	time_t			 t = time(NULL);
	struct tm		 tm;
	int			 rc, n = 0;

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
	summary_write(w, s);
	xmlTextWriterWriteString(w, BAD_CAST "\n");
	if ((c = db_open(STMT_REPORT_RECORDS, "sssss", f->start, f->end,
	    f->country, f->agency, f->module)) == NULL) {
		xmlTextWriterFlush(w);
		return -1;
	}
	while ((rc = db_fetch(c)) == 1) {
		write_record(w, c, personal);
		xmlTextWriterWriteString(w, BAD_CAST "\n");
		n++;
	}
	db_close(c);
	if (rc < 0) {
		xmlTextWriterFlush(w);
		return -1;
	}
	xmlTextWriterEndDocument(w);
	xmlTextWriterFlush(w);
	return n;
}
