// SPDX-License-Identifier: MIT
// Building the event graph from a story and answering queries on it.
#include "chronograph/graph/event_graph.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <limits>
#include <set>

#include "chronograph/error.hpp"

namespace chronograph::graph {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

/// Lower-case words of ASCII letters and digits; other bytes (punctuation, UTF-8 sequences of
/// non-ASCII letters) separate words, except that non-ASCII bytes are kept inside words so that
/// "Zürich" stays one word.
void split_words(std::string_view text, std::vector<std::string>& out) {
  std::string word;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
}

/// How well a query word matches an event word: 1 exact, 0.8 when one is a prefix of the other
/// and the shorter has at least 4 letters ("tariff"/"tariffs", "retaliat"/"retaliation").
double word_match(const std::string& query, const std::string& word) {
  if (query == word) return 1.0;
  const auto& shorter = query.size() < word.size() ? query : word;
  const auto& longer = query.size() < word.size() ? word : query;
  if (shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0) return 0.8;
  return 0.0;
}

/// Signed distance in days from span a to span b, counted between a's last and b's first day
/// (4 June to 5 June is 1): > 0 when a ends before b starts, < 0 when b ends before a starts,
/// 0 when they overlap.
long gap_between(const time_span& a, const time_span& b) {
  if (!(b.begin < a.end)) return (b.begin - a.end).count() + 1;
  if (!(a.begin < b.end)) return -((a.begin - b.end).count() + 1);
  return 0;
}

bool is_precedence(const std::string& type) {
  return type == "BEFORE" || type == "AFTER" || type == "IBEFORE" || type == "IAFTER" ||
         type == "CAUSES" || type == "ENABLES";
}

/// True when the link says its `to` end comes first (AFTER, IAFTER).
bool is_reversed_order(const std::string& type) { return type == "AFTER" || type == "IAFTER"; }

}  // namespace

link_kind kind_of(std::string_view timeml_type) noexcept {
  static constexpr std::string_view temporal[] = {
      "BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "DURING_INV",
      "BEGINS", "BEGUN_BY", "ENDS", "ENDED_BY", "IBEFORE", "IAFTER", "VAGUE"};
  static constexpr std::string_view causal[] = {"CAUSES", "ENABLES", "PREVENTS"};
  std::string name;
  for (char c : timeml_type) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (auto t : temporal)
    if (name == t) return link_kind::temporal;
  for (auto c : causal)
    if (name == c) return link_kind::causal;
  return link_kind::other;
}

event_graph event_graph::from_story(const story& s) {
  event_graph out;
  auto& g = out.graph_;
  std::unordered_map<std::string, std::vector<vertex_type>> events_with;  // word -> events, in order
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto& e = s.events[i];
    if (out.by_id_.count(e.id)) continue;  // a duplicate id: the first one wins
    node_props p;
    p.id = e.id;
    p.is_event = true;
    p.label = e.summary;
    p.value = e.when.value;
    p.span = span_of(e.when.value);
    p.salience = e.salience;
    p.confidence = e.confidence;
    std::set<std::string> docs;
    for (const auto& m : e.mentions) docs.insert(m.doc);
    p.sources = docs.size();
    p.index = i;
    const vertex_type v = boost::add_vertex(p, g);
    out.by_id_.emplace(e.id, v);
    ++out.event_count_;

    std::vector<std::string> words;
    split_words(e.summary, words);
    split_words(e.trigger, words);
    split_words(e.lemma, words);
    for (const auto& a : e.actors) split_words(a, words);
    for (const auto& m : e.mentions) split_words(m.text, words);
    if (p.span && p.span->size == grain::day) split_words(date::format("%A %B", p.span->begin), words);
    if (p.span && (p.span->size == grain::month || p.span->size == grain::week))
      split_words(date::format("%B", p.span->begin), words);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (auto& w : words) events_with[std::move(w)].push_back(v);
  }
  for (std::size_t i = 0; i < s.events.size(); ++i)  // mention ids are aliases of their event
    for (const auto& mid : s.events[i].mention_ids)
      if (!out.by_id_.count(mid)) out.by_id_.emplace(mid, out.by_id_.at(s.events[i].id));
  for (std::size_t i = 0; i < s.timexes.size(); ++i) {
    const auto& t = s.timexes[i];
    if (out.by_id_.count(t.id)) continue;
    node_props p;
    p.id = t.id;
    p.is_event = false;
    p.label = t.text;
    p.value = t.value;
    p.span = span_of(t.value);
    p.sources = 1;
    p.index = i;
    out.by_id_.emplace(t.id, boost::add_vertex(p, g));
  }
  // Inverted index for resolve(): vocabulary in order, postings in vertex order.
  out.vocabulary_.reserve(events_with.size());
  for (const auto& entry : events_with) out.vocabulary_.push_back(entry.first);
  std::sort(out.vocabulary_.begin(), out.vocabulary_.end());
  out.postings_.reserve(out.vocabulary_.size());
  for (const auto& word : out.vocabulary_) out.postings_.push_back(std::move(events_with[word]));
  // Timeline order for between()/around() and timeline().
  for (vertex_type v = 0; v < boost::num_vertices(g); ++v)
    if (g[v].is_event && g[v].span) {
      out.by_date_.push_back(v);
      out.longest_span_days_ = std::max(out.longest_span_days_, g[v].span->days());
    }
  std::stable_sort(out.by_date_.begin(), out.by_date_.end(), [&](vertex_type a, vertex_type b) {
    const auto& sa = *g[a].span;
    const auto& sb = *g[b].span;
    if (sa.begin != sb.begin) return sa.begin < sb.begin;
    if (sa.end != sb.end) return sb.end < sa.end;  // the longer (containing) span first
    return g[a].id < g[b].id;
  });
  out.links_ = s.links;
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    const auto& l = s.links[i];
    const auto from = out.by_id_.find(l.from);
    const auto to = out.by_id_.find(l.to);
    if (from == out.by_id_.end() || to == out.by_id_.end()) {
      out.dangling_.push_back(i);
      continue;
    }
    link_props p;
    p.type = upper(l.type);
    p.kind = kind_of(p.type);
    p.index = i;
    out.links_[i].type = p.type;
    boost::add_edge(from->second, to->second, p, g);
  }
  return out;
}

