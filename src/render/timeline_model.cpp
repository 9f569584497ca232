// SPDX-License-Identifier: MIT
#include "timeline_model.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "chronograph/error.hpp"
#include "chronograph/graph/event_graph.hpp"

namespace chronograph::render::detail {
namespace {

using graph::grain;
using graph::time_span;

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool is_salient(const story_event& e, const options& opts) {
  return opts.all_events || e.salience >= opts.min_salience;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// Whether a link of TimeML type `type` (upper case) says its source comes first (true), its
/// target (false), or orders them not at all.
std::optional<bool> source_first(std::string_view type) {
  if (type == "BEFORE" || type == "IBEFORE" || type == "CAUSES" || type == "ENABLES") return true;
  if (type == "AFTER" || type == "IAFTER") return false;
  return std::nullopt;
}

/// The date and actor filters of `options`.
class event_filter {
 public:
  explicit event_filter(const options& opts) : actor_(lower(opts.actor)) {
    const auto read = [](const std::string& text, const char* which) -> std::optional<time_span> {
      if (text.empty()) return std::nullopt;
      const auto span = graph::span_of(text);
      if (!span) throw input_error(std::string("cannot read the ") + which + " date \"" + text + "\"");
      return span;
    };
    from_ = read(opts.from, "from");
    to_ = read(opts.to, "to");
  }
  [[nodiscard]] bool keeps(const story_event& e) const {
    if (from_ || to_) {
      const auto span = graph::span_of(e.when.value);
      if (!span) return false;
      if (from_ && !(from_->begin < span->end)) return false;
      if (to_ && !(span->begin < to_->end)) return false;
    }
    if (!actor_.empty()) {
      bool found = false;
      for (const auto& a : e.actors) found = found || lower(a).find(actor_) != std::string::npos;
      if (!found) return false;
    }
    return true;
  }

 private:
  std::optional<time_span> from_, to_;
  std::string actor_;
};


/// Where an event lies on the axis: its own date, else the day or month that both bounds of the
/// temporal closure fall in ("lowered duties ... as the April tariffs took effect": April 2025).
std::optional<time_span> placed_span(const story_event& e) {
  if (auto span = graph::span_of(e.when.value)) return span;
  const auto a = graph::span_of(e.not_before), b = graph::span_of(e.not_after);
  if (!a || !b || b->end <= a->begin) return std::nullopt;
  if (a->begin == b->begin) return a;
  const date::year_month_day x{a->begin}, y{b->begin};
  if (x.year() != y.year() || x.month() != y.month()) return std::nullopt;
  return graph::span_of(date::format("%Y-%m", a->begin));
}

/// "5 Jun 2025" for a day, describe() otherwise.
std::string short_date(const time_span& span) {
  if (span.size == grain::day && span.days() == 1) {
    const date::year_month_day ymd{span.begin};
    return std::to_string(static_cast<unsigned>(ymd.day())) + date::format(" %b %Y", span.begin);
  }
  return graph::describe(span);
}

std::string gap_text(long days) {
  if (days < 2) return "";
  if (days < 14) return std::to_string(days) + " days later";
  if (days < 60) return std::to_string((days + 3) / 7) + " weeks later";
  if (days < 730) return std::to_string((days + 15) / 30) + " months later";
  return std::to_string((days + 182) / 365) + " years later";
}

std::size_t source_count(const story_event& e) {
  std::set<std::string> docs;
  for (const auto& m : e.mentions) docs.insert(m.doc);
  return docs.size();
}

shown_event describe_event(const story& s, std::size_t i) {
  const auto& e = s.events[i];
  shown_event out;
  out.index = i;
  out.sources = source_count(e);
  const auto span = placed_span(e);
  const bool from_bounds = span && e.when.value.empty();
  const std::string tense = lower(e.tense), modality = lower(e.modality);
  out.is_future = e.is_future || tense == "future" || (!modality.empty() && modality != "none") ||
                  e.when.value == "FUTURE_REF";
  out.is_negated = lower(e.polarity) == "neg";
  out.is_inferred = from_bounds || e.when.anchor == "inferred" || (span && span->size != grain::day);
  const auto bound = [](const std::string& value) { return short_date(*graph::span_of(value)); };
  if (span) out.date_text = short_date(*span);
  else if (e.when.value == "PAST_REF") out.date_text = "in the past";
  else if (e.when.value == "FUTURE_REF") out.date_text = "in the future";
  else if (e.when.value == "PRESENT_REF") out.date_text = "now";
  else if (graph::span_of(e.not_before) && graph::span_of(e.not_after))
    out.date_text = "between " + bound(e.not_before) + " and " + bound(e.not_after);
  else if (graph::span_of(e.not_before)) out.date_text = "from " + bound(e.not_before);
  else if (graph::span_of(e.not_after)) out.date_text = "by " + bound(e.not_after);
  else out.date_text = "date not stated";
  if (from_bounds || e.when.anchor == "inferred") out.date_text += " (inferred)";
  return out;
}

std::string title_of(const story& s, const timeline_model& m, const std::optional<time_span>& first,
                     const std::optional<time_span>& last) {
  std::string title;
  if (first && last) title = short_date(*first) + " \u2013 " + short_date(*last) + " \u00b7 ";
  title += std::to_string(m.events.size()) + (m.events.size() == 1 ? " event" : " events");
  if (m.hidden_events) title += " (" + std::to_string(m.hidden_events) + " less salient not shown)";
  if (m.undrawn_links)
    title += " \u00b7 " + std::to_string(m.undrawn_links) + (m.undrawn_links == 1 ? " long link" : " long links") +
             " not drawn";
  title += " \u00b7 " + std::to_string(s.documents.size()) + (s.documents.size() == 1 ? " document" : " documents");
  return title;
}

/// The link label shown on a drawn edge: nothing for the common case, else the relation.
std::string relation_label(const std::string& type, link_style style) {
  const std::string t = lower(type);
  if (style == link_style::causal) return t == "causes" ? "" : t;
  std::string out = t;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

}  // namespace

std::optional<std::size_t> timeline_model::shown(std::size_t event_index) const {
  for (std::size_t k = 0; k < events.size(); ++k)
    if (events[k].index == event_index) return k;
  return std::nullopt;
}

namespace {

std::vector<std::string> greedy_wrap(const std::vector<std::string>& words, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const auto& word : words) {
    if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> words;
  std::size_t at = 0;
  const auto space = [&](std::size_t k) {
    return text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '\r';
  };
  while (at < text.size()) {
    while (at < text.size() && space(at)) ++at;
    std::size_t end = at;
    while (end < text.size() && !space(end)) ++end;
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end;
  }
  std::vector<std::string> lines = greedy_wrap(words, width);
  // Balance: the narrowest width that needs no more lines, so the last line is not one orphan word.
  for (std::size_t narrower = width; lines.size() > 1 && lines.size() <= max_lines && narrower > width / 2;) {
    --narrower;
    auto tighter = greedy_wrap(words, narrower);
    if (tighter.size() != lines.size()) break;
    lines = std::move(tighter);
  }
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() += " \u2026";
  }
  return lines;
}

timeline_model build_timeline(const story& s, const options& opts) {
  timeline_model m;
  // Rows keyed by (place, begin, -end): dated rows in date order, containing spans first.
  using row_key = std::tuple<int, long, long>;
  std::map<row_key, axis_row> rows;
  std::vector<row_key> row_of(s.events.size());
  const event_filter filter(opts);
  // Salient events pass; an undated one (neither dated, placed by its bounds nor planned) also
  // needs salience >= undated_salience or a link to a dated salient event, or it would fill the picture with "date not stated" (on the samples,
  // 20 of 48 salient events are undated).
  std::vector<bool> candidate(s.events.size(), false), dated(s.events.size(), false);
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    candidate[i] = filter.keeps(s.events[i]) && is_salient(s.events[i], opts);
    // A planned event bounded after the DCT has its place too: the "later" row.
    dated[i] = placed_span(s.events[i]).has_value() || (s.events[i].is_future && !s.events[i].not_before.empty());
    index_of.emplace(s.events[i].id, i);
  }
  std::vector<bool> linked_to_dated(s.events.size(), false);
  for (const auto& l : s.links) {
    const auto from = index_of.find(l.from), to = index_of.find(l.to);
    if (from == index_of.end() || to == index_of.end() || graph::kind_of(l.type) == graph::link_kind::other) continue;
    if (candidate[to->second] && dated[to->second]) linked_to_dated[from->second] = true;
    if (candidate[from->second] && dated[from->second]) linked_to_dated[to->second] = true;
  }
  // A month's (or week's) event the story orders after an event of a day inside it goes below
  // that day: "January 2025" (the inauguration) after "Fri 17" (the call before it). Per event,
  // the end of the latest such day, where its row starts on the axis.
  std::vector<std::optional<date::sys_days>> after_day(s.events.size());
  for (const auto& l : s.links) {
    const auto from = index_of.find(l.from), to = index_of.find(l.to);
    if (from == index_of.end() || to == index_of.end() || from->second == to->second) continue;
    const auto first = source_first(upper(l.type));
    if (!first) continue;
    const auto earlier = *first ? from->second : to->second, later = *first ? to->second : from->second;
    const auto a = placed_span(s.events[earlier]), b = placed_span(s.events[later]);
    if (!a || !b || a->days() >= b->days() || a->begin < b->begin || b->end < a->end) continue;
    if (!after_day[later] || *after_day[later] < a->end) after_day[later] = a->end;
  }
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto& e = s.events[i];
    if (!filter.keeps(e)) continue;
    const bool shown = candidate[i] && (opts.all_events || dated[i] || linked_to_dated[i] ||
                                        e.salience >= std::max(opts.min_salience, undated_salience));
    if (!shown) {
      ++m.hidden_events;
      continue;
    }
    m.events.push_back(describe_event(s, i));
    const auto span = placed_span(e);
    axis_row row;
    row_key key;
    if (span) {
      row.place = axis_row::kind::dated;
      row.span = span;
      const auto starts = after_day[i] ? std::max(span->begin, *after_day[i]) : span->begin;
      key = {1, starts.time_since_epoch().count(), -span->end.time_since_epoch().count()};
    } else if (e.when.value == "PAST_REF") {
      row.place = axis_row::kind::earlier;
      row.label = "earlier (date not stated)";
      key = {0, 0, 0};
    } else if (e.when.value == "FUTURE_REF" || m.events.back().is_future) {
      row.place = axis_row::kind::later;
      row.label = "later (date not stated)";
      key = {2, 0, 0};
    } else {
      row.place = axis_row::kind::unknown;
      row.label = "date not stated";
      key = {3, 0, 0};
    }
    rows.emplace(key, row).first->second.events.push_back(i);
    row_of[i] = key;
  }

