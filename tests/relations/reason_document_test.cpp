// SPDX-License-Identifier: MIT
// reason_document: one document's links checked against the dates and each other after the
// linker (links given by hand here, so that each case is exactly what it tests).
#include <catch2/catch.hpp>

#include <algorithm>

#include "chronograph/relations/reasoning.hpp"
#include "test_document.hpp"

using namespace chronograph;
using relations::relation;

namespace {

events::event_mention make_event(const std::string& id, const std::string& when = "") {
  events::event_mention m;
  m.id = id;
  m.trigger = id;
  m.when_value = when;
  return m;
}

relations::link make_link(const std::string& from, relation r, const std::string& to, double confidence,
                          const std::string& rule) {
  relations::link l;
  l.from = from;
  l.to = to;
  l.rel = r;
  l.rule = rule;
  l.confidence = confidence;
  return l;
}

bool has(const std::vector<relations::link>& links, const std::string& from, relation r, const std::string& to,
         const std::string& rule_prefix = "") {
  return std::any_of(links.begin(), links.end(), [&](const auto& l) {
    return l.from == from && l.rel == r && l.to == to && l.rule.rfind(rule_prefix, 0) == 0;
  });
}

}  // namespace

TEST_CASE("reason_document drops the less-supported side of a contradiction and says so", "[relations][reasoning]") {
  const auto doc = testing::make_document("The talks ended. The deal followed. Then the strike.", "d", "2025-06-05");
  const auto times = testing::number_timexes({testing::make_timex(doc, "talks", "2025-05-12")});
  std::vector<events::event_mention> evs{make_event("e1", "2025-05-12"), make_event("e2"), make_event("e3")};
  std::vector<relations::link> links{
      make_link("e2", relation::after, "e1", 0.7, "signal:after"),
      make_link("e3", relation::after, "e2", 0.7, "signal:then"),
      make_link("e3", relation::before, "e1", 0.6, "order.dates"),  // contradicts the two above
      make_link("e3", relation::before, "t0", 0.6, "dct.tense")};
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK_FALSE(has(links, "e3", relation::before, "e1"));
  CHECK(has(links, "e2", relation::after, "e1"));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "relations.conflict");
  CHECK(diags[0].doc == "d");
  CHECK(diags[0].message ==
        "dropped e3 BEFORE e1 (order.dates, 0.60): contradicts e3 AFTER e2 (signal:then, 0.70); e2 AFTER e1 "
        "(signal:after, 0.70)");
  // Undated events are bounded by what the kept links imply: after the May 12 talks, before the DCT.
  CHECK(evs[1].when_not_before == "2025-05-12");
  CHECK(evs[2].when_not_before == "2025-05-12");
  CHECK(evs[2].when_not_after == "2025-06-05");
  CHECK(evs[1].when_not_after == "2025-06-05");  // before e3, which is before the DCT
  CHECK_FALSE(evs[2].is_future);
}

TEST_CASE("reason_document says what the dates imply as links", "[relations][reasoning]") {
  const auto doc = testing::make_document("In April and on May 12 they met; talks will follow.", "d", "2025-06-05");
  const auto times = testing::number_timexes(
      {testing::make_timex(doc, "April", "2025-04"), testing::make_timex(doc, "May 12", "2025-05-12")});
  std::vector<events::event_mention> evs{make_event("e1", "2025-05-12"), make_event("e2")};
  std::vector<relations::link> links{make_link("e2", relation::after, "t0", 0.6, "dct.tense")};
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK(diags.empty());
  CHECK(has(links, "t1", relation::before, "t2", "order.values"));
  CHECK(has(links, "t2", relation::before, "t0", "order.values"));
  CHECK(has(links, "e1", relation::before, "t0", "closure.dct"));  // dated before the DCT, no tense link
  CHECK_FALSE(has(links, "e2", relation::after, "t0", "closure.dct"));  // tense already said it
  CHECK(evs[1].is_future);
  CHECK(evs[1].when_not_before == "2025-06-05");
  CHECK(evs[1].when_not_after.empty());
}

TEST_CASE("reason_document relates times with the same value as simultaneous", "[relations][reasoning]") {
  // "Tuesday" and "today" in Tuesday's paper are one day: SIMULTANEOUS (TimeML IDENTITY), not left out.
  const auto doc = testing::make_document("Talks ended Tuesday. Today they met. On Friday they spoke.", "d", "2025-06-05");
  const auto times = testing::number_timexes({testing::make_timex(doc, "Tuesday", "2025-06-03"),
                                              testing::make_timex(doc, "Today", "2025-06-03"),
                                              testing::make_timex(doc, "Friday", "2025-05-30")});
  std::vector<events::event_mention> evs;
  std::vector<relations::link> links;
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK(diags.empty());
  const bool same = has(links, "t1", relation::simultaneous, "t2", "order.values") ||
                    has(links, "t2", relation::simultaneous, "t1", "order.values");
  CHECK(same);
  CHECK(has(links, "t3", relation::before, "t1", "order.values"));  // Friday, then the Tuesday pair
  CHECK_FALSE(has(links, "t3", relation::before, "t2", "order.values"));  // only consecutive times
}