link_view event_graph::temporal_view() const {
  return link_view(graph_, kind_filter{&graph_, link_kind::temporal});
}

link_view event_graph::causal_view() const {
  return link_view(graph_, kind_filter{&graph_, link_kind::causal});
}

const node_props* event_graph::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &graph_[it->second];
}

vertex_type event_graph::vertex_of(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) throw input_error("unknown event or time id \"" + std::string(id) + "\"");
  return it->second;
}

link_step event_graph::step_of(const edge_type& e) const {
  const auto& l = links_[graph_[e].index];
  return link_step{graph_[boost::source(e, graph_)].id, graph_[boost::target(e, graph_)].id,
                   l.type, l.support, l.rule, l.confidence};
}

event_hit event_graph::hit_of(vertex_type v) const {
  event_hit h;
  h.id = graph_[v].id;
  h.summary = graph_[v].label;
  h.value = graph_[v].value;
  return h;
}

std::vector<std::string> event_graph::timeline() const {
  std::vector<std::string> out;
  for (auto v : by_date_) out.push_back(graph_[v].id);
  for (vertex_type v = 0; v < boost::num_vertices(graph_); ++v)
    if (graph_[v].is_event && !graph_[v].span) out.push_back(graph_[v].id);
  return out;
}

resolution event_graph::resolve(std::string_view reference) const {
  resolution out;
  if (const auto it = by_id_.find(std::string(reference)); it != by_id_.end() && graph_[it->second].is_event) {
    const auto& p = graph_[it->second];
    out.best = p.id;
    out.is_exact = true;
    out.candidates.push_back(candidate{p.id, p.label, 1.0});
    return out;
  }
  std::vector<std::string> query;
  split_words(reference, query);
  std::sort(query.begin(), query.end());
  query.erase(std::unique(query.begin(), query.end()), query.end());
  if (query.empty() || event_count_ == 0) return out;

  // For each query word, the best match per event through the inverted index: the word itself,
  // vocabulary words it is a prefix of, and its own prefixes of 4+ letters that are words.
  // Words that occur in many events weigh less (inverse document frequency).
  const double n = static_cast<double>(event_count_);
  std::unordered_map<vertex_type, double> score_of;
  double total = 0;
  for (const auto& q : query) {
    std::unordered_map<vertex_type, double> best;
    const auto take = [&](std::size_t word_index) {
      const double m = word_match(q, vocabulary_[word_index]);
      if (m <= 0) return;
      for (vertex_type v : postings_[word_index]) {
        double& b = best[v];
        b = std::max(b, m);
      }
    };
    for (auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), q);
         it != vocabulary_.end() && it->compare(0, q.size(), q) == 0; ++it)
      take(static_cast<std::size_t>(it - vocabulary_.begin()));
    for (std::size_t len = 4; len < q.size(); ++len) {
      const auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), q.substr(0, len));
      if (it != vocabulary_.end() && *it == q.substr(0, len)) take(static_cast<std::size_t>(it - vocabulary_.begin()));
    }
    const double weight = std::log((n + 1.0) / (static_cast<double>(best.size()) + 0.5));
    total += weight;
    for (const auto& [v, m] : best) score_of[v] += weight * m;
  }
  if (total <= 0) total = 1;

  struct scored { vertex_type v; double score; };
  std::vector<scored> found;
  for (const auto& [v, score] : score_of)
    if (score > 0) found.push_back({v, std::min(1.0, score / total)});
  std::sort(found.begin(), found.end(), [&](const scored& a, const scored& b) {
    if (a.score != b.score) return a.score > b.score;  // exact: a comparator must be a strict weak order
    if (graph_[a.v].salience != graph_[b.v].salience) return graph_[a.v].salience > graph_[b.v].salience;
    return graph_[a.v].id < graph_[b.v].id;
  });
  for (const auto& f : found) out.candidates.push_back(candidate{graph_[f.v].id, graph_[f.v].label, f.score});
  if (!out.candidates.empty()) out.best = out.candidates.front().id;
  return out;
}

