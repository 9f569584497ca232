// SPDX-License-Identifier: MIT
// The tagger on the sample sentences, POS tags, interval_of, rule-file validation, repeated input.
#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/timex/tagger.hpp"
#include "support.hpp"

using namespace chronograph;
using namespace chronograph::timex;

namespace {
const mention* find(const std::vector<mention>& ms, const std::string& text) {
  for (const auto& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

struct tagged_word {
  std::string form;
  text::upos tag;
  std::string xpos;
};

struct parsed_word {
  std::string form;
  text::upos tag;
  std::string xpos;
  int head;  ///< sentence-relative, -1 = root (or no parse)
  std::string deprel;
};

// Recognises and resolves `words` (found left to right in `text`, one sentence, as the text
// stage tags and parses them) against the DCT.
std::vector<mention> tag_parsed(const std::string& text, const std::string& dct, const std::vector<parsed_word>& words) {
  text::annotated_document doc;
  doc.doc.text = text;
  doc.doc.dct = parse_creation_time(dct);
  std::size_t at = 0;
  for (const auto& w : words) {
    text::token t;
    at = text.find(w.form, at);
    t.span = {at, at + w.form.size()};
    t.form = w.form;
    t.tag = w.tag;
    t.xpos = w.xpos;
    t.head = w.head;
    t.deprel = w.deprel;
    doc.tokens.push_back(t);
    at += w.form.size();
  }
  doc.sentences.push_back({{0, text.size()}, 0, doc.tokens.size()});
  std::vector<diagnostic> diagnostics;
  return resolve(recognize(doc, *test::rules()), anchor_policy::news(doc.doc.dct), doc.doc.text, diagnostics);
}

// The same with tags only (no parse).
std::vector<mention> tag_with_pos(const std::string& text, const std::string& dct, const std::vector<tagged_word>& words) {
  std::vector<parsed_word> unparsed;
  for (const auto& w : words) unparsed.push_back({w.form, w.tag, w.xpos, -1, ""});
  return tag_parsed(text, dct, unparsed);
}
}  // namespace

TEST_CASE("the samples' expressions resolve against DCT 2025-06-05", "[timex][tagger]") {
  const std::string text =
      "Trump said Thursday that he spoke with Xi last week, their first call since Jan. 17. The "
      "Geneva talks on May 12 produced a 90-day pause; tariffs rose in April and last month. "
      "Three days before Inauguration Day the two leaders spoke for an hour and a half, and in "
      "mid-May officials met again.";
  const auto tagger = tagger::load_default();
  text::annotated_document doc;
  doc.doc.id = "sample";
  doc.doc.text = text;
  doc.doc.dct = parse_creation_time("2025-06-05");
  std::vector<diagnostic> diagnostics;
  const auto ms = tagger->tag(doc, diagnostics);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Thursday", "2025-06-05"}, {"last week", "2025-W22"},  {"Jan. 17", "2025-01-17"},
      {"May 12", "2025-05-12"},   {"90-day", "P90D"},         {"April", "2025-04"},
      {"last month", "2025-05"},  {"Three days before Inauguration Day", "2025-01-17"},
      {"an hour and a half", "PT1H30M"}, {"mid-May", "2025-05"}};
  for (const auto& [surface, value] : expected) {
    INFO(surface);
    const mention* m = find(ms, surface);
    REQUIRE(m != nullptr);
    CHECK(m->value == value);
  }
  CHECK(find(ms, "mid-May")->mod == "MID");
  CHECK(find(ms, "Thursday")->is_relative);
  for (std::size_t k = 0; k < ms.size(); ++k) CHECK(ms[k].id == "t" + std::to_string(k + 1));
  CHECK(diagnostics.empty());
}

TEST_CASE("POS tags from the text stage veto a month read as a verb", "[timex][tagger]") {
  using text::upos;
  const auto ms = tag_with_pos("March 3 protesters March on the capital.", "2016-03-15",
                               {{"March", upos::propn, "NNP"}, {"3", upos::num, "CD"}, {"protesters", upos::noun, "NNS"},
                                {"March", upos::verb, "VBP"}});
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].text == "March 3");
  CHECK(ms[0].value == "2016-03-03");
}

