// SPDX-License-Identifier: MIT
// The story as a Boost.Graph: one vertex per story event and per time expression, one edge per
// link, and the queries users ask of it (causes, effects, before, after, path, between, around).
// Invariant: vertices are created in story order (events, then timexes), which story.hpp keeps
// sorted, so every query answers in the same order for the same story. Descriptors never leave
// this class: queries take and return story ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "chronograph/graph/time_value.hpp"
#include "chronograph/story.hpp"

namespace chronograph::graph {

/// What a link says: order in time (TimeML TLINK), cause (CLINK), or something else.
enum class link_kind { temporal, causal, other };

/// BEFORE/AFTER/INCLUDES/IS_INCLUDED/SIMULTANEOUS/... -> temporal, CAUSES/ENABLES/PREVENTS ->
/// causal, anything else (IDENTITY, unknown names) -> other. Case-insensitive.
[[nodiscard]] link_kind kind_of(std::string_view timeml_type) noexcept;

/// A vertex: a story event or a time expression.
struct node_props {
  std::string id;            ///< story event id ("ev-3f2a9c1b") or timex id ("a1:t3")
  bool is_event = true;      ///< false for a time expression
  std::string label;         ///< event summary, or timex text
  std::string value;         ///< TIMEX3 value of when the event happened / of the timex
  std::optional<time_span> span;  ///< the days `value` covers, if it names any
  double salience = 0;
  double confidence = 0;
  std::size_t sources = 0;   ///< distinct documents that mention the event
  std::size_t index = 0;     ///< position in story::events or story::timexes
};

/// An edge: one story link, from its `from` to its `to` end.
struct link_props {
  std::string type;          ///< TimeML name, upper case ("BEFORE", "CAUSES")
  link_kind kind = link_kind::other;
  std::size_t index = 0;     ///< position in story::links
};

using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         node_props, link_props>;
using vertex_type = boost::graph_traits<graph_type>::vertex_descriptor;
using edge_type = boost::graph_traits<graph_type>::edge_descriptor;

/// Edge predicate for filtered views: keeps the links of one kind.
struct kind_filter {
  const graph_type* graph = nullptr;
  link_kind kind = link_kind::temporal;
  bool operator()(const edge_type& e) const { return (*graph)[e].kind == kind; }
};
using link_view = boost::filtered_graph<graph_type, kind_filter>;

/// One link of an answer, as the story states it (its own direction, evidence and rule).
struct link_step {
  std::string from, to, type;
  evidence support;
  std::string rule;
  double confidence = 0;
  friend bool operator==(const link_step& a, const link_step& b) noexcept {
    return a.from == b.from && a.to == b.to && a.type == b.type;
  }
};

/// One event in a query answer.
struct event_hit {
  std::string id;
  std::string summary;
  std::string value;                 ///< its TIMEX3 date value ("" when unknown)
  std::size_t distance = 0;          ///< links between it and the query event; 0 if found by date only
  /// Days between it and the query date/event, counted from the earlier one's last day to the
  /// later one's first day (4 June -> 5 June is 1; 0 when they overlap), when both are dated.
  std::optional<long> gap_days;
  std::string basis;                 ///< "link", "date" or "link+date": why it is in the answer
  /// The links that connect it with the query event, in path order from the earlier (or causing)
  /// end to the later (or caused) end; empty when it was found by date only.
  std::vector<link_step> via;
};

/// A candidate for a user's event reference.
struct candidate {
  std::string id;
  std::string summary;
  double score = 0;  ///< 0..1: share of the reference's (weighted) words the event matches
};

/// What a reference ("ev-3f2a9c1b", "Geneva", "January call") names.
struct resolution {
  std::optional<std::string> best;  ///< the chosen event, if any matched
  bool is_exact = false;            ///< true when the reference was an event or mention id
  std::vector<candidate> candidates;  ///< every matching event, best first (best included)
};

namespace detail {
template <class Link>
struct walk;
struct walk_hit;

/// Distinct strings numbered 0, 1, ... in order of insertion, kept in one character buffer with
/// an open-addressing hash table over them: no allocation per string. For the graph's id map
/// and word index.
class string_table {
 public:
  static constexpr std::uint32_t none = 0xffffffffu;
  /// The number of `s`, adding it when new; `added` says which.
  std::uint32_t intern(std::string_view s, bool* added = nullptr);
  /// The number of `s`, or none.
  [[nodiscard]] std::uint32_t find(std::string_view s) const noexcept;
  [[nodiscard]] std::string_view operator[](std::uint32_t n) const noexcept {
    const std::size_t begin = n == 0 ? 0 : ends_[n - 1];
    return std::string_view(chars_).substr(begin, ends_[n] - begin);
  }
  [[nodiscard]] std::size_t size() const noexcept { return ends_.size(); }
  void reserve(std::size_t strings, std::size_t chars);

