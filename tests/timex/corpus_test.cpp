// SPDX-License-Identifier: MIT
// Corpus-driven timex tests: tests/corpus/timex/en_positive.tsv (one expected value, many
// phrasings, fixed reference times) and en_negative.tsv (texts that must yield nothing).
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace chronograph;
using namespace chronograph::timex;

namespace {

struct row {
  std::size_t line = 0;
  std::string section;  ///< the "## <phenomenon>" header above the row
  std::vector<std::string> cols;
};

std::vector<row> read_tsv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<row> out;
  std::string line, section;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    if (line.empty() || line[0] == '#') continue;
    row r;
    r.line = n;
    r.section = section;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) r.cols.push_back(c);
    out.push_back(std::move(r));
  }
  return out;
}

// The text without its [brackets], and the byte range they marked (the whole text without).
struct target {
  std::string text;
  std::size_t begin = 0, end = 0;
};
target bracketed(const std::string& marked) {
  target t{marked, 0, marked.size()};
  if (const auto open = marked.find('['); open != std::string::npos) {
    const auto close = marked.find(']', open);
    REQUIRE(close != std::string::npos);
    t.text = marked.substr(0, open) + marked.substr(open + 1, close - open - 1) + marked.substr(close + 1);
    t.begin = open;
    t.end = close - 1;
  }
  return t;
}

// Fails naming each required section that has fewer than `min_rows` rows.
void require_sections(const std::vector<row>& rows, const std::vector<std::string>& required, std::size_t min_rows,
                      const std::string& path) {
  std::map<std::string, std::size_t> count;
  for (const auto& r : rows) ++count[r.section];
  std::string missing;
  for (const auto& name : required)
    if (count[name] < min_rows) missing += path + ": section '## " + name + "' has " + std::to_string(count[name]) + " rows\n";
  INFO(missing);
  CHECK(missing.empty());
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
    const auto [text, begin, end] = bracketed(r.cols[0]);
    const std::string dct = r.cols[1] == "-" ? "" : r.cols[1];
    const auto mentions = test::tag(text, dct);
    const std::string where = path + ":" + std::to_string(r.line) + " \"" + r.cols[0] + "\"";
    std::string problem;
    if (mentions.empty()) problem = "no match";
    else if (mentions.size() > 1) problem = std::to_string(mentions.size()) + " parses, first '" + mentions[0].text + "'";
    else if (mentions[0].span.begin != begin || mentions[0].span.end != end) problem = "partial span '" + mentions[0].text + "'";
    else if (mentions[0].value != r.cols[2]) problem = "wrong value " + mentions[0].value + ", expected " + r.cols[2];
    else if (to_string(mentions[0].type) != r.cols[3]) problem = std::string("wrong type ") + to_string(mentions[0].type);
    else if (mentions[0].mod != (r.cols.size() > 4 ? r.cols[4] : std::string()))
      problem = "wrong mod '" + mentions[0].mod + "'";
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

TEST_CASE("every phenomenon of issue 3 has corpus rows, positive and negative", "[timex][corpus]") {
  const std::string dir = std::string(CHRONOGRAPH_TEST_DIR) + "/corpus/timex/";
  require_sections(read_tsv(dir + "en_positive.tsv"),
                   {"absolute dates", "deictic days", "weekdays with tense direction", "last/this/next periods",
                    "offsets from the anchor", "relative to the time just mentioned",
                    "vague references (PRESENT_REF, PAST_REF, FUTURE_REF)", "quarters, halves and fiscal years", "seasons",
                    "weekends", "ISO weeks", "parts of day and clock times with zones",
                    "durations with words, fractions and hyphenated adjectives", "sets", "modifiers",
                    "holidays with year inference and arithmetic", "no DCT: underspecified values"},
                   4, dir + "en_positive.tsv");
  require_sections(read_tsv(dir + "en_context.tsv"), {"ranges", "narrative anchoring", "no DCT in context"}, 4,
                   dir + "en_context.tsv");
  require_sections(read_tsv(dir + "en_negative.tsv"),
                   {"percentages", "money", "phone numbers", "filings", "scores", "\"may\" the verb", "\"March\" the verb",
                    "\"a second term\" and other ordinals"},
                   3, dir + "en_negative.tsv");
}

TEST_CASE("context corpus: the bracketed expression resolves right among other mentions", "[timex][corpus]") {
  const std::string path = std::string(CHRONOGRAPH_TEST_DIR) + "/corpus/timex/en_context.tsv";
  const auto rows = read_tsv(path);
  REQUIRE(rows.size() > 30);
  std::size_t failures = 0;
  std::ostringstream report;
  for (const auto& r : rows) {
    REQUIRE(r.cols.size() >= 4);
    const auto [text, begin, end] = bracketed(r.cols[0]);
    text::annotated_document doc;
    doc.doc.id = "context";
    doc.doc.text = text;
    const std::string& reference = r.cols[1];
    const bool narrative = reference.rfind("narrative", 0) == 0;
    std::string dct = reference == "-" ? "" : reference;
    if (narrative) dct = reference.size() > 10 ? reference.substr(10) : "";
    if (!dct.empty()) doc.doc.dct = parse_creation_time(dct);
    doc.doc.kind = narrative ? genre::narrative : genre::news;
    std::vector<diagnostic> diagnostics;
    const auto policy = narrative ? anchor_policy::narrative(doc.doc.dct) : anchor_policy::news(doc.doc.dct);
    const auto mentions = resolve(recognize(doc, *test::rules()), policy, text, diagnostics);
    std::string problem;
    const mention* hit = nullptr;
    std::string overlapping;
    for (const auto& m : mentions) {
      if (m.span.begin == begin && m.span.end == end) hit = &m;
      else if (m.span.begin < end && begin < m.span.end) overlapping = m.text;
    }
    if (!hit) problem = overlapping.empty() ? "no match" : "partial span '" + overlapping + "'";
    else if (hit->value != r.cols[2]) problem = "wrong value " + hit->value + ", expected " + r.cols[2];
    else if (to_string(hit->type) != r.cols[3]) problem = std::string("wrong type ") + to_string(hit->type);
    else if (hit->mod != (r.cols.size() > 4 ? r.cols[4] : std::string())) problem = "wrong mod '" + hit->mod + "'";
    if (!problem.empty()) {
      ++failures;
      report << path << ":" << r.line << " \"" << r.cols[0] << "\": " << problem << (hit ? " (rule " + hit->rule + ")" : "")
             << "\n";
    }
  }
  INFO(report.str());
  CHECK(failures == 0);
}
