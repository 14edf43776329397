/*
 * The database layer: the only file that holds SQL.  Statements live in
 * one table indexed by enum stmt and are prepared at most once per
 * connection, on first use.  Callers pass typed parameters and read typed
 * columns; no SQL text is ever built from data.
 *
 * When the server goes away (2006/2013) the connection is dropped; the
 * next call reconnects and re-prepares.  Statements marked DB_IDEMPOTENT
 * are retried once at once, others report DB_E_UNAVAILABLE to the caller,
 * which answers 503 so the client may retry the whole request.
 */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "rcm.h"

#define DB_IDEMPOTENT	0x01	/* safe to retry after a reconnect */
#define DB_STREAM	0x02	/* rows are fetched unbuffered */

struct stmt_def {
	const char	*sql;
	int		 flags;
};

/* Columns users.* as the session and sign-in code read them. */
#define USER_COLS \
	"u.id, u.email, u.full_name, u.role, COALESCE(u.country, ''), " \
	"u.agency, u.sex, u.lang, u.password_hash "

static const struct stmt_def stmts[STMT__MAX] = {
	[STMT_HEALTH] = { "SELECT 1", DB_IDEMPOTENT },
	[STMT_MIGRATION_LAST] = {
		"SELECT COALESCE(MAX(name), '') FROM schema_migrations",
		DB_IDEMPOTENT },

	/* Sessions: the token's hash, idle and absolute limits in seconds. */
	[STMT_SESSION_LOOKUP] = {
		"SELECT " USER_COLS ", s.csrf, "
		"TIMESTAMPDIFF(SECOND, s.last_seen, NOW()) "
		"FROM sessions s JOIN users u ON u.id = s.user_id "
		"WHERE s.token_hash = ? AND u.active = 1 "
		"AND s.last_seen > NOW() - INTERVAL ? SECOND "
		"AND s.created_at > NOW() - INTERVAL ? SECOND",
		DB_IDEMPOTENT },
	[STMT_SESSION_TOUCH] = {
		"UPDATE sessions SET last_seen = NOW() WHERE token_hash = ?",
		DB_IDEMPOTENT },
	[STMT_SESSION_INSERT] = {
		"INSERT INTO sessions (token_hash, user_id, csrf) "
		"VALUES (?, ?, ?)", 0 },
	[STMT_SESSION_DELETE] = {
		"DELETE FROM sessions WHERE token_hash = ?", DB_IDEMPOTENT },
	[STMT_SESSION_DELETE_USER] = {
		"DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
		DB_IDEMPOTENT },

	/* Housekeeping at every sign-in: expired sessions, old counters. */
	[STMT_SESSIONS_PURGE] = {
		"DELETE FROM sessions WHERE last_seen < NOW() - INTERVAL ? SECOND "
		"OR created_at < NOW() - INTERVAL ? SECOND", DB_IDEMPOTENT },
	[STMT_THROTTLE_PURGE] = {
		"DELETE FROM login_throttle "
		"WHERE window_start < NOW() - INTERVAL ? SECOND", DB_IDEMPOTENT },

	[STMT_USER_BY_EMAIL] = {
		"SELECT " USER_COLS ", u.active FROM users u WHERE u.email = ?",
		DB_IDEMPOTENT },
	[STMT_USER_SET_PASSWORD] = {
		"UPDATE users SET password_hash = ? WHERE id = ?",
		DB_IDEMPOTENT },
	[STMT_USER_SET_LANG] = {
		"UPDATE users SET lang = ? WHERE id = ?", DB_IDEMPOTENT },
	[STMT_USER_UPDATE_PROFILE] = {
		"UPDATE users SET full_name = ?, agency = ?, sex = ?, lang = ? "
		"WHERE id = ?", DB_IDEMPOTENT },

	/*
	 * Sign-in throttling.  LAST_INSERT_ID(expr) hands this connection
	 * the count it produced, so every parallel attempt sees its own
	 * number and the limit holds exactly.  A fresh row reports 0: one.
	 */
	[STMT_THROTTLE_HIT] = {
		"INSERT INTO login_throttle (throttle_key, window_start, failures) "
		"VALUES (?, NOW(), 1) ON DUPLICATE KEY UPDATE "
		"failures = LAST_INSERT_ID(IF(window_start < NOW() - INTERVAL ? "
		"SECOND, 1, failures + 1)), "
		"window_start = IF(window_start < NOW() - INTERVAL ? SECOND, "
		"NOW(), window_start)", 0 },
	[STMT_THROTTLE_GET] = {
		"SELECT failures FROM login_throttle WHERE throttle_key = ? "
		"AND window_start > NOW() - INTERVAL ? SECOND", DB_IDEMPOTENT },
	[STMT_THROTTLE_CLEAR] = {
		"DELETE FROM login_throttle WHERE throttle_key = ?",
		DB_IDEMPOTENT },

	[STMT_PWTOKEN_LOOKUP] = {
		"SELECT t.user_id, u.email, u.full_name FROM password_tokens t "
		"JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? "
		"AND t.used_at IS NULL AND t.expires_at > NOW() "
		"AND u.active = 1", DB_IDEMPOTENT },
	[STMT_PWTOKEN_USE] = {
		"UPDATE password_tokens SET used_at = NOW() "
		"WHERE token_hash = ? AND used_at IS NULL "
		"AND expires_at > NOW()", 0 },
	[STMT_PWTOKEN_INSERT] = {
		"INSERT INTO password_tokens (token_hash, user_id, expires_at) "
		"VALUES (?, ?, NOW() + INTERVAL ? SECOND)", 0 },

	[STMT_MODULE_VERSION_PUBLISH] = {
		"INSERT INTO module_versions "
		"(module_id, version, label, title_en, title_es, lessons) "
		"VALUES (?, ?, ?, ?, ?, ?)", DB_IDEMPOTENT },

	/*
	 * Progress: lesson reads are idempotent by primary key; callers
	 * take DB_E_DUPLICATE as "already recorded" (db_insert_once).
	 */
	[STMT_READS_BY_USER] = {
		"SELECT module_id, lesson, version FROM lesson_reads "
		"WHERE user_id = ?", DB_IDEMPOTENT },
	[STMT_READ_INSERT] = {
		"INSERT INTO lesson_reads (user_id, module_id, lesson, version) "
		"VALUES (?, ?, ?, ?)", DB_IDEMPOTENT },
	[STMT_START_UPSERT] = {
		"INSERT INTO module_starts (user_id, module_id, last_lesson) "
		"VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
		"last_lesson = VALUES(last_lesson), last_seen = NOW()",
		DB_IDEMPOTENT },
	[STMT_STARTS_BY_USER] = {
		"SELECT module_id, last_lesson, started_at FROM module_starts "
		"WHERE user_id = ? ORDER BY last_seen DESC", DB_IDEMPOTENT },

	/* Quiz attempts: created when shown, submitted once. */
	[STMT_ATTEMPT_INSERT] = {
		"INSERT INTO quiz_attempts "
		"(user_id, module_id, version, lang, layout) "
		"VALUES (?, ?, ?, ?, ?)", 0 },
	[STMT_ATTEMPT_OPEN] = {
		"SELECT id, layout, lang FROM quiz_attempts "
		"WHERE user_id = ? AND module_id = ? AND version = ? "
		"AND submitted_at IS NULL ORDER BY id DESC LIMIT 1",
		DB_IDEMPOTENT },
	[STMT_ATTEMPT_GET] = {
		"SELECT id, module_id, version, lang, layout, "
		"COALESCE(answers, ''), COALESCE(score, 0), "
		"COALESCE(max_score, 0), COALESCE(passed, 0), "
		"submitted_at IS NOT NULL, "
		"DATE_FORMAT(COALESCE(submitted_at, created_at), "
		"'%Y-%m-%dT%H:%i:%sZ') "
		"FROM quiz_attempts WHERE id = ? AND user_id = ?",
		DB_IDEMPOTENT },
	[STMT_ATTEMPT_SUBMIT] = {
		"UPDATE quiz_attempts SET answers = ?, score = ?, "
		"max_score = ?, passed = ?, submitted_at = NOW() "
		"WHERE id = ? AND user_id = ? AND submitted_at IS NULL",
		DB_IDEMPOTENT },
	[STMT_ATTEMPTS_TODAY] = {
		"SELECT COUNT(*) FROM quiz_attempts WHERE user_id = ? "
		"AND module_id = ? AND submitted_at >= CURDATE()",
		DB_IDEMPOTENT },
	[STMT_ATTEMPTS_BY_USER] = {
		"SELECT id, module_id, version, lang, score, max_score, passed, "
		"DATE_FORMAT(submitted_at, '%Y-%m-%dT%H:%i:%sZ') "
		"FROM quiz_attempts WHERE user_id = ? "
		"AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id DESC",
		DB_IDEMPOTENT },
	[STMT_ATTEMPTS_COUNT] = {
		"SELECT COUNT(*) FROM quiz_attempts WHERE user_id = ? "
		"AND module_id = ? AND version = ? AND submitted_at IS NOT NULL",
		DB_IDEMPOTENT },

	/* The latest passed attempt: its version goes on the completion. */
	[STMT_ATTEMPT_PASSED] = {
		"SELECT version, lang, score * 100 DIV max_score "
		"FROM quiz_attempts WHERE user_id = ? AND module_id = ? "
		"AND passed = 1 ORDER BY submitted_at DESC, id DESC LIMIT 1",
		DB_IDEMPOTENT },

	/* Completions: once per user, module and version. */
	[STMT_COMPLETION_INSERT] = {
		"INSERT INTO completions (user_id, module_id, version, lang, "
		"score, attempts, started_at, completed_at, certificate) "
		"VALUES (?, ?, ?, ?, ?, ?, COALESCE((SELECT started_at FROM "
		"module_starts WHERE user_id = ? AND module_id = ?), NOW()), "
		"NOW(), ?)", 0 },
	[STMT_COMPLETIONS_BY_USER] = {
		"SELECT module_id, version, lang, score, attempts, "
		"DATE_FORMAT(completed_at, '%Y-%m-%dT%H:%i:%sZ'), certificate, "
		"revoked_at IS NOT NULL FROM completions WHERE user_id = ? "
		"ORDER BY completed_at DESC", DB_IDEMPOTENT },
	[STMT_COMPLETION_BY_CODE] = {
		"SELECT c.module_id, c.version, c.lang, c.score, c.attempts, "
		"DATE_FORMAT(c.completed_at, '%Y-%m-%dT%H:%i:%sZ'), "
		"c.certificate, c.revoked_at IS NOT NULL, u.full_name "
		"FROM completions c JOIN users u ON u.id = c.user_id "
		"WHERE c.certificate = ? AND c.user_id = ?", DB_IDEMPOTENT },
	[STMT_COMPLETION_FOR_MODULE] = {
		"SELECT certificate FROM completions WHERE user_id = ? "
		"AND module_id = ? AND version = ?", DB_IDEMPOTENT },
	[STMT_VERIFY_CODE] = {
		"SELECT u.full_name, c.module_id, c.version, "
		"DATE_FORMAT(c.completed_at, '%Y-%m-%d'), "
		"c.revoked_at IS NOT NULL, COALESCE(v.title_en, c.module_id), "
		"COALESCE(v.title_es, c.module_id) "
		"FROM completions c JOIN users u ON u.id = c.user_id "
		"LEFT JOIN module_versions v ON v.module_id = c.module_id "
		"AND v.version = c.version WHERE c.certificate = ?",
		DB_IDEMPOTENT },

	/* trainctl only: accounts created or updated by the administrator. */
	[STMT_USER_UPSERT] = {
		"INSERT INTO users (email, full_name, role, country, agency, "
		"sex, lang) VALUES (?, ?, ?, ?, ?, ?, ?) "
		"ON DUPLICATE KEY UPDATE full_name = VALUES(full_name), "
		"role = VALUES(role), country = VALUES(country), "
		"agency = VALUES(agency), sex = VALUES(sex), "
		"lang = VALUES(lang)", 0 },

	/*
	 * Accounts managed by a focal point or an administrator.  The
	 * country is always a bound parameter: NULL means every country
	 * and is passed only for administrators (cgi-bin/lib/scope.c).
	 */
	[STMT_USER_INSERT] = {
		"INSERT INTO users (email, full_name, role, country, agency, "
		"sex, lang) VALUES (?, ?, 'officer', ?, ?, ?, ?)", 0 },
	[STMT_USER_UPDATE_ROSTER] = {
		"UPDATE users SET full_name = ?, agency = ?, sex = ?, lang = ? "
		"WHERE id = ? AND country = ? AND role = 'officer'",
		DB_IDEMPOTENT },
	[STMT_USER_BY_ID_SCOPED] = {
		"SELECT id, email, full_name, role, COALESCE(country, ''), "
		"agency, sex, lang, active, password_hash IS NOT NULL "
		"FROM users WHERE id = ? AND (? IS NULL OR country = ?)",
		DB_IDEMPOTENT },
	[STMT_USERS_SCOPED] = {
		"SELECT id, email, full_name, role, COALESCE(country, ''), "
		"agency, sex, lang, active, password_hash IS NOT NULL "
		"FROM users WHERE (? IS NULL OR country = ?) "
		"AND (? IS NULL OR role = ?) "
		"ORDER BY full_name, id LIMIT ? OFFSET ?", DB_IDEMPOTENT },
	[STMT_USERS_SCOPED_COUNT] = {
		"SELECT COUNT(*) FROM users WHERE (? IS NULL OR country = ?) "
		"AND (? IS NULL OR role = ?)", DB_IDEMPOTENT },
	[STMT_USER_SET_ACTIVE] = {
		"UPDATE users SET active = ? WHERE id = ? "
		"AND (? IS NULL OR country = ?) AND role = 'officer'",
		DB_IDEMPOTENT },
	[STMT_IMPORT_INSERT] = {
		"INSERT INTO roster_imports (country, imported_by, "
		"rows_created, rows_updated) VALUES (?, ?, ?, ?)", 0 },
	[STMT_IMPORT_USER_INSERT] = {
		"INSERT INTO roster_import_users (import_id, user_id, created) "
		"VALUES (?, ?, ?)", DB_IDEMPOTENT },
	[STMT_IMPORT_GET] = {
		"SELECT id, country, rows_created, rows_updated, "
		"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ') "
		"FROM roster_imports WHERE id = ? "
		"AND (? IS NULL OR country = ?)", DB_IDEMPOTENT },
	[STMT_IMPORT_NEW_USERS] = {
		"SELECT u.id, u.email, u.full_name FROM roster_import_users i "
		"JOIN users u ON u.id = i.user_id WHERE i.import_id = ? "
		"AND i.created = 1 AND u.country = ? ORDER BY u.full_name",
		DB_IDEMPOTENT },
	[STMT_COMPLETION_REVOKE] = {
		"UPDATE completions c JOIN users u ON u.id = c.user_id "
		"SET c.revoked_at = NOW() WHERE c.certificate = ? "
		"AND (? IS NULL OR u.country = ?) AND c.revoked_at IS NULL",
		DB_IDEMPOTENT },

	/*
	 * Reports.  Every statement takes the period [start, end) and the
	 * filters country, agency and module, each NULL for "all" and each
	 * given twice ("? IS NULL OR column = ?": no comparison at all per
	 * row when a filter is not used); the country comes from the
	 * session, never from the query string of a focal point.
	 * Aggregates are computed here, not by walking records afterwards.
	 */
#define REPORT_SCOPE(u, m) \
	"AND (? IS NULL OR " u ".country = ?) " \
	"AND (? IS NULL OR " u ".agency = ?) " \
	"AND (? IS NULL OR " m ".module_id = ?) "
	/*
	 * One row per module, sex, agency and month: the month is that of
	 * the officer's first completion of the module in the period (0 on
	 * the rows of the other counts), so that one scan of completions
	 * gives both the completions and their months.
	 */
	[STMT_REPORT_SUMMARY] = {
		"SELECT module_id, country, sex, agency, month, SUM(started), "
		"SUM(completed), SUM(attempted), SUM(passed) FROM ("
		" SELECT r.module_id, u.country, u.sex, u.agency, 0 AS month, "
		" 1 AS started, "
		" 0 AS completed, 0 AS attempted, 0 AS passed FROM "
		" (SELECT DISTINCT user_id, module_id FROM lesson_reads "
		"  FORCE INDEX (lesson_reads_first) "
		"  WHERE read_at >= ? AND read_at < ?) r "
		" JOIN users u ON u.id = r.user_id WHERE 1 "
		REPORT_SCOPE("u", "r")
		" UNION ALL "
		" SELECT c.module_id, u.country, u.sex, u.agency, c.month, "
		" 0, 1, 0, 0 FROM "
		" (SELECT user_id, module_id, MONTH(MIN(completed_at)) AS month "
		"  FROM completions FORCE INDEX (completions_first) "
		"  WHERE completed_at >= ? AND completed_at < ? "
		"  AND revoked_at IS NULL GROUP BY user_id, module_id) c "
		" JOIN users u ON u.id = c.user_id WHERE 1 "
		REPORT_SCOPE("u", "c")
		" UNION ALL "
		" SELECT a.module_id, u.country, u.sex, u.agency, 0, 0, 0, 1, "
		" MAX(a.passed) "
		" FROM quiz_attempts a FORCE INDEX (quiz_attempts_first) "
		" JOIN users u ON u.id = a.user_id "
		" WHERE a.submitted_at >= ? AND a.submitted_at < ? "
		REPORT_SCOPE("u", "a")
		" GROUP BY a.user_id, a.module_id, u.country, u.sex, u.agency"
		") x GROUP BY module_id, country, sex, agency, month "
		"ORDER BY module_id, country, sex, agency, month",
		DB_IDEMPOTENT },
	[STMT_REPORT_ENROLLED] = {
		"SELECT country, sex, agency, COUNT(*) FROM users u "
		"WHERE role = 'officer' AND active = 1 AND created_at < ? "
		"AND (? IS NULL OR u.country = ?) "
		"AND (? IS NULL OR u.agency = ?) "
		"GROUP BY country, sex, agency ORDER BY country, sex, agency",
		DB_IDEMPOTENT },
	/* Sort keys: name, agency, completed, activity. */
	/*
	 * Every officer of the scope with what they did in the period (and
	 * module, when one is chosen).  Sort keys: name, agency, completed,
	 * activity.
	 */
	[STMT_REPORT_OFFICERS] = {
		"SELECT u.id, u.full_name, u.email, u.agency, u.sex, "
		"(SELECT COUNT(DISTINCT r.module_id) FROM lesson_reads r "
		" WHERE r.user_id = u.id AND r.read_at >= ? AND r.read_at < ? "
		" AND (? IS NULL OR r.module_id = ?)) AS started, "
		"(SELECT COUNT(DISTINCT c.module_id) FROM completions c "
		" WHERE c.user_id = u.id AND c.revoked_at IS NULL "
		" AND c.completed_at >= ? AND c.completed_at < ? "
		" AND (? IS NULL OR c.module_id = ?)) AS completed, "
		"(SELECT DATE_FORMAT(MAX(r.read_at), '%Y-%m-%d') "
		" FROM lesson_reads r WHERE r.user_id = u.id "
		" AND r.read_at >= ? AND r.read_at < ? "
		" AND (? IS NULL OR r.module_id = ?)) AS activity "
		"FROM users u WHERE u.role = 'officer' "
		"AND (? IS NULL OR u.country = ?) "
		"AND (? IS NULL OR u.agency = ?) "
		"ORDER BY CASE WHEN ? = 'agency' THEN u.agency END, "
		"CASE WHEN ? = 'completed' THEN completed END DESC, "
		"CASE WHEN ? = 'activity' THEN activity END DESC, "
		"u.full_name, u.id LIMIT ? OFFSET ?", DB_IDEMPOTENT },
	[STMT_REPORT_OFFICERS_COUNT] = {
		"SELECT COUNT(*) FROM users u WHERE u.role = 'officer' "
		"AND (? IS NULL OR u.country = ?) "
		"AND (? IS NULL OR u.agency = ?)", DB_IDEMPOTENT },
	/* Streamed: one row per completion, memory stays flat. */
	/*
	 * In record id order: a scan of the primary key with no sort, so the
	 * first row comes at once.  Titles are looked up in C from
	 * STMT_MODULE_TITLES; times are formatted in C.
	 */
	[STMT_REPORT_RECORDS] = {
		"SELECT STRAIGHT_JOIN c.id, u.id, u.full_name, u.sex, u.agency, "
		"u.country, c.module_id, c.version, c.lang, c.started_at, "
		"c.completed_at, c.score, c.attempts, c.certificate, "
		"c.revoked_at IS NOT NULL "
		"FROM completions c JOIN users u ON u.id = c.user_id "
		"WHERE c.completed_at >= ? AND c.completed_at < ? "
		REPORT_SCOPE("u", "c")
		"ORDER BY c.id", DB_IDEMPOTENT | DB_STREAM },
	[STMT_MODULE_TITLES] = {
		"SELECT module_id, version, title_en, title_es "
		"FROM module_versions", DB_IDEMPOTENT },
	[STMT_REPORT_AGENCIES] = {
		"SELECT DISTINCT agency FROM users u WHERE role = 'officer' "
		"AND (? IS NULL OR u.country = ?) ORDER BY agency",
		DB_IDEMPOTENT },
#undef REPORT_SCOPE

	[STMT_COUNTRIES] = {
		"SELECT code, name_en, name_es FROM countries ORDER BY code",
		DB_IDEMPOTENT },

	/* Transactions; BEGIN is the only statement safe to retry. */
	[STMT_BEGIN] = { "START TRANSACTION", DB_IDEMPOTENT },
	[STMT_COMMIT] = { "COMMIT", 0 },
	[STMT_ROLLBACK] = { "ROLLBACK", 0 },
};

