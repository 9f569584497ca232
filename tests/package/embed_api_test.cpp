// SPDX-License-Identifier: MIT
// The embedding API (include/chronograph/chronograph.hpp) inside this build tree: ids, sources,
// DCTs (given, from a dateline, unreadable), UTF-8 handling and every in-memory rendering.
#include <catch2/catch.hpp>

#include <algorithm>

#include <chronograph/chronograph.hpp>

namespace {

const chronograph::story_builder& builder() {
  static const chronograph::story_builder b;  // loads the models once for every test case
  return b;
}

bool has_timex(const chronograph::story& s, const std::string& value) {
  return std::any_of(s.timexes.begin(), s.timexes.end(), [&](const auto& t) { return t.value == value; });
}

}  // namespace

TEST_CASE("embed: texts with DCTs give a dated story and ids and sources default by position", "[embed]") {
  const auto s = builder().build({{"", "The council approved the bridge on Monday.", "2025-06-05", ""},
                                  {"b", "Workers blocked the road on Tuesday.", "2025-06-05T09:30:00Z", "Coast News"}});
  REQUIRE(s.documents.size() == 2);  // the story sorts its documents by id
  CHECK(s.documents[0].id == "b");
  CHECK(s.documents[0].source == "Coast News");
  CHECK(s.documents[0].dct.value_or("").rfind("2025-06-05T09:30", 0) == 0);
  CHECK(s.documents[1].id == "text-1");
  CHECK(s.documents[1].source == "article 1");
  CHECK(s.documents[1].dct.value_or("") == "2025-06-05");
  CHECK(has_timex(s, "2025-06-02"));  // Monday before Thursday 2025-06-05
  CHECK(has_timex(s, "2025-06-03"));  // Tuesday
}

TEST_CASE("embed: without a DCT the dateline is used or else relative dates stay unresolved", "[embed]") {
  const auto dated = builder().build({{"d", "Published June 5, 2025\nThe council voted on Monday.", "", ""}});
  REQUIRE(dated.documents.size() == 1);
  CHECK(dated.documents[0].dct.value_or("") == "2025-06-05");
  CHECK(has_timex(dated, "2025-06-02"));

  const auto undated = builder().build({{"u", "The council voted on Monday.", "", ""}});
  REQUIRE(undated.documents.size() == 1);
  CHECK_FALSE(undated.documents[0].dct.has_value());
  CHECK_FALSE(has_timex(undated, "2025-06-02"));
  CHECK(std::any_of(undated.diagnostics.begin(), undated.diagnostics.end(),
                    [](const auto& d) { return d.rule == "no-dct"; }));
}

TEST_CASE("embed: bad input throws input_error naming the text", "[embed]") {
  CHECK_THROWS_AS(builder().build({{"x", "Text.", "June 5th", ""}}), chronograph::input_error);
  CHECK_THROWS_WITH(builder().build({{"x", "Text.", "2025-02-30", ""}}), Catch::Contains("x"));
  CHECK_THROWS_AS(builder().build({{"same", "One.", "", ""}, {"same", "Two.", "", ""}}), chronograph::input_error);
  const std::string broken = "Talks were held on May 12. \xff\xfe";
  CHECK_THROWS_AS(builder().build({{"bad", broken, "2025-06-05", ""}}), chronograph::input_error);
  chronograph::build_settings lenient;
  lenient.lenient_utf8 = true;
  const auto s = builder().build({{"bad", broken, "2025-06-05", ""}}, lenient);
  CHECK(has_timex(s, "2025-05-12"));
}

TEST_CASE("embed: every rendering comes back in memory", "[embed]") {
  const auto s = builder().build(
      {{"a", "Officials met on June 3, 2025. The storm caused the flood on June 4, 2025.", "2025-06-05", "Wire"}});
  REQUIRE_FALSE(s.events.empty());
  const auto svg = chronograph::to_svg(s);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(chronograph::to_png(s).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(chronograph::to_pdf(s).rfind("%PDF", 0) == 0);
  CHECK(chronograph::to_dot(s).find("digraph") != std::string::npos);
  CHECK(chronograph::to_html(s).find("<svg") != std::string::npos);
  chronograph::render::options causal;
  causal.layout = chronograph::render::view::causal;
  CHECK(chronograph::to_dot(s, causal) != chronograph::to_dot(s));
  // JSON round-trips through the reader of the same schema.
  const auto json = chronograph::to_json(s);
  const auto back = chronograph::render::story_from_json(json, "embed");
  CHECK(back.events.size() == s.events.size());
  CHECK(chronograph::to_json(back) == json);
  // Same input, same bytes.
  CHECK(chronograph::to_svg(builder().build({{"a", "Officials met on June 3, 2025. The storm caused the flood on June 4, 2025.",
                                               "2025-06-05", "Wire"}})) == svg);
}

TEST_CASE("embed: the one-shot build() loads its own models", "[embed]") {
  const auto s = chronograph::build({{"one", "The talks ended on May 12, 2025.", "2025-06-05", ""}});
  CHECK(has_timex(s, "2025-05-12"));
  CHECK(chronograph::build({}).events.empty());
}
