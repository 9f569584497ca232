// SPDX-License-Identifier: MIT
// Corrections on a tiny hand-built story (no pipeline).
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/store/store.hpp"

using namespace chronograph;
using store::correction_kind;

namespace {

story_event event(const std::string& id, const std::string& when, std::vector<std::string> mentions) {
  story_event e;
  e.id = id;
  e.summary = id + " summary";
  e.when.value = when;
  for (const auto& m : mentions) {
    const auto doc = m.substr(0, m.find(':'));
    e.mentions.push_back({doc, 10 * e.mentions.size(), 10 * e.mentions.size() + 4, "word"});
    e.mention_ids.push_back(m);
  }
  e.salience = 0.5;
  return e;
}

story_link link(const std::string& from, const std::string& to, const std::string& doc, double confidence) {
  story_link l;
  l.from = from;
  l.to = to;
  l.type = "BEFORE";
  l.support = {doc, 0, 4, "then"};
  l.rule = "test";
  l.confidence = confidence;
  return l;
}

// a (May 12, two documents), b (June 5, a:e2 and b:e2), c (undated), d (June 5, c:e1).
story tiny() {
  story s;
  s.events = {event("ev-a", "2025-05-12", {"a:e1", "b:e1"}), event("ev-b", "2025-06-05", {"a:e2", "b:e2"}),
              event("ev-d", "2025-06-05", {"c:e1"}), event("ev-c", "", {"a:e3"})};
  s.links = {link("ev-a", "ev-b", "a", 0.8), link("ev-a", "ev-d", "c", 0.6), link("ev-b", "ev-c", "b", 0.7)};
  return s;
}

const story_event& holding(const story& s, const std::string& mention) {
  for (const auto& e : s.events)
    if (std::find(e.mention_ids.begin(), e.mention_ids.end(), mention) != e.mention_ids.end()) return e;
  FAIL("no event holds " << mention);
  throw;
}

}  // namespace

TEST_CASE("pin sets an event's date and re-sorts the timeline", "[store][corrections]") {
  const auto s = tiny();
  const auto c = store::make_correction(s, correction_kind::pin, {"ev-c", "2025-01-20"});
  REQUIRE(c.mentions == std::vector<std::string>{"a:e3"});
  const auto out = store::apply_corrections(s, {c});
  REQUIRE(out.events.front().id == "ev-c");
  REQUIRE(out.events.front().when.value == "2025-01-20");
  REQUIRE(out.events.front().when.anchor == "pinned");
  REQUIRE_THROWS_AS(store::make_correction(s, correction_kind::pin, {"ev-c", "soon"}), input_error);
}

TEST_CASE("merge joins two events, whichever is named first, and redirects their links", "[store][corrections]") {
  const auto s = tiny();
  const auto one = store::apply_corrections(s, {store::make_correction(s, correction_kind::merge, {"ev-b", "c:e1"})});
  const auto two = store::apply_corrections(s, {store::make_correction(s, correction_kind::merge, {"ev-d", "ev-b"})});
  REQUIRE(one.events.size() == 3);
  const auto& merged = holding(one, "c:e1");
  REQUIRE(merged.id == "ev-b");
  REQUIRE(merged.mention_ids == std::vector<std::string>{"a:e2", "b:e2", "c:e1"});
  REQUIRE(one.links.size() == 2);  // ev-a BEFORE ev-b twice -> once, the more confident kept
  REQUIRE(one.links[0].from == "ev-a");
  REQUIRE(one.links[0].to == "ev-b");
  REQUIRE(one.links[0].confidence == 0.8);
  REQUIRE(two.events.size() == one.events.size());
  REQUIRE(two.links.size() == one.links.size());
  for (std::size_t i = 0; i < one.events.size(); ++i) REQUIRE(one.events[i].id == two.events[i].id);
  REQUIRE_THROWS_AS(store::make_correction(s, correction_kind::merge, {"ev-b", "a:e2"}), input_error);
}

TEST_CASE("split takes a mention out of an event with the links of its document", "[store][corrections]") {
  const auto s = tiny();
  const auto c = store::make_correction(s, correction_kind::split, {"ev-b", "b:e2"});
  const auto out = store::apply_corrections(s, {c});
  REQUIRE(out.events.size() == 5);
  const auto& part = holding(out, "b:e2");
  REQUIRE(part.id != "ev-b");
  REQUIRE(part.id.rfind("ev-", 0) == 0);
  REQUIRE(holding(out, "a:e2").mention_ids == std::vector<std::string>{"a:e2"});
  bool moved = false;
  for (const auto& l : out.links)
    if (l.from == part.id && l.to == "ev-c") moved = true;
  REQUIRE(moved);
  REQUIRE_THROWS_AS(store::make_correction(s, correction_kind::split, {"ev-d", "c:e1"}), input_error);
  REQUIRE_THROWS_AS(store::make_correction(s, correction_kind::split, {"ev-b", "a:e1"}), input_error);
}

TEST_CASE("hide removes an event and its links; unknown events are refused", "[store][corrections]") {
  const auto s = tiny();
  const auto out = store::apply_corrections(s, {store::make_correction(s, correction_kind::hide, {"ev-a"})});
  REQUIRE(out.events.size() == 3);
  REQUIRE(out.links.size() == 1);
  REQUIRE_THROWS_WITH(store::make_correction(s, correction_kind::hide, {"ev-zz"}), Catch::Contains("no event 'ev-zz'"));
  REQUIRE_THROWS_AS(store::make_correction(s, correction_kind::hide, {"ev-a", "ev-b"}), input_error);
}

TEST_CASE("a correction whose mentions are gone is skipped with a warning", "[store][corrections]") {
  auto s = tiny();
  const auto c = store::make_correction(s, correction_kind::hide, {"ev-d"});
  s.events.erase(s.events.begin() + 2);
  const auto out = store::apply_corrections(s, {c});
  REQUIRE(out.events.size() == 3);
  REQUIRE(out.diagnostics.size() == 1);
  REQUIRE(out.diagnostics[0].stage == "store");
  REQUIRE(out.diagnostics[0].level == "warning");
  REQUIRE_THAT(out.diagnostics[0].message, Catch::Contains("c:e1") && Catch::Contains("skipped"));
}
