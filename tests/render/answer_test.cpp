// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chronograph/render/answer.hpp"
#include "chronograph/render/render.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

TEST_CASE("a causal answer reads as text with dates and evidence", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto text = render::answer_to_text(graph::ask(g, graph::question::causes, {"Geneva"}), s);
  CHECK(text ==
        "causes \u201cGeneva\u201d\n"
        "  \u201cGeneva\u201d = Talks in Geneva produced an agreement to cut tariffs [ev-geneva], Mon 12 May 2025\n"
        "    other matches: US accused China of violating the Geneva agreement [ev-accuse] 1.00; Markets rose "
        "after the Geneva announcement [ev-markets] 1.00\n"
        "  1. April 2025: China raised tariffs on US goods to 125% in retaliation [ev-cn125]\n"
        "       China raised tariffs on US goods to 125% in retaliation \u2014CAUSES\u2192 Talks in Geneva produced "
        "an agreement to cut tariffs: \u201cprompting the talks in Geneva\u201d (article 1)\n"
        "  2. April 2025: US raised tariffs on Chinese goods to 145% [ev-us145]\n"
        "       US raised tariffs on Chinese goods to 145% \u2014CAUSES\u2192 China raised tariffs on US goods to 125% "
        "in retaliation: \u201cin retaliation\u201d (article 1)\n"
        "       China raised tariffs on US goods to 125% in retaliation \u2014CAUSES\u2192 Talks in Geneva produced "
        "an agreement to cut tariffs: \u201cprompting the talks in Geneva\u201d (article 1)\n");
}

TEST_CASE("date and path answers read as text", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto around = render::answer_to_text(graph::ask(g, graph::question::around, {"2025-06-05"}, 3), s);
  CHECK(around.find("  2. Wed 4 Jun 2025: Trump posted that Xi is \"very tough\" [ev-post], 1 day apart\n") !=
        std::string::npos);
  const auto none = render::answer_to_text(graph::ask(g, graph::question::path, {"ev-markets", "ev-call"}), s);
  CHECK(none.find("  not connected\n") != std::string::npos);
  const auto empty = render::answer_to_text(graph::ask(g, graph::question::causes, {"ev-jan17"}), s);
  CHECK(empty.find("  nothing found\n") != std::string::npos);
}

TEST_CASE("answers as JSON carry ids, distances and evidence", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto j = nlohmann::json::parse(render::answer_to_json(graph::ask(g, graph::question::causes, {"Geneva"}), s));
  CHECK(j["question"] == "causes");
  CHECK(j["subjects"][0]["best"] == "ev-geneva");
  CHECK(j["subjects"][0]["candidates"].size() == 3);
  REQUIRE(j["events"].size() == 2);
  CHECK(j["events"][1]["id"] == "ev-us145");
  CHECK(j["events"][1]["distance"] == 2);
  CHECK(j["events"][1]["via"][1]["evidence"]["text"] == "prompting the talks in Geneva");
  CHECK_FALSE(j.contains("path"));
  const auto p = nlohmann::json::parse(
      render::answer_to_json(graph::ask(g, graph::question::path, {"ev-markets", "ev-call"}), s));
  CHECK(p["path"].is_null());
  const auto d = nlohmann::json::parse(
      render::answer_to_json(graph::ask(g, graph::question::between, {"2025-04", "2025-05"}), s));
  CHECK(d["dates"][1]["last_day"] == "2025-05-31");
}

TEST_CASE("an answer draws as a subgraph", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto a = graph::ask(g, graph::question::causes, {"Geneva"});
  render::options all;
  all.all_events = true;
  const auto dot = render::to_dot(graph::substory(s, graph::events_of(a)), all);
  CHECK(dot.find("Talks in Geneva") != std::string::npos);
  CHECK(dot.find("China raised tariffs") != std::string::npos);
  CHECK(dot.find("phone call") == std::string::npos);
}
