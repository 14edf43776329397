/*
 * The content catalog: reads every module folder under content/, checks
 * it against the format of content/README.md, renders its markdown and
 * keeps the result immutable.
 *
 * Memory: every string and array of a module lives in the module's
 * arena, a list of large chunks, so that a module (and a catalog) is
 * freed with a handful of free(3) calls however many lessons it has.
 *
 * Problems are collected while reading and reported, sorted by module,
 * file and line, once the whole content folder has been read.  A
 * catalog with any problem is not returned: it is all-or-nothing.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "rcm.h"

#define TEXT_MAX	(1024 * 1024)		/* bytes in a text file */
#define IMAGE_MAX	(8 * 1024 * 1024)	/* bytes in an image */
#define ID_MAX		64			/* bytes in a module id */
#define LABEL_MAX	32			/* bytes in a version label */
#define HASH_HEX	12			/* hex digits kept of a hash */
#define ARENA_CHUNK	(64 * 1024)

static const char *const lang_codes[LANG__MAX] = { "en", "es" };

/* The heading that opens the sources of a lesson, per language. */
static const char *const sources_heading[LANG__MAX] = {
	"## Sources", "## Fuentes"
};

static const char *const image_exts[] = {
	"png", "jpg", "jpeg", "gif", "svg", "webp", NULL
};

/* Arena. */

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 size;
	size_t			 used;
	max_align_t		 data[];
};

struct catalog_arena {
	struct arena_chunk	*chunks;
};

static struct catalog_arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct catalog_arena));
}

static void
arena_free(struct catalog_arena *a)
{
	struct arena_chunk	*c, *next;

	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* Returns sz bytes, zeroed, aligned for any type. */
static void *
arena_alloc(struct catalog_arena *a, size_t sz)
{
	struct arena_chunk	*c;
	size_t			 al = alignof(max_align_t), csz;
	void			*p;

	if (sz > SIZE_MAX / 2)
		errx(1, "arena_alloc: overflow");
	sz = (sz + al - 1) & ~(al - 1);
	c = a->chunks;
	if (c == NULL || c->size - c->used < sz) {
		csz = sz > ARENA_CHUNK / 4 ? sz : ARENA_CHUNK;
		c = xmalloc(sizeof(*c) + csz);
		c->size = csz;
		c->used = 0;
		/*
		 * A large block gets a chunk of its own behind the current
		 * one, whose free space stays in use.
		 */
		if (csz != ARENA_CHUNK && a->chunks != NULL) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += sz;
	memset(p, 0, sz);
	return p;
}

static void *
arena_array(struct catalog_arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / 2 / sz)
		errx(1, "arena_array: overflow");
	return arena_alloc(a, n * sz);
}

static char *
arena_strndup(struct catalog_arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *
arena_strdup(struct catalog_arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Moves a malloc'd string into the arena and frees it. */
static char *
arena_take(struct catalog_arena *a, char *s)
{
	char	*p;

	p = arena_strdup(a, s);
	free(s);
	return p;
}

/* Languages. */

enum lang
lang_from_code(const char *code)
{
	enum lang	 l;

	if (code == NULL)
		return LANG__MAX;
	for (l = 0; l < LANG__MAX; l++)
		if (strcmp(code, lang_codes[l]) == 0)
			return l;
	return LANG__MAX;
}

const char *
lang_code(enum lang l)
{
	return (unsigned int)l < LANG__MAX ? lang_codes[l] : NULL;
}

/* Problems. */

struct report {
	char	*module;	/* "" for the content folder itself */
	char	*file;		/* "" for the module folder */
	size_t	 line;
	size_t	 seq;		/* keeps the order of equal keys */
	char	*msg;
};

/* State of one read of a content folder. */
struct loader {
	char			*dir;	/* without trailing slash */
	struct report		*reports;
	size_t			 reportsz;
	size_t			 reportmax;
	size_t			 errors;  /* reports that are not warnings */
	int			 render; /* no problem yet: render */
	/*
	 * Serving: a translation missing in one language is a warning and
	 * the module is served with the other language (the page says so).
	 * The checker and the preview are strict: it is an error there.
	 */
	int			 lenient;
};

static void
loader_vreport(struct loader *ld, int warning, const char *module,
    const char *file, size_t line, const char *fmt, va_list ap)
{
	struct report	*r;
	char		*msg;

	if (ld->reportsz == ld->reportmax) {
		ld->reportmax = ld->reportmax == 0 ? 16 : ld->reportmax * 2;
		ld->reports = xreallocarray(ld->reports, ld->reportmax,
		    sizeof(*ld->reports));
	}
	r = &ld->reports[ld->reportsz];
	r->module = xstrdup(module);
	r->file = xstrdup(file);
	r->line = line;
	r->seq = ld->reportsz++;
	if (vasprintf(&msg, fmt, ap) < 0)
		err(1, "vasprintf");
	if (warning) {
		r->msg = xasprintf("warning: %s", msg);
		free(msg);
		return;
	}
	r->msg = msg;
	ld->errors++;
	ld->render = 0;
}

static void
loader_report(struct loader *ld, const char *module, const char *file,
    size_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
loader_report(struct loader *ld, const char *module, const char *file,
    size_t line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	loader_vreport(ld, 0, module, file, line, fmt, ap);
	va_end(ap);
}

/* qsort(3), which must not be given a NULL array even when empty. */
static void
sort_array(void *base, size_t n, size_t sz,
    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, sz, cmp);
}

static int
report_cmp(const void *a, const void *b)
{
	const struct report	*ra = a, *rb = b;
	int			 c;

	if ((c = strcmp(ra->module, rb->module)) != 0)
		return c;
	if ((c = strcmp(ra->file, rb->file)) != 0)
		return c;
	if (ra->line != rb->line)
		return ra->line < rb->line ? -1 : 1;
	return ra->seq < rb->seq ? -1 : ra->seq > rb->seq;
}

/*
 * Sorts the problems, hands each to the callback and frees them.
 * Returns how many there were.
 */
static size_t
loader_finish(struct loader *ld, catalog_report_fn fn, void *arg)
{
	struct report	*r;
	char		*path;
	size_t		 i, n;

	sort_array(ld->reports, ld->reportsz, sizeof(*ld->reports), report_cmp);
	for (i = 0; i < ld->reportsz; i++) {
		r = &ld->reports[i];
		if (*r->module == '\0')
			path = xstrdup(ld->dir);
		else if (*r->file == '\0')
			path = xasprintf("%s/%s", ld->dir, r->module);
		else
			path = xasprintf("%s/%s/%s", ld->dir, r->module,
			    r->file);
		if (fn != NULL)
			fn(arg, path, r->line, r->msg);
		free(path);
		free(r->module);
		free(r->file);
		free(r->msg);
	}
	n = ld->reportsz;
	free(ld->reports);
	free(ld->dir);
	return n;
}

static void
loader_init(struct loader *ld, const char *dir)
{
	size_t	 n;

	memset(ld, 0, sizeof(*ld));
	n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	ld->dir = xstrndup(dir, n);
	ld->render = 1;
	markdown_setup();
}

/* Files of a module. */

enum file_kind {
	FILE_MODULE,	/* module.txt */
	FILE_META,	/* meta.LANG.txt */
	FILE_QUIZ,	/* quiz.LANG.md */
	FILE_LESSON,	/* NN-slug.LANG.md */
	FILE_IMAGE,	/* images/NAME */
	FILE_BAD	/* reported, hashed, not read further */
};

struct line {
	const char	*s;
	size_t		 len;
};

struct mfile {
	char		*name;		/* relative to the module folder */
	enum file_kind	 kind;
	enum lang	 lang;
	char		*slug;		/* lessons: "01-x" */
	char		*text;		/* text files: contents */
	size_t		 len;
	int		 ok;		/* read and valid: parse it */
	struct line	*lines;
	size_t		 linesz;
	size_t		 bodyoff;	/* lessons: where the body starts */
};

/* Per language: what the quiz parser keeps for the comparisons. */
struct quizinfo {
	int		 ok;		/* parsed: compare it */
	size_t		*qlines;	/* line of each question heading */
};

/* State of the read of one module. */
struct mloader {
	struct loader	*ld;
	const char	*id;
	char		*path;		/* dir/id */
	size_t		 problems;
	struct mfile	*files;
	size_t		 filesz;
	char		**images;	/* names in images/, sorted */
	size_t		 imagesz;
	char		**slugs;	/* lesson slugs, sorted, unique */
	size_t		 slugsz;
	struct module	*m;
	size_t		 order_line;
	struct quizinfo	 quiz[LANG__MAX];
};

static void
mreport(struct mloader *ml, const char *file, size_t line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
mreport(struct mloader *ml, const char *file, size_t line,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	loader_vreport(ml->ld, 0, ml->id, file == NULL ? "" : file, line,
	    fmt, ap);
	va_end(ap);
	ml->problems++;
}

/* A missing translation: an error, or a warning when serving. */
static void
mreport_translation(struct mloader *ml, const char *file, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

static void
mreport_translation(struct mloader *ml, const char *file, const char *fmt,
    ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	loader_vreport(ml->ld, ml->ld->lenient, ml->id, file, 0, fmt, ap);
	va_end(ap);
	if (!ml->ld->lenient)
		ml->problems++;
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
mfile_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mfile *)a)->name,
	    ((const struct mfile *)b)->name);
}

static int
in_sorted(char **list, size_t n, const char *s)
{
	return n > 0 && bsearch(&s, list, n, sizeof(*list), strp_cmp) != NULL;
}

static int
is_lower_digit_dash(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int
is_label_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/*
 * Checks a module id: a-z, 0-9 and '-', starting with a letter or a
 * digit.  Returns a message for the problem or NULL.
 */
static const char *
module_id_problem(const char *id)
{
	const char	*p;

	if (*id == '\0' || *id == '-')
		return "module id must start with a-z or 0-9";
	for (p = id; *p != '\0'; p++)
		if (!is_lower_digit_dash((unsigned char)*p))
			return "module id must use only a-z, 0-9 and '-'";
	if (p - id > ID_MAX)
		return "module id is longer than 64 characters";
	return NULL;
}

/*
 * Classifies a file name of the module folder.  Lessons get their
 * slug.  Returns FILE_BAD after reporting the problem.
 */
static enum file_kind
classify(struct mloader *ml, struct mfile *f)
{
	const char	*name = f->name, *dot1, *dot2, *p;
	char		*lang;

	if (strcmp(name, "module.txt") == 0)
		return FILE_MODULE;

	/* Everything else is BASE.LANG.EXT. */
	dot2 = strrchr(name, '.');
	dot1 = NULL;
	if (dot2 != NULL)
		for (p = dot2; p > name; p--)
			if (p[-1] == '.') {
				dot1 = p - 1;
				break;
			}
	if (dot1 == NULL || dot1 == name ||
	    (strcmp(dot2, ".md") != 0 && strcmp(dot2, ".txt") != 0))
		goto bad;
	lang = xstrndup(dot1 + 1, dot2 - dot1 - 1);
	f->lang = lang_from_code(lang);
	if (f->lang == LANG__MAX) {
		if (strlen(lang) == 2 && islower((unsigned char)lang[0]) &&
		    islower((unsigned char)lang[1]))
			mreport(ml, name, 0,
			    "unsupported language '%s' (en, es)", lang);
		else
			mreport(ml, name, 0, "file name does not match "
			    "NN-slug.LANG.md, quiz.LANG.md, meta.LANG.txt "
			    "or module.txt");
		free(lang);
		return FILE_BAD;
	}
	free(lang);

	if (strcmp(dot2, ".txt") == 0) {
		if (dot1 - name == 4 && strncmp(name, "meta", 4) == 0)
			return FILE_META;
		goto bad;
	}
	if (dot1 - name == 4 && strncmp(name, "quiz", 4) == 0)
		return FILE_QUIZ;
	/* NN-slug */
	if (dot1 - name < 4 || !isdigit((unsigned char)name[0]) ||
	    !isdigit((unsigned char)name[1]) || name[2] != '-')
		goto bad;
	for (p = name + 3; p < dot1; p++)
		if (!is_lower_digit_dash((unsigned char)*p))
			goto bad;
	f->slug = xstrndup(name, dot1 - name);
	return FILE_LESSON;
bad:
	mreport(ml, name, 0, "file name does not match NN-slug.LANG.md, "
	    "quiz.LANG.md, meta.LANG.txt or module.txt");
	return FILE_BAD;
}

static int
image_name_ok(struct mloader *ml, const char *rel)
{
	const char	*name = rel + strlen("images/"), *ext;
	size_t		 i;

	if (!markdown_is_image_path(rel)) {
		mreport(ml, rel, 0, "bad image file name (letters, digits, "
		    "'.', '-' and '_', not starting with '.')");
		return 0;
	}
	if ((ext = strrchr(name, '.')) != NULL)
		for (i = 0; image_exts[i] != NULL; i++)
			if (strcasecmp(ext + 1, image_exts[i]) == 0)
				return 1;
	mreport(ml, rel, 0, "unsupported image type "
	    "(png, jpg, jpeg, gif, svg, webp)");
	return 0;
}

static void
add_file(struct mloader *ml, size_t *max, const char *name,
    enum file_kind kind)
{
	struct mfile	*f;

	if (ml->filesz == *max) {
		*max = *max == 0 ? 16 : *max * 2;
		ml->files = xreallocarray(ml->files, *max, sizeof(*ml->files));
	}
	f = &ml->files[ml->filesz++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->kind = kind;
	f->lang = LANG__MAX;
}

/*
 * Lists the images/ folder.  Names starting with '.' are ignored, as in
 * the module folder (editor and system litter, never served).
 */
static void
list_images(struct mloader *ml, size_t *max)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path, *rel;
	size_t		 imax = 0;

	path = xasprintf("%s/images", ml->path);
	if ((d = opendir(path)) == NULL) {
		mreport(ml, "images", 0, "cannot open: %s", strerror(errno));
		free(path);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		rel = xasprintf("images/%s", de->d_name);
		free(path);
		path = xasprintf("%s/%s", ml->path, rel);
		if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode))
			mreport(ml, rel, 0, "not a regular file");
		else if (!image_name_ok(ml, rel))
			add_file(ml, max, rel, FILE_BAD);
		else {
			add_file(ml, max, rel, FILE_IMAGE);
			if (ml->imagesz == imax) {
				imax = imax == 0 ? 8 : imax * 2;
				ml->images = xreallocarray(ml->images, imax,
				    sizeof(*ml->images));
			}
			ml->images[ml->imagesz++] = xstrdup(rel);
		}
		free(rel);
	}
	closedir(d);
	free(path);
	sort_array(ml->images, ml->imagesz, sizeof(*ml->images), strp_cmp);
}

/*
 * Lists the module folder into ml->files, sorted by name, reporting
 * names that do not follow the format.
 */
static int
list_module(struct mloader *ml)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	struct mfile	*f;
	char		*path;
	size_t		 max = 0;

	if ((d = opendir(ml->path)) == NULL) {
		mreport(ml, NULL, 0, "cannot open: %s", strerror(errno));
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", ml->path, de->d_name);
		if (lstat(path, &st) == -1) {
			mreport(ml, de->d_name, 0, "cannot stat: %s",
			    strerror(errno));
			free(path);
			continue;
		}
		free(path);
		if (S_ISDIR(st.st_mode) && strcmp(de->d_name, "images") == 0)
			list_images(ml, &max);
		else if (S_ISDIR(st.st_mode))
			mreport(ml, de->d_name, 0, "unexpected folder "
			    "(only images/ is allowed)");
		else if (!S_ISREG(st.st_mode))
			mreport(ml, de->d_name, 0, "not a regular file");
		else {
			add_file(ml, &max, de->d_name, FILE_BAD);
			f = &ml->files[ml->filesz - 1];
			f->kind = classify(ml, f);
		}
	}
	closedir(d);
	sort_array(ml->files, ml->filesz, sizeof(*ml->files), mfile_cmp);

	return 1;
}

