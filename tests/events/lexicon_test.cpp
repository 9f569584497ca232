// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/events/lexicon.hpp"
#include "test_document.hpp"

#include <filesystem>
#include <fstream>

using namespace chronograph;

TEST_CASE("verb forms are lemmatized with regular and irregular morphology", "[events][lexicon]") {
  const auto lex = events::lexicon::load_default();
  SECTION("regular") {
    CHECK(lex->analyze_verb("lowered")->lemma == "lower");
    CHECK(lex->analyze_verb("agreed")->lemma == "agree");
    CHECK(lex->analyze_verb("stopped")->lemma == "stop");
    CHECK(lex->analyze_verb("accuses")->lemma == "accuse");
    CHECK(lex->analyze_verb("prompting")->lemma == "prompt");
    CHECK(lex->analyze_verb("prompting")->xpos == "VBG");
    CHECK(lex->analyze_verb("complied")->lemma == "comply");
  }
  SECTION("irregular") {
    CHECK(lex->analyze_verb("spoke")->lemma == "speak");
    CHECK(lex->analyze_verb("spoke")->xpos == "VBD");
    CHECK(lex->analyze_verb("struck")->xpos == "VBD|VBN");
    CHECK(lex->analyze_verb("taken")->xpos == "VBN");
    CHECK(lex->analyze_verb("said")->lemma == "say");
  }
  SECTION("not verbs") {
    CHECK_FALSE(lex->analyze_verb("the"));
    CHECK_FALSE(lex->analyze_verb("geneva"));
  }
}

TEST_CASE("event nouns come from the lexicon and from nominalizations of known verbs", "[events][lexicon]") {
  const auto lex = events::lexicon::load_default();
  CHECK(lex->noun_lemma("talks") == "talk");
  CHECK(lex->noun_lemma("tariffs") == "tariff");
  CHECK(lex->is_event_noun("call"));
  CHECK(lex->is_event_noun("negotiation"));   // listed
  CHECK(lex->is_event_noun("discussion"));    // discuss + ion
  CHECK(lex->is_event_noun("approval"));      // approve + al
  CHECK_FALSE(lex->is_event_noun("government"));
  CHECK_FALSE(lex->is_event_noun("student"));
  CHECK(lex->frame_of("spoke") == "spoke");
  CHECK(lex->frame_of("speak") == "contact");
  CHECK(lex->frame_of("agreement") == lex->frame_of("talk"));
}

TEST_CASE("untagged words get guessed tags from context", "[events][lexicon]") {
  const auto lex = events::lexicon::load_default();
  const auto doc = testing::make_document("Trump and Xi held a call. They will call again.");
  const auto words = lex->describe(doc);
  REQUIRE(words.size() == doc.tokens.size());
  CHECK(words[0].tag == text::upos::propn);
  CHECK(words[3].lemma == "hold");
  CHECK(words[3].tag == text::upos::verb);
  CHECK(words[5].tag == text::upos::noun);   // "a call"
  CHECK(words[9].tag == text::upos::verb);   // "will call"
  CHECK(words[8].aux == "modal");
  CHECK(words[8].modal == "will");
}

TEST_CASE("a malformed table names file and line", "[events][lexicon]") {
  const auto dir = std::filesystem::temp_directory_path() / "chronograph_events_bad_tables";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto src = std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) / "src/events/resources";
  for (const auto& e : std::filesystem::directory_iterator(src))
    std::filesystem::copy_file(e.path(), dir / e.path().filename());
  {
    std::ofstream out(dir / "event_classes.tsv", std::ios::app);
    out << "frobnicate\tNOT_A_CLASS\t0.5\n";
  }
  try {
    (void)events::lexicon::load(dir);
    FAIL("expected resource_error");
  } catch (const resource_error& e) {
    CHECK(std::string(e.what()).find("event_classes.tsv:") != std::string::npos);
    CHECK(std::string(e.what()).find("NOT_A_CLASS") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a table row's example splits in three trimmed parts, or names file, line and format", "[events][lexicon]") {
  const auto parts = events::split_example("t.tsv", 3, "Trump held a call.  |  held | call ", "text | verb | noun");
  CHECK(parts.text == "Trump held a call.");
  CHECK(parts.first == "held");
  CHECK(parts.second == "call");
  try {
    (void)events::split_example("t.tsv", 7, "Trump held a call. | held", "text | verb | noun");
    FAIL("expected resource_error");
  } catch (const resource_error& e) {
    CHECK(std::string(e.what()) == "t.tsv:7: example must be \"text | verb | noun\"");
  }
}

TEST_CASE("boilerplate markers are found anywhere in a sentence, whatever the case", "[events][lexicon]") {
  const auto lex = events::lexicon::load_default();
  CHECK(lex->is_boilerplate("All rights reserved."));
  CHECK(lex->is_boilerplate("Copyright 2025 Example News. ALL RIGHTS RESERVED"));
  CHECK(lex->is_boilerplate("\xC2\xA9 2025 Example News"));  // a two-byte marker
  CHECK(lex->is_boilerplate("To read more, Click Here"));
  CHECK(lex->is_boilerplate("Jane Doe contributed to this report."));
  CHECK_FALSE(lex->is_boilerplate("Trump and Xi held a call on Thursday."));
  CHECK_FALSE(lex->is_boilerplate("All rights were reserved for later."));  // the words, not the marker
  CHECK_FALSE(lex->is_boilerplate("click"));                                // shorter than the marker
  CHECK_FALSE(lex->is_boilerplate(""));
}

TEST_CASE("a boilerplate marker with an apostrophe matches a typographic one", "[events][lexicon]") {
  const auto dir = std::filesystem::temp_directory_path() / "chronograph_events_markers";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto src = std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) / "src/events/resources";
  for (const auto& e : std::filesystem::directory_iterator(src))
    std::filesystem::copy_file(e.path(), dir / e.path().filename());
  {
    std::ofstream out(dir / "boilerplate.tsv", std::ios::app);
    out << "Don't Miss\nx\n";
  }
  const auto lex = events::lexicon::load(dir);
  CHECK(lex->is_boilerplate("DON\xE2\x80\x99T MISS our newsletter"));
  CHECK(lex->is_boilerplate("don't miss"));
  CHECK(lex->is_boilerplate("a sentence with an x"));  // a one-letter marker
  CHECK_FALSE(lex->is_boilerplate("do not miss"));
  std::filesystem::remove_all(dir);
}
