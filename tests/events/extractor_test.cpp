// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "chronograph/events/event.hpp"
#include "chronograph/events/lexicon.hpp"
#include "test_document.hpp"

using namespace chronograph;

namespace {

std::vector<events::event_mention> run(const std::string& text, std::vector<timex::mention> times = {}) {
  static const auto ex = events::extractor::load_default();
  const auto doc = testing::make_document(text);
  std::vector<timex::mention> placed;
  std::vector<diagnostic> diags;
  return ex->extract(doc, times, diags);
}

std::optional<events::event_mention> find(const std::vector<events::event_mention>& evs, const std::string& trigger) {
  for (const auto& e : evs)
    if (e.trigger == trigger) return e;
  return std::nullopt;
}

}  // namespace

TEST_CASE("verbs and event nouns are triggers, auxiliaries and names are not", "[events][extract]") {
  const auto evs = run("Trump and Xi held a lengthy phone call. The talks were productive.");
  CHECK(find(evs, "held"));
  CHECK(find(evs, "call"));
  CHECK(find(evs, "talks"));
  CHECK_FALSE(find(evs, "were").has_value());
  CHECK_FALSE(find(evs, "Trump").has_value());
  CHECK_FALSE(find(evs, "phone").has_value());
  for (std::size_t k = 0; k < evs.size(); ++k) CHECK(evs[k].id == "e" + std::to_string(k + 1));
}

TEST_CASE("TimeML classes come from the class table", "[events][extract]") {
  const auto evs = run("Trump said Xi wanted to resume the talks.");
  REQUIRE(find(evs, "said"));
  CHECK(find(evs, "said")->cls == events::event_class::reporting);
  REQUIRE(find(evs, "wanted"));
  CHECK(find(evs, "wanted")->cls == events::event_class::i_state);
  REQUIRE(find(evs, "resume"));
  CHECK(find(evs, "resume")->cls == events::event_class::aspectual);
  CHECK(find(evs, "talks")->cls == events::event_class::occurrence);
}

TEST_CASE("tense and aspect come from the auxiliary chain", "[events][extract]") {
  SECTION("present perfect") {
    const auto e = find(run("Trump has lowered the tariffs."), "lowered");
    REQUIRE(e);
    CHECK(e->tns == events::tense::present);
    CHECK(e->asp == events::aspect::perfective);
  }
  SECTION("past perfect") {
    const auto e = find(run("Trump had requested the call."), "requested");
    REQUIRE(e);
    CHECK(e->tns == events::tense::past);
    CHECK(e->asp == events::aspect::perfective);
  }
  SECTION("future progressive") {
    const auto e = find(run("Officials will be meeting soon."), "meeting");
    REQUIRE(e);
    CHECK(e->tns == events::tense::future);
    CHECK(e->asp == events::aspect::progressive);
    CHECK(e->modality == "will");
  }
  SECTION("simple past and infinitive") {
    const auto evs = run("Xi invited Trump to visit China.");
    CHECK(find(evs, "invited")->tns == events::tense::past);
    CHECK(find(evs, "visit")->tns == events::tense::infinitive);
  }
  SECTION("modal") {
    const auto e = find(run("Talks could restart in earnest."), "restart");
    REQUIRE(e);
    CHECK(e->modality == "could");
    CHECK(e->tns == events::tense::none);
  }
}

TEST_CASE("negation sets polarity", "[events][extract]") {
  CHECK(find(run("Trump did not specify the terms."), "specify")->pol == events::polarity::neg);
  CHECK(find(run("Trump didn't specify the terms."), "specify")->pol == events::polarity::neg);
  CHECK(find(run("Trump never discussed Iran."), "discussed")->pol == events::polarity::neg);
  CHECK(find(run("Trump discussed Iran."), "discussed")->pol == events::polarity::pos);
}

TEST_CASE("actors are names in the trigger's clause, titles dropped and short forms used", "[events][extract]") {
  const auto evs = run("President Donald Trump spoke with Chinese President Xi Jinping. Trump and Xi agreed.");
  const auto spoke = find(evs, "spoke");
  REQUIRE(spoke);
  REQUIRE(spoke->actors.size() == 2);
  CHECK(spoke->actors[0] == "Trump");
  CHECK(spoke->actors[1] == "Xi");
  SECTION("aliases map to one canonical name") {
    const auto e = find(run("Washington and Beijing lowered tariffs."), "lowered");
    REQUIRE(e);
    const std::vector<std::string> expected{"U.S.", "China"};
    CHECK(e->actors == expected);
  }
}

