// SPDX-License-Identifier: MIT
// Temporal reasoning in the convex point algebra with day bounds (see reasoning.hpp), and the
// per-document consistency check that runs after the linker.
#include "chronograph/relations/reasoning.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "chronograph/relations/dates.hpp"

namespace chronograph::relations {

namespace {

constexpr std::int64_t unbounded_lo = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t unbounded_hi = std::numeric_limits<std::int64_t>::max() / 4;

std::int64_t day_number(date::sys_days d) { return d.time_since_epoch().count(); }

/// A bound carried through "<": p > x follows from p > q >= x (closed bounds are multiples of 4).
std::int64_t strict_lo(std::int64_t lo) { return lo == unbounded_lo || (lo & 3) ? lo : lo + 1; }
std::int64_t strict_hi(std::int64_t hi) { return hi == unbounded_hi || (hi & 3) ? hi : hi - 1; }

/// Tag of the start < end constraint of every node: never reported.
constexpr int internal_tag = -2;

}  // namespace

temporal_graph::node temporal_graph::add_node(std::optional<timex::day_interval> days, bool exact) {
  const node n = size();
  lo_.insert(lo_.end(), 2, unbounded_lo);
  hi_.insert(hi_.end(), 2, unbounded_hi);
  first_out_.resize(lo_.size(), 0);
  first_in_.resize(lo_.size(), 0);
  undo_.clear();
  added_.clear();
  add_point(2 * n, 2 * n + 1, true, internal_tag);  // start < end
  if (days && days->begin < days->end) {
    const auto b = 4 * day_number(days->begin), e = 4 * day_number(days->end);
    const bool ok = exact ? raise_lo(2 * n, b) && lower_hi(2 * n, b) && raise_lo(2 * n + 1, e) && lower_hi(2 * n + 1, e)
                          : raise_lo(2 * n, b + 1) && lower_hi(2 * n + 1, e - 1);
    if (!ok) rollback(0, 1);  // cannot happen on a fresh node; keep it free if it did
  }
  return n;
}

bool temporal_graph::bound(node n, std::optional<date::sys_days> not_before, std::optional<date::sys_days> not_after) {
  undo_.clear();
  added_.clear();
  bool ok = true;
  if (not_before) ok = raise_lo(2 * n, 4 * day_number(*not_before));
  if (ok && not_after) ok = lower_hi(2 * n + 1, 4 * day_number(*not_after + date::days{1}));
  if (!ok) rollback(0, 0);
  return ok;
}

bool temporal_graph::bound_end_after(node n, date::sys_days day) {
  undo_.clear();
  added_.clear();
  // Day d spans [4d, 4(d+1)] on the point axis; its end is 4(d+1), a strictly later point 4(d+1)+1.
  if (raise_lo(2 * n + 1, 4 * (day_number(day) + 1) + 1)) return true;
  rollback(0, 0);
  return false;
}

temporal_graph::constraints temporal_graph::constraints_of(node a, relation r, node b) {
  const std::size_t xs = 2 * a, xe = 2 * a + 1, ys = 2 * b, ye = 2 * b + 1;
  using pr = point_rel;
  constraints out;
  const auto one = [&](std::size_t p, std::size_t q, pr rel) { out.c[out.n++] = {p, q, rel}; };
  switch (r) {
    case relation::before: one(xe, ys, pr::less); break;
    case relation::after: one(ye, xs, pr::less); break;
    case relation::ibefore: one(xe, ys, pr::equal); break;
    case relation::iafter: one(ye, xs, pr::equal); break;
    case relation::begins: one(xs, ys, pr::equal), one(xe, ye, pr::less); break;
    case relation::begun_by: one(xs, ys, pr::equal), one(ye, xe, pr::less); break;
    case relation::ends: one(xe, ye, pr::equal), one(ys, xs, pr::less); break;
    case relation::ended_by: one(xe, ye, pr::equal), one(xs, ys, pr::less); break;
    case relation::includes: one(xs, ys, pr::less), one(ye, xe, pr::less); break;
    case relation::is_included: one(ys, xs, pr::less), one(xe, ye, pr::less); break;
    // DURING is scored as SIMULTANEOUS by TempEval-3; IDENTITY is the same interval.
    case relation::during:
    case relation::simultaneous:
    case relation::identity: one(xs, ys, pr::equal), one(xe, ye, pr::equal); break;
    default: break;  // VAGUE and causal relations say nothing about order
  }
  return out;
}

bool temporal_graph::raise_lo(std::size_t p, std::int64_t lo) {
  auto& work = work_;
  work.clear();
  work.emplace_back(p, lo);
  while (!work.empty()) {
    const std::size_t q = work.back().first;
    const std::int64_t v = work.back().second;
    work.pop_back();
    if (v <= lo_[q]) continue;
    undo_.push_back({q, lo_[q], hi_[q]});
    lo_[q] = v;
    if (lo_[q] > hi_[q]) return false;
    for_edges(first_out_, q, [&](const edge& e) { work.emplace_back(e.to, e.strict ? strict_lo(v) : v); });
  }
  return true;
}

bool temporal_graph::lower_hi(std::size_t p, std::int64_t hi) {
  auto& work = work_;
  work.clear();
  work.emplace_back(p, hi);
  while (!work.empty()) {
    const std::size_t q = work.back().first;
    const std::int64_t v = work.back().second;
    work.pop_back();
    if (v >= hi_[q]) continue;
    undo_.push_back({q, lo_[q], hi_[q]});
    hi_[q] = v;
    if (lo_[q] > hi_[q]) return false;
    for_edges(first_in_, q, [&](const edge& e) { work.emplace_back(e.to, e.strict ? strict_hi(v) : v); });
  }
  return true;
}

void temporal_graph::rollback(std::size_t changes, std::size_t edges_added) {
  while (undo_.size() > changes) {
    const auto& c = undo_.back();
    lo_[c.point] = c.lo;
    hi_[c.point] = c.hi;
    undo_.pop_back();
  }
  while (added_.size() > edges_added) {
    const auto [from, to] = added_.back();
    // The last two edges of the pool: the "in" edge of `to`, then the "out" edge of `from`.
    first_in_[to] = edges_.back().next;
    edges_.pop_back();
    first_out_[from] = edges_.back().next;
    edges_.pop_back();
    added_.pop_back();
  }
}

bool temporal_graph::add_point(std::size_t p, std::size_t q, bool strict, int tag) {
  edges_.push_back({q, strict, tag, first_out_[p]});
  first_out_[p] = static_cast<std::uint32_t>(edges_.size());
  edges_.push_back({p, strict, tag, first_in_[q]});  // "in" edges point backwards: `to` is the source
  first_in_[q] = static_cast<std::uint32_t>(edges_.size());
  added_.emplace_back(p, q);
  const bool ok = raise_lo(q, strict ? strict_lo(lo_[p]) : lo_[p]);
  return ok && lower_hi(p, strict ? strict_hi(hi_[q]) : hi_[q]);
}

bool temporal_graph::point_entails(std::size_t p, std::size_t q, bool strict, std::vector<int>* path) const {
  if (p == q) return !strict;
  const auto add_tag = [&](int tag) {
    if (path && std::find(path->begin(), path->end(), tag) == path->end()) path->push_back(tag);
  };
  if (strict ? hi_[p] < lo_[q] : hi_[p] <= lo_[q]) {
    add_tag(date_tag);
    return true;
  }
  // Search the explicit links from p, only through points that can still lie at or before q.
  // A state is (point, whether a "<" was passed); parents give the chain of links.
  const auto states = 2 * lo_.size();
  if (seen_query_.size() < states) {
    seen_query_.resize(states, 0);
    seen_parent_.resize(states, 0);
    seen_via_.resize(states, date_tag);
  }
  if (++query_ == 0) {  // wrapped around: forget every mark
    std::fill(seen_query_.begin(), seen_query_.end(), 0);
    query_ = 1;
  }
  const auto index = [](std::size_t point, bool s) { return 2 * point + (s ? 1 : 0); };
  const auto seen = [&](std::size_t state) { return seen_query_[state] == query_; };
  const auto mark = [&](std::size_t state, std::size_t parent, int via) {
    seen_query_[state] = query_;
    seen_parent_[state] = static_cast<std::uint32_t>(parent);
    seen_via_[state] = via;
  };
  auto& queue = queue_;
  queue.clear();
  queue.push_back(index(p, false));
  mark(index(p, false), 0, date_tag);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto ci = queue[head];
    const auto point = ci / 2;
    const bool cur_strict = (ci & 1) != 0;
    if (point == q && (cur_strict || !strict)) {
      if (path) {
        bool bound_used = false;
        for (auto k = ci;;) {
          if (seen_parent_[k] == 0) break;
          const int via = seen_via_[k];
          if (via == date_tag) bound_used = true;
          else if (via != internal_tag) add_tag(via);
          k = seen_parent_[k] - 1;
        }
        if (bound_used) add_tag(date_tag);
      }
      return true;
    }
    for_edges(first_out_, point, [&](const edge& e) {
      if (lo_[e.to] > hi_[q]) return;  // cannot lead back down to q
      const bool s = cur_strict || e.strict;
      const auto ni = index(e.to, s);
      if (seen(ni)) return;
      if (!s && seen(index(e.to, true))) return;  // already reached with "<"
      mark(ni, ci + 1, e.tag);
      queue.push_back(ni);
    });
  }
  return false;
}

