// SPDX-License-Identifier: MIT
// The walks behind event_graph's questions (causes/effects, before/after, path, between/around)
// over any graph that can list a vertex's links, shared with the story store's query index
// (which walks a compact image of the graph instead of an event_graph) so that both answer
// the same. A walk gives light records (vertices, distances, gaps, the links that reached each
// vertex); the caller makes the answer's strings from them.
//
// A View provides:
//   using link = ...;                         a link handle (copyable, default-constructible)
//   std::size_t vertex_count() const;
//   bool is_event(std::size_t v) const;
//   const std::optional<time_span>& span(std::size_t v) const;   (asked of events only)
//   void out_links(std::size_t v, F f) const;  f(link, target) for the links leaving v, in link order
//   void in_links(std::size_t v, F f) const;   f(link, source) for the links entering v, in link order
//   link_kind kind(link) const;  link_order order(link) const;
// Invariant: results depend only on what the view gives, in the order it gives it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "chronograph/graph/event_graph.hpp"

namespace chronograph::graph::detail {

/// What a link says about order in time: nothing, its `from` end comes first (BEFORE, IBEFORE,
/// CAUSES, ENABLES), or its `to` end comes first (AFTER, IAFTER).
enum class link_order : std::uint8_t { none = 0, forward = 1, reversed = 2 };

/// The order of an upper-case TimeML link name.
[[nodiscard]] inline link_order order_of(std::string_view upper_type) noexcept {
  if (upper_type == "BEFORE" || upper_type == "IBEFORE" || upper_type == "CAUSES" || upper_type == "ENABLES")
    return link_order::forward;
  if (upper_type == "AFTER" || upper_type == "IAFTER") return link_order::reversed;
  return link_order::none;
}

/// Signed distance in days from span a to span b, counted between a's last and b's first day
/// (4 June to 5 June is 1): > 0 when a ends before b starts, < 0 when b ends before a starts,
/// 0 when they overlap.
[[nodiscard]] inline long gap_between(const time_span& a, const time_span& b) noexcept {
  if (!(b.begin < a.end)) return (b.begin - a.end).count() + 1;
  if (!(a.begin < b.end)) return -((a.begin - b.end).count() + 1);
  return 0;
}

/// Why a vertex is in an answer (event_hit::basis): bit 0 a link, bit 1 its date.
enum : std::uint8_t { by_link = 1, by_date = 2 };

[[nodiscard]] inline const char* basis_name(std::uint8_t basis) noexcept {
  return basis == (by_link | by_date) ? "link+date" : basis == by_link ? "link" : "date";
}

/// One event of an answer, before its strings are made.
struct walk_hit {
  std::size_t v = 0;
  std::size_t distance = 0;       ///< links from the subject; 0 when found by date only
  std::optional<long> gap;        ///< event_hit::gap_days
  std::uint8_t basis = by_date;   ///< by_link, by_date or both
};

/// A breadth-first walk from `start`: how far each vertex is, and the link that reached it.
template <class Link>
struct walk {
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::size_t start = 0;
  bool forward = true;                 ///< the chains run from start (else towards it)
  std::vector<std::size_t> distance;   ///< per vertex, none when not reached
  std::vector<Link> via;               ///< per reached vertex but start: the link that reached it
  std::vector<std::size_t> parent;     ///< per reached vertex but start: the vertex it was reached from

