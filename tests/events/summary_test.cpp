// SPDX-License-Identifier: MIT
// Summaries and participants as the pipeline makes them: through the text stage's real analyzer
// (tags and parse), times placed by hand.
#include <catch2/catch.hpp>

#include <tuple>

#include <algorithm>

#include "chronograph/events/event.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/text/analyzer.hpp"

using namespace chronograph;

namespace {

struct time_given {
  const char* text;
  const char* value;
  chronograph::timex::timex_type type = chronograph::timex::timex_type::date;
};

std::vector<events::event_mention> extract(const std::string& text, std::vector<time_given> given = {}) {
  static const auto an = text::analyzer::load_default();
  static const auto ex = events::extractor::load_default();
  document d;
  d.id = "doc";
  d.text = text;
  d.dct = parse_creation_time("2025-06-05");
  const auto doc = an->analyze(d);
  std::vector<chronograph::timex::mention> times;
  for (const auto& g : given) {
    const auto at = text.find(g.text);
    REQUIRE(at != std::string::npos);
    chronograph::timex::mention m;
    m.id = "t" + std::to_string(times.size() + 1);
    m.span = {at, at + std::char_traits<char>::length(g.text)};
    m.text = g.text;
    m.value = g.value;
    m.type = g.type;
    times.push_back(std::move(m));
  }
  std::vector<diagnostic> diags;
  return ex->extract(doc, times, diags);
}

const events::event_mention* find(const std::vector<events::event_mention>& evs, const std::string& trigger,
                                  std::size_t nth = 0) {
  for (const auto& e : evs)
    if (e.trigger == trigger && nth-- == 0) return &e;
  return nullptr;
}

bool has_actor(const events::event_mention& e, const std::string& name) {
  return std::find(e.actors.begin(), e.actors.end(), name) != e.actors.end();
}

}  // namespace

TEST_CASE("a name in quotation marks is a label, not a participant", "[events][summary]") {
  const auto evs = extract("The U.S. backed away before the signing of the \xE2\x80\x9CPhase One\xE2\x80\x9D deal.");
  const auto* deal = find(evs, "deal");
  REQUIRE(deal);
  CHECK_FALSE(has_actor(*deal, "Phase"));
  CHECK(deal->summary == "Phase One deal");
  const auto* signing = find(evs, "signing");
  REQUIRE(signing);
  CHECK(signing->salience < deal->salience);  // "the signing of the deal" is the deal's event
}

TEST_CASE("a verb's summary names its subject: a name, else the noun the parse gives", "[events][summary]") {
  const auto evs = extract("The \xE2\x80\x9Cvery good\xE2\x80\x9D call between the two leaders lasted approximately 90 "
                           "minutes.");
  const auto* lasted = find(evs, "lasted");
  REQUIRE(lasted);
  CHECK(lasted->summary.rfind("Call lasted", 0) == 0);
  SECTION("not a dateline the parser took for the subject") {
    const auto a = extract("WASHINGTON \xE2\x80\x94 President Donald Trump and Chinese President Xi Jinping on Thursday "
                           "agreed to further trade talks.",
                           {{"Thursday", "2025-06-05"}});
    const auto* agreed = find(a, "agreed");
    REQUIRE(agreed);
    CHECK(agreed->summary == "Donald Trump and Xi Jinping agreed to further trade talks");
  }
  SECTION("not a time the parser took for the subject: the noun before it") {
    const auto a = extract("Foreign Ministry officials this month protested the assertion.", {{"this month", "2025-06"}});
    const auto* protested = find(a, "protested");
    REQUIRE(protested);
    CHECK(protested->summary == "Foreign Ministry officials protested the assertion");
  }
}

TEST_CASE("a change's summary keeps its amounts and how long it lasts", "[events][summary]") {
  const auto evs = extract("Trump has lowered his 145% tariffs on Chinese goods to 30% for 90 days to allow for talks.",
                           {{"90 days", "P90D", chronograph::timex::timex_type::duration}});
  const auto* lowered = find(evs, "lowered");
  REQUIRE(lowered);
  CHECK(lowered->summary == "Trump has lowered his 145% tariffs on Chinese goods to 30% for 90 days");
}

TEST_CASE("a report says what it reports, quietly", "[events][summary]") {
  const auto q = extract("\xE2\x80\x9CThe bad news is that China HAS TOTALLY VIOLATED ITS AGREEMENT WITH US,"
                         "\xE2\x80\x9D Trump posted last week.",
                         {{"last week", "2025-W22"}});
  const auto* posted = find(q, "posted");
  REQUIRE(posted);
  CHECK(posted->summary.rfind("Trump posted: China has", 0) == 0);
  CHECK(posted->summary.find("violated its agreement with US") != std::string::npos);
  const auto d = extract("Trump had declared one day earlier that it was difficult to reach a deal with Xi.",
                         {{"one day earlier", "2025-06-04"}});
  const auto* declared = find(d, "declared");
  REQUIRE(declared);
  CHECK(declared->summary == "Trump had declared it was difficult to reach a deal with Xi");
}

TEST_CASE("a participle without a subject has its governing verb's", "[events][actors]") {
  const auto evs = extract("Beijing said the U.S. undermined the Geneva truce by issuing warnings about chips.");
  const auto* issuing = find(evs, "issuing");
  REQUIRE(issuing);
  REQUIRE_FALSE(issuing->actors.empty());
  CHECK(issuing->actors.front() == "U.S.");
  CHECK(issuing->subject_count >= 1);
}

TEST_CASE("a gerund adjunct without a subject has its clause's, through a possessor", "[events][actors]") {
  // "since returning": not the nearest name (Xi, Macron) but the subject of the clause the gerund
  // modifies, and for an event noun subject its possessor ("his first call": the one who said it).
  const auto a = extract("Trump said that his first call with Chinese leader Xi Jinping since returning to office was "
                         "very positive.");
  const auto* returning = find(a, "returning");
  REQUIRE(returning);
  REQUIRE_FALSE(returning->actors.empty());
  CHECK(returning->actors.front() == "Trump");
  CHECK_FALSE(has_actor(*returning, "Xi Jinping"));
  CHECK(returning->summary == "Trump returning to office");
  SECTION("whatever word of the noun's phrase the parse hangs it on") {
    const auto b = extract("President Joe Biden said Tuesday that his first meeting with French President Emmanuel Macron "
                           "since taking office was productive.");
    const auto* taking = find(b, "taking");
    REQUIRE(taking);
    REQUIRE_FALSE(taking->actors.empty());
    CHECK(taking->actors.front() == "Joe Biden");
    CHECK_FALSE(has_actor(*taking, "Emmanuel Macron"));
  }
  SECTION("a named possessor") {
    const auto c = extract("Mr. Lula's first trip to China since returning to power was a success, officials said.");
    const auto* returning_c = find(c, "returning");
    REQUIRE(returning_c);
    REQUIRE_FALSE(returning_c->actors.empty());
    CHECK(returning_c->actors.front() == "Lula");
  }
  SECTION("a clause's own subject stays its own") {
    const auto d = extract("Prime Minister Keir Starmer said his first visit to Beijing since winning the election lasted "
                           "three days.");
    const auto* winning = find(d, "winning");
    REQUIRE(winning);
    REQUIRE_FALSE(winning->actors.empty());
    CHECK(winning->actors.front() == "Keir Starmer");
  }
}

