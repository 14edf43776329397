-- One MariaDB account per program, each granted only what it needs.
-- Applied at every start by conf/stack.sh, which sets the passwords in
-- @learn_pw, @report_pw, @admin_pw and @verify_pw from var/secrets/.
-- Re-running it is harmless: accounts are created once, passwords reset.

EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS rcm_learn@localhost IDENTIFIED BY ', QUOTE(@learn_pw));
EXECUTE IMMEDIATE CONCAT('ALTER USER rcm_learn@localhost IDENTIFIED BY ', QUOTE(@learn_pw));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS rcm_report@localhost IDENTIFIED BY ', QUOTE(@report_pw));
EXECUTE IMMEDIATE CONCAT('ALTER USER rcm_report@localhost IDENTIFIED BY ', QUOTE(@report_pw));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS rcm_admin@localhost IDENTIFIED BY ', QUOTE(@admin_pw));
EXECUTE IMMEDIATE CONCAT('ALTER USER rcm_admin@localhost IDENTIFIED BY ', QUOTE(@admin_pw));
EXECUTE IMMEDIATE CONCAT('CREATE USER IF NOT EXISTS rcm_verify@localhost IDENTIFIED BY ', QUOTE(@verify_pw));
EXECUTE IMMEDIATE CONCAT('ALTER USER rcm_verify@localhost IDENTIFIED BY ', QUOTE(@verify_pw));

-- learn: officers' own progress; signs people in and out.
GRANT SELECT ON rcm.countries TO rcm_learn@localhost;
GRANT SELECT, UPDATE ON rcm.users TO rcm_learn@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rcm.sessions TO rcm_learn@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rcm.login_throttle TO rcm_learn@localhost;
GRANT SELECT, UPDATE ON rcm.password_tokens TO rcm_learn@localhost;
GRANT SELECT, INSERT ON rcm.module_versions TO rcm_learn@localhost;
GRANT SELECT, INSERT ON rcm.lesson_reads TO rcm_learn@localhost;
GRANT SELECT, INSERT, UPDATE ON rcm.module_starts TO rcm_learn@localhost;
GRANT SELECT, INSERT, UPDATE ON rcm.quiz_attempts TO rcm_learn@localhost;
GRANT SELECT, INSERT ON rcm.completions TO rcm_learn@localhost;

-- report: reads only (plus keeping its sessions alive).
GRANT SELECT ON rcm.countries TO rcm_report@localhost;
GRANT SELECT ON rcm.users TO rcm_report@localhost;
GRANT SELECT, UPDATE (last_seen) ON rcm.sessions TO rcm_report@localhost;
GRANT SELECT ON rcm.module_versions TO rcm_report@localhost;
GRANT SELECT ON rcm.lesson_reads TO rcm_report@localhost;
GRANT SELECT ON rcm.module_starts TO rcm_report@localhost;
GRANT SELECT ON rcm.quiz_attempts TO rcm_report@localhost;
GRANT SELECT ON rcm.completions TO rcm_report@localhost;

-- admin: accounts, roles, roster import, set-password links, revocation.
GRANT SELECT ON rcm.countries TO rcm_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON rcm.users TO rcm_admin@localhost;
GRANT SELECT, UPDATE (last_seen), DELETE ON rcm.sessions TO rcm_admin@localhost;
GRANT SELECT, INSERT ON rcm.password_tokens TO rcm_admin@localhost;
GRANT SELECT ON rcm.module_versions TO rcm_admin@localhost;
GRANT SELECT, UPDATE (revoked_at) ON rcm.completions TO rcm_admin@localhost;

-- verify: public and read-only; it may see a learner's name and nothing else.
GRANT SELECT (id, full_name) ON rcm.users TO rcm_verify@localhost;
GRANT SELECT ON rcm.module_versions TO rcm_verify@localhost;
GRANT SELECT (certificate, user_id, module_id, version, completed_at, revoked_at)
	ON rcm.completions TO rcm_verify@localhost;
GRANT SELECT ON rcm.schema_migrations TO rcm_verify@localhost;
GRANT SELECT ON rcm.schema_migrations TO rcm_learn@localhost;
GRANT SELECT ON rcm.schema_migrations TO rcm_report@localhost;
GRANT SELECT ON rcm.schema_migrations TO rcm_admin@localhost;

-- Roster imports (admin program).
GRANT SELECT, INSERT, UPDATE ON rcm.roster_imports TO rcm_admin@localhost;
GRANT SELECT, INSERT ON rcm.roster_import_users TO rcm_admin@localhost;
GRANT SELECT ON rcm.lesson_reads TO rcm_admin@localhost;