/* Reading and validating. */

/*
 * Reads f into f->text (text files) or only into the hash (images), at
 * most max bytes.  The hash gets the name, the size and the bytes, with
 * separators that make the encoding unambiguous.
 */
static int
read_file(struct mloader *ml, struct mfile *f, size_t max,
    crypto_hash_sha256_state *hash)
{
	struct stat	 st;
	char		*path, *buf, sizebuf[32];
	size_t		 len = 0, cap;
	ssize_t		 n = 0;
	int		 fd, keep = f->kind != FILE_IMAGE;

	path = xasprintf("%s/%s", ml->path, f->name);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	free(path);
	if (fd == -1) {
		mreport(ml, f->name, 0, "cannot open: %s", strerror(errno));
		return 0;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		mreport(ml, f->name, 0, "not a regular file");
		close(fd);
		return 0;
	}
	if ((uintmax_t)st.st_size > max) {
		mreport(ml, f->name, 0, "file is larger than %zu MB",
		    max / (1024 * 1024));
		close(fd);
		return 0;
	}
	crypto_hash_sha256_update(hash, (unsigned char *)f->name,
	    strlen(f->name) + 1);
	snprintf(sizebuf, sizeof(sizebuf), "%jd", (intmax_t)st.st_size);
	crypto_hash_sha256_update(hash, (unsigned char *)sizebuf,
	    strlen(sizebuf) + 1);

	/* Images pass through a buffer of fixed size. */
	cap = keep ? (size_t)st.st_size : 65536;
	buf = xmalloc(cap + 1);
	for (;;) {
		if (keep && len == cap) {
			if (cap > max)
				break;
			cap = cap < 4096 ? 4096 : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		n = read(fd, keep ? buf + len : buf, keep ? cap - len : cap);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		crypto_hash_sha256_update(hash,
		    (unsigned char *)(keep ? buf + len : buf), (size_t)n);
		len += (size_t)n;
		if (len > max)
			break;
	}
	close(fd);
	if (n == -1)
		mreport(ml, f->name, 0, "cannot read: %s", strerror(errno));
	else if (len != (size_t)st.st_size)
		mreport(ml, f->name, 0, "file changed while being read");
	if (n == -1 || len != (size_t)st.st_size || !keep) {
		free(buf);
		return n != -1 && len == (size_t)st.st_size;
	}
	buf[len] = '\0';
	f->text = buf;
	f->len = len;
	return 1;
}

/*
 * Length of the valid UTF-8 sequence at s (n bytes available), or 0:
 * no overlong forms, no surrogates, nothing above U+10FFFF.
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t	 len, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

/*
 * Prepares a text file for parsing: drops a UTF-8 byte order mark and
 * the CR of CRLF line ends (the hash has seen the bytes as they are),
 * checks the encoding and splits the lines.
 */
static int
prepare_text(struct mloader *ml, struct mfile *f)
{
	unsigned char	*s = (unsigned char *)f->text;
	size_t		 i, j, n = f->len, line = 1, len, max = 0;

	if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	else
		i = 0;
	for (j = 0; i < n; i++)
		if (!(s[i] == '\r' && (i + 1 == n || s[i + 1] == '\n')))
			s[j++] = s[i];
	s[j] = '\0';
	f->len = n = j;

	for (i = 0; i < n; i += len) {
		if (s[i] == '\n') {
			line++;
			len = 1;
			continue;
		}
		if (s[i] == '\t') {
			len = 1;
			continue;
		}
		if (s[i] < 0x20 || s[i] == 0x7f) {
			mreport(ml, f->name, line, "control character "
			    "U+%04X is not allowed", s[i]);
			return 0;
		}
		if ((len = utf8_len(s + i, n - i)) == 0) {
			mreport(ml, f->name, line, "invalid UTF-8");
			return 0;
		}
	}

	for (i = 0; i < n; ) {
		if (f->linesz == max) {
			max = max == 0 ? 64 : max * 2;
			f->lines = xreallocarray(f->lines, max,
			    sizeof(*f->lines));
		}
		f->lines[f->linesz].s = (char *)s + i;
		for (j = i; j < n && s[j] != '\n'; j++)
			continue;
		f->lines[f->linesz++].len = j - i;
		i = j + 1;
	}
	return 1;
}

/* Small string helpers on (pointer, length) lines. */

static int
is_blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int
line_is(const struct line *l, const char *word)
{
	const char	*s = l->s;
	size_t		 n = l->len;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == strlen(word) && strncmp(s, word, n) == 0;
}

static int
starts_with(const struct line *l, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return l->len >= n && strncmp(l->s, prefix, n) == 0;
}

/* key: value files. */

struct kv_key {
	const char	*name;
	int		 repeat;	/* once or more, else exactly once */
};

struct kv_entry {
	int		 key;
	char		*value;		/* in the module arena */
	size_t		 line;
};

/*
 * Parses a key: value file.  Comments ('#') and blank lines are
 * skipped; with cont, a line starting with a space or a tab continues
 * the value before it, until a blank or comment line.  Reports
 * syntax, unknown, repeated, missing keys and empty values.  Returns
 * the entries of known keys (first occurrence for single keys), which
 * the caller frees.
 */
static struct kv_entry *
kv_parse(struct mloader *ml, struct mfile *f, const struct kv_key *keys,
    size_t nkeys, int cont, size_t *nentries)
{
	const struct line *l;
	struct kv_entry	*e = NULL;
	size_t		 n = 0, max = 0, i, k, vlen, klen, *first;
	char		*buf = NULL, *key;
	size_t		 bufsz = 0, buflen = 0;
	const char	*s, *v, *colon;
	long		 open = -1;	/* entry taking continuations */

	first = xcalloc(nkeys, sizeof(*first));
	for (i = 0; i <= f->linesz; i++) {
		l = i < f->linesz ? &f->lines[i] : NULL;

		/* Finish the open value at a non-continuation line. */
		if (open >= 0 && (l == NULL || is_blank(l->s, l->len) ||
		    l->s[0] == '#' || (l->s[0] != ' ' && l->s[0] != '\t'))) {
			e[open].value = arena_strndup(ml->m->arena, buf,
			    buflen);
			if (buflen == 0)
				mreport(ml, f->name, e[open].line,
				    "empty value for '%s'",
				    keys[e[open].key].name);
			open = -1;
		}
		if (l == NULL)
			break;
		if (is_blank(l->s, l->len) || l->s[0] == '#')
			continue;
		if (l->s[0] == ' ' || l->s[0] == '\t') {
			if (!cont) {
				mreport(ml, f->name, i + 1,
				    "line must not start with a space");
				continue;
			}
			if (open < 0) {
				/*
				 * A continuation of a line that was
				 * reported already is not reported again.
				 */
				if (i > 0 && !is_blank(f->lines[i - 1].s,
				    f->lines[i - 1].len) &&
				    f->lines[i - 1].s[0] != '#')
					continue;
				mreport(ml, f->name, i + 1,
				    "continuation line without a key");
				continue;
			}
			s = l->s;
			vlen = l->len;
			trim(&s, &vlen);
			if (buflen + vlen + 2 > bufsz) {
				bufsz = (buflen + vlen + 2) * 2;
				buf = xreallocarray(buf, bufsz, 1);
			}
			if (buflen > 0)
				buf[buflen++] = ' ';
			memcpy(buf + buflen, s, vlen);
			buflen += vlen;
			continue;
		}
		colon = memchr(l->s, ':', l->len);
		klen = colon == NULL ? 0 : (size_t)(colon - l->s);
		if (colon == NULL || klen == 0 ||
		    memchr(l->s, ' ', klen) != NULL ||
		    memchr(l->s, '\t', klen) != NULL) {
			mreport(ml, f->name, i + 1, "expected 'key: value'");
			continue;
		}
		for (k = 0; k < nkeys; k++)
			if (strlen(keys[k].name) == klen &&
			    strncmp(keys[k].name, l->s, klen) == 0)
				break;
		if (k == nkeys) {
			key = xstrndup(l->s, klen);
			mreport(ml, f->name, i + 1, "unknown key '%s'", key);
			free(key);
			continue;
		}
		if (first[k] != 0 && !keys[k].repeat) {
			mreport(ml, f->name, i + 1, "duplicate key '%s' "
			    "(first on line %zu)", keys[k].name, first[k]);
			continue;
		}
		if (first[k] == 0)
			first[k] = i + 1;
		if (n == max) {
			max = max == 0 ? 8 : max * 2;
			e = xreallocarray(e, max, sizeof(*e));
		}
		e[n].key = (int)k;
		e[n].line = i + 1;
		e[n].value = NULL;
		v = colon + 1;
		vlen = l->len - klen - 1;
		trim(&v, &vlen);
		if (vlen + 1 > bufsz) {
			bufsz = (vlen + 1) * 2;
			buf = xreallocarray(buf, bufsz, 1);
		}
		memcpy(buf, v, vlen);
		buflen = vlen;
		open = (long)n++;
	}
	for (k = 0; k < nkeys; k++)
		if (first[k] == 0)
			mreport(ml, f->name, 0, "missing key '%s'",
			    keys[k].name);
	free(first);
	free(buf);
	*nentries = n;
	return e;
}

/* Parses digits only, from lo to hi; returns -1 if it is not that. */
static int
parse_number(const char *s, int lo, int hi)
{
	long	 v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > hi)
			return -1;
	}
	return v < lo ? -1 : (int)v;
}