TEST_CASE("a possessive pronoun stands for its clause's subject, not a conjunct's", "[events][actors]") {
  // "warned Gujral to face his first crisis": Gujral's crisis (the object of "warned" controls "to
  // face"), not Yadav's, the subject of the first conjunct.
  const auto evs = extract("National dailies said Yadav must step down and warned Gujral to face his first crisis as "
                           "premier with wisdom.");
  const auto* crisis = find(evs, "crisis");
  REQUIRE(crisis);
  REQUIRE_FALSE(crisis->actors.empty());
  CHECK(crisis->actors.front() == "Gujral");
  const auto own = extract("Trump reciprocated with his own invitation.");
  const auto* invitation = find(own, "invitation");
  REQUIRE(invitation);
  REQUIRE_FALSE(invitation->actors.empty());
  CHECK(invitation->actors.front() == "Trump");
}

TEST_CASE("a verb's -s form the tagger would take for a noun of a compound is a verb", "[events][summary]") {
  // "Beijing engages" read as a compound noun made "engages" no event and the antecedent of "that
  // go beyond tariffs" ("Beijing engages go beyond tariffs"); the text stage repairs the tag.
  const auto evs = extract("American leaders have complained that Beijing engages in unfair trade practices that go "
                           "beyond tariffs.");
  const auto* engages = find(evs, "engages");
  REQUIRE(engages);
  CHECK(engages->pos == text::upos::verb);
  CHECK(engages->summary.find("engages in unfair trade practices") != std::string::npos);  // ("China": its alias)
  const auto* go = find(evs, "go");
  REQUIRE(go);
  CHECK(go->summary == "Unfair trade practices go beyond tariffs");
}

TEST_CASE("a light verb takes the frame of the event noun it brings about", "[events][frame]") {
  const auto evs = extract("Trump and Xi held a phone call. Beijing complied with the truce struck last month in Geneva. "
                           "The last conversation took place in January. Trump held a grudge.");
  REQUIRE(find(evs, "held"));
  REQUIRE(find(evs, "call"));
  CHECK(find(evs, "held")->frame == find(evs, "call")->frame);
  REQUIRE(find(evs, "struck"));
  REQUIRE(find(evs, "truce"));
  CHECK(find(evs, "struck")->frame == find(evs, "truce")->frame);
  REQUIRE(find(evs, "took"));
  REQUIRE(find(evs, "conversation"));
  CHECK(find(evs, "took")->frame == find(evs, "conversation")->frame);
  // Not an object that is no event of a listed frame.
  for (const auto& e : evs)
    if (e.trigger == "held" && e.sentence == 3) CHECK(e.frame == "hold");
}

TEST_CASE("a verb form used as a preposition is no event", "[events][extract]") {
  const auto evs = extract("Washington lowered tariffs following constructive talks in Switzerland.");
  CHECK(find(evs, "lowered"));
  CHECK(find(evs, "talks"));
  CHECK_FALSE(find(evs, "following"));
}

namespace {
/// The n-th (from 0) event whose trigger is `trigger`.
const events::event_mention* nth(const std::vector<events::event_mention>& evs, const std::string& trigger, std::size_t n) {
  for (const auto& e : evs)
    if (e.trigger == trigger && n-- == 0) return &e;
  return nullptr;
}

bool has_amount(const events::event_mention& e, double value, const std::string& role) {
  return std::any_of(e.quantities.begin(), e.quantities.end(),
                     [&](const events::quantity& q) { return q.value == value && q.role == role; });
}
}  // namespace

TEST_CASE("a coordinated noun with an amount of its own is the change done again (gapping)", "[events][gapping]") {
  SECTION("the samples' sentence: the second tariffs are China's cut to 10%") {
    const auto evs = extract(
        "Tit-for-tat tariffs exceeded 100%, prompting the talks in Geneva, Switzerland, that reduced U.S. tariffs to "
        "30% on Chinese imports and Chinese tariffs on U.S. goods to 10%.");
    const auto* reduced = find(evs, "reduced");
    const auto* chinese = nth(evs, "tariffs", 2);
    REQUIRE(reduced);
    REQUIRE(chinese);
    CHECK(reduced->frame == "down tariff");
    CHECK(chinese->frame == "down tariff");
    CHECK(has_amount(*reduced, 30, "to"));
    CHECK_FALSE(has_amount(*reduced, 10, "to"));
    CHECK(has_amount(*chinese, 10, "to"));
    CHECK(reduced->summary == "Talks reduced U.S. tariffs to 30% on Chinese imports");
    CHECK(chinese->summary == "Talks reduced Chinese tariffs on U.S. goods to 10%");
    REQUIRE_FALSE(chinese->actors.empty());
    CHECK(chinese->actors.front() == "China");
    CHECK(chinese->subject_count == 1);
    CHECK(chinese->salience >= 0.5);
    // The gapped conjunct is another change, not a mention of this one; the first tariffs are.
    CHECK(chinese->mention_of.empty());
    REQUIRE(nth(evs, "tariffs", 1));
    CHECK(nth(evs, "tariffs", 1)->mention_of == reduced->id);
  }
  SECTION("news never seen: the verb's subject does both") {
    const auto evs = extract("Canada raised its levies on steel to 25% and its duties on aluminum to 15%.");
    const auto* raised = find(evs, "raised");
    const auto* duties = find(evs, "duties");
    REQUIRE(raised);
    REQUIRE(duties);
    CHECK(duties->frame == "up tariff");
    CHECK(has_amount(*raised, 25, "to"));
    CHECK(has_amount(*duties, 15, "to"));
    CHECK_FALSE(has_amount(*raised, 15, "to"));
    CHECK(duties->summary == "Canada raised its duties on aluminum to 15%");
    REQUIRE_FALSE(duties->actors.empty());
    CHECK(duties->actors.front() == "Canada");
    CHECK(duties->subject_count == 1);
  }
  SECTION("one amount for both conjuncts: one change") {
    const auto evs = extract("Trump lowered tariffs and duties to 10%.");
    const auto* lowered = find(evs, "lowered");
    const auto* duties = find(evs, "duties");
    REQUIRE(lowered);
    REQUIRE(duties);
    CHECK(has_amount(*lowered, 10, "to"));
    CHECK(duties->frame == "tariff");
    CHECK(duties->quantities.empty());
  }
}

TEST_CASE("what a change changes takes the change's frame and keeps its amount's sign", "[events][frame][summary]") {
  const auto evs = extract("Trump had ratcheted blanket tariffs on Chinese imports up to 145% in April.",
                           {{"April", "2025-04"}});
  const auto* ratcheted = find(evs, "ratcheted");
  const auto* tariffs = find(evs, "tariffs");
  REQUIRE(ratcheted);
  REQUIRE(tariffs);
  CHECK(ratcheted->frame == "up tariff");
  CHECK(tariffs->frame == "up tariff");
  CHECK(tariffs->lemma == "tariff");
  CHECK(tariffs->mention_of == ratcheted->id);  // one event with the change, for merging
  CHECK(ratcheted->mention_of.empty());
  // The phrase is cut after the number: the sign written against it stays ("145%", not "145").
  CHECK(tariffs->summary.find("up to 145%") != std::string::npos);
  CHECK(tariffs->salience < 0.3);  // still told by the change
}

