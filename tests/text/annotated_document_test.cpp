// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/text/annotated_document.hpp"

using namespace chronograph::text;

TEST_CASE("upos names round-trip", "[text][annotated_document]") {
  for (int i = 1; i <= static_cast<int>(upos::x); ++i) {
    const auto tag = static_cast<upos>(i);
    CHECK(upos_from_string(to_string(tag)) == tag);
  }
  CHECK(std::string(to_string(upos::propn)) == "PROPN");
  CHECK(upos_from_string("NOUN") == upos::noun);
  CHECK(upos_from_string("noun") == upos::unknown);
  CHECK(upos_from_string("") == upos::unknown);
}

TEST_CASE("sentence_at finds the sentence holding a byte offset", "[text][annotated_document]") {
  annotated_document d;
  d.sentences.push_back({{0, 10}, 0, 3});
  d.sentences.push_back({{12, 20}, 3, 5});
  CHECK(d.sentence_at(0) == 0);
  CHECK(d.sentence_at(9) == 0);
  CHECK(d.sentence_at(10) == 2);  // the gap between sentences
  CHECK(d.sentence_at(12) == 1);
  CHECK(d.sentence_at(19) == 1);
  CHECK(d.sentence_at(20) == 2);
  CHECK(annotated_document{}.sentence_at(0) == 0);
}