TEST_CASE("reason_document orders consecutive days as BEFORE, as TimeML annotates them", "[relations][reasoning]") {
  // Monday ends where Tuesday starts (IBEFORE in the point algebra); TimeML says BEFORE.
  const auto doc = testing::make_document("They met Monday and signed Tuesday.", "d", "2025-06-05");
  const auto times = testing::number_timexes(
      {testing::make_timex(doc, "Monday", "2025-06-02"), testing::make_timex(doc, "Tuesday", "2025-06-03")});
  std::vector<events::event_mention> evs;
  std::vector<relations::link> links;
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK(has(links, "t1", relation::before, "t2", "order.values"));
  CHECK_FALSE(has(links, "t1", relation::ibefore, "t2"));
}

TEST_CASE("reason_document puts a time finer than a day inside its day", "[relations][reasoning]") {
  // "Tuesday morning" is not the whole of Tuesday: Tuesday INCLUDES it (not SIMULTANEOUS).
  const auto doc = testing::make_document("Talks began Tuesday. On Tuesday morning they met.", "d", "2025-06-05");
  const auto times = testing::number_timexes({testing::make_timex(doc, "Tuesday", "2025-06-03"),
                                              testing::make_timex(doc, "Tuesday morning", "2025-06-03TMO")});
  std::vector<events::event_mention> evs;
  std::vector<relations::link> links;
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK(has(links, "t1", relation::includes, "t2", "order.values"));
  CHECK_FALSE(has(links, "t1", relation::simultaneous, "t2"));
  CHECK(has(links, "t1", relation::before, "t0", "order.values"));
}

TEST_CASE("reason_document orders a day that contains the next time against the time after it", "[relations][reasoning]") {
  // Friday, 10:35 a.m. on Friday, Saturday: Friday INCLUDES 10:35, which is BEFORE Saturday; that
  // chain does not order Friday and Saturday, so Friday is linked to Saturday too.
  const auto doc = testing::make_document("On Friday at 10:35 a.m. it began; on Saturday it ended.", "d", "2025-06-05");
  const auto times = testing::number_timexes({testing::make_timex(doc, "Friday", "2025-05-30"),
                                              testing::make_timex(doc, "10:35 a.m.", "2025-05-30T10:35"),
                                              testing::make_timex(doc, "Saturday", "2025-05-31")});
  std::vector<events::event_mention> evs;
  std::vector<relations::link> links;
  std::vector<diagnostic> diags;
  relations::reason_document(doc, times, evs, links, diags);
  CHECK(has(links, "t1", relation::includes, "t2", "order.values"));
  CHECK(has(links, "t2", relation::before, "t3", "order.values"));
  CHECK(has(links, "t1", relation::before, "t3", "order.values"));
}

TEST_CASE("bounds the linker set and the links contradict are replaced with a diagnostic", "[relations][reasoning]") {
  const auto doc = testing::make_document("It happened after the vote.", "d", "2025-06-05");
  std::vector<events::event_mention> evs{make_event("e1", "2025-05-20"), make_event("e2")};
  evs[1].when_not_after = "2025-05-01";
  std::vector<relations::link> links{make_link("e2", relation::after, "e1", 0.7, "signal:after")};
  std::vector<diagnostic> diags;
  relations::reason_document(doc, {}, evs, links, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "relations.bound_conflict");
  CHECK(evs[1].when_not_before == "2025-05-20");
  CHECK(evs[1].when_not_after.empty());
}

TEST_CASE("a causal link's cause does not start after its effect: a model's guess may not say so",
          "[relations][reasoning][causal]") {
  const auto doc = testing::make_document("Tariffs exceeded 100%, prompting the talks.", "d", "2025-06-05");
  std::vector<events::event_mention> evs{make_event("e1"), make_event("e2", "2025-05-12")};
  std::vector<relations::link> links{make_link("e1", relation::causes, "e2", 0.75, "causal.cue:prompting"),
                                     make_link("e1", relation::after, "e2", 0.4, "tlink.event_event")};
  std::vector<diagnostic> diags;
  relations::reason_document(doc, {}, evs, links, diags);
  CHECK(has(links, "e1", relation::causes, "e2"));
  CHECK_FALSE(has(links, "e1", relation::after, "e2"));
  CHECK(evs[0].when_not_before.empty());  // nothing puts the cause after May 12
}

