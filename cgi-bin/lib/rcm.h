/*
 * Shared prototypes of cgi-bin/lib, the library every program links.
 * One header, as in OpenBSD style(9); each section names its file.
 */
#ifndef RCM_H
#define RCM_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

/* libxml2's handles, for prototypes; the .c files include libxml2. */
typedef struct _xmlDoc *xmlDocPtr;
typedef struct _xmlNode *xmlNodePtr;

/* alloc.c: wrappers that exit on failure; callers never test for NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
		__attribute__((format(printf, 1, 2)));

/* log.c: to stderr (collected by the service manager) or syslog. */
void	 log_init(const char *progname, int use_syslog);
void	 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_errx(const char *, ...) __attribute__((format(printf, 1, 2)));

/* config.c: one file of "key = value" lines, then RCM_* environment overrides. */
struct config {
	char		*db_socket;	/* MariaDB unix socket */
	char		*db_name;
	char		*secrets_dir;	/* holds db-PROGRAM, the account's password */
	char		*content_dir;
	char		*xslt_dir;
	char		*base_url;	/* public address, for verification links */
	int		 cookie_secure;	/* 0 only for plain-http development */
	size_t		 max_body;	/* bytes; nginx enforces it first */
	int		 quiz_attempts_per_day;
	int		 session_idle;	/* seconds */
	int		 session_absolute; /* seconds */
	int		 log_syslog;
};
extern struct config	 cfg;
int	 config_load(const char *path);

/* req.c: a request parsed into typed, validated fields. */
enum method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD__MAX
};

struct field;
typedef int	(*field_valid_fn)(struct field *);

/* One entry of a program's key table: the field name and its validator. */
struct field_def {
	const char	*name;
	field_valid_fn	 valid;
	int		 flags;
#define FIELD_RAW	0x01	/* bytes: the validator checks UTF-8 */
#define FIELD_MULTI	0x02	/* may be given more than once */
#define FIELD_OPTIONAL	0x04	/* an empty value means absent ("all") */
};

struct field {
	const struct field_def *def;
	char		*val;		/* NUL-terminated, valid UTF-8 */
	size_t		 valsz;
	int64_t		 num;		/* filled by numeric validators */
	struct field	*next;		/* next value of the same key */
};

#define REQ_MAXSEG	 4

struct req {
	enum method	 method;
	const char	*method_name;
	char		*path;		/* decoded, normalised by nginx */
	int		 want_xml;	/* ".xml" suffix or Accept: application/xml */
	char		*query;
	char		*cookie;	/* raw Cookie header, parsed on demand */
	char		*accept_language;
	char		*remote_addr;
	char		*content_type;
	char		*origin;	/* Origin header, when the browser sent one */
	char		*host;
	char		*seg[REQ_MAXSEG];	/* '*' captures of the route */
	size_t		 segsz;
	struct field	**fields;	/* indexed like the program's key table */
	size_t		 fieldsz;
	const char	*bad_field;	/* name of the first field that failed */
	const char	*bad_reason;	/* utf8, encoding, repeated, invalid... */
	int		 bad_field_owned;
	int		 bad_encoding;	/* malformed escape or UTF-8: 400 */
	int		 body_too_large;
	struct session	*session;	/* NULL when not signed in */
	enum lang	 lang;		/* language of the page */
	int		 status;	/* response status, for the access log */
};

struct FCGX_Request;
int	 req_parse(struct req *, struct FCGX_Request *,
		const struct field_def *, size_t);
void	 req_free(struct req *);
const char *req_cookie(const struct req *, const char *name, char *buf, size_t);
struct field *req_field(const struct req *, size_t key);
int	 req_cross_site(const struct req *);
const char *req_str(const struct req *, size_t key);	/* NULL if absent */

int	 valid_utf8(const char *, size_t);
int	 valid_int(struct field *);
int	 valid_year(struct field *);
int	 valid_page_number(struct field *);
int	 valid_email(struct field *);
int	 valid_password(struct field *);
int	 valid_line(struct field *);
int	 valid_text(struct field *);
int	 valid_token(struct field *);
int	 valid_lang(struct field *);
int	 valid_country(struct field *);
int	 valid_sex(struct field *);
int	 valid_slug(struct field *);
int	 valid_answer(struct field *);

/* resp.c: status line, security headers, bodies. */
struct FCGX_Stream;
struct resp {
	struct FCGX_Stream *out;
	int		 head_only;
};
void	 resp_headers(struct resp *, struct req *, int status,
		const char *content_type, const char *extra);
