// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/render/json.hpp"
#include "golden.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

namespace {
std::string error_of(const std::string& text) {
  try {
    (void)render::story_from_json(text, "in.json");
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("to_json writes schema v1 with a fixed key order", "[render][json]") {
  const auto text = render::to_json(test::tariff_story());
  CHECK(text.rfind("{\n  \"chronograph\": 1,\n  \"documents\": [\n    {\n      \"id\": \"a1\",", 0) == 0);
  const auto order = {"\"documents\"", "\"timexes\"", "\"events\"", "\"links\"", "\"diagnostics\""};
  std::size_t at = 0;
  for (const char* key : order) {
    const auto found = text.find(key, at);
    INFO(key);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  CHECK(text.find("\"mod\"") == std::string::npos);  // optional fields are left out when empty
  CHECK(text.back() == '\n');
  test::check_golden("story.json", text);
}

TEST_CASE("to_json is deterministic and round-trips through story_from_json", "[render][json]") {
  auto s = test::tariff_story();
  s.events[0].summary = "Quotes \" and backslashes \\ and <tags> & control\x01 and \xc3\xa9t\xc3\xa9 \xe2\x80\x94";
  s.timexes[0].mod = "APPROX";
  const auto text = render::to_json(s);
  CHECK(render::to_json(s) == text);
  const auto back = render::story_from_json(text, "round.json");
  CHECK(render::to_json(back) == text);
  REQUIRE(back.events.size() == s.events.size());
  CHECK(back.events[0].summary == s.events[0].summary);
  CHECK(back.events[1].mention_ids == s.events[1].mention_ids);
  CHECK(back.events[2].quantities[0].value == 125);
  CHECK(back.timexes[0].mod == "APPROX");
  CHECK(back.documents[0].dct == std::optional<std::string>("2025-06-05"));
  CHECK(back.diagnostics[1].start == std::optional<std::size_t>(10));
  CHECK_FALSE(back.diagnostics[0].start);
  CHECK(back.links[3].support.text == "prompting the talks in Geneva");
}

TEST_CASE("to_json_line writes one line with the id first", "[render][json]") {
  const auto line = render::to_json_line("doc-7", test::tariff_story());
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("{\"id\":\"doc-7\",\"chronograph\":1,\"documents\":[", 0) == 0);
  CHECK(render::to_json(render::story_from_json(line, "line 1")) == render::to_json(test::tariff_story()));
}

TEST_CASE("an empty story is valid JSON with empty arrays", "[render][json]") {
  const auto text = render::to_json(story{});
  CHECK(text ==
        "{\n  \"chronograph\": 1,\n  \"documents\": [],\n  \"timexes\": [],\n  \"events\": [],\n"
        "  \"links\": [],\n  \"diagnostics\": []\n}\n");
  CHECK(render::story_from_json(text, "x").events.empty());
}

TEST_CASE("story_from_json names the origin and what is wrong", "[render][json]") {
  CHECK(error_of("{\"chronograph\": 1,\n \"events\": [}") .rfind("in.json:2:", 0) == 0);
  CHECK(error_of("[]") == "in.json: : expected an object");
  CHECK(error_of("{}") == "in.json: chronograph: missing");
  CHECK(error_of("{\"chronograph\": 2}") == "in.json: chronograph: schema version 2 is not supported (expected 1)");
  CHECK(error_of("{\"chronograph\": 1, \"events\": {}}") == "in.json: events: expected an array");
  CHECK(error_of("{\"chronograph\": 1, \"events\": [{\"summary\": \"x\"}]}") == "in.json: events[0].id: missing");
  CHECK(error_of("{\"chronograph\": 1, \"events\": [{\"id\": \"a\"}, {\"id\": \"b\", \"when\": {\"value\": 5}}]}") ==
        "in.json: events[1].when.value: expected a string");
  CHECK(error_of("{\"chronograph\": 1, \"timexes\": [{\"id\": \"t\", \"start\": -3}]}") ==
        "in.json: timexes[0].start: expected a non-negative integer");
  CHECK(error_of("{\"chronograph\": 1, \"events\": [{\"id\": \"a\", \"mentions\": [{\"doc\": 1}]}]}") ==
        "in.json: events[0].mentions[0].doc: expected a string");
  CHECK(error_of("{\"chronograph\": 1, \"links\": [{\"from\": \"a\", \"to\": \"b\"}]}") ==
        "in.json: links[0].type: missing");
  CHECK(error_of("{\"chronograph\": 1, \"unknown\": true, \"events\": [{\"id\": \"a\", \"extra\": 1}]}") ==
        "no error");
}

TEST_CASE("an unknown creation time is null and reads back as none", "[render][json]") {
  story s;
  s.documents.push_back({"d1", "-", "stdin", std::nullopt, ""});
  const auto text = render::to_json(s);
  CHECK(text.find("\"dct\": null") != std::string::npos);
  CHECK_FALSE(render::story_from_json(text, "x").documents[0].dct);
  CHECK(error_of("{\"chronograph\": 1, \"documents\": [{\"id\": \"d\", \"dct\": 20250605}]}") ==
        "in.json: documents[0].dct: expected a string or null");
}

TEST_CASE("a number too large for any type is an input error, not a crash (fuzz regression)", "[render][json]") {
  CHECK(error_of("44444444444444444e44444") == "in.json: invalid JSON: [json.exception.out_of_range.406] number "
                                                "overflow parsing '44444444444444444e44444'");
  CHECK(error_of("{\"chronograph\": 1e999999}").find("invalid JSON") != std::string::npos);
}