enum mkey {
	MKEY_VERSION,
	MKEY_MINUTES,
	MKEY_PASSING_SCORE,
	MKEY_ORDER,
	MKEY__MAX
};

static const struct kv_key module_keys[MKEY__MAX] = {
	{ "version", 0 },
	{ "minutes", 0 },
	{ "passing-score", 0 },
	{ "order", 0 },
};

static void
parse_module_txt(struct mloader *ml, struct mfile *f)
{
	struct kv_entry	*e;
	struct module	*m = ml->m;
	size_t		 n, i;
	const char	*p, *v;
	int		*target, lo, hi, val;

	e = kv_parse(ml, f, module_keys, MKEY__MAX, 0, &n);
	for (i = 0; i < n; i++) {
		v = e[i].value;
		switch (e[i].key) {
		case MKEY_VERSION:
			for (p = v; *p != '\0'; p++)
				if (!is_label_char((unsigned char)*p))
					break;
			if (*v == '\0')
				break;
			if (*p != '\0' || p - v > LABEL_MAX) {
				mreport(ml, f->name, e[i].line, "bad version "
				    "label '%s' (letters, digits, '.', '-', "
				    "'_', at most 32)", v);
				break;
			}
			m->label = (char *)v;
			break;
		case MKEY_MINUTES:
		case MKEY_PASSING_SCORE:
		case MKEY_ORDER:
			if (e[i].key == MKEY_MINUTES) {
				target = &m->minutes;
				lo = 1;
				hi = 600;
			} else if (e[i].key == MKEY_PASSING_SCORE) {
				target = &m->passing_score;
				lo = 1;
				hi = 100;
			} else {
				target = &m->order;
				lo = 1;
				hi = 999;
				ml->order_line = e[i].line;
			}
			if (*v == '\0')
				break;
			if ((val = parse_number(v, lo, hi)) == -1) {
				mreport(ml, f->name, e[i].line, "bad value for "
				    "%s: '%s' (%d to %d)",
				    module_keys[e[i].key].name, v, lo, hi);
				break;
			}
			*target = val;
			break;
		}
	}
	free(e);
}

enum tkey {
	TKEY_TITLE,
	TKEY_SUMMARY,
	TKEY_OBJECTIVE,
	TKEY_SOURCE,
	TKEY__MAX
};

static const struct kv_key meta_keys[TKEY__MAX] = {
	{ "title", 0 },
	{ "summary", 0 },
	{ "objective", 1 },
	{ "source", 1 },
};