TEST_CASE("a planned event is not put before the DCT by a weak link; a strong one stays", "[relations][reasoning]") {
  // "They worked toward a broader deal; any agreement could be a long time coming, he said."
  // The deal is planned (after the DCT): the order model's and the TLINK models' guesses that would
  // end it before "said" (on the DCT's day) or before the DCT are dropped with a diagnostic naming
  // the plan, and its bounds stay open after the DCT.
  const auto doc = testing::make_document("They worked toward a broader deal, he said. Talks come before the vote.", "d",
                                          "2025-06-05");
  std::vector<events::event_mention> evs{make_event("e1"), make_event("e2", "2025-06-05"), make_event("e3"),
                                         make_event("e4", "2025-06-05")};
  evs[0].trigger = "deal";
  evs[0].is_future = true;
  evs[0].when_not_before = "2025-06-05";
  evs[2].trigger = "Talks";
  evs[2].is_future = true;
  evs[2].when_not_before = "2025-06-05";
  std::vector<relations::link> links{
      make_link("e2", relation::is_included, "t0", 0.6, "dct.tense"),
      make_link("e1", relation::before, "e2", 0.5, "order.model"),
      make_link("e1", relation::before, "t0", 0.37, "tlink.event_dct"),
      make_link("e3", relation::before, "e4", 0.7, "signal:before"),  // stronger than the plan: stays
      make_link("e4", relation::is_included, "t0", 0.6, "dct.tense")};
  std::vector<diagnostic> diags;
  relations::reason_document(doc, {}, evs, links, diags);
  CHECK_FALSE(has(links, "e1", relation::before, "e2"));
  CHECK_FALSE(has(links, "e1", relation::before, "t0"));
  CHECK(has(links, "e3", relation::before, "e4"));
  CHECK(evs[0].is_future);
  CHECK(evs[0].when_not_before == "2025-06-05");
  CHECK(evs[0].when_not_after.empty());
  const auto with = [&](const std::string& rule, const std::string& text) {
    return std::count_if(diags.begin(), diags.end(), [&](const diagnostic& d) {
      return d.rule == rule && d.message.find(text) != std::string::npos;
    });
  };
  CHECK(with("relations.conflict", "dropped e1 BEFORE e2 (order.model, 0.50): contradicts the plan of e1 (\"deal\" is planned: after t0)") == 1);
  CHECK(with("relations.conflict", "dropped e1 BEFORE t0 (tlink.event_dct, 0.37): contradicts the plan of e1") == 1);
  // The signal placed the talks before the vote of the DCT's day: the plan gives way, and says so.
  CHECK(with("relations.plan_conflict", "the plan of e3 (\"Talks\" is planned: after t0) contradicts e3 BEFORE e4 (signal:before, 0.70)") == 1);
}

TEST_CASE("a measured date goes in with its link and is dropped where stronger links contradict it",
          "[relations][reasoning][measure]") {
  const auto doc = testing::make_document("The call came on June 5, one day after he lamented; on June 6 he spoke.", "d",
                                          "2025-06-07");
  const auto times = testing::number_timexes(
      {testing::make_timex(doc, "June 5", "2025-06-05"), testing::make_timex(doc, "June 6", "2025-06-06")});
  SECTION("consistent: the measured day stays, the event is dated") {
    std::vector<events::event_mention> evs{make_event("e1", "2025-06-05"), make_event("e2", "2025-06-04")};
    evs[1].when_anchor = "inferred";
    std::vector<relations::link> links{make_link("e2", relation::before, "e1", 0.65, "measure.date:after"),
                                       make_link("e2", relation::before, "t0", 0.6, "dct.tense")};
    std::vector<diagnostic> diags;
    relations::reason_document(doc, times, evs, links, diags);
    CHECK(diags.empty());
    CHECK(evs[1].when_value == "2025-06-04");
    CHECK(has(links, "e2", relation::before, "e1", "measure.date:"));
  }
  SECTION("a stronger link places the event after the measured day: the date goes, the order stays") {
    std::vector<events::event_mention> evs{make_event("e1", "2025-06-05"), make_event("e2", "2025-06-04")};
    evs[1].when_anchor = "inferred";
    // e2 is the event "on June 6" (0.8) but also measured before e1 (June 5): the order
    // contradicts the anchor too, so the measure link goes with its date.
    std::vector<relations::link> links{make_link("e2", relation::is_included, "t2", 0.8, "anchor.signal:on"),
                                       make_link("e2", relation::before, "e1", 0.65, "measure.date:after")};
    std::vector<diagnostic> diags;
    relations::reason_document(doc, times, evs, links, diags);
    CHECK(evs[1].when_value.empty());
    CHECK(evs[1].when_anchor.empty());
    CHECK_FALSE(has(links, "e2", relation::before, "e1"));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].rule == "relations.conflict");
  }
  SECTION("the order holds but a stronger link bounds the event away from the day: the date alone goes") {
    // e2 is measured one day before e1 (June 7, e1 on June 8), but a stronger link puts it
    // before June 5: the order stays, the date goes, the bounds are the links'.
    std::vector<events::event_mention> evs{make_event("e1", "2025-06-08"), make_event("e2", "2025-06-07")};
    evs[1].when_anchor = "inferred";
    std::vector<relations::link> links{make_link("e2", relation::before, "t1", 0.8, "anchor.signal:before"),
                                       make_link("e2", relation::before, "e1", 0.65, "measure.date:after")};
    std::vector<diagnostic> diags;
    relations::reason_document(doc, times, evs, links, diags);
    CHECK(evs[1].when_value.empty());
    CHECK(has(links, "e2", relation::before, "e1", "measure.date:"));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.rfind("dropped the date 2025-06-07 of e2 measured by e2 BEFORE e1", 0) == 0);
    CHECK(evs[1].when_not_after == "2025-06-04");
  }
}
