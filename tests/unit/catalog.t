#!/bin/sh
# Unit tests of cgi-bin/lib/catalog.c (tests/unit/test_catalog.c).
cd "$(dirname "$0")/../.." && exec tests/unit/test_catalog