static void
parse_meta(struct mloader *ml, struct mfile *f)
{
	struct module_text	*t = &ml->m->text[f->lang];
	struct catalog_arena	*a = ml->m->arena;
	struct kv_entry		*e;
	size_t			 n, i, no = 0, ns = 0;

	e = kv_parse(ml, f, meta_keys, TKEY__MAX, 1, &n);
	for (i = 0; i < n; i++)
		if (e[i].key == TKEY_OBJECTIVE)
			no++;
		else if (e[i].key == TKEY_SOURCE)
			ns++;
	t->objectives = arena_array(a, no, sizeof(char *));
	t->sources = arena_array(a, ns, sizeof(char *));
	for (i = 0; i < n; i++)
		switch (e[i].key) {
		case TKEY_TITLE:
			t->title = e[i].value;
			break;
		case TKEY_SUMMARY:
			t->summary = e[i].value;
			break;
		case TKEY_OBJECTIVE:
			t->objectives[t->objectivesz++] = e[i].value;
			break;
		case TKEY_SOURCE:
			t->sources[t->sourcesz++] = e[i].value;
			break;
		}
	free(e);
}

/* Markdown checks. */

struct mdref {
	char		*name;		/* lowercased */
	char		*url;
	size_t		 line;
};

struct mdscan {
	struct mloader	*ml;
	struct mfile	*f;
	char		*code;		/* per line: in a code block */
	struct mdref	*refs;
	size_t		 refsz;
	size_t		 html_line;	/* last line with raw HTML reported */
	/*
	 * In the block being scanned, no run of n backticks (n < 32)
	 * follows nocloser[n]: a later search for one fails at once.
	 */
	const char	*nocloser[32];
};

enum url_use {
	URL_LINK,
	URL_IMAGE,
	URL_REFDEF	/* a reference definition: link or image */
};

static size_t
indent_of(const struct line *l)
{
	size_t	 i, col = 0;

	for (i = 0; i < l->len; i++)
		if (l->s[i] == ' ')
			col++;
		else if (l->s[i] == '\t')
			col = (col / 4 + 1) * 4;
		else
			break;
	return col;
}

static int
is_list_item(const struct line *l)
{
	const char	*s = l->s;
	size_t		 n = l->len, i;

	trim(&s, &n);
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    (s[1] == ' ' || s[1] == '\t'))
		return 1;
	for (i = 0; i < n && isdigit((unsigned char)s[i]); i++)
		continue;
	return i > 0 && i + 1 < n && s[i] == '.' &&
	    (s[i + 1] == ' ' || s[i + 1] == '\t');
}

/*
 * Marks the lines of indented code blocks, as Discount sees them:
 * after a blank line, indented by 4 columns (8 inside a list).
 */
static void
mark_code(struct mdscan *sc)
{
	struct mfile	*f = sc->f;
	const struct line *l;
	size_t		 i, ind, need;
	int		 prevblank = 1, incode = 0, inlist = 0;

	sc->code = xcalloc(f->linesz + 1, 1);
	for (i = 0; i < f->linesz; i++) {
		l = &f->lines[i];

		if (is_blank(l->s, l->len)) {
			sc->code[i] = (char)incode;
			prevblank = 1;
			continue;
		}
		ind = indent_of(l);
		need = inlist ? 8 : 4;
		if ((incode || prevblank) && ind >= need) {
			incode = 1;
			sc->code[i] = 1;
			prevblank = 0;
			continue;
		}
		incode = 0;
		if (prevblank && ind < 4)
			inlist = is_list_item(l) ||
			    (inlist && ind > 0);
		prevblank = 0;
	}
}

/* Line number (1-based) of the byte at p. */
static size_t
line_of(struct mdscan *sc, const char *p)
{
	size_t	 lo = 0, hi = sc->f->linesz, mid;

	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (sc->f->lines[mid].s <= p)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

/* Appends code point c to out as UTF-8; returns the bytes written. */
static size_t
utf8_put(char *out, unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Decodes a character reference at s (n bytes, s[0] == '&'), as a
 * browser would: numeric ones, with or without ';', and a few names.
 * Returns the bytes used and sets *c, or returns 0.
 */
static size_t
char_ref(const char *s, size_t n, unsigned long *c)
{
	static const struct {
		const char	*name;
		char		 c;
	} names[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }, { "colon;", ':' },
		{ "Tab;", '\t' }, { "NewLine;", '\n' }, { "sol;", '/' },
		{ "period;", '.' }, { "lpar;", '(' }, { "rpar;", ')' },
	};
	size_t	 i, k, len;
	int	 hex, d;

	if (n >= 3 && s[1] == '#') {
		hex = s[2] == 'x' || s[2] == 'X';
		*c = 0;
		for (i = hex ? 3 : 2; i < n; i++) {
			if (isdigit((unsigned char)s[i]))
				d = s[i] - '0';
			else if (hex && isxdigit((unsigned char)s[i]))
				d = tolower((unsigned char)s[i]) - 'a' + 10;
			else
				break;
			*c = *c * (hex ? 16 : 10) + d;
			if (*c > 0x10ffff)
				*c = 0x110000;
		}
		if (i == (size_t)(hex ? 3 : 2))
			return 0;
		if (*c == 0 || *c > 0x10ffff ||
		    (*c >= 0xd800 && *c <= 0xdfff))
			*c = 0xfffd;
		return i < n && s[i] == ';' ? i + 1 : i;
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		len = strlen(names[k].name);
		if (n > len && strncmp(s + 1, names[k].name, len) == 0) {
			*c = (unsigned char)names[k].c;
			return len + 1;
		}
	}
	return 0;
}

/*
 * Decodes the character references of s, drops spaces and control
 * characters, and returns a string the caller frees.  With lower,
 * ASCII letters are lowercased: what a browser makes of a URL, ready
 * for comparing schemes.
 */
static char *
url_normalize(const char *s, size_t n, int lower)
{
	char		*out;
	size_t		 i, j, used;
	unsigned long	 c;

	out = xmalloc(n * 4 + 1);
	for (i = j = 0; i < n; i += used) {
		c = (unsigned char)s[i];
		used = 1;
		if (c == '&' && (used = char_ref(s + i, n - i, &c)) == 0)
			used = 1;
		else if (used > 1) {
			if (c <= 0x20 || c == 0x7f)
				continue;
			if (lower && c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			j += utf8_put(out + j, c);
			continue;
		}
		/* A byte as written. */
		if (c <= 0x20 || c == 0x7f)
			continue;
		if (lower && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		out[j++] = (char)c;
	}
	out[j] = '\0';
	return out;
}

/* Checks the target of a lesson link (already matched). */
static void
check_lesson_link(struct mdscan *sc, size_t line, const char *url)
{
	struct mloader	*ml = sc->ml;
	const char	*slug = url, *hash;
	char		*mod = NULL, *target, *path;
	struct stat	 st;

	if (strncmp(url, "../", 3) == 0) {
		slug = strchr(url + 3, '/') + 1;
		mod = xstrndup(url + 3, slug - url - 4);
	}
	hash = strchr(slug, '#');
	target = hash == NULL ? xstrdup(slug) : xstrndup(slug, hash - slug);
	if (mod == NULL || strcmp(mod, ml->id) == 0) {
		if (!in_sorted(ml->slugs, ml->slugsz, target))
			mreport(ml, sc->f->name, line, "broken link: %.*s "
			    "is not a lesson", (int)(hash == NULL ?
			    strlen(url) : (size_t)(hash - url)), url);
	} else {
		path = xasprintf("%s/%s", ml->ld->dir, mod);
		if (stat(path, &st) == -1 || !S_ISDIR(st.st_mode))
			mreport(ml, sc->f->name, line, "broken link: "
			    "%.*s: no module '%s'", (int)(hash == NULL ?
			    strlen(url) : (size_t)(hash - url)), url, mod);
		else {
			free(path);
			path = xasprintf("%s/%s/%s.%s.md", ml->ld->dir, mod,
			    target, lang_code(sc->f->lang));
			if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
				mreport(ml, sc->f->name, line, "broken link: "
				    "%.*s is not a lesson", (int)(hash ==
				    NULL ? strlen(url) : (size_t)(hash -
				    url)), url);
		}
		free(path);
	}
	free(target);
	free(mod);
}

/*
 * Checks one link or image target as written at line: schemes, lesson
 * targets, images in images/.
 */
static void
check_url(struct mdscan *sc, size_t line, const char *url, size_t n,
    enum url_use use)
{
	struct mloader	*ml = sc->ml;
	const char	*name = sc->f->name;
	char		*low, *plain, *shown, *p;

	low = url_normalize(url, n, 1);
	plain = url_normalize(url, n, 0);
	shown = xstrndup(url, n);

	if (strncmp(low, "https:", 6) == 0 || strncmp(low, "http:", 5) == 0 ||
	    strncmp(low, "mailto:", 7) == 0) {
		if (use == URL_IMAGE)
			mreport(ml, name, line, "image must be in the "
			    "module's images/ folder: %s", shown);
		goto out;
	}
	if (use != URL_LINK && markdown_is_image_path(plain)) {
		if (!in_sorted(ml->images, ml->imagesz, plain))
			mreport(ml, name, line, "image not found: %s", plain);
		goto out;
	}
	if (use == URL_IMAGE) {
		mreport(ml, name, line, "image must be in the module's "
		    "images/ folder: %s", shown);
		goto out;
	}
	for (p = low; *p != '\0' && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == ':')
			break;
	if (*p == ':' && p > low) {
		mreport(ml, name, line, "unsafe link scheme: %.*s:",
		    (int)(p - low > 40 ? 40 : p - low), low);
		goto out;
	}
	if (plain[0] == '#' && plain[1] != '\0' &&
	    strspn(plain + 1, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(plain + 1))
		goto out;
	if (markdown_is_lesson_link(plain)) {
		check_lesson_link(sc, line, plain);
		goto out;
	}
	mreport(ml, name, line, "bad link: '%s' (use https://, http://, "
	    "mailto:, NN-slug or ../module/NN-slug)", shown);
out:
	free(low);
	free(plain);
	free(shown);
}

static struct mdref *
find_ref(struct mdscan *sc, const char *name, size_t n)
{
	size_t	 i;

	for (i = 0; i < sc->refsz; i++)
		if (strlen(sc->refs[i].name) == n &&
		    strncasecmp(sc->refs[i].name, name, n) == 0)
			return &sc->refs[i];
	return NULL;
}

/*
 * Collects reference definitions, "[name]: url", and checks their
 * targets where they are defined.
 */
static void
collect_refs(struct mdscan *sc)
{
	struct mfile	*f = sc->f;
	const char	*s, *e, *u;
	size_t		 i, n, max = 0;

	for (i = 0; i < f->linesz; i++) {
		if (sc->code[i] || indent_of(&f->lines[i]) >= 4)
			continue;
		s = f->lines[i].s;
		n = f->lines[i].len;
		trim(&s, &n);
		if (n < 4 || s[0] != '[' || s[1] == '^')
			continue;
		if ((e = memchr(s, ']', n)) == NULL || e == s + 1 ||
		    (size_t)(e - s) + 1 >= n || e[1] != ':')
			continue;
		for (u = e + 2; u < s + n && (*u == ' ' || *u == '\t'); u++)
			continue;
		if (u < s + n && *u == '<')
			u++;
		n = 0;
		while (u + n < f->lines[i].s + f->lines[i].len &&
		    u[n] != ' ' && u[n] != '\t' && u[n] != '>')
			n++;
		if (sc->refsz == max) {
			max = max == 0 ? 4 : max * 2;
			sc->refs = xreallocarray(sc->refs, max,
			    sizeof(*sc->refs));
		}
		sc->refs[sc->refsz].name = xstrndup(s + 1, e - s - 1);
		sc->refs[sc->refsz].url = xstrndup(u, n);
		sc->refs[sc->refsz].line = i + 1;
		sc->refsz++;
		check_url(sc, i + 1, u, n, URL_REFDEF);
		/* The definition is not text: no raw HTML scan. */
		sc->code[i] = 2;
	}
}

static void	scan_range(struct mdscan *, const char *, const char *, int);

/* Reports raw HTML at p, once per line. */
static void
report_html(struct mdscan *sc, const char *p, const char *end)
{
	size_t		 line = line_of(sc, p), n;
	const char	*gt;

	if (sc->html_line == line)
		return;
	sc->html_line = line;
	for (gt = p; gt < end && *gt != '\n' && *gt != '>'; gt++)
		continue;
	n = gt < end && *gt == '>' ? (size_t)(gt - p) + 1 : (size_t)(gt - p);
	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)p[n] & 0xc0) == 0x80)
			n--;
		mreport(sc->ml, sc->f->name, line, "raw HTML is not allowed: "
		    "%.*s...", (int)n, p);
	} else
		mreport(sc->ml, sc->f->name, line, "raw HTML is not allowed: "
		    "%.*s", (int)n, p);
}

