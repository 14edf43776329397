#!/bin/sh
# Golden test of the content checker: runs cgi-bin/contentcheck on each
# broken fixture, tests/content/bad-*, and compares its output with
# tests/content/expected/NAME.txt.  Also checks the good fixture, a
# missing folder and the usage error.  Prints TAP; exits 0 if all pass.
#
#	sh tests/unit/test_contentcheck.sh [-u]
#
# With -u the golden files are rewritten from the current output: read
# the diff before keeping it.  Run from anywhere; paths are relative to
# the top of the repository.

cd "$(dirname "$0")/../.." || exit 1
checker=cgi-bin/contentcheck
update=0
[ "$1" = "-u" ] && update=1
n=0
failed=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

if [ ! -x "$checker" ]; then
	echo "Bail out! $checker is not built"
	exit 1
fi

for dir in tests/content/bad-*; do
	name=${dir##*/}
	golden=tests/content/expected/$name.txt
	"$checker" "$dir" >"$out" 2>/dev/null
	rc=$?
	[ "$update" -eq 1 ] && cp "$out" "$golden"
	[ "$rc" -eq 1 ]
	ok $? "$name: exit status 1 (got $rc)"
	if diff -u "$golden" "$out" >/dev/null 2>&1; then
		ok 0 "$name: output matches $golden"
	else
		ok 1 "$name: output matches $golden"
		diff -u "$golden" "$out" 2>&1 | sed 's/^/# /'
	fi
done

"$checker" tests/content/good >"$out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$out" ]
ok $? "good: exit status 0 and no output (got $rc)"

"$checker" tests/content/no-such-folder >"$out" 2>/dev/null
rc=$?
[ "$rc" -eq 1 ] && [ "$(cat "$out")" = \
    "tests/content/no-such-folder: cannot open: No such file or directory" ]
ok $? "missing folder: reported, exit status 1 (got $rc)"

"$checker" a b >"$out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && grep -q '^usage: contentcheck \[DIR\]$' "$out"
ok $? "two arguments: usage, exit status 2 (got $rc)"

"$checker" -x >"$out" 2>&1
rc=$?
[ "$rc" -eq 2 ]
ok $? "unknown option: exit status 2 (got $rc)"

echo "1..$n"
[ "$failed" -eq 0 ]
