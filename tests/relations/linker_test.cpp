// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "chronograph/relations/link.hpp"
#include "chronograph/relations/linker_tables.hpp"
#include "chronograph/resources.hpp"
#include "test_document.hpp"

using namespace chronograph;
using relations::relation;

namespace {

struct result {
  std::vector<events::event_mention> events;
  std::vector<relations::link> links;
  std::vector<diagnostic> diagnostics;
  std::vector<timex::mention> times;

  [[nodiscard]] std::optional<events::event_mention> event(const std::string& trigger, std::size_t nth = 0) const {
    for (const auto& e : events)
      if (e.trigger == trigger && nth-- == 0) return e;
    return std::nullopt;
  }
  [[nodiscard]] std::optional<relations::link> link(const std::string& from, const std::string& to) const {
    const auto a = event(from), b = event(to);
    for (const auto& l : links) {
      const bool from_ok = a ? l.from == a->id : l.from == from;
      const bool to_ok = b ? l.to == b->id : l.to == to;
      if (from_ok && to_ok) return l;
    }
    return std::nullopt;
  }
};

/// Runs extractor + linker on text with timexes given as (surface, value[, type]).
result run(const std::string& text, const std::vector<std::pair<std::string, std::string>>& times = {},
           const std::string& dct = "2025-06-05",
           const std::vector<std::pair<std::string, timex::timex_type>>& typed = {},
           const relations::linker* linker = nullptr) {
  static const auto ex = events::extractor::load_default();
  static const auto shipped = relations::linker::load_default();
  const auto* li = linker ? linker : shipped.get();
  const auto doc = testing::make_document(text, "doc", dct);
  std::vector<timex::mention> ms;
  for (const auto& [surface, value] : times) ms.push_back(testing::make_timex(doc, surface, value));
  for (const auto& [surface, type] : typed) ms.push_back(testing::make_timex(doc, surface, "P90D", type));
  result r;
  r.times = testing::number_timexes(ms);
  r.events = ex->extract(doc, r.times, r.diagnostics);
  r.links = li->link_events(doc, r.times, r.events, r.diagnostics);
  return r;
}

}  // namespace

TEST_CASE("an event is anchored to the time of its clause", "[relations][anchor]") {
  const auto r = run("Trump and Xi previously spoke on Jan. 17, prior to the inauguration.", {{"Jan. 17", "2025-01-17"}});
  const auto spoke = r.event("spoke");
  REQUIRE(spoke);
  CHECK(spoke->when_value == "2025-01-17");
  CHECK(spoke->when_anchor == "t1");
  const auto l = r.link("spoke", "t1");
  REQUIRE(l);
  CHECK(l->rel == relation::is_included);
  CHECK(l->rule == "anchor.signal:on");
}

TEST_CASE("a time in another clause far away is not the event's time", "[relations][anchor]") {
  const auto r = run("Beijing hiked tariffs to 125% in April, while Washington and other partners, after a long and "
                     "difficult debate among many officials, lowered duties.",
                     {{"April", "2025-04"}});
  REQUIRE(r.event("hiked"));
  CHECK(r.event("hiked")->when_value == "2025-04");
  REQUIRE(r.event("lowered"));
  CHECK(r.event("lowered")->when_value.empty());
}

TEST_CASE("signals before a time give the relation and keep the date off the event", "[relations][anchor]") {
  const auto r = run("Negotiations stalled shortly after a May 12 agreement.", {{"May 12", "2025-05-12"}});
  REQUIRE(r.event("stalled"));
  REQUIRE(r.event("agreement"));
  CHECK(r.event("agreement")->when_value == "2025-05-12");
  const auto stalled = r.link("stalled", "t1");
  REQUIRE(stalled);
  CHECK(stalled->rel == relation::after);
  CHECK(r.event("stalled")->when_value.empty());
  CHECK(r.event("stalled")->when_not_before == "2025-05-13");  // AFTER the day May 12: from May 13 on
  CHECK(r.event("stalled")->when_not_after == "2025-06-05");  // past tense: by the DCT
}

TEST_CASE("reporting in the past tense is dated to the DCT in news", "[relations][anchor]") {
  const auto r = run("Trump said the deal remained in place.");
  REQUIRE(r.event("said"));
  CHECK(r.event("said")->when_value == "2025-06-05");
  CHECK(r.event("said")->when_anchor == "dct");
  CHECK(r.event("remained")->when_anchor.empty());
  SECTION("not without a DCT") {
    const auto n = run("Trump said the deal remained in place.", {}, "");
    CHECK(n.event("said")->when_value.empty());
  }
}

TEST_CASE("an anaphoric mention takes the date of its frame", "[relations][infer]") {
  const auto r = run("Trump held a call with Xi on Thursday. The call lasted 90 minutes. Trump wants another call.",
                     {{"Thursday", "2025-06-05"}});
  REQUIRE(r.event("call", 1));
  CHECK(r.event("call", 1)->when_value == "2025-06-05");
  CHECK(r.event("call", 1)->when_anchor == "inferred");
  REQUIRE(r.event("call", 2));
  CHECK(r.event("call", 2)->when_value.empty());  // "another call"
}

