// SPDX-License-Identifier: MIT
// From per-document analyses to one story: code-point spans, global ids, cross-document event
// merging (same frame, compatible dates, overlapping actors), link re-targeting and sorting.
#include "chronograph/merge/merge.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "chronograph/relations/dates.hpp"
#include "chronograph/relations/reasoning.hpp"
#include "chronograph/utf8.hpp"

namespace chronograph::merge {

namespace {

using events::event_class;
using events::event_mention;

const char* timex_type_name(timex::timex_type t) noexcept {
  switch (t) {
    case timex::timex_type::date: return "DATE";
    case timex::timex_type::time: return "TIME";
    case timex::timex_type::duration: return "DURATION";
    case timex::timex_type::set: return "SET";
  }
  return "DATE";
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex8(std::uint64_t h) {
  static const char* digits = "0123456789abcdef";
  std::string out(8, '0');
  const auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
  for (int k = 7; k >= 0; --k) out[static_cast<std::size_t>(7 - k)] = digits[(folded >> (4 * k)) & 0xF];
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Name tokens of an actor, for overlap tests ("Donald Trump" and "Trump" share "trump").
std::set<std::string> name_tokens(const std::string& name) {
  std::set<std::string> out;
  std::size_t at = 0;
  while (at < name.size()) {
    auto sp = name.find(' ', at);
    if (sp == std::string::npos) sp = name.size();
    const auto t = lower(name.substr(at, sp - at));
    if (t.size() > 1 && t != "of" && t != "the") out.insert(t);
    at = sp + 1;
  }
  return out;
}

bool boilerplate_line(std::string_view line) {
  // Page furniture is short: a single word ("Advertisement", "Comments") or a credit.
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : line) {
    const bool space = std::isspace(c) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  const auto l = lower(line);
  return words < 4 || l.rfind("photo:", 0) == 0 || l.rfind("image ", 0) == 0 || l.rfind("credit", 0) == 0 ||
         l.rfind("published", 0) == 0 || l.rfind("advertisement", 0) == 0;
}

std::string title_of(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(at, nl - at);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    std::size_t b = 0;
    while (b < line.size() && std::isspace(static_cast<unsigned char>(line[b]))) ++b;
    line = line.substr(b);
    if (!line.empty() && !boilerplate_line(line)) return line;
    at = nl + 1;
  }
  return {};
}

/// One event mention with what merging needs.
struct candidate {
  std::size_t doc = 0;    // index into analyses
  std::size_t event = 0;  // index into analyses[doc].events
  std::string doc_id, qualified;
  std::optional<timex::day_interval> days;
  int grain = 9;
  std::set<std::string> actor_tokens;    // every participant
  std::set<std::string> subject_tokens;  // who acted
  bool mergeable = false;
  bool planned = false;  // undated future event: merges only with other planned events
};

bool compatible_dates(const candidate& a, const candidate& b, const event_mention& ea, const event_mention& eb) {
  if (!a.days || !b.days) return false;
  if (ea.when_value == eb.when_value) return true;
  // Two values within one day ("2025-06-05" and "2025-06-05TAF") are the same day.
  if (a.grain == 0 && b.grain == 0) return a.days->begin == b.days->begin;
  // A coarser date (at most a month) that contains the finer one: "last month" and "May 12".
  const auto& fine = a.grain <= b.grain ? a : b;
  const auto& coarse = a.grain <= b.grain ? b : a;
  if (coarse.grain > 2 || fine.grain == coarse.grain) return false;
  return coarse.days->begin <= fine.days->begin && fine.days->end <= coarse.days->end;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& t : a)
    if (b.count(t)) return true;
  return false;
}

bool compatible(const candidate& a, const candidate& b, const event_mention& ea, const event_mention& eb) {
  if (ea.frame != eb.frame || ea.pol != eb.pol || a.planned != b.planned) return false;
  return a.planned || compatible_dates(a, b, ea, eb);
}

/// Participants contradict when each side names who acted and neither side's actors appear
/// among the other's participants ("Trump and Xi held a call" vs "Merz and Macron held a call").
/// Places and other names in the phrase ("in Geneva") do not contradict anything.
bool participants_contradict(const std::set<std::string>& subjects_a, const std::set<std::string>& all_a,
                             const std::set<std::string>& subjects_b, const std::set<std::string>& all_b) {
  if (subjects_a.empty() || subjects_b.empty()) return false;
  return !intersects(subjects_a, all_b) && !intersects(subjects_b, all_a);
}

evidence make_evidence(const std::string& doc_id, const std::string& text, const codepoint_index& cp, byte_span span) {
  evidence e;
  e.doc = doc_id;
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  e.start = cp(span.begin);
  e.end = cp(span.end);
  e.text = text.substr(span.begin, span.end - span.begin);
  return e;
}

using link_key = std::tuple<std::string, std::string, std::string>;

struct keyed_link {
  story_link link;
  std::string doc;
  std::size_t sources = 1;  // how many document links it merges
};

/// The story's temporal consistency: event dates and bounds first, then the links by support
/// (confidence, number of documents, rule priority); a link that contradicts what is kept is
/// dropped with a `merge.order_conflict` diagnostic naming what it contradicts, a causal link
/// whose effect is dated before its cause with `merge.causal_order`. Undated events get the bounds
/// the kept links imply.
void check_story_order(std::vector<story_event>& events, const std::vector<story_timex>& timexes,
                       std::map<link_key, keyed_link>& links, std::vector<story_diagnostic>& diags) {
  relations::temporal_graph g;
  std::map<std::string, relations::temporal_graph::node> node_of;
  const auto note = [&](const std::string& rule, const std::string& message, const evidence* where) {
    story_diagnostic d;
    d.level = "info";
    d.stage = "merge";
    d.rule = rule;
    d.message = message;
    if (where) {
      d.doc = where->doc;
      d.start = where->start;
      d.end = where->end;
    }
    diags.push_back(std::move(d));
  };
  for (const auto& t : timexes)
    if (t.type != "DURATION" && t.type != "SET") node_of[t.id] = g.add_node(relations::days_of(t.value), true);
  std::set<std::string> dated;
  for (auto& e : events) {
    const auto days = relations::days_of(e.when.value);
    const auto n = g.add_node(days, false);
    node_of[e.id] = n;
    if (days) dated.insert(e.id);
    if (days || g.bound(n, relations::first_day(e.not_before), relations::last_day(e.not_after))) continue;
    note("merge.bound_conflict", "the documents bound " + e.id + " inconsistently (not before " + e.not_before +
                                     ", not after " + e.not_after + "); left to its links", nullptr);
  }
  std::vector<std::map<link_key, keyed_link>::iterator> order;
  for (auto it = links.begin(); it != links.end(); ++it) order.push_back(it);
  std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    const auto& a = x->second;
    const auto& b = y->second;
    if (a.link.confidence != b.link.confidence) return a.link.confidence > b.link.confidence;
    if (a.sources != b.sources) return a.sources > b.sources;
    return relations::rule_priority(a.link.rule) > relations::rule_priority(b.link.rule);
  });
  const auto describe = [](const story_link& l) {
    return relations::describe_link(l.from, l.type, l.to, l.rule, l.confidence);
  };
  std::vector<bool> drop(order.size(), false);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& l = order[k]->second.link;
    const auto rel = relations::relation_from_string(l.type);
    const auto a = node_of.find(l.from), b = node_of.find(l.to);
    if (!rel || relations::is_causal(*rel) || a == node_of.end() || b == node_of.end()) continue;
    std::vector<int> conflicts;
    if (g.add(a->second, *rel, b->second, static_cast<int>(k), &conflicts)) continue;
    drop[k] = true;
    std::string why;
    for (const auto t : conflicts) {
      why += why.empty() ? "" : "; ";
      why += t == relations::temporal_graph::date_tag
                 ? "the dates of " + relations::describe_window(g, a->second, l.from) + " and " +
                       relations::describe_window(g, b->second, l.to)
                 : describe(order[static_cast<std::size_t>(t)]->second.link);
    }
    note("merge.order_conflict", "dropped " + describe(l) + ": contradicts " + why, &l.support);
  }
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& l = order[k]->second.link;
    const auto rel = relations::relation_from_string(l.type);
    const auto a = node_of.find(l.from), b = node_of.find(l.to);
    if (!rel || !relations::is_causal(*rel) || a == node_of.end() || b == node_of.end()) continue;
    // Only dates overrule a cue: bounds from tense are too weak for that.
    if (!dated.count(l.from) || !dated.count(l.to) || !g.starts_before(b->second, a->second)) continue;
    drop[k] = true;
    note("merge.causal_order", "dropped " + describe(l) + ": the effect starts before the cause (" +
                                   relations::describe_window(g, b->second, l.to) + ", " +
                                   relations::describe_window(g, a->second, l.from) + ")",
         &l.support);
  }
  for (std::size_t k = 0; k < order.size(); ++k)
    if (drop[k]) links.erase(order[k]);
  for (auto& e : events) {
    if (relations::days_of(e.when.value)) continue;
    const auto n = node_of[e.id];
    if (const auto d = g.earliest_start(n)) e.not_before = relations::iso_day(*d);
    if (const auto d = g.latest_end(n)) e.not_after = relations::iso_day(*d);
  }
}