TEST_CASE("the verb's tense decides the direction of a weekday and a bare month", "[timex][resolve]") {
  // 2016-03-15 is a Tuesday.
  CHECK(test::tag("He arrived Friday", "2016-03-15")[0].value == "2016-03-11");
  CHECK(test::tag("He will arrive Friday", "2016-03-15")[0].value == "2016-03-18");
  CHECK(test::tag("Sales fell in November", "2016-03-15")[0].value == "2015-11");
  CHECK(test::tag("The plant will open in November", "2016-03-15")[0].value == "2016-11");
}

TEST_CASE("with POS tags a reporting verb stays a weak tense cue", "[timex][resolve]") {
  // The text stage tags "said" VBD; it must not decide the tense of what is reported when a
  // stronger cue follows ("will hire"), exactly as without tags.
  using text::upos;
  const auto ms = tag_with_pos("Officials said that from November the plant will hire workers.", "2016-03-15",
                               {{"Officials", upos::noun, "NNS"}, {"said", upos::verb, "VBD"}, {"that", upos::sconj, "IN"},
                                {"from", upos::adp, "IN"}, {"November", upos::propn, "NNP"}, {"the", upos::det, "DT"},
                                {"plant", upos::noun, "NN"}, {"will", upos::aux, "MD"}, {"hire", upos::verb, "VB"},
                                {"workers", upos::noun, "NNS"}});
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == "2016-11");
}

TEST_CASE("ranges give one mention per end, each resolved", "[timex][tagger]") {
  const auto a = test::tag("from April to June", "2025-06-05");
  REQUIRE(a.size() == 2);
  CHECK(a[0].value == "2025-04");
  CHECK(a[1].value == "2025-06");
  const auto b = test::tag("between 2018 and 2020", "2025-06-05");
  REQUIRE(b.size() == 2);
  CHECK(b[0].value == "2018");
  CHECK(b[1].value == "2020");
  const auto c = test::tag("April\xE2\x80\x93June", "2025-06-05");
  REQUIRE(c.size() == 2);
  CHECK(c[1].value == "2025-06");
}

TEST_CASE("interval_of maps values to day ranges", "[timex][interval]") {
  using date::sys_days;
  using namespace date::literals;
  const auto day = interval_of("2025-06-05");
  REQUIRE(day);
  CHECK(day->begin == sys_days{2025_y / 6 / 5});
  CHECK(day->end == sys_days{2025_y / 6 / 6});
  const auto month = interval_of("2025-05");
  REQUIRE(month);
  CHECK(month->end == sys_days{2025_y / 6 / 1});
  const auto week = interval_of("2025-W22");
  REQUIRE(week);
  CHECK(week->begin == sys_days{2025_y / 5 / 26});
  CHECK(week->end == sys_days{2025_y / 6 / 2});
  const auto quarter = interval_of("2025-Q2");
  REQUIRE(quarter);
  CHECK(quarter->begin == sys_days{2025_y / 4 / 1});
  CHECK(quarter->end == sys_days{2025_y / 7 / 1});
  const auto year = interval_of("2025");
  REQUIRE(year);
  CHECK(year->end == sys_days{2026_y / 1 / 1});
  CHECK(interval_of("2025-06-05TMO"));
  CHECK(interval_of("199")->begin == sys_days{1990_y / 1 / 1});
  CHECK_FALSE(interval_of("PAST_REF"));
  CHECK_FALSE(interval_of("P3D"));
  CHECK_FALSE(interval_of("XXXX-05"));
  CHECK_FALSE(interval_of("2025-02-30"));
  CHECK(std::string(to_string(timex_type::duration)) == "DURATION");
}