TEST_CASE("a light verb is a mention of the event noun it brings about", "[events][frame]") {
  // "will hold trade talks", "had a very good call", "reach a deal": one event, named by the noun.
  const auto evs = extract("The two countries will hold trade talks.");
  const auto* hold = find(evs, "hold");
  const auto* talks = find(evs, "talks");
  REQUIRE(hold);
  REQUIRE(talks);
  CHECK(hold->frame == talks->frame);
  CHECK(hold->mention_of == talks->id);
  CHECK(talks->mention_of.empty());
  // Not a verb that is no light verb: "requested the call" tells another event.
  const auto other = extract("Trump requested the call.");
  for (const auto& e : other) CHECK(e.mention_of.empty());
  // "poses a threat", "issued a warning": the threat, the warning; the verb, with who acted,
  // names it when the noun's phrase names no one.
  for (const auto& [text, verb, noun] : {std::tuple<const char*, const char*, const char*>{
                                             "China poses a threat to Taiwan.", "poses", "threat"},
                                         {"Japan issued a warning on Monday.", "issued", "warning"}}) {
    INFO(text);
    const auto light = extract(text);
    const auto* v = find(light, verb);
    const auto* n = find(light, noun);
    REQUIRE(v);
    REQUIRE(n);
    CHECK(v->mention_of == n->id);
    CHECK(n->summary.rfind(v->actors.empty() ? "?" : v->actors.front(), 0) == 0);
  }
}

TEST_CASE("a light verb's subject is who did its noun's event, over a name the noun's phrase guessed", "[events][frame]") {
  const auto evs = extract("China said the U.S. undermined the Geneva truce by issuing warnings about Huawei chips.");
  const auto* warnings = find(evs, "warnings");
  REQUIRE(warnings);
  REQUIRE(!warnings->actors.empty());
  CHECK(warnings->actors.front() == "U.S.");
  CHECK(warnings->summary.rfind("U.S. issuing warnings", 0) == 0);
  // An infinitive's subject is not (the parse may give it the verb that controls it).
  const auto talks = extract("The U.S. wants Mobutu and Kabila to hold talks in South Africa.");
  const auto* held = find(talks, "talks");
  REQUIRE(held);
  CHECK(held->summary.rfind("U.S.", 0) != 0);
}

TEST_CASE("a light verb's nominalisation is a mention of the event noun after its \"of\"", "[events][frame]") {
  const auto evs = extract("The dispute ended with the signing of the Phase One deal in January 2020.");
  const auto* signing = find(evs, "signing");
  const auto* deal = find(evs, "deal");
  REQUIRE(signing);
  REQUIRE(deal);
  CHECK(signing->mention_of == deal->id);
  // Not a noun that is no light verb's: "the breaking of the deal" is another event.
  const auto other = extract("The dispute ended with the breaking of the deal in January 2020.");
  for (const auto& e : other) CHECK(e.mention_of.empty());
}

TEST_CASE("a hyphenated modifier the parser took for the subject stands for the noun it modifies", "[events][frame]") {
  // The tokenizer splits "Tit - for - tat" (as UD EWT does); the parse makes "Tit" the subject of
  // "exceeded" and "tariffs" its apposition. What the change changes is the tariffs.
  const auto evs = extract("Tit-for-tat tariffs exceeded 100%, prompting the talks in Geneva.");
  const auto* exceeded = find(evs, "exceeded");
  const auto* tariffs = find(evs, "tariffs");
  REQUIRE(exceeded);
  REQUIRE(tariffs);
  CHECK(exceeded->frame == "up tariff");
  CHECK(tariffs->frame == "up tariff");
  CHECK(tariffs->mention_of == exceeded->id);  // one event with the change, for merging
  CHECK(exceeded->summary == "Tit-for-tat tariffs exceeded 100%");
  CHECK(exceeded->actors.empty());
  // A subject the parse already heads right is unchanged.
  const auto rates = extract("Long-term tariffs rose to 30%.");
  const auto* rose = find(rates, "rose");
  REQUIRE(rose);
  CHECK(rose->frame == "up tariff");
}

TEST_CASE("a light verb the parser took for an adjective of its noun is still its light verb", "[events][frame]") {
  // After a quotation mark the parse makes "held" an amod of "talks" and "Xi" their possessor.
  const auto evs = extract("The Chinese embassy in Washington said Mr. Xi \xE2\x80\x9Cheld phone talks with U.S. "
                           "President Donald Trump at the latter\xE2\x80\x99s request.\xE2\x80\x9D");
  const auto* held = find(evs, "held");
  const auto* talks = find(evs, "talks");
  REQUIRE(held);
  REQUIRE(talks);
  CHECK(talks->frame == "contact");
  CHECK(held->frame == "contact");
  CHECK(held->mention_of == talks->id);
  // The light verb's subject takes part in its event: the talks are Xi's and Trump's.
  CHECK(has_actor(*talks, "Xi"));
  CHECK(has_actor(*talks, "Donald Trump"));  // "Trump" only when the document also says "Trump"
}

TEST_CASE("a quotation's \"I\" is its speaker, the named subject of the reporting verb", "[events][actors]") {
  // (A person: a title names one somewhere in the document.)
  const auto evs = extract("\xe2\x80\x9cI just concluded a very good phone call with President Xi,\xe2\x80\x9d President Donald "
                           "Trump said in a post.");
  const auto* concluded = find(evs, "concluded");
  REQUIRE(concluded);
  REQUIRE_FALSE(concluded->actors.empty());
  CHECK(concluded->actors[0] == "Donald Trump");
  // Outside quotation marks "I" names no one the text names.
  const auto plain = extract("I just concluded a very good phone call with President Xi, President Donald Trump said.");
  const auto* c = find(plain, "concluded");
  REQUIRE(c);
  CHECK(std::find(c->actors.begin(), c->actors.end(), "Donald Trump") == c->actors.end());
}

TEST_CASE("every example of a limited light verb (light_verbs.tsv) is a mention of its noun", "[events][frame][resources]") {
  static const auto lex = events::lexicon::load_default();
  REQUIRE_FALSE(lex->light_verb_examples().empty());
  for (const auto& ex : lex->light_verb_examples()) {
    INFO("light_verbs.tsv:" << ex.line << ": " << ex.text);
    const auto evs = extract(ex.text);
    const auto* verb = find(evs, ex.verb);
    const auto* noun = find(evs, ex.noun);
    REQUIRE(verb);
    REQUIRE(noun);
    CHECK(verb->mention_of == noun->id);
    CHECK(verb->frame == noun->frame);
    // The light verb's subject acted: the noun is its event.
    REQUIRE(noun->subject_count > 0);
    CHECK(verb->actors.front() == noun->actors.front());
  }
}

TEST_CASE("every example of an act told as an answer (response_acts.tsv) is a mention of the act", "[events][resources]") {
  static const auto lex = events::lexicon::load_default();
  REQUIRE_FALSE(lex->response_examples().empty());
  for (const auto& ex : lex->response_examples()) {
    INFO("response_acts.tsv:" << ex.line << ": " << ex.text);
    const auto evs = extract(ex.text);
    const auto* mention = find(evs, ex.mention);
    const auto* event = find(evs, ex.event);
    REQUIRE(mention);
    REQUIRE(event);
    CHECK(mention->mention_of == event->id);
  }
  SECTION("a \"by\" clause the parse hangs on the verb's object") {
    const auto evs = extract("Unlike other countries that came to the negotiating table, China retaliated against Mr. "
                             "Trump\u2019s \u201cLiberation Day\u201d tariffs by imposing hefty levies on U.S. goods.");
    const auto* imposing = find(evs, "imposing");
    const auto* retaliated = find(evs, "retaliated");
    REQUIRE(imposing);
    REQUIRE(retaliated);
    CHECK(imposing->mention_of == retaliated->id);
  }
  SECTION("not another preposition, nor another verb's gerund") {
    const auto after = extract("Beijing hiked tariffs on U.S. goods to 125% after retaliation by the U.S.");
    REQUIRE(find(after, "retaliation"));
    CHECK(find(after, "retaliation")->mention_of.empty());
    const auto grew = extract("China grew by exporting more goods.");
    REQUIRE(find(grew, "exporting"));
    CHECK(find(grew, "exporting")->mention_of.empty());
    const auto without_by = extract("China retaliated while imposing hefty levies on U.S. goods.");
    REQUIRE(find(without_by, "imposing"));
    CHECK(find(without_by, "imposing")->mention_of.empty());
  }
}