/// One document as a list of analyses (build_story of a single analysis, without copying it).
struct single_analysis {
  const document_analysis& only;
  [[nodiscard]] std::size_t size() const noexcept { return 1; }
  const document_analysis& operator[](std::size_t) const noexcept { return only; }
};

template <class Analyses>
story build_story_of(const Analyses& analyses) {
  story out;
  // Documents in id order; everything below iterates in that order.
  std::vector<std::size_t> order(analyses.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return analyses[a].annotated.doc.id < analyses[b].annotated.doc.id;
  });
  std::vector<codepoint_index> cps;
  cps.reserve(analyses.size());
  for (std::size_t d = 0; d < analyses.size(); ++d) cps.emplace_back(analyses[d].annotated.doc.text);

  for (auto d : order) {
    const auto& doc = analyses[d].annotated.doc;
    story_document sd;
    sd.id = doc.id;
    sd.path = doc.path;
    sd.source = doc.source;
    if (doc.dct) sd.dct = doc.dct->iso();
    sd.title = title_of(doc.text);
    out.documents.push_back(std::move(sd));
    for (const auto& t : analyses[d].timexes) {
      story_timex st;
      st.id = doc.id + ":" + t.id;
      st.doc = doc.id;
      st.start = cps[d](t.span.begin);
      st.end = cps[d](t.span.end);
      st.text = t.text;
      st.type = timex_type_name(t.type);
      st.value = t.value;
      st.mod = t.mod;
      out.timexes.push_back(std::move(st));
    }
  }

  // ---- candidates and clusters
  std::vector<candidate> cands;
  for (auto d : order) {
    const auto& a = analyses[d];
    for (std::size_t e = 0; e < a.events.size(); ++e) {
      const auto& ev = a.events[e];
      candidate c;
      c.doc = d;
      c.event = e;
      c.doc_id = a.annotated.doc.id;
      c.qualified = c.doc_id + ":" + ev.id;
      c.days = relations::days_of(ev.when_value);
      if (const auto g = relations::grain_of(ev.when_value)) c.grain = *g;
      for (std::size_t k = 0; k < ev.actors.size(); ++k)
        for (const auto& t : name_tokens(ev.actors[k])) {
          c.actor_tokens.insert(t);
          if (k < ev.subject_count) c.subject_tokens.insert(t);
        }
      // Only occurrences and states merge: a report, an intention ("agreed to further talks") or
      // the start of something is its own event even when its frame matches.
      c.mergeable = c.days && (ev.cls == event_class::occurrence || ev.cls == event_class::state) &&
                    ev.when_anchor != "dct";
      // The same plan told by several articles ("the upcoming talks", "further trade talks",
      // "will hold trade talks"): undated future occurrences of one frame merge with each other.
      c.planned = !c.days && ev.is_future && ev.cls == event_class::occurrence && ev.pol == events::polarity::pos;
      if (c.planned) c.mergeable = true;
      cands.push_back(std::move(c));
    }
  }
  const auto ev_of = [&](const candidate& c) -> const event_mention& { return analyses[c.doc].events[c.event]; };
  // Finest dates first, then by content, so the clustering does not depend on input order.
  std::vector<std::size_t> by_content(cands.size());
  for (std::size_t k = 0; k < by_content.size(); ++k) by_content[k] = k;
  std::sort(by_content.begin(), by_content.end(), [&](std::size_t x, std::size_t y) {
    const auto& a = cands[x];
    const auto& b = cands[y];
    return std::tie(a.grain, ev_of(a).when_value, ev_of(a).frame, a.doc_id, a.event) <
           std::tie(b.grain, ev_of(b).when_value, ev_of(b).frame, b.doc_id, b.event);
  });
  std::vector<std::vector<std::size_t>> clusters;
  std::vector<std::size_t> cluster_of(cands.size(), 0);
  std::map<std::string, std::vector<std::size_t>> clusters_of_frame;  // mergeable clusters by frame
  // What a candidate is checked against, per mergeable cluster: compatibility depends on a
  // member's date value only (frame, polarity and plan agree within a cluster), so one member
  // per value stands for all; the score needs how many members share the value and each actor
  // token. This keeps merging linear in the members, however many mentions tell one event.
  struct cluster_summary {
    std::map<std::string, std::pair<std::size_t, int>> by_value;  // when_value -> (a member, count)
    std::map<std::string, int> members_with_token;
    std::set<std::string> subjects, participants;
  };
  std::vector<cluster_summary> summaries;
  for (auto k : by_content) {
    const auto& c = cands[k];
    std::optional<std::size_t> chosen;
    if (c.mergeable) {
      int best_score = -1;
      for (const auto cl : clusters_of_frame[ev_of(c).frame]) {
        // Dates and frames must agree with every member; participants with the cluster as a whole.
        const auto& sum = summaries[cl];
        bool all = true;
        int score = 0;
        for (const auto& [value, member] : sum.by_value) {
          if (!compatible(cands[member.first], c, ev_of(cands[member.first]), ev_of(c))) {
            all = false;
            break;
          }
          if (value == ev_of(c).when_value) score += 2 * member.second;
        }
        for (const auto& t : c.actor_tokens)
          if (const auto it = sum.members_with_token.find(t); it != sum.members_with_token.end()) score += it->second;
        if (all && participants_contradict(sum.subjects, sum.participants, c.subject_tokens, c.actor_tokens)) all = false;
        if (all && score > best_score) {
          best_score = score;
          chosen = cl;
        }
      }
    }
    if (!chosen) {
      chosen = clusters.size();
      clusters.emplace_back();
      summaries.emplace_back();
      if (c.mergeable) clusters_of_frame[ev_of(c).frame].push_back(*chosen);
    }
    clusters[*chosen].push_back(k);
    cluster_of[k] = *chosen;
    auto& sum = summaries[*chosen];
    ++sum.by_value.try_emplace(ev_of(c).when_value, k, 0).first->second.second;
    for (const auto& t : c.actor_tokens) ++sum.members_with_token[t];
    sum.subjects.insert(c.subject_tokens.begin(), c.subject_tokens.end());
    sum.participants.insert(c.actor_tokens.begin(), c.actor_tokens.end());
  }

  // ---- story events
  std::vector<story_event> events(clusters.size());
  std::vector<std::pair<std::size_t, story_diagnostic>> pending_conflicts;  // cluster -> diagnostic
  std::vector<std::string> keys(clusters.size());
  for (std::size_t cl = 0; cl < clusters.size(); ++cl) {
    auto members = clusters[cl];
    std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      return std::tie(cands[x].doc_id, cands[x].event) < std::tie(cands[y].doc_id, cands[y].event);
    });
    // Representative: the most salient mention; ties go to one with quantities, then document order.
    // A mention dated by its own time expression, with who acted and with amounts, reads best.
    // Names of the cluster's participants, to prefer a summary that says who took part.
    std::map<std::string, int> actor_votes;
    for (auto m : members)
      for (const auto& a : ev_of(cands[m]).actors) ++actor_votes[a];
    std::vector<std::pair<int, std::string>> top_actors;
    for (const auto& [a, n] : actor_votes) top_actors.emplace_back(-n, a);
    std::sort(top_actors.begin(), top_actors.end());
    if (top_actors.size() > 2) top_actors.resize(2);
    const auto rep_score = [&](const event_mention& e) {
      const bool timex_anchor = !e.when_anchor.empty() && e.when_anchor != "dct" && e.when_anchor != "inferred";
      double named = 0;
      for (const auto& [n, a] : top_actors)
        if (e.summary.find(a) != std::string::npos) named += 0.15;
      return 0.3 * e.salience + (timex_anchor ? 0.2 : 0) + named + (e.subject_count > 0 ? 0.15 : 0) +
             (e.quantities.empty() ? 0 : 0.1) - (e.summary.size() < 12 ? 0.1 : 0) - (e.summary.size() > 80 ? 0.1 : 0);
    };
    std::size_t rep = members.front();
    for (auto m : members)
      if (rep_score(ev_of(cands[m])) > rep_score(ev_of(cands[rep])) + 1e-9) rep = m;
    const auto& r = ev_of(cands[rep]);
    auto& se = events[cl];
    se.summary = r.summary;
    se.trigger = r.trigger;
    se.lemma = r.lemma;
    se.cls = events::to_string(r.cls);
    se.tense = events::to_string(r.tns);
    se.aspect = events::to_string(r.asp);
    se.polarity = events::to_string(r.pol);
    se.modality = r.modality;
    // Date: the finest value among the members; anchored by a time expression if any member is.
    std::size_t dated = rep;
    for (auto m : members) {
      const auto& a = cands[m];
      const auto& b = cands[dated];
      const auto rank = [&](const candidate& c) {
        const auto& anchor = ev_of(c).when_anchor;
        return anchor == "inferred" ? 2 : anchor == "dct" ? 1 : anchor.empty() ? 3 : 0;
      };
      if (std::make_tuple(a.grain, rank(a)) < std::make_tuple(b.grain, rank(b))) dated = m;
    }
    const auto& dv = ev_of(cands[dated]);
    se.when.value = dv.when_value;
    if (dv.when_anchor.empty() || dv.when_anchor == "dct" || dv.when_anchor == "inferred")
      se.when.anchor = dv.when_anchor;
    else
      se.when.anchor = cands[dated].doc_id + ":" + dv.when_anchor;
    // Bounds of an undated event: the tightest any mention gives (a past-tense mention is bounded
    // by its document's DCT, which has no story node); planned when any mention is.
    const bool has_days = relations::days_of(se.when.value).has_value();
    for (auto m : members) {
      const auto& ev = ev_of(cands[m]);
      se.is_future = se.is_future || ev.is_future;
      if (has_days) continue;
      const auto nb = relations::first_day(ev.when_not_before), na = relations::last_day(ev.when_not_after);
      if (nb && (se.not_before.empty() || relations::iso_day(*nb) > se.not_before)) se.not_before = relations::iso_day(*nb);
      if (na && (se.not_after.empty() || relations::iso_day(*na) < se.not_after)) se.not_after = relations::iso_day(*na);
    }
    // Actors: the representative's first, then the others; a name contained in a shorter one
    // already present ("Donald Trump" vs "Trump") is not repeated.
    std::vector<std::string> actors = r.actors;
    std::vector<std::string> extra;
    for (auto m : members)
      for (const auto& a : ev_of(cands[m]).actors)
        if (std::find(actors.begin(), actors.end(), a) == actors.end() &&
            std::find(extra.begin(), extra.end(), a) == extra.end())
          extra.push_back(a);
    std::sort(extra.begin(), extra.end());
    for (auto& a : extra) actors.push_back(a);
    std::vector<std::string> kept;
    for (const auto& a : actors) {
      const auto ta = name_tokens(a);
      bool covered = false;
      for (const auto& b : actors) {
        if (a == b) continue;
        const auto tb = name_tokens(b);
        if (tb.size() < ta.size() && std::includes(ta.begin(), ta.end(), tb.begin(), tb.end())) covered = true;
      }
      if (!covered && std::find(kept.begin(), kept.end(), a) == kept.end()) kept.push_back(a);
    }
    se.actors = kept;
    // Sources that give different figures for the same amount (same kind and role) are kept
    // side by side, and the disagreement is reported rather than resolved.
    {
      std::map<std::pair<std::string, std::string>, std::map<double, std::set<std::string>>> figures;
      for (auto m : members)
        for (const auto& q : ev_of(cands[m]).quantities)
          if (!q.role.empty()) figures[{q.kind, q.role}][q.value].insert(cands[m].doc_id);
      for (const auto& [key, values] : figures) {
        if (values.size() < 2) continue;
        std::set<std::string> docs_involved;
        std::string listing;
        for (const auto& [value, docs_of_value] : values) {
          std::string ds;
          for (const auto& d : docs_of_value) {
            ds += (ds.empty() ? "" : ", ") + d;
            docs_involved.insert(d);
          }
          char number[32];
          std::snprintf(number, sizeof number, "%g", value);
          listing += (listing.empty() ? "" : "; ") + std::string(number) + " (" + ds + ")";
        }
        if (docs_involved.size() < 2) continue;  // one document giving two figures is a change, not a conflict
        story_diagnostic d;
        d.level = "info";
        d.stage = "merge";
        d.rule = "merge.quantity_conflict";
        d.message = "sources give different " + key.first + " figures (" + key.second + ") for \"" + r.summary +
                    "\": " + listing;
        pending_conflicts.push_back({cl, std::move(d)});
      }
    }
    for (const auto& q : r.quantities) se.quantities.push_back({q.kind, q.text, q.role, q.value});
    for (auto m : members)
      for (const auto& q : ev_of(cands[m]).quantities) {
        const bool dup = std::any_of(se.quantities.begin(), se.quantities.end(), [&](const story_quantity& s) {
          return s.kind == q.kind && s.value == q.value && s.role == q.role;
        });
        if (!dup) se.quantities.push_back({q.kind, q.text, q.role, q.value});
      }
    std::set<std::string> docs;
    double confidence = 0, salience = 0;
    for (auto m : members) {
      const auto& c = cands[m];
      const auto& ev = ev_of(c);
      docs.insert(c.doc_id);
      confidence = std::max(confidence, ev.confidence);
      salience = std::max(salience, ev.salience);
      // Evidence of a mention: its sentence, which quotes the trigger in context.
      const auto& ad = analyses[c.doc].annotated;
      byte_span span = ev.span;
      if (ev.sentence < ad.sentences.size()) span = ad.sentences[ev.sentence].span;
      se.mentions.push_back(make_evidence(c.doc_id, ad.doc.text, cps[c.doc], span));
      se.mention_ids.push_back(c.qualified);
    }
    const double extra_docs = double(docs.size()) - 1;
    se.confidence = std::min(0.99, confidence + 0.05 * extra_docs);
    se.salience = std::min(1.0, salience + 0.05 * extra_docs);
    // Mentions sorted by (doc, start), keeping mention_ids parallel.
    std::vector<std::size_t> idx(se.mentions.size());
    for (std::size_t k = 0; k < idx.size(); ++k) idx[k] = k;
    std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
      return std::tie(se.mentions[x].doc, se.mentions[x].start, se.mention_ids[x]) <
             std::tie(se.mentions[y].doc, se.mentions[y].start, se.mention_ids[y]);
    });
    std::vector<evidence> ms;
    std::vector<std::string> ids;
    for (auto k : idx) {
      ms.push_back(se.mentions[k]);
      ids.push_back(se.mention_ids[k]);
    }
    se.mentions = std::move(ms);
    se.mention_ids = std::move(ids);
    // Content key: date, frame and actors for merged events; the first mention id otherwise.
    std::vector<std::string> sorted_actors = se.actors;
    std::sort(sorted_actors.begin(), sorted_actors.end());
    std::string key;
    if (cands[rep].mergeable) {
      key = se.when.value + "|" + r.frame + "|" + r.lemma + "|";
      for (const auto& a : sorted_actors) key += a + ",";
    } else {
      key = se.mention_ids.front();
    }
    keys[cl] = key;
  }
  // Ids from keys; equal keys are told apart by their first mention id.
  std::map<std::string, int> key_count;
  for (const auto& k : keys) ++key_count[k];
  std::set<std::string> used;
  for (std::size_t cl = 0; cl < events.size(); ++cl) {
    std::string key = keys[cl];
    if (key_count[key] > 1) key += "#" + events[cl].mention_ids.front();
    std::string id = "ev-" + hex8(fnv1a(key));
    for (int salt = 1; used.count(id); ++salt) id = "ev-" + hex8(fnv1a(key + "#" + std::to_string(salt)));
    used.insert(id);
    events[cl].id = id;
  }

  std::vector<story_diagnostic> merge_diags;
  for (auto& [cl, d] : pending_conflicts) {
    d.message += " [" + events[cl].id + "]";
    merge_diags.push_back(std::move(d));
  }

  // ---- links
  std::map<std::string, std::string> story_id;  // "<doc>:e5" -> story event id
  for (std::size_t k = 0; k < cands.size(); ++k) story_id[cands[k].qualified] = events[cluster_of[k]].id;
  std::map<link_key, keyed_link> links;
  for (auto d : order) {
    const auto& a = analyses[d];
    const auto& doc_id = a.annotated.doc.id;
    const auto resolve = [&](const std::string& local) -> std::optional<std::string> {
      if (local == "t0") return std::nullopt;  // the DCT: tense already says it; no story node
      const auto q = doc_id + ":" + local;
      if (auto it = story_id.find(q); it != story_id.end()) return it->second;
      if (!local.empty() && local[0] == 't') return q;
      return std::nullopt;
    };
    for (const auto& l : a.links) {
      auto from = resolve(l.from), to = resolve(l.to);
      if (!from || !to || *from == *to) continue;
      if (from->rfind("ev-", 0) != 0 && to->rfind("ev-", 0) != 0) continue;  // time-time: the values say it
      auto rel = l.rel;
      // One direction per ordered pair of events: AFTER is stored as the converse BEFORE.
      if (rel == relations::relation::after && from->rfind("ev-", 0) == 0 && to->rfind("ev-", 0) == 0) {
        std::swap(from, to);
        rel = relations::relation::before;
      }
      story_link sl;
      sl.from = *from;
      sl.to = *to;
      sl.type = relations::to_string(rel);
      sl.support = make_evidence(doc_id, a.annotated.doc.text, cps[d], l.evidence);
      sl.rule = l.rule;
      sl.confidence = l.confidence;
      const auto key = std::make_tuple(sl.from, sl.to, sl.type);
      auto it = links.find(key);
      if (it == links.end()) {
        links.emplace(key, keyed_link{std::move(sl), doc_id, 1});
      } else {
        auto& kept = it->second.link;
        const double boosted = std::min(0.99, std::max(kept.confidence, sl.confidence) + 0.05);
        if (sl.confidence > kept.confidence) kept = sl;
        kept.confidence = boosted;
        ++it->second.sources;
      }
    }
  }
  check_story_order(events, out.timexes, links, merge_diags);
  for (auto& [key, kl] : links) out.links.push_back(std::move(kl.link));

  // ---- events sorted: dated by date, then undated; then by salience and id.
  std::sort(events.begin(), events.end(), [](const story_event& a, const story_event& b) {
    const auto da = relations::days_of(a.when.value), db = relations::days_of(b.when.value);
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && db && da->begin != db->begin) return da->begin < db->begin;
    if (da && db && da->end != db->end) return da->end < db->end;
    if (a.salience != b.salience) return a.salience > b.salience;
    return a.id < b.id;
  });
  out.events = std::move(events);

  // ---- diagnostics
  for (auto d : order) {
    const auto& a = analyses[d];
    for (const auto& diag : a.diagnostics) {
      story_diagnostic sd;
      sd.level = to_string(diag.level);
      sd.stage = diag.stage;
      sd.doc = diag.doc.empty() ? a.annotated.doc.id : diag.doc;
      sd.rule = diag.rule;
      sd.message = diag.message;
      if (!diag.span.empty()) {
        sd.start = cps[d](diag.span.begin);
        sd.end = cps[d](std::min(diag.span.end, a.annotated.doc.text.size()));
      }
      out.diagnostics.push_back(std::move(sd));
    }
  }
  for (auto& d : merge_diags) out.diagnostics.push_back(std::move(d));
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), [](const story_diagnostic& a, const story_diagnostic& b) {
    return std::tie(a.doc, a.start, a.stage, a.rule, a.message, a.level) <
           std::tie(b.doc, b.start, b.stage, b.rule, b.message, b.level);
  });
  std::sort(out.timexes.begin(), out.timexes.end(), [](const story_timex& a, const story_timex& b) {
    return std::tie(a.doc, a.start, a.end, a.id) < std::tie(b.doc, b.start, b.end, b.id);
  });
  return out;
}

}  // namespace

story build_story(const std::vector<document_analysis>& analyses) { return build_story_of(analyses); }

story build_story(const document_analysis& analysis) { return build_story_of(single_analysis{analysis}); }

}  // namespace chronograph::merge