bool temporal_graph::add(node a, relation r, node b, int tag, std::vector<int>* conflicts) {
  undo_.clear();
  added_.clear();
  for (const auto& c : constraints_of(a, r, b)) {
    const auto step = [&](std::size_t p, std::size_t q, bool strict) {
      // p < q contradicts q <= p; p <= q contradicts q < p.
      if (point_entails(q, p, !strict, conflicts)) return false;
      return add_point(p, q, strict, tag);
    };
    const bool ok = c.rel == point_rel::equal ? step(c.p, c.q, false) && step(c.q, c.p, false)
                                              : step(c.p, c.q, c.rel == point_rel::less);
    if (!ok) {
      rollback(0, 0);
      return false;
    }
  }
  return true;
}

bool temporal_graph::add_starts_no_later(node a, node b, int tag) {
  undo_.clear();
  added_.clear();
  if (point_entails(2 * b, 2 * a, true)) return false;
  if (!add_point(2 * a, 2 * b, false, tag)) {
    rollback(0, 0);
    return false;
  }
  return true;
}

bool temporal_graph::entails(node a, relation r, node b) const {
  const auto cs = constraints_of(a, r, b);
  if (cs.empty()) return false;
  for (const auto& c : cs) {
    const bool ok = c.rel == point_rel::equal ? point_entails(c.p, c.q, false) && point_entails(c.q, c.p, false)
                                              : point_entails(c.p, c.q, c.rel == point_rel::less);
    if (!ok) return false;
  }
  return true;
}