/*
 * At '<': an autolink (<https://...>, <user@host>) is checked as a
 * link, anything else that starts like a tag is raw HTML.  Returns
 * where to go on.
 */
static const char *
scan_angle(struct mdscan *sc, const char *p, const char *end)
{
	const char	*q;
	int		 at = 0;

	if (p + 1 >= end || !(isalpha((unsigned char)p[1]) || p[1] == '/' ||
	    p[1] == '!' || p[1] == '?'))
		return p + 1;
	if (isalpha((unsigned char)p[1])) {
		for (q = p + 2; q < end && (isalnum((unsigned char)*q) ||
		    *q == '+' || *q == '.' || *q == '-'); q++)
			continue;
		if (q < end && *q == ':') {
			while (q < end && *q != '>' && *q != '<' &&
			    *q != ' ' && *q != '\t' && *q != '\n')
				q++;
			if (q < end && *q == '>') {
				check_url(sc, line_of(sc, p), p + 1,
				    q - p - 1, URL_LINK);
				return q + 1;
			}
		}
		for (q = p + 1; q < end && *q != '>' && *q != '<' &&
		    *q != ' ' && *q != '\t' && *q != '\n'; q++)
			if (*q == '@')
				at = 1;
		if (at && q < end && *q == '>')
			return q + 1;
	}
	report_html(sc, p, end);
	for (q = p + 1; q < end && *q != '\n' && *q != '>' && *q != '<'; q++)
		continue;
	return q < end && *q == '>' ? q + 1 : p + 1;
}

/*
 * Finds the ']' closing the '[' before p, or NULL.  Link text is short:
 * the search stops after LINK_TEXT_MAX bytes, which keeps a line of
 * brackets from taking quadratic time.
 */
#define LINK_TEXT_MAX	1024
#define LINK_DEST_MAX	4096	/* the same for "(url "title")" */

static const char *
find_bracket(const char *p, const char *end)
{
	int	 depth = 0;

	if (end - p > LINK_TEXT_MAX)
		end = p + LINK_TEXT_MAX;
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '[')
			depth++;
		else if (*p == ']' && depth-- == 0)
			return p;
	}
	return NULL;
}

/*
 * At '[' (or "![" with image): an inline link or image is checked, a
 * reference image is checked against its definition.  The text in the
 * brackets is scanned too.  Returns where to go on.
 */
static const char *
scan_link(struct mdscan *sc, const char *p, const char *end, int image,
    int depth)
{
	const char	*t = p + (image ? 2 : 1), *close, *u, *ue, *q, *lim;
	struct mdref	*ref;
	char		 quote;

	if ((close = find_bracket(t, end)) == NULL)
		return t;
	q = close + 1;
	lim = end - q > LINK_DEST_MAX ? q + LINK_DEST_MAX : end;
	if (q < lim && *q == '(') {
		for (u = q + 1; u < lim && (*u == ' ' || *u == '\t' ||
		    *u == '\n'); u++)
			continue;
		if (u < lim && *u == '<') {
			for (ue = ++u; ue < lim && *ue != '>' && *ue != '\n';
			    ue++)
				continue;
			q = ue < lim && *ue == '>' ? ue + 1 : ue;
		} else {
			for (ue = u; ue < lim && *ue != ')' && *ue != ' ' &&
			    *ue != '\t' && *ue != '\n'; ue++)
				continue;
			q = ue;
		}
		/* Skip an optional title to the closing parenthesis. */
		while (q < lim && (*q == ' ' || *q == '\t' || *q == '\n'))
			q++;
		if (q < lim && (*q == '"' || *q == '\'')) {
			quote = *q++;
			while (q < lim && *q != quote && *q != '\n')
				q++;
			if (q < lim && *q == quote)
				q++;
		}
		while (q < lim && *q != ')' && *q != '\n')
			q++;
		if (q < lim && *q == ')') {
			check_url(sc, line_of(sc, u), u, ue - u,
			    image ? URL_IMAGE : URL_LINK);
			scan_range(sc, t, close, depth + 1);
			return q + 1;
		}
		scan_range(sc, t, close, depth + 1);
		return close + 1;
	}
	if (image) {
		ref = NULL;
		if (q < lim && *q == '[' &&
		    (ue = memchr(q, ']', lim - q)) != NULL) {
			ref = ue == q + 1 ? find_ref(sc, t, close - t) :
			    find_ref(sc, q + 1, ue - q - 1);
			q = ue + 1;
		} else
			ref = find_ref(sc, t, close - t);
		if (ref != NULL)
			check_url(sc, line_of(sc, p), ref->url,
			    strlen(ref->url), URL_IMAGE);
		scan_range(sc, t, close, depth + 1);
		return q > close + 1 ? q : close + 1;
	}
	scan_range(sc, t, close, depth + 1);
	return close + 1;
}

/* Scans inline markdown between p and end, outside code spans. */
static void
scan_range(struct mdscan *sc, const char *p, const char *end, int depth)
{
	const char	*q;
	size_t		 n, m;

	if (depth > 8)
		return;
	while (p < end) {
		switch (*p) {
		case '\\':
			p += p + 1 < end ? 2 : 1;
			break;
		case '`':
			for (n = 0; p + n < end && p[n] == '`'; n++)
				continue;
			/* The matching run of as many backticks. */
			if (depth == 0 && n < 32 && sc->nocloser[n] != NULL &&
			    p >= sc->nocloser[n]) {
				p += n;
				break;
			}
			for (q = p + n; q < end; q += m ? m : 1) {
				for (m = 0; q + m < end && q[m] == '`'; m++)
					continue;
				if (m == n)
					break;
			}
			if (q >= end && depth == 0 && n < 32)
				sc->nocloser[n] = p;
			p = q < end ? q + n : p + n;
			break;
		case '<':
			p = scan_angle(sc, p, end);
			break;
		case '!':
			if (p + 1 < end && p[1] == '[')
				p = scan_link(sc, p, end, 1, depth);
			else
				p++;
			break;
		case '[':
			p = scan_link(sc, p, end, 0, depth);
			break;
		default:
			p++;
			break;
		}
	}
}

