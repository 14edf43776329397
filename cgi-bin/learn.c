/*
 * learn: the officers' program.  Catalog, lessons, progress, quizzes,
 * certificates, signing in and out, the account, and the authors' preview.
 *
 * Every write is a POST with the session's CSRF token, answered 303 See
 * Other (post/redirect/get), and idempotent where a dropped link may make
 * the phone send it twice.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <sodium.h>

#include "rcm.h"

enum key {
	KEY_CSRF,
	KEY_EMAIL,
	KEY_PASSWORD,
	KEY_NEW_PASSWORD,
	KEY_NEW_PASSWORD2,
	KEY_NEXT,
	KEY_LANG,
	KEY_TOKEN,
	KEY_FULL_NAME,
	KEY_AGENCY,
	KEY_SEX,
	KEY_ANSWER,
	KEY_ATTEMPT,
	KEY_DONE,
	KEY__MAX
};

/* A local path to go back to after signing in: "/x", never "//host". */
static int
valid_next(struct field *f)
{
	return f->valsz > 0 && f->valsz < 200 && f->val[0] == '/' &&
	    f->val[1] != '/' && f->val[1] != '\\' &&
	    strpbrk(f->val, "\r\n\\") == NULL;
}

/*
 * A notice key shown after a redirect ("account.saved"); only keys of the
 * message catalogs are shown, so nobody can put words on the page.
 */
static int
valid_done(struct field *f)
{
	return f->valsz > 0 && f->valsz < 40 && strspn(f->val,
	    "abcdefghijklmnopqrstuvwxyz.-") == f->valsz;
}

static const struct field_def keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", valid_token },
	[KEY_EMAIL] = { "email", valid_email },
	[KEY_PASSWORD] = { "password", valid_password },
	[KEY_NEW_PASSWORD] = { "new_password", valid_password },
	[KEY_NEW_PASSWORD2] = { "new_password2", valid_password },
	[KEY_NEXT] = { "next", valid_next },
	[KEY_LANG] = { "lang", valid_lang },
	[KEY_TOKEN] = { "token", valid_token },
	[KEY_FULL_NAME] = { "full_name", valid_line },
	[KEY_AGENCY] = { "agency", valid_line },
	[KEY_SEX] = { "sex", valid_sex },
	[KEY_ANSWER] = { "answer", valid_answer, FIELD_MULTI },
	[KEY_ATTEMPT] = { "attempt", valid_int },
	[KEY_DONE] = { "done", valid_done },
};

enum page {
	PAGE_CATALOG,
	PAGE_LOGIN,
	PAGE_LOGIN_POST,
	PAGE_LOGOUT,
	PAGE_LANG,
	PAGE_MODULE,
	PAGE_QUIZ,
	PAGE_QUIZ_POST,
	PAGE_LESSON,
	PAGE_LESSON_POST,
	PAGE_ATTEMPT,
	PAGE_CERTIFICATE,
	PAGE_PROGRESS,
	PAGE_ACCOUNT,
	PAGE_ACCOUNT_POST,
	PAGE_PASSWORD_POST,
	PAGE_SETPW,
	PAGE_SETPW_POST,
	PAGE_PREVIEW_INDEX,
	PAGE_PREVIEW_MODULE,
	PAGE_PREVIEW_LESSON,
	PAGE__MAX
};

static const char *const sex_values[] = {
	"female", "male", "other", "unspecified"
};

/* ---------------------------------------------------------------- */
/* Helpers shared by the handlers.                                   */

static int
is_author(const struct req *req)
{
	return req->session != NULL && (req->session->role == ROLE_AUTHOR ||
	    req->session->role == ROLE_ADMIN);
}

/*
 * The language to show: the one wanted when present[] has it, else the
 * first that is present.  The page says so when they differ.
 */
static enum lang
lang_pick(enum lang want, const int present[LANG__MAX])
{
	size_t	 i;

	if (want < LANG__MAX && present[want])
		return want;
	for (i = 0; i < LANG__MAX; i++)
		if (present[i])
			return (enum lang)i;
	return want < LANG__MAX ? want : LANG_EN;
}

static const struct module_text *
module_text(const struct module *m, enum lang want, enum lang *used)
{
	int	 present[LANG__MAX];
	size_t	 i;

	for (i = 0; i < LANG__MAX; i++)
		present[i] = m->text[i].present;
	*used = lang_pick(want, present);
	return &m->text[*used];
}

static const struct lesson_text *
lesson_text(const struct lesson *l, enum lang want, enum lang *used)
{
	int	 present[LANG__MAX];
	size_t	 i;

	for (i = 0; i < LANG__MAX; i++)
		present[i] = l->text[i].present;
	*used = lang_pick(want, present);
	return &l->text[*used];
}

static void
view_fallback(xmlDocPtr doc, enum lang want, enum lang used)
{
	xmlNodePtr	 n;

	if (want == used)
		return;
	n = view_notice(doc, "lang.fallback", "info");
	view_attr(n, "lang", lang_code(used));
}

/* The quiz in the page's language, else in one that has it. */
static const struct module_text *
quiz_text(const struct module *m, enum lang want, enum lang *used)
{
	int	 present[LANG__MAX];
	size_t	 i;

	for (i = 0; i < LANG__MAX; i++)
		present[i] = m->text[i].questionsz > 0;
	*used = lang_pick(want, present);
	return &m->text[*used];
}

static const struct module *
find_module(const char *id)
{
	return catalog_find_module(catalog_current, id);
}

/* <module id=".." minutes=".." ...> with its title and summary. */
static xmlNodePtr
view_module_summary(xmlNodePtr parent, const struct module *m, enum lang lang,
    const struct module_progress *mp)
{
	const struct module_text	*t;
	xmlNodePtr			 n;
	enum lang			 used;

	t = module_text(m, lang, &used);
	n = view_add(parent, "module", NULL);
	view_attr(n, "id", m->id);
	view_attr(n, "version", m->version);
	view_attr(n, "lang", lang_code(used));
	view_attr_int(n, "minutes", m->minutes);
	view_attr_int(n, "lessons", (long long)m->lessonsz);
	view_attr_int(n, "questions", (long long)t->questionsz);
	view_attr_int(n, "passing-score", m->passing_score);
	view_add(n, "title", t->title);
	view_add(n, "summary", t->summary);
	if (mp != NULL) {
		const struct lesson *next = progress_next_lesson(mp);

		view_attr_int(n, "read", (long long)mp->nread);
		view_attr(n, "status", mp->passed ? "passed" :
		    (mp->started || mp->nread > 0) ? "in-progress" :
		    "not-started");
		if (next != NULL)
			view_attr(n, "next", next->slug);
		if (mp->certificate != NULL)
			view_attr(n, "certificate", mp->certificate);
	}
	return n;
}

