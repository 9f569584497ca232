// SPDX-License-Identifier: MIT
// The coreference scorer: the CoNLL-2012 measures on a worked example, and a key's errors named.
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/merge/score.hpp"

using namespace chronograph;
using Catch::Matchers::Contains;

namespace {
// One document "a b c d e" told as five one-letter words; the key puts {a,b,c} and {d,e} together.
const std::map<std::string, std::string> texts{{"doc", "w a w b w c w d w e w"}};
const char* const key_text =
    "# event\tdoc\ttrigger\tcontext\n"
    "one\tdoc\ta\tw a w\n"
    "one\tdoc\tb\tw b w\n"
    "one\tdoc\tc\tw c w\n"
    "two\tdoc\td\tw d w\n"
    "two\tdoc\te\tw e w\n";

merge::system_mention at(char letter, const std::string& node) {
  const auto begin = std::string(texts.at("doc")).find(letter);
  return {"doc", {begin, begin + 1}, node};
}
}  // namespace

TEST_CASE("coreference scores: MUC, B-cubed and CEAF-e of a worked example", "[coref]") {
  const auto key = merge::read_key(key_text, "key.tsv");
  REQUIRE(key.size() == 5);
  SECTION("response {a,b} {c,d,e}") {
    const auto s = merge::score_coreference(key, "key.tsv", texts,
                                            {at('a', "n1"), at('b', "n1"), at('c', "n2"), at('d', "n2"), at('e', "n2")});
    CHECK(s.muc.precision == Approx(2.0 / 3));
    CHECK(s.muc.recall == Approx(2.0 / 3));
    CHECK(s.b_cubed.precision == Approx(11.0 / 15));
    CHECK(s.b_cubed.recall == Approx(11.0 / 15));
    CHECK(s.ceaf_e.precision == Approx(0.8));  // (0.8 + 0.8) / 2 with {a,b}~one, {c,d,e}~two
    CHECK(s.ceaf_e.recall == Approx(0.8));
    CHECK(s.conll_f1 == Approx((2.0 / 3 + 11.0 / 15 + 0.8) / 3));
    CHECK(s.split.size() == 1);  // "one" over n1 and n2
    CHECK(s.mixed.size() == 1);  // n2 holds c of "one" and d, e of "two"
    CHECK(s.mixed.at("n2").size() == 2);
  }
  SECTION("the key itself scores 1, and a mention no system event covers stands alone") {
    auto s = merge::score_coreference(key, "key.tsv", texts,
                                      {at('a', "n1"), at('b', "n1"), at('c', "n1"), at('d', "n2"), at('e', "n2")});
    CHECK(s.conll_f1 == Approx(1.0));
    CHECK(s.split.empty());
    CHECK(s.mixed.empty());
    s = merge::score_coreference(key, "key.tsv", texts, {at('a', "n1"), at('b', "n1"), at('d', "n2"), at('e', "n2")});
    CHECK(s.found == 4);
    REQUIRE(s.unfound.size() == 1);
    CHECK_THAT(s.unfound[0], Contains("key line 4"));
    CHECK(s.muc.precision == Approx(1.0));
    CHECK(s.muc.recall == Approx(2.0 / 3));
    CHECK(s.split.size() == 1);
  }
}

TEST_CASE("a coreference key's mistakes are named with their line", "[coref]") {
  CHECK_THROWS_WITH(merge::read_key("one\tdoc\ta\n", "k.tsv"), Contains("k.tsv:1: expected 4"));
  CHECK_THROWS_WITH(merge::read_key("#\none\tdoc\t\tw a w\n", "k.tsv"), Contains("k.tsv:2: empty field"));
  CHECK_THROWS_WITH(merge::read_key("one\tdoc\ta\tw a w\ntwo\tdoc\ta\tw a w\n", "k.tsv"), Contains("k.tsv:2: the same mention"));
  const auto score = [](const char* line) { return merge::score_coreference(merge::read_key(line, "k.tsv"), "k.tsv", texts, {}); };
  CHECK_THROWS_WITH(score("one\tnone\ta\tw a w\n"), Contains("k.tsv:1: no document 'none'"));
  CHECK_THROWS_WITH(score("one\tdoc\ta\tw x w\n"), Contains("k.tsv:1: context not found"));
  CHECK_THROWS_WITH(score("one\tdoc\tw\tw\n"), Contains("k.tsv:1: context occurs more than once"));
  CHECK_THROWS_WITH(score("one\tdoc\tw\tw b w\n"), Contains("2 times a whole word"));
  CHECK_THROWS_WITH(score("one\tdoc\ta\tw a w\ntwo\tdoc\ta\ta w b\n"), Contains("k.tsv:2: another key line names the same word"));
  CHECK_THROWS_AS(score("one\tdoc\tb\tw a w\n"), input_error);
  CHECK_THROWS_WITH(merge::read_key("one\tdoc\ta\tw a\\x\n", "k.tsv"), Contains("k.tsv:1: unknown escape"));
}

TEST_CASE("a key's context may reach across a line break", "[coref]") {
  const std::map<std::string, std::string> headline{{"doc", "Talks resume\n\nTalks resume, officials said."}};
  const auto key = merge::read_key("one\tdoc\tTalks\tTalks resume\\n\n", "k.tsv");
  REQUIRE(key.size() == 1);
  CHECK(key[0].context == "Talks resume\n");
  const auto s = merge::score_coreference(key, "k.tsv", headline, {{"doc", {0, 5}, "n1"}});
  CHECK(s.found == 1);
}
