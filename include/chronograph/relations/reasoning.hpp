// SPDX-License-Identifier: MIT
// Temporal reasoning over interval endpoints: every event or time is [start, end] with
// start < end, TimeML relations are constraints between endpoints in the convex point algebra
// (<, <=, =), and dates pin endpoints to a day axis. The closure is never materialised: each
// endpoint keeps the tightest bounds on the day axis that the constraints imply (propagated when
// a constraint is added), and an entailment query compares bounds first and searches the explicit
// links only within the date window. Adding a constraint that contradicts what is known is
// refused, with the constraints it contradicts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/relations/link.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::relations {

class temporal_graph {
 public:
  using node = std::size_t;
  /// Tag of the constraints that a node's own dates add (not a link).
  static constexpr int date_tag = -1;

  /// A new interval. `days`: a time expression's interval is exactly those days (exact), an
  /// event dated to them lies inside them (start after the first day begins, end before the
  /// last ends). Returns false (and the node is free) when the days are empty.
  node add_node(std::optional<timex::day_interval> days = std::nullopt, bool exact = false);
  [[nodiscard]] std::size_t size() const noexcept { return lo_.size() / 2; }

  /// Bounds node `n`: it starts no earlier than day `not_before` begins and ends no later than
  /// day `not_after` ends. False (nothing changes) when that contradicts what is known.
  bool bound(node n, std::optional<date::sys_days> not_before, std::optional<date::sys_days> not_after);

  /// Node `n` is not over when day `day` ends (a plan: what will happen is not bounded to the
  /// day of writing or before it). False (nothing changes) when that contradicts what is known.
  bool bound_end_after(node n, date::sys_days day);

  /// Adds `a r b` (VAGUE and causal relations add nothing). False (nothing changes) when it
  /// contradicts what is known; then `conflicts` (if given) receives the tags of the constraints
  /// it contradicts (date_tag for dates and bounds), without duplicates.
  bool add(node a, relation r, node b, int tag = date_tag, std::vector<int>* conflicts = nullptr);

  /// Adds "a starts no later than b starts" (what a causal link says: the cause does not begin
  /// after its effect). False (nothing changes) when that contradicts what is known.
  bool add_starts_no_later(node a, node b, int tag = date_tag);

  /// Whether the constraints entail `a r b` (VAGUE and causal: never).
  [[nodiscard]] bool entails(node a, relation r, node b) const;

  /// The TimeML relation the constraints entail between a and b, if one does.
  [[nodiscard]] std::optional<relation> relation_between(node a, node b) const;

  /// Whether a must start before b starts.
  [[nodiscard]] bool starts_before(node a, node b) const;

  /// The first day a node can start on and the last day it can end on, when bounded.
  [[nodiscard]] std::optional<date::sys_days> earliest_start(node n) const;
  [[nodiscard]] std::optional<date::sys_days> latest_end(node n) const;

 private:
  enum class point_rel { less, less_equal, equal };
  struct edge {
    std::size_t to;
    bool strict;
    int tag;
    std::uint32_t next;  ///< the point's previous first edge (index + 1; 0 = none)
  };
  struct change {
    std::size_t point;
    std::int64_t lo, hi;
  };
  struct constraint {
    std::size_t p, q;  // point indices
    point_rel rel;
  };

  /// At most two point constraints per relation.
  struct constraints {
    constraint c[2];
    std::size_t n = 0;
    [[nodiscard]] const constraint* begin() const noexcept { return c; }
    [[nodiscard]] const constraint* end() const noexcept { return c + n; }
    [[nodiscard]] bool empty() const noexcept { return n == 0; }
  };
  static constraints constraints_of(node a, relation r, node b);
  /// p <= q (strict: p < q) entailed? When `path` is given and a chain of links proves it, the
  /// tags along the chain are added to it.
  [[nodiscard]] bool point_entails(std::size_t p, std::size_t q, bool strict, std::vector<int>* path = nullptr) const;
  bool add_point(std::size_t p, std::size_t q, bool strict, int tag);
  bool raise_lo(std::size_t p, std::int64_t lo);
  bool lower_hi(std::size_t p, std::int64_t hi);
  void rollback(std::size_t changes, std::size_t edges_added);