TEST_CASE("a limited light verb is light only for its frames and its preposition", "[events][frame]") {
  // "extended an invitation" is the invitation; "extended the truce" is another event.
  for (const char* text : {"Trump extended the truce by 90 days.", "Trump reciprocated the invitation.",
                           "Trump agreed with the invitation."}) {
    INFO(text);
    for (const auto& e : extract(text)) CHECK(e.mention_of.empty());
  }
  const auto evs = extract("Trump reciprocated with an invitation for Xi to visit the United States.");
  const auto* invitation = find(evs, "invitation");
  REQUIRE(invitation);
  CHECK(invitation->summary == "Trump reciprocated with an invitation for Xi");
}

TEST_CASE("a noun's possessor is who acted, not the subject of the verb that governs it", "[events][actors]") {
  // "he accepted Mr. Xi's invitation": the invitation is Xi's; Trump accepted it.
  const auto evs = extract("Mr. Trump said he accepted Mr. Xi\xE2\x80\x99s invitation for him to visit China.");
  const auto* invitation = find(evs, "invitation");
  REQUIRE(invitation);
  REQUIRE(invitation->subject_count == 1);
  CHECK(invitation->actors.front() == "Xi");
  CHECK(has_actor(*invitation, "Trump"));  // the governing verb's subject takes part
  // A possessive pronoun: the last person named.
  const auto own = extract("Trump reciprocated with his own invitation for Xi.");
  const auto* his = find(own, "invitation");
  REQUIRE(his);
  REQUIRE(his->subject_count == 1);
  CHECK(his->actors.front() == "Trump");
  // No possessor: the governing verb's subject, as before ("Trump and Xi held a call").
  const auto held = extract("Trump and Xi held a call.");
  const auto* call = find(held, "call");
  REQUIRE(call);
  CHECK(call->subject_count == 2);
}

TEST_CASE("an object pronoun of a reported clause is the speaker", "[events][actors][summary]") {
  SECTION("a named speaker") {
    const auto evs = extract("Mr. Trump said he accepted Mr. Xi\xE2\x80\x99s invitation for him and first lady Melania "
                             "Trump to visit China.");
    const auto* invitation = find(evs, "invitation");
    REQUIRE(invitation);
    CHECK(invitation->summary.find("for Trump and first lady Melania Trump") != std::string::npos);
    CHECK(invitation->summary.find("him") == std::string::npos);
  }
  SECTION("a titled description of the one person the document names with that title") {
    const auto evs = extract("President Donald Trump spoke with Chinese leader Xi Jinping. The Republican president "
                             "said Xi invited him to China.");
    const auto* invited = find(evs, "invited");
    REQUIRE(invited);
    CHECK(invited->actors.front() == "Xi");
    CHECK(has_actor(*invited, "Donald Trump"));  // "Trump" only when the document also says "Trump"
    CHECK(invited->summary == "Xi invited Donald Trump to China");
  }
  SECTION("never the subject of its own verb, and not when the title names two people") {
    const auto evs = extract("President Donald Trump spoke with Chinese President Xi Jinping. The president said Xi "
                             "invited him.");
    const auto* invited = find(evs, "invited");
    REQUIRE(invited);
    CHECK(invited->summary == "Xi invited");  // an unresolved pronoun is left out, as before
    const auto us = extract("President Donald Trump spoke with Chinese President Xi Jinping. The U.S. president said "
                            "Xi invited him.");
    REQUIRE(find(us, "invited"));
    CHECK(find(us, "invited")->summary == "Xi invited Donald Trump");
    const auto self = extract("Mr. Xi said Mr. Trump invited him.");
    const auto* trump = find(self, "invited");
    REQUIRE(trump);
    CHECK(trump->summary == "Trump invited Xi");
  }
}

TEST_CASE("\"the latter\" and \"the former\" are the second and the first of the two persons named before",
          "[events][actors]") {
  const auto subject = [](const std::vector<events::event_mention>& evs, const std::string& trigger) -> std::string {
    const auto* e = find(evs, trigger);
    REQUIRE(e);
    return e->subject_count > 0 ? e->actors.front() : std::string{};
  };
  SECTION("a possessor") {
    const auto latter = extract("Mr. Xi held phone talks with President Donald Trump at the latter\xE2\x80\x99s request.");
    CHECK(subject(latter, "request") == "Donald Trump");
    const auto former = extract("Mr. Xi held phone talks with President Donald Trump at the former\xE2\x80\x99s request.");
    CHECK(subject(former, "request") == "Xi");
  }
  SECTION("a subject") {
    const auto evs = extract("President Donald Trump called Mr. Xi, and the latter complained about export controls.");
    CHECK(subject(evs, "complained") == "Xi");
  }
  SECTION("not after one person, nor after three") {
    const auto one = extract("Mr. Xi held phone talks with the delegation at the latter\xE2\x80\x99s request.");
    CHECK(subject(one, "request").empty());
    const auto three = extract("Mr. Xi met Mr. Putin and President Donald Trump at the latter\xE2\x80\x99s request.");
    CHECK(subject(three, "request").empty());
  }
}

TEST_CASE("a titled description is the subject it stands for, when the document names one person with that title",
          "[events][actors]") {
  const auto subject = [](const std::vector<events::event_mention>& evs, const std::string& trigger) -> std::string {
    const auto* e = find(evs, trigger);
    REQUIRE(e);
    return e->subject_count > 0 ? e->actors.front() : std::string{};
  };
  const std::string named = "President Donald Trump spoke with Chinese President Xi Jinping on Thursday. ";
  SECTION("the parse's subject, or a description right before a verb the parse gives none") {
    CHECK(subject(extract(named + "The U.S. president later said that both leaders had accepted the offers."), "said") ==
          "Donald Trump");
    CHECK(subject(extract(named + "It came one day after the U.S. president lamented on social media that Xi was hard "
                                  "to deal with."),
                  "lamented") == "Donald Trump");
  }
  SECTION("not a title two people share, an indefinite one, or a word of another title") {
    CHECK(subject(extract(named + "The president later said that both leaders had accepted the offers."), "said").empty());
    CHECK(subject(extract(named + "A president later said that both leaders had accepted the offers."), "said").empty());
    const auto greer = extract("U.S. Trade Representative Jamieson Greer met his counterparts. Both sides are hoping to "
                               "resolve deeper trade disputes after a meeting in May knocked down tariffs.");
    for (const auto& e : greer)
      if (e.trigger != "met") CHECK(std::find(e.actors.begin(), e.actors.end(), "Jamieson Greer") == e.actors.end());
  }
}

TEST_CASE("a closed-class word the tagger takes for a verb is no event", "[events][summary]") {
  // The tagger makes "no" the verb of "There should no longer be any questions" (its summary was
  // "Should no"); the clause's other events stay.
  const auto evs = extract("\xE2\x80\x9CThere should no longer be any questions respecting the complexity of Rare Earth "
                           "products,\xE2\x80\x9D he said.");
  CHECK(find(evs, "no") == nullptr);
  CHECK(find(evs, "respecting") != nullptr);
  CHECK(find(evs, "said") != nullptr);
  // A verb is still a verb.
  CHECK(find(extract("Trump and Xi held a lengthy phone call."), "held") != nullptr);
}