TEST_CASE("a malformed rule file is rejected naming file and line", "[timex][rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chronograph_timex_bad_rules";
  fs::remove_all(dir);
  fs::create_directories(dir / "lists");
  fs::create_directories(dir / "rules");
  const fs::path source = fs::path(CHRONOGRAPH_SOURCE_DIR) / "src/timex/resources/en/lists";
  for (const auto& e : fs::directory_iterator(source)) fs::copy_file(e.path(), dir / "lists" / e.path().filename());
  std::ofstream(dir / "rules" / "date.rules") << "# comment\nrule date.bad  match: {nosuchlist}  grain: day\n";
  try {
    (void)rule_set::load(dir.string());
    FAIL("expected resource_error");
  } catch (const resource_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("date.rules:2"));
    CHECK_THAT(e.what(), Catch::Contains("nosuchlist"));
  }
  fs::remove_all(dir);
}

TEST_CASE("a rule's topic is a reporting span or a year-back period, nothing else", "[timex][rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chronograph_timex_bad_topic";
  fs::remove_all(dir);
  fs::create_directories(dir / "lists");
  fs::create_directories(dir / "rules");
  const fs::path source = fs::path(CHRONOGRAPH_SOURCE_DIR) / "src/timex/resources/en/lists";
  for (const auto& e : fs::directory_iterator(source)) fs::copy_file(e.path(), dir / "lists" / e.path().filename());
  SECTION("an unknown topic names file and line") {
    std::ofstream(dir / "rules" / "date.rules") << "rule date.bad  match: a year ago  value: anchor -1 Y  topic: quarter\n";
    try {
      (void)rule_set::load(dir.string());
      FAIL("expected resource_error");
    } catch (const resource_error& e) {
      CHECK_THAT(e.what(), Catch::Contains("date.rules:1"));
      CHECK_THAT(e.what(), Catch::Contains("topic"));
    }
  }
  SECTION("span and period load and reach the candidates") {
    std::ofstream(dir / "rules" / "date.rules") << "rule date.ago  match: a year ago  value: anchor -1 Y  topic: period\n";
    std::ofstream(dir / "rules" / "duration.rules")
        << "rule duration.months  match: the nine months  value: duration 9 M  topic: span\n";
    const auto rules = rule_set::load(dir.string());
    text::annotated_document doc;
    doc.doc.text = "For the nine months, net rose from a year ago.";
    const auto found = recognize(doc, *rules);
    REQUIRE(found.size() == 2);
    CHECK(found[0].is_reporting_span);
    CHECK_FALSE(found[0].follows_period);
    CHECK(found[1].follows_period);
    CHECK_FALSE(found[1].is_reporting_span);
  }
  fs::remove_all(dir);
}

TEST_CASE("context marks are accepted only before or after the extent", "[timex][rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chronograph_timex_bad_context";
  fs::remove_all(dir);
  fs::create_directories(dir / "lists");
  fs::create_directories(dir / "rules");
  const fs::path source = fs::path(CHRONOGRAPH_SOURCE_DIR) / "src/timex/resources/en/lists";
  for (const auto& e : fs::directory_iterator(source)) fs::copy_file(e.path(), dir / "lists" / e.path().filename());
  SECTION("a context word in the middle is rejected") {
    std::ofstream(dir / "rules" / "date.rules") << "rule date.bad  match: {month:month} ~of {year:year}  grain: month\n";
    CHECK_THROWS_AS(rule_set::load(dir.string()), resource_error);
  }
  SECTION("leading and trailing context words stay outside the extent") {
    std::ofstream(dir / "rules" / "date.rules")
        << "rule date.ok  match: ~in {month:month} ~(ended|ending)  grain: month\n  example: \"in [May] ended\" => 2016-05\n";
    const auto rules = rule_set::load(dir.string());
    text::annotated_document doc;
    doc.doc.text = "in May ended";
    const auto found = recognize(doc, *rules);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span.begin == 3);
    CHECK(found[0].span.end == 6);
  }
  fs::remove_all(dir);
}

