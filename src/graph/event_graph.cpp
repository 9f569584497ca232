// SPDX-License-Identifier: MIT
// Building the event graph from a story and answering queries on it.
#include "chronograph/graph/event_graph.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>

#include "chronograph/detail/string_map.hpp"
#include "chronograph/error.hpp"
#include "chronograph/graph/walk.hpp"
#include "chronograph/graph/word_index.hpp"

namespace chronograph::graph {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Lower-case English names, as date::format("%A %B") writes them, for matching "June call" or
// "Thursday talks" against an event's date.
constexpr std::string_view weekday_names[] = {"sunday", "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday"};  // c_encoding()
constexpr std::string_view month_names[] = {"january", "february", "march", "april", "may", "june",
                                            "july", "august", "september", "october", "november", "december"};

/// Builds the inverted word index of resolve(): every distinct word gets a number when first
/// seen; per event its distinct word numbers become (word, event) pairs; finish() sorts the
/// vocabulary and lays the postings out flat, each word's events in vertex order.
class word_index_builder {
 public:
  void add_text(std::string_view text) {
    if (text.size() < 48) {
      detail::for_each_word(text, buffer_, [&](std::string_view w) { add_word(w); });
      return;
    }
    // Long texts (mention sentences) repeat: every event of a sentence quotes it. Their words
    // are split and numbered once.
    if (const auto* seen = seen_texts_.find(text)) {
      event_words_.insert(event_words_.end(), text_words_.begin() + static_cast<std::ptrdiff_t>(seen->first),
                          text_words_.begin() + static_cast<std::ptrdiff_t>(seen->first + seen->second));
      return;
    }
    const std::size_t first = text_words_.size();
    detail::for_each_word(text, buffer_, [&](std::string_view w) {
      const auto n = words_.intern(w);
      text_words_.push_back(n);
      event_words_.push_back(n);
    });
    seen_texts_.try_emplace(text, first, text_words_.size() - first);
  }
  void add_word(std::string_view w) { event_words_.push_back(words_.intern(w)); }
  /// Closes the words added since the last call as those of event `v`.
  void end_event(vertex_type v) {
    std::sort(event_words_.begin(), event_words_.end());
    event_words_.erase(std::unique(event_words_.begin(), event_words_.end()), event_words_.end());
    for (const auto w : event_words_) pairs_.push_back({w, v});
    event_words_.clear();
  }
  void finish(std::vector<std::string>& vocabulary, std::vector<std::size_t>& starts,
              std::vector<vertex_type>& postings) const {
    const auto count = static_cast<std::uint32_t>(words_.size());
    std::vector<std::pair<std::string_view, std::uint32_t>> order(count);
    for (std::uint32_t i = 0; i < count; ++i) order[i] = {words_[i], i};
    std::sort(order.begin(), order.end());
    std::vector<std::uint32_t> rank(count);
    vocabulary.clear();
    vocabulary.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k) {
      rank[order[k].second] = k;
      vocabulary.emplace_back(order[k].first);
    }
    starts.assign(std::size_t{count} + 1, 0);
    for (const auto& p : pairs_) ++starts[rank[p.word] + 1];
    for (std::size_t k = 1; k < starts.size(); ++k) starts[k] += starts[k - 1];
    std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
    postings.resize(pairs_.size());
    for (const auto& p : pairs_) postings[next[rank[p.word]]++] = p.event;  // pairs are in vertex order
  }

 private:
  struct pair { std::uint32_t word; vertex_type event; };
  detail::string_table words_;
  std::vector<std::uint32_t> event_words_;
  // Long texts already split (views of the story's strings) -> their words in text_words_.
  chronograph::detail::string_map<std::pair<std::size_t, std::size_t>, std::string_view> seen_texts_;
  std::vector<std::uint32_t> text_words_;
  std::vector<pair> pairs_;
  std::string buffer_;
};

/// event_graph as a walk view (graph/walk.hpp).
struct graph_view {
  using link = edge_type;
  const graph_type& g;
  [[nodiscard]] std::size_t vertex_count() const noexcept { return boost::num_vertices(g); }
  [[nodiscard]] bool is_event(std::size_t v) const noexcept { return g[v].is_event; }
  [[nodiscard]] const std::optional<time_span>& span(std::size_t v) const noexcept { return g[v].span; }
  template <class F>
  void out_links(std::size_t v, F&& f) const {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) f(*it, boost::target(*it, g));
  }
  template <class F>
  void in_links(std::size_t v, F&& f) const {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) f(*it, boost::source(*it, g));
  }
  [[nodiscard]] link_kind kind(const edge_type& e) const noexcept { return g[e].kind; }
  [[nodiscard]] detail::link_order order(const edge_type& e) const noexcept { return detail::order_of(g[e].type); }
};

}  // namespace

namespace detail {
namespace {
std::uint64_t hash_of(std::string_view s) noexcept { return chronograph::detail::hash_bytes(s); }
}  // namespace

std::uint32_t string_table::find(std::string_view s) const noexcept {
  if (slots_.empty()) return none;
  const std::uint64_t h = hash_of(s);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = h & mask; slots_[at].number != 0; at = (at + 1) & mask)
    if (slots_[at].tag == tag && (*this)[slots_[at].number - 1] == s) return slots_[at].number - 1;
  return none;
}