TEST_CASE("an attributive participle of knowing is no event, its noun is", "[events][summary]") {
  const auto evs = extract("Trump and Xi held their first known phone call of the American president's term.");
  CHECK(find(evs, "known") == nullptr);
  CHECK(find(evs, "call") != nullptr);
  // Not the verb itself.
  CHECK(find(extract("Trump has known Xi for years."), "known") != nullptr);
}

// ---- readable summaries: what a report reports, "to" before an infinitive, no repeated word, a
// time expression inside a noun phrase, a bare word completed

namespace {
std::string summary_of(const std::vector<events::event_mention>& evs, const std::string& trigger) {
  const auto* e = find(evs, trigger);
  return e ? e->summary : std::string("<no event>");
}
}  // namespace

TEST_CASE("a report whose subject follows it does not say its subject again", "[events][summary][report]") {
  const auto evs = extract("\xE2\x80\x9CThe call appears to have broken the impasse on critical minerals,\xE2\x80\x9D said "
                           "Wendy Cutler, a former senior U.S. trade negotiator.");
  const auto s = summary_of(evs, "said");
  CHECK(s == "Wendy Cutler said: call appears to have broken the impasse on critical minerals");
}

TEST_CASE("a report after its quotation with only a place or a source after it says the quotation",
          "[events][summary][report]") {
  const auto evs = extract("\xE2\x80\x9CThe situation remains unresolved,\xE2\x80\x9D the group said in a letter from "
                           "MEMA.");
  CHECK(summary_of(evs, "said") == "Group said: situation remains unresolved");
  SECTION("a parenthetical report after the clause it reports") {
    const auto p = extract("The U.S. will be represented in the upcoming meeting by Scott Bessent, Trump said.");
    CHECK(summary_of(p, "said") == "Trump said: U.S. will be represented in the upcoming meeting by Scott Bessent");
  }
  SECTION("a quoted word that says nothing alone is passed over") {
    const auto q = extract("\xE2\x80\x9CGiven how quickly misunderstandings surfaced after the Geneva meetings, "
                           "expectations should be low,\xE2\x80\x9D Cutler said.");
    CHECK(summary_of(q, "said") == "Cutler said: misunderstandings surfaced after the Geneva meetings");
  }
}

TEST_CASE("a report inside a relative clause reports what its antecedent did", "[events][summary][report]") {
  const auto evs = extract("President Donald Trump wrote on his platform after the call, which he said lasted an hour and "
                           "a half.",
                           {{"an hour and a half", "PT1H30M", chronograph::timex::timex_type::duration}});
  CHECK(summary_of(evs, "lasted") == "Call lasted an hour and a half");
  CHECK(summary_of(evs, "said") == "Donald Trump said: call lasted an hour and a half");
}

TEST_CASE("a quantifier stays with the subject it counts", "[events][summary]") {
  const auto evs = extract("Both men said talks were heading in a positive direction.");
  CHECK(summary_of(evs, "said") == "Both men said talks were heading in a positive direction");
}

TEST_CASE("a bare infinitive shown with its subject reads with \"to\"", "[events][summary][infinitive]") {
  const auto evs = extract("Trump raised tariffs to pressure China.");
  CHECK(summary_of(evs, "pressure") == "Trump to pressure China");
  const auto d = extract("The pair discussed Trump's demands that China do more to prevent the flow of fentanyl.");
  CHECK(summary_of(d, "do") == "China to do more");
  SECTION("a modal before a quotation mark stays in the verb group") {
    const auto m = extract("Xi said both leaders must \xE2\x80\x9Ctake the helm and set the right course.\xE2\x80\x9D");
    CHECK(summary_of(m, "take") == "Both leaders must take the helm");
  }
}

TEST_CASE("a verb's object stops before a coordinated verb", "[events][summary]") {
  const auto evs = extract("The U.S. has moved to block foreigners from obtaining visas and revoke some from some current "
                           "students.",
                           {{"current", "PRESENT_REF"}});
  CHECK(summary_of(evs, "obtaining") == "Obtaining visas");
  CHECK(summary_of(evs, "revoke") == "Revoke some from some current students");
}

TEST_CASE("a time expression inside a noun phrase stays in it", "[events][summary]") {
  const auto evs = extract("Trade negotiations between the United States and China stalled shortly after a May 12 "
                           "agreement between the two countries.",
                           {{"May 12", "2025-05-12"}});
  CHECK(summary_of(evs, "stalled") == "Trade negotiations stalled after a May 12 agreement between the two countries");
  const auto f = extract("The U.S. backed away from that deal, leading to more than 18 months of further tariffs.",
                         {{"more than 18 months", "P18M", chronograph::timex::timex_type::duration}});
  CHECK(summary_of(f, "leading") == "Leading to more than 18 months of further tariffs");
}

TEST_CASE("a summary does not say a word twice in a row", "[events][summary]") {
  const auto evs = extract("The U.S. has moved to revoke some from some students.");
  const auto s = summary_of(evs, "revoke");
  CHECK(s.find("some some") == std::string::npos);
}

TEST_CASE("a bare noun says the clause it is the subject or the object of", "[events][summary][bare]") {
  const auto evs = extract("There is mounting pressure on the White House to salvage the negotiations.");
  CHECK(summary_of(evs, "negotiations") == "Salvage the negotiations");
  const auto t = extract("The tariffs effectively led to a trade embargo.");
  CHECK(summary_of(t, "tariffs") == "Tariffs led to a trade embargo");
  SECTION("not a noun a preposition hangs on another noun") {
    const auto r = extract("Trump signaled a Chinese reprieve on the restrictions.");
    CHECK(summary_of(r, "restrictions") == "Restrictions");
  }
}

TEST_CASE("a verb without a named subject keeps its pronoun subject and object", "[events][summary][bare]") {
  const auto evs = extract("\xE2\x80\x9CThis is very complex stuff, and we straightened it out,\xE2\x80\x9D the official "
                           "told reporters.");
  CHECK(summary_of(evs, "straightened") == "We straightened it out");
  const auto w = extract("They are working with the central government to beat us.");
  CHECK(summary_of(w, "beat") == "Beat us");
  CHECK(summary_of(w, "working") == "They are working with the central government");
  SECTION("a \"he\" or \"she\" no person named before stands for") {
    const auto h = extract("He told reporters the talks would go on.");
    CHECK(summary_of(h, "told") == "He told reporters the talks would go");
    // One a person named before stands for is that person.
    const auto p = extract("President Donald Trump spoke on Monday. He told reporters the talks would go on.");
    CHECK(summary_of(p, "told") == "Donald Trump told reporters the talks would go");
  }
}

TEST_CASE("a summary cut to its length ends at a word that closes a phrase", "[events][summary]") {
  const auto evs = extract("President Donald Trump said that his first call with Chinese leader Xi Jinping since "
                           "returning to office was very positive.");
  const auto s = summary_of(evs, "said");
  CHECK(s.size() <= 80);
  CHECK(s.substr(s.size() - 3) != " to");
  const auto p = extract("Before the leaders\xE2\x80\x99 call, there had been tension between the sides.");
  CHECK(summary_of(p, "call") == "Leaders\xE2\x80\x99 call");
}

TEST_CASE("a phrase cut by its word count ends with its noun", "[events][summary]") {
  const auto evs = extract("The leaders agreed to further trade talks aimed at resolving disputes over tariffs and "
                           "supplies of rare earth minerals.");
  CHECK(summary_of(evs, "disputes") == "Disputes over tariffs and supplies of rare earth minerals");
  const auto t = extract("The call broke the impasse between the world\xE2\x80\x99s two largest economies.");
  CHECK(summary_of(t, "impasse") == "Impasse between the world\xE2\x80\x99s two largest economies");
}

