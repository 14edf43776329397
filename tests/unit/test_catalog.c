/*
 * Unit test of the content catalog: parsing, checks, versions, look-ups
 * and speed.  Prints TAP and exits 0 if every test passed, 1 otherwise.
 *
 *	test_catalog [FIXTURES]
 *
 * FIXTURES (default tests/content) holds good/ and the bad-* folders.
 * Scratch copies go under $TMPDIR.  With TEST_NO_TIMING set (under
 * valgrind, say) the speed test is skipped.
 */
#include <sys/stat.h>
#include <sys/time.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "rcm.h"
#include "tap.h"

static const char *fixtures = "tests/content";


static int
str_is(const char *got, const char *want, const char *desc)
{
	if (ok(got != NULL && strcmp(got, want) == 0, "%s", desc))
		return 1;
	printf("#   expected: '%s'\n#        got: '%s'\n", want,
	    got == NULL ? "(null)" : got);
	return 0;
}

static int
num_is(long long got, long long want, const char *desc)
{
	if (ok(got == want, "%s", desc))
		return 1;
	printf("#   expected: %lld\n#        got: %lld\n", want, got);
	return 0;
}

/* Problems reported through the callback, as "path:line: msg". */
struct reports {
	char	**v;
	size_t	  n;
};

static void
collect(void *arg, const char *path, size_t line, const char *msg)
{
	struct reports	*r = arg;

	/* Serving reports missing translations as warnings; same text. */
	if (strncmp(msg, "warning: ", 9) == 0)
		msg += 9;
	r->v = xreallocarray(r->v, r->n + 1, sizeof(*r->v));
	r->v[r->n++] = line > 0 ? xasprintf("%s:%zu: %s", path, line, msg) :
	    xasprintf("%s: %s", path, msg);
}

static void
reports_free(struct reports *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

static int
reports_has(const struct reports *r, const char *want)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i], want) == 0)
			return 1;
	return 0;
}

static void
reports_dump(const struct reports *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		printf("#   %s\n", r->v[i]);
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void
run(const char *cmd)
{
	if (system(cmd) != 0) {
		printf("Bail out! %s failed\n", cmd);
		exit(1);
	}
}

static char *
scratch_dir(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	dir = xasprintf("%s/test_catalog.XXXXXX", tmp == NULL ? "/tmp" : tmp);
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp %s\n", dir);
		exit(1);
	}
	return dir;
}

static void
test_lang(void)
{
	ok(lang_from_code("en") == LANG_EN && lang_from_code("es") == LANG_ES,
	    "lang_from_code knows en and es");
	ok(lang_from_code("fr") == LANG__MAX &&
	    lang_from_code("EN") == LANG__MAX &&
	    lang_from_code("") == LANG__MAX &&
	    lang_from_code(NULL) == LANG__MAX,
	    "lang_from_code refuses fr, EN, empty and NULL");
	ok(strcmp(lang_code(LANG_EN), "en") == 0 &&
	    strcmp(lang_code(LANG_ES), "es") == 0 &&
	    lang_code(LANG__MAX) == NULL, "lang_code");
}

static int
is_hex(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]) ||
		    isupper((unsigned char)s[i]))
			return 0;
	return s[n] == '\0';
}

/*
 * The version of a module computed here from the documented encoding,
 * independently of catalog.c: for each file in byte order of its path,
 * "path\0size\0" and the bytes, then the label.
 */
static char *
expected_version(const char *moddir, const char *const *files,
    const char *label)
{
	crypto_hash_sha256_state st;
	unsigned char	 d[crypto_hash_sha256_BYTES];
	char		 hex[13], sz[32], *path, *buf;
	size_t		 i, len;

	crypto_hash_sha256_init(&st);
	for (i = 0; files[i] != NULL; i++) {
		path = xasprintf("%s/%s", moddir, files[i]);
		buf = read_file(path, &len);
		crypto_hash_sha256_update(&st, (const unsigned char *)files[i],
		    strlen(files[i]) + 1);
		snprintf(sz, sizeof(sz), "%zu", len);
		crypto_hash_sha256_update(&st, (unsigned char *)sz,
		    strlen(sz) + 1);
		crypto_hash_sha256_update(&st, (unsigned char *)buf, len);
		free(buf);
		free(path);
	}
	crypto_hash_sha256_update(&st, (const unsigned char *)label,
	    strlen(label));
	crypto_hash_sha256_final(&st, d);
	sodium_bin2hex(hex, sizeof(hex), d, 6);
	return xasprintf("%s+%s", label, hex);
}