  // Bounds per point, encoded so that one integer comparison handles strictness: a lower bound
  // "p >= day" is 4*day, "p > day" 4*day+1; an upper bound "p <= day" 4*day, "p < day" 4*day-1
  // (then hi[p] < lo[q] exactly when the bounds force p < q, hi[p] <= lo[q] when p <= q).
  std::vector<std::int64_t> lo_, hi_;
  // Edges in one pool, linked per point (newest first): no allocation per point, and a
  // rollback pops them in the reverse order they were added.
  std::vector<edge> edges_;
  std::vector<std::uint32_t> first_out_, first_in_;  // per point: its newest edge (index + 1; 0 = none)
  template <typename F>
  void for_edges(const std::vector<std::uint32_t>& first, std::size_t point, F&& f) const {
    for (auto k = first[point]; k != 0; k = edges_[k - 1].next) f(edges_[k - 1]);
  }
  std::vector<change> undo_;
  std::vector<std::pair<std::size_t, std::size_t>> added_;  // (from, to) in order, for rollback
  std::vector<std::pair<std::size_t, std::int64_t>> work_;   // propagation stack (reused)
  // Search state of point_entails, reused between queries (sized by the graph, allocated once):
  // per search state (2 per point: reached with or without a "<"), the query that last reached
  // it, its parent state + 1 and the tag of the link that led there. A const query writes them,
  // so one graph must not be queried from two threads at once.
  mutable std::vector<std::uint32_t> seen_query_, seen_parent_;
  mutable std::vector<int> seen_via_;
  mutable std::vector<std::size_t> queue_;
  mutable std::uint32_t query_ = 0;
};

/// Checks one document's links against each other and the event dates, after the linker: dates
/// first, then links in order of support (confidence, then rule priority, then order given);
/// a link that contradicts what is kept is dropped with a `relations.conflict` diagnostic that
/// names it and what it contradicts. Causal links add no order (the linker already drops a cause
/// dated after its effect; tense alone is too weak to overrule a cue). Each event without a date
/// of its own gets the bounds the kept links imply (`when_not_before` / `when_not_after`,
/// tightened, never loosened), and `is_future` when it must start after the DCT. Then what the
/// dates say is added as links a TimeML reader can use without the values: time-time order
/// (`order.values`) and event-DCT relations the dates entail when tense gave none (`closure.dct`).
void reason_document(const text::annotated_document& doc, const std::vector<timex::mention>& times,
                     std::vector<events::event_mention>& events, std::vector<link>& links,
                     std::vector<diagnostic>& diagnostics);

/// Support rank of a link's rule for conflicts (higher wins at equal confidence): anchoring to a
/// time expression > signals and cues > order of dates > tense against the DCT > anything else.
[[nodiscard]] int rule_priority(std::string_view rule) noexcept;

/// "2025-05-12" for a day.
[[nodiscard]] std::string iso_day(date::sys_days d);

/// A link as diagnostics name it: "e3 BEFORE e5 (signal:after, 0.70)".
[[nodiscard]] std::string describe_link(const std::string& from, std::string_view rel, const std::string& to,
                                        const std::string& rule, double confidence);

/// Where the graph can place a node, for diagnostics: "e3 [2025-05-12..2025-05-12]" ("" = open).
[[nodiscard]] std::string describe_window(const temporal_graph& g, temporal_graph::node n, const std::string& id);

/// The first and the last day of a TIMEX3 date value ("2025-05" -> May 1 / May 31), if it has days.
[[nodiscard]] std::optional<date::sys_days> first_day(std::string_view value);
[[nodiscard]] std::optional<date::sys_days> last_day(std::string_view value);

}  // namespace chronograph::relations
