// SPDX-License-Identifier: MIT
#include "chronograph/render/answer.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "chronograph/detail/string_map.hpp"

namespace chronograph::render {
namespace {

using json = nlohmann::ordered_json;

std::string source_name(const story& s, const std::string& doc) {
  for (const auto& d : s.documents)
    if (d.id == doc) return d.source.empty() ? d.id : d.source;
  return doc;
}

std::string when_text(const std::string& value) {
  if (const auto span = graph::span_of(value)) return graph::describe(*span);
  if (value.empty()) return "date not stated";
  return value;
}

std::string summary_of(const story& s, const std::string& id) {
  for (const auto& e : s.events)
    if (e.id == id) return e.summary.empty() ? e.trigger : e.summary;
  for (const auto& t : s.timexes)
    if (t.id == id) return "\u201c" + t.text + "\u201d (" + t.value + ")";
  return id;
}

// summary_of for many ids: the story's events and time expressions by id, indexed on first use
// (the first event, else the first time expression, of an id, as summary_of's scan finds it).
class labels {
 public:
  explicit labels(const story& s) : s_(s) {}
  std::string operator()(const std::string& id) {
    if (!built_) build();
    if (const auto* e = events_.find(id)) return (*e)->summary.empty() ? (*e)->trigger : (*e)->summary;
    if (const auto* t = timexes_.find(id)) return "\u201c" + (*t)->text + "\u201d (" + (*t)->value + ")";
    return id;
  }

 private:
  void build() {
    for (const auto& e : s_.events) events_.try_emplace(e.id, &e);
    for (const auto& t : s_.timexes) timexes_.try_emplace(t.id, &t);
    built_ = true;
  }
  const story& s_;
  bool built_ = false;
  chronograph::detail::string_map<const story_event*, std::string_view> events_;
  chronograph::detail::string_map<const story_timex*, std::string_view> timexes_;
};

std::string step_text(const graph::link_step& step, const story& s, labels& label) {
  std::string line = label(step.from) + " \u2014" + step.type + "\u2192 " + label(step.to);
  if (!step.support.text.empty())
    line += ": \u201c" + step.support.text + "\u201d (" + source_name(s, step.support.doc) + ")";
  return line;
}

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

json link_json(const graph::link_step& step) {
  json j;
  j["from"] = step.from;
  j["to"] = step.to;
  j["type"] = step.type;
  json ev;
  ev["doc"] = step.support.doc;
  ev["start"] = step.support.start;
  ev["end"] = step.support.end;
  ev["text"] = step.support.text;
  j["evidence"] = std::move(ev);
  j["rule"] = step.rule;
  j["confidence"] = step.confidence;
  return j;
}

}  // namespace

std::string answer_to_text(const graph::answer& a, const story& s) {
  std::string out = std::string(graph::to_string(a.asked));
  labels label(s);
  for (const auto& arg : a.arguments) out += " \u201c" + arg + "\u201d";
  out += "\n";
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    if (!r.best) continue;
    out += "  \u201c" + a.arguments[k] + "\u201d = " + summary_of(s, *r.best) + " [" + *r.best + "]";
    for (const auto& e : s.events)
      if (e.id == *r.best) out += ", " + when_text(e.when.value);
    out += "\n";
    if (r.candidates.size() > 1) {
      out += "    other matches:";
      for (std::size_t c = 1; c < r.candidates.size() && c < 6; ++c)
        out += (c > 1 ? ";" : "") + std::string(" ") + r.candidates[c].summary + " [" + r.candidates[c].id +
               "] " + score_text(r.candidates[c].score);
      out += "\n";
    }
  }
  if (a.asked == graph::question::path) {
    if (!a.path) return out + "  not connected\n";
    if (a.path->empty()) return out + "  the same event\n";
    for (std::size_t k = 0; k < a.path->size(); ++k)
      out += "  " + std::to_string(k + 1) + ". " + step_text((*a.path)[k], s, label) + "\n";
    return out;
  }
  if (a.events.empty()) return out + "  nothing found\n";
  for (std::size_t k = 0; k < a.events.size(); ++k) {
    const auto& h = a.events[k];
    out += "  " + std::to_string(k + 1) + ". " + when_text(h.value) + ": " + h.summary + " [" + h.id + "]";
    if (h.gap_days && (a.asked == graph::question::around || a.asked == graph::question::before ||
                       a.asked == graph::question::after))
      out += ", " + std::to_string(*h.gap_days) + (*h.gap_days == 1 ? " day" : " days") + " apart";
    out += "\n";
    for (const auto& step : h.via) out += "       " + step_text(step, s, label) + "\n";
  }
  return out;
}

std::string answer_to_json(const graph::answer& a, const story&) {
  json j;
  j["question"] = graph::to_string(a.asked);
  j["arguments"] = a.arguments;
  json subjects = json::array();
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    json sj;
    sj["reference"] = k < a.arguments.size() ? a.arguments[k] : std::string();
    sj["best"] = r.best ? json(*r.best) : json(nullptr);
    sj["exact"] = r.is_exact;
    json candidates = json::array();
    for (const auto& c : r.candidates) candidates.push_back(json{{"id", c.id}, {"summary", c.summary}, {"score", c.score}});
    sj["candidates"] = std::move(candidates);
    subjects.push_back(std::move(sj));
  }
  j["subjects"] = std::move(subjects);
  json dates = json::array();
  for (const auto& d : a.dates)
    dates.push_back(json{{"first_day", date::format("%F", d.begin)},
                         {"last_day", date::format("%F", d.end - date::days{1})}});
  j["dates"] = std::move(dates);
  if (a.asked == graph::question::around) j["days"] = a.days;
  json events = json::array();
  for (const auto& h : a.events) {
    json ej;
    ej["id"] = h.id;
    ej["summary"] = h.summary;
    ej["when"] = h.value;
    ej["distance"] = h.distance;
    ej["gap_days"] = h.gap_days ? json(*h.gap_days) : json(nullptr);
    ej["basis"] = h.basis;
    json via = json::array();
    for (const auto& step : h.via) via.push_back(link_json(step));
    ej["via"] = std::move(via);
    events.push_back(std::move(ej));
  }
  j["events"] = std::move(events);
  if (a.asked == graph::question::path) {
    if (a.path) {
      json path = json::array();
      for (const auto& step : *a.path) path.push_back(link_json(step));
      j["path"] = std::move(path);
    } else {
      j["path"] = nullptr;
    }
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace chronograph::render