static void
test_good(void)
{
	struct reports		 r = { NULL, 0 };
	struct catalog		*c;
	const struct module	*m, *n;
	const struct module_text *t;
	const struct lesson	*l;
	const struct quiz_question *q;
	char			*dir, *want;
	static const char *const nr_files[] = {
		"01-the-principle.en.md", "01-the-principle.es.md",
		"meta.en.txt", "meta.es.txt", "module.txt", "quiz.en.md",
		"quiz.es.md", NULL
	};
	crypto_hash_sha256_state st;
	unsigned char		 d[crypto_hash_sha256_BYTES];
	char			 hex[13];

	dir = xasprintf("%s/good/", fixtures);
	c = catalog_load(dir, collect, &r);
	if (!ok(c != NULL && r.n == 0, "good fixture loads without problems")) {
		reports_dump(&r);
		reports_free(&r);
		free(dir);
		return;
	}
	free(dir);
	want = xasprintf("%s/good", fixtures);
	str_is(c->dir, want, "catalog dir loses the trailing slash");
	free(want);
	num_is((long long)c->modulesz, 2, "two modules");
	ok(strlen(c->version) == 12 && is_hex(c->version, 12),
	    "catalog version is 12 lowercase hex digits");

	m = &c->modules[0];
	n = &c->modules[1];
	str_is(m->id, "refugee-definition", "sorted by order: first module");
	str_is(n->id, "non-refoulement", "sorted by order: second module");
	str_is(m->label, "2026.1", "label");
	ok(strncmp(m->version, "2026.1+", 7) == 0 &&
	    is_hex(m->version + 7, 12), "version is LABEL+12 hex (%s)",
	    m->version);
	num_is(m->minutes, 45, "minutes");
	num_is(m->passing_score, 80, "passing-score");
	num_is(m->order, 1, "order");
	str_is(n->label, "2025.2-rc_1", "label with '.', '-' and '_'");
	num_is(n->passing_score, 100, "passing-score 100");

	/* The version, recomputed from the documented encoding. */
	dir = xasprintf("%s/good/non-refoulement", fixtures);
	want = expected_version(dir, nr_files, "2025.2-rc_1");
	str_is(n->version, want, "module version matches the documented "
	    "hash of files and label");
	free(want);
	free(dir);
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)m->id,
	    strlen(m->id) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)m->version,
	    strlen(m->version) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)n->id,
	    strlen(n->id) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)n->version,
	    strlen(n->version) + 1);
	crypto_hash_sha256_final(&st, d);
	sodium_bin2hex(hex, sizeof(hex), d, 6);
	str_is(c->version, hex, "catalog version is the hash of ids and "
	    "versions in catalog order");

	/* Metadata. */
	t = &m->text[LANG_EN];
	ok(t->present && m->text[LANG_ES].present, "meta present in both");
	str_is(t->title, "Who is a refugee", "en title");
	str_is(t->summary, "The refugee definition of the 1951 Convention "
	    "and its 1967 Protocol, the broader Cartagena definition, and "
	    "why recognition of refugee status is declaratory.",
	    "summary continuation line joined with one space");
	num_is((long long)t->objectivesz, 2, "two objectives");
	str_is(t->objectives[1], "Explain why an officer at the border "
	    "cannot decide that a person \"is not a refugee\".",
	    "second objective, quotes kept");
	num_is((long long)t->sourcesz, 2, "two sources");
	str_is(m->text[LANG_ES].title, "Qui\xc3\xa9n es refugiado",
	    "es title in UTF-8");

	/* Lessons. */
	num_is((long long)m->lessonsz, 2, "two lessons");
	str_is(m->lessons[0].slug, "01-the-1951-definition", "first slug");
	str_is(m->lessons[1].slug, "02-cartagena", "second slug");
	l = &m->lessons[0];
	ok(l->text[LANG_EN].present && l->text[LANG_ES].present,
	    "lesson present in both languages");
	str_is(l->text[LANG_EN].title, "The 1951 definition", "lesson title");
	str_is(l->text[LANG_ES].title, "La definici\xc3\xb3n de 1951",
	    "es lesson title");
	num_is((long long)l->text[LANG_EN].words, 105, "en word count");
	num_is((long long)l->text[LANG_ES].words, 86, "es word count");
	num_is((long long)n->lessons[0].text[LANG_EN].words, 18,
	    "word count of a short lesson");
	ok(strstr(l->text[LANG_EN].html, "<h1>") == NULL &&
	    strncmp(l->text[LANG_EN].html, "<p>Article 1A(2)", 16) == 0,
	    "html starts after the title line");
	ok(strstr(l->text[LANG_EN].html,
	    "<a href=\"02-cartagena\">the Cartagena definition</a>") != NULL,
	    "html has the lesson link");
	ok(strstr(l->text[LANG_EN].html, "<a href=\"../non-refoulement/"
	    "01-the-principle#scope\">the principle</a>") != NULL,
	    "html has the link to another module");
	ok(strstr(l->text[LANG_EN].html, "<img src=\"images/border-post.png\""
	    " alt=\"A border post\" title=\"Border post\"/>") != NULL,
	    "html has the image");
	ok(strstr(l->text[LANG_EN].html, "<code>&lt;name&gt;</code>") != NULL,
	    "html escapes code");
	ok(strstr(l->text[LANG_EN].html, "<h2>Sources</h2>") != NULL,
	    "html has the sources");

	/* Quiz. */
	t = &m->text[LANG_EN];
	num_is((long long)t->questionsz, 2, "two questions");
	q = &t->questions[0];
	str_is(q->text, "Which of these is one of the five grounds of "
	    "persecution in the 1951 Convention?", "question text");
	ok(!q->multiple && q->optionsz == 3 && !q->options[0].correct &&
	    q->options[1].correct && !q->options[2].correct,
	    "single choice, 3 options, the second correct");
	str_is(q->options[1].text, "Membership of a particular social group",
	    "option text without '- [x] '");
	str_is(q->explanation, "<p>The five grounds of Art. 1A(2) are race, "
	    "religion, nationality, membership of a particular\nsocial group "
	    "and political opinion.</p>", "explanation rendered");
	q = &t->questions[1];
	ok(q->multiple && q->optionsz == 3 && q->options[0].correct &&
	    q->options[1].correct && !q->options[2].correct,
	    "kind: multiple, two correct");
	str_is(q->explanation, "<p>Art. 33 of the 1951 Convention and Art. 3 "
	    "of the Convention against Torture both prohibit return.</p>\n\n"
	    "<p>See <a href=\"../non-refoulement/01-the-principle\">the "
	    "principle</a>.</p>", "explanation of two paragraphs with a link");
	q = &m->text[LANG_ES].questions[1];
	ok(q->options[0].correct, "'[X]' counts as correct");
	str_is(n->text[LANG_ES].questions[0].explanation, "<p>Se aplica "
	    "<em>dondequiera</em> que el Estado ejerza jurisdicci\xc3\xb3n."
	    "</p>", "es explanation");

	/* Look-ups. */
	ok(catalog_find_module(c, "non-refoulement") == n,
	    "catalog_find_module finds a module");
	ok(catalog_find_module(c, "nope") == NULL,
	    "catalog_find_module: unknown id");
	ok(module_find_lesson(m, "02-cartagena") == &m->lessons[1],
	    "module_find_lesson");
	ok(module_find_lesson(m, "03-x") == NULL &&
	    module_find_lesson(m, "") == NULL,
	    "module_find_lesson: unknown slug");
	ok(module_lesson_index(m, "01-the-1951-definition") == 0 &&
	    module_lesson_index(m, "02-cartagena") == 1 &&
	    module_lesson_index(m, "00-a") == -1, "module_lesson_index");

	catalog_free(c);
	catalog_free(NULL);
	reports_free(&r);

	dir = xasprintf("%s/good", fixtures);
	num_is((long long)catalog_check(dir, collect, &r), 0,
	    "catalog_check finds nothing in good");
	free(dir);
}

