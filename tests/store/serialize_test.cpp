// SPDX-License-Identifier: MIT
#include "chronograph/store/serialize.hpp"

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/render/json.hpp"

using namespace chronograph;

namespace {

void require_same_span(const byte_span& a, const byte_span& b) {
  REQUIRE(a.begin == b.begin);
  REQUIRE(a.end == b.end);
}

// Field by field: a new field in one of these structs must be added here and to the encoding.
void require_same(const merge::document_analysis& a, const merge::document_analysis& b) {
  const auto& da = a.annotated.doc;
  const auto& db = b.annotated.doc;
  REQUIRE(da.id == db.id);
  REQUIRE(da.path == db.path);
  REQUIRE(da.source == db.source);
  REQUIRE(da.text == db.text);
  REQUIRE(da.dct.has_value() == db.dct.has_value());
  if (da.dct) REQUIRE(*da.dct == *db.dct);
  REQUIRE(da.dct_origin == db.dct_origin);
  REQUIRE(da.kind == db.kind);
  REQUIRE(a.annotated.sentences.size() == b.annotated.sentences.size());
  for (std::size_t i = 0; i < a.annotated.sentences.size(); ++i) {
    require_same_span(a.annotated.sentences[i].span, b.annotated.sentences[i].span);
    REQUIRE(a.annotated.sentences[i].first_token == b.annotated.sentences[i].first_token);
    REQUIRE(a.annotated.sentences[i].end_token == b.annotated.sentences[i].end_token);
  }
  REQUIRE(a.annotated.tokens.size() == b.annotated.tokens.size());
  for (std::size_t i = 0; i < a.annotated.tokens.size(); ++i) {
    const auto& x = a.annotated.tokens[i];
    const auto& y = b.annotated.tokens[i];
    require_same_span(x.span, y.span);
    REQUIRE(x.form == y.form);
    REQUIRE(x.tag == y.tag);
    REQUIRE(x.xpos == y.xpos);
    REQUIRE(x.lemma == y.lemma);
    REQUIRE(x.head == y.head);
    REQUIRE(x.deprel == y.deprel);
  }
  REQUIRE(a.timexes.size() == b.timexes.size());
  for (std::size_t i = 0; i < a.timexes.size(); ++i) {
    const auto& x = a.timexes[i];
    const auto& y = b.timexes[i];
    REQUIRE(x.id == y.id);
    require_same_span(x.span, y.span);
    REQUIRE(x.text == y.text);
    REQUIRE(x.type == y.type);
    REQUIRE(x.value == y.value);
    REQUIRE(x.mod == y.mod);
    REQUIRE(x.quant == y.quant);
    REQUIRE(x.freq == y.freq);
    REQUIRE(x.rule == y.rule);
    REQUIRE(x.is_relative == y.is_relative);
  }
  REQUIRE(a.events.size() == b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const auto& x = a.events[i];
    const auto& y = b.events[i];
    REQUIRE(x.id == y.id);
    require_same_span(x.span, y.span);
    REQUIRE(x.trigger == y.trigger);
    REQUIRE(x.lemma == y.lemma);
    REQUIRE(x.sentence == y.sentence);
    REQUIRE(x.cls == y.cls);
    REQUIRE(x.tns == y.tns);
    REQUIRE(x.asp == y.asp);
    REQUIRE(x.pol == y.pol);
    REQUIRE(x.modality == y.modality);
    REQUIRE(x.summary == y.summary);
    REQUIRE(x.actors == y.actors);
    REQUIRE(x.quantities.size() == y.quantities.size());
    for (std::size_t k = 0; k < x.quantities.size(); ++k) {
      REQUIRE(x.quantities[k].kind == y.quantities[k].kind);
      REQUIRE(x.quantities[k].text == y.quantities[k].text);
      REQUIRE(x.quantities[k].value == y.quantities[k].value);
      REQUIRE(x.quantities[k].role == y.quantities[k].role);
    }
    REQUIRE(x.salience == y.salience);
    REQUIRE(x.confidence == y.confidence);
    REQUIRE(x.frame == y.frame);
    REQUIRE(x.pos == y.pos);
    REQUIRE(x.actor_spans.size() == y.actor_spans.size());
    for (std::size_t k = 0; k < x.actor_spans.size(); ++k) require_same_span(x.actor_spans[k], y.actor_spans[k]);
    REQUIRE(x.subject_count == y.subject_count);
    REQUIRE(x.mention_of == y.mention_of);
    REQUIRE(x.when_value == y.when_value);
    REQUIRE(x.when_anchor == y.when_anchor);
    REQUIRE(x.when_not_before == y.when_not_before);
    REQUIRE(x.when_not_after == y.when_not_after);
    REQUIRE(x.is_future == y.is_future);
    REQUIRE(x.presupposed == y.presupposed);
  }
  REQUIRE(a.links.size() == b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    const auto& x = a.links[i];
    const auto& y = b.links[i];
    REQUIRE(x.from == y.from);
    REQUIRE(x.to == y.to);
    REQUIRE(x.rel == y.rel);
    require_same_span(x.evidence, y.evidence);
    REQUIRE(x.rule == y.rule);
    REQUIRE(x.confidence == y.confidence);
  }
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    const auto& x = a.diagnostics[i];
    const auto& y = b.diagnostics[i];
    REQUIRE(x.level == y.level);
    REQUIRE(x.stage == y.stage);
    REQUIRE(x.doc == y.doc);
    require_same_span(x.span, y.span);
    REQUIRE(x.rule == y.rule);
    REQUIRE(x.message == y.message);
  }
}