void	 resp_redirect(struct resp *, struct req *, const char *location);
void	 resp_write(struct resp *, const char *, size_t);
void	 resp_puts(struct resp *, const char *);
const char *resp_status_text(int);

/* session.c: signed-in sessions and CSRF tokens. */
enum role {
	ROLE_OFFICER,
	ROLE_FOCAL,
	ROLE_SECRETARIAT,
	ROLE_AUTHOR,
	ROLE_ADMIN,
	ROLE__MAX
};
extern const char *const role_names[ROLE__MAX];

struct session {
	int64_t		 user_id;
	char		*email;
	char		*full_name;
	enum role	 role;
	char		 country[3];	/* "" for roles without a country */
	char		*agency;
	char		*sex;
	enum lang	 lang;
	char		 csrf[44];
};
#define SESSION_COOKIE	"rcm_session"
#define TOKEN_LEN	43	/* 32 random bytes in unpadded base64url */

void	 token_new(char out[TOKEN_LEN + 1]);
void	 token_hash(const char *token, unsigned char out[32]);
int	 session_load(struct req *);
int	 session_create(struct req *, int64_t user_id, char cookie[TOKEN_LEN + 1]);
int	 session_destroy(struct req *);
int	 session_csrf_ok(const struct req *, const char *token);
void	 session_free(struct session *);
char	*session_cookie_header(const char *token, int max_age);

/*
 * db.c: the only place SQL lives.  Every statement is prepared once per
 * connection from the table in db.c, indexed by this enum.
 */
enum stmt {
	STMT_HEALTH,
	STMT_MIGRATION_LAST,
	STMT_SESSION_LOOKUP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_USER,
	STMT_SESSIONS_PURGE,
	STMT_THROTTLE_PURGE,
	STMT_USER_BY_EMAIL,
	STMT_USER_SET_PASSWORD,
	STMT_USER_SET_LANG,
	STMT_USER_UPDATE_PROFILE,
	STMT_THROTTLE_HIT,
	STMT_THROTTLE_GET,
	STMT_THROTTLE_CLEAR,
	STMT_PWTOKEN_LOOKUP,
	STMT_PWTOKEN_USE,
	STMT_PWTOKEN_INSERT,
	STMT_MODULE_VERSION_PUBLISH,
	STMT_READS_BY_USER,
	STMT_READ_INSERT,
	STMT_START_UPSERT,
	STMT_STARTS_BY_USER,
	STMT_ATTEMPT_INSERT,
	STMT_ATTEMPT_GET,
	STMT_ATTEMPT_OPEN,
	STMT_ATTEMPT_SUBMIT,
	STMT_ATTEMPTS_TODAY,
	STMT_ATTEMPTS_BY_USER,
	STMT_ATTEMPTS_COUNT,
	STMT_ATTEMPT_PASSED,
	STMT_COMPLETION_INSERT,
	STMT_COMPLETIONS_BY_USER,
	STMT_COMPLETION_BY_CODE,
	STMT_COMPLETION_FOR_MODULE,
	STMT_VERIFY_CODE,
	STMT_USER_INSERT,
	STMT_USER_UPSERT,
	STMT_USER_UPDATE_ROSTER,
	STMT_USER_BY_ID_SCOPED,
	STMT_USERS_SCOPED,
	STMT_USERS_SCOPED_COUNT,
	STMT_USER_SET_ACTIVE,
	STMT_IMPORT_INSERT,
	STMT_IMPORT_USER_INSERT,
	STMT_IMPORT_GET,
	STMT_IMPORT_NEW_USERS,
	STMT_COMPLETION_REVOKE,
	STMT_REPORT_SUMMARY,
	STMT_REPORT_ENROLLED,
	STMT_REPORT_OFFICERS,
	STMT_REPORT_OFFICERS_COUNT,
	STMT_REPORT_RECORDS,
	STMT_REPORT_AGENCIES,
	STMT_MODULE_TITLES,
	STMT_COUNTRIES,
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT__MAX
};

enum db_err {
	DB_E_NONE,
	DB_E_UNAVAILABLE,	/* server gone or unreachable: answer 503 */
	DB_E_DUPLICATE,		/* unique key violated */
	DB_E_OTHER
};

struct db_cursor;

void	 db_init(const char *account);
void	 db_set_read_timeout(unsigned int seconds);
int	 db_ping(void);
void	 db_close_all(void);
void	 db_forget(void);
enum db_err db_error(void);
/*
 * Parameters are described by a string of types, one letter each:
 * 'i' int64_t, 's' NUL-terminated string (NULL for SQL NULL),
 * 'b' (const void *, size_t).  db_open returns NULL on error (see db_error()).
 */