TEST_CASE("a relative clause's antecedent is no time expression", "[events][summary]") {
  const auto evs = extract("The countries accused each other of reneging on an interim accord struck in Geneva last "
                           "month that scaled back triple-digit tariffs.",
                           {{"last month", "2025-05"}});
  CHECK(summary_of(evs, "scaled") == "Interim accord scaled back triple-digit tariffs");
}

TEST_CASE("a report keeps the duration of the event it reports", "[events][summary][report]") {
  const auto evs = extract("Trump said the call lasted an hour and a half.",
                           {{"an hour and a half", "PT1H30M", chronograph::timex::timex_type::duration}});
  CHECK(summary_of(evs, "said") == "Trump said the call lasted an hour and a half");
}

TEST_CASE("the subject shown is the event noun whose modifiers name the actors", "[events][summary]") {
  const auto evs = extract("The 90-minute call between Trump and Xi appears to have broken the impasse.");
  CHECK(summary_of(evs, "appears") == "90-minute call appears to have broken the impasse");
  SECTION("an infinitive of a predicate adjective has the adjective's subject") {
    const auto a = extract("Trump told Xi Chinese students are welcome to study in the U.S.");
    CHECK(summary_of(a, "study") == "Chinese students to study in the U.S.");
  }
  SECTION("a coordinated verb has its first conjunct's subject") {
    const auto c = extract("The call between the two leaders lasted 90 minutes and focused on trade.",
                           {{"90 minutes", "PT90M", chronograph::timex::timex_type::duration}});
    CHECK(summary_of(c, "focused") == "Call focused on trade");
    const auto x = extract("Xi likened the relationship to a giant ship and said both leaders must take the helm.");
    CHECK(summary_of(x, "said") == "Xi said both leaders must take the helm");
  }
}

TEST_CASE("a report says the clause it reports past where its phrase stopped", "[events][summary][report]") {
  const auto evs = extract("Trump said Treasury Secretary Scott Bessent, Commerce Secretary Howard Lutnick and Trade "
                           "Representative Jamieson Greer would represent the U.S. side.");
  const auto s = summary_of(evs, "said");
  INFO(s);
  CHECK(s.rfind("Trump said ", 0) == 0);
  CHECK(s.find("would represent the U.S. side") != std::string::npos);
  SECTION("a short quotation without an event that says more is quoted") {
    const auto q = extract("\xE2\x80\x9CI guess that\xE2\x80\x99s what we\xE2\x80\x99re discussing,\xE2\x80\x9D "
                           "Trump said.");
    CHECK(summary_of(q, "said") ==
          "Trump said: \xE2\x80\x9CI guess that\xE2\x80\x99s what we\xE2\x80\x99re discussing\xE2\x80\x9D");
  }
}

TEST_CASE("what a report says inline keeps its capitals and a subject", "[events][summary][report]") {
  const auto evs = extract("A Chinese company diverted US equipment to a military plant, the newspaper said.");
  CHECK(summary_of(evs, "said") == "Newspaper said: Chinese company diverted US equipment to a military plant");
  const auto q = extract("\xE2\x80\x9CWe are working on the date,\xE2\x80\x9D the spokesman said.");
  CHECK(summary_of(q, "said") == "Spokesman said: we are working on the date");
  SECTION("a single closing quotation mark is no possessive") {
    const auto c = extract("The U.S. would stick to its 'one China' policy.");
    CHECK(summary_of(c, "stick") == "U.S. would stick to its one China policy");
  }
}

TEST_CASE("a quotation's \"I\" is its speaker, said as \"I\" after the report", "[events][summary][report]") {
  // The quoted event's subject is the speaker (find_actors), so its own summary names him; the
  // report says it as he said it, not his name twice.
  const auto evs = extract("President Donald Trump spoke with Xi. \xE2\x80\x9CI just concluded a very good phone call "
                           "with President Xi,\xE2\x80\x9D Trump said in a post on Truth Social.");
  const auto* concluded = find(evs, "concluded");
  REQUIRE(concluded);
  REQUIRE_FALSE(concluded->actors.empty());
  CHECK(concluded->actors.front() == "Trump");
  CHECK(concluded->summary.rfind("Trump concluded a very good phone call", 0) == 0);
  CHECK(summary_of(evs, "said") == "Trump said: I concluded a very good phone call with President Xi");
  SECTION("also before the quotation, with a title") {
    const auto b = extract("Chancellor Olaf Scholz said: \xE2\x80\x9CI signed the agreement with France this "
                           "morning.\xE2\x80\x9D");
    const auto s = summary_of(b, "said");
    INFO(s);
    CHECK(s.rfind("Olaf Scholz said: I signed the agreement", 0) == 0);
  }
  SECTION("a quotation whose subject is someone else keeps the name") {
    const auto c = extract("President Donald Trump spoke with Macron. \xE2\x80\x9CMacron agreed to more "
                           "talks,\xE2\x80\x9D Trump said.");
    CHECK(summary_of(c, "said") == "Trump said: Macron agreed to more talks");
  }
}

TEST_CASE("a report before its quotation says the quotation", "[events][summary][report]") {
  const auto evs = extract("Vranitzky said: \xE2\x80\x9CNone of these pillars can stand by themselves, they are "
                           "inter-dependent.\xE2\x80\x9D");
  const auto s = summary_of(evs, "said");
  INFO(s);
  CHECK(s.rfind("Vranitzky said: ", 0) == 0);
  CHECK(s.find("can stand") != std::string::npos);
  SECTION("a report after a comma at the end of its sentence says the sentence's main clause") {
    const auto p = extract("Prime Minister Vo Van Kiet has issued a directive on state secrets, reports said.");
    CHECK(summary_of(p, "said") == "Reports said: Vo Van Kiet has issued a directive on state secrets");
  }
}

TEST_CASE("a verb's phrase stops before a coordinated infinitive and keeps a passive infinitive",
          "[events][summary]") {
  const auto evs = extract("Xi told Trump that the two sides need to steer carefully in a good direction and for them "
                           "to \xE2\x80\x9C" "eliminate all kinds of interference.\xE2\x80\x9D");
  CHECK(summary_of(evs, "need") == "Two sides need to steer in a good direction");
  const auto r = extract("Whether the call will unlock lasting trade peace, and crucially, shipments of critical "
                         "minerals needed by U.S. companies, remains to be seen.");
  CHECK(summary_of(r, "remains") == "Remains to be seen");
}

TEST_CASE("a name inside the subject's prepositional phrase is not the subject", "[events][summary]") {
  const auto evs = extract("\xE2\x80\x9CThe 90-minute call between Trump and Xi appears to have importantly broken the "
                           "impasse on critical minerals and other immediate concerns to pave the way for trade talks,"
                           "\xE2\x80\x9D said Wendy Cutler, a former senior U.S. trade negotiator.");
  const auto s = summary_of(evs, "appears");
  INFO(s);
  CHECK(s.rfind("90-minute call appears", 0) == 0);
}

TEST_CASE("the subject of a for-to infinitive stays its subject", "[events][summary]") {
  const auto evs = extract("Trump reciprocated with his own invitation for Xi to visit the United States.");
  CHECK(summary_of(evs, "visit") == "Xi to visit the United States");
}

