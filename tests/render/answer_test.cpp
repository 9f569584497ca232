// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

#include "chronograph/render/answer.hpp"
#include "chronograph/render/render.hpp"
#include "graph/story_fixture.hpp"

using namespace chronograph;

TEST_CASE("a causal answer reads as text with dates and evidence", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto text = render::answer_to_text(graph::ask(g, graph::question::causes, {"Geneva"}), s);
  CHECK(text ==
        "causes \u201cGeneva\u201d\n"
        "  \u201cGeneva\u201d = Talks in Geneva produced an agreement to cut tariffs [ev-geneva], Mon 12 May 2025\n"
        "    other matches: US accused China of violating the Geneva agreement [ev-accuse] 1.00; Markets rose "
        "after the Geneva announcement [ev-markets] 1.00\n"
        "  1. April 2025: China raised tariffs on US goods to 125% in retaliation [ev-cn125]\n"
        "       China raised tariffs on US goods to 125% in retaliation \u2014CAUSES\u2192 Talks in Geneva produced "
        "an agreement to cut tariffs: \u201cprompting the talks in Geneva\u201d (article 1)\n"
        "  2. April 2025: US raised tariffs on Chinese goods to 145% [ev-us145]\n"
        "       US raised tariffs on Chinese goods to 145% \u2014CAUSES\u2192 China raised tariffs on US goods to 125% "
        "in retaliation: \u201cin retaliation\u201d (article 1)\n"
        "       China raised tariffs on US goods to 125% in retaliation \u2014CAUSES\u2192 Talks in Geneva produced "
        "an agreement to cut tariffs: \u201cprompting the talks in Geneva\u201d (article 1)\n");
}

TEST_CASE("date and path answers read as text", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto around = render::answer_to_text(graph::ask(g, graph::question::around, {"2025-06-05"}, 3), s);
  CHECK(around.find("  2. Wed 4 Jun 2025: Trump posted that Xi is \"very tough\" [ev-post], 1 day apart\n") !=
        std::string::npos);
  const auto none = render::answer_to_text(graph::ask(g, graph::question::path, {"ev-markets", "ev-call"}), s);
  CHECK(none.find("  not connected\n") != std::string::npos);
  const auto empty = render::answer_to_text(graph::ask(g, graph::question::causes, {"ev-jan17"}), s);
  CHECK(empty.find("  nothing found\n") != std::string::npos);
}

TEST_CASE("answers as JSON carry ids, distances and evidence", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto j = nlohmann::json::parse(render::answer_to_json(graph::ask(g, graph::question::causes, {"Geneva"}), s));
  CHECK(j["question"] == "causes");
  CHECK(j["subjects"][0]["best"] == "ev-geneva");
  CHECK(j["subjects"][0]["candidates"].size() == 3);
  REQUIRE(j["events"].size() == 2);
  CHECK(j["events"][1]["id"] == "ev-us145");
  CHECK(j["events"][1]["distance"] == 2);
  CHECK(j["events"][1]["via"][1]["evidence"]["text"] == "prompting the talks in Geneva");
  CHECK_FALSE(j.contains("path"));
  const auto p = nlohmann::json::parse(
      render::answer_to_json(graph::ask(g, graph::question::path, {"ev-markets", "ev-call"}), s));
  CHECK(p["path"].is_null());
  const auto d = nlohmann::json::parse(
      render::answer_to_json(graph::ask(g, graph::question::between, {"2025-04", "2025-05"}), s));
  CHECK(d["dates"][1]["last_day"] == "2025-05-31");
}

TEST_CASE("an answer draws as a subgraph", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  const auto a = graph::ask(g, graph::question::causes, {"Geneva"});
  render::options all;
  all.all_events = true;
  const auto dot = render::to_dot(graph::substory(s, graph::events_of(a)), all);
  CHECK(dot.find("Talks in Geneva") != std::string::npos);
  CHECK(dot.find("China raised tariffs") != std::string::npos);
  CHECK(dot.find("phone call") == std::string::npos);
}

