// SPDX-License-Identifier: MIT
// `extract --jsonl` reads most lines without nlohmann (read_flat_record); what it reads must be
// what nlohmann reads, and every line it cannot read exactly must be left to nlohmann.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "records.hpp"

using namespace chronograph;

namespace {

// A member as record_document reads it from nlohmann's tree: nullopt when absent or null.
std::optional<std::string> member_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

void check_same_as_nlohmann(const std::string& line) {
  INFO(line);
  const auto flat = cli::read_flat_record(line);
  REQUIRE(flat.has_value());
  const auto j = nlohmann::json::parse(line);
  REQUIRE(j.is_object());
  CHECK(flat->id == member_of(j, "id"));
  CHECK(flat->path == member_of(j, "path"));
  CHECK(flat->source == member_of(j, "source"));
  CHECK(flat->dct == member_of(j, "dct"));
  CHECK(flat->text == member_of(j, "text"));
  CHECK(flat->others.size() + 5 >= j.size());
}

}  // namespace

TEST_CASE("flat records are read as nlohmann reads them", "[cli][records]") {
  check_same_as_nlohmann(R"({"id":"a","path":"p.txt","source":"Reuters","dct":"2025-06-05","text":"Talks were held."})");
  check_same_as_nlohmann(R"(  { "text" : "t" , "id" : "b" }  )");
  check_same_as_nlohmann("{\"text\":\"tab\\there, newline\\n, quote \\\", backslash \\\\, slash \\/, \\b\\f\\r\"}");
  check_same_as_nlohmann("{\"text\":\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 end\"}");
  check_same_as_nlohmann(R"({"id":null,"path":null,"source":null,"dct":null,"text":"nulls"})");
  check_same_as_nlohmann(R"({"text":"", "extra":"ignored", "more":null})");
  check_same_as_nlohmann("{\"text\":\"DEL \x7f is not a control character\"}\r\n");
  check_same_as_nlohmann(R"({})");
}

TEST_CASE("lines the flat reader cannot read exactly are left to nlohmann", "[cli][records]") {
  const std::vector<std::string> lines = {
      R"({"id":12,"text":"a number"})",
      R"({"text":"escaped \u00e9"})",
      R"({"text":"a","text":"twice"})",
      R"({"x":"a","x":"twice"})",
      R"({"text":"nested","meta":{"a":1}})",
      R"({"text":"array","tags":["a"]})",
      R"({"text":"flag","ok":true})",
      R"(["text"])",
      R"({"text":"trailing"} x)",
      R"({"text":"unterminated)",
      R"({"text":"missing brace")",
      R"({"text" "no colon"})",
      R"({"text":"bad escape \q"})",
      R"({"text":nullx})",
      R"({,})",
      "{\"text\":\"control \x01 character\"}",
      "{\"text\":\"invalid \xc3\x28 UTF-8\"}",
      "{\"text\":\"overlong \xc0\xaf\"}",
      "{\"text\":\"surrogate \xed\xa0\x80\"}",
      "{\"text\":\"cut \xe2\x80",
      "\xef\xbb\xbf{\"text\":\"byte order mark\"}",
      "",
  };
  for (const auto& line : lines) {
    INFO(line);
    CHECK_FALSE(cli::read_flat_record(line).has_value());
  }
}