TEST_CASE("recognition of repeated text finds each copy's mentions, no more, no fewer", "[timex]") {
  // Digits and month names back to back: the worst case for a backtracking matcher. That its time
  // grows linearly is measured by the timex_adversarial benchmark (bench/stages_bench.cpp).
  std::string unit;
  for (int k = 0; k < 200; ++k) unit += "May 1999 12 June 5, 2025 March 3 1 2 3 4 ";
  unit += "end.\n\n";  // a sentence and paragraph end: no mention runs from one copy into the next
  const auto found_in = [&](int copies) {
    text::annotated_document doc;
    for (int k = 0; k < copies; ++k) doc.doc.text += unit;
    return recognize(doc, *test::rules());
  };
  const auto one = found_in(1);
  const auto ten = found_in(10);
  REQUIRE(!one.empty());
  REQUIRE(ten.size() == 10 * one.size());
  for (std::size_t k = 0; k < ten.size(); ++k) {
    const auto& a = one[k % one.size()];
    const auto shift = (k / one.size()) * unit.size();
    CHECK(ten[k].span.begin == a.span.begin + shift);
    CHECK(ten[k].span.end == a.span.end + shift);
  }
}

TEST_CASE("no time expression spans a blank line, at any offset", "[timex][tagger]") {
  // "... 4" ends one paragraph and "May 1999" opens the next: no "4 May 1999", whatever the
  // offset of the break (short texts, and long ones whose scan is cut into segments).
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"The vote was 4\n\nMay 1999 was calm.", {"May 1999"}},
      {"The vote was 4\n \nMay 1999 was calm.", {"May 1999"}},
      {"The vote was 4\r\n\r\nMay 1999 was calm.", {"May 1999"}},
      {"Score: 4\n\nMay 5, 1999 was calm.", {"May 5, 1999"}},
      {"They met on June 4\n\n1999 was calm.", {"June 4", "1999"}},
      {"It rose about\n\nMay 1999.", {"May 1999"}},
      {"It lasted twenty\n\nfour years.", {"four years"}},
  };
  for (const std::size_t pad : {0, 1, 7, 1000, 16 * 1024 - 20, 16 * 1024 + 3, 40000, 64 * 1024 - 30, 64 * 1024 - 5,
                                64 * 1024 + 11, 100000}) {
    std::string filler;
    while (filler.size() < pad) filler += "The cat sat on the mat. ";
    filler.resize(pad);
    if (!filler.empty()) filler.back() = ' ';
    for (const auto& [text, expected] : cases) {
      const std::string doc = filler + text;
      const auto ms = test::tag(doc, "1999-06-01");
      std::vector<std::string> found;
      for (const auto& m : ms) {
        CHECK(doc.substr(m.span.begin, m.span.end - m.span.begin).find('\n') == std::string::npos);
        found.push_back(m.text);
      }
      INFO("pad " << pad << ": " << text);
      CHECK(found == expected);
    }
  }
}

TEST_CASE("quarterly reports: year-ago periods take the quarter under discussion", "[timex][resolve]") {
  const auto ms = test::tag("Third-quarter profit rose 5% from the year-ago period and from the 1988 period.", "1989-11-02");
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].value == "1989-Q3");
  CHECK(ms[1].value == "1988-Q3");
  CHECK(ms[2].value == "1988-Q3");
  const auto after = test::tag("Third-quarter sales fell from the corresponding period last year and from last year's quarter.",
                               "1989-11-02");
  REQUIRE(after.size() == 3);
  CHECK(after[1].text == "the corresponding period last year");
  CHECK(after[1].value == "1988-Q3");
  CHECK(after[2].text == "last year's quarter");
  CHECK(after[2].value == "1988-Q3");
}

TEST_CASE("all-numeric dates follow the numeric order option", "[timex][rules]") {
  const auto tag_with = [](const std::shared_ptr<const rule_set>& rules, const std::string& text) {
    text::annotated_document doc;
    doc.doc.text = text;
    std::vector<diagnostic> diagnostics;
    return resolve(recognize(doc, *rules), anchor_policy::news(parse_creation_time("2016-03-15")), text, diagnostics);
  };
  const auto us = tag_with(test::rules(), "6/5/2025");
  REQUIRE(us.size() == 1);
  CHECK(us[0].value == "2025-06-05");
  rule_set::options day_first;
  day_first.numeric_dates = rule_set::numeric_order::day_month;
  const auto eu = tag_with(rule_set::load_default(day_first), "6/5/2025");
  REQUIRE(eu.size() == 1);
  CHECK(eu[0].value == "2025-05-06");
  CHECK(tag_with(rule_set::load_default(day_first), "31/12/2024")[0].value == "2024-12-31");
}

