/*
 * An officer's progress over the catalog: lessons read, where they stopped,
 * completions; and the rule that turns progress into a completion.
 *
 * A lesson read counts for its slug whatever the version it was read on;
 * the completion records the version of the quiz attempt that passed.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>
#include <sodium.h>

#include "rcm.h"

/* Crockford's base32: no I, L, O, U, so codes survive being read aloud. */
static const char	 b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void
certificate_code_new(char out[CERT_CODE_LEN + 1])
{
	unsigned char	 raw[CERT_CODE_LEN];
	size_t		 i;

	randombytes_buf(raw, sizeof(raw));
	for (i = 0; i < CERT_CODE_LEN; i++)
		out[i] = b32[raw[i] & 31];
	out[CERT_CODE_LEN] = '\0';
}

static struct module_progress *
progress_find(struct progress *p, const char *module)
{
	size_t	 i;

	for (i = 0; i < p->modulesz; i++)
		if (strcmp(p->modules[i].mod->id, module) == 0)
			return &p->modules[i];
	return NULL;
}

void
progress_free(struct progress *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->modulesz; i++) {
		free(p->modules[i].read);
		free(p->modules[i].last_lesson);
		free(p->modules[i].certificate);
	}
	free(p->modules);
	free(p->last_module);
	free(p);
}

/* Loads everything about one user in three queries; NULL on DB error. */
struct progress *
progress_load(int64_t user, const struct catalog *cat)
{
	struct progress		*p;
	struct module_progress	*mp;
	struct db_cursor	*c;
	long			 li;
	size_t			 i;
	int			 rc;

	p = xcalloc(1, sizeof(*p));
	p->modulesz = cat->modulesz;
	p->modules = xcalloc(cat->modulesz, sizeof(*p->modules));
	for (i = 0; i < cat->modulesz; i++) {
		p->modules[i].mod = &cat->modules[i];
		p->modules[i].read = xcalloc(cat->modules[i].lessonsz + 1, 1);
	}
	if ((c = db_open(STMT_READS_BY_USER, "i", user)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1) {
		if ((mp = progress_find(p, db_str(c, 0))) == NULL)
			continue;
		if ((li = module_lesson_index(mp->mod, db_str(c, 1))) < 0 ||
		    mp->read[li])
			continue;
		mp->read[li] = 1;
		mp->nread++;
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	if ((c = db_open(STMT_STARTS_BY_USER, "i", user)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1) {
		if ((mp = progress_find(p, db_str(c, 0))) == NULL)
			continue;
		mp->started = 1;
		mp->last_lesson = xstrdup(db_str(c, 1));
		/* Ordered by last_seen: the first is where they stopped. */
		if (p->last_module == NULL)
			p->last_module = xstrdup(db_str(c, 0));
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	if ((c = db_open(STMT_COMPLETIONS_BY_USER, "i", user)) == NULL)
		goto fail;
	while ((rc = db_fetch(c)) == 1) {
		if ((mp = progress_find(p, db_str(c, 0))) == NULL ||
		    mp->certificate != NULL || db_int(c, 7))
			continue;
		mp->passed = 1;
		mp->certificate = xstrdup(db_str(c, 6));
	}
	db_close(c);
	if (rc < 0)
		goto fail;
	return p;
fail:
	progress_free(p);
	return NULL;
}

const struct module_progress *
progress_module(const struct progress *p, const char *module)
{
	return progress_find((struct progress *)p, module);
}

/* The first lesson not yet read, or NULL when all are read. */
const struct lesson *
progress_next_lesson(const struct module_progress *mp)
{
	size_t	 i;

	for (i = 0; i < mp->mod->lessonsz; i++)
		if (!mp->read[i])
			return &mp->mod->lessons[i];
	return NULL;
}

/*
 * Records a completion when every lesson is read and a quiz attempt has
 * passed.  Returns 1 when the module is complete (now or before), 0 when
 * not yet, -1 on a database error.  Safe to call twice: the completion is
 * unique per user, module and version.
 */
int
progress_complete_if_done(int64_t user, const struct module *mod)
{
	struct progress		*p;
	struct catalog		 one;
	struct db_cursor	*c;
	char			*version = NULL, *lang = NULL;
	char			 code[CERT_CODE_LEN + 1];
	int64_t			 score = 0, attempts = 0, n;
	int			 rc, tries;

	memset(&one, 0, sizeof(one));
	one.modules = (struct module *)mod;
	one.modulesz = 1;
	if ((p = progress_load(user, &one)) == NULL)
		return -1;
	rc = p->modules[0].nread == mod->lessonsz;
	progress_free(p);
	if (!rc)
		return 0;
	if ((c = db_open(STMT_ATTEMPT_PASSED, "is", user, mod->id)) == NULL)
		return -1;
	if ((rc = db_fetch(c)) == 1) {
		version = xstrdup(db_str(c, 0));
		lang = xstrdup(db_str(c, 1));
		score = db_int(c, 2);
	}
	db_close(c);
	if (rc != 1)
		return rc;
	if ((c = db_open(STMT_ATTEMPTS_COUNT, "iss", user, mod->id,
	    version)) == NULL || db_fetch(c) != 1) {
		db_close(c);
		free(version);
		free(lang);
		return -1;
	}
	attempts = db_int(c, 0);
	db_close(c);
	/*
	 * A duplicate is either this completion, recorded already (a retry,
	 * or a parallel request), or a certificate code collision (1 in
	 * 2^100), which only costs another try.
	 */
	for (n = -1, tries = 0; tries < 3 && n < 0; tries++) {
		certificate_code_new(code);
		n = db_exec(STMT_COMPLETION_INSERT, "isssiiiss", user, mod->id,
		    version, lang, score, attempts, user, mod->id, code);
		if (n < 0 && db_error() != DB_E_DUPLICATE)
			break;
		if (n < 0 && (c = db_open(STMT_COMPLETION_FOR_MODULE, "iss",
		    user, mod->id, version)) != NULL) {
			if (db_fetch(c) == 1)
				n = 0;
			db_close(c);
		}
	}
	free(version);
	free(lang);
	return n < 0 ? -1 : 1;
}