/*
 * A result column.  Integers and times are fetched in binary (the server
 * sends them so with prepared statements) and turned into text here only
 * when asked: Connector/C would otherwise format every one with printf.
 */
enum coltype {
	COL_TEXT,
	COL_INT,
	COL_TIME
};

struct column {
	enum coltype	 type;
	char		*buf;
	unsigned long	 cap;
	unsigned long	 len;
	my_bool		 isnull;
	my_bool		 error;
	long long	 ll;		/* COL_INT */
	MYSQL_TIME	 tm;		/* COL_TIME */
	int		 formatted;	/* buf holds ll or tm as text */
};

struct db_cursor {
	MYSQL_STMT	*stmt;
	MYSQL_BIND	*binds;
	struct column	*cols;
	size_t		 colsz;
	int		 streaming;
};

static MYSQL		*db_conn;
static unsigned int	 db_read_timeout = 4;
static MYSQL_STMT	*db_prepared[STMT__MAX];
static char		*db_account;
static enum db_err	 db_lasterr;
static int64_t		 db_lastid;

static const struct stmt_def *
stmt_def(enum stmt s)
{
	return &stmts[s];
}

/*
 * Seconds to wait for the server's answer.  Pages keep the default, so a
 * hung database gives a 503 within seconds; exports that sort a million
 * rows before the first one arrives need longer.
 */
