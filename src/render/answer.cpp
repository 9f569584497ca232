// SPDX-License-Identifier: MIT
#include "chronograph/render/answer.hpp"

#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "chronograph/detail/string_map.hpp"
#include "json_writer.hpp"

namespace chronograph::render {
namespace {

using detail::json_writer;

std::string when_text(const std::string& value) {
  if (const auto span = graph::span_of(value)) return graph::describe(*span);
  if (value.empty()) return "date not stated";
  return value;
}

// What the text of an answer names, found in the story in one pass: per id named (subjects,
// ends of link steps) the label of its event (summary, else trigger) or time expression
// ("“text” (value)"), per document of a step its source; the first event, else the first time
// expression, of an id and the first document, as a scan of the story finds them. And each
// distinct date described once.
class names {
 public:
  names(const story& s, const graph::answer& a) {
    const auto name_steps = [&](const std::vector<graph::link_step>& steps) {
      for (const auto& step : steps) {
        labels_.try_emplace(step.from);
        labels_.try_emplace(step.to);
        if (!step.support.text.empty()) sources_.try_emplace(step.support.doc);
      }
    };
    for (const auto& r : a.subjects)
      if (r.best) labels_.try_emplace(*r.best);
    for (const auto& h : a.events) name_steps(h.via);
    if (a.path) name_steps(*a.path);
    if (!labels_.empty()) {
      for (const auto& e : s.events)
        if (auto* found = labels_.find(e.id); found && !found->event) found->event = &e;
      for (const auto& t : s.timexes)
        if (auto* found = labels_.find(t.id); found && !found->event && !found->timex) found->timex = &t;
    }
    if (!sources_.empty())
      for (const auto& d : s.documents)
        if (auto* found = sources_.find(d.id); found && !*found) *found = &d;
  }
  void label(std::string& out, const std::string& id) const {
    const auto* found = labels_.find(id);
    if (found && found->event) {
      out += found->event->summary.empty() ? found->event->trigger : found->event->summary;
    } else if (found && found->timex) {
      out += "\u201c";
      out += found->timex->text;
      out += "\u201d (";
      out += found->timex->value;
      out += ')';
    } else {
      out += id;
    }
  }
  void source(std::string& out, const std::string& doc) const {
    const auto* found = sources_.find(doc);
    if (found && *found) out += (*found)->source.empty() ? (*found)->id : (*found)->source;
    else out += doc;
  }
  const std::string& when(const std::string& value) {
    auto it = dates_.find(value);
    if (it == dates_.end()) it = dates_.emplace(value, when_text(value)).first;
    return it->second;
  }