/*
 * A lesson ends with its sources, under "## Sources" (or the heading
 * of its language), and the section is not empty.
 */
static void
check_sources(struct mloader *ml, struct mfile *f, const char *code)
{
	const char	*h = sources_heading[f->lang];
	size_t		 i, at = 0;

	for (i = 1; i < f->linesz; i++) {
		if (code[i])
			continue;
		if (at == 0 && line_is(&f->lines[i], h))
			at = i + 1;
		else if (at != 0 && (starts_with(&f->lines[i], "# ") ||
		    starts_with(&f->lines[i], "## "))) {
			mreport(ml, f->name, i + 1, "'%s' must be the last "
			    "section", h);
			break;
		}
	}
	if (at == 0) {
		mreport(ml, f->name, 0, "missing '%s' section", h);
		return;
	}
	for (i = at; i < f->linesz; i++)
		if (!is_blank(f->lines[i].s, f->lines[i].len))
			return;
	mreport(ml, f->name, at, "empty '%s' section", h);
}

/*
 * Checks the markdown of a lesson or a quiz: raw HTML, links, images.
 * Text is scanned a block (lines between blank lines) at a time, as a
 * code span or a link may run over a line end.
 */
static void
scan_markdown(struct mloader *ml, struct mfile *f)
{
	struct mdscan	 sc;
	size_t		 i, j;

	memset(&sc, 0, sizeof(sc));
	sc.ml = ml;
	sc.f = f;
	if ((i = markdown_too_deep(f->text, f->len)) > 0)
		mreport(ml, f->name, i, "blocks nested deeper than 64 levels");
	mark_code(&sc);
	collect_refs(&sc);
	for (i = 0; i < f->linesz; i = j) {
		if (sc.code[i] || is_blank(f->lines[i].s, f->lines[i].len)) {
			j = i + 1;
			continue;
		}
		for (j = i + 1; j < f->linesz && !sc.code[j] &&
		    !is_blank(f->lines[j].s, f->lines[j].len); j++)
			continue;
		memset(sc.nocloser, 0, sizeof(sc.nocloser));
		scan_range(&sc, f->lines[i].s,
		    f->lines[j - 1].s + f->lines[j - 1].len, 0);
	}
	if (f->kind == FILE_LESSON)
		check_sources(ml, f, sc.code);
	for (i = 0; i < sc.refsz; i++) {
		free(sc.refs[i].name);
		free(sc.refs[i].url);
	}
	free(sc.refs);
	free(sc.code);
}

/* Lessons. */

/*
 * Counts words for reading-time estimates: whitespace-separated tokens
 * with a letter or a digit in them, so that list bullets and heading
 * marks do not count.
 */
static size_t
count_words(const char *s, size_t n)
{
	size_t		 i, words = 0;
	int		 counted = 0;
	unsigned char	 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n')
			counted = 0;
		else if (!counted && (isalnum(c) || c >= 0x80)) {
			words++;
			counted = 1;
		}
	}
	return words;
}

static struct lesson *
lesson_of(struct module *m, const char *slug)
{
	size_t	 i;

	for (i = 0; i < m->lessonsz; i++)
		if (strcmp(m->lessons[i].slug, slug) == 0)
			return &m->lessons[i];
	return NULL;
}

static void
parse_lesson(struct mloader *ml, struct mfile *f)
{
	struct lesson_text	*t;
	const char		*s;
	size_t			 n;

	t = &lesson_of(ml->m, f->slug)->text[f->lang];
	t->present = 1;
	s = "";
	n = 0;
	if (f->linesz > 0 && starts_with(&f->lines[0], "# ")) {
		s = f->lines[0].s + 2;
		n = f->lines[0].len - 2;
		trim(&s, &n);
	}
	if (n == 0)
		mreport(ml, f->name, 1, "lesson must start with a '# ' title");
	t->title = arena_strndup(ml->m->arena, s, n);
	f->bodyoff = f->linesz > 1 ? (size_t)(f->lines[1].s - f->text) :
	    f->len;
	t->words = count_words(f->text + f->bodyoff, f->len - f->bodyoff);
	scan_markdown(ml, f);
}

/* Quizzes. */

struct qbuild {
	struct quiz_question	 q;
	size_t			 line;
	size_t			 optmax;
	size_t			 explen;
	size_t			 expmax;
	char			*exp;		/* explanation markdown */
	int			 expblank;	/* blank line in it */
};

static void
qb_add_explanation(struct qbuild *b, const char *s, size_t n)
{
	size_t	 need = b->explen + n + 3;

	if (need > b->expmax) {
		b->expmax = need * 2;
		b->exp = xreallocarray(b->exp, b->expmax, 1);
	}
	if (b->explen > 0 && b->expblank)
		b->exp[b->explen++] = '\n';
	b->expblank = 0;
	memcpy(b->exp + b->explen, s, n);
	b->explen += n;
	b->exp[b->explen++] = '\n';
	b->exp[b->explen] = '\0';
}

/* Checks a finished question on its own. */
static void
quiz_check_question(struct mloader *ml, struct mfile *f, struct qbuild *b,
    size_t num)
{
	size_t	 i, correct = 0;

	for (i = 0; i < b->q.optionsz; i++)
		if (b->q.options[i].correct)
			correct++;
	if (b->q.optionsz < 2)
		mreport(ml, f->name, b->line, "question %zu has fewer than "
		    "2 options", num);
	if (correct == 0 && b->q.optionsz > 0)
		mreport(ml, f->name, b->line, "question %zu has no correct "
		    "option", num);
	if (correct > 1 && !b->q.multiple)
		mreport(ml, f->name, b->line, "question %zu has %zu correct "
		    "options but is single-choice (add 'kind: multiple')",
		    num, correct);
	if (b->exp == NULL)
		mreport(ml, f->name, b->line, "question %zu has no "
		    "explanation", num);
}

/*
 * Parses quiz.LANG.md into ml->m->text[lang].questions; the
 * explanations are kept as markdown until rendering.
 */
static void
parse_quiz(struct mloader *ml, struct mfile *f)
{
	struct module_text	*t = &ml->m->text[f->lang];
	struct catalog_arena	*a = ml->m->arena;
	struct quizinfo		*qi = &ml->quiz[f->lang];
	struct qbuild		*qs = NULL, *b = NULL;
	struct quiz_option	*o;
	size_t			 nq = 0, qmax = 0, i, j, n, kn;
	const char		*s, *k;
	enum { Q_HEAD, Q_OPTS, Q_EXP } state = Q_HEAD;

	for (i = 0; i < f->linesz; i++) {
		s = f->lines[i].s;
		n = f->lines[i].len;
		if (is_blank(s, n)) {
			if (b != NULL && state == Q_EXP)
				b->expblank = 1;
			continue;
		}
		if (starts_with(&f->lines[i], "## ") ||
		    line_is(&f->lines[i], "##")) {
			if (b != NULL)
				quiz_check_question(ml, f, b, nq);
			if (nq == qmax) {
				qmax = qmax == 0 ? 8 : qmax * 2;
				qs = xreallocarray(qs, qmax, sizeof(*qs));
			}
			b = &qs[nq++];
			memset(b, 0, sizeof(*b));
			b->line = i + 1;
			s += 2;
			n -= 2;
			trim(&s, &n);
			if (n == 0)
				mreport(ml, f->name, i + 1, "empty question");
			b->q.text = arena_strndup(a, s, n);
			state = Q_HEAD;
			continue;
		}
		if (b == NULL) {
			mreport(ml, f->name, i + 1, "expected a '## ' "
			    "question heading");
			/* Say it once, not for every line before. */
			for (; i + 1 < f->linesz &&
			    !starts_with(&f->lines[i + 1], "## ") &&
			    !line_is(&f->lines[i + 1], "##"); i++)
				continue;
			continue;
		}
		trim(&s, &n);
		if (n >= 5 && strncmp(s, "kind:", 5) == 0) {
			k = s + 5;
			kn = n - 5;
			trim(&k, &kn);
			if (state != Q_HEAD || b->q.optionsz > 0)
				mreport(ml, f->name, i + 1, "'kind:' must "
				    "follow the question heading");
			else if (kn == 8 && strncmp(k, "multiple", 8) == 0)
				b->q.multiple = 1;
			else if (kn == 6 && strncmp(k, "single", 6) == 0)
				b->q.multiple = 0;
			else
				mreport(ml, f->name, i + 1, "unknown kind "
				    "'%.*s' (multiple or single)", (int)kn, k);
			continue;
		}
		if (n >= 5 && s[0] == '-' && s[1] == ' ' && s[2] == '[' &&
		    (s[3] == ' ' || s[3] == 'x' || s[3] == 'X') &&
		    s[4] == ']' && (n == 5 || s[5] == ' ' || s[5] == '\t')) {
			if (state == Q_EXP) {
				mreport(ml, f->name, i + 1, "option after "
				    "the explanation");
				continue;
			}
			state = Q_OPTS;
			if (b->q.optionsz == b->optmax) {
				b->optmax = b->optmax == 0 ? 4 :
				    b->optmax * 2;
				b->q.options = xreallocarray(b->q.options,
				    b->optmax, sizeof(*b->q.options));
			}
			o = &b->q.options[b->q.optionsz++];
			o->correct = s[3] != ' ';
			s += 5;
			n -= 5;
			trim(&s, &n);
			if (n == 0)
				mreport(ml, f->name, i + 1, "empty option");
			o->text = arena_strndup(a, s, n);
			continue;
		}
		if (s[0] == '>') {
			s++;
			n--;
			if (n > 0 && s[0] == ' ') {
				s++;
				n--;
			}
			/*
			 * Before the options, the explanation is kept but
			 * the options that follow are still taken.
			 */
			if (b->q.optionsz == 0 && b->exp == NULL)
				mreport(ml, f->name, i + 1, "explanation "
				    "before the options");
			if (b->q.optionsz > 0)
				state = Q_EXP;
			qb_add_explanation(b, s, n);
			continue;
		}
		mreport(ml, f->name, i + 1, "unexpected line (expected "
		    "'- [ ] option', '- [x] option' or '> explanation')");
	}
	if (b != NULL)
		quiz_check_question(ml, f, b, nq);
	if (nq == 0)
		mreport(ml, f->name, 0, "quiz has no questions");

	t->questions = arena_array(a, nq, sizeof(*t->questions));
	t->questionsz = nq;
	qi->qlines = xcalloc(nq, sizeof(size_t));
	for (i = 0; i < nq; i++) {
		t->questions[i] = qs[i].q;
		t->questions[i].options = arena_array(a, qs[i].q.optionsz,
		    sizeof(struct quiz_option));
		for (j = 0; j < qs[i].q.optionsz; j++)
			t->questions[i].options[j] = qs[i].q.options[j];
		t->questions[i].explanation = qs[i].exp == NULL ? NULL :
		    arena_strdup(a, qs[i].exp);
		qi->qlines[i] = qs[i].line;
		free(qs[i].q.options);
		free(qs[i].exp);
	}
	free(qs);
	/*
	 * Compared with the other languages even with problems of its
	 * own: the author sees every difference in one run.
	 */
	qi->ok = 1;
	scan_markdown(ml, f);
}

