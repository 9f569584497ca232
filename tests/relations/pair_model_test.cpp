// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "chronograph/error.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/text/analyzer.hpp"
#include "pair_model.hpp"
#include "test_document.hpp"

using namespace chronograph;
using relations::pair_example;
using relations::pair_model;
using relations::relation;

namespace {

/// Two labels decided by one feature each, plus a shared noise feature.
std::vector<pair_example> toy_examples(unsigned bits) {
  std::vector<pair_example> out;
  for (int k = 0; k < 40; ++k) {
    pair_example e;
    e.label = static_cast<std::size_t>(k % 2);
    e.features = {relations::feature_bucket(k % 2 ? "signal=after" : "signal=before", bits),
                  relations::feature_bucket("bias", bits)};
    e.group = "d" + std::to_string(k % 4);
    out.push_back(e);
  }
  return out;
}

/// Buckets of single-name features, as a toy model sees them.
std::vector<std::uint32_t> buckets(std::initializer_list<const char*> names, unsigned bits) {
  std::vector<std::uint32_t> out;
  for (const char* n : names) out.push_back(relations::feature_bucket(n, bits));
  return out;
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("chronograph_pair_model_test_" + name);
}

}  // namespace

TEST_CASE("the averaged perceptron learns a separable toy problem, deterministically", "[relations][pair_model]") {
  const unsigned bits = 12;
  const auto examples = toy_examples(bits);
  relations::pair_training_options o;
  o.epochs = 5;
  const auto m = pair_model::train(examples, {"BEFORE", "AFTER"}, bits, o);
  CHECK(m.labels()[m.predict(buckets({"signal=before", "bias"}, bits)).first] == "BEFORE");
  CHECK(m.labels()[m.predict(buckets({"signal=after", "bias"}, bits)).first] == "AFTER");
  CHECK(m.predict(buckets({"signal=after", "bias"}, bits)).second > 0);
  const auto again = pair_model::train(examples, {"BEFORE", "AFTER"}, bits, o);
  CHECK(again.scores(buckets({"signal=after"}, bits)) == m.scores(buckets({"signal=after"}, bits)));
}

TEST_CASE("a saved pair model reads back with the same scores", "[relations][pair_model]") {
  const unsigned bits = 12;
  relations::pair_training_options o;
  const auto m = pair_model::train(toy_examples(bits), {"BEFORE", "AFTER"}, bits, o);
  const auto path = temp_file("roundtrip.model");
  m.save(path, {"toy model", "rebuilt by the test"});
  const auto back = pair_model::load(path);
  CHECK(back.labels() == m.labels());
  CHECK(back.bits() == bits);
  for (const char* f : {"signal=before", "signal=after", "bias", "unseen"})
    CHECK(back.scores(buckets({f}, bits)) == m.scores(buckets({f}, bits)));
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first == "# toy model");
  std::filesystem::remove(path);
}

TEST_CASE("a bad pair model file is a resource error naming the line", "[relations][pair_model]") {
  const auto path = temp_file("bad.model");
  {
    std::ofstream out(path);
    out << "# header\nchronograph-pair-model 2\nbits 12\nlabels A B\n17 0.5\n";
  }
  CHECK_THROWS_AS(pair_model::load(path), resource_error);
  try {
    (void)pair_model::load(path);
  } catch (const resource_error& e) {
    CHECK(std::string(e.what()).find(":5:") != std::string::npos);
  }
  {
    std::ofstream out(path);
    out << "not a model\n";
  }
  CHECK_THROWS_AS(pair_model::load(path), resource_error);
  std::filesystem::remove(path);
}

