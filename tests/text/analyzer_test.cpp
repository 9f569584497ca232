// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <thread>

#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/conllu.hpp"

using namespace chronograph;
using namespace chronograph::text;

TEST_CASE("analyze is deterministic and safe to call from several threads", "[text][analyzer]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "t";
  doc.text =
      "President Donald Trump said Thursday that trade officials from the U.S. and China will meet.\n"
      "Advertisement\n"
      "Trump and Xi previously spoke on Jan. 17, prior to the U.S. president\xE2\x80\x99s inauguration.\n\n"
      "Beijing hiked tariffs on U.S. goods to 125% in retaliation.";
  const auto expected = to_conllu(a->analyze(doc));
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) results[i] = to_conllu(a->analyze(doc));
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("every token of an analysed document is tagged, lemmatised and attached", "[text][analyzer]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.text = "Credit: Source link\nThis is breaking news. Please refresh for updates.";
  const auto out = a->analyze(doc);
  REQUIRE(out.sentences.size() == 3);
  for (const auto& t : out.tokens) {
    CHECK(t.tag != upos::unknown);
    CHECK(!t.xpos.empty());
    CHECK(!t.lemma.empty());
    CHECK(!t.deprel.empty());
  }
  CHECK(out.sentence_at(out.tokens.back().span.begin) == 2);
}

TEST_CASE("an analyzer without the parser leaves heads and relations empty", "[text][analyzer]") {
  analyzer_options options;
  options.parse = false;
  const auto a = analyzer::load(options);
  document doc;
  doc.text = "Trump called Xi.";
  const auto out = a->analyze(doc);
  REQUIRE(out.tokens.size() == 4);
  CHECK(out.tokens[1].tag == upos::verb);
  CHECK(out.tokens[1].lemma == "call");
  for (const auto& t : out.tokens) {
    CHECK(t.head == -1);
    CHECK(t.deprel.empty());
  }
}
