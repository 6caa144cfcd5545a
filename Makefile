# Thin wrapper over the CMake presets (Ninja, and ccache when installed).
#   make          build, check the shipped workspace, list it, print the last round's reconciliation
#   make test     build and run every test; build again with clang under ASan+UBSan
#                 (the asan preset, fuzz targets included) and run there the tests
#                 that run duban's code on inputs (all but the labels source, os,
#                 tools and scale), then each fuzz target for TEST_FUZZ_SECONDS,
#                 FUZZ_JOBS at a time
#   make fuzz     run each fuzz target for FUZZ_SECONDS, FUZZ_JOBS at a time
#                 (findings in build/asan/findings/)
#   make reports  rewrite reports/ from tasks.yaml and progress/
# The README runs ./scripts/install-deps first, which installs what is missing.
.PHONY: all deps build test test-default test-asan test-fuzz asan-build fuzz fuzz-build reports format clean

JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 600
TEST_FUZZ_SECONDS ?= 30
FUZZ_JOBS ?= 2
export FUZZ_JOBS

# configure PRESET: a build folder made with another generator (Makefiles,
# before the presets chose Ninja) cannot be configured for Ninja: start it afresh.
define configure
	@if [ -f build/$(1)/CMakeCache.txt ] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' build/$(1)/CMakeCache.txt; then \
	  echo "build/$(1) was made with another generator: removing it to build with Ninja" >&2; rm -rf build/$(1); fi
	cmake --preset $(1) >/dev/null
endef

all: build
	./build/default/duban check
	./build/default/duban tasks
	./build/default/duban reconcile

deps:
	./scripts/install-deps

build: deps
	$(call configure,default)
	cmake --build --preset default -j $(JOBS)

test: test-default test-asan

test-default: build
	ctest --preset default -j $(JOBS)

# One sanitized build, with clang: the tests run in it and the fuzz targets are
# built in it (DUBAN_FUZZ).
asan-build: deps
	$(call configure,asan)
	cmake --build --preset asan -j $(JOBS)

test-asan: asan-build
	ctest --preset asan -j $(JOBS)
	./scripts/fuzz $(TEST_FUZZ_SECONDS)

fuzz-build: asan-build

test-fuzz: asan-build
	./scripts/fuzz $(TEST_FUZZ_SECONDS)

fuzz: asan-build
	./scripts/fuzz $(FUZZ_SECONDS)

reports: build
	./scripts/make-reports ./build/default/duban . reports

format:
	find src tests fuzz -name "*.h" -o -name "*.cc" | xargs clang-format -i

clean:
	rm -rf build