// Every field away from its default value.
merge::document_analysis hand_built() {
  merge::document_analysis a;
  auto& d = a.annotated.doc;
  d.id = "doc-é";
  d.path = "/tmp/doc-é.txt";
  d.source = "Wire";
  d.text = "Talks ended on Thursday. Prices fell 3.5%.";
  d.dct = parse_creation_time("2025-06-05T14:30:00");
  d.dct_origin = "manifest";
  d.kind = genre::narrative;
  a.annotated.sentences = {{{0, 24}, 0, 4}, {{25, 42}, 4, 7}};
  for (std::size_t i = 0; i < 7; ++i) {
    text::token t;
    t.span = {i * 5, i * 5 + 4};
    t.form = "w" + std::to_string(i);
    t.tag = i % 2 ? text::upos::verb : text::upos::x;
    t.xpos = "VBD";
    t.lemma = "l" + std::to_string(i);
    t.head = i == 0 ? -1 : static_cast<int>(i) - 1;
    t.deprel = "obl:tmod";
    a.annotated.tokens.push_back(t);
  }
  timex::mention m;
  m.id = "t1";
  m.span = {15, 23};
  m.text = "Thursday";
  m.type = timex::timex_type::set;
  m.value = "2025-06-05";
  m.mod = "APPROX";
  m.quant = "EVERY";
  m.freq = "2X";
  m.rule = "date.weekday";
  m.is_relative = true;
  a.timexes.push_back(m);
  events::event_mention e;
  e.id = "e1";
  e.span = {6, 11};
  e.trigger = "ended";
  e.lemma = "end";
  e.sentence = 1;
  e.cls = events::event_class::perception;
  e.tns = events::tense::pastpart;
  e.asp = events::aspect::perfective_progressive;
  e.pol = events::polarity::neg;
  e.modality = "could";
  e.summary = "Talks ended";
  e.actors = {"Donald Trump", "Xi Jinping"};
  e.quantities = {{"percent", "3.5%", 3.5, "to"}, {"count", "0.1", 0.1, ""}};
  e.salience = 0.123456789;
  e.confidence = 1.0 / 3.0;
  e.frame = "contact";
  e.pos = text::upos::noun;
  e.actor_spans = {{0, 5}, {30, 40}};
  e.subject_count = 1;
  e.mention_of = "e7";
  e.when_value = "2025-06-05";
  e.when_anchor = "t1";
  e.when_not_before = "2025-05-12";
  e.when_not_after = "2025-06-05";
  e.is_future = true;
  e.presupposed = true;
  a.events.push_back(e);
  a.links.push_back({"e1", "t1", relations::relation::prevents, {6, 23}, "rule.x", 0.75});
  a.diagnostics.push_back({severity::error, "timex", "doc-é", {1, 2}, "r", "message"});
  return a;
}

}  // namespace