TEST_CASE("quantities of a change get from and to roles", "[events][extract]") {
  SECTION("unmarked start value before a to-value") {
    const auto e = find(run("Trump has lowered his 145% tariffs on Chinese goods to 30% for 90 days."), "lowered");
    REQUIRE(e);
    REQUIRE(e->quantities.size() == 3);
    CHECK(e->quantities[0].value == 145);
    CHECK(e->quantities[0].role == "from");
    CHECK(e->quantities[0].kind == "percent");
    CHECK(e->quantities[1].value == 30);
    CHECK(e->quantities[1].role == "to");
    CHECK(e->quantities[2].kind == "duration");
    CHECK(e->quantities[2].text == "90 days");
  }
  SECTION("explicit from and to") {
    const auto e = find(run("China also reduced its taxes on U.S. goods from 125% to 10%."), "reduced");
    REQUIRE(e);
    REQUIRE(e->quantities.size() == 2);
    CHECK(e->quantities[0].role == "from");
    CHECK(e->quantities[0].value == 125);
    CHECK(e->quantities[1].role == "to");
  }
  SECTION("money with a scale word") {
    const auto e = find(run("The deficit rose to $295 billion."), "rose");
    REQUIRE(e);
    REQUIRE(e->quantities.size() == 1);
    CHECK(e->quantities[0].kind == "money");
    CHECK(e->quantities[0].value == Approx(295e9));
  }
}

TEST_CASE("summaries are short and built from the clause", "[events][extract]") {
  const std::string text = "Trump and Xi previously spoke on Jan. 17, prior to the inauguration.";
  const auto doc = testing::make_document(text);
  auto times = testing::number_timexes({testing::make_timex(doc, "Jan. 17", "2025-01-17")});
  std::vector<diagnostic> diags;
  const auto evs = events::extractor::load_default()->extract(doc, times, diags);
  const auto spoke = find(evs, "spoke");
  REQUIRE(spoke);
  CHECK(spoke->summary == "Trump and Xi spoke");
  const auto lowered = find(run("Trump has lowered his 145% tariffs on Chinese goods to 30% for 90 days."), "lowered");
  CHECK(lowered->summary == "Trump has lowered his 145% tariffs on Chinese goods to 30% for 90 days");
  CHECK(lowered->summary.size() < 80);
}

TEST_CASE("salience puts calls, deals and tariff changes above reporting and states", "[events][extract]") {
  const auto evs = run("Trump said the call was good. Trump has lowered his 145% tariffs to 30%.");
  REQUIRE(find(evs, "said"));
  REQUIRE(find(evs, "call"));
  REQUIRE(find(evs, "lowered"));
  CHECK(find(evs, "said")->salience < 0.2);
  CHECK(find(evs, "call")->salience > 0.5);
  CHECK(find(evs, "lowered")->salience > 0.6);
  CHECK(find(evs, "lowered")->salience > find(evs, "call")->salience);
  SECTION("a light verb leaves the timeline to its event noun, before or after it") {
    for (const auto* text : {"Trump and Xi held a call.", "Beijing kept the truce struck by the two nations in Geneva."}) {
      const auto l = run(text);
      const auto verb = std::find_if(l.begin(), l.end(), [](const auto& e) { return e.lemma == "hold" || e.lemma == "strike"; });
      const auto noun = std::find_if(l.begin(), l.end(), [](const auto& e) { return e.lemma == "call" || e.lemma == "truce"; });
      REQUIRE(verb != l.end());
      REQUIRE(noun != l.end());
      CHECK(verb->salience < noun->salience);
    }
  }
  SECTION("quoted, negated and generic events rank lower") {
    const auto q = run("Trump wrote: “It is hard to make a deal.” Trump did not discuss a deal. Both want any deal.");
    for (const auto& e : q)
      if (e.lemma == "deal") CHECK(e.salience < 0.45);
  }
}