static void
view_lessons(xmlNodePtr parent, const struct module *m, enum lang lang,
    const struct module_progress *mp)
{
	const struct lesson_text	*lt;
	xmlNodePtr			 ls, l;
	enum lang			 used;
	size_t				 i;

	ls = view_add(parent, "lessons", NULL);
	for (i = 0; i < m->lessonsz; i++) {
		lt = lesson_text(&m->lessons[i], lang, &used);
		l = view_add(ls, "lesson", NULL);
		view_attr(l, "slug", m->lessons[i].slug);
		view_attr_int(l, "number", (long long)i + 1);
		view_attr_int(l, "minutes", (long long)(lt->words + 199) / 200);
		if (mp != NULL && mp->read[i])
			view_attr(l, "read", "yes");
		view_add(l, "title", lt->title);
	}
}

static void
db_unavailable(struct resp *resp, struct req *req)
{
	view_error(resp, req, 503, "db-unavailable", NULL);
}

/* ---------------------------------------------------------------- */
/* Catalog and module pages.                                         */

/*
 * GET /learn/.
 * 200: the modules, with the officer's status and "continue" when signed in.
 * 503: database unavailable (signed in only).
 */
static void
page_catalog(struct resp *resp, struct req *req)
{
	struct progress		*p = NULL;
	xmlDocPtr		 doc;
	xmlNodePtr		 cat, cont, n;
	const struct module_progress *mp;
	const struct lesson	*next;
	size_t			 i;

	if (req->session != NULL &&
	    (p = progress_load(req->session->user_id, catalog_current)) ==
	    NULL) {
		db_unavailable(resp, req);
		return;
	}
	doc = view_new(req, "catalog");
	if (req_str(req, KEY_DONE) != NULL)
		view_notice(doc, req_str(req, KEY_DONE), "info");
	cat = view_add(view_root(doc), "catalog", NULL);
	view_attr(cat, "version", catalog_current->version);
	for (i = 0; i < catalog_current->modulesz; i++)
		view_module_summary(cat, &catalog_current->modules[i],
		    req->lang, p != NULL ? &p->modules[i] : NULL);
	if (p != NULL && p->last_module != NULL &&
	    (mp = progress_module(p, p->last_module)) != NULL &&
	    !mp->passed) {
		cont = view_module_summary(view_root(doc), mp->mod, req->lang,
		    mp);
		xmlNodeSetName(cont, BAD_CAST "continue");
		next = progress_next_lesson(mp);
		n = view_add(cont, "target", NULL);
		view_attr(n, "href", next != NULL ?
		    "lesson" : "quiz");
		if (next != NULL) {
			enum lang used;

			view_attr(n, "slug", next->slug);
			view_attr_int(n, "number", module_lesson_index(mp->mod,
			    next->slug) + 1);
			view_add(n, "title", lesson_text(next, req->lang,
			    &used)->title);
		}
	}
	progress_free(p);
	view_render(resp, req, doc, 200, NULL);
}

/*
 * GET /learn/m/MODULE.
 * 200: objectives, lessons with what is read, the quiz, the certificate.
 * 404: no such module.  503: database unavailable.
 */
static void
page_module(struct resp *resp, struct req *req)
{
	const struct module		*m;
	const struct module_text	*t;
	struct progress			*p;
	xmlDocPtr			 doc;
	xmlNodePtr			 n, list;
	enum lang			 used;
	size_t				 i;

	if ((m = find_module(req->seg[0])) == NULL) {
		view_error(resp, req, 404, "module-unknown", NULL);
		return;
	}
	if ((p = progress_load(req->session->user_id, catalog_current)) ==
	    NULL) {
		db_unavailable(resp, req);
		return;
	}
	t = module_text(m, req->lang, &used);
	doc = view_new(req, "module");
	if (req_str(req, KEY_DONE) != NULL)
		view_notice(doc, req_str(req, KEY_DONE), "info");
	view_fallback(doc, req->lang, used);
	n = view_module_summary(view_root(doc), m, req->lang,
	    progress_module(p, m->id));
	list = view_add(n, "objectives", NULL);
	for (i = 0; i < t->objectivesz; i++)
		view_add(list, "objective", t->objectives[i]);
	list = view_add(n, "sources", NULL);
	for (i = 0; i < t->sourcesz; i++)
		view_add(list, "source", t->sources[i]);
	view_lessons(n, m, req->lang, progress_module(p, m->id));
	progress_free(p);
	view_render(resp, req, doc, 200, NULL);
}

/* ---------------------------------------------------------------- */
/* Lessons.                                                          */

static void
view_lesson(xmlNodePtr parent, const struct module *m, long li,
    enum lang lang, xmlDocPtr doc)
{
	const struct lesson_text	*lt;
	xmlNodePtr			 n, nav;
	enum lang			 used;

	lt = lesson_text(&m->lessons[li], lang, &used);
	view_fallback(doc, lang, used);
	n = view_add(parent, "lesson", NULL);
	view_attr(n, "slug", m->lessons[li].slug);
	view_attr(n, "lang", lang_code(used));
	view_attr_int(n, "number", li + 1);
	view_attr_int(n, "of", (long long)m->lessonsz);
	view_add(n, "title", lt->title);
	view_add_xhtml(n, "body", lt->html);
	nav = view_add(n, "nav", NULL);
	if (li > 0)
		view_attr(nav, "prev", m->lessons[li - 1].slug);
	if ((size_t)li + 1 < m->lessonsz)
		view_attr(nav, "next", m->lessons[li + 1].slug);
}

/*
 * GET /learn/m/MODULE/LESSON.
 * 200: the lesson, with previous/next and "mark as read and continue".
 * 404: no such module or lesson.  503: database unavailable.
 * Remembers the lesson as where the officer stopped.
 */
