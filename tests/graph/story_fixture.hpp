// SPDX-License-Identifier: MIT
// A small hand-built story shaped like the samples (US-China tariffs, spring 2025), shared by the
// graph and render tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "chronograph/story.hpp"

namespace chronograph::test {

inline evidence quote(std::string doc, std::size_t start, std::string text) {
  const std::size_t end = start + text.size();
  return evidence{std::move(doc), start, end, std::move(text)};
}

inline story_event make_event(std::string id, std::string summary, std::string trigger, std::string value,
                              double salience, std::vector<evidence> mentions) {
  story_event e;
  e.id = std::move(id);
  e.summary = std::move(summary);
  e.trigger = trigger;
  e.lemma = std::move(trigger);
  e.cls = "OCCURRENCE";
  e.tense = "PAST";
  e.aspect = "NONE";
  e.polarity = "POS";
  const std::string anchor = value.empty() ? "" : "dct";
  e.when = event_time{std::move(value), anchor};
  e.confidence = 0.8;
  e.salience = salience;
  for (std::size_t i = 0; i < mentions.size(); ++i)
    e.mention_ids.push_back(mentions[i].doc + ":e" + std::to_string(i + 1 + e.summary.size() % 7));
  e.mentions = std::move(mentions);
  return e;
}

inline story_link make_link(std::string from, std::string to, std::string type, evidence support,
                            std::string rule = "cue") {
  return story_link{std::move(from), std::move(to), std::move(type), std::move(support), std::move(rule), 0.7};
}

/// Ten events from 17 Jan 2025 to planned talks after 5 Jun 2025, two documents, causal and
/// temporal links. Events are listed by id, as story.hpp requires.
inline story tariff_story() {
  story s;
  s.documents = {
      {"a1", "samples/article1.txt", "article 1", std::string("2025-06-05"), "Trump and Xi speak by phone"},
      {"a2", "samples/article2.txt", "article 2", std::string("2025-06-05"), "Trade truce under strain"},
  };
  s.timexes = {
      {"a1:t1", "a1", 120, 127, "Jan. 17", "DATE", "2025-01-17", ""},
      {"a1:t2", "a1", 300, 305, "April", "DATE", "2025-04", ""},
      {"a1:t3", "a1", 410, 416, "May 12", "DATE", "2025-05-12", ""},
      {"a1:t4", "a1", 20, 28, "Thursday", "DATE", "2025-06-05", ""},
      {"a2:t1", "a2", 50, 59, "last week", "DATE", "2025-W22", ""},
      {"a2:t2", "a2", 90, 99, "Wednesday", "DATE", "2025-06-04", ""},
  };
  auto call = make_event("ev-call", "Trump and Xi held a phone call on trade", "call", "2025-06-05", 0.95,
                         {quote("a1", 30, "Xi Jinping held a phone call"), quote("a2", 12, "the two leaders spoke")});
  call.when.anchor = "a1:t4";
  call.actors = {"Donald Trump", "Xi Jinping"};
  auto cn125 = make_event("ev-cn125", "China raised tariffs on US goods to 125% in retaliation", "raised",
                          "2025-04", 0.85, {quote("a1", 320, "China raised its tariffs to 125%")});
  cn125.actors = {"China"};
  cn125.quantities = {{"percent", "125%", "new rate", 125}};
  auto future = make_event("ev-future", "Officials plan further trade talks", "talks", "FUTURE_REF", 0.6,
                           {quote("a2", 700, "further talks are planned")});
  future.tense = "FUTURE";
  future.modality = "planned";
  future.when.anchor = "inferred";
  future.not_before = "2025-06-05";  // after the call of 5 June
  future.is_future = true;
  auto geneva = make_event("ev-geneva", "Talks in Geneva produced an agreement to cut tariffs", "talks",
                           "2025-05-12", 0.95,
                           {quote("a1", 420, "the talks in Geneva"), quote("a2", 220, "the Geneva agreement")});
  geneva.when.anchor = "a1:t3";
  auto jan = make_event("ev-jan17", "Trump and Xi spoke in a phone call before the inauguration", "spoke",
                        "2025-01-17", 0.6, {quote("a1", 100, "spoke on Jan. 17")});
  jan.when.anchor = "a1:t1";
  auto markets = make_event("ev-markets", "Markets rose after the Geneva announcement", "rose", "2025-05-12",
                            0.3, {quote("a2", 260, "markets rose")});
  auto past = make_event("ev-past", "Trade tensions had built for years", "built", "PAST_REF", 0.55,
                         {quote("a2", 600, "tensions had built for years")});
  past.not_after = "2025-06-05";  // past tense: over by the DCT
  auto post = make_event("ev-post", "Trump posted that Xi is \"very tough\"", "posted", "2025-06-04", 0.6,
                         {quote("a2", 80, "Trump posted on Wednesday")});
  post.when.anchor = "a2:t2";
  auto accuse = make_event("ev-accuse", "US accused China of violating the Geneva agreement", "accused",
                           "2025-W22", 0.7, {quote("a2", 40, "accused China last week")});
  accuse.when.anchor = "a2:t1";
  auto us145 = make_event("ev-us145", "US raised tariffs on Chinese goods to 145%", "raised", "2025-04", 0.9,
                          {quote("a1", 290, "raised tariffs to 145% in April")});
  us145.actors = {"United States"};
  us145.quantities = {{"percent", "145%", "new rate", 145}};
  s.events = {accuse, call, cn125, future, geneva, jan, markets, past, post, us145};

  s.links = {
      make_link("ev-accuse", "ev-call", "CAUSES", quote("a2", 10, "amid accusations, the leaders spoke")),
      make_link("ev-call", "a1:t4", "IS_INCLUDED", quote("a1", 20, "Thursday"), "anchor"),
      make_link("ev-call", "ev-future", "BEFORE", quote("a2", 690, "after the call, further talks")),
      make_link("ev-cn125", "ev-geneva", "CAUSES", quote("a1", 400, "prompting the talks in Geneva")),
      make_link("ev-geneva", "ev-accuse", "BEFORE", quote("a2", 30, "since the Geneva agreement")),
      make_link("ev-jan17", "ev-us145", "BEFORE", quote("a1", 110, "months later"), "narrative"),
      make_link("ev-post", "ev-call", "BEFORE", quote("a2", 85, "a day before the call"), "signal"),
      make_link("ev-us145", "ev-cn125", "CAUSES", quote("a1", 330, "in retaliation")),
  };
  s.diagnostics = {{"warning", "timex", "a2", "dct.missing", "no creation time in the text", std::nullopt,
                    std::nullopt},
                   {"info", "relations", "a1", "closure", "dropped a contradicting link", std::size_t{10},
                    std::size_t{20}}};
  return s;
}

}  // namespace chronograph::test
