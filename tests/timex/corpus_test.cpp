// SPDX-License-Identifier: MIT
// Corpus-driven timex tests: tests/corpus/timex/en_positive.tsv (one expected value, many
// phrasings, fixed reference times) and en_negative.tsv (texts that must yield nothing).
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace chronograph;
using namespace chronograph::timex;

namespace {

struct row {
  std::size_t line = 0;
  std::vector<std::string> cols;
};

std::vector<row> read_tsv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<row> out;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    row r;
    r.line = n;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) r.cols.push_back(c);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("positive corpus: each phrasing yields one mention with the expected value and type", "[timex][corpus]") {
  const std::string path = std::string(CHRONOGRAPH_TEST_DIR) + "/corpus/timex/en_positive.tsv";
  const auto rows = read_tsv(path);
  REQUIRE(rows.size() > 100);
  std::size_t failures = 0;
  std::ostringstream report;
  for (const auto& r : rows) {
    REQUIRE(r.cols.size() >= 4);
    std::string text = r.cols[0];
    std::size_t begin = 0, end = text.size();
    if (const auto open = text.find('['); open != std::string::npos) {
      const auto close = text.find(']', open);
      text = text.substr(0, open) + text.substr(open + 1, close - open - 1) + text.substr(close + 1);
      begin = open;
      end = close - 1;
    }
    const std::string dct = r.cols[1] == "-" ? "" : r.cols[1];
    const auto mentions = test::tag(text, dct);
    const std::string where = path + ":" + std::to_string(r.line) + " \"" + r.cols[0] + "\"";
    std::string problem;
    if (mentions.empty()) problem = "no match";
    else if (mentions.size() > 1) problem = std::to_string(mentions.size()) + " parses, first '" + mentions[0].text + "'";
    else if (mentions[0].span.begin != begin || mentions[0].span.end != end) problem = "partial span '" + mentions[0].text + "'";
    else if (mentions[0].value != r.cols[2]) problem = "wrong value " + mentions[0].value + ", expected " + r.cols[2];
    else if (to_string(mentions[0].type) != r.cols[3]) problem = std::string("wrong type ") + to_string(mentions[0].type);
    else if (r.cols.size() > 4 && mentions[0].mod != r.cols[4]) problem = "wrong mod '" + mentions[0].mod + "'";
    if (!problem.empty()) {
      ++failures;
      report << where << ": " << problem << (mentions.empty() ? "" : " (rule " + mentions[0].rule + ")") << "\n";
    }
  }
  INFO(report.str());
  CHECK(failures == 0);
}

TEST_CASE("negative corpus: percentages, money, phone numbers, filings, verbs yield no time", "[timex][corpus]") {
  const std::string path = std::string(CHRONOGRAPH_TEST_DIR) + "/corpus/timex/en_negative.tsv";
  const auto rows = read_tsv(path);
  REQUIRE(rows.size() > 20);
  std::size_t failures = 0;
  std::ostringstream report;
  for (const auto& r : rows) {
    const auto mentions = test::tag(r.cols[0], r.cols.size() > 1 ? r.cols[1] : "2025-06-05");
    if (!mentions.empty()) {
      ++failures;
      report << path << ":" << r.line << " \"" << r.cols[0] << "\": got '" << mentions[0].text << "' = "
                         << mentions[0].value << " (rule " << mentions[0].rule << ")" << "\n";
    }
  }
  INFO(report.str());
  CHECK(failures == 0);
}

TEST_CASE("without a DCT relative expressions stay underspecified and a diagnostic says so", "[timex][resolve]") {
  std::vector<diagnostic> diagnostics;
  const auto mentions = test::tag("He left last week and returns on May 12.", "", &diagnostics);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].value == "XXXX-WXX");
  CHECK(mentions[1].value == "XXXX-05-12");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].rule == "anchor.no_dct");
}

TEST_CASE("a narrative document anchors on the last resolved date", "[timex][resolve]") {
  text::annotated_document doc;
  doc.doc.text = "On March 3, 1990 the ship left port. Two days later it sank; the next day the crew was found.";
  doc.doc.kind = genre::narrative;
  std::vector<diagnostic> diagnostics;
  const auto found = recognize(doc, *test::rules());
  const auto mentions = resolve(found, anchor_policy::narrative(std::nullopt), doc.doc.text, diagnostics);
  REQUIRE(mentions.size() >= 2);
  CHECK(mentions[0].value == "1990-03-03");
  CHECK(mentions.back().text == "the next day");
  CHECK(mentions[1].value == "1990-03-05");
  CHECK(mentions.back().value == "1990-03-06");
}
