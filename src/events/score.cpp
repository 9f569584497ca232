// SPDX-License-Identifier: MIT
// TempEval-3 Task B event scoring and the EVENT/MAKEINSTANCE bridge (see score.hpp).
#include "chronograph/events/score.hpp"

#include <algorithm>
#include <cstdio>

namespace chronograph::events {
namespace {

struct item {
  byte_span span;
  std::string word;  ///< lower-cased text
  std::string cls, tense, aspect, polarity;
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The EVENTs of a document with their instance's attributes (the first MAKEINSTANCE of each).
std::vector<item> events_of(const ingest::timeml_document& doc) {
  std::map<std::string, const ingest::timeml_element*> instance;
  for (const auto& el : doc.trailing)
    if (el.tag == "MAKEINSTANCE") instance.emplace(std::string(el.attr("eventID")), &el);
  std::vector<item> out;
  for (const auto* a : doc.annotations_with_tag("EVENT")) {
    item e;
    e.span = a->span;
    e.word = lower(doc.text.substr(a->span.begin, a->span.size()));
    e.cls = std::string(a->attr("class"));
    if (auto it = instance.find(std::string(a->attr("eid"))); it != instance.end()) {
      e.tense = std::string(it->second->attr("tense"));
      e.aspect = std::string(it->second->attr("aspect"));
      e.polarity = std::string(it->second->attr("polarity"));
    }
    out.push_back(std::move(e));
  }
  return out;
}

double ratio(std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; }
double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

void score_document(const std::vector<item>& gold, const std::vector<item>& sys, bool detail, event_score& out) {
  auto& c = out.counts;
  c.gold += gold.size();
  c.system += sys.size();
  std::size_t negs = 0;
  for (const auto& g : gold) negs += g.polarity == "NEG";
  const bool plain = 2 * negs <= gold.size();
  std::vector<bool> found(gold.size(), false);
  for (const auto& s : sys) {
    const auto g = std::find_if(gold.begin(), gold.end(), [&](const item& x) { return x.span.overlaps(s.span); });
    if (g == gold.end()) {
      if (detail) ++out.spurious[s.word];
      continue;
    }
    ++c.system_correct;
    const auto k = static_cast<std::size_t>(g - gold.begin());
    if (found[k]) continue;
    found[k] = true;
    ++c.gold_found;
    c.strict += g->span == s.span;
    c.class_ok += g->cls == s.cls;
    c.tense_ok += g->tense == s.tense;
    c.aspect_ok += g->aspect == s.aspect;
    c.polarity_ok += g->polarity == s.polarity;
    if (plain) {
      ++c.plain_pairs;
      c.plain_polarity_ok += g->polarity == s.polarity;
    }
    if (detail && g->cls != s.cls) ++out.class_errors[g->cls + ">" + s.cls + " " + s.word];
    if (detail && g->tense != s.tense) ++out.tense_errors[g->tense + ">" + s.tense];
  }
  if (detail)
    for (std::size_t k = 0; k < gold.size(); ++k)
      if (!found[k]) ++out.missed[gold[k].word];
}

}  // namespace

event_counts& event_counts::operator+=(const event_counts& o) noexcept {
  gold += o.gold, system += o.system, system_correct += o.system_correct, gold_found += o.gold_found;
  strict += o.strict, class_ok += o.class_ok, tense_ok += o.tense_ok, aspect_ok += o.aspect_ok;
  polarity_ok += o.polarity_ok, plain_pairs += o.plain_pairs, plain_polarity_ok += o.plain_polarity_ok;
  return *this;
}

event_score score_events(const std::vector<ingest::timeml_document>& gold,
                         const std::vector<ingest::timeml_document>& system, bool detail) {
  event_score out;
  std::map<std::string, const ingest::timeml_document*> by_id;
  for (const auto& d : system) by_id.emplace(d.docid, &d);
  for (const auto& g : gold) {
    const auto it = by_id.find(g.docid);
    if (it == by_id.end()) {
      out.missing_system.push_back(g.docid);
      score_document(events_of(g), {}, detail, out);
      continue;
    }
    score_document(events_of(g), events_of(*it->second), detail, out);
    by_id.erase(it);
  }
  for (const auto& [id, d] : by_id) out.unpaired_system.push_back(id);
  const auto& c = out.counts;
  out.precision = ratio(c.system_correct, c.system);
  out.recall = ratio(c.gold_found, c.gold);
  out.f1 = harmonic(out.precision, out.recall);
  out.strict_precision = ratio(c.strict, c.system);
  out.strict_recall = ratio(c.strict, c.gold);
  out.strict_f1 = harmonic(out.strict_precision, out.strict_recall);
  out.class_accuracy = ratio(c.class_ok, c.gold_found);
  out.class_f1 = out.class_accuracy * out.f1;
  out.tense_accuracy = ratio(c.tense_ok, c.gold_found);
  out.aspect_accuracy = ratio(c.aspect_ok, c.gold_found);
  out.polarity_accuracy = ratio(c.polarity_ok, c.gold_found);
  out.plain_polarity_accuracy = ratio(c.plain_polarity_ok, c.plain_pairs);
  return out;
}

std::string format_score(const event_score& s, bool detail) {
  std::string out;
  char line[512];
  const auto& c = s.counts;
  std::snprintf(line, sizeof line, "gold events %zu  system events %zu  matched %zu\n", c.gold, c.system, c.gold_found);
  out += line;
  std::snprintf(line, sizeof line, "event relaxed P %.3f R %.3f F1 %.3f   strict P %.3f R %.3f F1 %.3f\n",
                s.precision, s.recall, s.f1, s.strict_precision, s.strict_recall, s.strict_f1);
  out += line;
  std::snprintf(line, sizeof line, "class accuracy %.3f  class F1 %.3f\n", s.class_accuracy, s.class_f1);
  out += line;
  std::snprintf(line, sizeof line,
                "tense accuracy %.3f  aspect accuracy %.3f  polarity accuracy %.3f (%.3f on the %zu matched events "
                "of documents without the all-NEG artifact)\n",
                s.tense_accuracy, s.aspect_accuracy, s.polarity_accuracy, s.plain_polarity_accuracy, c.plain_pairs);
  out += line;
  for (const auto& id : s.missing_system) out += "missing system document: " + id + "\n";
  for (const auto& id : s.unpaired_system) out += "system document without gold: " + id + "\n";
  if (!detail) return out;
  const auto top = [&](const std::map<std::string, std::size_t>& m, const char* title) {
    std::vector<std::pair<std::size_t, std::string>> v;
    for (const auto& [w, n] : m) v.emplace_back(n, w);
    std::sort(v.rbegin(), v.rend());
    out += title;
    out += ':';
    for (std::size_t k = 0; k < v.size() && k < 25; ++k) out += " " + v[k].second + "(" + std::to_string(v[k].first) + ")";
    out += '\n';
  };
  top(s.missed, "most missed");
  top(s.class_errors, "class errors gold>system");
  top(s.tense_errors, "tense errors gold>system");
  top(s.spurious, "most spurious");
  return out;
}

std::string instance_id(const std::string& event_id) { return "ei" + event_id.substr(1); }

timeml_events to_timeml(const std::vector<event_mention>& mentions, const text::annotated_document& doc) {
  // TimeML's MAKEINSTANCE pos attribute from the trigger's first token.
  const auto pos_of = [&](byte_span span) {
    for (const auto& t : doc.tokens) {
      if (t.span.end <= span.begin) continue;
      if (t.span.begin >= span.end) break;
      switch (t.tag) {
        case text::upos::verb: case text::upos::aux: return "VERB";
        case text::upos::noun: case text::upos::propn: return "NOUN";
        case text::upos::adj: return "ADJECTIVE";
        case text::upos::adp: return "PREPOSITION";
        default: return "OTHER";
      }
    }
    return "OTHER";
  };
  timeml_events out;
  for (const auto& e : mentions) {
    out.events.push_back({e.span, "EVENT", {{"eid", e.id}, {"class", to_string(e.cls)}}});
    ingest::timeml_attributes mi{{"eventID", e.id},
                                 {"eiid", instance_id(e.id)},
                                 {"tense", to_string(e.tns)},
                                 {"aspect", to_string(e.asp)},
                                 {"polarity", to_string(e.pol)},
                                 {"pos", pos_of(e.span)}};
    if (!e.modality.empty()) mi.emplace_back("modality", e.modality);
    out.instances.push_back({"MAKEINSTANCE", std::move(mi)});
  }
  return out;
}

}  // namespace chronograph::events