  walk(std::size_t vertices, std::size_t from, bool forward_chains)
      : start(from), forward(forward_chains), distance(vertices, none), via(vertices), parent(vertices, from) {
    distance[from] = 0;
  }
  [[nodiscard]] bool reached(std::size_t v) const noexcept { return distance[v] != none; }
  /// Reaches `to` from `from` over `l` unless it was reached before; true when it is new.
  bool reach(std::size_t from, std::size_t to, const Link& l) {
    if (reached(to)) return false;
    distance[to] = distance[from] + 1;
    via[to] = l;
    parent[to] = from;
    return true;
  }
  /// The links between start and v, in path order: from start when the walk went forward, else
  /// from v.
  [[nodiscard]] std::vector<Link> chain(std::size_t v) const {
    std::vector<Link> out;
    for (std::size_t w = v; w != start; w = parent[w]) out.push_back(via[w]);
    if (forward) std::reverse(out.begin(), out.end());
    return out;
  }
};

/// causes (backward) / effects: breadth-first over the causal links, nearest first. Returns the
/// walk and the events reached, in the order reached (the subject excluded).
template <class View>
std::pair<walk<typename View::link>, std::vector<walk_hit>> causal_walk(const View& g, std::size_t start, bool backward) {
  using link = typename View::link;
  walk<link> w(g.vertex_count(), start, !backward);
  std::deque<std::size_t> queue{start};
  std::vector<std::size_t> order;
  const auto visit = [&](std::size_t from, std::size_t to, const link& l) {
    if (!w.reach(from, to, l)) return;
    queue.push_back(to);
    order.push_back(to);
  };
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    if (backward) {
      g.in_links(v, [&](const link& l, std::size_t source) {
        if (g.kind(l) == link_kind::causal) visit(v, source, l);
      });
    } else {
      g.out_links(v, [&](const link& l, std::size_t target) {
        if (g.kind(l) == link_kind::causal) visit(v, target, l);
      });
    }
  }
  std::vector<walk_hit> hits;
  const auto& at = g.span(start);
  for (const auto v : order) {
    if (!g.is_event(v)) continue;
    walk_hit h{v, w.distance[v], std::nullopt, by_link};
    if (at && g.span(v)) h.gap = std::abs(gap_between(*g.span(v), *at));
    hits.push_back(h);
  }
  return {std::move(w), std::move(hits)};
}

/// before (backward) / after: stated order (a link "a precedes b" for BEFORE/IBEFORE/CAUSES/
/// ENABLES a->b and AFTER/IAFTER b->a, walked backwards for before, forwards for after), and
/// every dated event the dates put on that side. Returns the walk and the events found, in
/// vertex order; sort them with sort_order_hits.
template <class View>
std::pair<walk<typename View::link>, std::vector<walk_hit>> order_walk(const View& g, std::size_t start, bool backward) {
  using link = typename View::link;
  const std::size_t n = g.vertex_count();
  walk<link> w(n, start, !backward);
  std::deque<std::size_t> queue{start};
  const auto visit = [&](std::size_t from, std::size_t to, const link& l) {
    if (w.reach(from, to, l)) queue.push_back(to);
  };
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    g.out_links(v, [&](const link& l, std::size_t target) {
      const auto order = g.order(l);
      if (order == link_order::none) return;
      // v -> w with "v precedes w" (BEFORE) or "w precedes v" (AFTER).
      const bool v_first = order == link_order::forward;
      if (v_first != backward) visit(v, target, l);
    });
    g.in_links(v, [&](const link& l, std::size_t source) {
      const auto order = g.order(l);
      if (order == link_order::none) return;
      // w -> v with "w precedes v" (BEFORE) or "v precedes w" (AFTER).
      const bool w_first = order == link_order::forward;
      if (w_first == backward) visit(v, source, l);
    });
  }
  std::vector<walk_hit> hits;
  const auto& at = g.span(start);
  for (std::size_t v = 0; v < n; ++v) {
    if (v == start || !g.is_event(v)) continue;
    walk_hit h{v, 0, std::nullopt, 0};
    if (w.reached(v)) {
      h.basis |= by_link;
      h.distance = w.distance[v];
    }
    if (at && g.span(v)) {
      const auto& span = *g.span(v);
      if (backward ? !(at->begin < span.end) : !(span.begin < at->end)) {
        h.basis |= by_date;
        h.gap = backward ? gap_between(span, *at) : gap_between(*at, span);
      }
    }
    if (h.basis != 0) hits.push_back(h);
  }
  return {std::move(w), std::move(hits)};
}

