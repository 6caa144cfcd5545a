# Thin wrapper over the CMake presets (Ninja, and ccache when installed).
#   make          build, check the shipped workspace, list it, print the last round's reconciliation
#   make test     build and run every test, also under ASan+UBSan; build everything
#                 with clang, run the unit tests so built and each fuzz target for
#                 TEST_FUZZ_SECONDS
#   make fuzz     run each fuzz target for FUZZ_SECONDS (findings in build/fuzz/findings/)
#   make reports  rewrite reports/ from tasks.yaml and progress/
# The README runs ./scripts/install-deps first, which installs what is missing.
.PHONY: all deps build test test-default test-asan test-fuzz fuzz fuzz-build reports format clean

JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 600
TEST_FUZZ_SECONDS ?= 30

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

test: test-default test-asan test-fuzz

test-default: build
	ctest --preset default -j $(JOBS)

test-asan: deps
	$(call configure,asan)
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# The fuzz preset builds the whole project, tests included, with clang.
fuzz-build: deps
	$(call configure,fuzz)
	cmake --build --preset fuzz -j $(JOBS)

test-fuzz: fuzz-build
	./build/fuzz/duban_tests
	./scripts/fuzz $(TEST_FUZZ_SECONDS)

fuzz: fuzz-build
	./scripts/fuzz $(FUZZ_SECONDS)

reports: build
	./scripts/make-reports ./build/default/duban . reports

format:
	find src tests fuzz -name "*.h" -o -name "*.cc" | xargs clang-format -i

clean:
	rm -rf build
