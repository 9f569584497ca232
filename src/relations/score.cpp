// SPDX-License-Identifier: MIT
// Temporal awareness (closure-based precision and recall of TLINKs) and the TimeML pairing for
// `chronograph eval relations`.
#include "chronograph/relations/score.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "chronograph/relations/reasoning.hpp"

namespace chronograph::relations {

double awareness_counts::precision() const noexcept {
  return system_reduced ? double(system_verified) / double(system_reduced) : 0;
}
double awareness_counts::recall() const noexcept {
  return gold_reduced ? double(gold_verified) / double(gold_reduced) : 0;
}
double awareness_counts::f1() const noexcept {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
awareness_counts& awareness_counts::operator+=(const awareness_counts& o) noexcept {
  system_links += o.system_links;
  system_reduced += o.system_reduced;
  system_verified += o.system_verified;
  system_inconsistent += o.system_inconsistent;
  gold_links += o.gold_links;
  gold_reduced += o.gold_reduced;
  gold_verified += o.gold_verified;
  gold_inconsistent += o.gold_inconsistent;
  return *this;
}

namespace {

bool orders(relation r) {
  return !is_causal(r) && r != relation::vague;
}

/// A graph of links over named entities (no dates: the scorer uses the links only).
class named_graph {
 public:
  temporal_graph::node node(const std::string& id) {
    const auto it = nodes_.find(id);
    if (it != nodes_.end()) return it->second;
    return nodes_.emplace(id, graph_.add_node()).first->second;
  }
  bool add(const tlink& l) { return graph_.add(node(l.from), l.rel, node(l.to)); }
  [[nodiscard]] bool entails(const tlink& l) const {
    const auto a = nodes_.find(l.from), b = nodes_.find(l.to);
    return a != nodes_.end() && b != nodes_.end() && graph_.entails(a->second, l.rel, b->second);
  }

 private:
  temporal_graph graph_;
  std::map<std::string, temporal_graph::node> nodes_;
};

/// The links that agree with the ones before them.
std::vector<tlink> consistent(const std::vector<tlink>& links, std::size_t* inconsistent) {
  named_graph g;
  std::vector<tlink> out;
  for (const auto& l : links) {
    if (!orders(l.rel) || l.from == l.to) continue;
    if (g.add(l)) out.push_back(l);
    else if (inconsistent) ++*inconsistent;
  }
  return out;
}

}  // namespace

struct link_closure::impl {
  named_graph graph;
};

link_closure::link_closure(const std::vector<tlink>& links) : impl_(std::make_unique<impl>()) {
  for (const auto& l : links)
    if (orders(l.rel) && l.from != l.to) impl_->graph.add(l);
}
link_closure::~link_closure() = default;
link_closure::link_closure(link_closure&&) noexcept = default;
bool link_closure::entails(const tlink& l) const { return impl_->graph.entails(l); }

std::vector<tlink> reduce(const std::vector<tlink>& links, std::size_t* inconsistent) {
  auto kept = consistent(links, inconsistent);
  std::vector<bool> removed(kept.size(), false);
  for (std::size_t k = 0; k < kept.size(); ++k) {
    named_graph others;
    for (std::size_t j = 0; j < kept.size(); ++j)
      if (j != k && !removed[j]) others.add(kept[j]);
    removed[k] = others.entails(kept[k]);
  }
  std::vector<tlink> out;
  for (std::size_t k = 0; k < kept.size(); ++k)
    if (!removed[k]) out.push_back(kept[k]);
  return out;
}

awareness_counts temporal_awareness(const std::vector<tlink>& gold, const std::vector<tlink>& system) {
  awareness_counts c;
  c.gold_links = gold.size();
  c.system_links = system.size();
  const auto gold_reduced = reduce(gold, &c.gold_inconsistent);
  const auto system_reduced = reduce(system, &c.system_inconsistent);
  const link_closure gold_closure(gold_reduced), system_closure(system_reduced);
  c.gold_reduced = gold_reduced.size();
  c.system_reduced = system_reduced.size();
  for (const auto& l : system_reduced) c.system_verified += gold_closure.entails(l) ? 1 : 0;
  for (const auto& l : gold_reduced) c.gold_verified += system_closure.entails(l) ? 1 : 0;
  return c;
}

std::vector<tlink> tlinks_of(const ingest::timeml_document& doc) {
  std::map<std::string, std::string> eid_of;  // eiid -> eid
  for (const auto& el : doc.trailing)
    if (el.tag == "MAKEINSTANCE") eid_of.emplace(std::string(el.attr("eiid")), std::string(el.attr("eventID")));
  const auto event = [&](std::string_view eiid) {
    const auto it = eid_of.find(std::string(eiid));
    return it != eid_of.end() ? it->second : std::string(eiid);
  };
  std::vector<tlink> out;
  for (const auto& el : doc.trailing) {
    if (el.tag != "TLINK") continue;
    const auto rel = relation_from_string(el.attr("relType"));
    if (!rel || !orders(*rel)) continue;
    tlink l;
    l.rel = *rel;
    l.from = !el.attr("eventInstanceID").empty() ? event(el.attr("eventInstanceID")) : std::string(el.attr("timeID"));
    l.to = !el.attr("relatedToEventInstance").empty() ? event(el.attr("relatedToEventInstance"))
                                                       : std::string(el.attr("relatedToTime"));
    if (!l.from.empty() && !l.to.empty()) out.push_back(std::move(l));
  }
  return out;
}

namespace {

/// System entity id -> gold entity id, by extent.
std::map<std::string, std::string> align(const ingest::timeml_document& gold, const ingest::timeml_document& system,
                                         std::size_t& unaligned_events, std::size_t& unaligned_times) {
  std::map<std::string, std::string> out;
  const auto gold_dct = std::string(ingest::attribute(gold.dct_attributes, "tid"));
  const auto system_dct = std::string(ingest::attribute(system.dct_attributes, "tid"));
  if (!system_dct.empty()) out[system_dct] = gold_dct.empty() ? "dct" : gold_dct;
  for (const char* tag : {"EVENT", "TIMEX3"}) {
    const std::string id_attr = std::string(tag) == "EVENT" ? "eid" : "tid";
    const auto golds = gold.annotations_with_tag(tag);
    for (const auto* s : system.annotations_with_tag(tag)) {
      const auto* match = static_cast<const ingest::timeml_annotation*>(nullptr);
      for (const auto* g : golds)
        if (g->span.begin == s->span.begin && g->span.end == s->span.end) match = g;
      if (!match)
        for (const auto* g : golds)
          if (!match && g->span.overlaps(s->span)) match = g;
      const std::string sid(s->attr(id_attr));
      if (match) {
        out[sid] = std::string(match->attr(id_attr));
      } else {
        out[sid] = "system:" + sid;
        ++(id_attr == "eid" ? unaligned_events : unaligned_times);
      }
    }
  }
  return out;
}

}  // namespace

relations_score score_relations(const std::vector<ingest::timeml_document>& gold,
                                const std::vector<ingest::timeml_document>& system) {
  relations_score score;
  std::map<std::string, const ingest::timeml_document*> by_id;
  for (const auto& s : system) by_id.emplace(s.docid, &s);
  std::vector<const ingest::timeml_document*> golds;
  for (const auto& g : gold) golds.push_back(&g);
  std::sort(golds.begin(), golds.end(), [](const auto* a, const auto* b) { return a->docid < b->docid; });
  for (const auto* g : golds) {
    const auto it = by_id.find(g->docid);
    std::vector<tlink> sys;
    if (it == by_id.end()) {
      score.missing.push_back(g->docid);
    } else {
      const auto names = align(*g, *it->second, score.unaligned_events, score.unaligned_times);
      const auto rename = [&](const std::string& id) {
        const auto n = names.find(id);
        return n != names.end() ? n->second : "system:" + id;
      };
      for (auto l : tlinks_of(*it->second)) {
        l.from = rename(l.from);
        l.to = rename(l.to);
        sys.push_back(std::move(l));
      }
    }
    const auto c = temporal_awareness(tlinks_of(*g), sys);
    score.total += c;
    score.documents.emplace_back(g->docid, c);
  }
  return score;
}

std::string format_score(const relations_score& score, bool detail) {
  std::string out;
  char line[256];
  const auto row = [&](const std::string& name, const awareness_counts& c) {
    std::snprintf(line, sizeof line, "%-28s gold %5zu (reduced %5zu, verified %5zu)  system %5zu (reduced %5zu, verified %5zu)  P %.3f R %.3f F1 %.3f\n",
                  name.c_str(), c.gold_links, c.gold_reduced, c.gold_verified, c.system_links, c.system_reduced,
                  c.system_verified, c.precision(), c.recall(), c.f1());
    out += line;
  };
  if (detail)
    for (const auto& [id, c] : score.documents) row(id, c);
  std::snprintf(line, sizeof line, "documents %zu (no system file: %zu)\n", score.documents.size(), score.missing.size());
  out += line;
  row("temporal awareness", score.total);
  std::snprintf(line, sizeof line,
                "links left out as inconsistent: gold %zu, system %zu; system entities without a gold extent: %zu events, %zu times\n",
                score.total.gold_inconsistent, score.total.system_inconsistent, score.unaligned_events, score.unaligned_times);
  out += line;
  return out;
}

}  // namespace chronograph::relations
