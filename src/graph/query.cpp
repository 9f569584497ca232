// SPDX-License-Identifier: MIT
#include "chronograph/graph/query.hpp"

#include <set>

#include "chronograph/error.hpp"

namespace chronograph::graph {
namespace {

constexpr std::pair<question, const char*> names[] = {
    {question::causes, "causes"}, {question::effects, "effects"}, {question::before, "before"},
    {question::after, "after"},   {question::path, "path"},       {question::between, "between"},
    {question::around, "around"}};

std::size_t arity(question q) {
  switch (q) {
    case question::path:
    case question::between: return 2;
    default: return 1;
  }
}



time_span date_or_throw(const std::string& text) {
  const auto span = span_of(text);
  if (!span)
    throw input_error("cannot read the date \"" + text + "\" (use 2025-06-05, 2025-06, 2025-W22, 2025-Q2 or 2025)");
  return *span;
}

}  // namespace

std::optional<question> question_from_string(std::string_view word) noexcept {
  for (const auto& [q, name] : names)
    if (word == name) return q;
  return std::nullopt;
}

const char* to_string(question q) noexcept {
  for (const auto& [value, name] : names)
    if (value == q) return name;
  return "causes";
}

answer begin_answer(question q, const std::vector<std::string>& arguments, long days) {
  if (arguments.size() != arity(q))
    throw input_error(std::string("\"") + to_string(q) + "\" takes " + std::to_string(arity(q)) +
                      (arity(q) == 1 ? " argument" : " arguments") + ", not " + std::to_string(arguments.size()));
  answer a;
  a.asked = q;
  a.arguments = arguments;
  a.days = days;
  switch (q) {
    case question::between:
      a.dates = {date_or_throw(arguments[0]), date_or_throw(arguments[1])};
      if (a.dates[1].begin < a.dates[0].begin) std::swap(a.dates[0], a.dates[1]);
      break;
    case question::around:
      if (days < 0) throw input_error("the window of \"around\" cannot be negative");
      a.dates = {date_or_throw(arguments[0])};
      break;
    default:
      break;
  }
  return a;
}

bool names_events(question q) noexcept { return q != question::between && q != question::around; }

resolution require_match(resolution r, const std::string& reference) {
  if (!r.best) throw input_error("no event matches \"" + reference + "\"");
  return r;
}

void finish_answer(const event_graph& g, answer& a) {
  switch (a.asked) {
    case question::between: a.events = g.between(a.dates[0], a.dates[1]); return;
    case question::around: a.events = g.around(a.dates[0], a.days); return;
    default: break;
  }
  const std::string& subject = *a.subjects[0].best;
  switch (a.asked) {
    case question::causes: a.events = g.causes(subject); break;
    case question::effects: a.events = g.effects(subject); break;
    case question::before: a.events = g.before(subject); break;
    case question::after: a.events = g.after(subject); break;
    case question::path: a.path = g.path(subject, *a.subjects[1].best); break;
    default: break;
  }
}

answer ask(const event_graph& g, question q, const std::vector<std::string>& arguments, long days) {
  answer a = begin_answer(q, arguments, days);
  if (names_events(q))
    for (const auto& reference : arguments) a.subjects.push_back(require_match(g.resolve(reference), reference));
  finish_answer(g, a);
  return a;
}

std::vector<std::string> events_of(const answer& a) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& id) {
    if (seen.insert(id).second) out.push_back(id);
  };
  for (const auto& r : a.subjects)
    if (r.best) add(*r.best);
  for (const auto& h : a.events) {
    add(h.id);
    for (const auto& step : h.via) {
      add(step.from);
      add(step.to);
    }
  }
  if (a.path)
    for (const auto& step : *a.path) {
      add(step.from);
      add(step.to);
    }
  return out;
}

story substory(const story& s, const std::vector<std::string>& event_ids) {
  const std::set<std::string> wanted(event_ids.begin(), event_ids.end());
  story out;
  std::set<std::string> events, timexes_named, docs;
  for (const auto& e : s.events) {
    if (!wanted.count(e.id)) continue;
    out.events.push_back(e);
    events.insert(e.id);
    for (const auto& m : e.mentions) docs.insert(m.doc);
    if (!e.when.anchor.empty()) timexes_named.insert(e.when.anchor);
  }
  std::set<std::string> timex_ids;
  for (const auto& t : s.timexes) timex_ids.insert(t.id);
  for (const auto& l : s.links) {
    const bool from_ok = events.count(l.from) || (timex_ids.count(l.from) && events.count(l.to));
    const bool to_ok = events.count(l.to) || (timex_ids.count(l.to) && events.count(l.from));
    if (!from_ok || !to_ok) continue;
    out.links.push_back(l);
    if (timex_ids.count(l.from)) timexes_named.insert(l.from);
    if (timex_ids.count(l.to)) timexes_named.insert(l.to);
    if (!l.support.doc.empty()) docs.insert(l.support.doc);
  }
  for (const auto& t : s.timexes)
    if (timexes_named.count(t.id)) {
      out.timexes.push_back(t);
      docs.insert(t.doc);
    }
  for (const auto& d : s.documents)
    if (docs.count(d.id)) out.documents.push_back(d);
  for (const auto& d : s.diagnostics)
    if (docs.count(d.doc)) out.diagnostics.push_back(d);
  return out;
}

}  // namespace chronograph::graph
