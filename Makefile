# Thin wrapper over the CMake presets.
#   make          build, check the shipped workspace, list it, print the last round's reconciliation
#   make test     build and run every test, also under ASan+UBSan
#   make reports  rewrite reports/ from tasks.yaml and progress/
# The README runs ./scripts/install-deps first, which installs what is missing.
.PHONY: all deps build test test-default test-asan reports format clean

JOBS ?= $(shell nproc)

all: build
	./build/default/duban check
	./build/default/duban tasks
	./build/default/duban reconcile

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

reports: build
	./scripts/make-reports ./build/default/duban . reports

format:
	find src tests -name "*.h" -o -name "*.cc" | xargs clang-format -i

clean:
	rm -rf build
