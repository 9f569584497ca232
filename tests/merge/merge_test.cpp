// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "chronograph/merge/merge.hpp"
#include "chronograph/merge/score.hpp"
#include "chronograph/text/analyzer.hpp"
#include "test_document.hpp"

using namespace chronograph;

namespace {

/// Runs extractor and linker on a hand-built document with timexes (surface, value).
merge::document_analysis analyse(const std::string& id, const std::string& text,
                                 const std::vector<std::pair<std::string, std::string>>& times,
                                 const std::string& dct = "2025-06-05", bool parsed = false) {
  static const auto ex = events::extractor::load_default();
  static const auto li = relations::linker::load_default();
  merge::document_analysis a;
  a.annotated = testing::make_document(text, id, dct);
  if (parsed) {  // tags and the dependency parse, as the pipeline gives them
    static const auto an = text::analyzer::load_default();
    a.annotated = an->analyze(a.annotated.doc);
  }
  std::vector<chronograph::timex::mention> ms;
  for (const auto& [surface, value] : times)  // "PT1H30M", "P90D": a duration
    ms.push_back(testing::make_timex(a.annotated, surface, value,
                                     value.rfind('P', 0) == 0 && value.size() > 1 && value[1] != 'A'
                                         ? chronograph::timex::timex_type::duration
                                         : chronograph::timex::timex_type::date));
  a.timexes = testing::number_timexes(ms);
  a.events = ex->extract(a.annotated, a.timexes, a.diagnostics);
  a.links = li->link_events(a.annotated, a.timexes, a.events, a.diagnostics);
  return a;
}

std::vector<const story_event*> with_lemma(const story& s, const std::string& lemma) {
  std::vector<const story_event*> out;
  for (const auto& e : s.events)
    if (e.lemma == lemma) out.push_back(&e);
  return out;
}

/// The documents of each node of lemma `lemma`, sorted.
std::vector<std::set<std::string>> lemma_docs(const story& s, const std::string& lemma) {
  std::vector<std::set<std::string>> out;
  for (const auto* e : with_lemma(s, lemma)) {
    std::set<std::string> docs;
    for (const auto& m : e->mentions) docs.insert(m.doc);
    out.push_back(docs);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The documents of each REPORTING node of a story, sorted (not a node of lemma `except`).
std::vector<std::set<std::string>> statement_docs(const story& s, std::string_view except = {}) {
  std::vector<std::set<std::string>> out;
  for (const auto& e : s.events)
    if (e.cls == "REPORTING" && e.lemma != except) {
      std::set<std::string> docs;
      for (const auto& m : e.mentions) docs.insert(m.doc);
      out.push_back(docs);
    }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("spans become code points and ids are qualified by document", "[merge]") {
  // "Beijing’s" has a three-byte apostrophe before the time expression.
  const auto a = analyse("a", "Beijing’s envoy held talks on Thursday.", {{"Thursday", "2025-06-05"}});
  const auto s = merge::build_story({a});
  REQUIRE(s.timexes.size() == 1);
  CHECK(s.timexes[0].id == "a:t1");
  CHECK(s.timexes[0].start == std::string("Beijing’s envoy held talks on ").size() - 2);
  CHECK(s.timexes[0].end == s.timexes[0].start + 8);
  CHECK(s.timexes[0].type == "DATE");
  const auto talks = with_lemma(s, "talk");
  REQUIRE(talks.size() == 1);
  const std::vector<std::string> expected_ids{"a:e2"};
  CHECK(talks[0]->mention_ids == expected_ids);
  CHECK(talks[0]->id.rfind("ev-", 0) == 0);
  CHECK(talks[0]->when.value == "2025-06-05");
  CHECK(talks[0]->when.anchor == "a:t1");
  REQUIRE(talks[0]->mentions.size() == 1);
  CHECK(talks[0]->mentions[0].doc == "a");
  CHECK(talks[0]->mentions[0].text == "Beijing’s envoy held talks on Thursday.");
  CHECK(talks[0]->mentions[0].end == talks[0]->mentions[0].text.size() - 2);
}

TEST_CASE("the same event told by two documents is one story event citing both", "[merge]") {
  const auto a = analyse("a", "Trump and Xi held a phone call on Thursday.", {{"Thursday", "2025-06-05"}});
  const auto b = analyse("b", "President Donald Trump spoke with Xi Jinping by phone on June 5. The call with Xi "
                              "lasted 90 minutes.",
                         {{"June 5", "2025-06-05"}});
  const auto s = merge::build_story({a, b});
  std::vector<const story_event*> contact;
  for (const auto& e : s.events)
    if (e.when.value == "2025-06-05" && (e.lemma == "call" || e.lemma == "speak")) contact.push_back(&e);
  REQUIRE(contact.size() == 1);
  const auto& ev = *contact[0];
  std::set<std::string> docs;
  for (const auto& m : ev.mentions) docs.insert(m.doc);
  const std::set<std::string> both{"a", "b"};
  CHECK(docs == both);
  CHECK(ev.mentions.size() == 3);
  CHECK(std::find(ev.actors.begin(), ev.actors.end(), "Trump") != ev.actors.end());
  CHECK(std::find(ev.actors.begin(), ev.actors.end(), "Donald Trump") == ev.actors.end());
}

TEST_CASE("other words for one event of one day are one event across articles", "[merge][frames]") {
  // event_frames.tsv: "exploded", "the bombings" and "the attacks" are the attack frame.
  const auto a = analyse("a", "Two bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam on Friday.",
                         {{"Friday", "2025-06-06"}}, "2025-06-07", true);
  const auto b = analyse("b", "The bombings in Nairobi and Dar es Salaam on Friday were the worst attacks on U.S. "
                              "embassies in years.",
                         {{"Friday", "2025-06-06"}}, "2025-06-08", true);
  const auto s = merge::build_story({a, b});
  std::vector<const story_event*> attacks;
  for (const auto& e : s.events)
    if (e.when.value == "2025-06-06" && (e.lemma == "explode" || e.lemma == "bombing")) attacks.push_back(&e);
  REQUIRE(attacks.size() == 1);
  std::set<std::string> docs;
  for (const auto& m : attacks[0]->mentions) docs.insert(m.doc);
  CHECK(docs == std::set<std::string>{"a", "b"});
  // A killing is not the attack that caused it.
  for (const auto& e : s.events)
    if (e.lemma == "kill") CHECK(e.id != attacks[0]->id);
}

TEST_CASE("events of one frame and date in articles of other stories are not merged", "[merge][story]") {
  // The same frame and day, no participants to contradict: only the articles' proper nouns tell
  // the two crises apart (cosine of the documents' profiles under one_story_similarity).
  const auto india = analyse("india",
                             "India was thrown into a political crisis on Thursday when the Congress party withdrew "
                             "its support from Prime Minister Deve Gowda. Gowda said the United Front would face a "
                             "vote in New Delhi.",
                             {{"Thursday", "2025-06-05"}}, "2025-06-06", true);
  const auto hebron = analyse("hebron",
                              "Israel faced a new crisis on Thursday after clashes in Hebron between Palestinians and "
                              "settlers. Netanyahu said Arafat must stop the violence in the West Bank.",
                              {{"Thursday", "2025-06-05"}}, "2025-06-06", true);
  const auto s = merge::build_story({india, hebron});
  const auto crises = with_lemma(s, "crisis");
  REQUIRE(crises.size() == 2);
  for (const auto* c : crises) CHECK(c->mentions.size() == 1);
  // Another article of the Indian story tells the same crisis: one event of both.
  const auto again = analyse("india2",
                             "Thursday's political crisis, set off when the Congress party dropped Deve Gowda, left "
                             "the United Front scrambling in New Delhi. Gowda must win a vote in parliament.",
                             {{"Thursday", "2025-06-05"}}, "2025-06-06", true);
  const auto t = merge::build_story({india, hebron, again});
  const auto more = with_lemma(t, "crisis");
  REQUIRE(more.size() == 2);
  std::size_t cited_by_two = 0;
  for (const auto* c : more) {
    std::set<std::string> docs;
    for (const auto& m : c->mentions) docs.insert(m.doc);
    if (docs == std::set<std::string>{"india", "india2"}) ++cited_by_two;
  }
  CHECK(cited_by_two == 1);
}

TEST_CASE("events with contradicting dates or participants are never merged", "[merge]") {
  SECTION("dates") {
    const auto a = analyse("a", "Trump and Xi held a call on Thursday.", {{"Thursday", "2025-06-05"}});
    const auto b = analyse("b", "Trump and Xi held a call on Jan. 17.", {{"Jan. 17", "2025-01-17"}});
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "call").size() == 2);
  }
  SECTION("participants") {
    const auto a = analyse("a", "Trump and Xi held a call on Thursday.", {{"Thursday", "2025-06-05"}});
    const auto b = analyse("b", "Merz and Macron held a call on Thursday.", {{"Thursday", "2025-06-05"}});
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "call").size() == 2);
  }
  SECTION("a month contains its day, so they merge") {
    const auto a = analyse("a", "The agreement in Geneva was struck on May 12 by Bessent.", {{"May 12", "2025-05-12"}});
    const auto b = analyse("b", "Bessent reached an agreement last month in Geneva.", {{"last month", "2025-05"}});
    const auto s = merge::build_story({a, b});
    const auto agreements = with_lemma(s, "agreement");
    REQUIRE(agreements.size() == 1);
    CHECK(agreements[0]->when.value == "2025-05-12");
    CHECK(agreements[0]->mentions.size() == 2);
  }
}

TEST_CASE("the story does not depend on the order of the documents", "[merge]") {
  const auto a = analyse("a", "Trump and Xi held a call on Thursday. Trump said the call went well.",
                         {{"Thursday", "2025-06-05"}});
  const auto b = analyse("b", "Xi and Trump spoke on June 5, prompting new talks. Tariffs fell to 30% in May.",
                         {{"June 5", "2025-06-05"}, {"May", "2025-05"}});
  const auto c = analyse("c", "Trump had lowered his 145% tariffs to 30% on May 12.", {{"May 12", "2025-05-12"}});
  const auto s1 = merge::build_story({a, b, c});
  const auto s2 = merge::build_story({c, a, b});
  REQUIRE(s1.events.size() == s2.events.size());
  for (std::size_t k = 0; k < s1.events.size(); ++k) {
    CHECK(s1.events[k].id == s2.events[k].id);
    CHECK(s1.events[k].summary == s2.events[k].summary);
    CHECK(s1.events[k].mention_ids == s2.events[k].mention_ids);
  }
  REQUIRE(s1.links.size() == s2.links.size());
  for (std::size_t k = 0; k < s1.links.size(); ++k) {
    CHECK(s1.links[k].from == s2.links[k].from);
    CHECK(s1.links[k].to == s2.links[k].to);
    CHECK(s1.links[k].type == s2.links[k].type);
  }
  std::set<std::string> ids;
  for (const auto& e : s1.events) CHECK(ids.insert(e.id).second);
  CHECK(s1.documents.front().id == "a");
  CHECK(s1.documents.back().id == "c");
}

TEST_CASE("links point at story events and times and are deduplicated", "[merge]") {
  const auto a = analyse("a", "Tariffs exceeded 100%, prompting the talks in Geneva on May 12.", {{"May 12", "2025-05-12"}});
  const auto s = merge::build_story({a});
  std::set<std::string> event_ids;
  for (const auto& e : s.events) event_ids.insert(e.id);
  bool causal = false;
  for (const auto& l : s.links) {
    CHECK(event_ids.count(l.from));
    CHECK((event_ids.count(l.to) || l.to.rfind("a:t", 0) == 0));
    if (l.type == "CAUSES") {
      causal = true;
      CHECK(l.support.text.find("prompting the talks") == 0);
      CHECK(l.support.doc == "a");
    }
  }
  CHECK(causal);
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& l : s.links) CHECK(seen.emplace(l.from, l.to, l.type).second);
}

TEST_CASE("the title is the first line that is not page furniture", "[merge]") {
  auto a = analyse("a", "advertisement\n\nTrump says after Xi call that talks will resume\n\nBody text here.", {});
  a.annotated.doc.source = "article 1";
  const auto s = merge::build_story({a});
  REQUIRE(s.documents.size() == 1);
  CHECK(s.documents[0].title == "Trump says after Xi call that talks will resume");
  CHECK(s.documents[0].dct == std::optional<std::string>("2025-06-05"));
  CHECK(s.documents[0].source == "article 1");
}

TEST_CASE("articles from different days resolve to the same event through their own DCTs", "[merge]") {
  // The June 6 follow-up says "yesterday"; the timex stage resolves it against its own DCT.
  const auto a = analyse("a", "Trump and Xi held a phone call on Thursday.", {{"Thursday", "2025-06-05"}}, "2025-06-05");
  const auto b = analyse("b", "Trump and Xi held a call yesterday, officials said.", {{"yesterday", "2025-06-05"}},
                         "2025-06-06");
  const auto s = merge::build_story({a, b});
  const auto calls = with_lemma(s, "call");
  REQUIRE(calls.size() == 1);
  CHECK(calls[0]->mentions.size() == 2);
  CHECK(s.documents[1].dct == std::optional<std::string>("2025-06-06"));
}

