# rankstrat: hand-written Makefile.  ./configure writes config.mk (it is run
# automatically when config.mk is missing).  Objects go to $(O) so that
# several builds (e.g. a sanitizer build) can live side by side.

# CONFIG_MK: another configuration, e.g. one written by configure run in a
# build folder against another FLINT (make check-flint3).
CONFIG_MK ?= config.mk
-include $(CONFIG_MK)

O ?= build
PREFIX ?= $(if $(prefix),$(prefix),/usr/local)
# the Python package goes here (Debian's layout: on the path of the
# system python3 for PREFIX=/usr; otherwise add it to PYTHONPATH)
PYTHON_SITE ?= $(PREFIX)/lib/python3/dist-packages
# LIBDIR: e.g. /usr/lib/x86_64-linux-gnu for a multiarch Debian package
LIBDIR ?= $(PREFIX)/lib
DESTDIR ?=
VERSION ?= 0.1.0
SOVERSION = 0

WARN = -std=c11 -Wall -Wextra -Werror
OPT ?= -O2
ALL_CFLAGS = $(WARN) $(OPT) -fPIC -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
             -Itests/common \
             $(FLINT_CFLAGS) $(FLINT_COMPAT_CFLAGS) $(BLAS_CFLAGS) \
             $(CONFIG_CPPFLAGS) $(EXTRA_CFLAGS)
ALL_LDFLAGS = $(CONFIG_LDFLAGS) $(EXTRA_LDFLAGS)
LIBS = $(FLINT_LIBS) $(BLAS_LIBS) -lmpfr -lgmp -lm -lpthread

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

.PHONY: all lib cli tests check check-unit check-cli check-valgrind check-install \
        check-abi check-python \
        check-long install uninstall clean distclean demo format format-check \
        bench check-docs check-flint3 check-flint3-headers check-deb

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

# The double-precision kernels: exact integer arithmetic in doubles, where
# -O3 unrolls the register tiles and fused multiply-adds are exact too.
$(O)/src/qspace/dkernel.o: ALL_CFLAGS += -O3 -ffp-contract=fast

$(STATIC_LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# Only the declarations of include/ are exported (include/rankstrat/export.h);
# the unit tests link the static library and reach the internals too.
$(LIB_OBJ): ALL_CFLAGS += -fvisibility=hidden

# The links let programs (and the Python package) load build/librankstrat.so.
$(SHARED_LIB): $(LIB_OBJ) src/exports.map
	$(CC) -shared -Wl,-soname,librankstrat.so.$(SOVERSION) \
	  -Wl,--version-script=src/exports.map $(ALL_LDFLAGS) \
	  -o $@ $(LIB_OBJ) $(LIBS)
	ln -sf librankstrat.so.$(VERSION) $(O)/librankstrat.so.$(SOVERSION)
	ln -sf librankstrat.so.$(SOVERSION) $(O)/librankstrat.so

$(CLI): $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB) $(LIBS)

$(O)/tests/%: $(O)/tests/%.o $(TEST_COMMON_OBJ) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(TEST_COMMON_OBJ) $(STATIC_LIB) \
	  $(CHECK_LIBS) $(LIBS)

# The whole suite: unit tests (Check), CLI golden and bad-input tests, and
# the CLI tests again under valgrind.
check: check-unit check-cli check-valgrind check-install check-docs check-abi \
       check-python

check-unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t; done

check-cli: $(CLI)
	tests/cli/run.sh $(CLI)

check-valgrind: $(CLI)
	tests/cli/valgrind.sh $(CLI)

check-install: lib cli
	tests/install/check.sh $(O)

# The documentation against the tool: console examples, the tables of
# docs/examples.md, JSON Schemas of every golden JSON output, links, the
# manual page (tests/docs/check_docs.py; Debian's python3-jsonschema).
check-docs: $(CLI)
	/usr/bin/python3 tests/docs/check_docs.py $(CLI)

# librankstrat.so exports exactly the functions declared in include/.
check-abi: lib
	tests/abi/check.sh $(O)

# The Python package (python/rankstrat) over this build's shared library:
# pytest with Debian's python3 (./setup installs python3-pytest, -numpy,
# -sympy, -networkx), the tutorial's code as doctests, and the package
# installed by `make install`.  Any failure, and "no tests collected"
# (pytest status 5), fails the target.
PYTHON_TEST ?= /usr/bin/python3
check-python: lib cli
	PYTHONPATH=python RANKSTRAT_LIB=$(abspath $(O))/librankstrat.so \
	  RANKSTRAT_CLI=$(abspath $(CLI)) $(PYTHON_TEST) -m pytest -q \
	  -p no:cacheprovider --doctest-modules --doctest-glob='*.md' \
	  python/tests python/rankstrat python/README.md
	tests/install/python.sh $(O) $(PYTHON_TEST)