  // Labels: a heading when a dated row opens a new month (or year); gaps between dated rows.
  std::optional<time_span> previous, first, last;
  std::map<row_key, std::size_t> position;
  for (auto& [key, row] : rows) {
    position[key] = m.rows.size();
    auto& events = row.events;
    std::stable_sort(events.begin(), events.end(), [&](std::size_t a, std::size_t b) {
      if (s.events[a].salience != s.events[b].salience) return s.events[a].salience > s.events[b].salience;
      return s.events[a].id < s.events[b].id;
    });
    if (row.place == axis_row::kind::dated) {
      const time_span span = *row.span;
      const date::year_month_day ymd{span.begin};
      const bool new_month = !previous || date::year_month_day{previous->begin}.year() != ymd.year() ||
                             date::year_month_day{previous->begin}.month() != ymd.month();
      switch (span.size) {
        case grain::day:
          if (span.days() == 1) {
            row.heading = new_month ? date::format("%B %Y", span.begin) : "";
            row.label = date::format("%a ", span.begin) + std::to_string(static_cast<unsigned>(ymd.day()));
          } else {
            row.label = graph::describe(span);
          }
          break;
        case grain::month:
          row.label = graph::describe(span);
          break;
        default:
          row.label = graph::describe(span);
          if (span.size == grain::week && !new_month) {
            const auto year_at = row.label.rfind(' ');
            row.label = row.label.substr(0, year_at);  // "week of 26 May" under its month
          }
          if (new_month && span.size == grain::week) row.heading = date::format("%B %Y", span.begin);
          break;
      }
      if (previous) {
        row.gap_days = (span.begin - previous->end).count() + 1;
        row.gap = gap_text(row.gap_days);
      }
      if (!previous || previous->end < span.end) previous = span;
      if (!first) first = span;
      if (!last || last->end < span.end) last = span;
    }
    m.rows.push_back(std::move(row));
  }