TEST_CASE("an analysis with every field set survives serialization unchanged", "[store][serialize]") {
  const auto a = hand_built();
  const auto bytes = store::serialize_analysis(a);
  const auto b = store::deserialize_analysis(bytes);
  require_same(a, b);
  REQUIRE(store::serialize_analysis(b) == bytes);
}

TEST_CASE("a sample's real analysis survives serialization unchanged", "[store][serialize]") {
  const auto input = ingest::read_inputs({CHRONOGRAPH_SOURCE_DIR "/samples/001_fed0ba7464b4e760.txt"}, {});
  REQUIRE(input.documents.size() == 1);
  const auto models = pipeline_models::load_default();
  const auto a = analyze_document(input.documents.front(), models);
  REQUIRE(a.annotated.tokens.size() > 100);
  REQUIRE(!a.events.empty());
  const auto bytes = store::serialize_analysis(a);
  const auto b = store::deserialize_analysis(bytes);
  require_same(a, b);
  REQUIRE(store::serialize_analysis(b) == bytes);
}

TEST_CASE("truncated or corrupt analyses are refused with input_error", "[store][serialize]") {
  const auto bytes = store::serialize_analysis(hand_built());
  SECTION("every proper prefix") {
    for (std::size_t n = 0; n < bytes.size(); ++n)
      REQUIRE_THROWS_AS(store::deserialize_analysis(std::string_view(bytes).substr(0, n)), input_error);
  }
  SECTION("trailing bytes") { REQUIRE_THROWS_AS(store::deserialize_analysis(bytes + "x"), input_error); }
  SECTION("a bad magic") {
    auto bad = bytes;
    bad[0] = 'X';
    REQUIRE_THROWS_WITH(store::deserialize_analysis(bad, "doc-é"), Catch::Contains("doc-é") && Catch::Contains("magic"));
  }
  SECTION("a future format version") {
    auto bad = bytes;
    bad[3] = static_cast<char>(store::analysis_format_version + 1);
    REQUIRE_THROWS_WITH(store::deserialize_analysis(bad),
                        Catch::Contains("format " + std::to_string(store::analysis_format_version + 1)));
  }
}

TEST_CASE("the content hash changes with what the analysis depends on", "[store][serialize]") {
  document d;
  d.id = "a";
  d.text = "Talks ended on Thursday.";
  d.dct = parse_creation_time("2025-06-05");
  d.source = "Wire";
  const auto h = store::content_hash(d);
  REQUIRE(h.size() == 32);
  REQUIRE(store::content_hash(d) == h);
  auto other_path = d;
  other_path.path = "elsewhere/a.txt";
  REQUIRE(store::content_hash(other_path) == h);
  auto t = d;
  t.text += " ";
  REQUIRE(store::content_hash(t) != h);
  auto dct = d;
  dct.dct = parse_creation_time("2025-06-06");
  REQUIRE(store::content_hash(dct) != h);
  auto no_dct = d;
  no_dct.dct.reset();
  REQUIRE(store::content_hash(no_dct) != h);
  auto src = d;
  src.source = "Other";
  REQUIRE(store::content_hash(src) != h);
}