namespace {

// The writers answer_to_text and answer_to_json replaced (string concatenation and an
// nlohmann::ordered_json tree): their bytes are what the answers must stay.
std::string reference_when(const std::string& value) {
  if (const auto span = graph::span_of(value)) return graph::describe(*span);
  if (value.empty()) return "date not stated";
  return value;
}

std::string reference_label(const story& s, const std::string& id) {
  for (const auto& e : s.events)
    if (e.id == id) return e.summary.empty() ? e.trigger : e.summary;
  for (const auto& t : s.timexes)
    if (t.id == id) return "\u201c" + t.text + "\u201d (" + t.value + ")";
  return id;
}

std::string reference_step(const graph::link_step& step, const story& s) {
  std::string line = reference_label(s, step.from) + " \u2014" + step.type + "\u2192 " + reference_label(s, step.to);
  if (!step.support.text.empty()) {
    std::string source = step.support.doc;
    for (const auto& d : s.documents)
      if (d.id == step.support.doc) {
        source = d.source.empty() ? d.id : d.source;
        break;
      }
    line += ": \u201c" + step.support.text + "\u201d (" + source + ")";
  }
  return line;
}

std::string reference_text(const graph::answer& a, const story& s) {
  std::string out = std::string(graph::to_string(a.asked));
  for (const auto& arg : a.arguments) out += " \u201c" + arg + "\u201d";
  out += "\n";
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    if (!r.best) continue;
    out += "  \u201c" + a.arguments[k] + "\u201d = " + reference_label(s, *r.best) + " [" + *r.best + "]";
    for (const auto& e : s.events)
      if (e.id == *r.best) out += ", " + reference_when(e.when.value);
    out += "\n";
    if (r.candidates.size() > 1) {
      out += "    other matches:";
      for (std::size_t c = 1; c < r.candidates.size() && c < 6; ++c) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", r.candidates[c].score);
        out += (c > 1 ? ";" : "") + std::string(" ") + r.candidates[c].summary + " [" + r.candidates[c].id + "] " + score;
      }
      out += "\n";
    }
  }
  if (a.asked == graph::question::path) {
    if (!a.path) return out + "  not connected\n";
    if (a.path->empty()) return out + "  the same event\n";
    for (std::size_t k = 0; k < a.path->size(); ++k)
      out += "  " + std::to_string(k + 1) + ". " + reference_step((*a.path)[k], s) + "\n";
    return out;
  }
  if (a.events.empty()) return out + "  nothing found\n";
  for (std::size_t k = 0; k < a.events.size(); ++k) {
    const auto& h = a.events[k];
    out += "  " + std::to_string(k + 1) + ". " + reference_when(h.value) + ": " + h.summary + " [" + h.id + "]";
    if (h.gap_days && (a.asked == graph::question::around || a.asked == graph::question::before ||
                       a.asked == graph::question::after))
      out += ", " + std::to_string(*h.gap_days) + (*h.gap_days == 1 ? " day" : " days") + " apart";
    out += "\n";
    for (const auto& step : h.via) out += "       " + reference_step(step, s) + "\n";
  }
  return out;
}

using ordered = nlohmann::ordered_json;

ordered reference_link(const graph::link_step& step) {
  ordered j;
  j["from"] = step.from;
  j["to"] = step.to;
  j["type"] = step.type;
  ordered ev;
  ev["doc"] = step.support.doc;
  ev["start"] = step.support.start;
  ev["end"] = step.support.end;
  ev["text"] = step.support.text;
  j["evidence"] = std::move(ev);
  j["rule"] = step.rule;
  j["confidence"] = step.confidence;
  return j;
}

std::string reference_json(const graph::answer& a) {
  ordered j;
  j["question"] = graph::to_string(a.asked);
  j["arguments"] = a.arguments;
  ordered subjects = ordered::array();
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    ordered sj;
    sj["reference"] = k < a.arguments.size() ? a.arguments[k] : std::string();
    sj["best"] = r.best ? ordered(*r.best) : ordered(nullptr);
    sj["exact"] = r.is_exact;
    ordered candidates = ordered::array();
    for (const auto& c : r.candidates) candidates.push_back(ordered{{"id", c.id}, {"summary", c.summary}, {"score", c.score}});
    sj["candidates"] = std::move(candidates);
    subjects.push_back(std::move(sj));
  }
  j["subjects"] = std::move(subjects);
  ordered dates = ordered::array();
  for (const auto& d : a.dates)
    dates.push_back(ordered{{"first_day", date::format("%F", d.begin)}, {"last_day", date::format("%F", d.end - date::days{1})}});
  j["dates"] = std::move(dates);
  if (a.asked == graph::question::around) j["days"] = a.days;
  ordered events = ordered::array();
  for (const auto& h : a.events) {
    ordered ej;
    ej["id"] = h.id;
    ej["summary"] = h.summary;
    ej["when"] = h.value;
    ej["distance"] = h.distance;
    ej["gap_days"] = h.gap_days ? ordered(*h.gap_days) : ordered(nullptr);
    ej["basis"] = h.basis;
    ordered via = ordered::array();
    for (const auto& step : h.via) via.push_back(reference_link(step));
    ej["via"] = std::move(via);
    events.push_back(std::move(ej));
  }
  j["events"] = std::move(events);
  if (a.asked == graph::question::path) {
    if (a.path) {
      ordered path = ordered::array();
      for (const auto& step : *a.path) path.push_back(reference_link(step));
      j["path"] = std::move(path);
    } else {
      j["path"] = nullptr;
    }
  }
  return j.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace

TEST_CASE("answers print the bytes of the writers they replaced", "[render][answer]") {
  const auto s = test::tariff_story();
  const auto g = graph::event_graph::from_story(s);
  std::vector<graph::answer> answers;
  for (const auto& e : s.events) {
    for (const auto q : {graph::question::causes, graph::question::effects, graph::question::before, graph::question::after})
      answers.push_back(graph::ask(g, q, {e.id}));
    for (const auto& other : s.events) answers.push_back(graph::ask(g, graph::question::path, {e.id, other.id}));
  }
  for (const auto& l : s.links) {  // paths through time expressions too
    auto a = graph::begin_answer(graph::question::path, {l.to, l.from}, 7);
    a.path = g.path(l.to, l.from);
    answers.push_back(std::move(a));
  }
  answers.push_back(graph::ask(g, graph::question::causes, {"Geneva"}));
  answers.push_back(graph::ask(g, graph::question::between, {"2025-04", "2025-06"}));
  answers.push_back(graph::ask(g, graph::question::around, {"2025-06-05"}, 3));
  answers.push_back(graph::ask(g, graph::question::around, {"2024"}, 0));
  // Strings JSON must escape or replace, numbers at their edges, an unknown document.
  auto odd = graph::ask(g, graph::question::before, {s.events.back().id});
  REQUIRE(!odd.events.empty());
  odd.arguments[0] = "quote \" backslash \\ tab \t bell \x07 bad \xff\xfe end";
  odd.subjects[0].candidates.push_back(graph::candidate{"ev-x", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80", 0.1 + 0.2});
  odd.events[0].summary = "line\nbreak \x01 and \xc3\x28 invalid";
  odd.events[0].gap_days = -12;
  odd.events[0].distance = 3;
  graph::link_step step{"ev-nowhere", s.events.front().id, "BEFORE", {"no-such-doc", 0, 18446744073709551615ull, "x\x7f y"}, "r\"ule", 1e-7};
  odd.events[0].via.push_back(step);
  step.confidence = std::numeric_limits<double>::quiet_NaN();
  step.support.text.clear();
  odd.events[0].via.push_back(step);
  answers.push_back(odd);
  REQUIRE(answers.size() > 50);
  for (const auto& a : answers) {
    INFO(render::answer_to_text(a, s));
    CHECK(render::answer_to_text(a, s) == reference_text(a, s));
    CHECK(render::answer_to_json(a, s) == reference_json(a));
  }
}
