// SPDX-License-Identifier: MIT
// Temporal consistency of the merged story: links from many documents are checked against the
// event dates and each other, the less-supported side of a contradiction is dropped with a
// diagnostic, and undated events keep their bounds (those from the DCT included).
#include <catch2/catch.hpp>

#include <algorithm>

#include "chronograph/merge/merge.hpp"
#include "test_document.hpp"

using namespace chronograph;

namespace {

/// An event mention on the word `trigger` of the document's text.
events::event_mention mention(const text::annotated_document& doc, const std::string& id, const std::string& trigger,
                              const std::string& when) {
  events::event_mention m;
  m.id = id;
  const auto at = doc.doc.text.find(trigger);
  REQUIRE(at != std::string::npos);
  m.span = {at, at + trigger.size()};
  m.trigger = trigger;
  m.lemma = trigger;
  m.frame = trigger;
  for (std::size_t k = 0; k < doc.sentences.size(); ++k)
    if (doc.sentences[k].span.begin <= at && at < doc.sentences[k].span.end) m.sentence = k;
  m.cls = events::event_class::occurrence;
  m.pos = text::upos::noun;
  m.salience = 0.6;
  m.confidence = 0.8;
  m.when_value = when;
  if (!when.empty()) m.when_anchor = "inferred";
  return m;
}

relations::link make_link(const std::string& from, relations::relation r, const std::string& to, double confidence,
                          const std::string& rule = "signal:before") {
  relations::link l;
  l.from = from;
  l.to = to;
  l.rel = r;
  l.rule = rule;
  l.confidence = confidence;
  return l;
}

const story_event& event_with(const story& s, const std::string& lemma) {
  const auto it = std::find_if(s.events.begin(), s.events.end(), [&](const auto& e) { return e.lemma == lemma; });
  REQUIRE(it != s.events.end());
  return *it;
}

std::vector<const story_diagnostic*> diagnostics(const story& s, const std::string& rule) {
  std::vector<const story_diagnostic*> out;
  for (const auto& d : s.diagnostics)
    if (d.rule == rule) out.push_back(&d);
  return out;
}

}  // namespace