TEST_CASE("pair features name both events, their order and the words between", "[relations][pair_model]") {
  const auto doc = testing::make_document("Prices rose after the talks collapsed.");
  std::vector<events::event_mention> evs(2);
  evs[0].id = "e1", evs[0].lemma = "rise", evs[0].span = {7, 11}, evs[0].tns = events::tense::past;
  evs[1].id = "e2", evs[1].lemma = "collapse", evs[1].span = {27, 36}, evs[1].tns = events::tense::past;
  const relations::pair_context ctx(doc, evs);
  REQUIRE(ctx.token_of[0] < doc.tokens.size());
  relations::feature_sink sink(18, true);
  relations::pair_features(ctx, 0, 1, sink);
  const auto& f = sink.names();
  REQUIRE(f.size() == sink.buckets().size());
  const auto has = [&](const std::string& x) { return std::find(f.begin(), f.end(), x) != f.end(); };
  CHECK(has("l1=rise"));
  CHECK(has("l2=collapse"));
  CHECK(has("order=ab"));
  CHECK(has("sd=same"));
  CHECK(has("bl=after"));
  relations::feature_sink reverse(18, true);
  relations::pair_features(ctx, 1, 0, reverse);
  const auto& r = reverse.names();
  CHECK(std::find(r.begin(), r.end(), "order=ba") != r.end());
  // The same feature names hash to the same buckets with or without names kept.
  relations::feature_sink fast(18);
  relations::pair_features(ctx, 0, 1, fast);
  CHECK(fast.buckets() == sink.buckets());
  CHECK(fast.names().empty());
}

namespace {

/// "Prices rose on Friday after the talks collapsed and markets fell." with its four events
/// (rose, talks, collapsed, fell) and the time "Friday" (2025-06-05, the DCT's day).
struct tlink_fixture {
  text::annotated_document doc = testing::make_document("Prices rose on Friday after the talks collapsed and markets fell.",
                                                        "doc", "2025-06-05");
  std::vector<timex::mention> times;
  std::vector<events::event_mention> evs;
  tlink_fixture() {
    times = testing::number_timexes({testing::make_timex(doc, "Friday", "2025-06-05")});
    const auto event = [&](const char* id, const char* word, const char* lemma, events::tense t) {
      events::event_mention m;
      m.id = id;
      m.lemma = lemma;
      m.tns = t;
      m.pos = t == events::tense::none ? text::upos::noun : text::upos::verb;
      const auto at = doc.doc.text.find(word);
      m.span = {at, at + std::string(word).size()};
      m.trigger = word;
      evs.push_back(m);
    };
    event("e1", "rose", "rise", events::tense::past);
    event("e2", "talks", "talk", events::tense::none);
    event("e3", "collapsed", "collapse", events::tense::past);
    event("e4", "fell", "fall", events::tense::past);
    evs[0].when_value = "2025-06-05";
    evs[0].when_anchor = times[0].id;
  }
};

}  // namespace

