// SPDX-License-Identifier: MIT
// Rules that read the dependency parse (the text stage's real analyzer, not the unparsed test
// documents that the cue table's examples run on): causal cues and governed events.
#include <catch2/catch.hpp>

#include <filesystem>

#include "chronograph/relations/link.hpp"
#include "chronograph/relations/linker_tables.hpp"
#include "chronograph/text/analyzer.hpp"

using namespace chronograph;

namespace {

/// The trigger pairs (cause, effect) of the causal links the default pipeline finds in `text`.
std::vector<std::pair<std::string, std::string>> causal_pairs(const std::string& text) {
  static const auto an = text::analyzer::load_default();
  static const auto ex = events::extractor::load_default();
  static const auto li = relations::linker::load_default();
  document d;
  d.id = "doc";
  d.text = text;
  d.dct = parse_creation_time("2025-06-05");
  const auto doc = an->analyze(d);
  std::vector<diagnostic> diags;
  auto evs = ex->extract(doc, {}, diags);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : li->link_events(doc, {}, evs, diags)) {
    if (!relations::is_causal(l.rel)) continue;
    std::string from, to;
    for (const auto& e : evs) {
      if (e.id == l.from) from = e.trigger;
      if (e.id == l.to) to = e.trigger;
    }
    out.emplace_back(from, to);
  }
  return out;
}

bool has(const std::vector<std::pair<std::string, std::string>>& v, const std::string& a, const std::string& b) {
  return std::find(v.begin(), v.end(), std::make_pair(a, b)) != v.end();
}

}  // namespace

TEST_CASE("with a parse, 'because' links its clause to the clause it depends on", "[relations][causal][parse]") {
  // The nearest event before the cue is "acquire"; the parse says the offer was withdrawn.
  const auto r = causal_pairs("The company withdrew its offer to acquire the airline because the carrier did not respond.");
  INFO(r.size());
  CHECK(has(r, "respond", "withdrew"));
  CHECK_FALSE(has(r, "respond", "acquire"));
}

TEST_CASE("with a parse, a causal verb links its subject to its complement", "[relations][causal][parse]") {
  CHECK(has(causal_pairs("The sanctions will force Saddam to withdraw from Kuwait."), "sanctions", "withdraw"));
}

TEST_CASE("with a parse, 'led' links its subject to the complement of its object", "[relations][causal][parse]") {
  CHECK(has(causal_pairs("The strike led the company to raise wages."), "strike", "raise"));
  CHECK(has(causal_pairs("The agreement allows the company to raise prices."), "agreement", "raise"));
  // No second event: no link.
  CHECK(causal_pairs("The general led the troops across the border.").empty());
}

TEST_CASE("with a parse, 'reflected' makes its object the cause of its subject", "[relations][causal][parse]") {
  CHECK(has(causal_pairs("The increase reflected the strike at the plant."), "strike", "increase"));
}

TEST_CASE("every example of the governed-events table gives its link (with the parser)", "[relations][governed][parse]") {
  static const auto an = text::analyzer::load_default();
  static const auto ex = events::extractor::load_default();
  static const auto li = relations::linker::load_default();
  const auto tables =
      relations::linker_tables::load(std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) / "src/relations/resources");
  std::size_t checked = 0;
  for (const auto& row : tables.governed) {
    if (row.example.empty()) continue;
    INFO("governed_events.tsv:" << row.line << " \"" << row.example << "\"");
    document d;
    d.id = "doc";
    d.text = row.example;
    d.dct = parse_creation_time("2025-06-05");
    const auto doc = an->analyze(d);
    std::vector<diagnostic> diags;
    auto evs = ex->extract(doc, {}, diags);
    std::string governed, governor;
    for (const auto& e : evs) {
      if (e.trigger == row.example_governed) governed = e.id;
      if (e.trigger == row.example_governor) governor = e.id;
    }
    REQUIRE(!governed.empty());
    REQUIRE(!governor.empty());
    bool found = false;
    for (const auto& l : li->link_events(doc, {}, evs, diags)) {
      if (l.rule.rfind("governed:", 0) != 0) continue;
      found = found || (l.from == governed && l.to == governor && l.rel == row.rel) ||
              (l.from == governor && l.to == governed && l.rel == relations::inverse(row.rel));
    }
    CHECK(found);
    ++checked;
  }
  CHECK(checked >= 7);
}