/// The order of before/after answers: dated ones by the gap in days, then the others; stated
/// order before date order; then by number of links; then by id (`id_less(v, w)`).
template <class IdLess>
void sort_order_hits(std::vector<walk_hit>& hits, IdLess&& id_less) {
  std::stable_sort(hits.begin(), hits.end(), [&](const walk_hit& a, const walk_hit& b) {
    if (a.gap.has_value() != b.gap.has_value()) return a.gap.has_value();
    if (a.gap && *a.gap != *b.gap) return *a.gap < *b.gap;
    const bool la = (a.basis & by_link) != 0, lb = (b.basis & by_link) != 0;
    if (la != lb) return la;  // stated order first
    if (a.distance != b.distance) return a.distance < b.distance;
    return id_less(a.v, b.v);
  });
}

/// path: breadth-first over every link in either direction, until `to` is reached. The walk
/// (its chain to `to` is the path) when connected, else nullopt.
template <class View>
std::optional<walk<typename View::link>> path_walk(const View& g, std::size_t from, std::size_t to) {
  using link = typename View::link;
  walk<link> w(g.vertex_count(), from, true);
  std::deque<std::size_t> queue{from};
  while (!queue.empty() && !w.reached(to)) {
    const std::size_t v = queue.front();
    queue.pop_front();
    const auto visit = [&](const link& l, std::size_t next) {
      if (w.reached(next)) return;
      w.distance[next] = w.distance[v] + 1;
      w.via[next] = l;
      w.parent[next] = v;
      queue.push_back(next);
    };
    g.out_links(v, visit);
    g.in_links(v, visit);
  }
  if (!w.reached(to)) return std::nullopt;
  return w;
}

/// between / around: the dated events (`dated`: the dated event vertices in timeline order,
/// whose spans are at most `longest_days` long) overlapping [lo, hi), in timeline order; the gap
/// is the distance in days to `from` when given, else 0.
template <class View, class Vertices>
std::vector<walk_hit> dated_in(const View& g, const Vertices& dated, long longest_days, date::sys_days lo,
                               date::sys_days hi, const time_span* from) {
  // `dated` is sorted by first day and no span is longer than longest_days, so only events
  // starting in [lo - longest, hi) can overlap [lo, hi).
  const date::sys_days earliest = lo - date::days{longest_days};
  auto it = std::lower_bound(dated.begin(), dated.end(), earliest,
                             [&](const auto& v, date::sys_days day) { return g.span(v)->begin < day; });
  std::vector<walk_hit> out;
  for (; it != dated.end() && g.span(*it)->begin < hi; ++it) {
    const auto& span = *g.span(*it);
    if (!(lo < span.end)) continue;
    out.push_back(walk_hit{static_cast<std::size_t>(*it), 0, from ? std::abs(gap_between(span, *from)) : 0, by_date});
  }
  return out;
}

/// between: the dated events overlapping [first.begin, max(first.end, last.end)).
template <class View, class Vertices>
std::vector<walk_hit> between_hits(const View& g, const Vertices& dated, long longest_days, const time_span& first,
                                   const time_span& last) {
  return dated_in(g, dated, longest_days, first.begin, std::max(first.end, last.end), nullptr);
}

/// around: the dated events within `days` days of `at`, nearest first.
template <class View, class Vertices>
std::vector<walk_hit> around_hits(const View& g, const Vertices& dated, long longest_days, const time_span& at, long days) {
  auto out = dated_in(g, dated, longest_days, at.begin - date::days{days}, at.end + date::days{days}, &at);
  std::stable_sort(out.begin(), out.end(), [](const walk_hit& a, const walk_hit& b) { return *a.gap < *b.gap; });
  return out;
}

}  // namespace chronograph::graph::detail