TEST_CASE("different figures for one amount are kept and reported", "[merge]") {
  const auto a = analyse("a", "China raised tariffs to 125% in April.", {{"April", "2025-04"}});
  const auto b = analyse("b", "China raised tariffs to 120% in April.", {{"April", "2025-04"}});
  const auto s = merge::build_story({a, b});
  const auto raised = with_lemma(s, "raise");
  REQUIRE(raised.size() == 1);
  CHECK(raised[0]->quantities.size() == 2);
  const auto conflict = std::find_if(s.diagnostics.begin(), s.diagnostics.end(),
                                     [](const story_diagnostic& d) { return d.rule == "merge.quantity_conflict"; });
  REQUIRE(conflict != s.diagnostics.end());
  CHECK(conflict->message.find("125 (a)") != std::string::npos);
  CHECK(conflict->message.find("120 (b)") != std::string::npos);
}

TEST_CASE("the same plan told by several articles is one future event", "[merge]") {
  const auto a = analyse("a", "Trump and Xi will hold trade talks soon.", {});
  const auto b = analyse("b", "Trump announced the upcoming talks with Xi.", {});
  const auto c = analyse("c", "Trump and Xi held talks on May 12.", {{"May 12", "2025-05-12"}});
  const auto s = merge::build_story({a, b, c});
  std::size_t planned = 0, dated = 0;
  for (const auto& e : s.events)
    if (e.lemma == "talk") {
      if (e.when.value.empty()) {
        ++planned;
        CHECK(e.mentions.size() == 2);
      } else {
        ++dated;
      }
    }
  CHECK(planned == 1);
  CHECK(dated == 1);
}

TEST_CASE("a figure one source gives among others is no conflict", "[merge]") {
  const auto a = analyse("a", "China cut tariffs to 10% in May.", {{"May", "2025-05"}});
  const auto b = analyse("b", "China cut tariffs to 30% and to 10% in May.", {{"May", "2025-05"}});
  const auto s = merge::build_story({a, b});
  CHECK(std::none_of(s.diagnostics.begin(), s.diagnostics.end(),
                     [](const story_diagnostic& d) { return d.rule == "merge.quantity_conflict"; }));
}

TEST_CASE("a plan for talks is not a plan for a deal, and plain verbs do not merge as plans", "[merge]") {
  const auto a = analyse("a", "Trump and Xi will hold trade talks soon. They hope for a broader deal.", {});
  const auto b = analyse("b", "Trump announced the upcoming talks with Xi. Any final deal is far off. We will have "
                              "foreign students.",
                         {});
  const auto c = analyse("c", "They will have intellectual superiority.", {});
  const auto s = merge::build_story({a, b, c});
  for (const auto& e : s.events) {
    if (e.lemma == "talk" && e.is_future) CHECK(e.mentions.size() == 2);
    if (e.lemma == "have") CHECK(e.mentions.size() == 1);
    // A hoped-for deal is not the planned talks (it may be another article's hoped-for deal).
    if (e.lemma == "talk" && e.is_future)
      for (const auto& m : e.mentions) CHECK(m.text.find("deal") == std::string::npos);
  }
  for (const auto& e : s.events) {
    if (e.lemma != "deal") continue;
    CHECK_FALSE(e.is_future == false);
  }
}

TEST_CASE("an intention verb joins the event its own document tells with a noun", "[merge]") {
  // "agreed in Geneva last month" is the Geneva agreement of its document ("the truce struck last
  // month"), which another document dates to the day; an "agreed" with no such noun in its
  // document stays its own event.
  const auto a = analyse("a", "The two sides reached a truce in Geneva on May 12.", {{"May 12", "2025-05-12"}});
  const auto b = analyse("b", "China praised the truce struck in May in Geneva. The U.S. and China agreed in "
                              "Geneva last month to lower tariffs.",
                         {{"May", "2025-05"}, {"last month", "2025-05"}}, "2025-06-05");
  const auto c = analyse("c", "The U.S. and China agreed in May to lower tariffs.", {{"May", "2025-05"}});
  const auto s = merge::build_story({a, b, c});
  const story_event* truce = nullptr;
  for (const auto& e : s.events)
    if (e.lemma == "truce") truce = &e;
  REQUIRE(truce);
  CHECK(truce->when.value == "2025-05-12");
  std::set<std::string> ids(truce->mention_ids.begin(), truce->mention_ids.end());
  bool agreed_b = false, agreed_c = false;
  for (const auto& e : s.events)
    if (e.lemma == "agree")
      for (const auto& id : e.mention_ids) (id.rfind("c:", 0) == 0 ? agreed_c : agreed_b) = true;
  for (const auto& id : ids) {
    CHECK(id.rfind("c:", 0) != 0);  // c has no noun of the agreement
  }
  std::string dump;
  for (const auto& e : s.events) {
    dump += e.lemma + " " + e.when.value + ":";
    for (const auto& id : e.mention_ids) dump += " " + id;
    dump += "\n";
  }
  INFO(dump);
  CHECK(agreed_c);        // its own event
  CHECK_FALSE(agreed_b);  // joined the truce
}

TEST_CASE("a statement dated to an earlier day is one event however the articles tell it", "[merge]") {
  const auto a = analyse("a", "Trump posted on Wednesday that Xi was tough. Trump said on Thursday that talks "
                              "will resume.",
                         {{"Wednesday", "2025-06-04"}, {"Thursday", "2025-06-05"}});
  const auto b = analyse("b", "Trump wrote on Wednesday that Xi was hard to deal with. Trump said on Thursday that "
                              "the call went well.",
                         {{"Wednesday", "2025-06-04"}, {"Thursday", "2025-06-05"}});
  const auto c = analyse("c", "Merz posted on Wednesday that the EU was upset.", {{"Wednesday", "2025-06-04"}});
  const auto s = merge::build_story({a, b, c});
  std::size_t june4 = 0;
  for (const auto& e : s.events) {
    if (e.cls != "REPORTING") continue;
    if (e.when.value == "2025-06-04") {
      ++june4;
      std::set<std::string> docs;
      for (const auto& m : e.mentions) docs.insert(m.doc);
      if (std::find(e.actors.begin(), e.actors.end(), "Merz") != e.actors.end()) CHECK(docs.size() == 1);
      else CHECK(docs.size() == 2);
    }
    if (e.when.value == "2025-06-05") CHECK(e.mentions.size() == 1);  // the article's day: each its own
  }
  CHECK(june4 == 2);
}

TEST_CASE("a follow-up article's 'yesterday's call' is the call its DCT's day before", "[merge][follow-up]") {
  const auto a = analyse("a", "Trump and Xi held a phone call on Thursday. The call lasted 90 minutes.",
                         {{"Thursday", "2025-06-05"}}, "2025-06-05");
  // Written the next day: the call is "yesterday's", and the timex stage resolves it to June 5.
  const auto b = analyse("b", "Markets rose after yesterday's call between Trump and Xi. The call eased tensions.",
                         {{"yesterday", "2025-06-05"}}, "2025-06-06");
  const auto s = merge::build_story({a, b});
  const auto calls = with_lemma(s, "call");
  REQUIRE(calls.size() == 1);
  std::set<std::string> docs;
  for (const auto& m : calls[0]->mentions) docs.insert(m.doc);
  CHECK(docs.size() == 2);
  CHECK(calls[0]->mentions.size() == 4);
}

TEST_CASE("sources that call one event by different ordinals are marked", "[merge]") {
  const auto a = analyse("a", "Trump and Xi held their first call on Thursday.", {{"Thursday", "2025-06-05"}});
  // Both "Thursday"s are times, as the timex stage finds them (not a name in front of "call").
  const auto b = analyse("b", "Trump and Xi held a call on Thursday. Thursday's call was the second this year.",
                         {{"Thursday", "2025-06-05"}, {"Thursday's", "2025-06-05"}});
  const auto s = merge::build_story({a, b});
  const auto calls = with_lemma(s, "call");
  REQUIRE(calls.size() == 1);
  const auto it = std::find_if(s.diagnostics.begin(), s.diagnostics.end(),
                               [](const story_diagnostic& d) { return d.rule == "merge.ordinal_conflict"; });
  REQUIRE(it != s.diagnostics.end());
  CHECK(it->message.find("first (a)") != std::string::npos);
  CHECK(it->message.find("second (b)") != std::string::npos);
  SECTION("not when they agree") {
    const auto c = analyse("c", "It was their first call on Thursday.", {{"Thursday", "2025-06-05"}});
    const auto t = merge::build_story({a, c});
    CHECK(std::none_of(t.diagnostics.begin(), t.diagnostics.end(),
                       [](const story_diagnostic& d) { return d.rule == "merge.ordinal_conflict"; }));
  }
}

TEST_CASE("a change told with another's figures and no shared actor is another change", "[merge][quantities]") {
  // b tells both cuts with one verb; only a's China cut is a's.
  const auto a = analyse("a", "China cut its tariffs on U.S. goods to 10% in May.", {{"May", "2025-05"}});
  const auto b = analyse("b", "Talks in Geneva in May reduced U.S. tariffs to 30% and Chinese tariffs on U.S. goods to 10%.",
                         {{"May", "2025-05"}});
  const auto s = merge::build_story({a, b});
  const story_event* to10 = nullptr;
  const story_event* to30 = nullptr;
  for (const auto& e : s.events)
    for (const auto& q : e.quantities)
      if (q.role == "to" && e.when.value == "2025-05") (q.value == 10 ? to10 : q.value == 30 ? to30 : to10) = &e;
  REQUIRE(to10);
  REQUIRE(to30);
  CHECK(to10 != to30);
  std::set<std::string> docs;
  for (const auto& m : to10->mentions) docs.insert(m.doc);
  CHECK(docs == std::set<std::string>{"a", "b"});
  CHECK(std::none_of(s.diagnostics.begin(), s.diagnostics.end(),
                     [](const story_diagnostic& d) { return d.rule == "merge.quantity_conflict"; }));
}

TEST_CASE("what a change changes is the change, dated, bounded or undated", "[merge][change]") {
  SECTION("bounded only: the sample's sentence") {
    // The lowering has bounds (April, from "even as"), no date to merge by; its duties are it.
    const auto a = analyse("a", "Trump had ratcheted blanket tariffs on Chinese imports up to 145% in April, even as he "
                                "temporarily lowered duties on most other countries to 10%.",
                           {{"April", "2025-04"}});
    const auto* duties = [&]() -> const events::event_mention* {
      for (const auto& e : a.events)
        if (e.trigger == "duties") return &e;
      return nullptr;
    }();
    REQUIRE(duties);
    CHECK_FALSE(duties->mention_of.empty());  // the events stage says whose mention it is
    const auto s = merge::build_story({a});
    CHECK(with_lemma(s, "duty").empty());
    const auto lowered = with_lemma(s, "lower");
    REQUIRE(lowered.size() == 1);
    CHECK(lowered[0]->mention_ids.size() == 2);
    CHECK(lowered[0]->summary.find("owered duties on most other countries") != std::string::npos);
    // No self-link is left from the two mentions.
    for (const auto& l : s.links) CHECK(l.from != l.to);
  }
  SECTION("undated") {
    const auto a = analyse("a", "Canada lowered its duties on steel to 5%.", {});
    const auto s = merge::build_story({a});
    CHECK(with_lemma(s, "duty").empty());
    REQUIRE(with_lemma(s, "lower").size() == 1);
    CHECK(with_lemma(s, "lower")[0]->mention_ids.size() == 2);
  }
  SECTION("the tariffs on their own stay a node and take no date") {
    const auto a = analyse("a", "Trump lowered tariffs on Chinese goods to 30% on May 12. The tariffs hurt exporters.",
                           {{"May 12", "2025-05-12"}});
    const auto s = merge::build_story({a});
    const auto tariffs = with_lemma(s, "tariff");
    REQUIRE(tariffs.size() == 1);
    CHECK(tariffs[0]->when.value.empty());
    CHECK(tariffs[0]->mention_ids.size() == 1);
  }
  SECTION("a mention id that names no event of its document is ignored") {
    auto a = analyse("a", "Canada lowered its duties on steel to 5%.", {});
    for (auto& e : a.events)
      if (!e.mention_of.empty()) e.mention_of = "e99";
    const auto s = merge::build_story({a});
    CHECK(with_lemma(s, "duty").size() == 1);
  }
}

