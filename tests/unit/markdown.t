#!/bin/sh
# Unit tests of cgi-bin/lib/markdown.c (tests/unit/test_markdown.c).
cd "$(dirname "$0")/../.." && exec tests/unit/test_markdown
