#!/bin/sh
# Unit tests of cgi-bin/lib (tests/unit/test_lib.c).
exec "$(dirname "$0")/test_lib"