# FLINT 3 (issue 15).  check-flint3 builds each FLINT_SRC release once per
# machine into ${XDG_CACHE_HOME:-~/.cache}/rankstrat/flint-VERSION, then
# configures, builds and runs the whole suite against it in
# build-flint-VERSION.  check-flint3-headers (in CI) compiles every source
# against the configured headers of each release, in seconds.
FLINT_VENDOR ?= ../shared/vendor
FLINT_SRC ?= $(FLINT_VENDOR)/flint-3.0.1.tar.xz $(FLINT_VENDOR)/flint-3.6.0.tar.xz

check-flint3:
	@set -e; for t in $(FLINT_SRC); do tests/flint3/flint3.sh check $$t; done

check-flint3-headers:
	tests/flint3/headers.sh $(FLINT_SRC)

# Debian packages (debian/): build them, lintian, install them in a private
# namespace where rankstrat was never built, use and remove them.
check-deb:
	tests/deb/check.sh

# Longer sweeps, not part of `make check`.
check-long: $(CLI) $(TEST_BIN)
	RS_TEST_LONG=1 $(MAKE) check-unit

demo: $(CLI)
	$(CLI) analyze data/examples/demo.net

# Benchmarks (not tests): bench/run runs them all and prints one table.
bench: all
	$(MAKE) -C bench O=$(abspath $(O))
	bench/run $(O)

# Clients of the public headers call FLINT themselves (fmpq_mat_init before
# rs_matrix_read), so rankstrat.pc must give them FLINT, GMP and MPFR:
# through flint.pc where FLINT ships one, otherwise in Libs.
PC_REQUIRES := $(shell pkg-config --exists flint 2>/dev/null && echo flint)
PC_LIBS := $(if $(PC_REQUIRES),,$(FLINT_LIBS) -lmpfr -lgmp)
# rankstrat.pc names LIBDIR relative to ${prefix} when it lies below it
PC_LIBDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))

