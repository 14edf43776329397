/*
 * Unit tests of cgi-bin/lib: validators, UTF-8, quiz layouts and scoring,
 * configuration, certificate codes.  Prints TAP; exits 0 when all pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "rcm.h"
#include "tap.h"


static int
check(field_valid_fn fn, const char *val)
{
	struct field	 f;
	int		 rc;

	memset(&f, 0, sizeof(f));
	f.val = xstrdup(val);
	f.valsz = strlen(val);
	rc = fn(&f);
	free(f.val);
	return rc;
}

static void
test_utf8(void)
{
	ok(valid_utf8("abc", 3), "ASCII is UTF-8");
	ok(valid_utf8("Solís Peña", strlen("Solís Peña")), "accents");
	ok(valid_utf8("\xe2\x82\xac", 3), "euro sign");
	ok(valid_utf8("\xf0\x9f\x98\x80", 4), "four-byte sequence");
	ok(!valid_utf8("\xc3\x28", 2), "bad continuation byte");
	ok(!valid_utf8("\xc0\xaf", 2), "overlong slash");
	ok(!valid_utf8("\xe0\x80\x80", 3), "overlong NUL");
	ok(!valid_utf8("\xed\xa0\x80", 3), "surrogate");
	ok(!valid_utf8("\xf4\x90\x80\x80", 4), "beyond U+10FFFF");
	ok(!valid_utf8("\xe2\x82", 2), "truncated sequence");
	ok(!valid_utf8("a\0b", 3), "embedded NUL");
}

static void
test_validators(void)
{
	struct field	 f;

	ok(check(valid_email, "ana@example.org"), "e-mail");
	ok(!check(valid_email, "ana@@example.org"), "two @");
	ok(!check(valid_email, "ana example@x.org"), "space in e-mail");
	ok(!check(valid_email, "ana@localhost"), "domain without dot");
	ok(!check(valid_email, "@x.org"), "empty local part");
	memset(&f, 0, sizeof(f));
	f.val = xstrdup("Ana.Solis@Example.ORG");
	f.valsz = strlen(f.val);
	ok(valid_email(&f) && strcmp(f.val, "ana.solis@example.org") == 0,
	    "e-mail lower-cased");
	free(f.val);
	ok(!check(valid_password, "short"), "password under 8 bytes");
	ok(check(valid_password, "contraseña larga"), "password with accent");
	{
		char long_pw[1100];
		memset(long_pw, 'x', sizeof(long_pw) - 1);
		long_pw[sizeof(long_pw) - 1] = '\0';
		ok(!check(valid_password, long_pw), "password over 1024 bytes");
		long_pw[1024] = '\0';
		ok(check(valid_password, long_pw),
		    "1024-byte password is not truncated or refused");
	}
	ok(check(valid_line, "Dirección General de Migración"), "line");
	ok(!check(valid_line, "two\nlines"), "newline in a line");
	ok(!check(valid_line, "bell\a"), "control character");
	ok(check(valid_slug, "first-contact"), "slug");
	ok(!check(valid_slug, "../etc"), "slug with dots");
	ok(!check(valid_slug, "Upper"), "slug with capitals");
	ok(check(valid_answer, "3-1"), "answer");
	ok(!check(valid_answer, "3-"), "answer without option");
	ok(!check(valid_answer, "-1"), "answer without question");
	ok(!check(valid_answer, "3-1-2"), "answer with two dashes");
	ok(check(valid_country, "CR"), "member country");
	ok(!check(valid_country, "HT"), "Haiti is a partner, not a member");
	ok(check(valid_sex, "unspecified"), "prefer not to say");
	ok(!check(valid_sex, "x"), "unknown sex value");
	ok(check(valid_year, "2026"), "year");
	ok(!check(valid_year, "1999"), "year too early");
	ok(!check(valid_year, "20x6"), "year not a number");
	ok(check(valid_token, "ZN00w9k8XKF-VBiSDnX2hgt4aqeK7gLkQIaPnYqCyqE"),
	    "token");
	ok(!check(valid_token, "ZN00w9k8XKF+VBiSDnX2hgt4aqeK7gLkQIaPnYqCyqE"),
	    "token with '+'");
}

/* A quiz of three questions: 3, 2 and 4 options. */
static struct module_text *
quiz_fixture(void)
{
	static struct quiz_option	 o1[3] = { { "a", 0 }, { "b", 1 },
	    { "c", 0 } };
	static struct quiz_option	 o2[2] = { { "yes", 1 }, { "no", 0 } };
	static struct quiz_option	 o3[4] = { { "w", 1 }, { "x", 0 },
	    { "y", 1 }, { "z", 0 } };
	static struct quiz_question	 q[3] = {
		{ "one", 0, o1, 3, "" },
		{ "two", 0, o2, 2, "" },
		{ "three", 1, o3, 4, "" },
	};
	static struct module_text	 t;

	t.present = 1;
	t.questions = q;
	t.questionsz = 3;
	return &t;
}