 private:
  void grow(std::size_t slots);
  std::string chars_;                 // every string, one after another
  std::vector<std::size_t> ends_;     // string n is chars_[ends_[n-1], ends_[n])
  struct slot {
    std::uint32_t number = 0;  // 0 free, else string number + 1
    std::uint32_t tag = 0;     // high bits of the string's hash: most mismatches skip the compare
  };
  std::vector<slot> slots_;           // size a power of two, at most half full
};
}  // namespace detail

/// How to build an event graph.
struct graph_options {
  /// Build resolve()'s word index. Without it resolve() finds events by id only (for graphs of
  /// part of a story whose references are resolved elsewhere, as the story store does).
  bool index_words = true;
};

/// The event graph of one story. Cheap to query; build once with from_story.
class event_graph {
 public:
  /// Builds the graph: a vertex per event and timex, an edge per link whose ends are known
  /// (event id, mention id "<doc>:e5" or timex id). Links with unknown ends are counted in
  /// dangling_links(), not added. Never throws on story content.
  [[nodiscard]] static event_graph from_story(const story& s, const graph_options& options = {});

  /// The underlying Boost graph (for algorithms and writers).
  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }
  /// Only temporal links / only causal links. The view's iterators refer to the view object:
  /// keep it in a variable while iterating (not `edges(g.causal_view())` in a for statement).
  [[nodiscard]] link_view temporal_view() const;
  [[nodiscard]] link_view causal_view() const;

  [[nodiscard]] std::size_t event_count() const noexcept { return event_count_; }
  [[nodiscard]] std::size_t link_count() const noexcept { return boost::num_edges(graph_); }
  /// Indices (into story::links) of links that name an unknown event or time.
  [[nodiscard]] const std::vector<std::size_t>& dangling_links() const noexcept { return dangling_; }

  /// The vertex properties of an event/timex id or mention id, or nullptr.
  [[nodiscard]] const node_props* find(std::string_view id) const;
  /// The vertex of an event/timex id or mention id.
  [[nodiscard]] std::optional<vertex_type> find_vertex(std::string_view id) const;

  // The graph's indexes, for keeping them elsewhere (the story store's query index).
  /// Calls f(id, vertex) for every event id, mention id and timex id, in order of numbering.
  template <class F>
  void for_each_id(F&& f) const {
    for (std::uint32_t n = 0; n < ids_.size(); ++n) f(ids_[n], vertex_of_id_[n]);
  }
  /// Calls f(word, first, last) for every word of resolve()'s index in ascending order, with the
  /// events having it in [first, last), in vertex order.
  template <class F>
  void for_each_word(F&& f) const {
    for (std::size_t w = 0; w < vocabulary_.size(); ++w)
      f(std::string_view(vocabulary_[w]), postings_.data() + posting_start_[w], postings_.data() + posting_start_[w + 1]);
  }
  /// Dated events in timeline order (as between() scans them), and the longest span in days.
  [[nodiscard]] const std::vector<vertex_type>& dated_events() const noexcept { return by_date_; }
  [[nodiscard]] long longest_span_days() const noexcept { return longest_span_days_; }