bool temporal_graph::starts_before(node a, node b) const { return point_entails(2 * a, 2 * b, true); }

std::optional<relation> temporal_graph::relation_between(node a, node b) const {
  // Each endpoint comparison is searched at most once (a relation needs one or two of them).
  const std::size_t pts[4] = {2 * a, 2 * a + 1, 2 * b, 2 * b + 1};  // xs, xe, ys, ye
  signed char memo[4][4][2];
  std::fill(&memo[0][0][0], &memo[0][0][0] + 32, static_cast<signed char>(-1));
  const auto le = [&](int i, int j, bool strict) {
    auto& m = memo[i][j][strict ? 1 : 0];
    if (m < 0) m = point_entails(pts[i], pts[j], strict) ? 1 : 0;
    return m == 1;
  };
  const auto lt = [&](int i, int j) { return le(i, j, true); };
  const auto eq = [&](int i, int j) { return le(i, j, false) && le(j, i, false); };
  enum { xs, xe, ys, ye };
  if (lt(xe, ys)) return relation::before;
  if (lt(ye, xs)) return relation::after;
  if (eq(xe, ys)) return relation::ibefore;
  if (eq(ye, xs)) return relation::iafter;
  if (eq(xs, ys)) {
    if (eq(xe, ye)) return relation::simultaneous;
    if (lt(xe, ye)) return relation::begins;
    if (lt(ye, xe)) return relation::begun_by;
    return std::nullopt;
  }
  if (eq(xe, ye)) {
    if (lt(ys, xs)) return relation::ends;
    if (lt(xs, ys)) return relation::ended_by;
    return std::nullopt;
  }
  if (lt(xs, ys) && lt(ye, xe)) return relation::includes;
  if (lt(ys, xs) && lt(xe, ye)) return relation::is_included;
  return std::nullopt;
}