void
db_set_read_timeout(unsigned int seconds)
{
	db_read_timeout = seconds;
}

void
db_init(const char *account)
{
	free(db_account);
	db_account = xstrdup(account);
}

enum db_err
db_error(void)
{
	return db_lasterr;
}

int64_t
db_last_id(void)
{
	return db_lastid;
}

static void
db_disconnect(void)
{
	size_t	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (db_prepared[i] != NULL) {
			mysql_stmt_close(db_prepared[i]);
			db_prepared[i] = NULL;
		}
	if (db_conn != NULL) {
		mysql_close(db_conn);
		db_conn = NULL;
	}
}

/* Reads the account's password from the secrets directory. */
static char *
db_password(void)
{
	char	*path, buf[256];
	FILE	*f;
	size_t	 n;

	path = xasprintf("%s/db-%s", cfg.secrets_dir, db_account);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return xstrdup("");
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	return xstrdup(buf);
}

static int
db_connect(void)
{
	unsigned int	 timeout;
	char		*user, *pass;
	MYSQL		*c;

	if (db_conn != NULL)
		return 1;
	if ((c = mysql_init(NULL)) == NULL)
		return 0;
	/* Short limits: a dead database must give a 503 within seconds. */
	timeout = 2;
	mysql_optionsv(c, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	timeout = db_read_timeout;
	mysql_optionsv(c, MYSQL_OPT_READ_TIMEOUT, &timeout);
	timeout = 4;
	mysql_optionsv(c, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	mysql_optionsv(c, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Times are stored and shown in UTC. */
	mysql_optionsv(c, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	user = xasprintf("rcm_%s", db_account);
	pass = db_password();
	if (mysql_real_connect(c, NULL, user, pass, cfg.db_name, 0,
	    cfg.db_socket, 0) == NULL) {
		log_warnx("database: connect as %s: %s", user, mysql_error(c));
		mysql_close(c);
		free(user);
		sodium_memzero(pass, strlen(pass));
		free(pass);
		return 0;
	}
	free(user);
	sodium_memzero(pass, strlen(pass));
	free(pass);
	db_conn = c;
	return 1;
}

static int
db_lost(unsigned int e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == ER_UNKNOWN_STMT_HANDLER;
}

static void
db_seterr(unsigned int e, const char *msg, enum stmt s)
{
	if (db_lost(e) || e == 0) {
		db_lasterr = DB_E_UNAVAILABLE;
		db_disconnect();
	} else if (e == ER_DUP_ENTRY)
		db_lasterr = DB_E_DUPLICATE;
	else {
		db_lasterr = DB_E_OTHER;
		log_errx("database: statement %d: %u %s", (int)s, e, msg);
	}
}

static MYSQL_STMT *
db_prepare(enum stmt s)
{
	const struct stmt_def	*def = stmt_def(s);
	MYSQL_STMT		*st;

	if (!db_connect()) {
		db_lasterr = DB_E_UNAVAILABLE;
		return NULL;
	}
	if (db_prepared[s] != NULL)
		return db_prepared[s];
	if ((st = mysql_stmt_init(db_conn)) == NULL) {
		db_seterr(mysql_errno(db_conn), mysql_error(db_conn), s);
		return NULL;
	}
	if (mysql_stmt_prepare(st, def->sql, strlen(def->sql)) != 0) {
		db_seterr(mysql_stmt_errno(st), mysql_stmt_error(st), s);
		mysql_stmt_close(st);
		return NULL;
	}
	db_prepared[s] = st;
	return st;
}

/* Fills binds from the type string and argument list. */
static MYSQL_BIND *
db_bind_params(const char *types, va_list ap, long long **ints)
{
	MYSQL_BIND	*b;
	size_t		 i, n = strlen(types);

	b = xcalloc(n, sizeof(*b));
	*ints = xcalloc(n, sizeof(**ints));
	for (i = 0; i < n; i++) {
		switch (types[i]) {
		case 'i':
			(*ints)[i] = va_arg(ap, int64_t);
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &(*ints)[i];
			break;
		case 's':
			/* A NULL string is SQL NULL. */
			b[i].buffer = (void *)va_arg(ap, const char *);
			if (b[i].buffer == NULL) {
				b[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer_length = strlen(b[i].buffer);
			break;
		case 'b':
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)va_arg(ap, const void *);
			b[i].buffer_length = va_arg(ap, size_t);
			break;
		default:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	return b;
}

/*
 * Binds parameters and executes; on a lost connection, reconnects and
 * tries once more when the statement is idempotent.
 */
static MYSQL_STMT *
db_run(enum stmt s, const char *types, va_list ap)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	*b;
	long long	*ints;
	int		 try;
	va_list		 aq;

	db_lasterr = DB_E_NONE;
	for (try = 0; try < 2; try++) {
		if ((st = db_prepare(s)) == NULL) {
			if (db_lasterr == DB_E_UNAVAILABLE && try == 0 &&
			    db_conn == NULL && db_connect())
				continue;
			return NULL;
		}
		va_copy(aq, ap);
		b = db_bind_params(types, aq, &ints);
		va_end(aq);
		if (mysql_stmt_param_count(st) != strlen(types)) {
			/* A programming error: say so loudly, fail the page. */
			log_errx("database: statement %d: %lu parameters, "
			    "%zu given", (int)s, mysql_stmt_param_count(st),
			    strlen(types));
			db_lasterr = DB_E_OTHER;
			return NULL;
		}
		if (mysql_stmt_bind_param(st, b) == 0 &&
		    mysql_stmt_execute(st) == 0) {
			free(b);
			free(ints);
			db_lastid = mysql_stmt_insert_id(st);
			return st;
		}
		free(b);
		free(ints);
		db_seterr(mysql_stmt_errno(st), mysql_stmt_error(st), s);
		if (db_lasterr != DB_E_UNAVAILABLE ||
		    !(stmt_def(s)->flags & DB_IDEMPOTENT))
			return NULL;
	}
	return NULL;
}

struct db_cursor *
db_open(enum stmt s, const char *types, ...)
{
	struct db_cursor	*c;
	MYSQL_STMT		*st;
	MYSQL_RES		*meta;
	va_list			 ap;
	size_t			 i;

	va_start(ap, types);
	st = db_run(s, types, ap);
	va_end(ap);
	if (st == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->stmt = st;
	c->streaming = (stmt_def(s)->flags & DB_STREAM) != 0;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return c;
	c->colsz = mysql_num_fields(meta);
	c->binds = xcalloc(c->colsz, sizeof(*c->binds));
	c->cols = xcalloc(c->colsz, sizeof(*c->cols));
	for (i = 0; i < c->colsz; i++) {
		MYSQL_FIELD	*fd = mysql_fetch_field_direct(meta, i);
		struct column	*col = &c->cols[i];

		col->cap = 128;
		col->buf = xmalloc(col->cap);
		c->binds[i].length = &col->len;
		c->binds[i].is_null = &col->isnull;
		c->binds[i].error = &col->error;
		switch (fd->type) {
		case MYSQL_TYPE_TINY:
		case MYSQL_TYPE_SHORT:
		case MYSQL_TYPE_INT24:
		case MYSQL_TYPE_LONG:
		case MYSQL_TYPE_LONGLONG:
			col->type = COL_INT;
			c->binds[i].buffer_type = MYSQL_TYPE_LONGLONG;
			c->binds[i].buffer = &col->ll;
			c->binds[i].is_unsigned = 0;
			break;
		case MYSQL_TYPE_DATETIME:
		case MYSQL_TYPE_TIMESTAMP:
			col->type = COL_TIME;
			c->binds[i].buffer_type = MYSQL_TYPE_DATETIME;
			c->binds[i].buffer = &col->tm;
			break;
		default:
			col->type = COL_TEXT;
			c->binds[i].buffer_type = MYSQL_TYPE_STRING;
			c->binds[i].buffer = col->buf;
			c->binds[i].buffer_length = col->cap - 1;
			break;
		}
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(st, c->binds) != 0 ||
	    (!c->streaming && mysql_stmt_store_result(st) != 0)) {
		db_seterr(mysql_stmt_errno(st), mysql_stmt_error(st), s);
		db_close(c);
		return NULL;
	}
	return c;
}

int
db_fetch(struct db_cursor *c)
{
	size_t	 i;
	int	 rc;

	if (c->colsz == 0)
		return 0;
	rc = mysql_stmt_fetch(c->stmt);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1) {
		db_seterr(mysql_stmt_errno(c->stmt),
		    mysql_stmt_error(c->stmt), STMT__MAX);
		return -1;
	}
	/* Columns longer than their buffer are grown and fetched again. */
	for (i = 0; i < c->colsz; i++) {
		struct column	*col = &c->cols[i];

		col->formatted = 0;
		if (col->isnull) {
			col->buf[0] = '\0';
			col->len = 0;
			col->ll = 0;
			col->formatted = 1;
			continue;
		}
		if (col->type != COL_TEXT)
			continue;
		if (col->len >= col->cap) {
			col->cap = col->len + 1;
			col->buf = xreallocarray(col->buf, 1, col->cap);
			c->binds[i].buffer = col->buf;
			c->binds[i].buffer_length = col->cap - 1;
			if (mysql_stmt_fetch_column(c->stmt, &c->binds[i],
			    i, 0) != 0)
				return -1;
			c->binds[i].buffer_length = col->cap - 1;
			mysql_stmt_bind_result(c->stmt, c->binds);
		}
		col->buf[col->len] = '\0';
	}
	return 1;
}

int
db_isnull(const struct db_cursor *c, size_t i)
{
	return i >= c->colsz || c->cols[i].isnull;
}

int64_t
db_int(const struct db_cursor *c, size_t i)
{
	if (i >= c->colsz)
		return 0;
	if (c->cols[i].type == COL_INT)
		return c->cols[i].ll;
	return strtoll(c->cols[i].buf, NULL, 10);
}

/* Digits of v, right to left, into the end of buf; returns the start. */
static char *
fmt_ll(char *end, long long v)
{
	unsigned long long	 u = v < 0 ? -(unsigned long long)v :
	    (unsigned long long)v;

	*--end = '\0';
	do
		*--end = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--end = '-';
	return end;
}

static void
fmt_digits(char *p, unsigned int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Text of a binary column, made on first use: "-12", "2026-02-10 10:00:00". */
static void
column_format(struct column *col)
{
	char	 tmp[32], *p;

	if (col->type == COL_INT) {
		p = fmt_ll(tmp + sizeof(tmp), col->ll);
		col->len = (unsigned long)strlen(p);
		memcpy(col->buf, p, col->len + 1);
	} else {
		fmt_digits(col->buf, col->tm.year, 4);
		col->buf[4] = '-';
		fmt_digits(col->buf + 5, col->tm.month, 2);
		col->buf[7] = '-';
		fmt_digits(col->buf + 8, col->tm.day, 2);
		col->buf[10] = ' ';
		fmt_digits(col->buf + 11, col->tm.hour, 2);
		col->buf[13] = ':';
		fmt_digits(col->buf + 14, col->tm.minute, 2);
		col->buf[16] = ':';
		fmt_digits(col->buf + 17, col->tm.second, 2);
		col->buf[19] = '\0';
		col->len = 19;
	}
	col->formatted = 1;
}

const char *
db_str(const struct db_cursor *c, size_t i)
{
	struct column	*col;

	if (i >= c->colsz)
		return "";
	col = &c->cols[i];
	if (col->type != COL_TEXT && !col->formatted)
		column_format(col);
	return col->buf;
}

size_t
db_len(const struct db_cursor *c, size_t i)
{
	if (i >= c->colsz)
		return 0;
	(void)db_str(c, i);
	return c->cols[i].len;
}

void
db_close(struct db_cursor *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	if (c->stmt != NULL) {
		mysql_stmt_free_result(c->stmt);
		mysql_stmt_reset(c->stmt);
	}
	for (i = 0; i < c->colsz; i++)
		free(c->cols[i].buf);
	free(c->cols);
	free(c->binds);
	free(c);
}

int64_t
db_exec(enum stmt s, const char *types, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;
	int64_t		 n;

	va_start(ap, types);
	st = db_run(s, types, ap);
	va_end(ap);
	if (st == NULL)
		return -1;
	n = (int64_t)mysql_stmt_affected_rows(st);
	mysql_stmt_reset(st);
	return n;
}

/*
 * Inserts a row that may already be there (a lesson read twice, a version
 * published by every worker): a duplicate key counts as success.  Plain
 * INSERT needs no UPDATE privilege, unlike ON DUPLICATE KEY UPDATE.
 */
int
db_insert_once(enum stmt s, const char *types, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;

	va_start(ap, types);
	st = db_run(s, types, ap);
	va_end(ap);
	if (st != NULL) {
		mysql_stmt_reset(st);
		return 1;
	}
	return db_lasterr == DB_E_DUPLICATE ? 1 : 0;
}

/*
 * In a forked child: drop the parent's connection and statements without
 * closing them (closing would end the parent's session on the shared
 * socket); the child's next query opens its own connection.
 */
void
db_forget(void)
{
	size_t	 i;

	for (i = 0; i < STMT__MAX; i++)
		db_prepared[i] = NULL;
	db_conn = NULL;
}

/* Closes the connection cleanly when a worker stops. */
void
db_close_all(void)
{
	db_disconnect();
}

/* One round-trip; used by /healthz. */
int
db_ping(void)
{
	struct db_cursor	*c;
	int			 ok;

	if ((c = db_open(STMT_HEALTH, "")) == NULL)
		return 0;
	ok = db_fetch(c) == 1;
	db_close(c);
	return ok;
}