static void
test_module_load(void)
{
	struct reports	 r = { NULL, 0 };
	struct module	*m;
	char		*dir;
	size_t		 problems = 99;

	dir = xasprintf("%s/good", fixtures);
	m = module_load(dir, "non-refoulement", collect, &r, &problems);
	ok(m != NULL && problems == 0 && r.n == 0, "module_load good");
	if (m != NULL) {
		num_is((long long)m->lessonsz, 1, "module_load: one lesson");
		ok(m->lessons[0].text[LANG_ES].html != NULL &&
		    strstr(m->lessons[0].text[LANG_ES].html, "<h2>Fuentes</h2>")
		    != NULL, "module_load renders the lessons");
	}
	module_free(m);
	module_free(NULL);

	m = module_load(dir, "../good", collect, &r, &problems);
	ok(m == NULL && problems == 1, "module_load refuses '../good'");
	m = module_load(dir, "-x", collect, &r, &problems);
	ok(m == NULL && problems == 1, "module_load refuses '-x'");
	free(dir);
	reports_free(&r);

	dir = xasprintf("%s/bad-quiz", fixtures);
	m = module_load(dir, "per-question", collect, &r, &problems);
	ok(m == NULL && problems == 6 && r.n == 6,
	    "module_load of a broken module: NULL and 6 problems");
	free(dir);
	dir = xasprintf("%s/bad-quiz/per-question/quiz.es.md:6: question 2 "
	    "has 2 correct options but is single-choice (add 'kind: "
	    "multiple')", fixtures);
	ok(reports_has(&r, dir), "module_load reports the problems");
	free(dir);
	reports_free(&r);
}