static void
page_lesson(struct resp *resp, struct req *req)
{
	const struct module	*m;
	const struct module_progress *mp;
	struct progress		*p;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	long			 li;

	if ((m = find_module(req->seg[0])) == NULL ||
	    (li = module_lesson_index(m, req->seg[1])) < 0) {
		view_error(resp, req, 404, "lesson-unknown", NULL);
		return;
	}
	if (db_exec(STMT_START_UPSERT, "iss", req->session->user_id, m->id,
	    m->lessons[li].slug) < 0 ||
	    (p = progress_load(req->session->user_id, catalog_current)) ==
	    NULL) {
		db_unavailable(resp, req);
		return;
	}
	mp = progress_module(p, m->id);
	doc = view_new(req, "lesson");
	n = view_module_summary(view_root(doc), m, req->lang, mp);
	view_lesson(n, m, li, req->lang, doc);
	if (mp->read[li])
		view_attr(n->last, "read", "yes");
	progress_free(p);
	view_render(resp, req, doc, 200, NULL);
}

/*
 * POST /learn/m/MODULE/LESSON: mark as read and continue.
 * 303: to the next lesson, or to the quiz after the last one (or to the
 * module page when the module is now complete).  Idempotent: sent twice,
 * it leaves one record.  404: no such lesson.  503: database unavailable.
 */
static void
page_lesson_post(struct resp *resp, struct req *req)
{
	const struct module	*m;
	char			*loc;
	long			 li;
	int			 done;

	if ((m = find_module(req->seg[0])) == NULL ||
	    (li = module_lesson_index(m, req->seg[1])) < 0) {
		view_error(resp, req, 404, "lesson-unknown", NULL);
		return;
	}
	if (!db_insert_once(STMT_READ_INSERT, "isss", req->session->user_id,
	    m->id, m->lessons[li].slug, m->version) ||
	    db_exec(STMT_START_UPSERT, "iss", req->session->user_id, m->id,
	    m->lessons[li].slug) < 0 ||
	    (done = progress_complete_if_done(req->session->user_id, m)) < 0) {
		db_unavailable(resp, req);
		return;
	}
	if (done)
		loc = xasprintf("/learn/m/%s?done=module-complete", m->id);
	else if ((size_t)li + 1 < m->lessonsz)
		loc = xasprintf("/learn/m/%s/%s", m->id,
		    m->lessons[li + 1].slug);
	else
		loc = xasprintf("/learn/m/%s/quiz", m->id);
	resp_redirect(resp, req, loc);
	free(loc);
}

/* ---------------------------------------------------------------- */
/* Quizzes.                                                          */

static int64_t
attempts_today(int64_t user, const char *module)
{
	struct db_cursor	*c;
	int64_t			 n = -1;

	if ((c = db_open(STMT_ATTEMPTS_TODAY, "is", user, module)) == NULL)
		return -1;
	if (db_fetch(c) == 1)
		n = db_int(c, 0);
	db_close(c);
	return n;
}

/*
 * GET /learn/m/MODULE/quiz.
 * 200: the quiz as a plain form, in the order stored with the attempt (a
 * reload shows the same attempt, not a new one); or the notice that the
 * day's attempts are used up.  404: no such module.  503: database.
 */
static void
page_quiz(struct resp *resp, struct req *req)
{
	const struct module		*m;
	const struct module_text	*t;
	const struct quiz_question	*q;
	struct quiz_layout		 layout;
	struct db_cursor		*c;
	xmlDocPtr			 doc;
	xmlNodePtr			 quiz, qn, on;
	enum lang			 used;
	int64_t				 attempt = 0, today;
	char				*enc = NULL;
	size_t				 i;
	int				 k, rc;

	if ((m = find_module(req->seg[0])) == NULL) {
		view_error(resp, req, 404, "module-unknown", NULL);
		return;
	}
	t = quiz_text(m, req->lang, &used);
	if ((today = attempts_today(req->session->user_id, m->id)) < 0) {
		db_unavailable(resp, req);
		return;
	}
	doc = view_new(req, "quiz");
	view_fallback(doc, req->lang, used);
	quiz = view_module_summary(view_root(doc), m, req->lang, NULL);
	view_attr_int(quiz, "attempts-today", today);
	view_attr_int(quiz, "attempts-per-day", cfg.quiz_attempts_per_day);
	if (today >= cfg.quiz_attempts_per_day) {
		view_notice(doc, "quiz.limit", "error");
		view_render(resp, req, doc, 200, NULL);
		return;
	}
	/* Reuse the open attempt of this version and language, if any. */
	if ((c = db_open(STMT_ATTEMPT_OPEN, "iss", req->session->user_id,
	    m->id, m->version)) == NULL) {
		xmlFreeDoc(doc);
		db_unavailable(resp, req);
		return;
	}
	if ((rc = db_fetch(c)) == 1 &&
	    strcmp(db_str(c, 2), lang_code(used)) == 0 &&
	    quiz_layout_decode(db_str(c, 1), t, &layout))
		attempt = db_int(c, 0);
	db_close(c);
	if (attempt == 0) {
		quiz_shuffle(t, &layout);
		enc = quiz_layout_encode(&layout);
		if (db_exec(STMT_ATTEMPT_INSERT, "issss",
		    req->session->user_id, m->id, m->version, lang_code(used),
		    enc) != 1) {
			free(enc);
			xmlFreeDoc(doc);
			db_unavailable(resp, req);
			return;
		}
		attempt = db_last_id();
		free(enc);
	}
	view_attr_int(quiz, "attempt", attempt);
	for (i = 0; i < layout.n; i++) {
		q = &t->questions[layout.item[i].q];
		qn = view_add(quiz, "question", q->text);
		view_attr_int(qn, "id", layout.item[i].q);
		view_attr_int(qn, "number", (long long)i + 1);
		view_attr(qn, "kind", q->multiple ? "multiple" : "single");
		for (k = 0; k < layout.item[i].nopt; k++) {
			on = view_add(qn, "option",
			    q->options[layout.item[i].opt[k]].text);
			view_attr_int(on, "id", layout.item[i].opt[k]);
		}
	}
	view_render(resp, req, doc, 200, NULL);
}

/*
 * POST /learn/m/MODULE/quiz with attempt=ID and answer=Q-O fields.
 * 303: to the result.  Submitting an attempt that was already submitted
 * (a retry after a dropped link) changes nothing and goes to its result.
 * 400: an answer that is not part of the attempt.  404: no such attempt.
 * 409: the module changed since the quiz was shown (start again).
 * 429: the day's attempts are used up.  503: database unavailable.
 */