/* Writes the numbers of the correct options of q, "1, 3", to buf. */
static void
correct_list(const struct quiz_question *q, char *buf, size_t sz)
{
	size_t	 i, len = 0;
	int	 w;

	buf[0] = '\0';
	for (i = 0; i < q->optionsz; i++) {
		if (!q->options[i].correct)
			continue;
		w = snprintf(buf + len, sz - len, "%s%zu",
		    len > 0 ? ", " : "", i + 1);
		if (w < 0 || (size_t)w >= sz - len)
			break;
		len += w;
	}
	if (len == 0)
		snprintf(buf, sz, "none");
}

/*
 * The quizzes of all languages must agree with the reference (English)
 * on questions, options and correct options.
 */
static void
compare_quizzes(struct mloader *ml)
{
	struct module		*m = ml->m;
	const struct module_text *ref, *t;
	const struct quiz_question *rq, *tq;
	enum lang		 r, l;
	char			*name, *rname, ca[256], cb[256];
	size_t			 i, j, n;

	for (r = 0; r < LANG__MAX && !ml->quiz[r].ok; r++)
		continue;
	if (r == LANG__MAX)
		return;
	ref = &m->text[r];
	rname = xasprintf("quiz.%s.md", lang_code(r));
	for (l = r + 1; l < LANG__MAX; l++) {
		if (!ml->quiz[l].ok)
			continue;
		t = &m->text[l];
		name = xasprintf("quiz.%s.md", lang_code(l));
		if (t->questionsz != ref->questionsz)
			mreport(ml, name, 0, "has %zu questions, %s has %zu",
			    t->questionsz, rname, ref->questionsz);
		n = t->questionsz < ref->questionsz ? t->questionsz :
		    ref->questionsz;
		for (i = 0; i < n; i++) {
			rq = &ref->questions[i];
			tq = &t->questions[i];
			if (tq->multiple != rq->multiple)
				mreport(ml, name, ml->quiz[l].qlines[i],
				    "question %zu is %s-choice, %s has "
				    "%s-choice", i + 1, tq->multiple ?
				    "multiple" : "single", rname,
				    rq->multiple ? "multiple" : "single");
			if (tq->optionsz != rq->optionsz) {
				mreport(ml, name, ml->quiz[l].qlines[i],
				    "question %zu has %zu options, %s has "
				    "%zu", i + 1, tq->optionsz, rname,
				    rq->optionsz);
				continue;
			}
			for (j = 0; j < tq->optionsz; j++)
				if (tq->options[j].correct !=
				    rq->options[j].correct)
					break;
			if (j < tq->optionsz) {
				correct_list(tq, ca, sizeof(ca));
				correct_list(rq, cb, sizeof(cb));
				mreport(ml, name, ml->quiz[l].qlines[i],
				    "question %zu has correct options %s, "
				    "%s has %s", i + 1, ca, rname, cb);
			}
		}
		free(name);
	}
	free(rname);
}

/* Modules. */

/*
 * Reports the files missing from the module: module.txt, and in every
 * language the metadata, the quiz and each lesson.
 */
static void
check_presence(struct mloader *ml)
{
	struct module	*m = ml->m;
	struct lesson	*ls;
	char		*name;
	size_t		 i;
	int		 module = 0, quiz[LANG__MAX] = { 0 };
	int		 anymeta = 0, anyquiz = 0;
	enum lang	 l, o;

	for (i = 0; i < ml->filesz; i++)
		if (ml->files[i].kind == FILE_MODULE)
			module = 1;
		else if (ml->files[i].kind == FILE_QUIZ)
			quiz[ml->files[i].lang] = 1;
	if (!module)
		mreport(ml, "module.txt", 0, "missing");
	for (l = 0; l < LANG__MAX; l++) {
		anymeta |= m->text[l].present;
		anyquiz |= quiz[l];
	}
	for (l = 0; l < LANG__MAX; l++) {
		if (!m->text[l].present) {
			name = xasprintf("meta.%s.txt", lang_code(l));
			if (anymeta)
				mreport_translation(ml, name, "missing");
			else
				mreport(ml, name, 0, "missing");
			free(name);
		}
		if (!quiz[l]) {
			name = xasprintf("quiz.%s.md", lang_code(l));
			if (anyquiz)
				mreport_translation(ml, name, "missing");
			else
				mreport(ml, name, 0, "missing");
			free(name);
		}
	}
	if (m->lessonsz == 0)
		mreport(ml, NULL, 0, "no lessons");
	for (i = 0; i < m->lessonsz; i++) {
		ls = &m->lessons[i];
		for (l = 0; l < LANG__MAX; l++) {
			if (ls->text[l].present)
				continue;
			for (o = 0; o < LANG__MAX; o++)
				if (ls->text[o].present)
					break;
			name = xasprintf("%s.%s.md", ls->slug, lang_code(l));
			mreport_translation(ml, name,
			    "missing (lesson exists in %s)", lang_code(o));
			free(name);
		}
	}
}

/* Rendering, once everything has been checked. */
static void
render_module(struct mloader *ml)
{
	struct module		*m = ml->m;
	struct catalog_arena	*a = m->arena;
	struct quiz_question	*q;
	struct mfile		*f;
	struct lesson_text	*t;
	size_t			 i;
	enum lang		 l;

	for (i = 0; i < ml->filesz; i++) {
		f = &ml->files[i];
		if (f->kind != FILE_LESSON)
			continue;
		t = &lesson_of(m, f->slug)->text[f->lang];
		t->html = arena_take(a, markdown_to_xhtml(f->text + f->bodyoff,
		    f->len - f->bodyoff));
	}
	for (l = 0; l < LANG__MAX; l++)
		for (i = 0; i < m->text[l].questionsz; i++) {
			q = &m->text[l].questions[i];
			q->explanation = arena_take(a,
			    markdown_to_xhtml(q->explanation,
			    strlen(q->explanation)));
		}
}

/*
 * Reads and checks one module folder.  Always returns the module (with
 * what could be read: the caller needs its order to compare it with
 * the others), and sets *problems and the line of 'order' in
 * module.txt.  Rendered only if no problem was found so far.
 */