/* Each broken fixture: no catalog, and some of its exact problems. */
static void
test_bad(void)
{
	static const struct {
		const char	*fixture;
		size_t		 count;
		const char	*some[4];	/* after "FIXTURES/" */
	} cases[] = {
		{ "bad-metadata", 19, {
		    "bad-metadata/first-contact/meta.es.txt:3: unknown key "
		    "'objetive'",
		    "bad-metadata/first-contact/module.txt: missing key "
		    "'passing-score'",
		    "bad-metadata/bad-values/module.txt:2: bad value for "
		    "minutes: '0' (1 to 600)",
		    "bad-metadata/first-contact/meta.en.txt: missing" } },
		{ "bad-lessons", 26, {
		    "bad-lessons/first-contact/02-rejection.es.md: missing "
		    "(lesson exists in en)",
		    "bad-lessons/first-contact/01-first-minutes.en.md:3: raw "
		    "HTML is not allowed: <b>",
		    "bad-lessons/first-contact/01-first-minutes.en.md:14: "
		    "broken link: 07-nowhere is not a lesson",
		    "bad-lessons/first-contact/01-first-minutes.en.md:17: "
		    "image not found: images/map.png" } },
		{ "bad-quiz", 22, {
		    "bad-quiz/cross-language/quiz.es.md:13: question 3 has 2 "
		    "options, quiz.en.md has 3",
		    "bad-quiz/cross-language/quiz.es.md: has 3 questions, "
		    "quiz.en.md has 4",
		    "bad-quiz/per-question/quiz.en.md:1: question 1 has no "
		    "correct option",
		    "bad-quiz/empty-quiz/quiz.es.md: quiz has no questions" } },
		{ "bad-files", 20, {
		    "bad-files/first-contact/x.fr.md: unsupported language "
		    "'fr' (en, es)",
		    "bad-files/first-contact/02-utf.en.md:4: invalid UTF-8",
		    "bad-files/first-contact/1-x.en.md: file name does not "
		    "match NN-slug.LANG.md, quiz.LANG.md, meta.LANG.txt or "
		    "module.txt",
		    "bad-files/no-meta/quiz.en.md: missing" } },
		{ "bad-ids", 4, {
		    "bad-ids/beta/module.txt:4: order 1 is also used by alpha",
		    "bad-ids/Bad_Module: module id must use only a-z, 0-9 and "
		    "'-'", NULL, NULL } },
	};
	struct reports	 r = { NULL, 0 };
	struct catalog	*c;
	char		*dir, *want;
	size_t		 i, j, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dir = xasprintf("%s/%s", fixtures, cases[i].fixture);
		c = catalog_load(dir, collect, &r);
		ok(c == NULL, "%s: no catalog", cases[i].fixture);
		catalog_free(c);
		if (!num_is((long long)r.n, (long long)cases[i].count,
		    cases[i].fixture))
			reports_dump(&r);
		for (j = 0; j < 4 && cases[i].some[j] != NULL; j++) {
			want = xasprintf("%s/%s", fixtures, cases[i].some[j]);
			if (!ok(reports_has(&r, want), "reported: %s", want))
				reports_dump(&r);
			free(want);
		}
		reports_free(&r);
		n = catalog_check(dir, collect, &r);
		ok(n == cases[i].count && r.n == n,
		    "%s: catalog_check counts %zu", cases[i].fixture, n);
		reports_free(&r);
		free(dir);
	}

	c = catalog_load("/nonexistent/content", collect, &r);
	ok(c == NULL && r.n == 1 && strcmp(r.v[0], "/nonexistent/content: "
	    "cannot open: No such file or directory") == 0,
	    "a missing folder is reported");
	reports_free(&r);
}