TEST_CASE("a for-to infinitive's subject is the noun of its \"for\" phrase", "[events][actors][infinitive]") {
  // The parse hangs "to prevent" on "called": the enforcement is to prevent it, not Lutnick.
  const auto evs = extract("Lutnick called for increased enforcement of export controls to prevent China from stealing "
                           "technology.");
  const auto* prevent = find(evs, "prevent");
  REQUIRE(prevent);
  CHECK(prevent->subject_count == 0);
  CHECK(prevent->summary == "Enforcement to prevent China");
  CHECK(summary_of(extract("Beijing pushed for talks to resolve the dispute."), "resolve") == "Talks to resolve the dispute");
  SECTION("a purpose infinitive without a \"for\" phrase before it is its governing verb's subject's") {
    const auto p = extract("Trump raised tariffs to pressure China.");
    const auto* pressure = find(p, "pressure");
    REQUIRE(pressure);
    REQUIRE(pressure->subject_count == 1);
    CHECK(pressure->actors[0] == "Trump");
  }
}

TEST_CASE("a relative pronoun subject stands for the noun or name its clause modifies", "[events][actors][relative]") {
  const auto evs = extract("Yulo replaces Vitaliano Nanagas, who resigned after a few months on the job.");
  const auto* resigned = find(evs, "resigned");
  REQUIRE(resigned);
  REQUIRE(resigned->subject_count == 1);
  CHECK(resigned->actors[0] == "Vitaliano Nanagas");
  CHECK(resigned->summary == "Vitaliano Nanagas resigned after a few months on the job");
  SECTION("\"which\" of a name") {
    const auto w = extract("Shares rose on the wings of an overnight rally on Wall Street, which reversed early losses.");
    const auto* reversed = find(w, "reversed");
    REQUIRE(reversed);
    REQUIRE(reversed->subject_count == 1);
    CHECK(reversed->actors[0] == "Wall Street");
  }
  SECTION("the parse hangs the clause on a verb or a time: the name right before the pronoun") {
    const auto v = extract("Visi takes over from American Francis Lambert who at 75 must retire.");
    const auto* retire = find(v, "retire");
    REQUIRE(retire);
    REQUIRE(retire->subject_count == 1);
    CHECK(retire->actors[0] == "Francis Lambert");
    const auto t = extract("On Thursday, Ichiro Ozawa, who heads the party, met reporters.", {{"Thursday", "2025-06-05"}});
    const auto* heads = find(t, "heads");
    REQUIRE(heads);
    REQUIRE(heads->subject_count == 1);
    CHECK(heads->actors[0] == "Ichiro Ozawa");
  }
  SECTION("a titled description: the person the document names with that title") {
    const auto d = extract("President Donald Trump spoke. The Republican president, who returned to the White House in "
                           "January, praised the call.");
    const auto* returned = find(d, "returned");
    REQUIRE(returned);
    REQUIRE(returned->subject_count == 1);
    CHECK(returned->actors[0] == "Donald Trump");
  }
  SECTION("a noun or a pronoun it stands for names no one") {
    const auto o = extract("Officials who attended the meeting said it was productive.");
    const auto* attended = find(o, "attended");
    REQUIRE(attended);
    CHECK(attended->actors.empty());
    CHECK(attended->summary == "Officials attended the meeting");
    const auto p = extract("The laws allow for prosecution of those who reveal state secrets.");
    const auto* reveal = find(p, "reveal");
    REQUIRE(reveal);
    CHECK(reveal->actors.empty());
  }
}

TEST_CASE("a verb whose subject is an event noun has that event's participants", "[events][actors][relative]") {
  const auto evs = extract("The talks between Trump and Xi, which lasted two hours, ended without a deal.",
                           {{"two hours", "PT2H", chronograph::timex::timex_type::duration}});
  const auto* lasted = find(evs, "lasted");
  REQUIRE(lasted);
  CHECK(lasted->subject_count == 0);  // the talks lasted, not Trump
  CHECK(has_actor(*lasted, "Trump"));
  CHECK(has_actor(*lasted, "Xi"));
  CHECK(lasted->summary == "Talks lasted two hours");
  SECTION("not a noun the verb's subject is not") {
    const auto n = extract("Trump wrote about the talks between Bessent and He, and officials lasted two hours.",
                           {{"two hours", "PT2H", chronograph::timex::timex_type::duration}});
    const auto* l = find(n, "lasted");
    REQUIRE(l);
    CHECK_FALSE(has_actor(*l, "Bessent"));
  }
}

TEST_CASE("a bare noun says the relative clause that tells what it did", "[events][summary][bare][relative]") {
  const auto evs = extract("President Donald Trump wrote on his platform after the call, which he said lasted an hour and "
                           "a half.",
                           {{"an hour and a half", "PT1H30M", chronograph::timex::timex_type::duration}});
  CHECK(summary_of(evs, "call") == "Call lasted an hour and a half");
  SECTION("not a relative clause of another noun") {
    const auto o = extract("Trump wrote after the call to officials, who said nothing.");
    CHECK(summary_of(o, "call").find("said") == std::string::npos);
  }
}

TEST_CASE("the name of a \"for\" phrase takes part in an event noun", "[events][actors]") {
  const auto evs = extract("President Donald Trump reciprocated with an invitation for Xi to visit the United States.");
  const auto* invitation = find(evs, "invitation");
  REQUIRE(invitation);
  REQUIRE(invitation->subject_count == 1);
  CHECK(invitation->actors[0] == "Donald Trump");  // the light verb's subject acted
  CHECK(has_actor(*invitation, "Xi"));               // Xi is whom it is for
  SECTION("a \"for\" phrase without a name adds no one") {
    const auto n = extract("Xi extended an invitation for a visit.");
    const auto* i = find(n, "invitation");
    REQUIRE(i);
    CHECK(i->actors.size() == i->subject_count);
  }
}

TEST_CASE("a name after an adposition is no subject, whatever the parse says", "[events][actors]") {
  // The parse makes "Xi" a second subject of "concluded".
  const auto evs = extract("President Donald Trump spoke. \xe2\x80\x9cI just concluded a very good phone call with President "
                           "Xi, of China,\xe2\x80\x9d Trump said.");
  const auto* concluded = find(evs, "concluded");
  REQUIRE(concluded);
  REQUIRE(concluded->subject_count == 1);
  CHECK(concluded->actors[0] == "Trump");
  CHECK(has_actor(*concluded, "Xi"));  // it takes part
  CHECK(concluded->summary == "Trump concluded a very good phone call with President Xi");
  SECTION("coordinated subjects stay subjects") {
    const auto c = extract("Trump and Xi concluded a very good phone call.");
    const auto* k = find(c, "concluded");
    REQUIRE(k);
    CHECK(k->subject_count == 2);
  }
}

TEST_CASE("a lone capitalised adjective is a nationality or an affiliation, not a participant", "[events][actors]") {
  const auto evs = extract("Palestinian police deployed large numbers of men around the Jewish quarter.");
  const auto* deployed = find(evs, "deployed");
  REQUIRE(deployed);
  CHECK_FALSE(has_actor(*deployed, "Palestinian"));
  CHECK_FALSE(has_actor(*deployed, "Jewish"));
  CHECK(deployed->summary == "Palestinian police deployed large numbers of men around the Jewish quarter");
  SECTION("a name with such a word stays a name") {
    const auto n = extract("The attack was condemned by Saudi Arabia and Jordan.");
    const auto* condemned = find(n, "condemned");
    REQUIRE(condemned);
    CHECK(has_actor(*condemned, "Saudi Arabia"));
  }
}

