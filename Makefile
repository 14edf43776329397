# RCM refugee and asylum protection training platform.
#
#   make run      install missing packages, build, start everything on :8080
#   make test     the same stack in a temporary directory, then every test
#   make stop     stop what `make run` started
#   make bench    benchmarks (wrk on loopback, catalog load, exports)
#   make fuzz     libFuzzer harnesses, FUZZ_SECONDS (60) each
#   make install  PREFIX=/usr DESTDIR=/tmp/pkg
#
# Nothing here needs a network besides Debian's package mirror.

PREFIX		?= /usr/local
SYSCONFDIR	?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
DATADIR		?= $(PREFIX)/share
LIBEXECDIR	?= $(PREFIX)/libexec
BINDIR		?= $(PREFIX)/bin
DESTDIR		?=

CC		?= cc
CFLAGS		?= -O2 -g
PKGS		 = libmariadb libxml-2.0 libxslt libexslt libsodium libmarkdown \
		   libbsd libqrencode
RCM_CFLAGS	 = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
		   -Wformat=2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
		   -Icgi-bin/lib $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
RCM_LIBS	 = -lfcgi -lcsv $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS	 = $(RCM_CFLAGS) $(CFLAGS)

# Debian 12 packages the build, the stack and the tests need.
DEB_PACKAGES	 = gcc make pkg-config libfcgi-dev libmariadb-dev libxml2-dev \
		   libxslt1-dev libmarkdown2-dev libsodium-dev libbsd-dev \
		   libcsv-dev libqrencode-dev mariadb-server mariadb-client \
		   nginx-light spawn-fcgi multiwatch libxml2-utils xsltproc \
		   curl perl libxml-libxml-perl lynx time

LIB_OBJS	 = cgi-bin/lib/alloc.o cgi-bin/lib/log.o cgi-bin/lib/config.o \
		   cgi-bin/lib/req.o cgi-bin/lib/valid.o cgi-bin/lib/resp.o \
		   cgi-bin/lib/session.o cgi-bin/lib/password.o cgi-bin/lib/signin.o cgi-bin/lib/quiz.o cgi-bin/lib/progress.o cgi-bin/lib/scope.o cgi-bin/lib/records.o cgi-bin/lib/roster.o cgi-bin/lib/regional.o cgi-bin/lib/qr.o cgi-bin/lib/db.o cgi-bin/lib/view.o \
		   cgi-bin/lib/server.o cgi-bin/lib/catalog.o \
		   cgi-bin/lib/markdown.o
LIB		 = cgi-bin/lib/librcm.a
PROGRAMS	 = cgi-bin/learn cgi-bin/report cgi-bin/admin cgi-bin/verify
TOOLS		 = cgi-bin/trainctl cgi-bin/contentcheck
UNIT_TESTS	 = tests/unit/test_lib tests/unit/test_catalog \
		   tests/unit/test_markdown

# Where `make run` keeps its state, and its ports.
VAR		?= $(CURDIR)/var
HTTP_PORT	?= 8080
DB_PORT		?= 3407

.PHONY: all deps run stop reload test bench fuzz install clean content-check FORCE
.SUFFIXES: .c .o

BENCH		 = tests/bench/bench_catalog

all: $(PROGRAMS) $(TOOLS) $(UNIT_TESTS) $(BENCH)

.c.o:
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

PROG_OBJS	 = cgi-bin/learn.o cgi-bin/report.o cgi-bin/admin.o \
		   cgi-bin/verify.o cgi-bin/trainctl.o cgi-bin/contentcheck.o
$(LIB_OBJS) $(PROG_OBJS) $(UNIT_TESTS:=.o): cgi-bin/lib/rcm.h \
		   cgi-bin/lib/catalog.h
$(UNIT_TESTS:=.o): tests/unit/tap.h

# Installation paths compiled in as defaults; rewritten only when they
# change, so that `make PREFIX=/usr` rebuilds what depends on them.
cgi-bin/lib/paths.h: FORCE
	@printf '#define SYSCONFDIR "%s"\n#define DATADIR "%s"\n' \
	    '$(SYSCONFDIR)' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
FORCE:

cgi-bin/lib/config.o cgi-bin/lib/server.o cgi-bin/trainctl.o: \
		   cgi-bin/lib/paths.h

$(LIB): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $(LIB_OBJS)

# Every program, tool, unit test and benchmark is one .o and the library.
$(PROGRAMS) $(TOOLS) $(UNIT_TESTS) $(BENCH): %: %.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $@.o $(LIB) $(RCM_LIBS)

# Installs the Debian packages that are missing (as root), or says which.
deps:
	@sh conf/deps.sh $(DEB_PACKAGES)

content-check: cgi-bin/contentcheck
	./cgi-bin/contentcheck content

run: deps
	@$(MAKE) --no-print-directory all
	@./cgi-bin/contentcheck content
	@VAR=$(VAR) HTTP_PORT=$(HTTP_PORT) DB_PORT=$(DB_PORT) \
	    sh conf/stack.sh start
	@VAR=$(VAR) sh conf/stack.sh demo

stop:
	@VAR=$(VAR) sh conf/stack.sh stop

# Reloads the content catalog in every worker (USR2, forwarded by multiwatch).
reload:
	@VAR=$(VAR) sh conf/stack.sh reload

test: deps
	@$(MAKE) --no-print-directory all
	@sh tests/run.sh

bench: deps
	@sh conf/deps.sh wrk
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh

# libFuzzer harnesses (clang), FUZZ_SECONDS each; see tests/fuzz/run.sh.
fuzz: deps
	@sh conf/deps.sh clang
	@sh tests/fuzz/run.sh

install: all
	install -d $(DESTDIR)$(LIBEXECDIR)/rcm $(DESTDIR)$(BINDIR) \
	    $(DESTDIR)$(DATADIR)/rcm $(DESTDIR)$(SYSCONFDIR)/rcm \
	    $(DESTDIR)$(DATADIR)/doc/rcm/examples
	install -m 0755 $(PROGRAMS) $(DESTDIR)$(LIBEXECDIR)/rcm/
	install -m 0755 cgi-bin/trainctl $(DESTDIR)$(BINDIR)/trainctl
	install -m 0755 cgi-bin/contentcheck \
	    $(DESTDIR)$(BINDIR)/rcm-content-check
	cp -R xslt content sql $(DESTDIR)$(DATADIR)/rcm/
	install -m 0644 conf/rcm.conf.example \
	    $(DESTDIR)$(SYSCONFDIR)/rcm/rcm.conf.example
	install -m 0644 conf/nginx-site.conf.example conf/rcm@.service \
	    conf/rcm.conf.example conf/mariadb.cnf.in conf/fastcgi.conf \
	    $(DESTDIR)$(DATADIR)/doc/rcm/examples/
	install -m 0644 README.md $(DESTDIR)$(DATADIR)/doc/rcm/

clean:
	rm -f $(LIB) $(LIB_OBJS) $(PROGRAMS) $(TOOLS) $(UNIT_TESTS) \
	    cgi-bin/*.o tests/unit/*.o cgi-bin/lib/paths.h $(BENCH) \
	    tests/bench/*.o
