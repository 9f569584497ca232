// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/graph/query.hpp"
#include "story_fixture.hpp"

using namespace chronograph;
using namespace chronograph::graph;

namespace {
using strings = std::vector<std::string>;
strings ids(const std::vector<event_hit>& hits) {
  strings out;
  for (const auto& h : hits) out.push_back(h.id);
  return out;
}
}  // namespace

TEST_CASE("question names read and print", "[graph][query]") {
  for (const char* name : {"causes", "effects", "before", "after", "path", "between", "around"})
    CHECK(to_string(*question_from_string(name)) == std::string(name));
  CHECK_FALSE(question_from_string("why"));
}

TEST_CASE("ask resolves words and answers event questions", "[graph][query]") {
  const auto g = event_graph::from_story(test::tariff_story());
  const auto a = ask(g, question::causes, {"Geneva"});
  REQUIRE(a.subjects.size() == 1);
  CHECK(a.subjects[0].best == "ev-geneva");
  CHECK(ids(a.events) == strings{"ev-cn125", "ev-us145"});
  CHECK(events_of(a) == strings{"ev-geneva", "ev-cn125", "ev-us145"});
  CHECK(ids(ask(g, question::effects, {"145%"}).events) == strings{"ev-cn125", "ev-geneva"});
  CHECK(ids(ask(g, question::after, {"January call"}).events).front() == "ev-us145");
  const auto p = ask(g, question::path, {"ev-jan17", "June call"});
  REQUIRE(p.path);
  CHECK(p.path->size() == 5);
  CHECK(events_of(p).size() == 6);
}

TEST_CASE("ask answers date questions", "[graph][query]") {
  const auto g = event_graph::from_story(test::tariff_story());
  CHECK(ids(ask(g, question::between, {"2025-05", "2025-04"}).events) ==
        strings{"ev-cn125", "ev-us145", "ev-geneva", "ev-markets", "ev-accuse"});  // bounds in either order
  const auto a = ask(g, question::around, {"2025-06-05"}, 3);
  CHECK(ids(a.events) == strings{"ev-call", "ev-post"});
  CHECK(a.days == 3);
}

TEST_CASE("ask says what is wrong with a question", "[graph][query]") {
  const auto g = event_graph::from_story(test::tariff_story());
  CHECK_THROWS_WITH(ask(g, question::causes, {"zebra"}), "no event matches \"zebra\"");
  CHECK_THROWS_WITH(ask(g, question::path, {"Geneva"}), "\"path\" takes 2 arguments, not 1");
  CHECK_THROWS_AS(ask(g, question::between, {"April", "2025-05"}), input_error);
  CHECK_THROWS_AS(ask(g, question::around, {"2025-06-05"}, -1), input_error);
}

TEST_CASE("substory keeps the chosen events, their links, times and documents", "[graph][query]") {
  const auto s = test::tariff_story();
  const auto sub = substory(s, {"ev-call", "ev-accuse", "ev-markets"});
  REQUIRE(sub.events.size() == 3);
  CHECK(sub.events[0].id == "ev-accuse");  // story order kept
  REQUIRE(sub.links.size() == 2);          // accuse -> call, call -> a1:t4
  CHECK(sub.links[1].to == "a1:t4");
  strings timexes;
  for (const auto& t : sub.timexes) timexes.push_back(t.id);
  CHECK(timexes == strings{"a1:t4", "a2:t1"});  // named by a link, or anchors
  CHECK(sub.documents.size() == 2);
  CHECK(substory(s, {}).events.empty());
}