/* Versions follow the bytes of the files, and only them. */
/*
 * A lesson missing in one language: an error for the checker, a warning
 * when serving, which loads the module without that translation.
 */
static void
test_missing_translation(void)
{
	struct reports	 r = { NULL, 0 };
	struct catalog	*c;
	const struct module *m;
	const struct lesson *l;
	char		*tmp, *cmd, *good;
	size_t		 n;

	tmp = scratch_dir();
	cmd = xasprintf("cp -R '%s/good' '%s/' && rm '%s/good/refugee-definition/"
	    "02-cartagena.es.md'", fixtures, tmp, tmp);
	run(cmd);
	free(cmd);
	good = xasprintf("%s/good", tmp);
	n = catalog_check(good, collect, &r);
	ok(n == 1, "checker: a missing translation is a problem (%zu)", n);
	reports_free(&r);
	c = catalog_load(good, collect, &r);
	ok(c != NULL, "serving: the module still loads");
	ok(r.n == 1, "serving: the missing translation is reported");
	m = c != NULL ? catalog_find_module(c, "refugee-definition") : NULL;
	l = m != NULL ? module_find_lesson(m, "02-cartagena") : NULL;
	ok(l != NULL && l->text[LANG_EN].present && !l->text[LANG_ES].present,
	    "serving: the lesson is there in English only");
	catalog_free(c);
	reports_free(&r);
	cmd = xasprintf("rm -rf '%s'", tmp);
	run(cmd);
	free(cmd);
	free(good);
	free(tmp);
}

