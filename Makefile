# Thin wrapper over CMake. `make demo` renders the samples into graphs/, `make test` runs ctest.
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test test-asan fuzz clean

all: build

deps:
	@bash scripts/deps.sh $(DEPS_FLAGS)

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/chronograph build samples --out graphs --format all

test: DEPS_FLAGS = --test
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Unit and end-to-end tests under AddressSanitizer + UndefinedBehaviorSanitizer (evaluations
# stay in the Release build: they are slow and exercise the same code).
test-asan: DEPS_FLAGS = --test
test-asan: deps
	@test -f build-asan/CMakeCache.txt || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCHRONOGRAPH_SANITIZE=address,undefined -DCHRONOGRAPH_EVAL=OFF -DCHRONOGRAPH_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS) -LE eval

# libFuzzer harnesses (clang, ASan + UBSan), each run for FUZZ_SECONDS on its seed corpus.
FUZZ_SECONDS ?= 30
fuzz: DEPS_FLAGS = --fuzz
fuzz: deps
	@test -f build-fuzz/CMakeCache.txt || cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DCHRONOGRAPH_FUZZ=ON -DCHRONOGRAPH_SANITIZE=address,undefined \
	  -DCHRONOGRAPH_BUILD_TESTS=OFF -DCHRONOGRAPH_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target fuzz_plain_text fuzz_timex fuzz_timeml fuzz_story_json fuzz_store
	bash scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz
