// SPDX-License-Identifier: MIT
// The story writer (render/json.cpp) writes directly into a string. Its bytes must be those of
// the nlohmann::ordered_json tree it replaced, dumped with error_handler_t::replace; the
// reference below is that tree writer, kept here to compare against.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "chronograph/render/json.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

namespace {

using json = nlohmann::ordered_json;

json span_json(const evidence& e) {
  json j;
  j["doc"] = e.doc;
  j["start"] = e.start;
  j["end"] = e.end;
  j["text"] = e.text;
  return j;
}

json reference_tree(const story& s) {
  json j;
  j["chronograph"] = 1;
  json docs = json::array();
  for (const auto& d : s.documents) {
    json dj;
    dj["id"] = d.id;
    dj["path"] = d.path;
    dj["source"] = d.source;
    dj["dct"] = d.dct ? json(*d.dct) : json(nullptr);
    dj["title"] = d.title;
    docs.push_back(std::move(dj));
  }
  j["documents"] = std::move(docs);
  json timexes = json::array();
  for (const auto& t : s.timexes) {
    json tj;
    tj["id"] = t.id;
    tj["doc"] = t.doc;
    tj["start"] = t.start;
    tj["end"] = t.end;
    tj["text"] = t.text;
    tj["type"] = t.type;
    tj["value"] = t.value;
    if (!t.mod.empty()) tj["mod"] = t.mod;
    timexes.push_back(std::move(tj));
  }
  j["timexes"] = std::move(timexes);
  json events = json::array();
  for (const auto& e : s.events) {
    json ej;
    ej["id"] = e.id;
    ej["summary"] = e.summary;
    ej["trigger"] = e.trigger;
    ej["lemma"] = e.lemma;
    ej["class"] = e.cls;
    ej["tense"] = e.tense;
    ej["aspect"] = e.aspect;
    ej["polarity"] = e.polarity;
    ej["modality"] = e.modality;
    ej["when"] = json{{"value", e.when.value},
                      {"anchor", e.when.anchor},
                      {"not_before", e.not_before},
                      {"not_after", e.not_after},
                      {"future", e.is_future}};
    ej["actors"] = e.actors;
    json quantities = json::array();
    for (const auto& q : e.quantities) {
      json qj;
      qj["kind"] = q.kind;
      qj["text"] = q.text;
      qj["value"] = q.value;
      qj["role"] = q.role;
      quantities.push_back(std::move(qj));
    }
    ej["quantities"] = std::move(quantities);
    ej["confidence"] = e.confidence;
    ej["salience"] = e.salience;
    json mentions = json::array();
    for (std::size_t i = 0; i < e.mentions.size(); ++i) {
      json m;
      if (i < e.mention_ids.size() && !e.mention_ids[i].empty()) m["id"] = e.mention_ids[i];
      m["doc"] = e.mentions[i].doc;
      m["start"] = e.mentions[i].start;
      m["end"] = e.mentions[i].end;
      m["text"] = e.mentions[i].text;
      mentions.push_back(std::move(m));
    }
    ej["mentions"] = std::move(mentions);
    events.push_back(std::move(ej));
  }
  j["events"] = std::move(events);
  json links = json::array();
  for (const auto& l : s.links) {
    json lj;
    lj["from"] = l.from;
    lj["to"] = l.to;
    lj["type"] = l.type;
    lj["evidence"] = span_json(l.support);
    lj["rule"] = l.rule;
    lj["confidence"] = l.confidence;
    links.push_back(std::move(lj));
  }
  j["links"] = std::move(links);
  json diags = json::array();
  for (const auto& d : s.diagnostics) {
    json dj;
    dj["level"] = d.level;
    dj["stage"] = d.stage;
    dj["doc"] = d.doc;
    dj["rule"] = d.rule;
    dj["message"] = d.message;
    if (d.start) dj["start"] = *d.start;
    if (d.end) dj["end"] = *d.end;
    diags.push_back(std::move(dj));
  }
  j["diagnostics"] = std::move(diags);
  return j;
}

std::string reference_json(const story& s) {
  return reference_tree(s).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string reference_line(const std::string& id, const story& s) {
  const json tree = reference_tree(s);
  json j;
  j["id"] = id;
  for (const auto& [key, value] : tree.items()) j[key] = value;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void check_both(const story& s, const std::string& id = "doc-1") {
  CHECK(render::to_json(s) == reference_json(s));
  CHECK(render::to_json_line(id, s) == reference_line(id, s));
}

}  // namespace

TEST_CASE("the story writer gives the bytes of the nlohmann tree writer", "[render][json]") {
  SECTION("the test story") { check_both(test::tariff_story()); }
  SECTION("an empty story (empty arrays)") { check_both(story{}); }
  SECTION("an event without actors, quantities or mentions and a document without a DCT") {
    story s;
    s.documents.push_back({"d", "p", "s", std::nullopt, ""});
    s.events.emplace_back();
    s.events.back().id = "ev-1";
    check_both(s, "");
  }
}

TEST_CASE("the story writer escapes strings as nlohmann does, invalid UTF-8 included", "[render][json]") {
  auto s = test::tariff_story();
  const std::vector<std::string> texts = {
      "plain ASCII",
      "quote \" backslash \\ slash / tab \t newline \n return \r",
      std::string("control \x01\x02\x1f and NUL ") + '\0' + " and DEL \x7f and \b \f",
      "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 (2, 3 and 4 bytes)",
      "cut in the middle of a sequence \xe2\x80",   // a summary truncated by bytes
      "lone continuation \x80 and \xbf here",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80 and too large \xf4\x90\x80\x80",
      "\xff\xfe invalid start, then valid \xc3\xa9",
      "",
      // Around the writer's 16-byte blocks: special bytes at the block edges, invalid UTF-8 late.
      "0123456789abcde\"0123456789abcdef\\0123456789abcdef\n",
      "0123456789abcdef0123456789abcdef0123456789abcdef\xc3\xa9" "0123456789abcdef\xe2\x80\x9c",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789 then invalid \xe2\x28\xa1 end",
  };
  for (const auto& t : texts) {
    INFO(t);
    s.events[0].summary = t;
    s.events[0].actors = {t, "Xi"};
    s.links[0].support.text = t;
    s.documents[0].title = t;
    check_both(s, t);
  }
}

TEST_CASE("the story writer formats numbers as nlohmann does", "[render][json]") {
  auto s = test::tariff_story();
  const std::vector<double> values = {0.0, -0.0, 1.0, 0.5, 0.85, 0.1 + 0.2, 1.0 / 3.0, 145.0, 1e-7, 1.5e-300,
                                      123456789012345678.0, 1e21, 1e300, -2.5, 4e-324,
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::quiet_NaN(),
                                      std::numeric_limits<double>::infinity()};
  for (const double v : values) {
    INFO(v);
    s.events[0].confidence = v;
    s.events[0].salience = -v;
    s.links[0].confidence = v;
    if (!s.events[0].quantities.empty()) s.events[0].quantities[0].value = v;
    s.events[0].mentions[0].start = static_cast<std::size_t>(std::fabs(std::isfinite(v) ? std::fmod(v, 1e6) : 7));
    s.diagnostics.push_back({"info", "merge", "a1", "r", "m", std::size_t{18446744073709551615ull}, std::size_t{0}});
    s.timexes[0].mod = "APPROX";
    check_both(s);
  }
}
