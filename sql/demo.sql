-- Demo data for `make run`: officers of Costa Rica with some progress this
-- year, so that the focal point's dashboard and exports have something to
-- show.  Applied by `conf/stack.sh demo` as the database's root; running it
-- again adds nothing.  Never load this file into a real installation.

INSERT IGNORE INTO users (email, full_name, role, country, agency, sex, lang)
SELECT CONCAT('demo', seq, '@demo.rcm'),
	ELT(seq, 'Laura Jiménez', 'Andrés Mora', 'Karla Vargas', 'José Rojas',
	    'Daniela Castro', 'Luis Araya', 'Sofía Quesada', 'Mario Chaves',
	    'Valeria Solano', 'Diego Alvarado', 'Paola Herrera', 'Esteban Vega'),
	'officer', 'CR',
	ELT(1 + seq % 3, 'Dirección General de Migración y Extranjería',
	    'Policía de Fronteras', 'Servicio Nacional de Guardacostas'),
	ELT(1 + seq % 4, 'female', 'male', 'female', 'unspecified'), 'es'
FROM seq_1_to_12;

-- Lessons read: officer n read the first lessons of the first modules.
INSERT IGNORE INTO lesson_reads (user_id, module_id, lesson, version, read_at)
SELECT u.id, v.module_id, CONCAT('0', l.seq, '-demo'), v.version,
	MAKEDATE(YEAR(NOW()), 1) + INTERVAL ((u.id * 37 + l.seq) % 300) DAY
FROM users u
JOIN (SELECT module_id, MAX(version) AS version FROM module_versions
      GROUP BY module_id) v
JOIN seq_1_to_4 l
WHERE u.email LIKE 'demo%@demo.rcm' AND (u.id + LENGTH(v.module_id)) % 3 <> 0;

INSERT IGNORE INTO module_starts (user_id, module_id, started_at, last_lesson)
SELECT user_id, module_id, MIN(read_at), MAX(lesson) FROM lesson_reads r
JOIN users u ON u.id = r.user_id WHERE u.email LIKE 'demo%@demo.rcm'
GROUP BY user_id, module_id;

-- Quiz attempts and completions for about half of what was started.
INSERT INTO quiz_attempts (user_id, module_id, version, lang, layout,
	answers, score, max_score, passed, created_at, submitted_at)
SELECT s.user_id, s.module_id, v.version, 'es', '', '',
	IF((s.user_id + LENGTH(s.module_id)) % 2 = 0, 9, 6), 10,
	(s.user_id + LENGTH(s.module_id)) % 2 = 0,
	s.started_at + INTERVAL 2 DAY, s.started_at + INTERVAL 2 DAY
FROM module_starts s JOIN users u ON u.id = s.user_id
JOIN (SELECT module_id, MAX(version) AS version FROM module_versions
      GROUP BY module_id) v ON v.module_id = s.module_id
WHERE u.email LIKE 'demo%@demo.rcm'
AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.user_id = s.user_id
	AND a.module_id = s.module_id);

INSERT IGNORE INTO completions (user_id, module_id, version, lang, score,
	attempts, started_at, completed_at, certificate)
SELECT a.user_id, a.module_id, a.version, 'es', 90, 1,
	a.created_at - INTERVAL 2 DAY, a.submitted_at,
	CONCAT('DEM0', LPAD(a.id, 16, '0'))
FROM quiz_attempts a JOIN users u ON u.id = a.user_id
WHERE u.email LIKE 'demo%@demo.rcm' AND a.passed = 1;