// The encodings list every field by hand. When a field is added to one of these structs the
// size changes and this test names the struct: add the field to src/store/serialize.cpp (and to
// require_same above), bump the format version, then update the size here. Sizes are those of
// the CI platform (x86-64, libstdc++); elsewhere the test only checks the encodings round-trip.
TEST_CASE("the encodings know every field of the structs they store", "[store][serialize]") {
#if defined(__x86_64__) && defined(__GLIBCXX__)
  CHECK(sizeof(document) == 200);
  CHECK(sizeof(text::token) == 160);
  CHECK(sizeof(text::sentence) == 32);
  CHECK(sizeof(text::annotated_document) == 248);
  CHECK(sizeof(timex::mention) == 256);
  CHECK(sizeof(events::event_mention) == 504);
  CHECK(sizeof(events::quantity) == 104);
  CHECK(sizeof(relations::link) == 128);
  CHECK(sizeof(diagnostic) == 152);
  CHECK(sizeof(merge::document_analysis) == 344);
  CHECK(sizeof(story_document) == 168);
  CHECK(sizeof(story_timex) == 208);
  CHECK(sizeof(story_event) == 536);
  CHECK(sizeof(story_quantity) == 104);
  CHECK(sizeof(evidence) == 80);
  CHECK(sizeof(story_link) == 216);
  CHECK(sizeof(story_diagnostic) == 192);
  CHECK(sizeof(story) == 120);
#endif
  REQUIRE(store::deserialize_story(store::serialize_story(story{})).events.empty());
}

TEST_CASE("a story with every field set survives the cache encoding unchanged", "[store][serialize]") {
  story s;
  s.documents = {{"d", "/p/d.txt", "Wire", std::string("2025-06-05"), "Title"}, {"e", "e.txt", "", std::nullopt, ""}};
  s.timexes = {{"d:t1", "d", 3, 11, "Thursday", "DATE", "2025-06-05", "APPROX"}};
  story_event e;
  e.id = "ev-1";
  e.summary = "Trump and Xi spoke";
  e.trigger = "spoke";
  e.lemma = "speak";
  e.cls = "OCCURRENCE";
  e.tense = "PAST";
  e.aspect = "PERFECTIVE";
  e.polarity = "NEG";
  e.modality = "could";
  e.when = {"2025-06-05", "d:t1"};
  e.not_before = "2025-05-12";
  e.not_after = "2025-06-05";
  e.is_future = true;
  e.actors = {"Donald Trump", "Xi Jinping"};
  e.quantities = {{"count", "90 minutes", "to", 90.5}};
  e.confidence = 0.1;
  e.salience = 2.0 / 3.0;
  e.mentions = {{"d", 1, 6, "spoke"}, {"e", 7, 11, "call"}};
  e.mention_ids = {"d:e1", "e:e4"};
  s.events = {e};
  s.links = {{"ev-1", "d:t1", "IS_INCLUDED", {"d", 0, 11, "spoke Thursday"}, "rule.t", 0.25}};
  s.diagnostics = {{"warning", "timex", "d", "r", "m", std::size_t{3}, std::size_t{4}}, {"info", "merge", "", "x", "y", {}, {}}};
  const auto bytes = store::serialize_story(s);
  const auto back = store::deserialize_story(bytes);
  REQUIRE(render::to_json(back) == render::to_json(s));
  REQUIRE(store::serialize_story(back) == bytes);
  REQUIRE(back.events[0].lemma == "speak");
  REQUIRE(back.events[0].aspect == "PERFECTIVE");
  REQUIRE(back.events[0].modality == "could");
  REQUIRE(back.events[0].mention_ids == e.mention_ids);
  REQUIRE(back.events[0].salience == e.salience);
  REQUIRE(back.diagnostics[0].start == std::optional<std::size_t>{3});
  REQUIRE(!back.diagnostics[1].end);
  REQUIRE(!back.documents[1].dct);
  for (std::size_t n = 0; n < bytes.size(); ++n)
    REQUIRE_THROWS_AS(store::deserialize_story(std::string_view(bytes).substr(0, n)), input_error);
}