std::uint32_t string_table::intern(std::string_view s, bool* added) {
  if (2 * (ends_.size() + 1) > slots_.size()) grow(std::max<std::size_t>(1024, 2 * slots_.size()));
  const std::uint64_t h = hash_of(s);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = h & mask;
  for (; slots_[at].number != 0; at = (at + 1) & mask)
    if (slots_[at].tag == tag && (*this)[slots_[at].number - 1] == s) {
      if (added) *added = false;
      return slots_[at].number - 1;
    }
  chars_.append(s.data(), s.size());
  ends_.push_back(chars_.size());
  slots_[at] = slot{static_cast<std::uint32_t>(ends_.size()), tag};
  if (added) *added = true;
  return slots_[at].number - 1;
}

void string_table::reserve(std::size_t strings, std::size_t chars) {
  chars_.reserve(chars);
  ends_.reserve(strings);
  std::size_t slots = 1024;
  while (slots < 2 * strings + 2) slots *= 2;
  if (slots > slots_.size()) grow(slots);
}

void string_table::grow(std::size_t slots) {
  std::vector<slot> table(slots);
  const std::size_t mask = slots - 1;
  for (std::uint32_t n = 0; n < ends_.size(); ++n) {
    const std::uint64_t h = hash_of((*this)[n]);
    std::size_t at = h & mask;
    while (table[at].number != 0) at = (at + 1) & mask;
    table[at] = slot{n + 1, static_cast<std::uint32_t>(h >> 32)};
  }
  slots_ = std::move(table);
}
}  // namespace detail

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

event_graph event_graph::from_story(const story& s, const graph_options& options) {
  event_graph out;
  auto& g = out.graph_;
  std::size_t ids = s.events.size() + s.timexes.size(), id_chars = 0;
  for (const auto& e : s.events) {
    ids += e.mention_ids.size();
    id_chars += e.id.size();
    for (const auto& m : e.mention_ids) id_chars += m.size();
  }
  for (const auto& t : s.timexes) id_chars += t.id.size();
  out.ids_.reserve(ids, id_chars);
  out.vertex_of_id_.reserve(ids);
  // Numbers ids in the order events, mention ids, timexes; the first use of an id wins.
  const auto add_id = [&](std::string_view id, vertex_type v) {
    bool added = false;
    const auto n = out.ids_.intern(id, &added);
    if (added) out.vertex_of_id_.push_back(v);
    return added ? v : out.vertex_of_id_[n];
  };
  word_index_builder words;
  std::vector<std::string_view> docs;
  std::vector<vertex_type> vertex_of_event(s.events.size());
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto& e = s.events[i];
    vertex_of_event[i] = add_id(e.id, boost::num_vertices(g));
    if (vertex_of_event[i] != boost::num_vertices(g)) continue;  // a duplicate id: the first one wins
    node_props p;
    p.id = e.id;
    p.is_event = true;
    p.label = e.summary;
    p.value = e.when.value;
    p.span = span_of(e.when.value);
    p.salience = e.salience;
    p.confidence = e.confidence;
    docs.clear();
    for (const auto& m : e.mentions) docs.push_back(m.doc);
    std::sort(docs.begin(), docs.end());
    p.sources = static_cast<std::size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
    p.index = i;
    const auto span = p.span;
    const vertex_type v = boost::add_vertex(std::move(p), g);
    ++out.event_count_;

    if (!options.index_words) continue;
    words.add_text(e.summary);
    words.add_text(e.trigger);
    words.add_text(e.lemma);
    for (const auto& a : e.actors) words.add_text(a);
    for (const auto& m : e.mentions) words.add_text(m.text);
    if (span && (span->size == grain::day || span->size == grain::month || span->size == grain::week)) {
      if (span->size == grain::day) words.add_word(weekday_names[date::weekday{span->begin}.c_encoding()]);
      words.add_word(month_names[static_cast<unsigned>(date::year_month_day{span->begin}.month()) - 1]);
    }
    words.end_event(v);
  }
  for (std::size_t i = 0; i < s.events.size(); ++i)  // mention ids are aliases of their event
    for (const auto& mid : s.events[i].mention_ids) add_id(mid, vertex_of_event[i]);
  for (std::size_t i = 0; i < s.timexes.size(); ++i) {
    const auto& t = s.timexes[i];
    if (add_id(t.id, boost::num_vertices(g)) != boost::num_vertices(g)) continue;
    node_props p;
    p.id = t.id;
    p.is_event = false;
    p.label = t.text;
    p.value = t.value;
    p.span = span_of(t.value);
    p.sources = 1;
    p.index = i;
    boost::add_vertex(std::move(p), g);
  }
  words.finish(out.vocabulary_, out.posting_start_, out.postings_);
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
    const auto from = out.ids_.find(l.from);
    const auto to = out.ids_.find(l.to);
    if (from == detail::string_table::none || to == detail::string_table::none) {
      out.dangling_.push_back(i);
      continue;
    }
    link_props p;
    p.type = upper(l.type);
    p.kind = kind_of(p.type);
    p.index = i;
    out.links_[i].type = p.type;
    boost::add_edge(out.vertex_of_id_[from], out.vertex_of_id_[to], p, g);
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
  const auto n = ids_.find(id);
  return n == detail::string_table::none ? nullptr : &graph_[vertex_of_id_[n]];
}

