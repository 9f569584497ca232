// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/segmenter.hpp"

using namespace chronograph;
using namespace chronograph::text;

namespace {

const segmenter& seg() {
  static const segmenter s = segmenter::load_default();
  return s;
}

std::vector<std::string> forms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : seg().segment(text).tokens) out.push_back(t.form);
  return out;
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : seg().segment(text).sentences) out.emplace_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("tokens keep abbreviations, dates and amounts as news needs", "[text][segmenter]") {
  CHECK(forms("Mr. Smith met U.S. officials on Jan. 17.") ==
        strings{"Mr.", "Smith", "met", "U.S.", "officials", "on", "Jan.", "17", "."});
  CHECK(forms("Tariffs rose to 145% on $295 billion of goods.") ==
        strings{"Tariffs", "rose", "to", "145", "%", "on", "$", "295", "billion", "of", "goods", "."});
  CHECK(forms("a 1 1/2-hour call at 10:30 a.m.") ==
        strings{"a", "1", "1/2", "-", "hour", "call", "at", "10:30", "a.m."});
  CHECK(forms("It rose 1,189.42 points") == strings{"It", "rose", "1,189.42", "points"});
}

TEST_CASE("clitics are split into UD syntactic words", "[text][segmenter]") {
  CHECK(forms("I don't know; we can't, won't.") ==
        strings{"I", "do", "n't", "know", ";", "we", "ca", "n't", ",", "wo", "n't", "."});
  CHECK(forms("Trump\xE2\x80\x99s call and China's reply; they're here, I'm sure") ==
        strings{"Trump", "\xE2\x80\x99s", "call", "and", "China", "'s", "reply", ";", "they", "'re", "here", ",", "I", "'m",
                "sure"});
  CHECK(forms("You cannot go") == strings{"You", "can", "not", "go"});
  CHECK(forms("the players' union") == strings{"the", "players", "'", "union"});
}

TEST_CASE("quotes, dashes and hyphens are separate tokens except after known prefixes", "[text][segmenter]") {
  CHECK(forms("The \xE2\x80\x9cvery good\xE2\x80\x9d call \xE2\x80\x94 their second") ==
        strings{"The", "\xE2\x80\x9c", "very", "good", "\xE2\x80\x9d", "call", "\xE2\x80\x94", "their", "second"});
  CHECK(forms("a search-engine e-mail from co-workers") ==
        strings{"a", "search", "-", "engine", "e-mail", "from", "co-workers"});
  CHECK(forms("Wait... what?!") == strings{"Wait", "...", "what", "?!"});
  CHECK(forms("see http://example.com/a?b=1.") == strings{"see", "http://example.com/a?b=1", "."});
}

TEST_CASE("token spans are byte offsets of their forms", "[text][segmenter]") {
  const std::string text = "\xE2\x80\x9cIt\xE2\x80\x99s done,\xE2\x80\x9d she said.";
  const auto result = seg().segment(text);
  REQUIRE(!result.tokens.empty());
  std::size_t last_end = 0;
  for (const auto& t : result.tokens) {
    CHECK(text.substr(t.span.begin, t.span.size()) == t.form);
    CHECK(t.span.begin >= last_end);
    last_end = t.span.end;
  }
}

TEST_CASE("sentences split at terminal punctuation but not after titles or dates", "[text][segmenter]") {
  CHECK(sentences("Mr. Xi spoke. Trump and Xi previously spoke on Jan. 17, prior to the inauguration. It ended.") ==
        strings{"Mr. Xi spoke.", "Trump and Xi previously spoke on Jan. 17, prior to the inauguration.", "It ended."});
  CHECK(sentences("Officials from the U.S. and China met. The U.S. Trade Representative attended.") ==
        strings{"Officials from the U.S. and China met.", "The U.S. Trade Representative attended."});
  CHECK(sentences("He lives in the U.S. The talks begin today.") ==
        strings{"He lives in the U.S.", "The talks begin today."});
}

TEST_CASE("boilerplate lines and blank lines end sentences", "[text][segmenter]") {
  CHECK(sentences("Advertisement\nTrump spoke with Xi.\nComments\n\nPhoto: Reuters\nThe call lasted 90 minutes") ==
        strings{"Advertisement", "Trump spoke with Xi.", "Comments", "Photo: Reuters", "The call lasted 90 minutes"});
  CHECK(sentences("A headline without a period\n\nThe story starts here.") ==
        strings{"A headline without a period", "The story starts here."});
  CHECK(sentences("A sentence that was wrapped\nat a line end goes on.") ==
        strings{"A sentence that was wrapped\nat a line end goes on."});
}

TEST_CASE("sentences cover all tokens contiguously", "[text][segmenter]") {
  const auto result = seg().segment("One. Two?  Three!\n\nFour \xE2\x80\x94 five.");
  REQUIRE(result.sentences.size() == 4);
  std::size_t next = 0;
  for (const auto& s : result.sentences) {
    CHECK(s.first_token == next);
    CHECK(s.end_token > s.first_token);
    next = s.end_token;
  }
  CHECK(next == result.tokens.size());
  CHECK(seg().segment("").tokens.empty());
  CHECK(seg().segment("  \n ").sentences.empty());
}

TEST_CASE("the analyzer segments a document and keeps it", "[text][analyzer]") {
  const auto a = analyzer::load_default();
  document doc;
  doc.id = "d1";
  doc.text = "Trump called Xi. They talked.";
  const auto out = a->analyze(doc);
  CHECK(out.doc.id == "d1");
  CHECK(out.sentences.size() == 2);
  CHECK(out.tokens.size() == 7);
}