std::vector<event_hit> event_graph::causal_walk(vertex_type start, bool backward) const {
  // Breadth-first over the causal view: nearest causes (or effects) first.
  const link_view view = causal_view();
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> dist(boost::num_vertices(graph_), none);
  std::vector<std::optional<edge_type>> via(boost::num_vertices(graph_));
  std::deque<vertex_type> queue{start};
  dist[start] = 0;
  std::vector<vertex_type> order;
  const auto visit = [&](vertex_type from, vertex_type to, const edge_type& e) {
    if (dist[to] != none) return;
    dist[to] = dist[from] + 1;
    via[to] = e;
    queue.push_back(to);
    order.push_back(to);
  };
  while (!queue.empty()) {
    const vertex_type v = queue.front();
    queue.pop_front();
    if (backward) {
      for (auto [it, end] = boost::in_edges(v, view); it != end; ++it) visit(v, boost::source(*it, view), *it);
    } else {
      for (auto [it, end] = boost::out_edges(v, view); it != end; ++it) visit(v, boost::target(*it, view), *it);
    }
  }
  std::vector<event_hit> out;
  for (vertex_type v : order) {
    if (!graph_[v].is_event) continue;
    event_hit h = hit_of(v);
    h.distance = dist[v];
    h.basis = "link";
    for (vertex_type w = v; w != start;) {  // chain back to the query event
      const edge_type e = *via[w];
      h.via.push_back(step_of(e));
      w = backward ? boost::target(e, graph_) : boost::source(e, graph_);
    }
    if (!backward) std::reverse(h.via.begin(), h.via.end());
    if (graph_[v].span && graph_[start].span)
      h.gap_days = std::abs(gap_between(*graph_[v].span, *graph_[start].span));
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<event_hit> event_graph::causes(std::string_view event_id) const {
  return causal_walk(vertex_of(event_id), true);
}

std::vector<event_hit> event_graph::effects(std::string_view event_id) const {
  return causal_walk(vertex_of(event_id), false);
}

std::vector<event_hit> event_graph::order_walk(vertex_type start, bool backward) const {
  // Stated order: an edge "a precedes b" for BEFORE/IBEFORE/CAUSES/ENABLES a->b and AFTER/IAFTER
  // b->a. Walk it backwards for before(), forwards for after().
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  const std::size_t n = boost::num_vertices(graph_);
  std::vector<std::size_t> dist(n, none);
  std::vector<std::optional<edge_type>> via(n);
  std::vector<vertex_type> parent(n, start);
  std::deque<vertex_type> queue{start};
  dist[start] = 0;
  const auto visit = [&](vertex_type from, vertex_type to, const edge_type& e) {
    if (dist[to] != none) return;
    dist[to] = dist[from] + 1;
    via[to] = e;
    parent[to] = from;
    queue.push_back(to);
  };
  while (!queue.empty()) {
    const vertex_type v = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
      const auto& type = graph_[*it].type;
      if (!is_precedence(type)) continue;
      // v -> w with "v precedes w" (BEFORE) or "w precedes v" (AFTER).
      const bool v_first = !is_reversed_order(type);
      if (v_first != backward) visit(v, boost::target(*it, graph_), *it);
    }
    for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it) {
      const auto& type = graph_[*it].type;
      if (!is_precedence(type)) continue;
      // w -> v with "w precedes v" (BEFORE) or "v precedes w" (AFTER).
      const bool w_first = !is_reversed_order(type);
      if (w_first == backward) visit(v, boost::source(*it, graph_), *it);
    }
  }

  std::vector<event_hit> out;
  const auto& at = graph_[start].span;
  for (vertex_type v = 0; v < n; ++v) {
    if (v == start || !graph_[v].is_event) continue;
    const bool by_link = dist[v] != none;
    std::optional<long> gap;
    bool by_date = false;
    if (at && graph_[v].span) {
      const auto& span = *graph_[v].span;
      if (backward ? !(at->begin < span.end) : !(span.begin < at->end)) {
        by_date = true;
        gap = backward ? gap_between(span, *at) : gap_between(*at, span);
      }
    }
    if (!by_link && !by_date) continue;
    event_hit h = hit_of(v);
    h.basis = by_link && by_date ? "link+date" : by_link ? "link" : "date";
    h.gap_days = gap;
    if (by_link) {
      h.distance = dist[v];
      for (vertex_type w = v; w != start; w = parent[w]) h.via.push_back(step_of(*via[w]));
      if (!backward) std::reverse(h.via.begin(), h.via.end());
    }
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const event_hit& a, const event_hit& b) {
    if (a.gap_days.has_value() != b.gap_days.has_value()) return a.gap_days.has_value();
    if (a.gap_days && *a.gap_days != *b.gap_days) return *a.gap_days < *b.gap_days;
    const bool a_linked = !a.via.empty(), b_linked = !b.via.empty();  // stated order first
    if (a_linked != b_linked) return a_linked;
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.id < b.id;
  });
  return out;
}