std::optional<date::sys_days> temporal_graph::earliest_start(node n) const {
  const auto lo = lo_[2 * n];
  if (lo == unbounded_lo) return std::nullopt;
  return date::sys_days{date::days{lo >> 2}};
}

std::optional<date::sys_days> temporal_graph::latest_end(node n) const {
  const auto hi = hi_[2 * n + 1];
  if (hi == unbounded_hi) return std::nullopt;
  return date::sys_days{date::days{((hi + 1) >> 2) - 1}};
}

int rule_priority(std::string_view rule) noexcept {
  const auto starts = [&](std::string_view prefix) { return rule.substr(0, prefix.size()) == prefix; };
  if (starts("anchor.")) return 4;
  if (starts("signal:") || starts("causal.cue:") || starts("governed:") || starts("measure.")) return 3;
  if (starts("order.dates")) return 2;
  if (starts("dct.")) return 1;
  return 0;
}

std::string iso_day(date::sys_days d) {
  // As date::format("%F", d), without an output stream (this runs for every bounded event).
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return date::format("%F", d);
  std::string out = "0000-00-00";
  const auto digits = [&](std::size_t at, unsigned value, std::size_t n) {
    for (std::size_t k = n; k-- > 0; value /= 10) out[at + k] = static_cast<char>('0' + value % 10);
  };
  digits(0, static_cast<unsigned>(year), 4);
  digits(5, static_cast<unsigned>(ymd.month()), 2);
  digits(8, static_cast<unsigned>(ymd.day()), 2);
  return out;
}

std::optional<date::sys_days> first_day(std::string_view value) {
  const auto days = days_of(value);
  if (!days || days->begin >= days->end) return std::nullopt;
  return days->begin;
}

std::optional<date::sys_days> last_day(std::string_view value) {
  const auto days = days_of(value);
  if (!days || days->begin >= days->end) return std::nullopt;
  return days->end - date::days{1};
}

std::string describe_link(const std::string& from, std::string_view rel, const std::string& to, const std::string& rule,
                          double confidence) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", confidence);
  return from + " " + std::string(rel) + " " + to + " (" + rule + ", " + conf + ")";
}

namespace {
/// How strong a plan is against the links (as strong as a tense link, "dct.tense").
constexpr double plan_confidence = 0.6;
std::string describe_plan(const events::event_mention& ev) {
  return "the plan of " + ev.id + " (\"" + ev.trigger + "\" is planned: after t0)";
}
}  // namespace

std::string describe_window(const temporal_graph& g, temporal_graph::node n, const std::string& id) {
  const auto a = g.earliest_start(n), b = g.latest_end(n);
  return id + " [" + (a ? iso_day(*a) : "") + ".." + (b ? iso_day(*b) : "") + "]";
}

