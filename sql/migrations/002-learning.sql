-- Module versions, lesson progress, quiz attempts, completions.

-- Every version of every module the programs have served.  A version is
-- the label plus a hash of the module's files (content/README.md).
CREATE TABLE module_versions (
	module_id	VARCHAR(64) NOT NULL,
	version		VARCHAR(96) NOT NULL,
	label		VARCHAR(64) NOT NULL,
	title_en	VARCHAR(200) NOT NULL,
	title_es	VARCHAR(200) NOT NULL,
	lessons		INT UNSIGNED NOT NULL,
	published_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (module_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per lesson read; the primary key makes "mark as read" idempotent.
CREATE TABLE lesson_reads (
	user_id		BIGINT UNSIGNED NOT NULL,
	module_id	VARCHAR(64) NOT NULL,
	lesson		VARCHAR(96) NOT NULL,
	version		VARCHAR(96) NOT NULL,
	read_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (user_id, module_id, lesson),
	CONSTRAINT lesson_reads_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where the officer was last, for "continue where you left off".
CREATE TABLE module_starts (
	user_id		BIGINT UNSIGNED NOT NULL,
	module_id	VARCHAR(64) NOT NULL,
	started_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_lesson	VARCHAR(96) NOT NULL DEFAULT '',
	last_seen	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (user_id, module_id),
	CONSTRAINT module_starts_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A quiz attempt is created when the quiz is shown, with the order of
-- questions and options that was shown ("layout"); submitting fills in the
-- answers once.  The attempt id in the form makes a second submission of
-- the same attempt a no-op.
CREATE TABLE quiz_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	module_id	VARCHAR(64) NOT NULL,
	version		VARCHAR(96) NOT NULL,
	lang		CHAR(2) NOT NULL,
	layout		VARCHAR(2048) NOT NULL,
	answers		VARCHAR(2048) NULL,
	score		INT UNSIGNED NULL,
	max_score	INT UNSIGNED NULL,
	passed		TINYINT(1) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	submitted_at	DATETIME NULL,
	KEY quiz_attempts_user (user_id, module_id, submitted_at),
	CONSTRAINT quiz_attempts_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A completion: every lesson read and the quiz passed, on one version.
CREATE TABLE completions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	module_id	VARCHAR(64) NOT NULL,
	version		VARCHAR(96) NOT NULL,
	lang		CHAR(2) NOT NULL,
	score		INT UNSIGNED NOT NULL,
	attempts	INT UNSIGNED NOT NULL,
	started_at	DATETIME NOT NULL,
	completed_at	DATETIME NOT NULL,
	certificate	CHAR(20) NOT NULL,
	revoked_at	DATETIME NULL,
	UNIQUE KEY completions_once (user_id, module_id, version),
	UNIQUE KEY completions_certificate (certificate),
	KEY completions_completed (completed_at),
	CONSTRAINT completions_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