struct db_cursor *db_open(enum stmt, const char *types, ...);
int	 db_fetch(struct db_cursor *);	/* 1 row, 0 end, -1 error */
int	 db_isnull(const struct db_cursor *, size_t col);
int64_t	 db_int(const struct db_cursor *, size_t col);
const char *db_str(const struct db_cursor *, size_t col);	/* "" if NULL */
size_t	 db_len(const struct db_cursor *, size_t col);
void	 db_close(struct db_cursor *);
/* Runs a statement without rows; returns affected rows or -1. */
int64_t	 db_exec(enum stmt, const char *types, ...);
int64_t	 db_last_id(void);
/* An INSERT where an existing row is fine; returns 1, or 0 on error. */
int	 db_insert_once(enum stmt, const char *types, ...);

/* password.c: argon2id hashes. */
char	*password_hash(const char *plain);
int	 password_verify(const char *hash, const char *plain);

/* quiz.c: per-attempt order of questions and options, answers, scores. */
#define QUIZ_MAXQ	64
#define QUIZ_MAXOPT	16
struct quiz_layout {
	size_t	 n;
	struct {
		int	 q;			/* question index as written */
		int	 nopt;
		int	 opt[QUIZ_MAXOPT];	/* option indices as shown */
	} item[QUIZ_MAXQ];
};
void	 quiz_shuffle(const struct module_text *, struct quiz_layout *);
char	*quiz_layout_encode(const struct quiz_layout *);
int	 quiz_layout_decode(const char *, const struct module_text *,
		struct quiz_layout *);
int	 quiz_score(const struct module_text *, const uint32_t *selected,
		int *max);
int	 quiz_is_correct(const struct quiz_question *, uint32_t selected);
char	*quiz_answers_encode(const struct quiz_layout *, const uint32_t *);
void	 quiz_answers_decode(const char *, uint32_t *selected);

/* progress.c: an officer's progress and the rule for completion. */
#define CERT_CODE_LEN	20	/* Crockford base32, 100 bits */
struct module_progress {
	const struct module *mod;
	unsigned char	*read;		/* per lesson of mod */
	size_t		 nread;
	int		 started;
	char		*last_lesson;
	int		 passed;	/* a valid completion exists */
	char		*certificate;
};
struct progress {
	struct module_progress *modules;	/* same order as the catalog */
	size_t		 modulesz;
	char		*last_module;	/* most recently visited */
};
void	 certificate_code_new(char out[CERT_CODE_LEN + 1]);
struct progress *progress_load(int64_t user, const struct catalog *);
const struct module_progress *progress_module(const struct progress *,
		const char *module);
const struct lesson *progress_next_lesson(const struct module_progress *);
int	 progress_complete_if_done(int64_t user, const struct module *);
void	 progress_free(struct progress *);

/* signin.c: throttled sign-in. */
enum signin {
	SIGNIN_OK,
	SIGNIN_BAD,		/* unknown account or wrong password */
	SIGNIN_THROTTLED,	/* too many attempts: 429 */
	SIGNIN_UNAVAILABLE	/* database: 503 */
};
enum signin signin_check(const char *email, const char *password,
		const char *address, int64_t *user_id);

/* scope.c: which country a report may show to whom. */
struct scope {
	const char	*country;	/* NULL: every country */
	char		 country_buf[3];
	int		 personal;	/* may see officers' names */
};
int	 scope_for(const struct req *, const char *requested, struct scope *);

/* records.c: figures and completion records for a period and filters. */
struct report_filter {
	const char	*country;	/* from scope_for(); NULL: all */
	const char	*agency;	/* NULL: all */
	const char	*module;	/* NULL: all */
	int		 year;
	char		 start[16];	/* "YYYY-01-01" */
	char		 end[16];	/* first day of the next year */
};
struct summary_row {
	char		*module, *country, *sex, *agency;
	long long	 started, completed, attempted, passed;
};
struct enrolled_row {
	char		*country, *sex, *agency;
	long long	 officers;
};
struct report_summary {
	struct summary_row	*rows;
	size_t			 rowsz;
	struct enrolled_row	*enrolled;
	size_t			 enrolledsz;
	long long		 monthly[12];
};
void	 report_filter_init(struct report_filter *, int year);
int	 report_summary_load(const struct report_filter *,
		struct report_summary *);
