// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/utf8.hpp"

using namespace chronograph;

TEST_CASE("find_invalid_utf8 accepts valid text and locates the first bad byte", "[core][utf8]") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII"));
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"));
  CHECK(find_invalid_utf8("ab\xFF") == std::optional<std::size_t>{2});
  SECTION("overlong encodings are invalid") { CHECK(find_invalid_utf8("\xC0\xAF") == std::optional<std::size_t>{0}); }
  SECTION("UTF-16 surrogates are invalid") { CHECK(find_invalid_utf8("x\xED\xA0\x80") == std::optional<std::size_t>{1}); }
  SECTION("a truncated sequence is invalid") { CHECK(find_invalid_utf8("ok\xE2\x80") == std::optional<std::size_t>{2}); }
}

TEST_CASE("replace_invalid_utf8 substitutes U+FFFD per bad byte", "[core][utf8]") {
  CHECK(replace_invalid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(replace_invalid_utf8("fine") == "fine");
}

TEST_CASE("codepoint_index maps byte offsets to code points", "[core][utf8]") {
  const std::string text = "\xE2\x80\x9C" "Hi\xE2\x80\x9D";  // “Hi”
  const codepoint_index cp(text);
  CHECK(cp(0) == 0);
  CHECK(cp(3) == 1);
  CHECK(cp(4) == 2);
  CHECK(cp(5) == 3);
  CHECK(cp(text.size()) == 4);
  CHECK(codepoint_index("")(0) == 0);
}

TEST_CASE("line_of counts lines from 1", "[core][utf8]") {
  CHECK(line_of("a\nb\nc", 0) == 1);
  CHECK(line_of("a\nb\nc", 4) == 3);
}