static void
test_versions(void)
{
	struct reports	 r = { NULL, 0 };
	struct catalog	*c;
	char		*tmp, *cmd, *good, *img, *mod, *buf, *v1m, *v1n, *v1c;
	size_t		 len;

	tmp = scratch_dir();
	cmd = xasprintf("cp -R '%s/good' '%s/'", fixtures, tmp);
	run(cmd);
	free(cmd);
	good = xasprintf("%s/good", tmp);
	img = xasprintf("%s/refugee-definition/images/border-post.png", good);
	mod = xasprintf("%s/refugee-definition/module.txt", good);

	if ((c = catalog_load(good, collect, &r)) == NULL) {
		ok(0, "scratch copy loads");
		reports_dump(&r);
		goto out;
	}
	v1m = xstrdup(c->modules[0].version);
	v1n = xstrdup(c->modules[1].version);
	v1c = xstrdup(c->version);
	catalog_free(c);

	c = catalog_load(good, collect, &r);
	ok(c != NULL && strcmp(c->modules[0].version, v1m) == 0 &&
	    strcmp(c->version, v1c) == 0, "same files, same versions");
	catalog_free(c);

	/* One byte of an image. */
	buf = read_file(img, &len);
	buf[len / 2] ^= 1;
	write_file(img, buf, len);
	c = catalog_load(good, collect, &r);
	ok(c != NULL && strcmp(c->modules[0].version, v1m) != 0 &&
	    strncmp(c->modules[0].version, "2026.1+", 7) == 0,
	    "one byte of an image changes the module version");
	ok(c != NULL && strcmp(c->modules[1].version, v1n) == 0,
	    "the other module keeps its version");
	ok(c != NULL && strcmp(c->version, v1c) != 0,
	    "the catalog version changes");
	catalog_free(c);
	buf[len / 2] ^= 1;
	write_file(img, buf, len);
	free(buf);
	c = catalog_load(good, collect, &r);
	ok(c != NULL && strcmp(c->modules[0].version, v1m) == 0 &&
	    strcmp(c->version, v1c) == 0,
	    "the byte restored, the version is back");
	catalog_free(c);

	/* A new mtime and a dot file change nothing. */
	cmd = xasprintf("touch '%s' && echo x > '%s/refugee-definition/"
	    ".DS_Store'", img, good);
	run(cmd);
	free(cmd);
	c = catalog_load(good, collect, &r);
	ok(c != NULL && strcmp(c->modules[0].version, v1m) == 0,
	    "mtime and dot files do not change the version");
	catalog_free(c);

	/* The label. */
	buf = read_file(mod, &len);
	cmd = xstrdup("version: 2026.2\nminutes: 45\npassing-score: 80\n"
	    "order: 1\n");
	write_file(mod, cmd, strlen(cmd));
	free(cmd);
	c = catalog_load(good, collect, &r);
	ok(c != NULL && strncmp(c->modules[0].version, "2026.2+", 7) == 0 &&
	    strcmp(c->modules[0].version + 7, v1m + 7) != 0,
	    "a new label gives a new label and hash");
	catalog_free(c);
	write_file(mod, buf, len);
	free(buf);

	/* One byte of a quiz. */
	cmd = xasprintf("sed -i 's/Poverty/Povert/' '%s/refugee-definition/"
	    "quiz.en.md'", good);
	run(cmd);
	free(cmd);
	c = catalog_load(good, collect, &r);
	ok(c != NULL && strcmp(c->modules[0].version, v1m) != 0 &&
	    strcmp(c->modules[0].text[LANG_EN].questions[0].options[0].text,
	    "Povert") == 0, "a changed option text changes the version");
	catalog_free(c);

	/* File size limit: 1 MB is fine, one byte more is not. */
	{
		char		*big, *path;
		size_t		 max = 1024 * 1024, i;
		const char	*head = "# Big\n\n", *tail = "\n\n## Sources"
				    "\n\n- S.\n";

		big = xmalloc(max + 2);
		memcpy(big, head, strlen(head));
		for (i = strlen(head); i < max - strlen(tail); i++)
			big[i] = i % 80 == 79 ? '\n' : i % 6 == 5 ? ' ' : 'w';
		memcpy(big + i, tail, strlen(tail));
		path = xasprintf("%s/non-refoulement/01-the-principle.en.md",
		    good);
		write_file(path, big, max);
		reports_free(&r);
		c = catalog_load(good, collect, &r);
		ok(c != NULL && c->modules[1].lessons[0].text[LANG_EN].words >
		    100000, "a lesson of exactly 1 MB loads");
		catalog_free(c);
		memmove(big + 1, big, max);
		big[0] = '#';
		write_file(path, big, max + 1);
		reports_free(&r);
		c = catalog_load(good, collect, &r);
		free(path);
		path = xasprintf("%s/non-refoulement/01-the-principle.en.md: "
		    "file is larger than 1 MB", good);
		ok(c == NULL && r.n == 1 && strcmp(r.v[0], path) == 0,
		    "a lesson of 1 MB + 1 byte is refused");
		if (r.n != 1)
			reports_dump(&r);
		catalog_free(c);
		free(path);
		free(big);
	}
	free(v1m);
	free(v1n);
	free(v1c);
out:
	reports_free(&r);
	cmd = xasprintf("rm -rf '%s'", tmp);
	run(cmd);
	free(cmd);
	free(good);
	free(img);
	free(mod);
	free(tmp);
}

/* An empty folder has no modules, which is a problem. */
static void
test_empty(void)
{
	struct reports	 r = { NULL, 0 };
	char		*tmp, *cmd, *want;

	tmp = scratch_dir();
	ok(catalog_load(tmp, collect, &r) == NULL && r.n == 1,
	    "an empty folder gives no catalog");
	want = xasprintf("%s: no modules", tmp);
	ok(r.n == 1 && strcmp(r.v[0], want) == 0, "... and says why");
	free(want);
	reports_free(&r);
	cmd = xasprintf("rm -rf '%s'", tmp);
	run(cmd);
	free(cmd);
	free(tmp);
}