static void
page_quiz_post(struct resp *resp, struct req *req)
{
	const struct module		*m;
	const struct module_text	*t;
	struct quiz_layout		 layout;
	struct db_cursor		*c;
	struct field			*f;
	uint32_t			 selected[QUIZ_MAXQ];
	int64_t				 attempt, today;
	char				*loc, *answers, *version;
	enum lang			 lang;
	long				 q, o;
	int				 rc, submitted, score, max, passed;

	if ((m = find_module(req->seg[0])) == NULL) {
		view_error(resp, req, 404, "module-unknown", NULL);
		return;
	}
	if (req_field(req, KEY_ATTEMPT) == NULL) {
		view_error_field(resp, req, "attempt", "missing");
		return;
	}
	attempt = req_field(req, KEY_ATTEMPT)->num;
	if ((c = db_open(STMT_ATTEMPT_GET, "ii", attempt,
	    req->session->user_id)) == NULL) {
		db_unavailable(resp, req);
		return;
	}
	if ((rc = db_fetch(c)) != 1 || strcmp(db_str(c, 1), m->id) != 0) {
		db_close(c);
		if (rc < 0)
			db_unavailable(resp, req);
		else
			view_error(resp, req, 404, "attempt-unknown", NULL);
		return;
	}
	submitted = db_int(c, 9) != 0;
	version = xstrdup(db_str(c, 2));
	lang = lang_from_code(db_str(c, 3));
	t = &m->text[lang < LANG__MAX ? lang : LANG_EN];
	rc = strcmp(version, m->version) == 0 &&
	    quiz_layout_decode(db_str(c, 4), t, &layout);
	db_close(c);
	free(version);
	loc = xasprintf("/learn/attempt/%lld", (long long)attempt);
	if (submitted) {
		resp_redirect(resp, req, loc);
		free(loc);
		return;
	}
	if (!rc) {
		free(loc);
		view_error(resp, req, 409, "quiz-changed", NULL);
		return;
	}
	if ((today = attempts_today(req->session->user_id, m->id)) < 0) {
		free(loc);
		db_unavailable(resp, req);
		return;
	}
	if (today >= cfg.quiz_attempts_per_day) {
		free(loc);
		view_error(resp, req, 429, "quiz-limit", NULL);
		return;
	}
	memset(selected, 0, sizeof(selected));
	for (f = req_field(req, KEY_ANSWER); f != NULL; f = f->next) {
		q = strtol(f->val, NULL, 10);
		o = strtol(strchr(f->val, '-') + 1, NULL, 10);
		if (q < 0 || (size_t)q >= t->questionsz || o < 0 ||
		    (size_t)o >= t->questions[q].optionsz ||
		    (!t->questions[q].multiple && selected[q] != 0)) {
			free(loc);
			view_error_message(resp, req, 400, "bad-answer",
			    "field.answer", f->val, NULL);
			return;
		}
		selected[q] |= 1U << o;
	}
	score = quiz_score(t, selected, &max);
	passed = max > 0 && score * 100 >= m->passing_score * max;
	answers = quiz_answers_encode(&layout, selected);
	/* Only the first submission of an attempt updates the row. */
	if (db_exec(STMT_ATTEMPT_SUBMIT, "siiiii", answers, (int64_t)score,
	    (int64_t)max, (int64_t)passed, attempt,
	    req->session->user_id) < 0 ||
	    (passed && progress_complete_if_done(req->session->user_id, m) <
	    0)) {
		free(answers);
		free(loc);
		db_unavailable(resp, req);
		return;
	}
	free(answers);
	resp_redirect(resp, req, loc);
	free(loc);
}

/*
 * GET /learn/attempt/ID.
 * 200: score, pass or fail, each question with what was chosen, the right
 * answer and the explanation.  404: not an attempt of this officer.
 */
static void
page_attempt(struct resp *resp, struct req *req)
{
	const struct module		*m;
	const struct module_text	*t;
	const struct quiz_question	*q;
	struct quiz_layout		 layout;
	struct db_cursor		*c;
	struct field			 f;
	xmlDocPtr			 doc;
	xmlNodePtr			 a, qn, on;
	uint32_t			 selected[QUIZ_MAXQ];
	enum lang			 lang;
	size_t				 i;
	int				 k, rc, same;
	char				*cert = NULL;

	memset(&f, 0, sizeof(f));
	f.val = req->seg[0];
	f.valsz = strlen(f.val);
	if (!valid_int(&f)) {
		view_error(resp, req, 404, "attempt-unknown", NULL);
		return;
	}
	if ((c = db_open(STMT_ATTEMPT_GET, "ii", f.num,
	    req->session->user_id)) == NULL) {
		db_unavailable(resp, req);
		return;
	}
	if ((rc = db_fetch(c)) != 1 || db_int(c, 9) == 0) {
		db_close(c);
		if (rc < 0)
			db_unavailable(resp, req);
		else
			view_error(resp, req, 404, "attempt-unknown", NULL);
		return;
	}
	doc = view_new(req, "attempt");
	a = view_add(view_root(doc), "attempt", NULL);
	view_attr(a, "id", req->seg[0]);
	view_attr(a, "module", db_str(c, 1));
	view_attr(a, "version", db_str(c, 2));
	view_attr_int(a, "score", db_int(c, 6));
	view_attr_int(a, "max", db_int(c, 7));
	view_attr(a, "passed", db_int(c, 8) ? "yes" : "no");
	view_attr(a, "date", db_str(c, 10));
	view_attr(a, "lang", db_str(c, 3));
	m = find_module(db_str(c, 1));
	lang = lang_from_code(db_str(c, 3));
	quiz_answers_decode(db_str(c, 5), selected);
	same = m != NULL && strcmp(m->version, db_str(c, 2)) == 0;
	if (m != NULL) {
		view_module_summary(a, m, req->lang, NULL);
		view_attr_int(a, "passing-score", m->passing_score);
	}
	if (same) {
		t = &m->text[lang < LANG__MAX ? lang : LANG_EN];
		same = quiz_layout_decode(db_str(c, 4), t, &layout);
	}
	db_close(c);
	if (!same)
		view_notice(doc, "attempt.old-version", "info");
	else {
		t = &m->text[lang < LANG__MAX ? lang : LANG_EN];
		for (i = 0; i < layout.n; i++) {
			q = &t->questions[layout.item[i].q];
			qn = view_add(a, "question", NULL);
			view_attr_int(qn, "number", (long long)i + 1);
			view_attr(qn, "correct", quiz_is_correct(q,
			    selected[layout.item[i].q]) ? "yes" : "no");
			view_add(qn, "text", q->text);
			for (k = 0; k < layout.item[i].nopt; k++) {
				int o = layout.item[i].opt[k];

				on = view_add(qn, "option", q->options[o].text);
				if (q->options[o].correct)
					view_attr(on, "correct", "yes");
				if (selected[layout.item[i].q] & (1U << o))
					view_attr(on, "chosen", "yes");
			}
			view_add_xhtml(qn, "explanation", q->explanation);
		}
	}
	/* The certificate, if this attempt completed the module. */
	if (m != NULL && (c = db_open(STMT_COMPLETION_FOR_MODULE, "iss",
	    req->session->user_id, m->id, m->version)) != NULL) {
		if (db_fetch(c) == 1)
			cert = xstrdup(db_str(c, 0));
		db_close(c);
	}
	if (cert != NULL) {
		view_attr(a, "certificate", cert);
		free(cert);
	}
	view_render(resp, req, doc, 200, NULL);
}