TEST_CASE("tense relates verbs to the document creation time", "[relations][dct]") {
  const auto r = run("Trump lowered tariffs. Officials will meet soon.");
  REQUIRE(r.link("lowered", "t0"));
  CHECK(r.link("lowered", "t0")->rel == relation::before);
  REQUIRE(r.link("meet", "t0"));
  CHECK(r.link("meet", "t0")->rel == relation::after);
}

TEST_CASE("event signals order two events of a sentence", "[relations][signal]") {
  const auto r = run("Trump announced the upcoming talks after concluding a lengthy phone call.");
  const auto l = r.link("announced", "concluding");
  REQUIRE(l);
  CHECK(l->rel == relation::after);
}

TEST_CASE("dated events are ordered by their dates", "[relations][order]") {
  const auto r = run("Trump and Xi spoke on Jan. 17. Trump and Xi held a call on Thursday.",
                     {{"Jan. 17", "2025-01-17"}, {"Thursday", "2025-06-05"}});
  const auto l = r.link("spoke", "call");
  REQUIRE(l);
  CHECK(l->rel == relation::before);
  CHECK_FALSE(r.link("call", "spoke"));
}

TEST_CASE("causal cues link cause to effect in the right direction", "[relations][causal]") {
  SECTION("forward") {
    const auto r = run("Tit-for-tat tariffs exceeded 100%, prompting the talks in Geneva, Switzerland.");
    const auto l = r.link("exceeded", "talks");
    REQUIRE(l);
    CHECK(l->rel == relation::causes);
    const auto doc_text = std::string("Tit-for-tat tariffs exceeded 100%, prompting the talks in Geneva, Switzerland.");
    CHECK(doc_text.substr(l->evidence.begin, l->evidence.size()) == "prompting the talks in Geneva");
    CHECK_FALSE(r.link("talks", "exceeded"));
  }
  SECTION("cause in the previous sentence") {
    const auto r = run("Trump had ratcheted tariffs on Chinese imports up to 145% in April. "
                       "Beijing hiked tariffs on U.S. goods to 125% in retaliation.",
                       {{"April", "2025-04"}});
    const auto l = r.link("ratcheted", "hiked");
    REQUIRE(l);
    CHECK(l->rel == relation::causes);
  }
  SECTION("a cause dated after its effect is dropped with a diagnostic") {
    const auto r = run("Stocks fell on Monday because of the tariffs announced on Tuesday.",
                       {{"Monday", "2025-06-02"}, {"Tuesday", "2025-06-03"}});
    CHECK_FALSE(r.link("tariffs", "fell"));
    CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const diagnostic& d) { return d.rule == "causal.order"; }));
  }
}

TEST_CASE("every example of the causal cue table gives its link", "[relations][causal][resources]") {
  const auto tables =
      relations::linker_tables::load(std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) / "src/relations/resources");
  // The rules alone: the shipped linker's causal model may overrule an ambiguous cue ("by").
  const auto rules = relations::make_linker(events::lexicon::load_default(), tables);
  std::size_t checked = 0;
  for (const auto& cue : tables.causal) {
    if (cue.example.empty()) continue;
    INFO("causal_cues.tsv:" << cue.line << " \"" << cue.example << "\"");
    const auto r = run(cue.example, {}, "2025-06-05", {}, rules.get());
    const auto l = r.link(cue.example_cause, cue.example_effect);
    REQUIRE(l);
    CHECK(l->rel == cue.rel);
    ++checked;
  }
  CHECK(checked >= 30);
}

TEST_CASE("durations introduced by 'for' give DURING links", "[relations][anchor]") {
  const auto r = run("Trump lowered tariffs to 30% for 90 days.", {}, "2025-06-05",
                     {{"90 days", timex::timex_type::duration}});
  const auto l = r.link("lowered", "t1");
  REQUIRE(l);
  CHECK(l->rel == relation::during);
}

TEST_CASE("the DCT is a day: an event of that day lies inside it, an earlier one before it", "[relations][dct]") {
  SECTION("dated to the DCT's day") {
    const auto r = run("Prices rose on June 5.", {{"June 5", "2025-06-05"}});
    const auto l = r.link("rose", "t0");
    REQUIRE(l);
    CHECK(l->rel == relation::is_included);
  }
  SECTION("dated before it") {
    const auto r = run("Prices rose on June 2.", {{"June 2", "2025-06-02"}});
    const auto l = r.link("rose", "t0");
    REQUIRE(l);
    CHECK(l->rel == relation::before);
  }
  SECTION("a report of the day's news") {
    const auto r = run("Officials said prices rose.");
    const auto l = r.link("said", "t0");
    REQUIRE(l);
    CHECK(l->rel == relation::is_included);
    const auto rose = r.link("rose", "t0");
    REQUIRE(rose);
    CHECK(rose->rel == relation::before);
  }
}
