/*
 * The content catalog: every module under content/, parsed, checked and
 * rendered once, then kept immutable.  A new catalog is built and swapped
 * in on reload; the old one is freed only after the swap succeeded.
 *
 * The format is documented in content/README.md.
 */
#ifndef CATALOG_H
#define CATALOG_H

#include <stddef.h>
#include <stdio.h>

enum lang {
	LANG_EN,
	LANG_ES,
	LANG__MAX
};

/* "en", "es"; LANG__MAX for anything else. */
enum lang	 lang_from_code(const char *);
const char	*lang_code(enum lang);

struct quiz_option {
	char		*text;		/* plain text, unescaped */
	int		 correct;
};

struct quiz_question {
	char			*text;		/* plain text, unescaped */
	int			 multiple;	/* kind: multiple */
	struct quiz_option	*options;
	size_t			 optionsz;
	char			*explanation;	/* safe XHTML fragment */
};

struct lesson_text {
	int		 present;	/* file exists in this language */
	char		*title;		/* plain text of the '# ' heading */
	char		*html;		/* safe XHTML fragment, see below */
	size_t		 words;		/* for reading-time estimates */
};

struct lesson {
	char			*slug;		/* "01-the-1951-definition" */
	struct lesson_text	 text[LANG__MAX];
};

struct module_text {
	int		 present;	/* meta.LANG.txt exists */
	char		*title;
	char		*summary;
	char		**objectives;
	size_t		 objectivesz;
	char		**sources;
	size_t		 sourcesz;
	struct quiz_question *questions;
	size_t		 questionsz;
};

/* Private: the memory of one module, freed in one go. */
struct catalog_arena;

struct module {
	struct catalog_arena *arena;	/* owns every string and array */
	char		*id;		/* folder name */
	char		*label;		/* version: from module.txt */
	char		*version;	/* "LABEL+12 hex of sha256 of files" */
	int		 minutes;
	int		 passing_score;	/* percent */
	int		 order;
	struct module_text text[LANG__MAX];
	struct lesson	*lessons;	/* sorted by slug (NN- prefix) */
	size_t		 lessonsz;
};

struct catalog {
	char		*dir;		/* content directory it was read from */
	char		*version;	/* 12 hex: hash of all module versions */
	struct module	*modules;	/* sorted by order, then id */
	size_t		 modulesz;
};

/*
 * Every problem found while checking content is reported through this
 * callback as (path, line or 0, message).  The checker prints them as
 * "path:line: message"; the programs log them.
 */
typedef void	(*catalog_report_fn)(void *arg, const char *path,
			size_t line, const char *msg);

/*
 * Reads every module under dir.  Returns NULL and reports the reasons
 * when any module has an error; a catalog is all-or-nothing.
 */
struct catalog	*catalog_load(const char *dir, catalog_report_fn, void *arg);

/* Checks without keeping anything; returns the number of problems. */
size_t		 catalog_check(const char *dir, catalog_report_fn, void *arg);

/* Checks and loads a single module folder (author preview). */
struct module	*module_load(const char *dir, const char *id,
			catalog_report_fn, void *arg, size_t *problems);
void		 module_free(struct module *);

void		 catalog_free(struct catalog *);

const struct module *catalog_find_module(const struct catalog *, const char *id);
const struct lesson *module_find_lesson(const struct module *, const char *slug);
/* Index of the lesson in module->lessons, or -1. */
long		 module_lesson_index(const struct module *, const char *slug);

/*
 * Renders trusted-format markdown to a safe XHTML fragment: Discount with
 * MKD_NOHTML|MKD_SAFELINK|MKD_NO_EXT|MKD_NOPANTS|MKD_NOSTYLE|MKD_NOHEADER,
 * then an allow-list pass over the result (elements, attributes, link
 * schemes, image sources inside images/).  The result is well-formed XML
 * wrapped in nothing: parse it inside a <div> to get nodes.  Caller frees.
 * Text nested too deeply (see markdown_too_deep) gives "".
 */
char		*markdown_to_xhtml(const char *text, size_t len);

/*
 * The allow-list pass alone: parses an HTML fragment with the libxml2
 * HTML parser and returns what the allow-list keeps, as above.  Caller
 * frees.  Exposed for the tests and the fuzz harness.
 */
char		*html_sanitize(const char *html, size_t len);

/*
 * The link rules shared by the sanitizer and the checker, on a URL
 * already decoded and cleaned:
 * ^(\.\./[a-z0-9-]+/)?[0-9]{2}-[a-z0-9-]+(#[A-Za-z0-9_-]+)?$ and
 * ^images/[A-Za-z0-9._-]+$ without "..".
 */
int		 markdown_is_lesson_link(const char *);
int		 markdown_is_image_path(const char *);

/*
 * Line (1-based) of the first line nesting blockquotes, lists or
 * indentation deeper than 64 levels, or 0.  Discount would run out of
 * stack on such text, so markdown_to_xhtml renders it as "" and the
 * checker reports it.
 */
size_t		 markdown_too_deep(const char *, size_t);

/* Sets up Discount, libxml2 and libsodium once; called by the above. */
void		 markdown_setup(void);

#endif /* !CATALOG_H */
