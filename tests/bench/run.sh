#!/bin/sh
# `make bench`: measurements, printed side by side; nothing here passes or
# fails on a number (the machines are shared and noisy).
#  1. wrk on loopback: nginx serving a static file, a page of ours of the
#     same size, and /learn/healthz (one database round-trip).
#  2. Catalog load time: the bundled modules and 200 synthetic ones.
#  3. Exporting 1,000,000 completion records: ours (trainctl export,
#     streamed with xmlTextWriter) against `mariadb --xml --quick` of the
#     same rows, with peak memory.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(mktemp -d "${TMPDIR:-/tmp}/rcm-bench.XXXXXX")
HTTP_PORT=${HTTP_PORT:-18980}
DB_PORT=${DB_PORT:-18981}
DURATION=${DURATION:-5s}
RECORDS=${RECORDS:-1000000}
export ROOT VAR HTTP_PORT DB_PORT
VERIFY_RATE=100000r/s SIGNIN_RATE=100000r/s
export VERIFY_RATE SIGNIN_RATE

cleanup() {
	sh "$ROOT/conf/stack.sh" stop >/dev/null 2>&1
	rm -rf "$VAR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sh "$ROOT/conf/stack.sh" start >/dev/null || exit 1
base=http://127.0.0.1:$HTTP_PORT

rps() {
	wrk -t2 -c16 -d"$DURATION" "$1" 2>&1 | awk '/Requests\/sec/ { print $2 }'
}

echo "== HTTP through nginx (wrk, 2 threads, 16 connections, $DURATION each)"
# Our page: the anonymous catalog.  The baseline: the same bytes as a file.
mkdir -p "$VAR/bench"
curl -s "$base/learn/" > "$VAR/bench/catalog.html"
size=$(wc -c < "$VAR/bench/catalog.html")
static=$(rps "$base/bench/catalog.html")
page=$(rps "$base/learn/")
health=$(rps "$base/learn/healthz")
printf '%-44s %10s req/s\n' "nginx static file ($size bytes)" "$static"
printf '%-44s %10s req/s\n' "our catalog page ($size bytes, XSLT)" "$page"
printf '%-44s %10s req/s\n' "/learn/healthz (one DB round-trip)" "$health"
awk -v s="$static" -v p="$page" -v h="$health" 'BEGIN {
	if (p > 0) printf "ratio static/page %.1f, static/healthz %.1f\n", s / p, s / h }'

echo
echo "== Catalog load"
"$ROOT/tests/bench/bench_catalog" "$ROOT/content" "$VAR/synthetic"

echo
echo "== Exporting $RECORDS completion records"
DB="mariadb --defaults-file=$VAR/secrets/root.cnf rcm"
$DB -e "INSERT INTO users (email, full_name, role, country, agency, sex)
	SELECT CONCAT('bench', seq, '@example.org'),
	CONCAT('Oficial de Prueba Núñez ', seq), 'officer', 'CR',
	ELT(1 + seq % 4, 'Migración', 'Policía de Fronteras', 'Guardacostas', 'Albergue'),
	ELT(1 + seq % 4, 'female', 'male', 'other', 'unspecified')
	FROM seq_1_to_10000"
$DB -e "INSERT INTO module_versions (module_id, version, label, title_en, title_es, lessons)
	VALUES ('refugee-definition', 'bench', '2026.1', 'Who is a refugee', 'Quién es una persona refugiada', 4)"
$DB -e "INSERT INTO completions (user_id, module_id, version, lang, score, attempts,
	started_at, completed_at, certificate)
	SELECT u.id, 'refugee-definition', CONCAT('bench', s.seq), 'es', 80 + s.seq % 21, 1 + s.seq % 3,
	'2026-01-01' + INTERVAL (s.seq % 300) DAY,
	'2026-01-02' + INTERVAL (s.seq % 300) DAY + INTERVAL (s.seq % 86400) SECOND,
	REPLACE(REPLACE(REPLACE(REPLACE(UPPER(LPAD(CONV(s.seq, 10, 32), 20, '0')), 'I', 'W'), 'L', 'X'), 'O', 'Y'), 'U', 'Z')
	FROM seq_1_to_${RECORDS} s JOIN users u ON u.email = CONCAT('bench', 1 + s.seq % 10000, '@example.org')"
echo "rows: $($DB -N -e 'SELECT COUNT(*) FROM completions')"

measure() {
	# Prints seconds and peak resident memory of a command.
	/usr/bin/time -f '%e s, peak memory %M KB' "$@" > "$VAR/out" 2> "$VAR/time" ||
	    { cat "$VAR/time"; return 1; }
	tail -n 1 "$VAR/time" > "$VAR/time.last"
	printf '%s, %s bytes\n' "$(cat "$VAR/time.last")" "$(wc -c < "$VAR/out")"
}
printf '%-36s ' "trainctl export (XML, streamed)"
RCM_CONFIG=$VAR/rcm.conf measure "$ROOT/cgi-bin/trainctl" export --country CR --year 2026
ours=$(cut -d' ' -f1 "$VAR/time.last")
mv "$VAR/out" "$VAR/ours.xml"
# The same statement as STMT_REPORT_RECORDS in cgi-bin/lib/db.c, with the
# same parameters, so both read exactly the same rows in the same order.
printf '%-36s ' "mariadb --xml --quick (same rows)"
measure mariadb --defaults-file="$VAR/secrets/root.cnf" --xml --quick rcm -e "
	SELECT STRAIGHT_JOIN c.id, u.id, u.full_name, u.sex, u.agency,
	u.country, c.module_id, c.version, c.lang, c.started_at,
	c.completed_at, c.score, c.attempts, c.certificate,
	c.revoked_at IS NOT NULL
	FROM completions c JOIN users u ON u.id = c.user_id
	WHERE c.completed_at >= '2026-01-01' AND c.completed_at < '2027-01-01'
	AND ('CR' IS NULL OR u.country = 'CR')
	AND (NULL IS NULL OR u.agency = NULL)
	AND (NULL IS NULL OR c.module_id = NULL)
	ORDER BY c.id"
theirs=$(cut -d' ' -f1 "$VAR/time.last")
awk -v o="$ours" -v t="$theirs" 'BEGIN {
	printf "ratio mariadb/ours %.2f (above 1: ours is faster)\n", t / o }'
printf 'records in our file: %s; ' "$(grep -c '^<record ' "$VAR/ours.xml")"
if xmllint --noout --stream --schema "$ROOT/xslt/completion-records.xsd" \
    "$VAR/ours.xml" 2>/dev/null; then
	echo "valid against completion-records.xsd"
else
	echo "NOT valid against completion-records.xsd"
fi