std::optional<vertex_type> event_graph::find_vertex(std::string_view id) const {
  const auto n = ids_.find(id);
  if (n == detail::string_table::none) return std::nullopt;
  return vertex_of_id_[n];
}

vertex_type event_graph::vertex_of(std::string_view id) const {
  const auto n = ids_.find(id);
  if (n == detail::string_table::none) throw input_error("unknown event or time id \"" + std::string(id) + "\"");
  return vertex_of_id_[n];
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
  if (const auto* found = find(reference); found && found->is_event) {
    const auto& p = *found;
    out.best = p.id;
    out.is_exact = true;
    out.candidates.push_back(candidate{p.id, p.label, 1.0});
    return out;
  }
  const auto query = detail::query_words(reference);
  const auto lookup = [&](const std::string& q, const auto& take) {
    const auto postings_of = [&](std::size_t w) {
      struct range {
        const vertex_type* first;
        const vertex_type* last;
        [[nodiscard]] const vertex_type* begin() const noexcept { return first; }
        [[nodiscard]] const vertex_type* end() const noexcept { return last; }
      };
      return range{postings_.data() + posting_start_[w], postings_.data() + posting_start_[w + 1]};
    };
    for (auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), q);
         it != vocabulary_.end() && it->compare(0, q.size(), q) == 0; ++it)
      take(*it, postings_of(static_cast<std::size_t>(it - vocabulary_.begin())));
    for (std::size_t len = 4; len < q.size(); ++len) {
      const auto prefix = q.substr(0, len);
      const auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), prefix);
      if (it != vocabulary_.end() && *it == prefix) take(*it, postings_of(static_cast<std::size_t>(it - vocabulary_.begin())));
    }
  };
  return detail::resolve_words(
      query, event_count_, boost::num_vertices(graph_), lookup, [](const std::vector<std::size_t>&) {},
      [&](std::size_t v) { return graph_[v].salience; },
      [&](std::size_t v) -> const std::string& { return graph_[v].id; },
      [&](std::size_t v) -> const std::string& { return graph_[v].label; });
}

std::vector<event_hit> event_graph::hits_of(const detail::walk<edge_type>* w,
                                             const std::vector<detail::walk_hit>& found) const {
  std::vector<event_hit> out;
  out.reserve(found.size());
  for (const auto& f : found) {
    event_hit h = hit_of(f.v);
    h.distance = f.distance;
    h.gap_days = f.gap;
    h.basis = detail::basis_name(f.basis);
    if (w && (f.basis & detail::by_link))
      for (const auto& e : w->chain(f.v)) h.via.push_back(step_of(e));
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<event_hit> event_graph::causal_walk(vertex_type start, bool backward) const {
  const auto [w, found] = detail::causal_walk(graph_view{graph_}, start, backward);
  return hits_of(&w, found);
}

std::vector<event_hit> event_graph::causes(std::string_view event_id) const {
  return causal_walk(vertex_of(event_id), true);
}

std::vector<event_hit> event_graph::effects(std::string_view event_id) const {
  return causal_walk(vertex_of(event_id), false);
}

std::vector<event_hit> event_graph::order_walk(vertex_type start, bool backward) const {
  auto [w, found] = detail::order_walk(graph_view{graph_}, start, backward);
  detail::sort_order_hits(found, [&](std::size_t a, std::size_t b) { return graph_[a].id < graph_[b].id; });
  return hits_of(&w, found);
}

std::vector<event_hit> event_graph::before(std::string_view event_id) const {
  return order_walk(vertex_of(event_id), true);
}

std::vector<event_hit> event_graph::after(std::string_view event_id) const {
  return order_walk(vertex_of(event_id), false);
}

std::optional<std::vector<link_step>> event_graph::path(std::string_view from_id,
                                                        std::string_view to_id) const {
  const vertex_type to = vertex_of(to_id);
  const auto w = detail::path_walk(graph_view{graph_}, vertex_of(from_id), to);
  if (!w) return std::nullopt;
  std::vector<link_step> steps;
  for (const auto& e : w->chain(to)) steps.push_back(step_of(e));
  return steps;
}

std::vector<event_hit> event_graph::between(const time_span& first, const time_span& last) const {
  return hits_of(nullptr, detail::between_hits(graph_view{graph_}, by_date_, longest_span_days_, first, last));
}

std::vector<event_hit> event_graph::around(const time_span& at, long days) const {
  return hits_of(nullptr, detail::around_hits(graph_view{graph_}, by_date_, longest_span_days_, at, days));
}

}  // namespace chronograph::graph