static void
test_quiz(void)
{
	struct module_text	*t = quiz_fixture();
	struct quiz_layout	 l, back;
	uint32_t		 sel[QUIZ_MAXQ], sel2[QUIZ_MAXQ];
	char			*enc, *ans;
	int			 max, i, differs = 0;

	quiz_shuffle(t, &l);
	ok(l.n == 3, "layout has every question");
	enc = quiz_layout_encode(&l);
	ok(quiz_layout_decode(enc, t, &back), "layout decodes");
	ok(memcmp(&l, &back, sizeof(l)) == 0, "layout round-trips");
	free(enc);
	ok(!quiz_layout_decode("0:0,1,2;1:0,1", t, &back),
	    "layout missing a question is refused");
	ok(!quiz_layout_decode("0:0,1,2;1:0,1;2:0,1,2,2", t, &back),
	    "layout repeating an option is refused");
	ok(!quiz_layout_decode("0:0,1,2;1:0,1;2:0,1,2,9", t, &back),
	    "layout with an unknown option is refused");
	ok(!quiz_layout_decode("0:0,1,2;0:0,1;2:0,1,2,3", t, &back),
	    "layout repeating a question is refused");
	/* Shuffling changes the order at least once in 50 tries. */
	for (i = 0; i < 50 && !differs; i++) {
		quiz_shuffle(t, &l);
		enc = quiz_layout_encode(&l);
		differs = strcmp(enc, "0:0,1,2;1:0,1;2:0,1,2,3") != 0;
		free(enc);
	}
	ok(differs, "shuffle changes the order");

	memset(sel, 0, sizeof(sel));
	sel[0] = 1U << 1;
	sel[1] = 1U << 0;
	sel[2] = (1U << 0) | (1U << 2);
	ok(quiz_score(t, sel, &max) == 3 && max == 3, "all correct: 3 of 3");
	sel[2] = 1U << 0;
	ok(quiz_score(t, sel, &max) == 2,
	    "multiple choice needs the whole correct set");
	sel[2] = (1U << 0) | (1U << 2) | (1U << 3);
	ok(quiz_score(t, sel, &max) == 2,
	    "ticking a wrong option as well is wrong");
	ans = quiz_answers_encode(&l, sel);
	quiz_answers_decode(ans, sel2);
	ok(memcmp(sel, sel2, sizeof(uint32_t) * 3) == 0,
	    "answers round-trip");
	free(ans);
}