  /// Event ids in date order (earliest first; by start day, then longer spans first, then id),
  /// undated events last in story order.
  [[nodiscard]] std::vector<std::string> timeline() const;

  /// Resolves an event id, a mention id, or words. Words are matched (case-insensitively, a
  /// word also matching its longer or shorter forms such as "tariff"/"tariffs") against each
  /// event's summary, trigger, lemma, actors, mention texts and the month/weekday names of its
  /// date; words that occur in many events weigh less; ties go to the more salient event.
  [[nodiscard]] resolution resolve(std::string_view reference) const;

  /// Events that caused (CAUSES/ENABLES/PREVENTS into) the event, transitively, nearest first.
  /// Throws input_error for an unknown id.
  [[nodiscard]] std::vector<event_hit> causes(std::string_view event_id) const;
  /// Events the event caused, transitively, nearest first. Throws input_error for an unknown id.
  [[nodiscard]] std::vector<event_hit> effects(std::string_view event_id) const;

  /// Events that happened before the event: by stated order (BEFORE/AFTER/IBEFORE/IAFTER links
  /// and cause -> effect, transitively) and by date (dated events that end before it starts).
  /// Nearest first: dated answers by the gap in days, then the others by number of links.
  /// Throws input_error for an unknown id.
  [[nodiscard]] std::vector<event_hit> before(std::string_view event_id) const;
  /// Events that happened after the event; see before(). Throws input_error for an unknown id.
  [[nodiscard]] std::vector<event_hit> after(std::string_view event_id) const;

  /// The shortest chain of links (either direction, any kind) from one event or time to another,
  /// in order from `from_id`; empty when they are the same; nullopt when they are not connected.
  /// Throws input_error for an unknown id.
  [[nodiscard]] std::optional<std::vector<link_step>> path(std::string_view from_id,
                                                           std::string_view to_id) const;

  /// Dated events whose span overlaps [first.begin, last.end), in date order.
  [[nodiscard]] std::vector<event_hit> between(const time_span& first, const time_span& last) const;
  /// Dated events within `days` days of the span, nearest first (gap 0 = overlapping).
  [[nodiscard]] std::vector<event_hit> around(const time_span& at, long days) const;

 private:
  [[nodiscard]] vertex_type vertex_of(std::string_view id) const;  // throws input_error
  [[nodiscard]] link_step step_of(const edge_type& e) const;
  [[nodiscard]] event_hit hit_of(vertex_type v) const;
  [[nodiscard]] std::vector<event_hit> causal_walk(vertex_type start, bool backward) const;
  [[nodiscard]] std::vector<event_hit> order_walk(vertex_type start, bool backward) const;
  /// The hits of a walk's records, with their chains of links when `w` is given.
  [[nodiscard]] std::vector<event_hit> hits_of(const detail::walk<edge_type>* w,
                                               const std::vector<detail::walk_hit>& found) const;

  graph_type graph_;
  std::vector<story_link> links_;       // the story's links, indexed by link_props::index
  // Inverted word index for resolve(), flat: vocabulary_[w] is the w-th searchable word in
  // sorted order; the events that have it are postings_[posting_start_[w] .. posting_start_[w+1])
  // in vertex order.
  std::vector<std::string> vocabulary_;
  std::vector<std::size_t> posting_start_;
  std::vector<vertex_type> postings_;
  std::vector<vertex_type> by_date_;                 // dated events, timeline order
  long longest_span_days_ = 0;                       // of any dated event (bounds range scans)
  detail::string_table ids_;                         // event, mention and timex ids
  std::vector<vertex_type> vertex_of_id_;            // per number in ids_
  std::size_t event_count_ = 0;
  std::vector<std::size_t> dangling_;
};

}  // namespace chronograph::graph
