#!/bin/sh
# `make test`: starts the whole stack (MariaDB, the four programs, nginx) in
# a temporary directory on free ports, runs the content checker, the unit
# tests and the integration tests through nginx with prove, and stops
# everything again, whether the tests passed or not.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=$(mktemp -d "${TMPDIR:-/tmp}/rcm-test.XXXXXX")
export ROOT VAR

# Two free ports on loopback, away from `make run`'s 8080/3407.
free_port() {
	p=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null ||
	    ss -ltn 2>/dev/null | grep -q "127.0.0.1:$p "; do
		p=$((p + 1))
	done
	echo "$p"
}
HTTP_PORT=$(free_port $((18000 + $$ % 1000)))
DB_PORT=$(free_port $((HTTP_PORT + 1000)))
# Generous limits so the journey tests are not throttled by nginx; the
# throttling tests exercise the application's own limits.
VERIFY_RATE=600r/m
SIGNIN_RATE=6000r/m
export HTTP_PORT DB_PORT VERIFY_RATE SIGNIN_RATE

cleanup() {
	rc=$?
	sh "$ROOT/conf/stack.sh" stop >/dev/null 2>&1
	if [ "$rc" -ne 0 ] && [ -d "$VAR/log" ]; then
		for f in "$VAR"/log/*.log; do
			echo "--- last lines of $f"
			tail -n 15 "$f"
		done
	fi
	rm -rf "$VAR"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A copy of content/ that the tests may change and reload.
mkdir -p "$VAR"
cp -R "$ROOT/content" "$VAR/content"
CONTENT_DIR=$VAR/content
export CONTENT_DIR

echo "# stack in $VAR, http://127.0.0.1:$HTTP_PORT/"
sh "$ROOT/conf/stack.sh" start || exit 1
DEMO_DATA=no sh "$ROOT/conf/stack.sh" demo >/dev/null || exit 1

cd "$ROOT" || exit 1
prove -I tests/lib --timer ${PROVE_ARGS:-} ${TESTS:-tests/unit/*.t tests/integration/*.t}
