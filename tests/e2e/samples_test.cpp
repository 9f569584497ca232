// SPDX-License-Identifier: MIT
// The samples end to end through the library: the dated events the README promises.
#include <catch2/catch.hpp>

#include <algorithm>

#include "chronograph/ingest/reader.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/render/json.hpp"

using namespace chronograph;

namespace {
const story& samples_story() {
  static const story s = [] {
    auto input = ingest::read_inputs({std::string(CHRONOGRAPH_SOURCE_DIR) + "/samples"}, {});
    REQUIRE(input.failures.empty());
    REQUIRE(input.documents.size() == 5);
    return build_story(std::move(input.documents), pipeline_models::load_default(), 2);
  }();
  return s;
}

// Events whose date starts with `prefix` and whose mentions or summary contain one of `words`.
std::vector<const story_event*> events_on(const std::string& prefix, std::initializer_list<const char*> words) {
  std::vector<const story_event*> out;
  for (const auto& e : samples_story().events) {
    if (e.when.value.rfind(prefix, 0) != 0) continue;
    std::string text = e.summary + " " + e.trigger;
    for (const auto& m : e.mentions) text += " " + m.text;
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::any_of(words.begin(), words.end(), [&](const char* w) { return text.find(w) != std::string::npos; }))
      out.push_back(&e);
  }
  return out;
}
}  // namespace

TEST_CASE("the samples give the dated events of the story", "[e2e][samples]") {
  const auto& s = samples_story();
  REQUIRE(s.documents.size() == 5);
  for (const auto& d : s.documents) CHECK(d.dct == std::optional<std::string>{"2025-06-05"});

  SECTION("the June 5 call") { CHECK_FALSE(events_on("2025-06-05", {"call"}).empty()); }
  SECTION("the May 12 Geneva talks or agreement") {
    CHECK_FALSE(events_on("2025-05-12", {"talk", "agree", "deal", "geneva", "meeting"}).empty());
  }
  SECTION("the January 17 call (\"spoke\", \"conversation\")") {
    CHECK_FALSE(events_on("2025-01-17", {"call", "spoke", "conversation"}).empty());
  }
  SECTION("tariff changes from April 2025") {
    CHECK_FALSE(events_on("2025-04", {"tariff", "145", "125", "hike", "raise", "ratchet"}).empty());
  }
  SECTION("every event cites its evidence") {
    for (const auto& e : s.events) {
      REQUIRE_FALSE(e.mentions.empty());
      for (const auto& m : e.mentions) CHECK_FALSE(m.text.empty());
    }
  }
}

TEST_CASE("the story is the same whatever the input order", "[e2e][samples]") {
  auto input = ingest::read_inputs({std::string(CHRONOGRAPH_SOURCE_DIR) + "/samples"}, {});
  std::reverse(input.documents.begin(), input.documents.end());
  const auto reversed = build_story(std::move(input.documents), pipeline_models::load_default(), 1);
  CHECK(render::to_json(reversed) == render::to_json(samples_story()));
}

TEST_CASE("JSON spans are code points into the document text", "[e2e][samples]") {
  auto input = ingest::read_inputs({std::string(CHRONOGRAPH_SOURCE_DIR) + "/samples"}, {});
  const auto& s = samples_story();
  for (const auto& t : s.timexes) {
    const auto doc = std::find_if(input.documents.begin(), input.documents.end(), [&](const document& d) { return d.id == t.doc; });
    REQUIRE(doc != input.documents.end());
    // Byte offset of every code point, then the slice the span names must be the quoted text.
    std::vector<std::size_t> byte_of;
    for (std::size_t i = 0; i < doc->text.size(); ++i)
      if ((static_cast<unsigned char>(doc->text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
    byte_of.push_back(doc->text.size());
    REQUIRE(t.end < byte_of.size());
    CHECK(doc->text.substr(byte_of[t.start], byte_of[t.end] - byte_of[t.start]) == t.text);
  }
}