TEST_CASE("a name does not shorten to a word the document uses as a description", "[events][actors]") {
  // "the hungry North", "the Front": descriptions, not the short form of "North Korea", "United Front".
  const auto evs = extract("Talks with North Korea resumed on Monday. Han said the hungry North was willing to talk.");
  const auto* talks = find(evs, "Talks");
  REQUIRE(talks);
  CHECK(has_actor(*talks, "North Korea"));
  const auto f = extract("Congress withdrew support to the United Front. The Front said it would fight.");
  const auto* withdrew = find(f, "withdrew");
  REQUIRE(withdrew);
  CHECK(has_actor(*withdrew, "United Front"));
  SECTION("a person's name still shortens to the name said alone") {
    const auto p = extract("President Donald Trump spoke on Monday. Trump said the talks went well.");
    const auto* spoke = find(p, "spoke");
    REQUIRE(spoke);
    REQUIRE_FALSE(spoke->actors.empty());
    CHECK(spoke->actors[0] == "Trump");
  }
}

TEST_CASE("a subject that says no one did it negates the verb", "[events][polarity]") {
  // TBAQ marks these NEG two times in three; the parse finds the subject.
  const auto nothing = extract("\xE2\x80\x9CNothing was discussed concerning Russia,\xE2\x80\x9D Trump said.");
  REQUIRE(find(nothing, "discussed"));
  CHECK(find(nothing, "discussed")->pol == events::polarity::neg);
  const auto no_one = extract("No one was hurt in the blast.");
  REQUIRE(find(no_one, "hurt"));
  CHECK(find(no_one, "hurt")->pol == events::polarity::neg);
  const auto nobody = extract("Nobody expects a deal this year.");
  REQUIRE(find(nobody, "expects"));
  CHECK(find(nobody, "expects")->pol == events::polarity::neg);
  // Not a negative word elsewhere in the clause, nor "one" without "no".
  const auto some = extract("Officials discussed nothing new, and one said talks would resume.");
  REQUIRE(find(some, "discussed"));
  CHECK(find(some, "discussed")->pol == events::polarity::pos);
  REQUIRE(find(some, "resume"));
  CHECK(find(some, "resume")->pol == events::polarity::pos);
}

TEST_CASE("the parts of a hyphenated pair of names are names when the document writes them alone", "[events][actors]") {
  const auto evs = extract("Trump spoke with Xi on Thursday. Traders awaited details from the Trump-Xi call. "
                           "Shares of Coca-Cola rose.");
  const auto* call = find(evs, "call");
  REQUIRE(call);
  CHECK(has_actor(*call, "Trump"));
  CHECK(has_actor(*call, "Xi"));
  // "Coca" is written nowhere alone: the hyphenated word stays one compound.
  const auto* rose = find(evs, "rose");
  REQUIRE(rose);
  CHECK_FALSE(has_actor(*rose, "Coca"));
}

TEST_CASE("a report's pronoun after a sentence reporting someone's words is that speaker", "[events][actors][pronoun]") {
  // News goes on reporting one speaker: "He also said" is Trump, not the last person named.
  const auto evs = extract("President Donald Trump said Treasury Secretary Scott Bessent and U.S. Trade Representative "
                           "Jamieson Greer would lead the talks. He also said the call went well.");
  const auto* second = find(evs, "said", 1);
  REQUIRE(second);
  CHECK(has_actor(*second, "Donald Trump"));  // the document never shortens the names
  CHECK_FALSE(has_actor(*second, "Jamieson Greer"));
  // Not after a sentence that reports nothing: the last person named.
  const auto met = extract("President Donald Trump met Treasury Secretary Scott Bessent on Monday. He said the talks went well.");
  const auto* said = find(met, "said");
  REQUIRE(said);
  CHECK(has_actor(*said, "Scott Bessent"));
}

TEST_CASE("a pronoun stands for no one of the other gender", "[events][actors][pronoun][gender]") {
  // "she" is not Mr. Kinkel, whom the text named last; "Janet Reno" makes "Reno" a woman.
  const auto evs = extract("Attorney General Janet Reno met Mr. Kinkel on Monday. She said the talks went well.");
  const auto* said = find(evs, "said");
  REQUIRE(said);
  CHECK(has_actor(*said, "Janet Reno"));  // the document never shortens the name
  CHECK_FALSE(has_actor(*said, "Kinkel"));
  // A gender no word tells leaves every person eligible.
  const auto unknown = extract("Attorney General Reno met Ambassador Kinkel on Monday. She said the talks went well.");
  const auto* said_u = find(unknown, "said");
  REQUIRE(said_u);
  CHECK(has_actor(*said_u, "Kinkel"));
}

TEST_CASE("a given name makes a name a person's, not a place's or an institution's", "[events][actors][pronoun][gender]") {
  // No title: "Paul Keating" is a person by his given name, so "he" can stand for him.
  const auto evs = extract("Paul Keating visited Jakarta on Monday. He said the talks went well.");
  const auto* said = find(evs, "said");
  REQUIRE(said);
  CHECK(has_actor(*said, "Paul Keating"));
  const auto inst = extract("George Washington University hosted the talks on Monday. He said the talks went well.");
  const auto* said_i = find(inst, "said");
  REQUIRE(said_i);
  CHECK_FALSE(has_actor(*said_i, "George Washington University"));
}

TEST_CASE("a subject pronoun goes on with the subject before it in its sentence", "[events][actors][pronoun]") {
  // The sample's sentence: the second "he" is Trump, not Melania Trump nor Mr. Xi, named after
  // the first "he" but no subjects.
  const auto evs = extract("Mr. Trump also said he accepted Mr. Xi\xE2\x80\x99s invitation for him and first lady "
                           "Melania Trump to visit China, and he extended the same invitation to the Chinese leader.");
  const auto* extended = find(evs, "extended");
  REQUIRE(extended);
  CHECK(has_actor(*extended, "Trump"));
  CHECK_FALSE(has_actor(*extended, "Xi"));
}

TEST_CASE("a report's \"it\" after a sentence an outlet reports is that outlet", "[events][actors][pronoun]") {
  const auto evs = extract("Xinhua, the Chinese state media outlet, said Xi asked Trump to withdraw the measures. "
                           "It also reported that Trump said Chinese students were welcome.");
  const auto* reported = find(evs, "reported");
  REQUIRE(reported);
  CHECK(has_actor(*reported, "Xinhua"));
  // Not when a name before it in its own sentence is a subject: "it" is that one.
  const auto iran = extract("Xinhua said the delegation had left. Iran said the delegation carried a message, "
                            "which it said it would review.");
  const auto* inner = find(iran, "said", 2);  // Xinhua's, Iran's, then the relative clause's
  REQUIRE(inner);
  CHECK_FALSE(has_actor(*inner, "Xinhua"));
}

TEST_CASE("an event noun that says what another of its frame is, is a mention of it", "[events][frame][predicate-nominal]") {
  // Whether the event `noun` of `text` is a mention of its event `of`.
  const auto is_mention_of = [](const std::string& text, const std::string& noun, const std::string& of) {
    const auto evs = extract(text);
    const auto* n = find(evs, noun);
    const auto* o = find(evs, of);
    REQUIRE(n);
    REQUIRE(o);
    return n->mention_of == o->id;
  };
  CHECK(is_mention_of("The phone call between the leaders marks their first known formal contact since Trump took office.",
                      "contact", "call"));
  CHECK(is_mention_of("The talks in Geneva were the first meeting of the two sides since April.", "meeting", "talks"));
  // Another frame is another event: the call marks the start of talks, not the talks.
  CHECK_FALSE(is_mention_of("The phone call marks a new round of talks between the two sides.", "talks", "call"));
}