/* 200 modules of 5 lessons in two languages load in well under 1 s. */
static void
test_speed(void)
{
	struct reports	 r = { NULL, 0 };
	struct catalog	*c;
	struct timeval	 t0, t1;
	char		*tmp, *dir, *path, *text, para[1024];
	size_t		 i, j, k;
	double		 secs;
	int		 l;
	static const char *const langs[] = { "en", "es" };
	static const char *const srcs[] = { "## Sources", "## Fuentes" };

	tmp = scratch_dir();
	snprintf(para, sizeof(para), "%s", "The principle of non-refoulement "
	    "applies *wherever* a State exercises jurisdiction, including at "
	    "the border; see [the next lesson](02-lesson) and "
	    "<https://www.unhcr.org/>. An officer who meets a person who "
	    "may need protection refers the case and writes `<name>` as "
	    "given, not as guessed.\n\n");
	for (i = 0; i < 200; i++) {
		dir = xasprintf("%s/module-%03zu", tmp, i);
		mkdir(dir, 0755);
		path = xasprintf("%s/images", dir);
		mkdir(path, 0755);
		free(path);
		path = xasprintf("%s/images/map.png", dir);
		write_file(path, "\x89PNG not really", 15);
		free(path);
		path = xasprintf("%s/module.txt", dir);
		text = xasprintf("version: 1.%zu\nminutes: 30\n"
		    "passing-score: 80\norder: %zu\n", i, i + 1);
		write_file(path, text, strlen(text));
		free(text);
		free(path);
		for (l = 0; l < 2; l++) {
			path = xasprintf("%s/meta.%s.txt", dir, langs[l]);
			text = xasprintf("title: Module %zu\nsummary: A module "
			    "of the speed test,\n  with a continuation.\n"
			    "objective: Load fast.\nsource: None.\n", i);
			write_file(path, text, strlen(text));
			free(text);
			free(path);
			path = xasprintf("%s/quiz.%s.md", dir, langs[l]);
			text = xstrdup("");
			for (k = 0; k < 5; k++) {
				char *t2 = xasprintf("%s## Question %zu?\n"
				    "- [ ] No\n- [x] Yes\n- [ ] Maybe\n"
				    "> Because *yes*.\n\n", text, k);
				free(text);
				text = t2;
			}
			write_file(path, text, strlen(text));
			free(text);
			free(path);
			for (j = 1; j <= 5; j++) {
				path = xasprintf("%s/%02zu-lesson.%s.md", dir,
				    j, langs[l]);
				text = xasprintf("# Lesson %zu\n\n%s%s%s%s"
				    "![Map](images/map.png)\n\n%s\n\n- A "
				    "source.\n", j, para, para, para, para,
				    srcs[l]);
				write_file(path, text, strlen(text));
				free(text);
				free(path);
			}
		}
		free(dir);
	}
	gettimeofday(&t0, NULL);
	c = catalog_load(tmp, collect, &r);
	gettimeofday(&t1, NULL);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_usec - t0.tv_usec) / 1e6;
	ok(c != NULL && c->modulesz == 200 && r.n == 0,
	    "200 synthetic modules load");
	if (c == NULL)
		reports_dump(&r);
	/* Measured, not asserted: `make bench` is where speed is judged. */
	printf("# 200 modules, 2000 lessons: %.3f s\n", secs);
	gettimeofday(&t0, NULL);
	catalog_free(c);
	gettimeofday(&t1, NULL);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_usec - t0.tv_usec) / 1e6;
	printf("# catalog_free: %.6f s\n", secs);
	reports_free(&r);
	path = xasprintf("rm -rf '%s'", tmp);
	run(path);
	free(path);
	free(tmp);
}

int
main(int argc, char *argv[])
{
	if (argc > 1)
		fixtures = argv[1];
	if (sodium_init() < 0) {
		printf("Bail out! sodium_init\n");
		return 1;
	}
	test_lang();
	test_good();
	test_module_load();
	test_bad();
	test_missing_translation();
	test_versions();
	test_empty();
	test_speed();
	printf("1..%d\n", tap_n);
	return tap_failed == 0 ? 0 : 1;
}
