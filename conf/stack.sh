#!/bin/sh
# Starts and stops the whole stack in $VAR: MariaDB (own data directory,
# socket and port), the four FastCGI programs (spawn-fcgi + multiwatch) and
# nginx.  Used by `make run` (VAR=./var, port 8080) and by the tests (a
# temporary VAR, other ports).
#
#   stack.sh start | stop | reload | demo | status
#   stack.sh db-stop | db-start | migrate	(used by the tests)
#
# Environment: VAR, HTTP_PORT, DB_PORT, WORKERS (per program, default 3).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=${VAR:-$ROOT/var}
HTTP_PORT=${HTTP_PORT:-8080}
DB_PORT=${DB_PORT:-3407}
WORKERS=${WORKERS:-3}
PROGRAMS="learn report admin verify"
SOCK=$VAR/run/mysqld.sock

say() { printf '%s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }

alive() {
	[ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# The root password of our private server lives in var/secrets/db-root.
db_root() {
	mariadb --defaults-file="$VAR/secrets/root.cnf" "$@"
}

secret() {
	f=$VAR/secrets/$1
	if [ ! -s "$f" ]; then
		( umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$f" )
	fi
}

subst() {
	sed -e "s|@VAR@|$VAR|g" -e "s|@ROOT@|$ROOT|g" \
	    -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@DB_PORT@|$DB_PORT|g" \
	    -e "s|@USER@|$NGINX_USER|g" -e "s|@DB_USER@|$DB_USER|g" \
	    -e "s|@VERIFY_RATE@|${VERIFY_RATE:-30r/m}|g" \
	    -e "s|@SIGNIN_RATE@|${SIGNIN_RATE:-60r/m}|g" \
	    -e "s|@CONTENT@|${CONTENT_DIR:-$ROOT/content}|g" "$1"
}

start_db() {
	mkdir -p "$VAR/db" "$VAR/run" "$VAR/log" "$VAR/secrets" \
	    "$VAR/tmp/none"
	chmod 0700 "$VAR/secrets"
	if [ "$(id -u)" -eq 0 ]; then DB_USER="user = root"; else DB_USER=""; fi
	NGINX_USER=""
	subst "$ROOT/conf/mariadb.cnf.in" > "$VAR/mariadb.cnf"
	fresh=
	if [ ! -d "$VAR/db/mysql" ]; then
		mariadb-install-db --defaults-file="$VAR/mariadb.cnf" \
		    --auth-root-authentication-method=normal \
		    --skip-test-db > "$VAR/log/mariadb-install.log" 2>&1 ||
		    die "mariadb-install-db failed: see $VAR/log/mariadb-install.log"
		fresh=1
	fi
	if ! alive "$VAR/run/mysqld.pid"; then
		mariadbd --defaults-file="$VAR/mariadb.cnf" \
		    >> "$VAR/log/mariadb.log" 2>&1 &
	fi
	i=0
	until mariadb-admin --no-defaults --socket="$SOCK" ping \
	    >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 300 ] && die "MariaDB did not start: see $VAR/log/mariadb.log"
		sleep 0.1
	done
	secret db-root
	# The password goes in a file, never on a command line (ps shows those).
	( umask 077; printf '[client]\nuser = root\npassword = %s\nsocket = %s\n' \
	    "$(cat "$VAR/secrets/db-root")" "$SOCK" > "$VAR/secrets/root.cnf" )
	if [ -n "$fresh" ]; then
		printf "ALTER USER root@localhost IDENTIFIED BY '%s'; DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;\n" \
		    "$(cat "$VAR/secrets/db-root")" |
		    mariadb --no-defaults --socket="$SOCK" -uroot
	fi
}

# Applies sql/schema.sql and every migration not yet recorded, in order
# (SQL_DIR names another folder laid out like sql/, for the tests).
migrate() {
	sql=${SQL_DIR:-$ROOT/sql}
	db_root -e "CREATE DATABASE IF NOT EXISTS rcm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	db_root rcm < "$sql/schema.sql"
	for f in "$sql"/migrations/[0-9]*.sql; do
		name=$(basename "$f" .sql)
		done_=$(db_root -N -B rcm -e "SELECT COUNT(*) FROM schema_migrations WHERE name = '$name'")
		[ "$done_" = 1 ] && continue
		say "migration: $name"
		{ cat "$f"; printf "\nINSERT INTO schema_migrations (name) VALUES ('%s');\n" "$name"; } |
		    db_root rcm || die "migration $name failed"
	done
	for p in $PROGRAMS; do secret "db-$p"; done
	{
		for p in $PROGRAMS; do
			printf "SET @%s_pw = '%s';\n" "$p" "$(cat "$VAR/secrets/db-$p")"
		done
		cat "$sql/grants.sql"
	} | db_root rcm || die "grants failed"
}

write_config() {
	cat > "$VAR/rcm.conf" <<CONF
# Written by conf/stack.sh; see conf/rcm.conf.example for every key.
db_socket = $SOCK
db_name = rcm
secrets_dir = $VAR/secrets
content_dir = ${CONTENT_DIR:-$ROOT/content}
xslt_dir = $ROOT/xslt
base_url = http://127.0.0.1:$HTTP_PORT
cookie_secure = yes
quiz_attempts_per_day = ${QUIZ_ATTEMPTS_PER_DAY:-3}
CONF
}

start_programs() {
	for p in $PROGRAMS; do
		pidf=$VAR/run/$p.pid
		alive "$pidf" && continue
		rm -f "$VAR/run/$p.sock"
		# -n: spawn-fcgi binds the socket and becomes multiwatch,
		# which keeps the workers' stderr going to the log.
		RCM_CONFIG=$VAR/rcm.conf setsid spawn-fcgi -n \
		    -s "$VAR/run/$p.sock" -M 0666 -- \
		    /usr/bin/multiwatch -f "$WORKERS" -r 1000000 -t 1000 -- \
		    "$ROOT/cgi-bin/$p" >> "$VAR/log/$p.log" 2>&1 < /dev/null &
		echo $! > "$pidf"
		i=0
		until [ -S "$VAR/run/$p.sock" ]; do
			i=$((i + 1))
			alive "$pidf" && [ $i -lt 100 ] ||
			    die "$p did not start: see $VAR/log/$p.log"
			sleep 0.05
		done
	done
}

start_nginx() {
	mkdir -p "$VAR/tmp/body" "$VAR/tmp/fastcgi" "$VAR/tmp/proxy" \
	    "$VAR/tmp/uwsgi" "$VAR/tmp/scgi"
	# As root, workers run as root only to read this work tree; the
	# production example runs them as www-data.
	if [ "$(id -u)" -eq 0 ]; then NGINX_USER="user root;"; else NGINX_USER=""; fi
	DB_USER=""
	subst "$ROOT/conf/nginx.conf.in" > "$VAR/nginx.conf"
	alive "$VAR/run/nginx.pid" && return 0
	nginx -q -p "$VAR" -c "$VAR/nginx.conf" -e "$VAR/log/nginx-error.log" ||
	    die "nginx did not start: see $VAR/log/nginx-error.log"
}

wait_http() {
	i=0
	for p in $PROGRAMS; do
		until curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/$p/healthz"; do
			i=$((i + 1))
			[ $i -gt 100 ] && die "/$p/healthz does not answer: see $VAR/log/$p.log"
			sleep 0.1
		done
	done
}

stop_pid() {
	if alive "$1"; then
		pid=$(cat "$1")
		kill "$pid" 2>/dev/null || true
		i=0
		while kill -0 "$pid" 2>/dev/null; do
			i=$((i + 1))
			[ $i -gt 100 ] && { kill -9 "$pid" 2>/dev/null || true; break; }
			sleep 0.1
		done
	fi
	rm -f "$1"
}

case "${1:-}" in
start)
	if alive "$VAR/run/nginx.pid"; then
		say "Already running: http://127.0.0.1:$HTTP_PORT/ (stop it with 'make stop')."
		exit 1
	fi
	start_db
	migrate
	write_config
	start_programs
	start_nginx
	wait_http
	;;
stop)
	stop_pid "$VAR/run/nginx.pid"
	# Programs stop in parallel: each finishes its request in progress.
	for p in $PROGRAMS; do stop_pid "$VAR/run/$p.pid" & done
	wait
	stop_pid "$VAR/run/mysqld.pid"
	say "Stopped."
	;;
db-stop)
	stop_pid "$VAR/run/mysqld.pid"
	;;