TEST_CASE("tagging arbitrary fragment soup keeps spans valid, ordered and on character boundaries", "[timex][tagger]") {
  const std::vector<std::string> pieces = {
      "May", "may", "12", "1999", "2025-06-05", "/", "-", "\xE2\x80\x93", "Jan.", "the", "last", "week", "'", "90s",
      "a.m.", "3", ":", "30", "%", "$", "Thursday", "morning", "an hour and a half", "\xC3\xA9t\xC3\xA9", " ", "\n\n",
      ".", ",", "1/2", "first", "quarter", "every", "Monday", "Inauguration Day", "before", "three", "days", "Q", "W",
      "\xF0\x9F\x98\x80", "ago", "in", "mid-", "fiscal", "twenty-four", "hours", "o'clock", "noon", "ET"};
  std::uint32_t state = 12345;
  const auto next = [&]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  const auto tagger = tagger::load_default();
  for (int round = 0; round < 200; ++round) {
    text::annotated_document doc;
    const int n = static_cast<int>(next() % 60);
    for (int k = 0; k < n; ++k) {
      doc.doc.text += pieces[next() % pieces.size()];
      if (next() % 3) doc.doc.text += ' ';
    }
    if (round % 2) doc.doc.dct = parse_creation_time("2016-03-15");
    std::vector<diagnostic> diagnostics;
    const auto ms = tagger->tag(doc, diagnostics);
    std::size_t previous_end = 0;
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const auto& m = ms[k];
      INFO(doc.doc.text << " -> " << m.text);
      REQUIRE(m.span.begin < m.span.end);
      REQUIRE(m.span.end <= doc.doc.text.size());
      REQUIRE(m.span.begin >= previous_end);
      CHECK((static_cast<unsigned char>(doc.doc.text[m.span.begin]) & 0xC0) != 0x80);
      CHECK((m.span.end == doc.doc.text.size() || (static_cast<unsigned char>(doc.doc.text[m.span.end]) & 0xC0) != 0x80));
      CHECK(m.text == doc.doc.text.substr(m.span.begin, m.span.size()));
      CHECK(!m.value.empty());
      CHECK(m.id == "t" + std::to_string(k + 1));
      previous_end = m.span.end;
    }
  }
}

TEST_CASE("'that year', 'that day', 'that month' take the time just mentioned", "[timex][resolve]") {
  const auto mentions = test::tag("He left in June 1998 and returned later that year.", "2000-01-28");
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].value == "1998-06");
  CHECK(mentions[1].text == "later that year");
  CHECK(mentions[1].value == "1998");
  // {text, DCT, the second mention's surface and value}
  const std::vector<std::array<std::string, 4>> cases = {
      {"The doctor was shot on Oct. 23, 1998. Earlier that day, his family had called.", "1999-10-24",
       "Earlier that day", "1998-10-23"},
      {"The plant closed on May 3, 2001, and reopened later that month.", "2016-03-15", "later that month", "2001-05"}};
  for (const auto& [text, dct, surface, value] : cases) {
    INFO(text);
    const auto ms = test::tag(text, dct);
    REQUIRE(ms.size() == 2);
    CHECK(ms[1].text == surface);
    CHECK(ms[1].value == value);
  }
}

TEST_CASE("a year-ago period after the year-ago quarter stays a year back", "[timex][resolve]") {
  const auto mentions = test::tag(
      "Net rose in the third quarter. Net compared with a loss in the 1988 period. The year-ago results included a charge.",
      "1989-11-02");
  const auto it = std::find_if(mentions.begin(), mentions.end(), [](const mention& m) { return m.text == "year-ago"; });
  REQUIRE(it != mentions.end());
  CHECK(it->value == "1988-Q3");
}