static void
test_config(void)
{
	char	 path[] = "/tmp/rcm-conf-XXXXXX";
	FILE	*f;
	int	 fd, rc;

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs("# comment\ndb_name = other\nquiz_attempts_per_day = 7\n"
	    "cookie_secure = no\n", f);
	fclose(f);
	unsetenv("RCM_DB_NAME");
	setenv("RCM_QUIZ_ATTEMPTS_PER_DAY", "9", 1);
	rc = config_load(path);
	ok(rc && strcmp(cfg.db_name, "other") == 0, "config file value");
	ok(cfg.quiz_attempts_per_day == 9, "environment overrides the file");
	ok(cfg.cookie_secure == 0, "boolean");
	ok(cfg.session_idle == 30 * 60, "default idle limit is 30 minutes");
	ok(cfg.session_absolute == 12 * 60 * 60,
	    "default absolute limit is 12 hours");
	unsetenv("RCM_QUIZ_ATTEMPTS_PER_DAY");
	f = fopen(path, "w");
	fputs("db_nmae = typo\n", f);
	fclose(f);
	fprintf(stderr, "# expected warning follows\n");
	ok(!config_load(path), "unknown key is an error");
	f = fopen(path, "w");
	fputs("quiz_attempts_per_day = 0\n", f);
	fclose(f);
	ok(!config_load(path), "out-of-range value is an error");
	unlink(path);
}

static void
test_certificate_code(void)
{
	char	 a[CERT_CODE_LEN + 1], b[CERT_CODE_LEN + 1];

	certificate_code_new(a);
	certificate_code_new(b);
	ok(strlen(a) == CERT_CODE_LEN, "certificate code length");
	ok(strspn(a, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") == CERT_CODE_LEN,
	    "certificate code alphabet (no I, L, O, U)");
	ok(strcmp(a, b) != 0, "two codes differ");
}

static void
test_roster(void)
{
	struct roster	 r;
	const char	*ok_csv = "\xef\xbb\xbf" "email,full_name,agency,sex\r\n"
	    "a@x.org,\"Solís, Ana\",Migración,mujer\r\n"
	    "bad,B,C,male\r\n"
	    "\"c@x.org\",\"two\nlines\",C,\r\n"
	    "d@x.org,D,C,F\r\n";
	const char	*two = "email,colour\n\"x,y\n";

	ok(roster_parse(ok_csv, strlen(ok_csv), "CR", &r) == 0 &&
	    r.rowsz == 4, "roster: four rows after the header");
	ok(r.rowsz == 4 && r.rows[0].line == 2 && r.rows[0].error.key == NULL &&
	    strcmp(r.rows[0].full_name, "Solís, Ana") == 0 &&
	    strcmp(r.rows[0].sex, "female") == 0,
	    "roster: quoted comma, accent, Spanish sex word");
	ok(r.rowsz == 4 && r.rows[1].line == 3 && r.rows[1].error.key != NULL &&
	    strcmp(r.rows[1].error.key, "roster.email-invalid") == 0,
	    "roster: a bad e-mail is an error on its line");
	ok(r.rowsz == 4 && r.rows[2].line == 4 && r.rows[2].error.key != NULL &&
	    strcmp(r.rows[2].error.key, "roster.name-invalid") == 0,
	    "roster: a name over two lines starts on line 4");
	ok(r.rowsz == 4 && r.rows[3].line == 6 && r.rows[3].error.key == NULL,
	    "roster: the next row is on line 6");
	ok(r.errors == 2, "roster: two rows with errors");
	roster_free(&r);
	/* Found by fuzz_roster: two file errors must not leak the first. */
	ok(roster_parse(two, strlen(two), NULL, &r) < 0 &&
	    r.error.key != NULL &&
	    strcmp(r.error.key, "roster.file.unknown-column") == 0 &&
	    strcmp(r.error.p1, "1") == 0 && strcmp(r.error.p2, "colour") == 0,
	    "roster: the first of two file errors is reported");
	roster_free(&r);
	ok(roster_parse("email;full_name;agency\na@x.org;A;B\n", 35, NULL,
	    &r) == 0 && r.rowsz == 1 && r.rows[0].error.key == NULL,
	    "roster: semicolons");
	roster_free(&r);
	ok(roster_parse("email,full_name,agency\n\xe9,A,B\n", 31, NULL,
	    &r) < 0 && strcmp(r.error.key, "roster.file.utf8") == 0 &&
	    strcmp(r.error.p1, "2") == 0,
	    "roster: Latin-1 is refused with its line");
	roster_free(&r);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_utf8();
	test_validators();
	test_quiz();
	test_config();
	test_certificate_code();
	test_roster();
	return tap_done();
}