std::vector<event_hit> event_graph::before(std::string_view event_id) const {
  return order_walk(vertex_of(event_id), true);
}

std::vector<event_hit> event_graph::after(std::string_view event_id) const {
  return order_walk(vertex_of(event_id), false);
}

std::optional<std::vector<link_step>> event_graph::path(std::string_view from_id,
                                                        std::string_view to_id) const {
  const vertex_type from = vertex_of(from_id);
  const vertex_type to = vertex_of(to_id);
  const std::size_t n = boost::num_vertices(graph_);
  std::vector<bool> seen(n, false);
  std::vector<std::optional<edge_type>> via(n);
  std::vector<vertex_type> parent(n, from);
  std::deque<vertex_type> queue{from};
  seen[from] = true;
  while (!queue.empty() && !seen[to]) {
    const vertex_type v = queue.front();
    queue.pop_front();
    const auto visit = [&](vertex_type w, const edge_type& e) {
      if (seen[w]) return;
      seen[w] = true;
      via[w] = e;
      parent[w] = v;
      queue.push_back(w);
    };
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) visit(boost::target(*it, graph_), *it);
    for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it) visit(boost::source(*it, graph_), *it);
  }
  if (!seen[to]) return std::nullopt;
  std::vector<link_step> steps;
  for (vertex_type w = to; w != from; w = parent[w]) steps.push_back(step_of(*via[w]));
  std::reverse(steps.begin(), steps.end());
  return steps;
}

std::vector<event_hit> event_graph::between(const time_span& first, const time_span& last) const {
  const date::sys_days lo = first.begin;
  const date::sys_days hi = std::max(first.end, last.end);
  return dated_in(lo, hi, nullptr);
}

std::vector<event_hit> event_graph::around(const time_span& at, long days) const {
  const date::sys_days lo = at.begin - date::days{days};
  const date::sys_days hi = at.end + date::days{days};
  auto out = dated_in(lo, hi, &at);
  std::stable_sort(out.begin(), out.end(),
                   [](const event_hit& a, const event_hit& b) { return *a.gap_days < *b.gap_days; });
  return out;
}

std::vector<event_hit> event_graph::dated_in(date::sys_days lo, date::sys_days hi, const time_span* from) const {
  // by_date_ is sorted by first day and no span is longer than longest_span_days_, so only
  // events starting in [lo - longest, hi) can overlap [lo, hi).
  const date::sys_days earliest = lo - date::days{longest_span_days_};
  auto it = std::lower_bound(by_date_.begin(), by_date_.end(), earliest,
                             [&](vertex_type v, date::sys_days day) { return graph_[v].span->begin < day; });
  std::vector<event_hit> out;
  for (; it != by_date_.end() && graph_[*it].span->begin < hi; ++it) {
    const auto& span = *graph_[*it].span;
    if (!(lo < span.end)) continue;
    event_hit h = hit_of(*it);
    h.basis = "date";
    h.gap_days = from ? std::abs(gap_between(span, *from)) : 0;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace chronograph::graph
