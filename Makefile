# rankstrat: hand-written Makefile.  ./configure writes config.mk (it is run
# automatically when config.mk is missing).  Objects go to $(O) so that
# several builds (e.g. a sanitizer build) can live side by side.

-include config.mk

O ?= build
PREFIX ?= $(if $(prefix),$(prefix),/usr/local)
DESTDIR ?=
VERSION ?= 0.1.0
SOVERSION = 0

WARN = -std=c11 -Wall -Wextra -Werror
OPT ?= -O2
ALL_CFLAGS = $(WARN) $(OPT) -fPIC -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
             -Itests/common \
             $(FLINT_CFLAGS) $(CONFIG_CPPFLAGS) $(EXTRA_CFLAGS)
ALL_LDFLAGS = $(CONFIG_LDFLAGS) $(EXTRA_LDFLAGS)
LIBS = $(FLINT_LIBS) -lmpfr -lgmp -lm

LIB_SRC := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_COMMON_SRC := $(sort $(wildcard tests/common/*.c))
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(O)/%.o)
TEST_COMMON_OBJ := $(TEST_COMMON_SRC:%.c=$(O)/%.o)
TEST_BIN := $(TEST_SRC:%.c=$(O)/%)

STATIC_LIB = $(O)/librankstrat.a
SHARED_LIB = $(O)/librankstrat.so.$(VERSION)
CLI = $(O)/rankstrat

.PHONY: all lib cli tests check check-unit check-cli check-valgrind \
        check-long install uninstall clean distclean demo format bench

all: lib cli

lib: $(STATIC_LIB) $(SHARED_LIB)
cli: $(CLI)
tests: $(TEST_BIN)

config.mk: configure.ac config.mk.in
	autoconf
	./configure

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(STATIC_LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(SHARED_LIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,librankstrat.so.$(SOVERSION) $(ALL_LDFLAGS) \
	  -o $@ $^ $(LIBS)

$(CLI): $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB) $(LIBS)

$(O)/tests/%: $(O)/tests/%.o $(TEST_COMMON_OBJ) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(TEST_COMMON_OBJ) $(STATIC_LIB) \
	  $(CHECK_LIBS) $(LIBS)

# The whole suite: unit tests (Check), CLI golden and bad-input tests, and
# the CLI tests again under valgrind.
check: check-unit check-cli check-valgrind

check-unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t; done

check-cli: $(CLI)
	tests/cli/run.sh $(CLI)

check-valgrind: $(CLI)
	tests/cli/valgrind.sh $(CLI)

# Longer sweeps, not part of `make check`.
check-long: $(CLI) $(TEST_BIN)
	RS_TEST_LONG=1 $(MAKE) check-unit

demo: $(CLI)
	$(CLI) analyze data/examples/demo.net

bench: $(CLI)
	bench/run

install: lib cli
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/rankstrat
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/rankstrat
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(PREFIX)/lib/
	ln -sf librankstrat.so.$(VERSION) \
	  $(DESTDIR)$(PREFIX)/lib/librankstrat.so.$(SOVERSION)
	ln -sf librankstrat.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/librankstrat.so
	install -m 644 include/rankstrat.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/rankstrat/*.h $(DESTDIR)$(PREFIX)/include/rankstrat/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  -e 's|@FLINT_LIBS@|$(FLINT_LIBS)|g' rankstrat.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/rankstrat.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/rankstrat \
	  $(DESTDIR)$(PREFIX)/lib/librankstrat.* \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/rankstrat.pc \
	  $(DESTDIR)$(PREFIX)/include/rankstrat.h
	rm -rf $(DESTDIR)$(PREFIX)/include/rankstrat

format:
	clang-format -i $$(find src include tests bench -name '*.[ch]')

clean:
	rm -rf $(O)

distclean: clean
	rm -rf config.mk config.log config.status autom4te.cache configure

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_COMMON_OBJ:.o=.d) \
         $(TEST_BIN:=.d)