TEST_CASE("a clause connective links the event verbs of the two clauses, or nothing", "[relations][causal][parse]") {
  const auto so = causal_pairs("Xi could resolve these differences so that talks could restart.");
  CHECK((has(so, "resolve", "restart") || has(so, "resolve", "talks")));  // taggers call "talks" a verb here
  // The clause before ", so" has no event: no link to an event of another clause.
  const auto r = causal_pairs("Talks will be determined by the European Union, but you are a very big part of "
                              "that, so you will be involved.");
  for (const auto& [cause, effect] : r) CHECK(effect != "involved");
}

TEST_CASE("a causal verb whose subject is no event does not reach into the previous sentence",
          "[relations][causal][parse]") {
  const auto r = causal_pairs("China reduced its taxes on U.S. goods from 125% to 10%. The back and forth has "
                              "caused sharp swings in global markets.");
  CHECK_FALSE(has(r, "reduced", "swings"));
  SECTION("but 'it' is the event the previous sentence is about") {
    CHECK(has(causal_pairs("The call lasted 90 minutes. It resulted in a very positive conclusion."), "call",
              "conclusion"));
  }
}

TEST_CASE("an event that changes an amount is caused by the event that is its subject", "[relations][causal][parse]") {
  CHECK(has(causal_pairs("The talks in Geneva, which reduced tariffs to 30%, ended on May 12."), "talks", "reduced"));
  CHECK_FALSE(has(causal_pairs("Trump lowered tariffs in May."), "Trump", "lowered"));
}

TEST_CASE("coordinated causes share the effect", "[relations][causal][parse]") {
  const auto r = causal_pairs("The plant closed because of the strike and the fire.");
  CHECK(has(r, "strike", "closed"));
  CHECK(has(r, "fire", "closed"));
  SECTION("and coordinated effects the cause") {
    const auto e = causal_pairs("Because of the strike, the plant closed and the workers protested.");
    CHECK(has(e, "strike", "closed"));
    CHECK(has(e, "strike", "protested"));
  }
}

TEST_CASE("a reason is not given for a reporting verb but for what it reports", "[relations][causal][parse]") {
  const auto r = causal_pairs("Sales fell, the company said, because of the strike.");
  CHECK(has(r, "strike", "fell"));
  CHECK_FALSE(has(r, "strike", "said"));
  CHECK(has(causal_pairs("The bank said it cancelled the merger because the regulators objected."), "objected",
            "cancelled"));
}

TEST_CASE("a cue that is the predicate of a copula explains the copula's subject", "[relations][causal][parse]") {
  const auto r = causal_pairs("Officials said the protests were in response to the layoffs.");
  CHECK(has(r, "layoffs", "protests"));
  CHECK_FALSE(has(r, "layoffs", "said"));
  CHECK(has(causal_pairs("The strike was the result of the layoffs."), "layoffs", "strike"));
}

TEST_CASE("a reason given for an infinitive complement explains the verb it completes", "[relations][causal][parse]") {
  const auto r = causal_pairs("The railway stopped running trains because of the strike.");
  CHECK(has(r, "strike", "stopped"));
  CHECK_FALSE(has(r, "strike", "running"));
}

TEST_CASE("an infinitive that completes a verb is no purpose of it", "[relations][causal][parse]") {
  CHECK_FALSE(has(causal_pairs("The minister agreed to help rebuild the bridge."), "agreed", "rebuild"));
  CHECK_FALSE(has(causal_pairs("The minister promised to help rebuild the bridge."), "promised", "rebuild"));
}