/* ---------------------------------------------------------------- */
/* Certificates and progress.                                        */

/*
 * GET /learn/certificate/CODE.
 * 200: the printable certificate with its QR code.  404: not a
 * certificate of this officer.  503: database unavailable.
 */
static void
page_certificate(struct resp *resp, struct req *req)
{
	const struct module	*m;
	struct db_cursor	*c;
	xmlDocPtr		 doc;
	xmlNodePtr		 cert;
	char			*url;
	int			 rc;

	if (strlen(req->seg[0]) != CERT_CODE_LEN) {
		view_error(resp, req, 404, "certificate-unknown", NULL);
		return;
	}
	if ((c = db_open(STMT_COMPLETION_BY_CODE, "si", req->seg[0],
	    req->session->user_id)) == NULL) {
		db_unavailable(resp, req);
		return;
	}
	if ((rc = db_fetch(c)) != 1) {
		db_close(c);
		if (rc < 0)
			db_unavailable(resp, req);
		else
			view_error(resp, req, 404, "certificate-unknown", NULL);
		return;
	}
	doc = view_new(req, "certificate");
	cert = view_add(view_root(doc), "certificate", NULL);
	view_attr(cert, "code", db_str(c, 6));
	view_attr(cert, "module-id", db_str(c, 0));
	view_attr(cert, "version", db_str(c, 1));
	view_attr_int(cert, "score", db_int(c, 3));
	view_attr_int(cert, "attempts", db_int(c, 4));
	view_attr(cert, "date", db_str(c, 5));
	view_attr(cert, "status", db_int(c, 7) ? "revoked" : "valid");
	view_add(cert, "name", db_str(c, 8));
	if ((m = find_module(db_str(c, 0))) != NULL) {
		enum lang used;
		view_add(cert, "module", module_text(m, req->lang,
		    &used)->title);
		view_attr_int(cert, "minutes", m->minutes);
	} else
		view_add(cert, "module", db_str(c, 0));
	url = xasprintf("%s/verify/%s", cfg.base_url, db_str(c, 6));
	db_close(c);
	view_add(cert, "url", url);
	view_add_qr(cert, url);
	free(url);
	view_render(resp, req, doc, 200, NULL);
}

/*
 * GET /learn/progress.
 * 200: every module with its status, every attempt, every certificate.
 * 503: database unavailable.
 */
static void
page_progress(struct resp *resp, struct req *req)
{
	struct progress		*p;
	struct db_cursor	*c;
	xmlDocPtr		 doc;
	xmlNodePtr		 list, n;
	const struct module	*m;
	size_t			 i;
	int			 rc;

	if ((p = progress_load(req->session->user_id, catalog_current)) ==
	    NULL) {
		db_unavailable(resp, req);
		return;
	}
	doc = view_new(req, "progress");
	list = view_add(view_root(doc), "modules", NULL);
	for (i = 0; i < p->modulesz; i++)
		view_module_summary(list, p->modules[i].mod, req->lang,
		    &p->modules[i]);
	progress_free(p);
	list = view_add(view_root(doc), "attempts", NULL);
	if ((c = db_open(STMT_ATTEMPTS_BY_USER, "i",
	    req->session->user_id)) == NULL) {
		xmlFreeDoc(doc);
		db_unavailable(resp, req);
		return;
	}
	while ((rc = db_fetch(c)) == 1) {
		enum lang used;

		n = view_add(list, "attempt", NULL);
		view_attr(n, "id", db_str(c, 0));
		view_attr(n, "module", db_str(c, 1));
		view_attr_int(n, "score", db_int(c, 4));
		view_attr_int(n, "max", db_int(c, 5));
		view_attr(n, "passed", db_int(c, 6) ? "yes" : "no");
		view_attr(n, "date", db_str(c, 7));
		if ((m = find_module(db_str(c, 1))) != NULL)
			view_add(n, "title", module_text(m, req->lang,
			    &used)->title);
	}
	db_close(c);
	list = view_add(view_root(doc), "certificates", NULL);
	if ((c = db_open(STMT_COMPLETIONS_BY_USER, "i",
	    req->session->user_id)) == NULL) {
		xmlFreeDoc(doc);
		db_unavailable(resp, req);
		return;
	}
	while ((rc = db_fetch(c)) == 1) {
		enum lang used;

		n = view_add(list, "certificate", NULL);
		view_attr(n, "module", db_str(c, 0));
		view_attr(n, "version", db_str(c, 1));
		view_attr_int(n, "score", db_int(c, 3));
		view_attr(n, "date", db_str(c, 5));
		view_attr(n, "code", db_str(c, 6));
		view_attr(n, "status", db_int(c, 7) ? "revoked" : "valid");
		if ((m = find_module(db_str(c, 0))) != NULL)
			view_add(n, "title", module_text(m, req->lang,
			    &used)->title);
	}
	db_close(c);
	view_render(resp, req, doc, 200, NULL);
}

/* ---------------------------------------------------------------- */
/* Signing in and out, language, account.                            */

static void
view_login(struct resp *resp, struct req *req, int status, const char *err)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 f;

	doc = view_new(req, "login");
	if (err != NULL)
		view_notice(doc, err, "error");
	if (req_str(req, KEY_DONE) != NULL)
		view_notice(doc, req_str(req, KEY_DONE), "info");
	f = view_add(view_root(doc), "login", NULL);
	if (req_str(req, KEY_NEXT) != NULL)
		view_attr(f, "next", req_str(req, KEY_NEXT));
	if (req_str(req, KEY_EMAIL) != NULL)
		view_attr(f, "email", req_str(req, KEY_EMAIL));
	view_render(resp, req, doc, status, NULL);
}

/*
 * GET /learn/login.
 * 200: the sign-in form (or a redirect when already signed in).
 */