 private:
  struct named {
    const story_event* event = nullptr;
    const story_timex* timex = nullptr;
  };
  chronograph::detail::string_map<named, std::string_view> labels_;  // views of the answer's ids
  chronograph::detail::string_map<const story_document*, std::string_view> sources_;
  std::unordered_map<std::string_view, std::string> dates_;  // views of the answer's and story's values
};

void step_text(std::string& out, const graph::link_step& step, const names& name) {
  name.label(out, step.from);
  out += " \u2014";
  out += step.type;
  out += "\u2192 ";
  name.label(out, step.to);
  if (!step.support.text.empty()) {
    out += ": \u201c";
    out += step.support.text;
    out += "\u201d (";
    name.source(out, step.support.doc);
    out += ')';
  }
}

void append_number(std::string& out, long long n) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

void write_link(json_writer& w, const graph::link_step& step) {
  w.begin_object();
  w.member("from", step.from);
  w.member("to", step.to);
  w.member("type", step.type);
  w.key("evidence");
  w.begin_object();
  w.member("doc", step.support.doc);
  w.member("start", step.support.start);
  w.member("end", step.support.end);
  w.member("text", step.support.text);
  w.end_object();
  w.member("rule", step.rule);
  w.member("confidence", step.confidence);
  w.end_object();
}

std::size_t steps_size(const std::vector<graph::link_step>& steps) {
  std::size_t n = 0;
  for (const auto& step : steps) n += 160 + step.support.text.size();
  return n;
}

}  // namespace

std::string answer_to_text(const graph::answer& a, const story& s) {
  std::size_t expected = 256;
  for (const auto& h : a.events) expected += 64 + h.summary.size() + steps_size(h.via);
  if (a.path) expected += steps_size(*a.path);
  std::string out;
  out.reserve(expected);
  names name(s, a);
  out += graph::to_string(a.asked);
  for (const auto& arg : a.arguments) {
    out += " \u201c";
    out += arg;
    out += "\u201d";
  }
  out += '\n';
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    if (!r.best) continue;
    out += "  \u201c";
    out += a.arguments[k];
    out += "\u201d = ";
    name.label(out, *r.best);
    out += " [";
    out += *r.best;
    out += ']';
    for (const auto& e : s.events)
      if (e.id == *r.best) {
        out += ", ";
        out += name.when(e.when.value);
      }
    out += '\n';
    if (r.candidates.size() > 1) {
      out += "    other matches:";
      for (std::size_t c = 1; c < r.candidates.size() && c < 6; ++c) {
        if (c > 1) out += ';';
        out += ' ';
        out += r.candidates[c].summary;
        out += " [";
        out += r.candidates[c].id;
        out += "] ";
        out += score_text(r.candidates[c].score);
      }
      out += '\n';
    }
  }
  if (a.asked == graph::question::path) {
    if (!a.path) return out + "  not connected\n";
    if (a.path->empty()) return out + "  the same event\n";
    for (std::size_t k = 0; k < a.path->size(); ++k) {
      out += "  ";
      append_number(out, static_cast<long long>(k + 1));
      out += ". ";
      step_text(out, (*a.path)[k], name);
      out += '\n';
    }
    return out;
  }
  if (a.events.empty()) return out + "  nothing found\n";
  const bool gaps = a.asked == graph::question::around || a.asked == graph::question::before ||
                    a.asked == graph::question::after;
  for (std::size_t k = 0; k < a.events.size(); ++k) {
    const auto& h = a.events[k];
    out += "  ";
    append_number(out, static_cast<long long>(k + 1));
    out += ". ";
    out += name.when(h.value);
    out += ": ";
    out += h.summary;
    out += " [";
    out += h.id;
    out += ']';
    if (h.gap_days && gaps) {
      out += ", ";
      append_number(out, *h.gap_days);
      out += *h.gap_days == 1 ? " day" : " days";
      out += " apart";
    }
    out += '\n';
    for (const auto& step : h.via) {
      out += "       ";
      step_text(out, step, name);
      out += '\n';
    }
  }
  return out;
}

std::string answer_to_json(const graph::answer& a, const story&) {
  std::size_t expected = 1024;
  for (const auto& r : a.subjects) expected += 128 * r.candidates.size();
  for (const auto& h : a.events) expected += 256 + h.summary.size() + 2 * steps_size(h.via);
  if (a.path) expected += 2 * steps_size(*a.path);
  json_writer w(2, expected);
  w.begin_object();
  w.member("question", graph::to_string(a.asked));
  w.key("arguments");
  w.begin_array();
  for (const auto& arg : a.arguments) w.value(arg);
  w.end_array();
  w.key("subjects");
  w.begin_array();
  for (std::size_t k = 0; k < a.subjects.size(); ++k) {
    const auto& r = a.subjects[k];
    w.begin_object();
    w.member("reference", k < a.arguments.size() ? std::string_view(a.arguments[k]) : std::string_view());
    w.key("best");
    if (r.best) w.value(*r.best);
    else w.null();
    w.member("exact", r.is_exact);
    w.key("candidates");
    w.begin_array();
    for (const auto& c : r.candidates) {
      w.begin_object();
      w.member("id", c.id);
      w.member("summary", c.summary);
      w.member("score", c.score);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("dates");
  w.begin_array();
  for (const auto& d : a.dates) {
    w.begin_object();
    w.member("first_day", date::format("%F", d.begin));
    w.member("last_day", date::format("%F", d.end - date::days{1}));
    w.end_object();
  }
  w.end_array();
  if (a.asked == graph::question::around) w.member("days", a.days);
  w.key("events");
  w.begin_array();
  for (const auto& h : a.events) {
    w.begin_object();
    w.member("id", h.id);
    w.member("summary", h.summary);
    w.member("when", h.value);
    w.member("distance", h.distance);
    w.key("gap_days");
    if (h.gap_days) w.value(*h.gap_days);
    else w.null();
    w.member("basis", h.basis);
    w.key("via");
    w.begin_array();
    for (const auto& step : h.via) write_link(w, step);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  if (a.asked == graph::question::path) {
    w.key("path");
    if (a.path) {
      w.begin_array();
      for (const auto& step : *a.path) write_link(w, step);
      w.end_array();
    } else {
      w.null();
    }
  }
  w.end_object();
  auto out = w.take();
  out += '\n';
  return out;
}

}  // namespace chronograph::render
