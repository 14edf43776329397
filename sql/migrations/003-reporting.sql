-- Reporting and roster import.

-- Officers and focal points always belong to a country: reports scope by
-- it, and an empty country must never mean "every country".
ALTER TABLE users ADD CONSTRAINT users_country_for_role
	CHECK (role NOT IN ('officer', 'focal') OR country IS NOT NULL);

ALTER TABLE lesson_reads ADD KEY lesson_reads_read (read_at);
ALTER TABLE quiz_attempts ADD KEY quiz_attempts_submitted (submitted_at);
ALTER TABLE users ADD KEY users_scope (country, role, agency);

-- Each confirmed roster import, and who it created or updated, so that the
-- focal point can produce set-password links for the new officers.
CREATE TABLE roster_imports (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	country		CHAR(2) NOT NULL,
	imported_by	BIGINT UNSIGNED NOT NULL,
	rows_created	INT UNSIGNED NOT NULL DEFAULT 0,
	rows_updated	INT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY roster_imports_country (country, created_at),
	CONSTRAINT roster_imports_country_fk FOREIGN KEY (country)
		REFERENCES countries (code),
	CONSTRAINT roster_imports_user_fk FOREIGN KEY (imported_by)
		REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE roster_import_users (
	import_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	created		TINYINT(1) NOT NULL,
	PRIMARY KEY (import_id, user_id),
	CONSTRAINT roster_import_users_import_fk FOREIGN KEY (import_id)
		REFERENCES roster_imports (id) ON DELETE CASCADE,
	CONSTRAINT roster_import_users_user_fk FOREIGN KEY (user_id)
		REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;