static void
page_login(struct resp *resp, struct req *req)
{
	if (req->session != NULL) {
		resp_redirect(resp, req, "/learn/");
		return;
	}
	view_login(resp, req, 200, NULL);
}

/*
 * POST /learn/login with email, password, next.
 * 303: signed in, to next or the catalog, with a new session cookie.
 * 400: e-mail or password missing.  403: wrong e-mail or password.
 * 429: too many attempts for this account or address.  503: database.
 */
static void
page_login_post(struct resp *resp, struct req *req)
{
	const char	*email = req_str(req, KEY_EMAIL);
	const char	*pass = req_str(req, KEY_PASSWORD);
	char		 cookie[TOKEN_LEN + 1], *hdr, *loc;
	int64_t		 user = 0;

	if (email == NULL || pass == NULL) {
		view_login(resp, req, 400, "login.missing");
		return;
	}
	switch (signin_check(email, pass, req->remote_addr, &user)) {
	case SIGNIN_OK:
		break;
	case SIGNIN_BAD:
		view_login(resp, req, 403, "login.bad");
		return;
	case SIGNIN_THROTTLED:
		view_login(resp, req, 429, "login.throttled");
		return;
	default:
		db_unavailable(resp, req);
		return;
	}
	if (!session_create(req, user, cookie)) {
		db_unavailable(resp, req);
		return;
	}
	hdr = session_cookie_header(cookie, cfg.session_absolute);
	loc = xasprintf("Location: %s\r\n%s", req_str(req, KEY_NEXT) != NULL ?
	    req_str(req, KEY_NEXT) : "/learn/", hdr);
	resp_headers(resp, req, 303, "text/plain; charset=utf-8", loc);
	resp_puts(resp, "See Other\n");
	sodium_memzero(cookie, sizeof(cookie));
	free(hdr);
	free(loc);
}

/*
 * POST /learn/logout.
 * 303: to the catalog, the session deleted and the cookie expired.
 */
static void
page_logout(struct resp *resp, struct req *req)
{
	char	*hdr, *all;

	session_destroy(req);
	hdr = session_cookie_header("", 0);
	all = xasprintf("Location: /learn/?done=signed-out\r\n%s", hdr);
	session_free(req->session);
	req->session = NULL;
	resp_headers(resp, req, 303, "text/plain; charset=utf-8", all);
	resp_puts(resp, "See Other\n");
	free(hdr);
	free(all);
}

/*
 * POST /learn/lang with lang and next.
 * 303: back to next, in the chosen language (a cookie, and the profile
 * when signed in).  400: unknown language.  403: signed in without a
 * valid CSRF token.
 */
static void
page_lang(struct resp *resp, struct req *req)
{
	const char	*lang = req_str(req, KEY_LANG);
	const char	*next = req_str(req, KEY_NEXT);
	char		*hdr;

	if (lang == NULL) {
		view_error_field(resp, req, "lang", req->bad_field != NULL ?
		    "invalid" : "missing");
		return;
	}
	if (req->session != NULL) {
		if (!session_csrf_ok(req, req_str(req, KEY_CSRF))) {
			view_error(resp, req, 403, "csrf", NULL);
			return;
		}
		if (db_exec(STMT_USER_SET_LANG, "si", lang,
		    req->session->user_id) < 0) {
			db_unavailable(resp, req);
			return;
		}
	}
	hdr = xasprintf("Location: %s\r\nSet-Cookie: lang=%s; Path=/; "
	    "Max-Age=31536000; SameSite=Lax%s\r\n", next != NULL ? next :
	    "/learn/", lang, cfg.cookie_secure ? "; Secure" : "");
	resp_headers(resp, req, 303, "text/plain; charset=utf-8", hdr);
	resp_puts(resp, "See Other\n");
	free(hdr);
}

static void
view_account(struct resp *resp, struct req *req, int status, const char *err)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 a;
	size_t		 i;

	doc = view_new(req, "account");
	if (err != NULL)
		view_notice(doc, err, "error");
	else if (req_str(req, KEY_DONE) != NULL)
		view_notice(doc, req_str(req, KEY_DONE), "info");
	a = view_add(view_root(doc), "account", NULL);
	view_attr(a, "country", req->session->country);
	view_attr(a, "sex", req->session->sex);
	view_attr(a, "lang", lang_code(req->session->lang));
	view_add(a, "full-name", req->session->full_name);
	view_add(a, "email", req->session->email);
	view_add(a, "agency", req->session->agency);
	for (i = 0; i < sizeof(sex_values) / sizeof(sex_values[0]); i++)
		view_add(a, "sex-option", sex_values[i]);
	view_render(resp, req, doc, status, NULL);
}

/*
 * GET /learn/account.
 * 200: the profile form and the password form.
 */
static void
page_account(struct resp *resp, struct req *req)
{
	view_account(resp, req, 200, NULL);
}

/*
 * POST /learn/account with full_name, agency, sex, lang.
 * 303: saved.  400: a field missing or not acceptable.  503: database.
 */
static void
page_account_post(struct resp *resp, struct req *req)
{
	const char	*name = req_str(req, KEY_FULL_NAME);
	const char	*agency = req_str(req, KEY_AGENCY);
	const char	*sex = req_str(req, KEY_SEX);
	const char	*lang = req_str(req, KEY_LANG);

	if (name == NULL || *name == '\0' || agency == NULL || sex == NULL ||
	    lang == NULL) {
		view_account(resp, req, 400, "account.invalid");
		return;
	}
	if (db_exec(STMT_USER_UPDATE_PROFILE, "ssssi", name, agency, sex, lang,
	    req->session->user_id) < 0) {
		db_unavailable(resp, req);
		return;
	}
	resp_redirect(resp, req, "/learn/account?done=account.saved");
}

/*
 * POST /learn/password with password, new_password, new_password2.
 * 303: changed; every other session of the account is signed out.
 * 400: new passwords differ or are too short.  403: current password
 * wrong.  429: too many attempts.  503: database.
 */
