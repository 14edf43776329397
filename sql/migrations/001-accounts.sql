-- Countries, accounts, sessions, sign-in throttling, set-password links.

CREATE TABLE countries (
	code		CHAR(2) NOT NULL PRIMARY KEY,
	name_en		VARCHAR(64) NOT NULL,
	name_es		VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO countries (code, name_en, name_es) VALUES
	('BZ', 'Belize', 'Belice'),
	('CA', 'Canada', 'Canadá'),
	('CR', 'Costa Rica', 'Costa Rica'),
	('DO', 'Dominican Republic', 'República Dominicana'),
	('SV', 'El Salvador', 'El Salvador'),
	('GT', 'Guatemala', 'Guatemala'),
	('HN', 'Honduras', 'Honduras'),
	('MX', 'Mexico', 'México'),
	('NI', 'Nicaragua', 'Nicaragua'),
	('PA', 'Panama', 'Panamá'),
	('US', 'United States', 'Estados Unidos');

CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email		VARCHAR(254) NOT NULL,
	full_name	VARCHAR(200) NOT NULL,
	role		ENUM('officer', 'focal', 'secretariat', 'author', 'admin')
			NOT NULL DEFAULT 'officer',
	country		CHAR(2) NULL,
	agency		VARCHAR(120) NOT NULL DEFAULT '',
	sex		ENUM('female', 'male', 'other', 'unspecified')
			NOT NULL DEFAULT 'unspecified',
	lang		CHAR(2) NOT NULL DEFAULT 'es',
	password_hash	VARCHAR(255) NULL,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY users_email (email),
	KEY users_country (country, role),
	CONSTRAINT users_country_fk FOREIGN KEY (country) REFERENCES countries (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Session tokens are 256-bit random values; only their SHA-256 is stored,
-- so a copy of this table does not let anyone sign in.
CREATE TABLE sessions (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	csrf		CHAR(43) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_seen	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY sessions_user (user_id),
	CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
		ON DELETE CASCADE
) ENGINE=InnoDB;

-- Failed sign-ins per key ('a:' + account e-mail hash, 'i:' + address hash)
-- in a fixed window; incremented atomically so the limit holds exactly
-- under parallel attempts.
CREATE TABLE login_throttle (
	throttle_key	BINARY(32) NOT NULL PRIMARY KEY,
	window_start	DATETIME NOT NULL,
	failures	INT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;

-- Single-use links to set a first password (or reset one).
CREATE TABLE password_tokens (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY password_tokens_user (user_id),
	CONSTRAINT password_tokens_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;
