#!/bin/sh
# `make fuzz`: builds the libFuzzer harnesses with clang (AddressSanitizer
# and UndefinedBehaviorSanitizer) and runs each for FUZZ_SECONDS (60),
# starting from the test fixtures.  Not part of `make test`: it looks for
# new bugs, it does not check old ones.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/rcm-fuzz.XXXXXX")
CFLAGS="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Icgi-bin/lib $(pkg-config --cflags libmariadb libxml-2.0 libxslt libsodium libmarkdown libbsd)"
LIBS="-lfcgi -lcsv $(pkg-config --libs libmariadb libxml-2.0 libxslt libexslt libsodium libmarkdown libbsd libqrencode)"
SRC="alloc log config req valid resp session signin password quiz progress scope records roster db view server catalog markdown qr"
objs=
for f in $SRC; do
	clang $CFLAGS -fsanitize=fuzzer-no-link -c -o "$OUT/$f.o" "cgi-bin/lib/$f.c"
	objs="$objs $OUT/$f.o"
done
status=0
for h in roster markdown quiz; do
	clang $CFLAGS -o "$OUT/fuzz_$h" "tests/fuzz/fuzz_$h.c" $objs $LIBS
	mkdir -p "$OUT/corpus_$h"
	case $h in
	roster) cp tests/integration/*.t "$OUT/corpus_$h/" ;;
	markdown) find tests/content content -name '*.md' -size -60k \
	    -exec cp {} "$OUT/corpus_$h/" \; ;;
	quiz) printf '0:1,0;1:3,2,1,0;2:0,2,1' > "$OUT/corpus_$h/one" ;;
	esac
	echo "== fuzz_$h for ${SECONDS_EACH}s"
	"$OUT/fuzz_$h" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
	    -artifact_prefix="$OUT/crash-$h-" "$OUT/corpus_$h" 2>&1 |
	    grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|crash-' || true
	ls "$OUT"/crash-$h-* >/dev/null 2>&1 && { echo "fuzz_$h found a crash: $OUT"; status=1; }
done
[ $status -eq 0 ] && rm -rf "$OUT"
exit $status