void	 report_summary_free(struct report_summary *);
typedef struct _xmlTextWriter *xmlTextWriterPtr;
void	 summary_write(xmlTextWriterPtr, const struct report_summary *);
int	 records_write(xmlTextWriterPtr, const struct report_filter *,
		int personal);
struct _xmlDoc	*records_doc(const struct report_filter *, int personal);
#define RECORDS_NS	"urn:x-rcm:completion-records:1"

/*
 * roster.c: checking a CSV roster of officers before importing it.
 * Problems are message keys of the UI catalogs (roster.*) with up to two
 * parameters, so that the focal point reads them in their language.
 */
struct roster_msg {
	const char	*key;		/* NULL: no problem */
	char		*p1, *p2;
};
struct roster_row {
	size_t		 line;		/* where the row starts in the file */
	char		*email, *full_name, *agency, *sex, *lang;
	struct roster_msg error;
	int64_t		 user_id;	/* filled by the importer */
	int		 action;	/* filled by the importer */
};
struct roster {
	struct roster_row *rows;
	size_t		 rowsz;
	size_t		 errors;	/* rows with an error */
	struct roster_msg error;	/* the file as a whole is unusable */
};
void	 roster_msg_set(struct roster_msg *, const char *key, const char *p1,
		const char *p2);
int	 roster_parse(const char *, size_t, const char *country,
		struct roster *);
void	 roster_free(struct roster *);

/* regional.c: the Secretariat's report from countries' files. */
int	 regional_init(void);
char	*regional_add(xmlNodePtr reports, const char *data, size_t len);

/* view.c: XML view documents rendered through XSLT compiled at start. */
int	 view_init(void);
xmlDocPtr view_new(const struct req *, const char *view);
xmlNodePtr view_root(xmlDocPtr);
xmlNodePtr view_add(xmlNodePtr, const char *name, const char *text);
xmlNodePtr view_addf(xmlNodePtr, const char *name, const char *, ...)
		__attribute__((format(printf, 3, 4)));
xmlNodePtr view_add_xhtml(xmlNodePtr, const char *name, const char *xhtml);
void	 view_attr(xmlNodePtr, const char *name, const char *value);
void	 view_attr_int(xmlNodePtr, const char *name, long long value);
void	 view_render(struct resp *, struct req *, xmlDocPtr, int status,
		const char *extra_headers);
xmlNodePtr view_add_qr(xmlNodePtr, const char *text);	/* qr.c */
xmlNodePtr view_notice(xmlDocPtr, const char *key, const char *kind);
int	 view_apply(const char *xsl, xmlDocPtr, enum lang, int standalone,
		unsigned char **buf, int *sz);
void	 view_transform(struct resp *, struct req *, const char *xsl,
		xmlDocPtr, const char *content_type, const char *extra_headers,
		enum lang);
void	 view_error(struct resp *, struct req *, int status,
		const char *key, const char *detail);
void	 view_error_headers(struct resp *, struct req *, int status,
		const char *key, const char *extra_headers);
/* Adds <name key=".." p1=".." p2=".."/>: a message shown translated. */
xmlNodePtr view_add_message(xmlNodePtr, const char *name, const char *key,
		const char *p1, const char *p2);
/* An error page whose detail is a translated message. */
void	 view_error_message(struct resp *, struct req *, int status,
		const char *key, const char *msgkey, const char *p1,
		const char *p2);
/* 400 naming the field the request got wrong (req->bad_field). */
void	 view_error_field(struct resp *, struct req *, const char *field,
		const char *reason);

/* server.c: the FastCGI loop, routing and signals shared by all programs. */
#define ROUTE_NOCSRF	0x01	/* POST without a session (sign-in) */
#define ROUTE_SIGNED_IN	0x02	/* redirect to sign-in when anonymous */

struct route {
	enum method	 method;
	const char	*pattern;	/* '*' matches one path segment */
	int		 page;
	int		 flags;
};

typedef void	(*page_fn)(struct resp *, struct req *);

struct program {
	const char		*name;		/* also its database account */
	const char		*healthz;	/* "/learn/healthz" */
	const struct field_def	*keys;		/* key 0 is always "csrf" */
	size_t			 keysz;
	const struct route	*routes;
	size_t			 routesz;
	const page_fn		*pages;		/* indexed by route page */
	void			(*catalog_loaded)(void);
	int			 flags;
#define PROGRAM_PUBLIC	0x01	/* no sessions: pages for anyone (verify) */
};

extern struct catalog	*catalog_current;
int	 server_main(int, char *[], const struct program *);

#endif /* !RCM_H */
