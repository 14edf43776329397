#!/bin/sh
# `make install DESTDIR=...` puts programs, views, content, SQL and the
# example configuration where packagers expect them.
cd "$(dirname "$0")/../.." || exit 1
dest=$(mktemp -d "${TMPDIR:-/tmp}/rcm-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
n=0
fail=0
check() {
	n=$((n + 1))
	if [ -e "$dest$1" ]; then echo "ok $n - installed $1"
	else echo "not ok $n - missing $1"; fail=1; fi
}
make -s install DESTDIR="$dest" >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 - make install"; exit 1; }
for f in /usr/local/libexec/rcm/learn /usr/local/libexec/rcm/report \
    /usr/local/libexec/rcm/admin /usr/local/libexec/rcm/verify \
    /usr/local/bin/trainctl /usr/local/bin/rcm-content-check \
    /usr/local/share/rcm/xslt/_layout.xsl \
    /usr/local/share/rcm/xslt/completion-records.xsd \
    /usr/local/share/rcm/xslt/i18n/es.xml \
    /usr/local/share/rcm/content/README.md \
    /usr/local/share/rcm/content/first-contact/module.txt \
    /usr/local/share/rcm/sql/schema.sql /usr/local/share/rcm/sql/grants.sql \
    /usr/local/share/rcm/sql/migrations/001-accounts.sql \
    /usr/local/etc/rcm/rcm.conf.example \
    /usr/local/share/doc/rcm/examples/rcm@.service \
    /usr/local/share/doc/rcm/examples/nginx-site.conf.example \
    /usr/local/share/doc/rcm/README.md; do
	check "$f"
done
n=$((n + 1))
if "$dest/usr/local/bin/rcm-content-check" "$dest/usr/local/share/rcm/content" >/dev/null; then
	echo "ok $n - the installed checker passes the installed content"
else
	echo "not ok $n - the installed checker fails"; fail=1
fi
echo "1..$n"
exit $fail