TEST_CASE("TLINK candidates: every event and the DCT, the times of its sentence, near events", "[relations][tlink]") {
  const tlink_fixture f;
  const relations::pair_context ctx(f.doc, f.evs, f.times);
  const auto cands = relations::tlink_candidates(ctx);
  std::size_t dct = 0, time = 0;
  std::vector<std::pair<std::size_t, std::size_t>> event_pairs;
  for (const auto& c : cands) {
    if (c.kind == relations::tlink_kind::event_dct) ++dct;
    if (c.kind == relations::tlink_kind::event_time) {
      ++time;
      CHECK(c.b == 0);
    }
    if (c.kind == relations::tlink_kind::event_event) event_pairs.emplace_back(c.a, c.b);
  }
  CHECK(dct == 4);
  CHECK(time == 4);
  // At most one event between the two: (rose, talks), (rose, collapsed), (talks, collapsed),
  // (talks, fell), (collapsed, fell); not (rose, fell).
  const std::vector<std::pair<std::size_t, std::size_t>> expected{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
  CHECK(event_pairs == expected);
}

TEST_CASE("event-time and event-DCT features name the signal, the anchoring and the dates", "[relations][tlink]") {
  const tlink_fixture f;
  const relations::pair_context ctx(f.doc, f.evs, f.times);
  relations::feature_sink t(16, true);
  relations::time_features(ctx, 0, 0, t);
  const auto has = [](const relations::feature_sink& s, const std::string& x) {
    return std::find(s.names().begin(), s.names().end(), x) != s.names().end();
  };
  CHECK(has(t, "sig=on"));
  CHECK(has(t, "type=DATE"));
  CHECK(has(t, "vs_dct=same|PAST/NONE"));
  CHECK(has(t, "anchor=here|on"));
  CHECK(has(t, "order=event_first"));
  CHECK(has(t, "dates=same"));
  relations::feature_sink other(16, true);
  relations::time_features(ctx, 3, 0, other);
  CHECK(has(other, "anchor=none|on"));
  CHECK(has(other, "order=time_first"));
  relations::feature_sink d(16, true);
  relations::dct_features(ctx, 0, d);
  CHECK(has(d, "date=same|time"));
  CHECK(has(d, "ta=PAST/NONE"));
  CHECK(has(d, "time=DATE|same"));
  relations::feature_sink n(16, true);
  relations::dct_features(ctx, 1, n);
  CHECK(has(n, "date=none|none"));
  CHECK(n.buckets().size() == n.names().size());
}

TEST_CASE("the TLINK models relate only pairs the rules leave unrelated, by the kind's margin", "[relations][tlink]") {
  const tlink_fixture f;
  const relations::pair_context ctx(f.doc, f.evs, f.times);
  // A toy event-DCT model: BEFORE whenever the event is in the past tense, NONE otherwise.
  std::vector<pair_example> examples;
  for (int k = 0; k < 20; ++k) {
    pair_example e;
    relations::feature_sink s(12);
    relations::dct_features(ctx, k % 2 ? 0 : 1, s);
    e.features = s.buckets();
    e.label = k % 2 ? 1 : 0;  // tlink_labels[1] = BEFORE
    examples.push_back(e);
  }
  relations::tlink_models m;
  m.by_kind[0] = pair_model::train(examples, relations::tlink_labels, 12, {});
  m.min_margin = {0, 0, 0};
  const auto links = relations::model_tlinks(m, ctx, {});
  const auto to_dct = [&](const std::vector<relations::link>& ls, const std::string& from) {
    return std::find_if(ls.begin(), ls.end(), [&](const relations::link& l) { return l.from == from && l.to == "t0"; });
  };
  REQUIRE(to_dct(links, "e1") != links.end());
  CHECK(to_dct(links, "e1")->rel == relation::before);
  CHECK(to_dct(links, "e1")->rule == "tlink.event_dct");
  CHECK(to_dct(links, "e1")->confidence < 0.6);
  CHECK(to_dct(links, "e2") == links.end());  // the noun: NONE
  // A rule link between the two leaves the pair to the rule.
  relations::link rule;
  rule.from = "t0", rule.to = "e1", rule.rel = relation::after, rule.rule = "dct.tense";
  const auto again = relations::model_tlinks(m, ctx, {rule});
  CHECK(to_dct(again, "e1") == again.end());
  // A margin the model does not reach: no link.
  m.min_margin = {1e9, 1e9, 1e9};
  CHECK(relations::model_tlinks(m, ctx, {}).empty());
}

TEST_CASE("the event-time model does not link an event to a time before its floor", "[relations][tlink]") {
  // "Prices rose on Friday after the talks collapsed": the caller's floor for "talks" (introduced
  // by the event signal "after") is the signal, so Friday, before it, dates "rose" and not the
  // talks; a floor at or before the time (a time inside the signal's phrase) leaves the link.
  const tlink_fixture f;
  const relations::pair_context ctx(f.doc, f.evs, f.times);
  std::vector<pair_example> examples;
  for (std::size_t e = 0; e < f.evs.size(); ++e) {
    pair_example x;
    relations::feature_sink s(12);
    relations::time_features(ctx, e, 0, s);
    x.features = s.buckets();
    x.label = 4;  // tlink_labels[4] = IS_INCLUDED
    examples.push_back(x);
  }
  REQUIRE(relations::tlink_labels[4] == "IS_INCLUDED");
  relations::tlink_models m;
  m.by_kind[1] = pair_model::train(examples, relations::tlink_labels, 12, {});
  m.by_kind[0] = m.by_kind[2] = m.by_kind[1];  // (the other kinds never reach their margin)
  m.min_margin = {1e9, -1e9, 1e9};
  const auto to_friday = [](const std::vector<relations::link>& ls, const std::string& from) {
    return std::find_if(ls.begin(), ls.end(), [&](const relations::link& l) { return l.from == from && l.to == "t1"; }) !=
           ls.end();
  };
  const auto unfiltered = relations::model_tlinks(m, ctx, {});
  REQUIRE(to_friday(unfiltered, "e1"));
  REQUIRE(to_friday(unfiltered, "e2"));
  const auto after_at = ctx.token_of[1] - 2;  // "after the talks"
  REQUIRE(f.doc.doc.text.substr(f.doc.tokens[after_at].span.begin, 5) == "after");
  std::vector<std::size_t> floor(f.evs.size(), 0);
  floor[1] = after_at;
  const auto filtered = relations::model_tlinks(m, ctx, {}, &floor);
  CHECK_FALSE(to_friday(filtered, "e2"));
  CHECK(to_friday(filtered, "e1"));  // no floor: linked as before
  CHECK(filtered.size() + 1 == unfiltered.size());
  floor[1] = ctx.time_first[0];  // the time at the floor: inside the event's own phrase
  CHECK(to_friday(relations::model_tlinks(m, ctx, {}, &floor), "e2"));
}

TEST_CASE("the event-DCT model says nothing when its best guess is SIMULTANEOUS with the DCT", "[relations][tlink]") {
  // The DCT is a moment: an event is not SIMULTANEOUS with it, so such a guess gives no link.
  const tlink_fixture f;
  const relations::pair_context ctx(f.doc, f.evs, f.times);
  std::vector<pair_example> examples;
  for (int k = 0; k < 20; ++k) {
    pair_example e;
    relations::feature_sink s(12);
    relations::dct_features(ctx, k % 2 ? 0 : 1, s);
    e.features = s.buckets();
    e.label = k % 2 ? 5 : 1;  // tlink_labels[5] = SIMULTANEOUS for the past-tense verb, BEFORE for the noun
    examples.push_back(e);
  }
  REQUIRE(relations::tlink_labels[5] == "SIMULTANEOUS");
  relations::tlink_models m;
  m.by_kind[0] = pair_model::train(examples, relations::tlink_labels, 12, {});
  m.min_margin = {0, 0, 0};
  const auto links = relations::model_tlinks(m, ctx, {});
  const auto to_dct = [&](const std::string& from) {
    return std::find_if(links.begin(), links.end(), [&](const relations::link& l) { return l.from == from && l.to == "t0"; });
  };
  CHECK(to_dct("e1") == links.end());  // SIMULTANEOUS: left out
  REQUIRE(to_dct("e2") != links.end());  // BEFORE: kept
  CHECK(to_dct("e2")->rel == relation::before);
}

TEST_CASE("the causal model confirms or overrules the links of an ambiguous cue, and only those", "[relations][causal]") {
  const auto doc = testing::make_document("Profits rose by cutting costs.");
  std::vector<events::event_mention> evs(2);
  evs[0].id = "e1", evs[0].lemma = "rise", evs[0].span = {8, 12}, evs[0].tns = events::tense::past;
  evs[1].id = "e2", evs[1].lemma = "cut", evs[1].span = {16, 23};
  const relations::pair_context ctx(doc, evs);
  relations::link by;
  by.from = "e2", by.to = "e1", by.rel = relation::causes, by.rule = "causal.cue:by";
  const std::vector<relations::link> rule_links{by};
  // A model that labels the pair (rose, cutting) with `label`, trained on it alone.
  const auto model = [&](std::size_t label) {
    relations::feature_sink s(12);
    relations::causal_pair_features(ctx, 0, 1, rule_links, s);
    pair_example e;
    e.features = s.buckets();
    e.label = label;
    return pair_model::train({e}, relations::causal_labels, 12, {});
  };
  const std::vector<std::string> checked{"causal.cue:by"};
  SECTION("the model gives the cue's direction: the link stays") {
    const auto out = relations::apply_causal_model(model(2), ctx, rule_links, checked, 0);  // CAUSED_BY: e2 causes e1
    REQUIRE(out.size() == 1);
    CHECK(out[0].rule == "causal.cue:by");
  }
  SECTION("the model says NONE: the link goes") {
    CHECK(relations::apply_causal_model(model(0), ctx, rule_links, checked, 0).empty());
  }
  SECTION("a cue the model does not check stays whatever it says") {
    const auto out = relations::apply_causal_model(model(0), ctx, rule_links, {}, 0);
    CHECK(out.size() == 1);
  }
  SECTION("no model: the rule links as they are") {
    CHECK(relations::apply_causal_model(pair_model{}, ctx, rule_links, checked, 0).size() == 1);
  }
}

TEST_CASE("what \"since\" introduces is neither simultaneous with nor after what it hangs on",
          "[relations][tlink][since]") {
  // "his first call with Xi since returning to office": toy models that call every pair of events
  // SIMULTANEOUS and every event inside the sentence's time leave the returning out of both.
  static const auto an = text::analyzer::load_default();
  static const auto ex = events::extractor::load_default();
  const auto links_of = [&](const std::string& text) {
    const auto doc = an->analyze(testing::make_document(text, "doc", "2025-06-05").doc);
    const auto times = testing::number_timexes({testing::make_timex(doc, "Thursday", "2025-06-05")});
    std::vector<diagnostic> diags;
    const auto evs = ex->extract(doc, times, diags);
    const relations::pair_context ctx(doc, evs, times);
    relations::tlink_models m;
    for (const auto kind : {relations::tlink_kind::event_time, relations::tlink_kind::event_event}) {
      std::vector<pair_example> examples;
      for (const auto& c : relations::tlink_candidates(ctx)) {
        if (c.kind != kind) continue;
        pair_example x;
        relations::feature_sink s(12);
        relations::tlink_features(ctx, c, s);
        x.features = s.buckets();
        x.label = kind == relations::tlink_kind::event_time ? 4 : 5;  // IS_INCLUDED, SIMULTANEOUS
        examples.push_back(x);
      }
      REQUIRE_FALSE(examples.empty());
      m.by_kind[static_cast<std::size_t>(kind)] = pair_model::train(examples, relations::tlink_labels, 12, {});
    }
    m.by_kind[0] = m.by_kind[1];
    m.min_margin = {1e9, -1e9, -1e9};
    std::set<std::pair<std::string, std::string>> out;  // (trigger, trigger or time)
    const auto name = [&](const std::string& id) {
      for (const auto& e : evs)
        if (e.id == id) return e.trigger;
      return std::string("Thursday");
    };
    for (const auto& l : relations::model_tlinks(m, ctx, {})) out.emplace(name(l.from), name(l.to));
    return out;
  };
  const auto since =
      links_of("Trump said Thursday that his first call with Xi since returning to office was positive.");
  CHECK(since.count({"call", "Thursday"}));
  CHECK_FALSE(since.count({"returning", "Thursday"}));
  CHECK_FALSE(since.count({"call", "returning"}));
  CHECK_FALSE(since.count({"returning", "call"}));
  // Without "since", the toy models link them.
  const auto after =
      links_of("Trump said Thursday that his first call with Xi after returning to office was positive.");
  CHECK(after.count({"returning", "Thursday"}));
  CHECK((after.count({"call", "returning"}) || after.count({"returning", "call"})));
}