TEST_CASE("every example of the class table gets its class", "[events][extract][resources]") {
  const auto rows = events::read_table(std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) /
                                       "src/events/resources/event_classes.tsv");
  const auto lex = events::lexicon::load_default();
  std::size_t checked = 0;
  for (const auto& r : rows) {
    if (r.fields.size() < 4) continue;
    const auto evs = run(r.fields[3]);
    const auto it = std::find_if(evs.begin(), evs.end(), [&](const auto& e) { return e.lemma == r.fields[0]; });
    INFO("event_classes.tsv:" << r.line << " \"" << r.fields[3] << "\"");
    REQUIRE(it != evs.end());
    CHECK(events::to_string(it->cls) == r.fields[1]);
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("to_string spells TimeML attribute values", "[events]") {
  CHECK(std::string(events::to_string(events::event_class::i_action)) == "I_ACTION");
  CHECK(std::string(events::to_string(events::tense::prespart)) == "PRESPART");
  CHECK(std::string(events::to_string(events::aspect::perfective_progressive)) == "PERFECTIVE_PROGRESSIVE");
  CHECK(std::string(events::to_string(events::polarity::neg)) == "NEG");
}

TEST_CASE("every example of event_frames.tsv gives its trigger the frame", "[events][extract][resources]") {
  const auto lex = events::lexicon::load_default();
  REQUIRE_FALSE(lex->frame_examples().empty());
  for (const auto& ex : lex->frame_examples()) {
    INFO("event_frames.tsv:" << ex.line << ": " << ex.text);
    const auto evs = run(ex.text);
    const auto e = find(evs, ex.trigger);
    REQUIRE(e);
    CHECK(e->frame == ex.frame);
  }
}

TEST_CASE("a phrase row gives its frame only with its own words", "[events][extract][frame]") {
  const auto office = run("Trump returned to office in January.");
  REQUIRE(find(office, "returned"));
  CHECK(find(office, "returned")->frame == "inauguration");
  const auto work = run("Workers returned to the office in May.");  // a worker's, not a president's
  REQUIRE(find(work, "returned"));
  CHECK(find(work, "returned")->frame == "return");
}

TEST_CASE("a nominalization takes its verb's frame unless the frame table lists it", "[events][extract][frame]") {
  const auto evs = run("Iraq invaded Kuwait in August. The invasion of Kuwait led to sanctions. Police investigated the "
                       "attack, and the investigation ended in May.");
  REQUIRE(find(evs, "invaded"));
  REQUIRE(find(evs, "invasion"));
  CHECK(find(evs, "invasion")->frame == find(evs, "invaded")->frame);
  REQUIRE(find(evs, "investigated"));
  REQUIRE(find(evs, "investigation"));
  CHECK(find(evs, "investigation")->frame == find(evs, "investigated")->frame);
  // A listed noun keeps the table's frame ("negotiation" is the negotiation frame, as its verb).
  const auto listed = run("The negotiations began in May.");
  REQUIRE(find(listed, "negotiations"));
  CHECK(find(listed, "negotiations")->frame == "negotiation");
}

TEST_CASE("a change takes the frame of what it changes, with its direction", "[events][extract][frame]") {
  const auto evs = run("Trump lowered his tariffs. Beijing hiked its levies. Stocks fell.");
  REQUIRE(find(evs, "lowered"));
  CHECK(find(evs, "lowered")->frame == "down tariff");
  REQUIRE(find(evs, "hiked"));
  CHECK(find(evs, "hiked")->frame == "up tariff");
  REQUIRE(find(evs, "fell"));
  CHECK(find(evs, "fell")->frame == "fall");  // nothing listed changes: the lemma
}

TEST_CASE("what a change changes leaves the timeline to the change", "[events][extract][salience]") {
  const auto evs = run("Trump lowered his 145% tariffs on Chinese goods to 30%.");
  REQUIRE(find(evs, "lowered"));
  REQUIRE(find(evs, "tariffs"));
  CHECK(find(evs, "tariffs")->salience < 0.3);
  CHECK(find(evs, "lowered")->salience > find(evs, "tariffs")->salience + 0.3);
}