  // Links between shown events. A pair a causal link joins needs no temporal one besides: the
  // cause comes first.
  std::set<std::pair<std::string_view, std::string_view>> causal_pairs;
  for (const auto& l : s.links)
    if (graph::kind_of(l.type) == graph::link_kind::causal) causal_pairs.emplace(std::minmax<std::string_view>(l.from, l.to));
  for (std::size_t li = 0; li < s.links.size(); ++li) {
    const auto& l = s.links[li];
    std::optional<std::size_t> from, to;
    for (std::size_t i = 0; i < s.events.size(); ++i) {
      if (s.events[i].id == l.from) from = i;
      if (s.events[i].id == l.to) to = i;
    }
    if (!from || !to || !m.shown(*from) || !m.shown(*to) || *from == *to) continue;
    const auto kind = graph::kind_of(l.type);
    if (kind == graph::link_kind::other) continue;
    if (kind != graph::link_kind::causal && causal_pairs.count(std::minmax<std::string_view>(l.from, l.to))) continue;
    const std::size_t rf = position[row_of[*from]], rt = position[row_of[*to]];
    const bool both_dated = m.rows[rf].place == axis_row::kind::dated && m.rows[rt].place == axis_row::kind::dated;
    const std::string type = upper(l.type);
    drawn_link d{*from, *to, li, link_style::temporal, ""};
    // Which end the link says comes first, if it orders them at all.
    const auto from_first = source_first(type);
    // It contradicts the dates when the end it says comes first lies wholly after the other.
    const bool contradicts = both_dated && from_first &&
                             ((*from_first && !(m.rows[rf].span->begin < m.rows[rt].span->end)) ||
                              (!*from_first && !(m.rows[rt].span->begin < m.rows[rf].span->end)));
    if (kind == graph::link_kind::causal) {
      d.style = contradicts ? link_style::conflict : link_style::causal;
      d.label = contradicts ? "cause dated after effect" : relation_label(type, link_style::causal);
    } else {
      if (contradicts) {
        d.style = link_style::conflict;
        d.label = "stated " + type + ", dates disagree";
      } else if (both_dated && from_first && (*from_first ? rf < rt : rt < rf)) {
        continue;  // the axis already says it (not so for "January 2025" above the Jan. 17 it followed)
      } else {
        d.label = relation_label(type, link_style::temporal);
      }
    }
    m.links.push_back(std::move(d));
  }

