// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/lemmatizer.hpp"

using namespace chronograph;
using namespace chronograph::text;

namespace {
const lemmatizer& lem() {
  static const lemmatizer l = lemmatizer::load_default();
  return l;
}

/// A tagged token, as the tagger gives it to repair_tags.
token tok(std::string form, upos tag, std::string xpos) {
  token t;
  t.form = std::move(form);
  t.tag = tag;
  t.xpos = std::move(xpos);
  return t;
}
}  // namespace

TEST_CASE("WordNet morphology gives lemmas by part of speech", "[text][lemmatizer]") {
  CHECK(lem().lemma("retaliated", upos::verb, "VBD") == "retaliate");
  CHECK(lem().lemma("talks", upos::noun, "NNS") == "talk");
  CHECK(lem().lemma("talks", upos::verb, "VBZ") == "talk");
  CHECK(lem().lemma("spoke", upos::verb, "VBD") == "speak");
  CHECK(lem().lemma("children", upos::noun, "NNS") == "child");
  CHECK(lem().lemma("hiked", upos::verb, "VBD") == "hike");
  CHECK(lem().lemma("lowered", upos::verb, "VBD") == "lower");
  CHECK(lem().lemma("bigger", upos::adj, "JJR") == "big");
  CHECK(lem().lemma("tariffs", upos::noun, "NNS") == "tariff");
}

TEST_CASE("rules cover words WordNet lacks and closed classes", "[text][lemmatizer]") {
  CHECK(lem().lemma("tweeted", upos::verb, "VBD") == "tweet");
  CHECK(lem().lemma("unfriended", upos::verb, "VBN") == "unfriend");
  CHECK(lem().lemma("n't", upos::part, "RB") == "not");
  CHECK(lem().lemma("ca", upos::aux, "MD") == "can");
  CHECK(lem().lemma("'s", upos::part, "POS") == "'s");
  CHECK(lem().lemma("'s", upos::aux, "VBZ") == "be");
  CHECK(lem().lemma("was", upos::aux, "VBD") == "be");
  CHECK(lem().lemma("them", upos::pron, "PRP") == "they");
  CHECK(lem().lemma("The", upos::det, "DT", true) == "the");
  CHECK(lem().lemma("Trump", upos::propn, "NNP") == "Trump");
  CHECK(lem().lemma("1,200", upos::num, "CD") == "1200");
  CHECK(lem().lemma("American", upos::adj, "JJ") == "American");
  CHECK(lem().lemma("Tariffs", upos::noun, "NNS", true) == "tariff");
}

TEST_CASE("the analyzer fills lemmas, with 's as have before a participle", "[text][lemmatizer]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.text = "He's been talking. Beijing retaliated.";
  const auto out = a->analyze(doc);
  REQUIRE(out.tokens.size() >= 8);
  CHECK(out.tokens[1].form == "'s");
  CHECK(out.tokens[1].lemma == "have");
  CHECK(out.tokens[3].lemma == "talk");
  CHECK(out.tokens[6].lemma == "retaliate");
}

TEST_CASE("a singular noun after a modal that WordNet has as a verb is that verb", "[text][lemmatizer]") {
  // The tagger's reading of a headline: "US and China will resume trade talks".
  std::vector<token> tokens = {tok("China", upos::propn, "NNP"), tok("will", upos::aux, "MD"),
                               tok("resume", upos::noun, "NN"),  tok("trade", upos::noun, "NN"),
                               tok("talks", upos::noun, "NNS")};
  lem().repair_tags(tokens, 0, tokens.size());
  CHECK(tokens[2].tag == upos::verb);
  CHECK(tokens[2].xpos == "VB");
  CHECK(tokens[3].xpos == "NN");  // not after the modal
  SECTION("after a modal and \"not\" or an adverb") {
    std::vector<token> t2 = {tok("We", upos::pron, "PRP"), tok("could", upos::aux, "MD"), tok("not", upos::part, "RB"),
                             tok("detail", upos::noun, "NN")};
    lem().repair_tags(t2, 0, t2.size());
    CHECK(t2[3].xpos == "VB");
  }
  SECTION("and a verb's -s form before a modal is the modal's subject") {
    std::vector<token> t2 = {tok("that", upos::pron, "WDT"), tok("talks", upos::verb, "VBZ"), tok("would", upos::aux, "MD"),
                             tok("resume", upos::noun, "NN"), tok("it", upos::pron, "PRP"),
                             tok("is", upos::aux, "VBZ"),       tok("will", upos::aux, "MD")};
    lem().repair_tags(t2, 0, t2.size());
    CHECK(t2[1].xpos == "NNS");
    CHECK(t2[1].tag == upos::noun);
    CHECK(t2[3].xpos == "VB");
    CHECK(t2[5].xpos == "VBZ");  // an auxiliary stays one
  }
  SECTION("not a word WordNet has only as a noun, a plural, or a name") {
    std::vector<token> t2 = {tok("will", upos::aux, "MD"), tok("xylophone", upos::noun, "NN"), tok("will", upos::aux, "MD"),
                             tok("talks", upos::noun, "NNS"), tok("will", upos::aux, "MD"), tok("Resume", upos::noun, "NN")};
    lem().repair_tags(t2, 0, t2.size());
    CHECK(t2[1].xpos == "NN");
    CHECK(t2[3].xpos == "NNS");
    CHECK(t2[5].xpos == "NN");
  }
}

TEST_CASE("a plural noun that is no WordNet noun but a verb's -s form after a subject is that verb",
          "[text][lemmatizer]") {
  // The tagger's reading of "Beijing engages in" as a compound noun.
  std::vector<token> tokens = {tok("Beijing", upos::propn, "NNP"), tok("engages", upos::noun, "NNS"),
                               tok("in", upos::adp, "IN"),         tok("unfair", upos::adj, "JJ"),
                               tok("practices", upos::noun, "NNS"), tok(".", upos::punct, ".")};
  lem().repair_tags(tokens, 0, tokens.size());
  CHECK(tokens[1].tag == upos::verb);
  CHECK(tokens[1].xpos == "VBZ");
  CHECK(tokens[4].xpos == "NNS");  // a WordNet noun stays one
  SECTION("not without a subject before it, nor a word WordNet has as a noun, nor a hyphenated part") {
    std::vector<token> t2 = {tok("the", upos::det, "DT"),       tok("engages", upos::noun, "NNS"),
                             tok("Trump", upos::propn, "NNP"),  tok("talks", upos::noun, "NNS"),
                             tok("lay", upos::noun, "NN"),      tok("-", upos::punct, "HYPH"),
                             tok("offs", upos::noun, "NNS")};
    lem().repair_tags(t2, 0, t2.size());
    CHECK(t2[1].xpos == "NNS");
    CHECK(t2[3].xpos == "NNS");
    CHECK(t2[6].xpos == "NNS");
  }
  SECTION("through the analyzer") {
    const auto a = analyzer::load_default();
    document doc;
    doc.text = "American leaders have complained that Beijing engages in unfair trade practices.";
    const auto out = a->analyze(doc);
    bool found = false;
    for (const auto& t : out.tokens)
      if (t.form == "engages") {
        found = true;
        CHECK(t.tag == upos::verb);
        CHECK(t.lemma == "engage");
      }
    CHECK(found);
  }
}

TEST_CASE("a missing WordNet directory is a resource error", "[text][lemmatizer]") {
  CHECK_THROWS_AS(lemmatizer::load("/nonexistent/wordnet", "/nonexistent/tables"), resource_error);
}