TEST_CASE("a light verb and the event noun it brings about are one event, dated or not", "[merge][light]") {
  SECTION("undated: a plan told by the verb and its noun") {
    const auto a = analyse("a", "The two countries will hold trade talks.", {}, "2025-06-05", true);
    const auto s = merge::build_story({a});
    CHECK(with_lemma(s, "hold").empty());
    const auto talks = with_lemma(s, "talk");
    REQUIRE(talks.size() == 1);
    CHECK(talks[0]->mention_ids.size() == 2);
  }
  SECTION("the verb's own time dates the event when the noun has none") {
    auto a = analyse("a", "Trump and Xi held a call on Thursday.", {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
    for (auto& e : a.events)
      if (e.trigger == "call") e.when_value.clear(), e.when_anchor.clear();
    const auto s = merge::build_story({a});
    const auto calls = with_lemma(s, "call");
    REQUIRE(calls.size() == 1);
    CHECK(calls[0]->when.value == "2025-06-05");
    CHECK(with_lemma(s, "hold").empty());
  }
  SECTION("but a noun that follows its change never dates it") {
    auto a = analyse("a", "Canada lowered its duties on steel to 5%.", {});
    for (auto& e : a.events)
      if (e.trigger == "duties") e.when_value = "2025-04", e.when_anchor = "inferred";
    const auto s = merge::build_story({a});
    const auto lowered = with_lemma(s, "lower");
    REQUIRE(lowered.size() == 1);
    CHECK(lowered[0]->when.value.empty());
  }
}

namespace {

/// Articles of one story: each tells the June 5 call (the dated event they share), then `text`.
merge::document_analysis call_article(const std::string& id, const std::string& text) {
  return analyse(id, "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, "2025-06-05",
                 true);
}

/// Story events of `lemmas` whose mentions quote `words`.
std::vector<const story_event*> telling(const story& s, const std::set<std::string>& lemmas, const std::string& words) {
  std::vector<const story_event*> out;
  for (const auto& e : s.events)
    if (lemmas.count(e.lemma))
      for (const auto& m : e.mentions)
        if (m.text.find(words) != std::string::npos) {
          out.push_back(&e);
          break;
        }
  return out;
}

const std::set<std::string> invitation{"invite", "invitation"};

}  // namespace

TEST_CASE("the same undated event told by several articles of one story is one event", "[merge][undated]") {
  const auto a = call_article("a", "Xi invited Trump to visit China.");
  const auto b = call_article("b", "Mr. Trump said he accepted Mr. Xi\xE2\x80\x99s invitation for him to visit China.");
  const auto c = call_article("c", "President Donald Trump said Xi invited him to visit China.");
  const auto s = merge::build_story({a, b, c});
  const auto invitations = telling(s, invitation, "Xi");
  REQUIRE(invitations.size() == 1);
  CHECK(invitations[0]->mentions.size() == 3);
  CHECK(invitations[0]->when.value.empty());
  CHECK(invitations[0]->actors.front() == "Xi");
  const auto visits = telling(s, {"visit"}, "visit China");
  REQUIRE(visits.size() == 1);
  CHECK(visits[0]->mentions.size() == 3);
  // The reports stay reports, one per article: "said" is not the invitation.
  for (const auto& e : s.events)
    if (e.cls == "REPORTING") CHECK(e.mentions.size() == 1);
  // Any order of the articles, the same story.
  const auto reversed = merge::build_story({c, b, a});
  REQUIRE(reversed.events.size() == s.events.size());
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    CHECK(reversed.events[k].id == s.events[k].id);
    CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
}

TEST_CASE("a passive's \"by\" phrase is who acted", "[merge][undated][passive]") {
  const auto a = call_article("a", "Officials said Trump was invited by Xi to China.");
  const auto b = call_article("b", "Officials said Xi invited Trump to China.");
  const auto s = merge::build_story({a, b});
  const auto invited = with_lemma(s, "invite");
  REQUIRE(invited.size() == 1);
  CHECK(invited[0]->mentions.size() == 2);
  const auto reversed = merge::build_story({b, a});
  REQUIRE(reversed.events.size() == s.events.size());
  for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
}

TEST_CASE("a passive without a \"by\" phrase joins the one retelling of its act on the same story event",
          "[merge][undated][passive][agentless]") {
  const auto docs_of = lemma_docs;
  using nodes = std::vector<std::set<std::string>>;
  const auto a = call_article("a", "Xinhua said Trump initiated the call with Xi.");
  const auto b = call_article("b", "The foreign ministry said the call was initiated at Trump\xE2\x80\x99s request.");
  SECTION("the one initiation of the call told, in any order") {
    const auto s = merge::build_story({a, b});
    CHECK(docs_of(s, "initiate") == nodes{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("two initiators told: which one it tells is not known") {
    const auto c = call_article("c", "Xinhua said Xi initiated the call with Trump.");
    CHECK(docs_of(merge::build_story({a, b, c}), "initiate") == nodes{{"a"}, {"b"}, {"c"}});
  }
  SECTION("an act on no story event, or on another one, is not compared") {
    const auto c = call_article("c", "The foreign ministry said the talks were initiated at Trump\xE2\x80\x99s request.");
    CHECK(docs_of(merge::build_story({a, c}), "initiate") == nodes{{"a"}, {"c"}});
  }
  SECTION("what it was done to is not the group's agent") {
    // "Trump was invited to the call" is Xi's invitation of Trump, never Trump's of Xi.
    const auto xi = call_article("x", "Officials said Xi invited Trump to the call.");
    const auto trump = call_article("y", "Officials said Trump invited Xi to the call.");
    const auto passive = call_article("z", "Officials said Trump was invited to the call.");
    const auto s = merge::build_story({xi, trump, passive});
    CHECK(docs_of(s, "invite") == nodes{{"x", "z"}, {"y"}});
  }
}

TEST_CASE("undated events whose participants, reality, polarity or bounds differ are never merged",
          "[merge][undated]") {
  SECTION("who invited whom: Xi's invitation to Trump is not Trump's invitation to Xi") {
    const auto a = call_article("a", "Xi invited Trump to visit China.");
    const auto b = call_article("b", "Trump invited Xi to visit the United States.");
    const auto s = merge::build_story({a, b});
    CHECK(telling(s, invitation, "Xi invited Trump").size() == 1);
    CHECK(telling(s, invitation, "Trump invited Xi").size() == 1);
    CHECK(telling(s, invitation, "Xi invited Trump")[0] != telling(s, invitation, "Trump invited Xi")[0]);
    // Nor is Trump's visit to China Xi's visit to the United States.
    const auto to_china = telling(s, {"visit"}, "visit China");
    const auto to_us = telling(s, {"visit"}, "visit the United States");
    REQUIRE(to_china.size() == 1);
    REQUIRE(to_us.size() == 1);
    CHECK(to_china[0] != to_us[0]);
  }
  SECTION("the same visitor, another place") {
    const auto a = call_article("a", "Trump visited China.");
    const auto b = call_article("b", "Trump visited Japan.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "visit").size() == 2);
  }
  SECTION("what happened is not what is planned") {
    const auto a = call_article("a", "Xi invited Trump to China.");
    const auto b = call_article("b", "Xi will invite Trump to China.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("what did not happen is not what happened") {
    const auto a = call_article("a", "Xi invited Trump to China.");
    const auto b = call_article("b", "Xi did not invite Trump to China.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("bounds that do not overlap") {
    auto a = call_article("a", "Xi invited Trump to China.");
    auto b = call_article("b", "Xi invited Trump to China.");
    for (auto& e : a.events)
      if (e.lemma == "invite") e.when_not_after = "2025-04-30";
    for (auto& e : b.events)
      if (e.lemma == "invite") e.when_not_before = "2025-05-01";
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("articles that share no dated event are not one story") {
    const auto a = analyse("a", "Xi invited Trump to China.", {}, "2025-06-05", true);
    const auto b = analyse("b", "Xi invited Trump to China.", {}, "2025-06-05", true);
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("one article's two tellings are left to the events stage") {
    const auto a = call_article("a", "Xi invited Trump to China. Xi invited Trump to China again.");
    const auto b = call_article("b", "Xi invited Trump to China.");
    const auto s = merge::build_story({a, b});
    for (const auto* e : with_lemma(s, "invite")) {
      std::set<std::string> docs;
      for (const auto& m : e->mentions) docs.insert(m.doc);
      CHECK(docs.size() == e->mentions.size());
    }
  }
  SECTION("a passive's subject is not who acted") {
    const auto a = call_article("a", "Officials said Trump was invited by Xi to China.");
    const auto b = call_article("b", "Officials said Trump invited Xi to China.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("a passive without its \"by\" phrase names no one who acted") {
    const auto a = call_article("a", "Officials said Trump was invited to China.");
    const auto b = call_article("b", "Officials said Xi invited Trump to China.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "invite").size() == 2);
  }
  SECTION("an unlisted verb needs its patients named on both sides") {
    const auto a = call_article("a", "Xi asked Trump to withdraw the measures.");
    const auto b = call_article("b", "Xi asked to withdraw the measures.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "ask").size() == 2);
  }
}

TEST_CASE("a reciprocal verb with no object is the act it answers, done back", "[merge][undated][reciprocal]") {
  // "Xi invited him ..., and I reciprocated": Trump invited Xi, what the other articles say.
  const auto a = call_article("a", "Xi invited Trump to visit China, and Trump reciprocated.");
  const auto b = call_article("b", "Trump invited Xi to visit the United States.");
  const auto c = call_article("c", "Trump extended an invitation to Xi.");
  SECTION("it joins the answering act told by other articles, not the act it answers") {
    const auto s = merge::build_story({a, b, c});
    // Xi's invitation (a) and Trump's (b, c, and a's reciprocation): two events.
    const story_event* xis = nullptr;
    const story_event* trumps = nullptr;
    for (const auto& e : s.events) {
      if (!invitation.count(e.lemma) || e.actors.empty()) continue;
      (e.actors.front() == "Xi" ? xis : trumps) = &e;
    }
    REQUIRE(xis);
    REQUIRE(trumps);
    CHECK(xis->mention_ids.size() == 1);
    CHECK(xis->mentions[0].doc == "a");
    std::set<std::string> docs;
    for (const auto& m : trumps->mentions) docs.insert(m.doc);
    CHECK(docs == std::set<std::string>{"a", "b", "c"});
    CHECK(with_lemma(s, "reciprocate").empty());
    // Any order of the articles, the same story.
    const auto reversed = merge::build_story({c, b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("never the act it answers: Xi's invitation is not the reciprocation") {
    const auto d = call_article("d", "Xi invited Trump to visit China.");
    const auto s = merge::build_story({a, d});
    for (const auto* e : telling(s, {"invite", "invitation", "reciprocate"}, "Trump reciprocated"))
      for (const auto& id : e->mention_ids)
        if (id.rfind("a:", 0) == 0 && e->lemma == "reciprocate") CHECK(e->mentions.size() == 1);
    const auto xis = telling(s, invitation, "Xi invited Trump");
    REQUIRE(xis.size() == 1);
    CHECK(xis[0]->mentions.size() == 2);
    CHECK(with_lemma(s, "reciprocate").size() == 1);
    CHECK(with_lemma(s, "reciprocate")[0]->mentions.size() == 1);
  }
  SECTION("with nothing it answers it stays its own") {
    const auto d = call_article("d", "Officials said Trump reciprocated.");
    const auto s = merge::build_story({d, b});
    REQUIRE(with_lemma(s, "reciprocate").size() == 1);
    CHECK(with_lemma(s, "reciprocate")[0]->mentions.size() == 1);
  }
  SECTION("another act answered is not an invitation") {
    const auto d = call_article("d", "Xi praised Trump, and Trump reciprocated.");
    const auto s = merge::build_story({d, b});
    REQUIRE(with_lemma(s, "reciprocate").size() == 1);
    CHECK(with_lemma(s, "reciprocate")[0]->mentions.size() == 1);
  }
}

TEST_CASE("undated acts on one story event by the same agent are one event", "[merge][undated][object]") {
  // "China violated the agreement" / "China has totally violated its agreement with us": the
  // words around the verb differ, the agreement is one story event (dated here by each article).
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, "Trump and Xi held a phone call on Thursday. The two sides reached an agreement on May 12. " + text,
                   {{"Thursday", "2025-06-05"}, {"May 12", "2025-05-12"}}, "2025-06-05", true);
  };
  SECTION("the same agreement violated by the same agent") {
    const auto a = article("a", "Officials said China violated the agreement by keeping a tight grip on exports.");
    const auto b = article("b", "Trump posted that China has totally violated its agreement with the United States.");
    const auto s = merge::build_story({a, b});
    const auto agreements = with_lemma(s, "agreement");
    REQUIRE(agreements.size() == 1);
    REQUIRE(agreements[0]->mentions.size() >= 2);
    const auto violations = with_lemma(s, "violate");
    REQUIRE(violations.size() == 1);
    CHECK(violations[0]->mentions.size() == 2);
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another agent is another act") {
    const auto a = article("a", "Officials said China violated the agreement by keeping a tight grip on exports.");
    const auto b = article("b", "Beijing said the United States has violated its agreement with China.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "violate").size() == 2);
  }
  SECTION("an act on another event is another act") {
    const auto a = article("a", "Officials said China violated the agreement by keeping a tight grip on exports.");
    // (Not "the ceasefire": a definite noun of the agreement's frame, with no date of its own, is the
    // story's one agreement.)
    const auto b =
        analyse("b", "Trump and Xi held a phone call on Thursday. Officials said China violated the 1953 armistice.",
                {{"Thursday", "2025-06-05"}, {"1953", "1953"}}, "2025-06-05", true);
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "violate").size() == 2);
  }
}

TEST_CASE("an infinitive acts through its controller, on the common noun it takes", "[merge][undated][control]") {
  // "Mr. Trump's decision to revoke visas", "Trump has vowed to revoke student visas": the
  // revoking is Trump's (the noun's possessor, the controlling verb's subject) and acts on visas;
  // "his administration has vowed to revoke some of their visas" names no one, and joins the one
  // group that revokes visas.
  const auto revokes = [](const story& s) { return lemma_docs(s, "revoke"); };
  using nodes = std::vector<std::set<std::string>>;
  const auto a = call_article("a", "Beijing chafed at Mr. Trump\xE2\x80\x99s decision to revoke visas of Chinese students.");
  const auto b = call_article("b", "Officials said Trump has vowed to revoke student visas.");
  const auto c = call_article("c", "Officials said his administration has vowed to revoke some of their visas.");
  SECTION("one plan told three ways, in any order") {
    const auto s = merge::build_story({a, b, c});
    CHECK(revokes(s) == nodes{{"a", "b", "c"}});
    const auto reversed = merge::build_story({c, b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another thing acted on") {
    const auto d = call_article("d", "Officials said Trump has vowed to revoke the licenses.");
    CHECK(revokes(merge::build_story({a, d})) == nodes{{"a"}, {"d"}});
  }
  SECTION("another controller") {
    const auto d = call_article("d", "Officials said Xi has vowed to revoke student visas.");
    CHECK(revokes(merge::build_story({a, d})) == nodes{{"a"}, {"d"}});
  }
  SECTION("no one named, and two groups it could join") {
    const auto d = call_article("d", "Officials said Xi has vowed to revoke student visas.");
    CHECK(revokes(merge::build_story({a, c, d})) == nodes{{"a"}, {"c"}, {"d"}});
  }
  SECTION("negated, or done rather than planned") {
    const auto d = call_article("d", "Officials said Trump has decided not to revoke student visas.");
    const auto e = call_article("e", "Officials said Trump revoked student visas.");
    CHECK(revokes(merge::build_story({b, d, e})) == nodes{{"b"}, {"d"}, {"e"}});
  }
  SECTION("an object's verb: the object acts") {
    const auto d = call_article("d", "Officials said Xi asked Trump to revoke student visas.");
    const auto e = call_article("e", "Officials said Xi has vowed to revoke student visas.");
    CHECK(revokes(merge::build_story({d, e})) == nodes{{"d"}, {"e"}});
  }
}

TEST_CASE("the beginning or end of one story event told by several articles is one event", "[merge][undated][phase]") {
  const auto nodes = [](const story& s, const std::string& lemma) {
    std::vector<std::set<std::string>> out;
    for (const auto* e : with_lemma(s, lemma)) {
      std::set<std::string> docs;
      for (const auto& m : e->mentions) docs.insert(m.doc);
      out.push_back(docs);
    }
    return out;
  };
  const auto a = call_article("a", "Trump announced new talks after concluding the phone call with Xi.");
  // 004's words: its parse makes "President Xi" a subject of "concluded" (with "with" before it):
  // not who concluded the call.
  const auto b = analyse("b", "President Donald Trump said he had a lengthy phone call with Chinese President Xi Jinping on "
                              "Thursday, as the leaders held their first known phone call of Trump\xE2\x80\x99s term. \xE2\x80\x9CI "
                              "just concluded a very good phone call with President Xi, of China, discussing some of the "
                              "intricacies of our recently made, and agreed to, Trade Deal,\xE2\x80\x9D Trump said in a post on "
                              "Truth Social.",
                         {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
  SECTION("the same end of the same call, a participle after \"after\" as real as its clause, in any order") {
    const auto s = merge::build_story({a, b});
    CHECK(nodes(s, "conclude") == std::vector<std::set<std::string>>{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("\"before concluding\" does not say it happened") {
    const auto c = call_article("c", "Trump announced new talks before concluding the phone call with Xi.");
    CHECK(nodes(merge::build_story({c, b}), "conclude").size() == 2);
  }
  SECTION("another agent, or the end of another event, is another end") {
    const auto c = call_article("c", "Xi concluded the phone call with Trump.");
    CHECK(nodes(merge::build_story({c, b}), "conclude").size() == 2);
    const auto d = call_article("d", "Trump concluded a trade deal with Japan.");
    CHECK(nodes(merge::build_story({d, b}), "conclude").size() == 2);
  }
  SECTION("a phase an event may have many times is not compared") {
    const auto c = call_article("c", "Trump resumed the phone call with Xi.");
    const auto d = call_article("d", "Trump resumed the phone call with Xi.");
    CHECK(nodes(merge::build_story({c, d}), "resume").size() == 2);
  }
}

TEST_CASE("what several articles say of one story event, as its subject, is one event", "[merge][undated][predicate]") {
  const auto docs_of = lemma_docs;
  using nodes = std::vector<std::set<std::string>>;
  // Dated by the call it is said of (a, d), undated (b: its subject is the relative pronoun; c:
  // a passive).
  const auto article = [](const std::string& id, const std::string& text, const std::string& surface,
                           const std::string& duration) {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text,
                   {{"Thursday", "2025-06-05"}, {surface, duration}}, "2025-06-05", true);
  };
  const auto a = article("a", "The call lasted approximately 90 minutes, Trump said.", "approximately 90 minutes", "PT90M");
  const auto b = article("b", "Trump wrote on his platform after the call, which he said lasted an hour and a half.",
                         "an hour and a half", "PT1H30M");
  const auto c = article("c", "Trump said the 1 1/2-hour conversation was focused almost entirely on trade.", "1 1/2-hour",
                         "PT1H30M");
  const auto d = call_article("d", "Trump said the call had focused on trade disputes.");
  SECTION("the same predicate of the same call, in any order") {
    const auto s = merge::build_story({a, b, c, d});
    CHECK(docs_of(s, "last") == nodes{{"a", "b"}});
    CHECK(docs_of(s, "focus") == nodes{{"c", "d"}});
    const auto reversed = merge::build_story({d, c, b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another duration, another theme, another subject: apart") {
    const auto longer =
        article("e", "Trump wrote on his platform after the call, which he said lasted two hours.", "two hours", "PT2H");
    CHECK(docs_of(merge::build_story({a, longer}), "last") == nodes{{"a"}, {"e"}});
    const auto taiwan = call_article("e", "Trump said the conversation was focused almost entirely on Taiwan.");
    CHECK(docs_of(merge::build_story({taiwan, d}), "focus") == nodes{{"d"}, {"e"}});
    const auto talks = call_article("e", "Officials said the talks, which he said lasted an hour and a half, went well.");
    CHECK(docs_of(merge::build_story({a, talks}), "last").size() == 2);
  }
  SECTION("dated tellings of one event that give different durations are reported") {
    // Both dated by the call: date merging joins them; the sources disagree, and it is said.
    const auto conflicts = [](const story& s) {
      return std::count_if(s.diagnostics.begin(), s.diagnostics.end(), [](const story_diagnostic& diag) {
        return diag.rule == "merge.quantity_conflict" && diag.message.find("durations") != std::string::npos;
      });
    };
    const auto two = article("e", "The call lasted two hours, Trump said.", "two hours", "PT2H");
    const auto s = merge::build_story({a, two});
    CHECK(docs_of(s, "last") == nodes{{"a", "e"}});
    CHECK(conflicts(s) == 1);
    const auto same = article("e", "The call lasted an hour and a half, Trump said.", "an hour and a half", "PT1H30M");
    CHECK(conflicts(merge::build_story({a, same})) == 0);
  }
  SECTION("a later sentence of one article that says the same of the event joins it") {
    // The nodes of the article's "focus" mentions.
    const auto focus_nodes = [&](const merge::document_analysis& art) {
      const auto node = merge::node_of_mentions(merge::build_story({art, d}));
      std::set<std::string> out;
      std::size_t mentions = 0;
      for (const auto& ev : art.events)
        if (ev.lemma == "focus") {
          ++mentions;
          REQUIRE(node.count(art.annotated.doc.id + ":" + ev.id));
          out.insert(node.at(art.annotated.doc.id + ":" + ev.id));
        }
      REQUIRE(mentions == 2);
      return out.size();
    };
    // The article names two occasions, so its reports are not one statement (which would join
    // what they report by itself): the predicate is known by what it says.
    const std::string occasions = "Trump said in a post on Truth Social that the call had focused on trade disputes. "
                                  "Speaking later in the Oval Office, Trump said the talks went well. ";
    CHECK(focus_nodes(call_article(
              "e", occasions + "\u201CThe conversation was focused almost entirely on TRADE,\u201D Mr. Trump said.")) == 1);
    CHECK(focus_nodes(call_article(
              "e", occasions + "\u201CThe conversation was focused almost entirely on Taiwan,\u201D Mr. Trump said.")) == 2);
  }
  SECTION("what is not told as having happened stays apart") {
    const auto planned = call_article("e", "Trump said the next conversation will be focused on trade.");
    CHECK(docs_of(merge::build_story({planned, d}), "focus") == nodes{{"d"}, {"e"}});
    const auto negated = call_article("e", "Trump said the conversation was not focused on trade.");
    CHECK(docs_of(merge::build_story({negated, d}), "focus") == nodes{{"d"}, {"e"}});
  }
}

TEST_CASE("an event noun a planned occurrence acts on is part of the plan", "[merge][undated][planned]") {
  const auto b = call_article("b", "Trump announced the upcoming negotiations.");
  const auto docs = [](const story_event& e) {
    std::set<std::string> out;
    for (const auto& m : e.mentions) out.insert(m.doc);
    return out;
  };
  SECTION("\"will represent the U.S. in the negotiations\" is the upcoming negotiations") {
    const auto a = call_article("a", "Bessent will represent the United States in the negotiations.");
    const auto s = merge::build_story({a, b});
    const auto n = with_lemma(s, "negotiation");
    REQUIRE(n.size() == 1);
    CHECK(docs(*n[0]) == std::set<std::string>{"a", "b"});
    const auto reversed = merge::build_story({b, a});
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("negotiations someone took part in are not the plan") {
    const auto a = call_article("a", "Bessent represented the United States in the negotiations.");
    const auto s = merge::build_story({a, b});
    CHECK(with_lemma(s, "negotiation").size() == 2);
  }
}

TEST_CASE("a plan told with the same verb and participants in other roles is another plan", "[merge][undated]") {
  // "Trump will visit Xi in China" and "Xi will visit Trump in Washington" share the verb and two
  // participants, but not who acts.
  const auto a = analyse("a", "Officials said Trump will visit Xi in China.", {}, "2025-06-05", true);
  const auto b = analyse("b", "Officials said Xi will visit Trump in Washington.", {}, "2025-06-05", true);
  const auto c = analyse("c", "Officials said Trump will visit Xi in Beijing.", {}, "2025-06-05", true);
  const auto s = merge::build_story({a, b, c});
  const auto visits = with_lemma(s, "visit");
  REQUIRE(visits.size() == 2);
  for (const auto* v : visits) {
    std::set<std::string> docs;
    for (const auto& m : v->mentions) docs.insert(m.doc);
    CHECK((docs == std::set<std::string>{"a", "c"} || docs == std::set<std::string>{"b"}));
  }
}

TEST_CASE("a request told as a verb, a possessed noun or an adjunct is one event", "[merge][undated][request]") {
  // The Chinese side's readout told three ways: "Trump had requested the call" (dated by the
  // report's "Thursday"), "the call was initiated at Trump's request", "held phone talks with
  // Trump at the latter's request" (the quotation's adjunct, which the parse hangs on "said").
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, "Trump and Xi held a phone call on June 5. " + text,
                   {{"June 5", "2025-06-05"}, {"Thursday", "2025-06-05"}, {"May 20", "2025-05-20"}}, "2025-06-05", true);
  };
  const auto docs = [](const story_event& e) {
    std::set<std::string> out;
    for (const auto& m : e.mentions) out.insert(m.doc);
    return out;
  };
  const auto a = article("a", "China's embassy said on Thursday that Trump had requested the call with Xi.");
  const auto b = article("b", "The foreign ministry said the call was initiated at Trump\xE2\x80\x99s request.");
  const auto c = article("c", "The embassy said Mr. Xi \xE2\x80\x9Cheld phone talks with U.S. President Donald Trump at the "
                              "latter\xE2\x80\x99s request.\xE2\x80\x9D");
  SECTION("one request, in any order") {
    const auto s = merge::build_story({a, b, c});
    const auto requests = with_lemma(s, "request");
    REQUIRE(requests.size() == 1);
    CHECK(docs(*requests[0]) == std::set<std::string>{"a", "b", "c"});
    CHECK(requests[0]->actors.front() == "Trump");
    const auto reversed = merge::build_story({c, b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another requester is another request") {
    const auto d = article("d", "The foreign ministry said the call was initiated at Xi\xE2\x80\x99s request.");
    const auto s = merge::build_story({a, d});
    CHECK(with_lemma(s, "request").size() == 2);
    const auto e = article("e", "The embassy said Mr. Xi \xE2\x80\x9Cheld phone talks with U.S. President Donald Trump at "
                                "the former\xE2\x80\x99s request.\xE2\x80\x9D");
    CHECK(with_lemma(merge::build_story({a, e}), "request").size() == 2);
  }
  SECTION("a request for something else done to the event is another request") {
    // Asking that the call be cut short is not asking for the call.
    const auto d = article("d", "The foreign ministry said the call was cut short at Trump\xE2\x80\x99s request.");
    const auto s = merge::build_story({a, d});
    CHECK(with_lemma(s, "request").size() == 2);
  }
  SECTION("a request of another day is another request") {
    // The same requester asking for the same call, on May 20 and on Thursday: two requests.
    const auto d = article("d", "On May 20, Trump requested the call with Xi.");
    const auto s = merge::build_story({a, d});
    const auto requests = with_lemma(s, "request");
    REQUIRE(requests.size() == 2);
    for (const auto* r : requests) CHECK(docs(*r).size() == 1);
    // On the same day, one.
    const auto e = article("e", "On Thursday, Trump requested the call with Xi.");
    const auto both = merge::build_story({a, e});
    const auto same = with_lemma(both, "request");
    REQUIRE(same.size() == 1);
    CHECK(docs(*same[0]) == std::set<std::string>{"a", "e"});
  }
  SECTION("a request the clause went against asks for something else") {
    const auto d = article("d", "The foreign ministry said the call was initiated despite Trump\xE2\x80\x99s request.");
    const auto s = merge::build_story({a, d});
    CHECK(with_lemma(s, "request").size() == 2);
  }
  SECTION("a request with no named requester is not compared") {
    const auto d = article("d", "The foreign ministry said the call was initiated at the request of the other side.");
    const auto s = merge::build_story({a, b, d});
    for (const auto* r : with_lemma(s, "request"))
      if (docs(*r).count("d")) CHECK(docs(*r).size() == 1);
  }
}

TEST_CASE("an undated event noun known by the change it caused is the one dated event that caused such changes",
          "[merge][cause]") {
  // "violating an agreement that brought down tariffs": the May 12 agreement is the story's one
  // agreement that lowered tariffs, and the article tells it.
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text,
                   {{"Thursday", "2025-06-05"}, {"May 12", "2025-05-12"}, {"April 2", "2025-04-02"}}, "2025-06-05", true);
  };
  const auto docs = [](const story_event& e) {
    std::multiset<std::string> out;
    for (const auto& m : e.mentions) out.insert(m.doc);
    return out;
  };
  const auto agreement_docs = [&](const story& s, const std::string& value) {
    for (const auto& e : s.events)
      if (e.lemma == "agreement" && e.when.value == value) return docs(e);
    return std::multiset<std::string>{};
  };
  const auto a = article("a", "The May 12 agreement in Geneva lowered tariffs to 30%.");
  const std::string told = "The May 12 agreement in Geneva ended the trade war. ";
  SECTION("the one agreement that lowered tariffs, told by the article") {
    const auto b = article("b", told + "Both sides accused the other of violating an agreement that brought down tariffs.");
    const auto s = merge::build_story({a, b});
    CHECK(agreement_docs(s, "2025-05-12") == std::multiset<std::string>{"a", "b", "b"});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("not when the article does not tell the dated agreement") {
    const auto b = article("b", "Both sides accused the other of violating an agreement that brought down tariffs.");
    CHECK(agreement_docs(merge::build_story({a, b}), "2025-05-12") == std::multiset<std::string>{"a"});
  }
  SECTION("not when two dated agreements lowered tariffs") {
    const auto b = article("b", told + "Both sides accused the other of violating an agreement that brought down tariffs.");
    const auto c = article("c", "The April 2 agreement in London lowered tariffs to 50%.");
    const auto s = merge::build_story({a, b, c});
    CHECK(agreement_docs(s, "2025-05-12") == std::multiset<std::string>{"a", "b"});
    CHECK(agreement_docs(s, "2025-04-02") == std::multiset<std::string>{"c"});
  }
  SECTION("not an agreement that did something else") {
    const auto b = article("b", told + "Both sides accused the other of violating an agreement that raised tariffs.");
    CHECK(agreement_docs(merge::build_story({a, b}), "2025-05-12") == std::multiset<std::string>{"a", "b"});
  }
}

TEST_CASE("reports of one speaker and day that quote the same words are one statement", "[merge][statement]") {
  const std::string quote = "Our respective teams will be meeting shortly at a location to be determined,";
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, dct, true);
  };
  const auto statements = [](const story& s) {
    std::vector<std::set<std::string>> out;
    for (const auto& e : s.events)
      if (e.cls == "REPORTING" && (e.lemma == "write" || e.lemma == "say")) {
        std::set<std::string> docs;
        for (const auto& m : e.mentions) docs.insert(m.doc);
        out.push_back(docs);
      }
    return out;
  };
  const auto a = article("a", "\xE2\x80\x9C" + quote + "\xE2\x80\x9D Trump wrote on his social media platform after the call, "
                              "which he said lasted an hour and a half.");
  SECTION("the same words, speaker and day") {
    const auto b = article("b", "\"" + quote + "\" Mr. Trump wrote on Truth Social.");
    const auto s = merge::build_story({a, b});
    const auto st = statements(s);
    CHECK(std::count(st.begin(), st.end(), std::set<std::string>{"a", "b"}) == 1);
    // "which he said lasted an hour and a half" introduces no quotation: its own.
    CHECK(std::count(st.begin(), st.end(), std::set<std::string>{"a"}) == 1);
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another speaker, another day, a paraphrase or a short quotation is another statement") {
    const auto other_speaker = article("b", "\"" + quote + "\" Mr. Xi wrote on Weibo.");
    const auto other_day = article("b", "\"" + quote + "\" Mr. Trump wrote on Truth Social.", "2025-06-06");
    const auto paraphrase = article("b", "Mr. Trump wrote that their teams would meet soon at a place still to be decided.");
    const auto short_quote = article("b", "\xE2\x80\x9COur respective teams will be meeting,\xE2\x80\x9D Mr. Trump wrote.");
    // Quoted with no venue: a post's reports are one post whatever they quote ("[post]").
    const auto said = article("a", "\xE2\x80\x9C" + quote + "\xE2\x80\x9D Trump wrote after the call.");
    for (const auto* b : {&other_speaker, &other_day, &paraphrase, &short_quote}) {
      const auto st = statements(merge::build_story({said, *b}));
      CHECK(std::count(st.begin(), st.end(), std::set<std::string>{"a", "b"}) == 0);
    }
  }
}

TEST_CASE("reports of one speaker and day of an event only that speaker tells are one statement",
          "[merge][statement][content]") {
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text,
                   {{"Thursday", "2025-06-05"}, {"approximately 90 minutes", "PT90M"}, {"an hour and a half", "PT1H30M"}},
                   dct, true);
  };
  const auto statements = [](const story& s) { return statement_docs(s); };
  using nodes = std::vector<std::set<std::string>>;
  const auto a = article("a", "The call lasted approximately 90 minutes, Trump said on Truth Social.");
  const auto b = article("b", "Trump said the call lasted an hour and a half.");
  SECTION("the same speaker, day and reported event, in any order") {
    const auto s = merge::build_story({a, b});
    CHECK(statements(s) == nodes{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another speaker, another day, another venue: another statement") {
    const auto xi = article("c", "Xi said the call lasted an hour and a half.");
    CHECK(statements(merge::build_story({a, xi})) == nodes{{"a"}, {"c"}});
    const auto later = article("c", "Trump said the call lasted an hour and a half.", "2025-06-06");
    CHECK(statements(merge::build_story({a, later})) == nodes{{"a"}, {"c"}});
    const auto oval = article("c", "Trump told reporters in the Oval Office the call lasted an hour and a half.");
    CHECK(statements(merge::build_story({a, oval})) == nodes{{"a"}, {"c"}});
  }
  SECTION("an event an article tells itself does not tell one statement from another") {
    // c says the call lasted 90 minutes in its own words too: the duration is no longer only
    // Trump's, so it does not show that the two reports are one statement.
    const auto c = article("c", "The call lasted approximately 90 minutes, officials said. Trump said the call lasted an hour and "
                                "a half.");
    const auto s = merge::build_story({c, b});
    CHECK(with_lemma(s, "last").size() == 1);
    CHECK(statements(s) == nodes{{"b"}, {"c"}, {"c"}});
  }
}

TEST_CASE("events at the same place of one speaker's quoted words are one event", "[merge][quoted]") {
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, dct, true);
  };
  // The documents of each story event of a lemma, and the texts of its mentions.
  const auto nodes = [](const story& s, const std::string& lemma) {
    std::vector<std::multiset<std::string>> out;
    for (const auto& e : s.events)
      if (e.lemma == lemma) {
        std::multiset<std::string> docs;
        for (const auto& m : e.mentions) docs.insert(m.doc);
        out.push_back(docs);
      }
    std::sort(out.begin(), out.end());
    return out;
  };
  using nodes_t = std::vector<std::multiset<std::string>>;
  const std::string quote = "The talks resulted in a very positive conclusion for both Countries";
  const auto a = article("a", "\xE2\x80\x9C" + quote + ", and our farmers will celebrate soon,\xE2\x80\x9D Trump wrote.");
  SECTION("the same words of the same speaker: one event, whatever the input order") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D Mr. Trump said.");
    const auto s = merge::build_story({a, b});
    CHECK(nodes(s, "result") == nodes_t{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("twice in one document") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D Mr. Trump said. Trump wrote that the talks \xE2\x80\x9C" +
                                    quote.substr(10) + ".\xE2\x80\x9D");
    CHECK(nodes(merge::build_story({b}), "result") == nodes_t{{"b", "b"}});
  }
  SECTION("not another speaker's words") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D Mr. Xi said.");
    CHECK(nodes(merge::build_story({a, b}), "result") == nodes_t{{"a"}, {"b"}});
  }
  SECTION("not another day's") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D Mr. Trump said.", "2025-06-07");
    CHECK(nodes(merge::build_story({a, b}), "result") == nodes_t{{"a"}, {"b"}});
  }
  SECTION("not a trigger outside the shared run, unless the one statement tells it") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ", and the farmers will not celebrate,\xE2\x80\x9D Mr. Trump said.");
    const auto s = merge::build_story({a, b});
    CHECK(nodes(s, "result") == nodes_t{{"a", "b"}});
    CHECK(nodes(s, "celebrate") == nodes_t{{"a"}, {"b"}});
    // Worded otherwise but said in the same statement: "what one statement says" joins it.
    const auto c = article("c", "\xE2\x80\x9C" + quote + ", and the farmers will celebrate soon,\xE2\x80\x9D Mr. Trump said.");
    CHECK(nodes(merge::build_story({a, c}), "celebrate") == nodes_t{{"a", "c"}});
  }
  SECTION("not the same word in another quotation") {
    const auto b = article("b", "\xE2\x80\x9C" + quote + ",\xE2\x80\x9D Mr. Trump said. \xE2\x80\x9COur farmers will celebrate "
                                "nothing,\xE2\x80\x9D Mr. Trump wrote later.");
    const auto s = merge::build_story({a, b});
    CHECK(nodes(s, "result") == nodes_t{{"a", "b"}});
    CHECK(nodes(s, "celebrate") == nodes_t{{"a"}, {"b"}});
  }
  SECTION("a quotation goes on in the next sentence, and a sentence's one speaker adds one") {
    const std::string rare = "There should no longer be any questions respecting the complexity of Rare Earth products.";
    const auto c = article("c", "\xE2\x80\x9CThe call lasted an hour,\xE2\x80\x9D Mr. Trump said. \xE2\x80\x9C" + rare + "\xE2\x80\x9D");
    const auto d = article("d", "Trump said the call \xE2\x80\x9Clasted an hour,\xE2\x80\x9D adding, \xE2\x80\x9C" + rare + "\xE2\x80\x9D");
    CHECK(nodes(merge::build_story({c, d}), "respect") == nodes_t{{"c", "d"}});
    // Not a quotation after a sentence that quotes no one, nor one another speaker's report
    // right after it claims.
    const auto e = article("e", "The call lasted an hour. \xE2\x80\x9C" + rare + "\xE2\x80\x9D");
    CHECK(nodes(merge::build_story({d, e}), "respect") == nodes_t{{"d"}, {"e"}});
    const auto f = article("f", "\xE2\x80\x9CThe call lasted an hour,\xE2\x80\x9D Mr. Trump said. \xE2\x80\x9C" + rare +
                                    "\xE2\x80\x9D Mr. Xi replied.");
    CHECK(nodes(merge::build_story({d, f}), "respect") == nodes_t{{"d"}, {"f"}});
  }
}

TEST_CASE("undated event nouns on the same side of the same story event are one event", "[merge][undated][signal]") {
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, text, {{"Jan. 17", "2025-01-17"}}, "2025-06-05", true);
  };
  const auto inaugurations = [](const story& s) {
    std::vector<std::multiset<std::string>> out;
    for (const auto& e : s.events)
      if (e.lemma == "inauguration") {
        std::multiset<std::string> docs;
        for (const auto& m : e.mentions) docs.insert(m.doc);
        out.push_back(docs);
      }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto a = article("a", "Trump and Xi spoke on Jan. 17, prior to the U.S. president's inauguration.");
  SECTION("the same noun after the same call, told by two articles") {
    const auto b = article("b", "Trump and Xi spoke on Jan. 17, before the U.S. president's inauguration.");
    const auto s = merge::build_story({a, b});
    CHECK(inaugurations(s) == std::vector<std::multiset<std::string>>{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("not on the other side of the call") {
    const auto b = article("b", "Trump and Xi spoke on Jan. 17, after the U.S. president's inauguration.");
    CHECK(inaugurations(merge::build_story({a, b})).size() == 2);
  }
  SECTION("not with other participants") {
    const auto b = article("b", "Trump and Xi spoke on Jan. 17, before the Brazilian president's inauguration.");
    CHECK(inaugurations(merge::build_story({a, b})).size() == 2);
  }
  SECTION("not without a signal that orders them") {
    // (The call's time is not the inauguration's: the inauguration is what they spoke about.)
    const auto b = article("b", "Trump and Xi spoke on Jan. 17 about the U.S. president's inauguration.");
    CHECK(inaugurations(merge::build_story({a, b})).size() == 2);
  }
}

TEST_CASE("who acted is read from a common-noun subject's names when the subject names no one",
          "[merge][subject]") {
  // Reactions of one day to one bombing: the Cypriot government's and Iran's condemnations are
  // two acts. "The Cypriot government" names no subject for the events stage (its head is no
  // name), and the wire's "Saturday" between subject and verb is the parse's subject.
  const auto cyprus = analyse("cyprus",
                              "The Cypriot government Saturday strongly condemned two terrorist bomb attacks in "
                              "Kenya and Tanzania Friday, calling them an atrocious crime.",
                              {{"Saturday", "1998-08-08"}, {"Friday", "1998-08-07"}}, "1998-08-08", true);
  const auto iran = analyse("iran",
                            "Iran Saturday condemned the bombing of U.S. embassies in Kenya and Tanzania, and "
                            "expressed sympathy for the families of the victims.",
                            {{"Saturday", "1998-08-08"}}, "1998-08-09", true);
  // The same act told with the country's demonym ("The Iranian government") is Iran's.
  const auto iranian = analyse("iranian",
                               "The Iranian government on Saturday condemned the bombing of U.S. embassies in Kenya "
                               "and Tanzania, and expressed sympathy for the victims.",
                               {{"Saturday", "1998-08-08"}}, "1998-08-09", true);
  const auto docs_of = [](const story_event& e) {
    std::set<std::string> docs;
    for (const auto& m : e.mentions) docs.insert(m.doc);
    return docs;
  };
  SECTION("two governments' condemnations of one day stay two events, in either order") {
    for (const auto& s : {merge::build_story({cyprus, iran}), merge::build_story({iran, cyprus})}) {
      const auto condemn = with_lemma(s, "condemn");
      REQUIRE(condemn.size() == 2);
      for (const auto* e : condemn) CHECK(docs_of(*e).size() == 1);
    }
  }
  SECTION("the Iranian government's condemnation is Iran's") {
    for (const auto& s : {merge::build_story({iranian, iran}), merge::build_story({iran, iranian})}) {
      const auto condemn = with_lemma(s, "condemn");
      REQUIRE(condemn.size() == 1);
      CHECK(docs_of(*condemn[0]) == std::set<std::string>{"iran", "iranian"});
    }
  }
  SECTION("a listed demonym names its country: the Iranian government is not the Cypriot") {
    for (const auto& s : {merge::build_story({cyprus, iranian}), merge::build_story({iranian, cyprus})}) {
      const auto condemn = with_lemma(s, "condemn");
      REQUIRE(condemn.size() == 2);
      for (const auto* e : condemn) CHECK(docs_of(*e).size() == 1);
    }
  }
  SECTION("a person whose sentence names the subject's group may have acted for it") {
    // "The Danish delegation" and "Tyge Lehmann, the Danish ambassador" (the events stage's
    // subject: Tyge Lehmann; "Danish" is no participant): Danish is in both sentences, so
    // nothing contradicts.
    const auto delegation = analyse("delegation",
                                    "The Danish delegation will present a draft resolution before the UN Human Rights "
                                    "Commission on Thursday.",
                                    {{"Thursday", "1997-04-10"}}, "1997-04-09", true);
    const auto ambassador = analyse("ambassador",
                                    "Tyge Lehmann, the Danish ambassador, waited until the last minute before "
                                    "presenting the resolution to the UN Human Rights Commission in Geneva on "
                                    "Thursday.",
                                    {{"Thursday", "1997-04-10"}}, "1997-04-10", true);
    for (const auto& s : {merge::build_story({delegation, ambassador}), merge::build_story({ambassador, delegation})}) {
      const auto present = with_lemma(s, "present");
      REQUIRE(present.size() == 1);
      CHECK(docs_of(*present[0]) == std::set<std::string>{"ambassador", "delegation"});
    }
  }
  SECTION("a subject that names no one contradicts no one") {
    const auto officials = analyse("officials",
                                   "The government on Saturday condemned the bombing of U.S. embassies in Kenya and "
                                   "Tanzania.",
                                   {{"Saturday", "1998-08-08"}}, "1998-08-09", true);
    const auto s = merge::build_story({officials, iran});
    const auto condemn = with_lemma(s, "condemn");
    REQUIRE(condemn.size() == 1);
    CHECK(docs_of(*condemn[0]) == std::set<std::string>{"iran", "officials"});
  }
}

TEST_CASE("plans of one kind whose participants share no one are two plans", "[merge][planned]") {
  // Undated plans of one kind merge with no date to tell them apart; when both name who takes
  // part, they share someone ("he would talk to the High Council" is not the talks Mobutu and
  // Kabila will hold).
  // Both articles tell the Zaire story (their proper nouns are alike), so only the plans' own
  // participants can tell them apart.
  const auto talks = analyse("talks", "Mobutu and Kabila will hold talks in South Africa. Rebels in Zaire advanced "
                                      "on Kinshasa as Mobutu clung to power.",
                             {}, "1997-04-22", true);
  // Who will talk is a pronoun (no subject to contradict), but the plan names whom with.
  const auto likulia = analyse("likulia", "He said he would talk to the High Council of the Republic. Rebels in "
                                          "Zaire advanced on Kinshasa as Mobutu clung to power.",
                               {}, "1997-04-22", true);
  const auto meet = analyse("meet", "Kabila will meet Mobutu in South Africa.", {}, "1997-04-22", true);
  const auto upcoming = analyse("upcoming", "The rebels announced the upcoming talks.", {}, "1997-04-22", true);
  const auto planned_docs = [](const story& s) {
    std::vector<std::set<std::string>> out;
    for (const auto& e : s.events) {
      if (!e.when.value.empty() || !e.is_future || (e.lemma != "talk" && e.lemma != "meet")) continue;
      std::set<std::string> docs;
      for (const auto& m : e.mentions) docs.insert(m.doc);
      out.push_back(docs);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  SECTION("no one shared: two plans, in either order") {
    for (const auto& s : {merge::build_story({talks, likulia}), merge::build_story({likulia, talks})}) {
      const std::vector<std::set<std::string>> two{{"likulia"}, {"talks"}};
      CHECK(planned_docs(s) == two);
    }
  }
  SECTION("a participant shared, or none named on one side: one plan") {
    for (const auto& s : {merge::build_story({talks, meet, upcoming}), merge::build_story({upcoming, meet, talks})}) {
      const std::vector<std::set<std::string>> one{{"meet", "talks", "upcoming"}};
      CHECK(planned_docs(s) == one);
    }
  }
}

TEST_CASE("what a speaker posted on one day is one post, whatever part each report tells", "[merge][statement][post]") {
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text,
                   {{"Thursday", "2025-06-05"}, {"early Wednesday morning", "2025-06-04"}}, dct, true);
  };
  // Not a node of a post noun: that it joins its post is checked on its own.
  const auto statements = [](const story& s) { return statement_docs(s, "post"); };
  using nodes = std::vector<std::set<std::string>>;
  const auto a = article("a", "\xE2\x80\x9COur teams will be meeting shortly,\xE2\x80\x9D Trump wrote on his social media "
                              "platform.");
  SECTION("two parts of one post, in any order; the post noun is the post") {
    const auto b = article("b", "Trump said in a post on Truth Social that the conversation was very good.");
    const auto s = merge::build_story({a, b});
    CHECK(statements(s) == nodes{{"a", "b"}});
    CHECK(with_lemma(s, "post").empty());
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another day, another speaker, another post, several posts or no post at all stay apart") {
    for (const auto& text : {
             std::string("Xi wrote on Weibo that the conversation was very good."),
             std::string("In another post on Truth Social, Trump said the conversation was very good."),
             std::string("Trump posted again on Truth Social, saying the conversation was very good."),
             std::string("Trump has issued social media posts saying the conversation was very good."),
             std::string("Trump told reporters in the Oval Office that the conversation was very good."),
         }) {
      INFO(text);
      const auto b = article("b", text);
      for (const auto& docs : statements(merge::build_story({a, b}))) CHECK(docs.size() == 1);
    }
    const auto later = article("b", "Trump said in a post on Truth Social that the conversation was very good.", "2025-06-06");
    for (const auto& docs : statements(merge::build_story({a, later}))) CHECK(docs.size() == 1);
  }
  SECTION("a company that posted a loss posted nothing") {
    const auto x = analyse("x", "Acme posted a loss on Thursday.", {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
    const auto y = analyse("y", "Acme wrote on its blog on Thursday that sales fell.", {{"Thursday", "2025-06-05"}},
                           "2025-06-05", true);
    const auto s = merge::build_story({x, y});
    for (const auto& e : s.events) {
      std::set<std::string> docs;
      for (const auto& m : e.mentions) docs.insert(m.doc);
      CHECK(docs.size() == 1);
    }
  }
  SECTION("an undated post joins its speaker's dated report two sentences away, if there is one") {
    const auto c = article("c", "Ahead of the call, Trump praised Xi in a social media post. \xE2\x80\x9CHe is VERY TOUGH!!!\xE2\x80\x9D "
                                "Trump wrote early Wednesday morning.");
    // The event the praising is a mention of.
    const auto praised = [](const story& s) -> const story_event* {
      for (const auto& e : s.events)
        for (std::size_t k = 0; k < e.mentions.size(); ++k)
          if (e.mentions[k].text.find("praised Xi") != std::string::npos &&
              e.mention_ids[k] == e.mentions[k].doc + ":e4")
            return &e;
      return nullptr;
    };
    const auto s = merge::build_story({c});
    REQUIRE(praised(s));
    CHECK(praised(s)->when.value == "2025-06-04");
    CHECK(praised(s)->mentions.size() >= 2);
    // Two dated reports of the speaker nearby: which one is not known.
    const auto d = article("d", "Trump wrote on Thursday that talks would follow. Trump praised Xi in a social media "
                                "post. \xE2\x80\x9CHe is VERY TOUGH!!!\xE2\x80\x9D Trump wrote early Wednesday morning.");
    const auto sd = merge::build_story({d});
    const story_event* alone = nullptr;
    for (const auto& e : sd.events)
      if (e.lemma == "praise") alone = &e;
    REQUIRE(alone);
    CHECK(alone->when.value.empty());
    for (const auto& m : alone->mentions) CHECK(m.text.find("wrote") == std::string::npos);
  }
  SECTION("a report that names no venue and tells only what the post tells is the post") {
    const auto b = article("b", "Trump said the teams will be meeting shortly.");
    CHECK(statements(merge::build_story({a, b})) == nodes{{"a", "b"}});
    const auto more = article("b", "Trump said the teams will be meeting shortly and that tariffs would fall.");
    CHECK(statements(merge::build_story({a, more})) == nodes{{"a"}, {"b"}});
  }
}

TEST_CASE("a headline's event is the event its lede tells", "[merge][headline]") {
  const auto story_of = [](const std::string& text) {
    return merge::build_story({analyse("h", text, {{"Thursday", "2025-06-05"}}, "2025-06-05", true)});
  };
  // The events whose mentions include one in the first line.
  const auto agreeing = [](const story& s) {
    std::vector<const story_event*> out;
    for (const auto& e : s.events)
      if (e.lemma == "agree") out.push_back(&e);
    return out;
  };
  SECTION("the same verb and subject in the headline and the lede: one event, named by the lede") {
    const auto s = story_of("Trump, Xi agree to more trade talks\n\nTrump and Xi on Thursday agreed to further trade talks. "
                            "Markets rose.");
    const auto agree = agreeing(s);
    REQUIRE(agree.size() == 1);
    CHECK(agree[0]->mentions.size() == 2);
    CHECK(agree[0]->when.value == "2025-06-05");
    CHECK(agree[0]->summary.find("agreed") != std::string::npos);
  }
  SECTION("another subject, or a first line that is running text, keeps them apart") {
    CHECK(agreeing(story_of("Trump, Xi agree to more trade talks\n\nEU ministers on Thursday agreed to further trade "
                            "talks."))
              .size() == 2);
    CHECK(agreeing(story_of("Trump and Xi agreed to more trade talks.\n\nTrump and Xi on Thursday agreed to further trade "
                            "talks."))
              .size() == 2);
  }
}

TEST_CASE("what a speaker said at one occasion of one day is one statement", "[merge][statement][occasion]") {
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, dct, true);
  };
  const auto statements = [](const story& s) { return statement_docs(s); };
  using nodes = std::vector<std::set<std::string>>;
  const auto a = article("a", "\xE2\x80\x9CWe straightened it out,\xE2\x80\x9D Trump told reporters in the Oval Office.");
  SECTION("the same occasion, however the parse hangs it, in any order") {
    const auto b = article("b", "Trump, speaking later in the Oval Office, said students were welcome.");
    const auto s = merge::build_story({a, b});
    CHECK(statements(s) == nodes{{"a", "b"}});
    const auto reversed = merge::build_story({b, a});
    REQUIRE(reversed.events.size() == s.events.size());
    for (std::size_t k = 0; k < s.events.size(); ++k) CHECK(reversed.events[k].mention_ids == s.events[k].mention_ids);
  }
  SECTION("another occasion, day, speaker or addressee stays apart") {
    for (const auto& b : {article("b", "Trump told reporters at a news conference that students were welcome."),
                          article("b", "Trump told reporters in the Oval Office that students were welcome.", "2025-06-06"),
                          article("b", "Merz told reporters in the Oval Office that students were welcome."),
                          article("b", "Trump told Mr. Merz in the Oval Office that students were welcome.")}) {
      for (const auto& docs : statements(merge::build_story({a, b}))) CHECK(docs.size() == 1);
    }
  }
}

TEST_CASE("undated verbs of one event noun, bounded alike by several articles, are one event", "[merge][undated][bounds]") {
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text,
                   {{"Thursday", "2025-06-05"}, {"May 12", "2025-05-12"}, {"May 20", "2025-05-20"}}, "2025-06-05", true);
  };
  const auto stalls = [](const story& s) {
    std::vector<const story_event*> out;
    for (const auto& e : s.events)
      if (e.lemma == "stall") out.push_back(&e);
    return out;
  };
  const auto a = article("a", "Trade negotiations between the United States and China stalled shortly after a May 12 agreement.");
  SECTION("the same verb, subject noun and bounds") {
    const auto b = article("b", "Trade negotiations between the two rivals stalled after the May 12 talks in Geneva.");
    const auto s = merge::build_story({a, b});
    REQUIRE(stalls(s).size() == 1);
    CHECK(stalls(s)[0]->mentions.size() == 2);
    // What stalled is one event too.
    const auto negotiations = with_lemma(s, "negotiation");
    REQUIRE(negotiations.size() == 1);
    CHECK(negotiations[0]->mentions.size() == 2);
  }
  SECTION("a third article's participle tells the same of the same noun") {
    const auto b = article("b", "Trade negotiations between the two rivals stalled after the May 12 talks in Geneva.");
    const auto told = [&](const std::string& text) {
      const auto s = merge::build_story({a, b, article("c", text)});
      return std::make_pair(lemma_docs(s, "stall"), lemma_docs(s, "negotiation"));
    };
    const auto [stall, negotiation] = told("Trump called Xi in an effort to revive stalled trade negotiations with China.");
    CHECK(stall == std::vector<std::set<std::string>>{{"a", "b", "c"}});
    CHECK(negotiation == std::vector<std::set<std::string>>{{"a", "b", "c"}});
    // Another participle, or the participle of another noun, is not it.
    CHECK(told("Trump called Xi in an effort to revive failed trade negotiations with China.").second.size() == 2);
    CHECK(told("Trump called Xi in an effort to revive stalled trade talks with China.").first.size() == 2);
  }
  SECTION("other bounds or another subject noun stay apart") {
    for (const auto& b : {article("b", "Trade negotiations between the two rivals stalled after the May 20 talks in Geneva."),
                          article("b", "Production stalled after the May 12 talks in Geneva.")}) {
      const auto s = merge::build_story({a, b});
      CHECK(stalls(s).size() == 2);
      CHECK(with_lemma(s, "negotiation").size() == lemma_docs(s, "negotiation").size());
      for (const auto& docs : lemma_docs(s, "negotiation")) CHECK(docs.size() == 1);
    }
  }
}

TEST_CASE("what only describes a story event stays off the default timeline", "[merge][salience]") {
  // Four articles tell the call and what it lasted: each telling raises a node's salience, but
  // the lasting only describes the call.
  std::vector<merge::document_analysis> articles;
  for (const auto* id : {"a", "b", "c", "d"})
    articles.push_back(analyse(id, "Trump and Xi held a phone call on Thursday. The call lasted 90 minutes and focused on trade.",
                               {{"Thursday", "2025-06-05"}, {"90 minutes", "PT90M"}}, "2025-06-05", true));
  const auto s = merge::build_story(articles);
  const auto call = with_lemma(s, "call");
  REQUIRE(call.size() == 1);
  CHECK(call[0]->salience >= 0.5);
  for (const auto* lemma : {"last", "focus"}) {
    INFO(lemma);
    const auto facet = with_lemma(s, lemma);
    REQUIRE(facet.size() == 1);
    CHECK(facet[0]->mentions.size() == 4);
    CHECK(facet[0]->salience < 0.5);
  }
}

TEST_CASE("a report's participle goes on with its report's statement", "[merge][statement][participle]") {
  const auto s = merge::build_story({analyse("a",
                                             "Trump and Xi held a phone call on Thursday. Trump said on Thursday that the "
                                             "call went well, adding that talks would follow.",
                                             {{"Thursday", "2025-06-05"}}, "2025-06-05", true)});
  const auto said = with_lemma(s, "say");
  REQUIRE(said.size() == 1);
  CHECK(said[0]->mentions.size() == 2);  // said, adding
  CHECK(with_lemma(s, "add").empty());   // the participle does not name it
  // Hung by the parser on the report's time: "said Thursday that ..., announcing that ...".
  const auto t = merge::build_story({analyse("t",
                                             "Trump and Xi held a phone call on Thursday. Trump said Thursday that the "
                                             "call was \xE2\x80\x9Cvery positive,\xE2\x80\x9D announcing that the two "
                                             "countries will hold trade talks.",
                                             {{"Thursday", "2025-06-05"}}, "2025-06-05", true)});
  REQUIRE(with_lemma(t, "say").size() == 1);
  CHECK(with_lemma(t, "say")[0]->mentions.size() == 2);  // said, announcing
  CHECK(with_lemma(t, "announce").empty());
  // A participle of no report ("Trump left the room, adding ...") is its own.
  const auto other = merge::build_story({analyse("b", "Trump left the room on Thursday, adding that talks would follow.",
                                                 {{"Thursday", "2025-06-05"}}, "2025-06-05", true)});
  CHECK(with_lemma(other, "add").size() == 1);
}

TEST_CASE("a speaker's reports of one day in one article are the occasion it names, or one statement", "[merge][statement][one-occasion]") {
  const auto article = [](const std::string& text) {
    return analyse("a", "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
  };
  // The mention count of each reporting node, sorted.
  const auto reports = [](const story& s) {
    std::vector<std::size_t> out;
    for (const auto& e : s.events)
      if (e.cls == "REPORTING") out.push_back(e.mentions.size());
    std::sort(out.begin(), out.end());
    return out;
  };
  using counts = std::vector<std::size_t>;
  SECTION("one post named: the other reports of that speaker are the post") {
    const auto a = article("Trump wrote on Truth Social that the talks went well. Trump also said that the teams would meet soon.");
    CHECK(reports(merge::build_story({a})) == counts{2});
  }
  SECTION("no occasion named: one statement") {
    const auto a = article("Gary Locke said the call broke the impasse. Locke said that the talks would resume. "
                           "Locke said that the deal would hold.");
    CHECK(reports(merge::build_story({a})) == counts{3});
  }
  SECTION("two occasions named: a report that names none stays apart") {
    const auto a = article("Trump wrote on Truth Social that the talks went well. Trump told reporters in the Oval Office "
                           "that students were welcome. Trump said that the deal remained in place.");
    CHECK(reports(merge::build_story({a})) == counts{1, 1, 1});
  }
  SECTION("another speaker, another time, or no statement reported stays apart") {
    for (const auto* text : {"Delfin Gonzalez said the boy would stay. Juan Miguel Gonzalez said that the boy would leave.",
                             "Cutler said the call broke the impasse. Cutler previously said that the talks would fail.",
                             "Cutler said the call broke the impasse. Cutler has said that the talks would fail.",
                             "UniFirst declared a stock split. UniFirst reported that net income rose."}) {
      INFO(text);
      const auto r = reports(merge::build_story({article(text)}));
      CHECK(std::all_of(r.begin(), r.end(), [](std::size_t n) { return n == 1; }));
    }
  }
}

TEST_CASE("what one statement says, told by several articles, is one event", "[merge][statement][content]") {
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
  };
  const auto with = [](const story& s, std::string_view lemma) {
    std::vector<std::size_t> out;
    for (const auto& e : s.events)
      if (e.lemma == lemma) out.push_back(e.mentions.size());
    std::sort(out.begin(), out.end());
    return out;
  };
  using counts = std::vector<std::size_t>;
  const auto a = article("a", "\xE2\x80\x9CWe straightened it out,\xE2\x80\x9D Trump told reporters in the Oval Office.");
  SECTION("the same lemma reported by one statement in two articles") {
    const auto b = article("b", "Mr. Trump, speaking later in the Oval Office, said the two sides \xE2\x80\x9Cstraightened out\xE2\x80\x9D "
                                "some of the friction around exports.");
    CHECK(with(merge::build_story({a, b}), "straighten") == counts{2});
    CHECK(with(merge::build_story({b, a}), "straighten") == counts{2});
  }
  SECTION("not another statement, not other participants") {
    const auto b = article("b", "Trump told reporters at a news conference that the two sides straightened out the friction.");
    CHECK(with(merge::build_story({a, b}), "straighten") == counts{1, 1});
    const auto c = article("c", "Trump told reporters in the Oval Office that Xi invited him to visit China.");
    const auto d = article("d", "Trump told reporters in the Oval Office that he invited Xi to visit the United States.");
    CHECK(with(merge::build_story({c, d}), "visit") == counts{1, 1});
  }
}

TEST_CASE("an undated thing one article tells again is one event", "[merge][undated][again]") {
  // The nodes of one article's story that hold its mentions of `lemma`, in the article's order.
  const auto nodes = [](const std::string& text, const std::string& lemma,
                        const std::vector<std::pair<std::string, std::string>>& times = {}) {
    const auto a = analyse("a", text, times, "2025-06-05", true);
    const auto node = merge::node_of_mentions(merge::build_story({a}));
    std::vector<std::string> out;
    for (const auto& ev : a.events)
      if (ev.lemma == lemma) out.push_back(node.at("a:" + ev.id));
    return out;
  };
  const auto distinct = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
  };
  SECTION("a thing told, then taken as known") {
    const auto n = nodes("Pilots began a strike against the carrier. The strike was called in protest over the merger. "
                         "Passengers were stranded by the strike.",
                         "strike");
    REQUIRE(n.size() == 3);
    CHECK(distinct(n) == 1);
  }
  SECTION("not a second one told as new") {
    CHECK(distinct(nodes("Rebels launched an attack on the base. Hours later, gunmen launched an attack on the base.",
                         "attack")) == 2);
  }
  SECTION("not one and several") {
    CHECK(distinct(nodes("Gunmen carried out attacks on the base. The attack killed two soldiers.", "attack")) == 2);
  }
  SECTION("not of another thing") {
    CHECK(distinct(nodes("The EU was upset about Trump's decision to double tariffs on steel. Beijing chafed at the "
                         "decision to revoke visas of Chinese students.",
                         "decision")) == 2);
  }
  SECTION("not what was only wished") {
    CHECK(distinct(nodes("Trump said Xi was very hard to make a deal with. In 2018 the two sides agreed to a truce, "
                         "but the U.S. soon backed away from that deal.",
                         "deal")) == 2);
  }
  SECTION("not with a name the first did not have") {
    CHECK(distinct(nodes("The judges denied a request by the father. He could then drop the asylum request.",
                         "request")) == 2);
  }
  SECTION("not when the article tells one of that name otherwise") {
    // The pilots' strike is another of its kind: "the strike" may be it, or the dockers'.
    const auto n = nodes("Pilots will hold another strike against the carrier. Dockers began a strike at the port. The "
                         "strike stranded passengers.",
                         "strike");
    REQUIRE(n.size() == 3);
    CHECK(n[1] != n[2]);
  }
  SECTION("not the same kind of thing") {
    CHECK(distinct(nodes("Trump accepted Xi's invitation for him to visit China, and he extended the same invitation to "
                         "the Chinese leader.",
                         "invitation")) == 2);
  }
  SECTION("not when two fit") {
    const auto n = nodes("Rebels launched an attack on Kabul. Troops launched an attack on Herat. The attack killed "
                         "two soldiers.",
                         "attack");
    REQUIRE(n.size() == 3);
    CHECK(distinct(n) == 3);
  }
}

TEST_CASE("a definite report noun is the statement its article told before", "[merge][statement][anaphora]") {
  // How many nodes hold the document's "statement" nouns.
  const auto nodes = [](const std::string& text) {
    const auto a = analyse("a", "Trump and Xi held a phone call on Thursday. " + text, {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
    std::set<std::string> ids, holding;
    for (const auto& ev : a.events)
      if (ev.lemma == "statement" || ev.lemma == "readout") ids.insert("a:" + ev.id);
    REQUIRE(ids.size() >= 2);
    for (const auto& e : merge::build_story({a}).events)
      for (const auto& id : e.mention_ids)
        if (ids.count(id)) holding.insert(e.id);
    return holding.size();
  };
  SECTION("the statement, the ministry's statement") {
    CHECK(nodes("The ministry issued a statement on the call. Beijing welcomed the talks, the statement added. "
                "The talks will resume, according to the ministry's statement.") == 1);
  }
  SECTION("not a pronoun's statement, nor another statement") {
    CHECK(nodes("The ministry issued a statement on the call. Beijing welcomed the talks in his statement.") == 2);
    CHECK(nodes("The ministry issued a statement on the call. The ministry issued a second statement on the talks.") == 2);
  }
  SECTION("a report noun of the same frame: the readout is the statement") {
    CHECK(nodes("The ministry issued a statement on the call. Xi cautioned Trump, the Chinese readout suggested.") == 1);
    CHECK(nodes("The ministry issued a statement on the call. Xi cautioned Trump, a second readout suggested.") == 2);
  }
}

TEST_CASE("the letter a report is made in is the report", "[merge][statement][letter]") {
  const auto a = analyse("a", "Auto suppliers sent a letter on Thursday. \u201cThe situation remains unresolved,\u201d "
                              "the group said in a letter.", {{"Thursday", "2025-06-05"}}, "2025-06-05", true);
  const auto story = merge::build_story({a});
  std::string said, letter;
  for (const auto& ev : a.events) {
    if (ev.trigger == "said") said = "a:" + ev.id;
    if (ev.lemma == "letter" && ev.span.begin > a.annotated.doc.text.find("group")) letter = "a:" + ev.id;
  }
  REQUIRE(!said.empty());
  REQUIRE(!letter.empty());
  const auto node = merge::node_of_mentions(story);
  REQUIRE(node.count(said));
  REQUIRE(node.count(letter));
  CHECK(node.at(said) == node.at(letter));
}

TEST_CASE("another event of its kind is not the one its document told that day", "[merge][another]") {
  // The nodes of a document's "ceremony" mentions.
  const auto nodes = [](const std::string& text) {
    const auto a = analyse("a", text, {{"Saturday", "2025-06-07"}, {"Saturday evening", "2025-06-07TEV"}}, "2025-06-05",
                           true);
    std::set<std::string> ids;
    for (const auto& ev : a.events)
      if (ev.lemma == "ceremony") ids.insert("a:" + ev.id);
    REQUIRE(ids.size() == 2);
    const auto node = merge::node_of_mentions(merge::build_story({a}));
    std::set<std::string> out;
    for (const auto& id : ids) out.insert(node.at(id));
    return out.size();
  };
  // Both dated to the same day (the second by "Saturday evening"): the date alone would join them.
  CHECK(nodes("The pope will attend a welcoming ceremony on Saturday. The ceremony Saturday evening will draw crowds.") == 1);
  CHECK(nodes("The pope will attend a welcoming ceremony on Saturday. He will hold two other ceremonies Saturday evening.") == 2);
  CHECK(nodes("The pope will attend a welcoming ceremony on Saturday. Another ceremony will follow Saturday evening.") == 2);
}

namespace {

/// The story id ("doc:e3") of the first mention of lemma `lemma` in `x`.
std::string first_mention(const merge::document_analysis& x, const std::string& lemma) {
  for (const auto& ev : x.events)
    if (ev.lemma == lemma) return x.annotated.doc.id + ":" + ev.id;
  FAIL("no " << lemma << " in " << x.annotated.doc.id);
  return {};
}

/// Whether the first mentions of lemma `la` in `a` and `lb` in `b` end in one node of their story
/// (checked in either order of the two).
bool one_node(const merge::document_analysis& a, const std::string& la, const merge::document_analysis& b,
              const std::string& lb) {
  const auto node = merge::node_of_mentions(merge::build_story({a, b}));
  const bool one = node.at(first_mention(a, la)) == node.at(first_mention(b, lb));
  const auto reversed = merge::node_of_mentions(merge::build_story({b, a}));
  CHECK((reversed.at(first_mention(a, la)) == reversed.at(first_mention(b, lb))) == one);
  return one;
}

}  // namespace

TEST_CASE("a definite noun or a clause of time names its story's one dated event of its frame", "[merge][undated][definite]") {
  const auto article = [](const std::string& id, const std::string& text, const std::string& dct = "2025-06-05") {
    return analyse(id, text, {{"in January", "2025-01"}, {"on Monday", "2025-06-02"}}, dct, true);
  };
  const auto a =
      article("a", "President Donald Trump, who returned to the White House in January, spoke with Xi Jinping.");
  const auto arrested = article("a", "Police arrested James Kopp on Monday in Buffalo.");
  SECTION("a possessor or a determiner makes it definite") {
    CHECK(one_node(a, "return",
                   article("b", "Xi Jinping has spoken with Trump twice since Trump's return to the White House."),
                   "return"));
    CHECK(one_node(arrested, "arrest",
                   article("b", "Police in Buffalo questioned Kopp for hours after the arrest of Kopp."), "arrest"));
  }
  SECTION("a clause of time introduced by \"since\" or \"after\" tells a known event too") {
    CHECK(
        one_node(a, "return", article("b", "Xi Jinping has spoken with Trump twice since Trump took office."), "take"));
    CHECK(one_node(a, "return", article("b", "Xi Jinping called Trump after Trump took office."), "take"));
    // In the dated event's own document as well: the relations stage dates no such clause.
    const auto both = article("a",
                              "President Donald Trump, who returned to the White House in January, spoke with Xi "
                              "Jinping. It was his first call with Xi since returning to office.");
    const auto node = merge::node_of_mentions(merge::build_story({both}));
    std::set<std::string> returns;
    for (const auto& ev : both.events)
      if (ev.lemma == "return") returns.insert(node.at("a:" + ev.id));
    CHECK(returns.size() == 1);
    CHECK_FALSE(
        one_node(a, "return", article("b", "Trump took office, and Xi Jinping has spoken with him twice."), "take"));
  }
  SECTION("not a noun another or a planned one of its kind (non_anaphoric.tsv)") {
    CHECK(one_node(a, "return",
                   article("b", "Xi Jinping has spoken with Trump since Trump's return to the White House."),
                   "return"));
    CHECK_FALSE(one_node(
        a, "return", article("b", "Xi Jinping has spoken with Trump since Trump's previous return to the White House."),
        "return"));
    CHECK_FALSE(one_node(a, "return",
                         article("b", "Xi Jinping has spoken with Trump since Trump's last return to the White House."),
                         "return"));
  }
  SECTION("not an indefinite noun") {
    CHECK_FALSE(one_node(arrested, "arrest",
                         article("b", "Police in Buffalo questioned Kopp for hours after an arrest of Kopp."),
                         "arrest"));
  }
  SECTION("not another participant's") {
    CHECK_FALSE(one_node(
        a, "return", article("b", "Xi Jinping spoke with Trump since Obama's return to the White House."), "return"));
    CHECK_FALSE(one_node(arrested, "arrest",
                         article("b", "Police in Buffalo questioned Kopp for hours after the arrest of Smith."),
                         "arrest"));
  }
  SECTION("not an event after the article's own day") {
    CHECK_FALSE(one_node(
        a, "return", article("b", "Xi Jinping spoke with Trump since Trump's return to the White House.", "2024-12-01"),
        "return"));
  }
  SECTION("an outcome is not a process of its frame") {
    const auto summit = article("a", "Japan and the United States held a summit on Monday in Tokyo.");
    CHECK(one_node(summit, "summit", article("b", "Tokyo hosted the Japan-U.S. summit, officials in Japan said."),
                   "summit"));
    CHECK_FALSE(
        one_node(summit, "summit",
                 article("b", "Japan's security agreement with the United States stands, officials in Tokyo said."),
                 "agreement"));
  }
}

TEST_CASE("undated named event nouns a story takes as known are one event", "[merge][undated][named]") {
  const auto article = [](const std::string& id, const std::string& text) {
    return analyse(id, text, {{"on Jan. 17", "2025-01-17"}}, "2025-06-05", true);
  };
  const auto a = article("a", "Trump and Xi held their first call since the start of the trade war between the "
                              "United States and China.");
  const auto b = article("b", "Trump and Xi talked about tariffs in the ongoing trade war between the United States "
                              "and China.");
  SECTION("the same name with a determiner in two articles of one story") { CHECK(one_node(a, "war", b, "war")); }
  SECTION("not a name without a compound: \"the war\" says too little") {
    CHECK_FALSE(one_node(article("a", "Trump and Xi held their first call since the start of the war between the "
                                      "United States and China."),
                         "war",
                         article("b", "Trump and Xi talked about tariffs in the ongoing war between the United "
                                      "States and China."),
                         "war"));
  }
  SECTION("not an indefinite one") {
    CHECK_FALSE(one_node(a, "war",
                         article("b", "Trump and Xi talked about tariffs in a trade war between the United States "
                                      "and China."),
                         "war"));
  }
  SECTION("not when the story dates one of that name") {
    const auto dated = article("c", "The trade war between the United States and China began on Jan. 17.");
    const auto node = merge::node_of_mentions(merge::build_story({a, b, dated}));
    CHECK(node.at(first_mention(a, "war")) != node.at(first_mention(b, "war")));
  }
  SECTION("not when one article tells two of that name") {
    const auto two = article("b", "Trump and Xi talked about the trade war between the United States and China. "
                                  "Xi did not mention the trade war with Japan.");
    CHECK_FALSE(one_node(a, "war", two, "war"));
  }
  // Whether every mention of `lemma` in `x` is in one node.
  const auto one_node_in = [](const std::map<std::string, std::string>& node, const merge::document_analysis& x,
                              const std::string& lemma) {
    std::set<std::string> nodes;
    for (const auto& ev : x.events)
      if (ev.lemma == lemma) nodes.insert(node.at(x.annotated.doc.id + ":" + ev.id));
    CHECK_FALSE(nodes.empty());
    return nodes.size() == 1;
  };
  const auto bombing = article("k", "Twelve Americans were killed in the Kenya embassy bombing. The ceremony was held "
                                    "at the base, where the victims of the Kenya embassy bombing were brought back.");
  SECTION("the same name told again later in one article") {
    CHECK(one_node_in(merge::node_of_mentions(merge::build_story({bombing})), bombing, "bombing"));
  }
  SECTION("a name one article tells apart may recur: it joins no other article's") {
    const auto first = article("s1", "The Kuala Lumpur index fell 13 points at the close of the morning session. "
                                     "Trading volume in the morning session was 162 million shares.");
    const auto second = article("s2", "The Kuala Lumpur index rose 5 points to close the morning session.");
    const auto node = merge::node_of_mentions(merge::build_story({first, second}));
    CHECK(one_node_in(node, first, "session"));
    CHECK(node.at(first_mention(first, "session")) != node.at(first_mention(second, "session")));
  }
}
