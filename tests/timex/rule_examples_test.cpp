// SPDX-License-Identifier: MIT
// Runs every `example` and `never` line of every rule file. An example's text must yield exactly
// one mention, from its own rule, spanning the whole text (or the part in [brackets]), with
// the expected value; a `never` text must yield no mention at all.
#include <sstream>

#include <catch2/catch.hpp>

#include <set>

#include "engine.hpp"
#include "support.hpp"

using namespace chronograph;
using namespace chronograph::timex;

TEST_CASE("every rule file example resolves to its value and never-lines yield nothing", "[timex][rules]") {
  const auto& examples = test::rules()->examples();
  REQUIRE(examples.size() > 150);
  std::size_t failures = 0;
  std::ostringstream report;
  for (const auto& ex : examples) {
    std::string text = ex.text;
    std::size_t begin = 0, end = 0;
    if (const auto open = text.find('['); open != std::string::npos) {
      const auto close = text.find(']', open);
      REQUIRE(close != std::string::npos);
      text = text.substr(0, open) + text.substr(open + 1, close - open - 1) + text.substr(close + 1);
      begin = open;
      end = close - 1;
    } else {
      end = text.size();
    }
    const std::string where = ex.file + ":" + std::to_string(ex.line) + " (" + ex.rule + ") \"" + ex.text + "\"";
    const auto mentions = test::tag(text, ex.reference.empty() ? "2016-03-15T10:00:00" : ex.reference);
    std::string problem;
    if (ex.is_negative) {
      if (!mentions.empty()) problem = "expected no mention, got '" + mentions[0].text + "' = " + mentions[0].value + " from " + mentions[0].rule;
    } else if (mentions.empty()) {
      problem = "no match";
    } else if (mentions.size() > 1) {
      problem = std::to_string(mentions.size()) + " mentions, first '" + mentions[0].text + "' from " + mentions[0].rule;
    } else if (mentions[0].span.begin != begin || mentions[0].span.end != end) {
      problem = "partial span '" + mentions[0].text + "' from " + mentions[0].rule;
    } else if (mentions[0].rule != ex.rule) {
      problem = "fired rule " + mentions[0].rule;
    } else if (mentions[0].value != ex.value) {
      problem = "wrong value " + mentions[0].value + ", expected " + ex.value;
    }
    if (!problem.empty()) {
      ++failures;
      report << where << ": " << problem << "\n";
    }
  }
  INFO(report.str());
  CHECK(failures == 0);
}

TEST_CASE("every active rule carries at least one example or never-line", "[timex][rules]") {
  std::set<std::string> covered;
  for (const auto& ex : test::rules()->examples()) covered.insert(ex.rule);
  std::string missing;
  for (const auto& r : test::rules()->internals().rules)
    if (!covered.count(r.name)) missing += r.file + ":" + std::to_string(r.line) + " " + r.name + "\n";
  INFO(missing);
  CHECK(missing.empty());
}