static struct module *
module_read(struct loader *ld, const char *id, size_t *problems,
    size_t *orderline)
{
	struct mloader		 ml;
	struct module		*m;
	struct mfile		*f;
	crypto_hash_sha256_state hash;
	unsigned char		 digest[crypto_hash_sha256_BYTES];
	char			 hex[HASH_HEX + 1];
	size_t			 i, j, max;
	enum lang		 l;

	memset(&ml, 0, sizeof(ml));
	ml.ld = ld;
	ml.id = id;
	ml.path = xasprintf("%s/%s", ld->dir, id);
	m = ml.m = xcalloc(1, sizeof(*m));
	m->arena = arena_new();
	m->id = arena_strdup(m->arena, id);

	if (!list_module(&ml))
		goto done;

	/* The lesson slugs, sorted and unique, make the lessons array. */
	max = 0;
	for (i = 0; i < ml.filesz; i++) {
		if (ml.files[i].kind != FILE_LESSON)
			continue;
		if (ml.slugsz == max) {
			max = max == 0 ? 8 : max * 2;
			ml.slugs = xreallocarray(ml.slugs, max,
			    sizeof(*ml.slugs));
		}
		ml.slugs[ml.slugsz++] = ml.files[i].slug;
	}
	sort_array(ml.slugs, ml.slugsz, sizeof(*ml.slugs), strp_cmp);
	for (i = j = 0; i < ml.slugsz; i++)
		if (j == 0 || strcmp(ml.slugs[j - 1], ml.slugs[i]) != 0)
			ml.slugs[j++] = ml.slugs[i];
	ml.slugsz = j;
	for (i = 1; i < ml.slugsz; i++)
		if (strncmp(ml.slugs[i - 1], ml.slugs[i], 2) == 0)
			mreport(&ml, NULL, 0, "lessons %s and %s have the "
			    "same number", ml.slugs[i - 1], ml.slugs[i]);
	m->lessons = arena_array(m->arena, ml.slugsz, sizeof(*m->lessons));
	m->lessonsz = ml.slugsz;
	for (i = 0; i < ml.slugsz; i++)
		m->lessons[i].slug = arena_strdup(m->arena, ml.slugs[i]);

	/*
	 * Read and hash every file in name order, then parse.  Files with
	 * a bad name were reported and are not read: the module has a
	 * problem already, its version does not matter.
	 */
	crypto_hash_sha256_init(&hash);
	for (i = 0; i < ml.filesz; i++) {
		f = &ml.files[i];
		if (f->kind == FILE_BAD)
			continue;
		if (!read_file(&ml, f, f->kind == FILE_IMAGE ? IMAGE_MAX :
		    TEXT_MAX, &hash))
			continue;
		if (f->kind != FILE_IMAGE)
			f->ok = prepare_text(&ml, f);
	}
	for (i = 0; i < ml.filesz; i++) {
		f = &ml.files[i];
		switch (f->kind) {
		case FILE_MODULE:
			if (f->ok)
				parse_module_txt(&ml, f);
			break;
		case FILE_META:
			m->text[f->lang].present = 1;
			if (f->ok)
				parse_meta(&ml, f);
			break;
		case FILE_QUIZ:
			if (f->ok)
				parse_quiz(&ml, f);
			break;
		case FILE_LESSON:
			if (f->ok)
				parse_lesson(&ml, f);
			else
				lesson_of(m, f->slug)->text[f->lang].present
				    = 1;
			break;
		default:
			break;
		}
	}

	check_presence(&ml);
	compare_quizzes(&ml);

	if (m->label != NULL) {
		crypto_hash_sha256_update(&hash, (unsigned char *)m->label,
		    strlen(m->label));
		crypto_hash_sha256_final(&hash, digest);
		sodium_bin2hex(hex, sizeof(hex), digest, HASH_HEX / 2);
		m->version = arena_take(m->arena,
		    xasprintf("%s+%s", m->label, hex));
	}
	if (ml.problems == 0 && ld->render)
		render_module(&ml);
done:
	for (i = 0; i < ml.filesz; i++) {
		free(ml.files[i].name);
		free(ml.files[i].slug);
		free(ml.files[i].text);
		free(ml.files[i].lines);
	}
	free(ml.files);
	for (i = 0; i < ml.imagesz; i++)
		free(ml.images[i]);
	free(ml.images);
	free(ml.slugs);
	for (l = 0; l < LANG__MAX; l++)
		free(ml.quiz[l].qlines);
	free(ml.path);
	*problems = ml.problems;
	*orderline = ml.order_line;
	return m;
}

void
module_free(struct module *m)
{
	if (m == NULL)
		return;
	arena_free(m->arena);
	free(m);
}

struct module *
module_load(const char *dir, const char *id, catalog_report_fn fn,
    void *arg, size_t *problems)
{
	struct loader	 ld;
	struct module	*m = NULL;
	const char	*why;
	size_t		 n = 0, line;

	loader_init(&ld, dir);
	if ((why = module_id_problem(id)) != NULL)
		loader_report(&ld, "", "", 0, "%s: %s", id, why);
	else
		m = module_read(&ld, id, &n, &line);
	n = loader_finish(&ld, fn, arg);
	if (problems != NULL)
		*problems = n;
	if (n > 0) {
		module_free(m);
		return NULL;
	}
	return m;
}

/* Catalogs. */

struct readmod {
	struct module	*m;
	size_t		 orderline;	/* in module.txt */
};

static int
module_order_cmp(const void *a, const void *b)
{
	const struct module	*ma = ((const struct readmod *)a)->m;
	const struct module	*mb = ((const struct readmod *)b)->m;

	if (ma->order != mb->order)
		return ma->order < mb->order ? -1 : 1;
	return strcmp(ma->id, mb->id);
}

/*
 * Reads the content folder into a catalog, or NULL; *problems gets
 * the number of problems reported.
 */
static struct catalog *
catalog_read(const char *dir, int lenient, catalog_report_fn fn, void *arg,
    size_t *problems)
{
	struct loader		 ld;
	struct catalog		*c = NULL;
	struct readmod		*mods = NULL;
	struct module		*m;
	DIR			*d;
	struct dirent		*de;
	struct stat		 st;
	char			**ids = NULL, *path, hex[HASH_HEX + 1];
	const char		*why;
	size_t			 idsz = 0, idmax = 0, i, j, n;
	crypto_hash_sha256_state hash;
	unsigned char		 digest[crypto_hash_sha256_BYTES];

	loader_init(&ld, dir);
	ld.lenient = lenient;
	if ((d = opendir(ld.dir)) == NULL) {
		loader_report(&ld, "", "", 0, "cannot open: %s",
		    strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", ld.dir, de->d_name);
		if (lstat(path, &st) == -1) {
			loader_report(&ld, de->d_name, "", 0,
			    "cannot stat: %s", strerror(errno));
			free(path);
			continue;
		}
		free(path);
		/* Files beside the modules (README.md) are not content. */
		if (S_ISREG(st.st_mode))
			continue;
		if (!S_ISDIR(st.st_mode)) {
			loader_report(&ld, de->d_name, "", 0,
			    "not a module folder");
			continue;
		}
		if ((why = module_id_problem(de->d_name)) != NULL) {
			loader_report(&ld, de->d_name, "", 0, "%s", why);
			continue;
		}
		if (idsz == idmax) {
			idmax = idmax == 0 ? 32 : idmax * 2;
			ids = xreallocarray(ids, idmax, sizeof(*ids));
		}
		ids[idsz++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (idsz == 0 && ld.errors == 0)
		loader_report(&ld, "", "", 0, "no modules");
	sort_array(ids, idsz, sizeof(*ids), strp_cmp);

	mods = xcalloc(idsz, sizeof(*mods));
	for (i = 0; i < idsz; i++)
		mods[i].m = module_read(&ld, ids[i], &n, &mods[i].orderline);

	/* Orders must be unique; the later id is the one reported. */
	sort_array(mods, idsz, sizeof(*mods), module_order_cmp);
	for (i = 1, j = 0; i < idsz; i++) {
		if (mods[i].m->order != mods[j].m->order) {
			j = i;
			continue;
		}
		if (mods[i].m->order != 0)
			loader_report(&ld, mods[i].m->id, "module.txt",
			    mods[i].orderline, "order %d is also used by %s",
			    mods[i].m->order, mods[j].m->id);
	}

	if (ld.errors == 0) {
		c = xcalloc(1, sizeof(*c));
		c->dir = xstrdup(ld.dir);
		c->modules = xcalloc(idsz, sizeof(*c->modules));
		c->modulesz = idsz;
		crypto_hash_sha256_init(&hash);
		for (i = 0; i < idsz; i++) {
			m = mods[i].m;
			crypto_hash_sha256_update(&hash,
			    (unsigned char *)m->id, strlen(m->id) + 1);
			crypto_hash_sha256_update(&hash,
			    (unsigned char *)m->version,
			    strlen(m->version) + 1);
			/* The catalog takes the module over, arena and all. */
			c->modules[i] = *m;
			free(m);
			mods[i].m = NULL;
		}
		crypto_hash_sha256_final(&hash, digest);
		sodium_bin2hex(hex, sizeof(hex), digest, HASH_HEX / 2);
		c->version = xstrdup(hex);
	}
	for (i = 0; i < idsz; i++) {
		module_free(mods[i].m);
		free(ids[i]);
	}
	free(mods);
	free(ids);
out:
	n = loader_finish(&ld, fn, arg);
	if (problems != NULL)
		*problems = n;
	return c;
}

struct catalog *
catalog_load(const char *dir, catalog_report_fn fn, void *arg)
{
	return catalog_read(dir, 1, fn, arg, NULL);
}

size_t
catalog_check(const char *dir, catalog_report_fn fn, void *arg)
{
	struct catalog	*c;
	size_t		 n;

	c = catalog_read(dir, 0, fn, arg, &n);
	catalog_free(c);
	return n;
}

void
catalog_free(struct catalog *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->modulesz; i++)
		arena_free(c->modules[i].arena);
	free(c->modules);
	free(c->dir);
	free(c->version);
	free(c);
}

const struct module *
catalog_find_module(const struct catalog *c, const char *id)
{
	size_t	 i;

	for (i = 0; i < c->modulesz; i++)
		if (strcmp(c->modules[i].id, id) == 0)
			return &c->modules[i];
	return NULL;
}

static int
lesson_slug_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct lesson *)elem)->slug);
}

const struct lesson *
module_find_lesson(const struct module *m, const char *slug)
{
	if (m->lessonsz == 0)
		return NULL;
	return bsearch(slug, m->lessons, m->lessonsz, sizeof(*m->lessons),
	    lesson_slug_cmp);
}

long
module_lesson_index(const struct module *m, const char *slug)
{
	const struct lesson	*l;

	if ((l = module_find_lesson(m, slug)) == NULL)
		return -1;
	return (long)(l - m->lessons);
}