  // Keep the picture laid out in seconds: shortest links first within the row budget.
  const auto crossed = [&](const drawn_link& l) {
    const std::size_t a = position[row_of[l.from]], b = position[row_of[l.to]];
    return a > b ? a - b : b - a;
  };
  std::size_t total = 0;
  for (const auto& l : m.links) total += crossed(l);
  if (total > max_crossed_rows) {
    std::vector<std::size_t> order(m.links.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return crossed(m.links[a]) < crossed(m.links[b]); });
    std::vector<bool> keep(m.links.size(), false);
    std::size_t used = 0;
    for (std::size_t k : order) {
      if (used + crossed(m.links[k]) > max_crossed_rows) break;
      used += crossed(m.links[k]);
      keep[k] = true;
    }
    std::vector<drawn_link> kept;
    for (std::size_t k = 0; k < m.links.size(); ++k) {
      if (keep[k]) kept.push_back(m.links[k]);
      else ++m.undrawn_links;
    }
    m.links = std::move(kept);
  }
  m.title = title_of(s, m, first, last);
  return m;
}

timeline_model build_causal(const story& s, const options& opts) {
  // A causal link is drawn when both ends pass the date/actor filters and at least one end is
  // salient: a salient effect's cause is worth seeing even when the extractor ranked it low.
  const event_filter filter(opts);
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < s.events.size(); ++i) index_of.emplace(s.events[i].id, i);
  timeline_model m;
  std::set<std::size_t> used;
  for (std::size_t li = 0; li < s.links.size(); ++li) {
    const auto& l = s.links[li];
    if (graph::kind_of(l.type) != graph::link_kind::causal) continue;
    const auto from = index_of.find(l.from), to = index_of.find(l.to);
    if (from == index_of.end() || to == index_of.end() || from->second == to->second) continue;
    const auto& cause = s.events[from->second];
    const auto& effect = s.events[to->second];
    if (!filter.keeps(cause) || !filter.keeps(effect)) continue;
    if (!is_salient(cause, opts) && !is_salient(effect, opts)) continue;
    drawn_link d{from->second, to->second, li, link_style::causal, ""};
    const auto cause_span = graph::span_of(cause.when.value), effect_span = graph::span_of(effect.when.value);
    const std::string type = upper(l.type);
    if (cause_span && effect_span && !(cause_span->begin < effect_span->end)) {  // effect ends first
      d.style = link_style::conflict;
      d.label = "cause dated after effect";
    } else {
      d.label = relation_label(type, link_style::causal);
    }
    m.links.push_back(std::move(d));
    used.insert(from->second);
    used.insert(to->second);
  }
  std::optional<time_span> first, last;
  for (std::size_t i : used) {  // std::set: story order
    m.events.push_back(describe_event(s, i));
    if (const auto span = placed_span(s.events[i])) {
      if (!first || span->begin < first->begin) first = span;
      if (!last || last->end < span->end) last = span;
    }
  }
  for (std::size_t i = 0; i < s.events.size(); ++i)
    if (!used.count(i) && filter.keeps(s.events[i]) && !is_salient(s.events[i], opts)) ++m.hidden_events;
  m.title = "Causes and effects \u00b7 " + title_of(s, m, first, last);
  return m;
}

}  // namespace chronograph::render::detail