void reason_document(const text::annotated_document& doc, const std::vector<timex::mention>& times,
                     std::vector<events::event_mention>& evs, std::vector<link>& links,
                     std::vector<diagnostic>& diagnostics) {
  temporal_graph g;
  // Keys view the ids of the times and events (and "t0"), which outlive this function.
  std::unordered_map<std::string_view, temporal_graph::node> node_of;
  node_of.reserve(times.size() + evs.size() + 1);
  // The DCT is the time of writing: a moment within its day, so that "reported" (BEFORE t0) and
  // an event dated that same day do not contradict each other.
  if (doc.doc.dct) node_of["t0"] = g.add_node(days_of(doc.doc.dct->iso().substr(0, 10)), false);
  for (const auto& t : times) {
    // Durations and sets are not places on the time line.
    if (t.type == timex::timex_type::duration || t.type == timex::timex_type::set) continue;
    // A time finer than a day ("Tuesday morning", "10 a.m.": a value with a time part) lies inside
    // its day, as a dated event does, rather than being the whole day: the day INCLUDES it, as
    // TimeML annotates (Task C F1 on AQUAINT 0.379 -> 0.380).
    node_of[t.id] = g.add_node(days_of(t.value), t.value.find('T') == std::string::npos);
  }
  // A date measured from another event's ("one day after the president lamented": the linker's
  // `measure.date:` links) is no fact: it goes in with its link, where the link's support puts it.
  std::unordered_map<std::string_view, std::size_t> measured;  // event id -> index in evs
  for (const auto& l : links)
    if (l.rule.compare(0, 13, "measure.date:") == 0) measured.emplace(l.from, evs.size());
  for (std::size_t e = 0; e < evs.size(); ++e) {
    const auto& ev = evs[e];
    const auto m = measured.find(ev.id);
    if (m != measured.end()) m->second = e;
    node_of[ev.id] = g.add_node(m != measured.end() ? std::nullopt : days_of(ev.when_value), false);
  }

  std::vector<std::size_t> order(links.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<int> priority(links.size());
  for (std::size_t k = 0; k < links.size(); ++k) priority[k] = rule_priority(links[k].rule);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (links[x].confidence != links[y].confidence) return links[x].confidence > links[y].confidence;
    return priority[x] > priority[y];
  });
  const auto describe = [](const link& l) { return describe_link(l.from, to_string(l.rel), l.to, l.rule, l.confidence); };
  const auto report = [&](const byte_span& where, const char* rule, std::string message) {
    diagnostic d;
    d.level = severity::info;
    d.stage = "relations";
    d.doc = doc.doc.id;
    d.span = where;
    d.rule = rule;
    d.message = std::move(message);
    diagnostics.push_back(std::move(d));
  };
  std::vector<bool> dropped(links.size(), false);
  const auto drop = [&](std::size_t k, const std::string& why) {
    dropped[k] = true;
    report(links[k].evidence, "relations.conflict", "dropped " + describe(links[k]) + ": contradicts " + why);
  };
  // What the constraints tagged `tags` say, for a diagnostic: "the dates of ..." or the links.
  const auto explain = [&](const std::vector<int>& tags, temporal_graph::node a, temporal_graph::node b,
                           const link& l) {
    std::string why;
    bool first = true;
    for (const auto t : tags) {
      why += first ? "" : "; ";
      first = false;
      if (t == temporal_graph::date_tag) why += "the dates of " + describe_window(g, a, l.from) + " and " + describe_window(g, b, l.to);
      else if (static_cast<std::size_t>(t) >= links.size()) why += describe_plan(evs[static_cast<std::size_t>(t) - links.size()]);
      else why += describe(links[static_cast<std::size_t>(t)]);
    }
    return why;
  };
  // The trained TLINK models' links ("tlink.*") come last: they neither bound an event nor
  // overrule anything; they are kept where they agree with all the rest.
  const auto is_model_guess = [&](std::size_t k) { return links[k].rule.compare(0, 6, "tlink.") == 0; };
  // A planned event (is_future: future tense, "will"/"would" in reported speech, a planned noun
  // such as "upcoming talks" or "agreed to further talks") that no date places starts after the
  // DCT. Its tense, modality or plan is evidence as strong as the tense links ("dct.tense", 0.6):
  // the constraint goes in where they do, so that a weaker link (the MATRES order model's, a
  // TLINK model's guess) that would put the event before the time of writing is dropped with a
  // diagnostic naming the plan, instead of bounding the plan to the DCT's day or earlier.
  const auto dct_node = node_of.find("t0");
  bool plans_added = dct_node == node_of.end();
  const auto add_plans = [&] {
    plans_added = true;
    for (std::size_t e = 0; e < evs.size(); ++e) {
      const auto& ev = evs[e];
      if (!ev.is_future || !ev.when_value.empty()) continue;
      std::vector<int> conflicts;
      const int tag = static_cast<int>(links.size() + e);
      if (g.add(node_of[ev.id], relation::after, dct_node->second, tag, &conflicts)) continue;
      report(ev.span, "relations.plan_conflict",
             describe_plan(ev) + " contradicts " +
                 explain(conflicts, node_of[ev.id], dct_node->second,
                         link{ev.id, "t0", relation::after, ev.span, "plan", plan_confidence}) +
                 "; the links stay");
    }
  };
  const auto weaker_than_plan = [&](std::size_t k) {
    return links[k].confidence < plan_confidence ||
           (links[k].confidence == plan_confidence && priority[k] <= rule_priority("dct.tense"));
  };
  const auto add_links = [&](bool model_guesses) {
    for (const auto k : order) {
      const auto& l = links[k];
      if (!plans_added && weaker_than_plan(k)) add_plans();
      if (is_model_guess(k) != model_guesses) continue;
      const auto a = node_of.find(l.from), b = node_of.find(l.to);
      if (a == node_of.end() || b == node_of.end()) continue;
      // A causal link says its cause does not start after its effect: the weaker links after it
      // (the TLINK models' guesses) may not say otherwise. It is kept even where tense bounds
      // disagree (too weak to overrule a cue); then it constrains nothing.
      if (is_causal(l.rel)) {
        if (!model_guesses) g.add_starts_no_later(a->second, b->second, static_cast<int>(k));
        continue;
      }
      std::vector<int> conflicts;
      const bool added = g.add(a->second, l.rel, b->second, static_cast<int>(k), &conflicts);
      if (!added) drop(k, explain(conflicts, a->second, b->second, l));
      if (l.rule.compare(0, 13, "measure.date:") != 0) continue;
      // The measured date: kept where the kept links allow that day, else the event stays undated
      // (and the order, if it holds, stays).
      const auto m = measured.find(l.from);
      if (m == measured.end() || m->second >= evs.size()) continue;
      auto& ev = evs[m->second];
      if (ev.when_value.empty()) continue;
      if (added && g.bound(a->second, first_day(ev.when_value), last_day(ev.when_value))) continue;
      if (added)
        report(l.evidence, "relations.conflict",
               "dropped the date " + ev.when_value + " of " + ev.id + " measured by " + describe(l) +
                   ": its links place it in " + describe_window(g, a->second, ev.id));
      ev.when_value.clear();
      ev.when_anchor.clear();
    }
  };
  add_links(false);
  if (!plans_added) add_plans();

  // Bounds of undated events: what the linker said, tightened by what the kept links imply.
  const auto dct = node_of.find("t0");
  for (auto& ev : evs) {
    if (!ev.when_value.empty()) continue;
    const auto n = node_of[ev.id];
    if (!g.bound(n, first_day(ev.when_not_before), last_day(ev.when_not_after))) {
      report(ev.span, "relations.bound_conflict",
             "bounds of " + ev.id + " (not before \"" + ev.when_not_before + "\", not after \"" +
                 ev.when_not_after + "\") contradict its links; replaced by " + describe_window(g, n, ev.id));
      ev.when_not_before.clear();
      ev.when_not_after.clear();
    }
    if (const auto a = g.earliest_start(n)) ev.when_not_before = iso_day(*a);
    if (const auto b = g.latest_end(n)) ev.when_not_after = iso_day(*b);
    if (dct != node_of.end() && g.entails(n, relation::after, dct->second)) ev.is_future = true;
  }
  add_links(true);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < links.size(); ++k)
    if (!dropped[k]) {
      if (kept != k) links[kept] = std::move(links[k]);
      ++kept;
    }
  links.resize(kept);

  // What the dates say, as links a TimeML reader can use without the values: time-time order
  // (consecutive times on the axis, and each time against the DCT), and each event's relation to
  // the DCT when tense gave none. Times with the same value are consecutive too and come out
  // SIMULTANEOUS ("Tuesday" and "today" in Tuesday's paper; AQUAINT relates 65 such pairs,
  // IDENTITY): Task C F1 on AQUAINT 0.364 -> 0.375, TimeBank 5-fold 0.261 -> 0.265.
  {
    std::vector<std::pair<timex::day_interval, std::string>> axis;
    for (const auto& t : times)
      if (t.type != timex::timex_type::duration && t.type != timex::timex_type::set)
        if (const auto d = days_of(t.value)) axis.emplace_back(*d, t.id);
    std::sort(axis.begin(), axis.end(), [](const auto& x, const auto& y) {
      return std::tie(x.first.begin, y.first.end, x.second) < std::tie(y.first.begin, x.first.end, y.second);
    });
    const auto emit = [&](const std::string& from, const std::string& to, const char* rule, double confidence,
                          byte_span evidence) {
      auto r = g.relation_between(node_of.at(from), node_of.at(to));
      if (!r) return;
      // Consecutive days meet (Monday IBEFORE Tuesday); TimeML annotators write BEFORE for two
      // days, and the scorer's closure does not take one for the other (Task C F1 on AQUAINT
      // 0.375 -> 0.379, time-time R 0.485 -> 0.577).
      if (*r == relation::ibefore) r = relation::before;
      if (*r == relation::iafter) r = relation::after;
      link l;
      l.from = from;
      l.to = to;
      l.rel = *r;
      l.evidence = evidence;
      l.rule = rule;
      l.confidence = confidence;
      links.push_back(std::move(l));
    };
    std::unordered_map<std::string_view, byte_span> time_span;
    for (const auto& t : times) time_span.emplace(t.id, t.span);
    const auto span_of = [&](const std::string& id) { return time_span.at(id); };
    for (std::size_t k = 0; k + 1 < axis.size(); ++k) {
      emit(axis[k].second, axis[k + 1].second, "order.values", 0.95, span_of(axis[k].second));
      // A time that contains the next one ("Friday", "10:35 a.m." on Friday, "Saturday") is also
      // linked to the first time after it, which the chain through the inner time does not order
      // (Task C F1 on AQUAINT 0.380 -> 0.381).
      if (axis[k + 1].first.begin < axis[k].first.end)
        for (std::size_t j = k + 2; j < axis.size(); ++j)
          if (axis[j].first.begin >= axis[k].first.end) {
            emit(axis[k].second, axis[j].second, "order.values", 0.95, span_of(axis[k].second));
            break;
          }
    }
    if (node_of.count("t0")) {
      for (const auto& [days, id] : axis) emit(id, "t0", "order.values", 0.95, span_of(id));
      // Ids of the events related to the DCT, as views into `evs` (not into `links`, which grows).
      std::unordered_map<std::string_view, bool> has_dct;
      for (const auto& ev : evs) has_dct.emplace(ev.id, false);
      for (const auto& l : links)
        if (l.to == "t0")
          if (const auto it = has_dct.find(l.from); it != has_dct.end()) it->second = true;
      for (const auto& ev : evs)
        if (!has_dct.at(ev.id)) emit(ev.id, "t0", "closure.dct", 0.5, ev.span);
    }
  }

}

}  // namespace chronograph::relations