static void
page_password_post(struct resp *resp, struct req *req)
{
	const char	*cur = req_str(req, KEY_PASSWORD);
	const char	*np = req_str(req, KEY_NEW_PASSWORD);
	const char	*np2 = req_str(req, KEY_NEW_PASSWORD2);
	unsigned char	 hash[32];
	char		 buf[TOKEN_LEN + 2], *h;
	int64_t		 user = 0;

	if (cur == NULL || np == NULL || np2 == NULL || strcmp(np, np2) != 0) {
		view_account(resp, req, 400, "password.mismatch");
		return;
	}
	switch (signin_check(req->session->email, cur, req->remote_addr,
	    &user)) {
	case SIGNIN_OK:
		break;
	case SIGNIN_BAD:
		view_account(resp, req, 403, "password.wrong");
		return;
	case SIGNIN_THROTTLED:
		view_account(resp, req, 429, "login.throttled");
		return;
	default:
		db_unavailable(resp, req);
		return;
	}
	if ((h = password_hash(np)) == NULL) {
		view_error(resp, req, 503, "busy", NULL);
		return;
	}
	token_hash(req_cookie(req, SESSION_COOKIE, buf, sizeof(buf)), hash);
	if (db_exec(STMT_USER_SET_PASSWORD, "si", h, user) < 0 ||
	    db_exec(STMT_SESSION_DELETE_USER, "ib", user, hash,
	    sizeof(hash)) < 0) {
		free(h);
		db_unavailable(resp, req);
		return;
	}
	free(h);
	resp_redirect(resp, req, "/learn/account?done=password.changed");
}

static void
view_setpw(struct resp *resp, struct req *req, int status, const char *err,
    const char *name)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 n;

	doc = view_new(req, "setpw");
	if (err != NULL)
		view_notice(doc, err, "error");
	n = view_add(view_root(doc), "setpw", NULL);
	view_attr(n, "token", req_str(req, KEY_TOKEN));
	if (name != NULL)
		view_add(n, "name", name);
	view_render(resp, req, doc, status, NULL);
}

/* Looks a set-password token up; returns the user id, 0, or -1. */
static int64_t
setpw_lookup(const char *token, char **name)
{
	struct db_cursor	*c;
	unsigned char		 hash[32];
	int64_t			 user = 0;
	int			 rc;

	token_hash(token, hash);
	if ((c = db_open(STMT_PWTOKEN_LOOKUP, "b", hash, sizeof(hash))) ==
	    NULL)
		return -1;
	if ((rc = db_fetch(c)) == 1) {
		user = db_int(c, 0);
		*name = xstrdup(db_str(c, 2));
	}
	db_close(c);
	return rc < 0 ? -1 : user;
}

/*
 * GET /learn/set-password?token=TOKEN.
 * 200: the form to choose a password.  410: the link is unknown, used or
 * expired.  503: database.
 */
static void
page_setpw(struct resp *resp, struct req *req)
{
	char	*name = NULL;
	int64_t	 user;

	if (req_str(req, KEY_TOKEN) == NULL) {
		view_error(resp, req, 410, "link-invalid", NULL);
		return;
	}
	if ((user = setpw_lookup(req_str(req, KEY_TOKEN), &name)) < 0) {
		db_unavailable(resp, req);
		return;
	}
	if (user == 0) {
		view_error(resp, req, 410, "link-invalid", NULL);
		return;
	}
	view_setpw(resp, req, 200, NULL, name);
	free(name);
}

/*
 * POST /learn/set-password with token, new_password, new_password2.
 * 303: to sign-in.  The link works once: it is marked used in the same
 * transaction that sets the password.  400: passwords differ or too
 * short.  410: link unknown, used or expired.  503: database.
 */
static void
page_setpw_post(struct resp *resp, struct req *req)
{
	const char	*token = req_str(req, KEY_TOKEN);
	const char	*np = req_str(req, KEY_NEW_PASSWORD);
	const char	*np2 = req_str(req, KEY_NEW_PASSWORD2);
	unsigned char	 hash[32];
	char		*name = NULL, *h;
	int64_t		 user;

	if (token == NULL) {
		view_error(resp, req, 410, "link-invalid", NULL);
		return;
	}
	if ((user = setpw_lookup(token, &name)) < 0) {
		db_unavailable(resp, req);
		return;
	}
	if (user == 0) {
		view_error(resp, req, 410, "link-invalid", NULL);
		return;
	}
	if (np == NULL || np2 == NULL || strcmp(np, np2) != 0) {
		view_setpw(resp, req, 400, "password.mismatch", name);
		free(name);
		return;
	}
	free(name);
	if ((h = password_hash(np)) == NULL) {
		view_error(resp, req, 503, "busy", NULL);
		return;
	}
	token_hash(token, hash);
	if (db_exec(STMT_BEGIN, "") < 0) {
		free(h);
		db_unavailable(resp, req);
		return;
	}
	if (db_exec(STMT_PWTOKEN_USE, "b", hash, sizeof(hash)) != 1) {
		db_exec(STMT_ROLLBACK, "");
		free(h);
		view_error(resp, req, 410, "link-invalid", NULL);
		return;
	}
	if (db_exec(STMT_USER_SET_PASSWORD, "si", h, user) != 1 &&
	    db_error() != DB_E_NONE) {
		db_exec(STMT_ROLLBACK, "");
		free(h);
		db_unavailable(resp, req);
		return;
	}
	free(h);
	if (db_exec(STMT_COMMIT, "") < 0) {
		db_unavailable(resp, req);
		return;
	}
	resp_redirect(resp, req, "/learn/login?done=password.set");
}

/* ---------------------------------------------------------------- */
/* The authors' preview: straight from content/, with the checker.   */

struct problems {
	xmlNodePtr	 list;
	size_t		 n;
};

static void
preview_problem(void *arg, const char *path, size_t line, const char *msg)
{
	struct problems	*p = arg;
	xmlNodePtr	 n;

	n = view_add(p->list, "problem", msg);
	view_attr(n, "path", path);
	view_attr_int(n, "line", (long long)line);
	p->n++;
}

/*
 * GET /learn/preview/.
 * 200: every module folder with the checker's messages.  403: not an
 * author.
 */
static void
page_preview_index(struct resp *resp, struct req *req)
{
	struct catalog	*cat;
	struct problems	 pr;
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	size_t		 i;

	if (!is_author(req)) {
		view_error(resp, req, 403, "authors-only", NULL);
		return;
	}
	doc = view_new(req, "preview");
	n = view_add(view_root(doc), "preview", NULL);
	pr.list = view_add(n, "problems", NULL);
	pr.n = 0;
	cat = catalog_load(cfg.content_dir, preview_problem, &pr);
	view_attr_int(pr.list, "count", (long long)pr.n);
	if (cat != NULL) {
		for (i = 0; i < cat->modulesz; i++)
			view_module_summary(n, &cat->modules[i], req->lang,
			    NULL);
		catalog_free(cat);
	}
	view_render(resp, req, doc, 200, NULL);
}