TEST_CASE("with a parse, the tense of the verb governing a weekday gives its direction", "[timex][resolve]") {
  using text::upos;
  // 2025-06-05 is a Thursday. Without a parse no cue word says anything here: the most recent
  // Monday. The parse shows the present-tense verb of a plan: the coming Monday.
  const std::string text = "The leaders meet Monday in Geneva.";
  const std::vector<parsed_word> words = {{"The", upos::det, "DT", 1, "det"},     {"leaders", upos::noun, "NNS", 2, "nsubj"},
                                          {"meet", upos::verb, "VBP", -1, "root"}, {"Monday", upos::propn, "NNP", 2, "obl:tmod"},
                                          {"in", upos::adp, "IN", 5, "case"},      {"Geneva", upos::propn, "NNP", 2, "obl"},
                                          {".", upos::punct, ".", 2, "punct"}};
  CHECK(test::tag(text, "2025-06-05")[0].value == "2025-06-02");
  const auto planned = tag_parsed(text, "2025-06-05", words);
  REQUIRE(planned.size() == 1);
  CHECK(planned[0].value == "2025-06-09");
  SECTION("a finite verb the tagger took for a base form counts as present") {
    auto base = words;
    base[2].xpos = "VB";
    CHECK(tag_parsed(text, "2025-06-05", base)[0].value == "2025-06-09");
  }
  SECTION("a past-tense verb keeps the most recent Monday") {
    const std::string past = "The leaders met Monday in Geneva.";
    auto w = words;
    w[2] = {"met", upos::verb, "VBD", -1, "root"};
    CHECK(tag_parsed(past, "2025-06-05", w)[0].value == "2025-06-02");
  }
  SECTION("a weekday inside a noun phrase is not governed by the verb") {
    const std::string noun = "The move follows Monday's decision.";
    const std::vector<parsed_word> np = {{"The", upos::det, "DT", 1, "det"},         {"move", upos::noun, "NN", 2, "nsubj"},
                                         {"follows", upos::verb, "VBZ", -1, "root"}, {"Monday", upos::propn, "NNP", 5, "nmod:poss"},
                                         {"'s", upos::part, "POS", 3, "case"},        {"decision", upos::noun, "NN", 2, "obj"},
                                         {".", upos::punct, ".", 2, "punct"}};
    CHECK(tag_parsed(noun, "2025-06-05", np)[0].value == "2025-06-02");
    SECTION("even when the parse attaches the possessive weekday to the verb") {
      // TBAQ wsj_0745 "The GM move follows Tuesday's declaration": the text stage made
      // "Tuesday" the object of "follows", which read as a plan (the coming Tuesday).
      auto wrong = np;
      wrong[3] = {"Monday", upos::propn, "NNP", 2, "obj"};
      wrong[5] = {"decision", upos::noun, "NN", 2, "obj"};
      CHECK(tag_parsed(noun, "2025-06-05", wrong)[0].value == "2025-06-02");
    }
  }
}

TEST_CASE("an amount from a day is one date, that day shifted", "[timex][resolve]") {
  // 2025-06-05 is a Thursday. Counted forward from a weekday, the weekday is the coming one.
  const auto a = test::tag("The trial starts a week from Tuesday.", "2025-06-05");
  REQUIRE(a.size() == 1);
  CHECK(a[0].text == "a week from Tuesday");
  CHECK(a[0].type == timex_type::date);
  CHECK(a[0].value == "2025-06-17");
  CHECK(test::tag("He returns two weeks from Friday", "2025-06-05")[0].value == "2025-06-20");
  CHECK(test::tag("a week from June 30", "2025-06-05")[0].value == "2025-07-07");
  // In a past clause the weekday is the last one, as alone.
  const auto past = test::tag("they met two days from Monday instead", "2025-06-05");
  REQUIRE(past.size() == 1);
  CHECK(past[0].value == "2025-06-04");
  // From the DCT: months and years keep their grain, days and weeks count to a day.
  CHECK(test::tag("a year from now", "2025-06-05")[0].value == "2026");
  CHECK(test::tag("a month from now", "2025-06-05")[0].value == "2025-07");
  CHECK(test::tag("two days from today", "2025-06-05")[0].value == "2025-06-07");
  CHECK(test::tag("a week from now", "2025-06-05")[0].value == "2025-06-12");
}

