// SPDX-License-Identifier: MIT
// story_from_json reads with a fast parser and falls back to nlohmann's for anything the fast one
// does not take. Either way the story, or the error, must be what the nlohmann reader alone
// (render::detail::story_from_json_tree) gives.
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/render/json.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

namespace {

std::string read_with(story (*read)(std::string_view, const std::string&), const std::string& text) {
  try {
    return render::to_json(read(text, "in.json"));
  } catch (const input_error& e) {
    return std::string("error: ") + e.what();
  }
}

void check_same(const std::string& text) {
  INFO(text.substr(0, 300));
  CHECK(read_with(render::story_from_json, text) == read_with(render::detail::story_from_json_tree, text));
}

// `text` with the first occurrence of `from` replaced by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the fast story reader reads what the nlohmann reader reads", "[render][json]") {
  auto s = test::tariff_story();
  s.events[0].summary = "Quotes \" and backslashes \\ / tab \t newline \n \xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80";
  s.events[1].quantities.push_back({"percent", "1.5%", "to", 1.5});
  s.events[1].confidence = 1.0 / 3.0;
  s.diagnostics.push_back({"info", "merge", "a1", "r", "m", std::size_t{7}, std::nullopt});
  const auto pretty = render::to_json(s);
  const auto line = render::to_json_line("x", s);
  check_same(pretty);
  check_same(line);
  check_same(render::to_json(story{}));
  check_same(R"({"chronograph":1})");
  check_same(" \n\t{ \"chronograph\" : 1 , \"events\" : [ ] } \r\n");

  SECTION("members absent, null or repeated") {
    check_same(with(pretty, R"("summary": ")", R"("summary": null, "x": ")"));
    check_same(with(pretty, R"("title": )", R"("title": "first", "title": )"));  // the last one counts
    check_same(with(pretty, R"("when": {)", R"("when": null, "old_when": {)"));
    check_same(with(pretty, R"("mentions": [)", R"("mentions": null, "m": [)"));
    check_same(with(pretty, R"("dct": ")", R"("dct": null, "d": ")"));
    check_same(with(pretty, R"("start": )", R"("start": null, "s": )"));
    check_same(R"({"chronograph":1,"events":[{"id":"e","mentions":[{"doc":"d","start":1,"end":2,"text":"t"}]}]})");
    check_same(R"({"chronograph":1,"links":[{"from":"a","to":"b","type":"BEFORE"}]})");
  }
  SECTION("numbers of every form") {
    for (const char* number : {"0", "-0", "7", "-7", "0.5", "1e2", "1E-2", "-2.5e+3", "18446744073709551615",
                               "18446744073709551616", "-9223372036854775809", "1e400", "3.0"}) {
      check_same(with(pretty, R"("confidence": 0.8)", std::string(R"("confidence": )") + number));
      check_same(with(pretty, R"("start": )", std::string(R"("start": )") + number + R"(, "was": )"));
    }
  }
  SECTION("strings the fast reader leaves to nlohmann") {
    check_same(with(pretty, "Quotes", "\\u00e9 \\ud83d\\ude00 escaped"));
    check_same(with(pretty, "Quotes", "lone \\ud83d surrogate"));
    check_same(with(pretty, "Quotes", "bad \\q escape"));
    check_same(with(pretty, "Quotes", "control \x01 character"));
    check_same(with(pretty, "Quotes", "invalid \xc3\x28 UTF-8"));
    check_same(with(pretty, "Quotes", "overlong \xc0\xaf"));
  }
  SECTION("errors") {
    check_same("");
    check_same("\xef\xbb\xbf" + pretty);  // a byte order mark
    check_same(pretty + "x");
    check_same(pretty.substr(0, pretty.size() / 2));
    check_same(R"({"chronograph":2})");
    check_same(R"({"chronograph":"1"})");
    check_same(R"({"events":[]})");
    check_same(R"([1])");
    check_same(R"({"chronograph":1,"events":{}})");
    check_same(R"({"chronograph":1,"events":[1]})");
    check_same(R"({"chronograph":1,"events":[{"summary":"no id"}]})");
    check_same(R"({"chronograph":1,"events":[{"id":null}]})");
    check_same(R"({"chronograph":1,"events":[{"id":"e","actors":["a",2]}]})");
    check_same(R"({"chronograph":1,"events":[{"id":"e","when":[]}]})");
    check_same(R"({"chronograph":1,"events":[{"id":"e","when":{"future":"yes"}}]})");
    check_same(R"({"chronograph":1,"timexes":[{"id":"t","start":-1}]})");
    check_same(R"({"chronograph":1,"timexes":[{"id":"t","start":1.5}]})");
    check_same(R"({"chronograph":1,"events":[{"id":"e","confidence":"high"}]})");
    check_same(R"({"chronograph":1,"documents":[{"id":"d","dct":5}]})");
    check_same(R"({"chronograph":01})");
    check_same(R"({"chronograph":1,})");
    check_same(R"({"chronograph":1 "x":2})");
    check_same(R"({"chronograph":tru})");
    check_same(std::string(40, '[') + std::string(40, ']'));
  }
}