install: lib cli
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR) \
	  $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/include/rankstrat \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/rankstrat
	install -m 644 docs/rankstrat.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/
	ln -sf librankstrat.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/librankstrat.so.$(SOVERSION)
	ln -sf librankstrat.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/librankstrat.so
	install -m 644 include/rankstrat.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/rankstrat/*.h $(DESTDIR)$(PREFIX)/include/rankstrat/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  -e 's|^libdir=.*|libdir=$(PC_LIBDIR)|' \
	  -e 's|@PC_REQUIRES@|$(PC_REQUIRES)|g' -e 's|@PC_LIBS@|$(PC_LIBS)|g' \
	  -e 's|@BLAS_LIBS@|$(BLAS_LIBS)|g' \
	  rankstrat.pc.in \
	  > $(DESTDIR)$(LIBDIR)/pkgconfig/rankstrat.pc
	install -d $(DESTDIR)$(PYTHON_SITE)/rankstrat
	install -m 644 python/rankstrat/*.py $(DESTDIR)$(PYTHON_SITE)/rankstrat/
	printf '# written by make install\nLIBDIR = "%s"\n' '$(LIBDIR)' \
	  > $(DESTDIR)$(PYTHON_SITE)/rankstrat/_install.py

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/rankstrat \
	  $(DESTDIR)$(LIBDIR)/librankstrat.* \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/rankstrat.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/rankstrat.1 \
	  $(DESTDIR)$(PREFIX)/include/rankstrat.h
	rm -rf $(DESTDIR)$(PREFIX)/include/rankstrat
	rm -rf $(DESTDIR)$(PYTHON_SITE)/rankstrat

format:
	clang-format -i $$(find src include tests bench -name '*.[ch]')

format-check:
	clang-format --dry-run -Werror $$(find src include tests bench -name '*.[ch]')

clean:
	rm -rf $(O)

distclean: clean
	rm -rf config.mk config.log config.status autom4te.cache configure

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_COMMON_OBJ:.o=.d) \
         $(TEST_BIN:=.d)

# ---- Hostile input (issue 7): fuzzing, sanitizers, regression replay ----
#
# make fuzz [FUZZ_SECONDS=60] [FUZZ_NAMES="text_net ..."]
#     builds every tests/fuzz/fuzz_NAME.c with libFuzzer, ASan and UBSan
#     (clang, objects in $(FUZZ_O)) and runs the targets one after the
#     other, each in one process for FUZZ_SECONDS, seeded from
#     tests/fuzz/corpus/NAME; every crash is copied to
#     tests/fuzz/regressions/NAME/ and makes `make fuzz` fail.
# make check-fuzz-regressions (part of `make check`)
#     replays every file of tests/fuzz/corpus and tests/fuzz/regressions
#     through every target, built with $(CC) and a plain main (replay.c).
# make check-asan
#     the unit, CLI and replay tests built with ASan and UBSan in $(ASAN_O).

FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_O ?= $(O)-fuzz
ASAN_O ?= $(O)-asan
FUZZ_NAMES ?= $(sort $(patsubst tests/fuzz/fuzz_%.c,%, \
                $(filter-out tests/fuzz/fuzz_util.c, \
                  $(wildcard tests/fuzz/fuzz_*.c))))
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_BIN := $(FUZZ_NAMES:%=$(FUZZ_O)/fuzz_%)
REPLAY_BIN := $(FUZZ_NAMES:%=$(O)/tests/fuzz/replay_%)
REPLAY_OBJ := $(FUZZ_NAMES:%=$(O)/tests/fuzz/fuzz_%.o) \
              $(O)/tests/fuzz/fuzz_util.o $(O)/tests/fuzz/replay.o

.PHONY: fuzz fuzz-build fuzz-lib check-asan check-fuzz-regressions \
        check-faults check-soak

check: check-fuzz-regressions

$(REPLAY_BIN): $(O)/tests/fuzz/replay_%: $(O)/tests/fuzz/replay.o \
               $(O)/tests/fuzz/fuzz_%.o $(O)/tests/fuzz/fuzz_util.o \
               $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

check-fuzz-regressions: $(REPLAY_BIN)
	@set -e; for b in $(REPLAY_BIN); do \
	  $$b tests/fuzz/corpus tests/fuzz/regressions; done

fuzz-lib:
	@tests/fuzz/run.sh probe $(FUZZ_CC)
	$(MAKE) O=$(FUZZ_O) CC=$(FUZZ_CC) OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $(SAN_FLAGS)" \
	  $(FUZZ_O)/librankstrat.a

$(FUZZ_BIN): $(FUZZ_O)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.c \
             tests/fuzz/fuzz_util.h fuzz-lib
	$(FUZZ_CC) $(WARN) -O1 -g -fno-omit-frame-pointer \
	  -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(FLINT_CFLAGS) \
	  $(FLINT_COMPAT_CFLAGS) $(CONFIG_CPPFLAGS) -fsanitize=fuzzer $(SAN_FLAGS) -o $@ \
	  tests/fuzz/fuzz_$*.c tests/fuzz/fuzz_util.c \
	  $(FUZZ_O)/librankstrat.a $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	tests/fuzz/run.sh run $(FUZZ_O) $(FUZZ_SECONDS) $(FUZZ_NAMES)

# gcc's flow-based warnings misfire on UBSan's instrumentation (e.g.
# "reading 16 bytes from a region of size 8" for an rs_ranks_t argument);
# the normal build is the warning gate, this one checks the running code.
# (clang has neither these warnings nor the misfires: CC=clang gets none.)
SAN_NOWARN = $(if $(findstring clang,$(CC)),, \
             -Wno-stringop-overread -Wno-stringop-overflow -Wno-array-bounds \
             -Wno-maybe-uninitialized)

# The sanitizer build also compiles in allocation-failure injection
# (RS_FAIL_ALLOC=N, src/core/oom.c), which tests/cli/faults.sh exercises
# as part of check-cli there; a normal build never honours it.  It is also
# the build without BLAS (as configure --without-blas): the products of
# the lifting and of the modular LU then take the portable kernels of
# src/qspace/dkernel.c, so that CI runs both paths (the normal build takes
# OpenBLAS's), and the sanitizers see every product.
ASAN_MAKE = ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) O=$(ASAN_O) BLAS_CFLAGS= BLAS_LIBS= \
	  OPT="-O1 -g -fno-omit-frame-pointer $(SAN_FLAGS) $(SAN_NOWARN) \
	       -DRS_FAULT_INJECTION" \
	  EXTRA_LDFLAGS="$(SAN_FLAGS)"

check-asan:
	$(ASAN_MAKE) check-unit check-cli check-fuzz-regressions

# make check-faults: every allocation of the fault-injection commands made
# to fail once (tests/cli/faults.sh with RS_FAULTS_FULL=1), in the
# sanitizer build; longer than the sampled sweep of check-asan.
check-faults:
	$(ASAN_MAKE) $(ASAN_O)/rankstrat
	ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
	  RS_FAULTS_FULL=1 tests/cli/faults.sh $(ASAN_O)/rankstrat

# make check-soak [SOAK_COUNT=10000] [SOAK_SEED=1]: thousands of random
# commands under ASan with a memory limit (tests/soak/soak.py); not part
# of make check.
SOAK_COUNT ?= 10000
SOAK_SEED ?= 1
check-soak:
	$(ASAN_MAKE) $(ASAN_O)/rankstrat
	ASAN_OPTIONS=detect_leaks=1 \
	  python3 tests/soak/soak.py $(ASAN_O)/rankstrat $(SOAK_COUNT) $(SOAK_SEED)

-include $(REPLAY_OBJ:.o=.d)
