// SPDX-License-Identifier: MIT
// The story store's loading path: whatever bytes a store file or one of its blobs holds
// (corrupt, truncated, another schema, a foreign SQLite file), opening and reading it gives a
// value or a chronograph::error, never a crash, a hang or another exception. The first input
// byte picks the target:
//   0  a serialized analysis (store::deserialize_analysis), then merged into a story, as a
//      store's analyses are;
//   1  a serialized story (the store's cached story);
//   2  a whole SQLite file opened read-only: documents, analyses, corrections, the story;
//   3  the same file opened for writing: schema migration, then the cached story;
//   and on the files of 2 and 3, questions answered from the store's query index.
// Seeds (fuzz/corpus/store/) are a one-document store and its blobs, made by
// scripts/store_fuzz_seeds.sh.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "chronograph/error.hpp"
#include "chronograph/merge/merge.hpp"
#include "chronograph/store/serialize.hpp"
#include "chronograph/store/store.hpp"

namespace {

using namespace chronograph;

// A decoded value encodes to the same bytes every time (the encoding is deterministic and the
// decoder accepted it, so it must read its own output back).
template <class Decode, class Encode>
void check_round_trip(const Decode& decode, const Encode& encode, std::string_view bytes) {
  const auto once = encode(decode(bytes));
  if (encode(decode(once)) != once) __builtin_trap();
}

void open_and_read(std::string_view bytes, store::story_store::open_mode mode) {
  static const std::string file = "/tmp/chronograph-store-fuzz-" + std::to_string(::getpid()) + ".db";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::remove((file + "-journal").c_str());
  try {
    auto st = store::story_store::open(file, mode);
    (void)st.documents();
    (void)st.corrections();
    (void)st.build();
    (void)st.cached_story();
    // Questions answered from the query index (written above when the file was writable).
    (void)st.ask(graph::question::between, {"1990", "2030"});
    (void)st.ask(graph::question::before, {"talks"});
  } catch (const chronograph::error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 4) {
      case 0: {
        const auto analysis = store::deserialize_analysis(bytes, "fuzz");
        (void)merge::build_story({analysis});
        check_round_trip([](std::string_view b) { return store::deserialize_analysis(b, "fuzz"); },
                         [](const merge::document_analysis& a) { return store::serialize_analysis(a); }, bytes);
        break;
      }
      case 1:
        check_round_trip([](std::string_view b) { return store::deserialize_story(b, "fuzz"); },
                         [](const story& s) { return store::serialize_story(s); }, bytes);
        break;
      case 2:
        open_and_read(bytes, store::story_store::open_mode::read_only);
        break;
      default:
        open_and_read(bytes, store::story_store::open_mode::update);
        break;
    }
  } catch (const chronograph::error&) {
  }
  return 0;
}