TEST_CASE("contradicting orders from two documents: the better-supported one stays", "[merge][reasoning]") {
  merge::document_analysis a, b;
  a.annotated = testing::make_document("The summit came before the vote.", "a");
  a.events = {mention(a.annotated, "e1", "summit", "2025-05"), mention(a.annotated, "e2", "vote", "2025-05")};
  a.links = {make_link("e1", relations::relation::before, "e2", 0.8)};
  b.annotated = testing::make_document("The vote came before the summit.", "b");
  b.events = {mention(b.annotated, "e1", "vote", "2025-05"), mention(b.annotated, "e2", "summit", "2025-05")};
  b.links = {make_link("e1", relations::relation::before, "e2", 0.6)};
  const auto s = merge::build_story({a, b});
  const auto& summit = event_with(s, "summit");
  const auto& vote = event_with(s, "vote");
  REQUIRE(summit.mentions.size() == 2);  // one story event per frame, told by both documents
  REQUIRE(s.links.size() == 1);
  CHECK(s.links[0].from == summit.id);
  CHECK(s.links[0].to == vote.id);
  const auto conflicts = diagnostics(s, "merge.order_conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->doc == "b");
  CHECK(conflicts[0]->message.find("dropped " + vote.id + " BEFORE " + summit.id) != std::string::npos);
  CHECK(conflicts[0]->message.find("contradicts " + summit.id + " BEFORE " + vote.id) != std::string::npos);
}

TEST_CASE("a link against the dates is dropped and named; undated events take bounds", "[merge][reasoning]") {
  merge::document_analysis a;
  a.annotated = testing::make_document("The truce preceded the raid, and the strike followed the raid. Talks went on.", "a");
  a.events = {mention(a.annotated, "e1", "truce", "2025-06-01"), mention(a.annotated, "e2", "raid", "2025-05-01"),
              mention(a.annotated, "e3", "strike", ""), mention(a.annotated, "e4", "Talks", "")};
  a.events[3].when_not_after = "2025-06-05";  // past tense: what the DCT link said
  a.links = {make_link("e1", relations::relation::before, "e2", 0.6),
             make_link("e3", relations::relation::after, "e2", 0.7)};
  const auto s = merge::build_story({a});
  CHECK(s.links.size() == 1);
  const auto conflicts = diagnostics(s, "merge.order_conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->message.find("contradicts the dates of") != std::string::npos);
  CHECK(conflicts[0]->message.find("[2025-06-01..2025-06-01]") != std::string::npos);
  // "the strike followed the raid" (dated May 1): it may start later that day; no upper bound.
  const auto& strike = event_with(s, "strike");
  CHECK(strike.when.value.empty());
  CHECK(strike.not_before == "2025-05-01");
  CHECK(strike.not_after.empty());
  // The DCT bound survives merging although the story has no DCT node.
  CHECK(event_with(s, "Talks").not_after == "2025-06-05");
  CHECK(event_with(s, "truce").not_before.empty());  // dated events need no bounds
}

TEST_CASE("bounds of one event told by several documents are intersected", "[merge][reasoning]") {
  merge::document_analysis a, b;
  a.annotated = testing::make_document("Further talks are planned.", "a");
  b.annotated = testing::make_document("Further talks are planned.", "b");
  a.events = {mention(a.annotated, "e1", "talks", "")};
  b.events = {mention(b.annotated, "e1", "talks", "")};
  for (auto* e : {&a.events[0], &b.events[0]}) {
    e->lemma = "talk";  // a listed lemma: plans merge by their frame's kind (event_frames.tsv)
    e->frame = "negotiation";
  }
  a.events[0].is_future = b.events[0].is_future = true;
  a.events[0].when_not_before = "2025-06-05";
  b.events[0].when_not_before = "2025-06-06";
  b.events[0].when_not_after = "2025-06-30";
  const auto s = merge::build_story({a, b});
  REQUIRE(s.events.size() == 1);  // planned events of one frame merge
  CHECK(s.events[0].is_future);
  CHECK(s.events[0].not_before == "2025-06-06");
  CHECK(s.events[0].not_after == "2025-06-30");
}

TEST_CASE("a planned event is not bounded to the day of writing by a weaker link", "[merge][reasoning]") {
  // Document a plans the deal (after its DCT, June 5); a TLINK model's guess puts it before
  // "coming", which "suggests" (no later than June 5) falls inside: the chain would end the plan by
  // June 5. The guess is dropped and the diagnostic names the plan.
  merge::document_analysis a;
  a.annotated = testing::make_document("They worked toward a broader deal. History suggests it could be a long time coming.", "a",
                                       "2025-06-05");
  a.events = {mention(a.annotated, "e1", "deal", ""), mention(a.annotated, "e2", "suggests", ""),
              mention(a.annotated, "e3", "coming", "")};
  a.events[0].is_future = true;
  a.events[0].when_not_before = "2025-06-05";
  a.events[1].when_not_after = "2025-06-05";  // present tense: by the time of writing
  a.links = {make_link("e2", relations::relation::is_included, "e3", 0.33, "tlink.event_event"),
             make_link("e1", relations::relation::before, "e3", 0.31, "tlink.event_event")};
  const auto s = merge::build_story({a});
  const auto& deal = event_with(s, "deal");
  CHECK(deal.is_future);
  CHECK(deal.not_before == "2025-06-05");
  CHECK(deal.not_after.empty());
  CHECK(s.links.size() == 1);
  const auto conflicts = diagnostics(s, "merge.order_conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->message.find("dropped " + deal.id + " BEFORE") != std::string::npos);
  CHECK(conflicts[0]->message.find(deal.id + " is planned (not over by the day of writing)") != std::string::npos);
}