TEST_CASE("an amount before a range from a day stays a duration and the range two days", "[timex][resolve]") {
  const auto ms = test::tag("They work five days from Monday to Friday.", "2025-06-05");
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].text == "five days");
  CHECK(ms[0].value == "P5D");
  CHECK(ms[1].text == "Monday");
  CHECK(ms[2].text == "Friday");
  const auto b = test::tag("open a week from Monday through Friday", "2025-06-05");
  REQUIRE(b.size() == 3);
  CHECK(b[0].text == "a week");
  // "two miles from Monday's camp": no unit of time, no shift.
  const auto c = test::tag("they walked two miles from Monday's camp", "2025-06-05");
  REQUIRE(c.size() == 1);
  CHECK(c[0].text == "Monday");
}

TEST_CASE("a rule's not_before tokens stop a match right before them", "[timex][rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "chronograph_timex_not_before";
  fs::remove_all(dir);
  fs::create_directories(dir / "lists");
  fs::create_directories(dir / "rules");
  const fs::path source = fs::path(CHRONOGRAPH_SOURCE_DIR) / "src/timex/resources/en/lists";
  for (const auto& e : fs::directory_iterator(source)) fs::copy_file(e.path(), dir / "lists" / e.path().filename());
  std::ofstream(dir / "rules" / "date.rules")
      << "rule date.m  match: {month:month}  grain: month\n"
      << "rule date.m_y  match: {month:month} {year:year}  grain: month  not_before: to -\n";
  const auto rules = rule_set::load(dir.string());
  text::annotated_document doc;
  doc.doc.text = "May 2020 to June; May 2020-2021; May 2020.";
  const auto found = recognize(doc, *rules);
  REQUIRE(found.size() == 4);
  CHECK(found[0].rule == "date.m");  // "May": the shorter match, before "to"
  CHECK(found[1].rule == "date.m");  // "June"
  CHECK(found[2].rule == "date.m");  // "May" before "-"
  CHECK(found[3].rule == "date.m_y");
  fs::remove_all(dir);
}

TEST_CASE("a capitalised name right before a number names it: no year", "[timex][tagger]") {
  using text::upos;
  CHECK(test::tag("Riyadh launched its Vision 2030 plan in 2016.", "2025-06-05").size() == 1);  // "2016"
  CHECK(test::tag("the African Union adopted Agenda 2063", "2025-06-05").empty());
  CHECK(test::tag("He read the novel 1984 at school.", "2025-06-05").empty());
  // Opening a sentence, capitals say nothing without tags ("In 2030", "That 1978 resolution")...
  const auto untagged = test::tag("Vision 2030 aims to diversify the economy.", "2025-06-05");
  REQUIRE(untagged.size() == 1);
  CHECK(untagged[0].value == "2030");
  // ... but a word tagged PROPN names.
  CHECK(tag_with_pos("Vision 2030 aims to diversify the economy.", "2025-06-05",
                     {{"Vision", upos::propn, "NNP"}, {"2030", upos::num, "CD"}, {"aims", upos::verb, "VBZ"}})
            .empty());
  // With tags, only a noun or proper noun names: an adjective before the year leaves it a year.
  const auto adj = tag_with_pos("the group's Annual 1989 report", "2025-06-05",
                                {{"the", upos::det, "DT"}, {"group", upos::noun, "NN"}, {"'s", upos::part, "POS"},
                                 {"Annual", upos::adj, "JJ"}, {"1989", upos::num, "CD"}, {"report", upos::noun, "NN"}});
  REQUIRE(adj.size() == 1);
  CHECK(adj[0].value == "1989");
  // Words that cue a time are no names: each stays one year or date.
  for (const char* text : {"sales will double By 2030", "In 2030, the rule applies", "results for Fiscal 2025",
                           "opened in May 2025", "set for Summer 2025", "the Class of 2025 graduates",
                           "the 2030 target"}) {
    INFO(text);
    const auto ms = test::tag(text, "2025-06-05");
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].value.rfind("20", 0) == 0);
  }
}
