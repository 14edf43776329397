#!/bin/sh
# Golden tests of the content checker on broken fixtures.
exec sh "$(dirname "$0")/test_contentcheck.sh"