/*
 * GET /learn/preview/MODULE and /learn/preview/MODULE/LESSON.
 * 200: the module (or lesson) as it is on disk now, with the checker's
 * messages for that module.  403: not an author.  404: no such folder
 * or lesson.
 */
static void
preview_module(struct resp *resp, struct req *req, int want_lesson)
{
	struct module			*m;
	const struct module_text	*t;
	struct problems			 pr;
	xmlDocPtr			 doc;
	xmlNodePtr			 n, list;
	enum lang			 used;
	size_t				 problems = 0, i;
	long				 li = -1;

	if (!is_author(req)) {
		view_error(resp, req, 403, "authors-only", NULL);
		return;
	}
	doc = view_new(req, "preview");
	n = view_add(view_root(doc), "preview", NULL);
	pr.list = view_add(n, "problems", NULL);
	pr.n = 0;
	m = module_load(cfg.content_dir, req->seg[0], preview_problem, &pr,
	    &problems);
	view_attr_int(pr.list, "count", (long long)pr.n);
	if (m == NULL) {
		xmlFreeDoc(doc);
		view_error(resp, req, 404, "module-unknown", NULL);
		return;
	}
	if (want_lesson && (li = module_lesson_index(m, req->seg[1])) < 0) {
		module_free(m);
		xmlFreeDoc(doc);
		view_error(resp, req, 404, "lesson-unknown", NULL);
		return;
	}
	t = module_text(m, req->lang, &used);
	list = view_module_summary(n, m, req->lang, NULL);
	view_attr(n, "module", m->id);
	if (li >= 0)
		view_lesson(list, m, li, req->lang, doc);
	else {
		xmlNodePtr o = view_add(list, "objectives", NULL);

		for (i = 0; i < t->objectivesz; i++)
			view_add(o, "objective", t->objectives[i]);
		view_lessons(list, m, req->lang, NULL);
		o = view_add(list, "quiz", NULL);
		for (i = 0; i < t->questionsz; i++) {
			const struct quiz_question *q = &t->questions[i];
			xmlNodePtr qn = view_add(o, "question", NULL);
			size_t k;

			view_add(qn, "text", q->text);
			for (k = 0; k < q->optionsz; k++) {
				xmlNodePtr on = view_add(qn, "option",
				    q->options[k].text);
				if (q->options[k].correct)
					view_attr(on, "correct", "yes");
			}
			view_add_xhtml(qn, "explanation", q->explanation);
		}
	}
	module_free(m);
	view_render(resp, req, doc, 200, NULL);
}

static void
page_preview_module(struct resp *resp, struct req *req)
{
	preview_module(resp, req, 0);
}

static void
page_preview_lesson(struct resp *resp, struct req *req)
{
	preview_module(resp, req, 1);
}

/* ---------------------------------------------------------------- */

/* Publishes every module version of the catalog just loaded. */
static void
publish_versions(void)
{
	const struct module	*m;
	size_t			 i;

	for (i = 0; i < catalog_current->modulesz; i++) {
		m = &catalog_current->modules[i];
		if (!db_insert_once(STMT_MODULE_VERSION_PUBLISH, "sssssi",
		    m->id, m->version, m->label, m->text[LANG_EN].title,
		    m->text[LANG_ES].title, (int64_t)m->lessonsz)) {
			/* Published again at the next load or start. */
			log_warnx("content: could not record version of %s",
			    m->id);
			return;
		}
	}
}

static const struct route routes[] = {
	{ METHOD_GET, "/learn/", PAGE_CATALOG, 0 },
	{ METHOD_GET, "/learn/login", PAGE_LOGIN, 0 },
	{ METHOD_POST, "/learn/login", PAGE_LOGIN_POST, ROUTE_NOCSRF },
	{ METHOD_POST, "/learn/logout", PAGE_LOGOUT, 0 },
	{ METHOD_POST, "/learn/lang", PAGE_LANG, ROUTE_NOCSRF },
	{ METHOD_GET, "/learn/m/*", PAGE_MODULE, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/m/*/quiz", PAGE_QUIZ, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/learn/m/*/quiz", PAGE_QUIZ_POST, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/m/*/*", PAGE_LESSON, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/learn/m/*/*", PAGE_LESSON_POST, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/attempt/*", PAGE_ATTEMPT, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/certificate/*", PAGE_CERTIFICATE,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/progress", PAGE_PROGRESS, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/account", PAGE_ACCOUNT, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/learn/account", PAGE_ACCOUNT_POST, ROUTE_SIGNED_IN },
	{ METHOD_POST, "/learn/password", PAGE_PASSWORD_POST,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/set-password", PAGE_SETPW, 0 },
	{ METHOD_POST, "/learn/set-password", PAGE_SETPW_POST, ROUTE_NOCSRF },
	{ METHOD_GET, "/learn/preview/", PAGE_PREVIEW_INDEX, ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/preview/*", PAGE_PREVIEW_MODULE,
	    ROUTE_SIGNED_IN },
	{ METHOD_GET, "/learn/preview/*/*", PAGE_PREVIEW_LESSON,
	    ROUTE_SIGNED_IN },
};

static const page_fn pages[PAGE__MAX] = {
	[PAGE_CATALOG] = page_catalog,
	[PAGE_LOGIN] = page_login,
	[PAGE_LOGIN_POST] = page_login_post,
	[PAGE_LOGOUT] = page_logout,
	[PAGE_LANG] = page_lang,
	[PAGE_MODULE] = page_module,
	[PAGE_QUIZ] = page_quiz,
	[PAGE_QUIZ_POST] = page_quiz_post,
	[PAGE_LESSON] = page_lesson,
	[PAGE_LESSON_POST] = page_lesson_post,
	[PAGE_ATTEMPT] = page_attempt,
	[PAGE_CERTIFICATE] = page_certificate,
	[PAGE_PROGRESS] = page_progress,
	[PAGE_ACCOUNT] = page_account,
	[PAGE_ACCOUNT_POST] = page_account_post,
	[PAGE_PASSWORD_POST] = page_password_post,
	[PAGE_SETPW] = page_setpw,
	[PAGE_SETPW_POST] = page_setpw_post,
	[PAGE_PREVIEW_INDEX] = page_preview_index,
	[PAGE_PREVIEW_MODULE] = page_preview_module,
	[PAGE_PREVIEW_LESSON] = page_preview_lesson,
};

static const struct program learn = {
	"learn", "/learn/healthz", keys, KEY__MAX, routes,
	sizeof(routes) / sizeof(routes[0]), pages, publish_versions, 0
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &learn);
}