db-start)
	start_db
	;;
migrate)
	migrate
	;;
reload)
	for p in $PROGRAMS; do
		alive "$VAR/run/$p.pid" && kill -USR2 "$(cat "$VAR/run/$p.pid")"
	done
	say "Content reload requested."
	;;
demo)
	RCM_CONFIG=$VAR/rcm.conf "$ROOT/cgi-bin/trainctl" demo
	# The tests count what they create: they want the accounts only.
	if [ "${DEMO_DATA:-yes}" = yes ]; then
		db_root rcm < "$ROOT/sql/demo.sql" || die "demo data failed"
	fi
	say ""
	say "The training platform runs at http://127.0.0.1:$HTTP_PORT/"
	say "Demo accounts (password: demo-password-2026):"
	say "  officer@demo.rcm    frontline officer, Costa Rica"
	say "  oficial@demo.rcm    frontline officer, Guatemala (Spanish)"
	say "  focal.cr@demo.rcm   ministry focal point, Costa Rica"
	say "  ts@demo.rcm         RCM Technical Secretariat"
	say "  author@demo.rcm     UNHCR author (preview)"
	say "  admin@demo.rcm      administrator"
	say "Stop everything with 'make stop'."
	;;
status)
	for p in mysqld $PROGRAMS nginx; do
		if alive "$VAR/run/$p.pid"; then say "$p: running"; else say "$p: stopped"; fi
	done
	;;
*)
	die "usage: stack.sh start|stop|reload|demo|status"
	;;
esac
