/*
 * Quizzes: the order of questions and options shown in one attempt (the
 * layout, stored with the attempt so the result matches what was shown),
 * the answers given, and scoring.  Both are stored as short strings:
 *
 *	layout	"2:1,0,3;0:2,1,0"	question 2 first, its options 1,0,3 ...
 *	answers	"2:0;0:1,2"		question 2: option 0 ticked ...
 *
 * Indices are those of the quiz as written in content/, so a layout can be
 * checked against the module it claims to belong to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "rcm.h"

static void
shuffle(int *a, size_t n)
{
	size_t	 i, j;
	int	 t;

	for (i = n; i > 1; i--) {
		j = randombytes_uniform((uint32_t)i);
		t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

void
quiz_shuffle(const struct module_text *t, struct quiz_layout *l)
{
	int	 order[QUIZ_MAXQ];
	size_t	 i, k;

	memset(l, 0, sizeof(*l));
	l->n = t->questionsz < QUIZ_MAXQ ? t->questionsz : QUIZ_MAXQ;
	for (i = 0; i < l->n; i++)
		order[i] = (int)i;
	shuffle(order, l->n);
	for (i = 0; i < l->n; i++)
		l->item[i].q = order[i];
	for (i = 0; i < l->n; i++) {
		const struct quiz_question *q = &t->questions[l->item[i].q];

		l->item[i].nopt = q->optionsz < QUIZ_MAXOPT ?
		    (int)q->optionsz : QUIZ_MAXOPT;
		for (k = 0; k < (size_t)l->item[i].nopt; k++)
			l->item[i].opt[k] = (int)k;
		shuffle(l->item[i].opt, (size_t)l->item[i].nopt);
	}
}

char *
quiz_layout_encode(const struct quiz_layout *l)
{
	char	 buf[QUIZ_MAXQ * (QUIZ_MAXOPT * 3 + 5) + 1];
	size_t	 i, k, n = 0;

	buf[0] = '\0';
	for (i = 0; i < l->n; i++) {
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%d:",
		    i ? ";" : "", l->item[i].q);
		for (k = 0; k < (size_t)l->item[i].nopt; k++)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n,
			    "%s%d", k ? "," : "", l->item[i].opt[k]);
	}
	return xstrdup(buf);
}

/*
 * Reads a layout back and checks it against the quiz: every question once,
 * every option of each question once.  Returns 0 when it does not fit
 * (the module changed under an open attempt).
 */
int
quiz_layout_decode(const char *s, const struct module_text *t,
    struct quiz_layout *l)
{
	char		*end;
	long		 v;
	uint64_t	 seenq = 0;
	uint32_t	 seeno;
	int		 k;

	memset(l, 0, sizeof(*l));
	while (*s != '\0') {
		if (l->n == QUIZ_MAXQ)
			return 0;
		v = strtol(s, &end, 10);
		if (end == s || *end != ':' || v < 0 ||
		    (size_t)v >= t->questionsz || (seenq & (1ULL << v)))
			return 0;
		seenq |= 1ULL << v;
		l->item[l->n].q = (int)v;
		s = end + 1;
		seeno = 0;
		for (k = 0; *s != '\0' && *s != ';'; k++) {
			if (k == QUIZ_MAXOPT)
				return 0;
			v = strtol(s, &end, 10);
			if (end == s || v < 0 || (size_t)v >=
			    t->questions[l->item[l->n].q].optionsz ||
			    (seeno & (1U << v)))
				return 0;
			seeno |= 1U << v;
			l->item[l->n].opt[k] = (int)v;
			s = *end == ',' ? end + 1 : end;
		}
		if ((size_t)k != t->questions[l->item[l->n].q].optionsz)
			return 0;
		l->item[l->n].nopt = k;
		l->n++;
		if (*s == ';')
			s++;
	}
	return l->n == t->questionsz;
}

/* The correct options of question q as a bit set. */
static uint32_t
quiz_key(const struct quiz_question *q)
{
	uint32_t	 m = 0;
	size_t		 k;

	for (k = 0; k < q->optionsz && k < QUIZ_MAXOPT; k++)
		if (q->options[k].correct)
			m |= 1U << k;
	return m;
}

/*
 * One point per question whose ticked set equals the correct set.
 * selected[] is indexed by question number as written.
 */
int
quiz_score(const struct module_text *t, const uint32_t *selected, int *max)
{
	size_t	 i;
	int	 score = 0;

	for (i = 0; i < t->questionsz && i < QUIZ_MAXQ; i++)
		if (selected[i] == quiz_key(&t->questions[i]))
			score++;
	*max = (int)(t->questionsz < QUIZ_MAXQ ? t->questionsz : QUIZ_MAXQ);
	return score;
}

int
quiz_is_correct(const struct quiz_question *q, uint32_t selected)
{
	return selected == quiz_key(q);
}

char *
quiz_answers_encode(const struct quiz_layout *l, const uint32_t *selected)
{
	char	 buf[QUIZ_MAXQ * (QUIZ_MAXOPT * 3 + 5) + 1];
	size_t	 i, n = 0;
	int	 k, first;

	buf[0] = '\0';
	for (i = 0; i < l->n; i++) {
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%d:",
		    i ? ";" : "", l->item[i].q);
		first = 1;
		for (k = 0; k < QUIZ_MAXOPT; k++)
			if (selected[l->item[i].q] & (1U << k)) {
				n += (size_t)snprintf(buf + n, sizeof(buf) - n,
				    "%s%d", first ? "" : ",", k);
				first = 0;
			}
	}
	return xstrdup(buf);
}

void
quiz_answers_decode(const char *s, uint32_t *selected)
{
	char	*end;
	long	 q, o;

	memset(selected, 0, sizeof(uint32_t) * QUIZ_MAXQ);
	while (*s != '\0') {
		q = strtol(s, &end, 10);
		if (end == s || *end != ':' || q < 0 || q >= QUIZ_MAXQ)
			return;
		s = end + 1;
		while (*s != '\0' && *s != ';') {
			o = strtol(s, &end, 10);
			if (end == s)
				return;
			if (o >= 0 && o < QUIZ_MAXOPT)
				selected[q] |= 1U << o;
			s = *end == ',' ? end + 1 : end;
		}
		if (*s == ';')
			s++;
	}
}
