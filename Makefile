# Thin wrapper over the CMake presets.
#   make        install what is missing, build, check the shipped workspace and list it
#   make test   install what is missing, build, run every test, also under ASan+UBSan
.PHONY: all deps build test test-default test-asan format clean

JOBS ?= $(shell nproc)

all: build
	./build/default/duban check
	./build/default/duban tasks

deps:
	./scripts/install-deps

build: deps
	cmake --preset default >/dev/null
	cmake --build --preset default -j $(JOBS)

test: test-default test-asan

test-default: build
	ctest --preset default -j $(JOBS)

test-asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

format:
	find src tests -name "*.h" -o -name "*.cc" | xargs clang-format -i

clean:
	rm -rf build
