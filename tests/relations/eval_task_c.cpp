// SPDX-License-Identifier: MIT
// TempEval-3 Task C on TBAQ-cleaned with gold events and times given, and the TLINK models it
// needs: the text stage runs on each TEXT, the gold EVENTs become the event list
// (gold_events.hpp), the gold TIMEX3s the times, the linker (rules, models, consistency check)
// finds the pairs and labels them, and its TLINKs are scored against the gold TLINKs with
// temporal awareness (closure-based P/R/F1, score.hpp), in all and per kind of pair.
//
// The TLINK models (one per TempEval-3 kind of pair: event-DCT, event-time and event-event of one
// sentence; pair_model.hpp) are trained here on TimeBank:
// every candidate pair of a kind is an example, labelled with the relation the closure of the
// gold TLINKs entails between the two, or NONE. The figure checked against --floor-f1 is the
// shipped linker's (linker::load_default(), models from src/relations/resources/) on AQUAINT;
// the models trained here are scored too and must give the same figure.
//   eval_task_c DATA [--floor-f1 X] [--detail] [--write-models DIR] [--cv K] [--show DOCID|ALL]
//               [--oracle labels|select|kind:K] [--dump FILE]
// DATA is ../shared/data; exits 77 (skipped) without it, 1 below the floor. --write-models
// writes tlink_<kind>.model into DIR (how the shipped ones are built); --cv K also prints a
// K-fold cross-validated figure on TimeBank (folds by document). --oracle replaces the system's
// links with gold-informed ones (upper bounds, development only: see `oracle` below); --dump
// writes every link of the shipped linker on AQUAINT with its kind, rule, the event's
// attributes and the relation the gold closure gives the pair (error analysis).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/relations/score.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "pair_data.hpp"
#include "pair_model.hpp"
#include "../eval_main.hpp"

using namespace chronograph;
using relations::tlink_kind;
using relations::tlink_kinds;

namespace {

constexpr unsigned model_bits = 15;

/// Training options of the TLINK models (the shipped files' headers repeat them).
relations::pair_training_options training_options() {
  relations::pair_training_options o;
  o.epochs = 10;
  o.seed = 1;
  return o;
}

/// The relation the closure of the gold links entails between two entities, as an index into
/// tlink_labels (0 = NONE); nullopt for a relation the models do not predict (BEGINS, IBEFORE,
/// ...: such pairs are left out of training).
std::optional<std::size_t> closure_label(const relations::link_closure& gold, const std::string& a, const std::string& b) {
  using relations::relation;
  for (const auto r : {relation::before, relation::after, relation::ibefore, relation::iafter, relation::simultaneous,
                       relation::begins, relation::begun_by, relation::ends, relation::ended_by, relation::includes,
                       relation::is_included}) {
    if (!gold.entails({a, b, r})) continue;
    const auto it = std::find(relations::tlink_labels.begin(), relations::tlink_labels.end(), relations::to_string(r));
    if (it == relations::tlink_labels.end()) return std::nullopt;
    return static_cast<std::size_t>(it - relations::tlink_labels.begin());
  }
  return std::size_t{0};
}

struct prepared_doc {
  test::gold_event_doc d;
  std::string dct_tid;
  std::vector<relations::tlink> gold;
  /// Labels of other annotations of the same text (MATRES, TimeBank-Dense), by (id, id) as the
  /// linker names them ("e3", "t2", "t0"); index into tlink_labels, 0 for VAGUE.
  std::map<std::pair<std::string, std::string>, std::size_t> matres, dense;
  std::vector<relations::tlink> dense_links;  ///< TimeBank-Dense links as TLINKs (VAGUE left out)
};

/// "a REL b" read from "b REL' a": the index of the inverse label.
std::size_t inverse_label(std::size_t l) {
  const auto r = relations::relation_from_string(relations::tlink_labels[l]);
  if (l == 0 || !r) return l;
  const auto name = relations::to_string(relations::inverse(*r));
  return static_cast<std::size_t>(std::find(relations::tlink_labels.begin(), relations::tlink_labels.end(), name) -
                                  relations::tlink_labels.begin());
}

/// docid -> rows of a whitespace-separated file.
std::map<std::string, std::vector<std::vector<std::string>>> read_rows(const std::filesystem::path& file) {
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::vector<std::string> f;
    for (std::string x; ls >> x;) f.push_back(x);
    if (!f.empty()) out[f[0]].push_back(std::move(f));
  }
  return out;
}

std::vector<std::unique_ptr<prepared_doc>> prepare(const std::filesystem::path& dir, const text::analyzer& an,
                                                   const events::extractor& ex) {
  std::vector<std::unique_ptr<prepared_doc>> out;
  for (const auto& f : ingest::timeml_files(dir)) {
    auto p = std::make_unique<prepared_doc>();
    p->d = test::prepare_gold_event_doc(f, an, ex);
    p->dct_tid = std::string(ingest::attribute(p->d.tml.dct_attributes, "tid"));
    p->gold = relations::tlinks_of(p->d.tml);
    out.push_back(std::move(p));
  }
  return out;
}

/// Adds the MATRES and TimeBank-Dense labels of the documents (TimeBank only).
void add_other_labels(std::vector<std::unique_ptr<prepared_doc>>& docs, const std::filesystem::path& data) {
  const auto matres = read_rows(data / "relations" / "matres" / "timebank.txt");
  auto dense = read_rows(data / "relations" / "tbdense" / "TimebankDense.T3.train.txt");
  for (auto& [doc, rows] : read_rows(data / "relations" / "tbdense" / "TimebankDense.T3.dev.txt")) dense[doc] = rows;
  const auto index = [](const char* name) {
    return static_cast<std::size_t>(std::find(relations::tlink_labels.begin(), relations::tlink_labels.end(), name) -
                                    relations::tlink_labels.begin());
  };
  for (auto& p : docs) {
    std::map<std::string, std::string> eid_of;  // eiid -> eid
    for (const auto& [eid, eiid] : p->d.eiid_of_eid) eid_of[eiid] = eid;
    if (const auto it = matres.find(p->d.tml.docid); it != matres.end())
      for (const auto& r : it->second) {
        if (r.size() < 6) continue;
        const auto a = eid_of.find("ei" + r[3]), b = eid_of.find("ei" + r[4]);
        if (a == eid_of.end() || b == eid_of.end()) continue;
        const std::size_t l = r[5] == "BEFORE" ? index("BEFORE") : r[5] == "AFTER" ? index("AFTER")
                            : r[5] == "EQUAL" ? index("SIMULTANEOUS") : 0;
        p->matres[{a->second, b->second}] = l;
        p->matres[{b->second, a->second}] = inverse_label(l);
      }
    if (const auto it = dense.find(p->d.tml.docid); it != dense.end())
      for (const auto& r : it->second) {
        if (r.size() < 4) continue;
        const auto& x = r[3];
        const std::size_t l = x == "b" ? index("BEFORE") : x == "a" ? index("AFTER") : x == "i" ? index("INCLUDES")
                            : x == "ii" ? index("IS_INCLUDED") : x == "s" ? index("SIMULTANEOUS") : 0;
        p->dense[{r[1], r[2]}] = l;
        p->dense[{r[2], r[1]}] = inverse_label(l);
        const auto name = [&](const std::string& id) { return id == "t0" ? p->dct_tid : id; };
        if (l != 0)
          p->dense_links.push_back({name(r[1]), name(r[2]), *relations::relation_from_string(relations::tlink_labels[l])});
      }
  }
}

/// The training examples of one document, per kind.
void add_examples(const prepared_doc& p, const relations::linker& rules,
                  std::array<std::vector<relations::pair_example>, tlink_kinds>& out) {
  auto evs = p.d.events;
  std::vector<diagnostic> diags;
  (void)relations::rule_links(rules, p.d.annotated, p.d.times, evs, diags);
  const relations::pair_context ctx(p.d.annotated, evs, p.d.times);
  const relations::link_closure gold(p.gold);
  relations::feature_sink fs(model_bits);
  for (const auto& c : relations::tlink_candidates(ctx)) {
    fs.clear();
    relations::tlink_features(ctx, c, fs);
    if (fs.buckets().empty()) continue;
    const std::string b = c.kind == tlink_kind::event_dct    ? p.dct_tid
                          : c.kind == tlink_kind::event_time ? ctx.times[c.b].id
                                                             : evs[c.b].id;
    relations::pair_example e;
    e.features = fs.buckets();
    const auto label = closure_label(gold, evs[c.a].id, b);
    e.group = p.d.tml.docid;
    // Labels of the same pair in other annotations of TimeBank come first: TimeBank-Dense (all
    // pairs of its 27 documents, one convention) and MATRES (start points of verb pairs, mapped
    // BEFORE/AFTER/EQUAL -> BEFORE/AFTER/SIMULTANEOUS, VAGUE -> NONE); TimeBank's own TLINKs
    // leave most pairs TempEval-3 relates without a relation.
    const std::string other = c.kind == tlink_kind::event_dct ? std::string(relations::dct_id) : b;
    if (const auto it = p.dense.find({evs[c.a].id, other}); it != p.dense.end()) e.label = it->second;
    else if (const auto m = p.matres.find({evs[c.a].id, other}); c.kind == tlink_kind::event_event && m != p.matres.end())
      e.label = m->second;
    else if (label) e.label = *label;
    else continue;
    out[static_cast<std::size_t>(c.kind)].push_back(std::move(e));
  }
}

relations::tlink_models train(const std::array<std::vector<relations::pair_example>, tlink_kinds>& examples) {
  relations::tlink_models m;
  for (std::size_t k = 0; k < tlink_kinds; ++k)
    m.by_kind[k] = relations::pair_model::train(examples[k], relations::tlink_labels, model_bits, training_options());
  return m;
}

/// Kinds of pairs the score is broken down by (TempEval-3's and the rest).
bool full_rule_names = false;  // --detail: "signal:after" rather than "signal"
/// --oracle MODE (development: upper bounds of the pair kinds the linker can propose).
/// "labels": the gold closure's relation for every candidate pair (tlink_candidates, plus the
/// main events of adjacent sentences) that it relates, and the system's time-time links: what
/// perfect labels on these pairs would score. "select": the system's links, only those whose
/// pair the gold closure relates (any relation): what perfect pair selection with the system's
/// labels would score. "kind:K" (K 0..6 as score_kinds): the system's links, those of kind K
/// replaced by the gold closure's relation where the system gives one (right labels for that kind).
std::string oracle;
bool dumping = false;   ///< set while the shipped linker is evaluated
std::string dump_file;  ///< --dump FILE: every system link with its kind, rule, attributes and the gold relation
std::string show_document;     // --show DOCID or ALL: its reduced links, system and gold, verified or not, with the
                               // kind of pair (k0 event-DCT ... k6 time-time, as score_kinds) and, for each gold link,
                               // what the system closure entails between the two (sys=none: nothing)

const std::vector<std::string> score_kinds{"event-DCT", "event-time, same sentence", "event-time, other",
                                           "event-event, same sentence", "event-event, adjacent sentences",
                                           "event-event, farther", "time-time and time-DCT"};

/// The relation the closure of `gold` entails between a and b, if any.
std::optional<relations::relation> gold_relation(const relations::link_closure& gold, const std::string& a,
                                                 const std::string& b) {
  using relations::relation;
  for (const auto r : {relation::before, relation::after, relation::ibefore, relation::iafter, relation::simultaneous,
                       relation::begins, relation::begun_by, relation::ends, relation::ended_by, relation::includes,
                       relation::is_included})
    if (gold.entails({a, b, r})) return r;
  return std::nullopt;
}

std::size_t pair_kind(const prepared_doc& p, const std::vector<events::event_mention>& evs, const relations::tlink& l);

void apply_oracle(const prepared_doc& p, const std::vector<events::event_mention>& evs,
                  const std::vector<relations::tlink>& gold_links, std::vector<relations::tlink>& system) {
  const relations::link_closure gold(gold_links);
  std::vector<relations::tlink> out;
  if (oracle == "labels") {
    const relations::pair_context ctx(p.d.annotated, evs, p.d.times);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& c : relations::tlink_candidates(ctx))
      pairs.emplace_back(evs[c.a].id, c.kind == tlink_kind::event_dct    ? p.dct_tid
                                      : c.kind == tlink_kind::event_time ? ctx.times[c.b].id
                                                                         : evs[c.b].id);
    for (std::size_t s = 0; s + 1 < ctx.main_event.size(); ++s)
      if (ctx.main_event[s] >= 0 && ctx.main_event[s + 1] >= 0)
        pairs.emplace_back(evs[static_cast<std::size_t>(ctx.main_event[s])].id,
                           evs[static_cast<std::size_t>(ctx.main_event[s + 1])].id);
    for (const auto& [a, b] : pairs)
      if (const auto r = gold_relation(gold, a, b)) out.push_back({a, b, *r});
    for (const auto& l : system)
      if (pair_kind(p, evs, l) == 6) out.push_back(l);
  } else if (oracle == "select") {
    for (const auto& l : system)
      if (gold_relation(gold, l.from, l.to)) out.push_back(l);
  } else if (oracle.rfind("kind:", 0) == 0) {
    const auto k = std::stoul(oracle.substr(5));
    for (const auto& l : system) {
      if (pair_kind(p, evs, l) != k) out.push_back(l);
      else if (const auto r = gold_relation(gold, l.from, l.to)) out.push_back({l.from, l.to, *r});
    }
  } else {
    throw std::runtime_error("unknown --oracle " + oracle);
  }
  system = std::move(out);
}

/// Kind of pair of a link (index into score_kinds).
std::size_t pair_kind(const prepared_doc& p, const std::vector<events::event_mention>& evs, const relations::tlink& l) {
  const auto& d = p.d;
  const auto where = [&](const std::string& id) -> std::optional<std::pair<bool, std::size_t>> {
    for (const auto& ev : evs)
      if (ev.id == id) return std::make_pair(true, ev.sentence);
    for (const auto& t : d.times)
      if (t.id == id) return std::make_pair(false, d.annotated.sentence_at(t.span.begin));
    return std::nullopt;
  };
  const auto a = where(l.from), b = where(l.to);
  if (l.from == p.dct_tid || l.to == p.dct_tid) {
    const auto other = l.from == p.dct_tid ? b : a;
    return other && other->first ? 0 : 6;
  }
  if (!a || !b) return 6;
  const auto dist = a->second > b->second ? a->second - b->second : b->second - a->second;
  if (!a->first && !b->first) return 6;
  if (a->first != b->first) return dist == 0 ? 1 : 2;
  return dist == 0 ? 3 : dist == 1 ? 4 : 5;
}

struct evaluation {
  relations::relations_score score;
  std::size_t dropped = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_rule;  // rule family -> (links, entailed by gold)
  struct kind_counts {
    std::size_t system = 0, system_ok = 0, gold = 0, gold_ok = 0;
  };
  std::vector<kind_counts> by_kind = std::vector<kind_counts>(score_kinds.size());
  std::size_t correct = 0, predicted = 0;  // for comparing two runs
};

void evaluate_doc(const prepared_doc& p, const relations::linker& li, evaluation& out, bool against_dense = false) {
  const auto& d = p.d;
  auto evs = d.events;
  std::vector<diagnostic> diags;
  const auto links = li.link_events(d.annotated, d.times, evs, diags);
  for (const auto& x : diags) out.dropped += x.rule == "relations.conflict" ? 1 : 0;
  std::vector<relations::tlink> system;
  std::vector<std::string> system_rules;
  for (const auto& l : links) {
    if (relations::is_causal(l.rel)) continue;
    const auto name = [&](const std::string& id) { return id == relations::dct_id && !p.dct_tid.empty() ? p.dct_tid : id; };
    system.push_back({name(l.from), name(l.to), l.rel});
    system_rules.push_back(full_rule_names ? l.rule : l.rule.substr(0, l.rule.find(':')));  // "signal:after" -> "signal"
  }
  const auto& gold_links = against_dense ? p.dense_links : p.gold;
  if (!oracle.empty()) {
    apply_oracle(p, evs, gold_links, system);
    system_rules.assign(system.size(), "oracle");
  }
  const auto c = relations::temporal_awareness(gold_links, system);
  out.score.total += c;
  out.score.documents.emplace_back(d.tml.docid, c);
  // Per rule: how many of its links the gold closure entails (before reduction).
  const relations::link_closure gold_closure(gold_links);
  if (!dump_file.empty() && dumping) {
    // One line per system link: doc, kind, rule, the event's attributes, system and gold relation.
    static std::ofstream dump(dump_file);
    std::map<std::string, const events::event_mention*> ev_of;
    for (const auto& ev : evs) ev_of[ev.id] = &ev;
    const relations::pair_context ctx(d.annotated, evs, d.times);
    std::set<std::string> main_events;
    for (const auto m : ctx.main_event)
      if (m >= 0) main_events.insert(evs[static_cast<std::size_t>(m)].id);
    const auto attrs = [&](const std::string& id) -> std::string {
      const auto it = ev_of.find(id);
      if (it == ev_of.end()) return "T";
      const auto& e = *it->second;
      return std::string(events::to_string(e.cls)) + "/" + events::to_string(e.tns) + "/" + events::to_string(e.asp) +
             "/" + std::string(text::to_string(e.pos)) + "/" + (e.modality.empty() ? "-" : e.modality) + "/" +
             (e.when_value.empty() ? "undated" : e.when_anchor.empty() ? "dated" : e.when_anchor) + "/" + e.trigger +
             "/" + (main_events.count(id) ? "main" : "sub");
    };
    for (std::size_t k = 0; k < system.size(); ++k) {
      const auto g = gold_relation(gold_closure, system[k].from, system[k].to);
      dump << d.tml.docid << '\t' << pair_kind(p, evs, system[k]) << '\t' << system_rules[k] << '\t'
           << attrs(system[k].from) << '\t' << attrs(system[k].to) << '\t' << relations::to_string(system[k].rel) << '\t'
           << (g ? relations::to_string(*g) : "none") << '\n';
    }
  }
  for (std::size_t k = 0; k < system.size(); ++k) {
    auto& [n, ok] = out.by_rule[system_rules[k]];
    ++n;
    ok += gold_closure.entails(system[k]) ? 1 : 0;
  }
  // Per kind of pair: precision of the system's reduced links against the gold closure, recall
  // of the gold's reduced links against the system closure.
  std::map<std::string, std::pair<bool, std::size_t>> where;  // id -> (is event, sentence)
  for (const auto& ev : evs) where[ev.id] = {true, ev.sentence};
  for (const auto& t : d.times) where[t.id] = {false, d.annotated.sentence_at(t.span.begin)};
  const auto kind = [&](const relations::tlink& l) -> std::size_t {
    const auto a = where.find(l.from), b = where.find(l.to);
    if (l.from == p.dct_tid || l.to == p.dct_tid) {
      const auto other = l.from == p.dct_tid ? b : a;
      return other != where.end() && other->second.first ? 0 : 6;
    }
    if (a == where.end() || b == where.end()) return 6;
    const auto [ae, as] = a->second;
    const auto [be, bs] = b->second;
    const auto dist = as > bs ? as - bs : bs - as;
    if (!ae && !be) return 6;
    if (ae != be) return dist == 0 ? 1 : 2;
    return dist == 0 ? 3 : dist == 1 ? 4 : 5;
  };
  const auto sys_reduced = relations::reduce(system), gold_reduced = relations::reduce(gold_links);
  const relations::link_closure sys_closure(sys_reduced), gold_reduced_closure(gold_reduced);
  if (d.tml.docid == show_document || show_document == "ALL") {
    std::map<std::string, std::string> word;
    for (const auto& ev : evs) word[ev.id] = ev.trigger;
    for (const auto& t : d.times) word[t.id] = t.text;
    word[p.dct_tid] = "DCT";
    std::map<std::pair<std::string, std::string>, std::string> rule_of;
    for (std::size_t k = 0; k < system.size(); ++k) rule_of[{system[k].from, system[k].to}] = system_rules[k];
    for (const auto& l : sys_reduced)
      std::printf("SYS %s k%zu %s:%s %s %s:%s  [%s]\n", gold_reduced_closure.entails(l) ? "ok " : "-- ", kind(l), l.from.c_str(), word[l.from].c_str(),
                  relations::to_string(l.rel), l.to.c_str(), word[l.to].c_str(), rule_of[{l.from, l.to}].c_str());
    for (const auto& l : gold_reduced)
    {
      std::string says = "none";
      using relations::relation;
      for (const auto r : {relation::before, relation::after, relation::includes, relation::is_included, relation::simultaneous, relation::ibefore, relation::iafter})
        if (sys_closure.entails(relations::tlink{l.from, l.to, r})) says = relations::to_string(r);
      std::printf("GOLD %s k%zu %s:%s %s %s:%s sys=%s\n", sys_closure.entails(l) ? "ok " : "-- ", kind(l), l.from.c_str(), word[l.from].c_str(),
                  relations::to_string(l.rel), l.to.c_str(), word[l.to].c_str(), says.c_str());
    }
  }
  for (const auto& l : sys_reduced) {
    auto& k = out.by_kind[kind(l)];
    ++k.system;
    k.system_ok += gold_reduced_closure.entails(l) ? 1 : 0;
  }
  for (const auto& l : gold_reduced) {
    auto& k = out.by_kind[kind(l)];
    ++k.gold;
    k.gold_ok += sys_closure.entails(l) ? 1 : 0;
  }
}

void print(const evaluation& e, bool detail) {
  std::cout << relations::format_score(e.score, detail);
  std::printf("system links dropped by the consistency check: %zu\n", e.dropped);
  for (const auto& [rule, counts] : e.by_rule)
    std::printf("  rule %-18s links %5zu  entailed by gold %5zu (%.3f)\n", rule.c_str(), counts.first, counts.second,
                counts.first ? double(counts.second) / double(counts.first) : 0.0);
  std::printf("per kind of pair (reduced links; P against the gold closure, R against the system closure):\n");
  for (std::size_t k = 0; k < score_kinds.size(); ++k) {
    const auto& c = e.by_kind[k];
    const double p = c.system ? double(c.system_ok) / double(c.system) : 0, r = c.gold ? double(c.gold_ok) / double(c.gold) : 0;
    std::printf("  %-32s system %5zu P %.3f   gold %5zu R %.3f\n", score_kinds[k].c_str(), c.system, p, c.gold, r);
  }
}

/// Pairwise view of the models on closure-labelled candidates: per kind, how many candidates the
/// gold closure relates, how often the best relation (NONE aside) is that one, and how precise
/// the relations that beat NONE by a margin are.
struct pairwise {
  static constexpr double margins[] = {-40, -20, -10, 0, 10, 20};
  static constexpr std::size_t n_margins = sizeof margins / sizeof margins[0];
  struct counts {
    std::size_t candidates = 0, related = 0, right = 0;
    std::array<std::size_t, n_margins> emitted{}, correct{};
    std::vector<std::vector<std::size_t>> confusion = std::vector<std::vector<std::size_t>>(
        relations::tlink_labels.size(), std::vector<std::size_t>(relations::tlink_labels.size()));
  };
  std::array<counts, tlink_kinds> by_kind;

  void add(const relations::tlink_models& m, const std::array<std::vector<relations::pair_example>, tlink_kinds>& examples) {
    for (std::size_t k = 0; k < tlink_kinds; ++k) {
      auto& c = by_kind[k];
      for (const auto& e : examples[k]) {
        const auto [best, margin] = m.by_kind[k].predict_against(e.features, 0);
        ++c.candidates;
        if (e.label != 0) ++c.related, c.right += best == e.label;
        ++c.confusion[e.label][best];
        for (std::size_t t = 0; t < n_margins; ++t)
          if (margin >= margins[t]) ++c.emitted[t], c.correct[t] += best == e.label;
      }
    }
  }
  void print(bool confusion) const {
    for (std::size_t k = 0; k < tlink_kinds; ++k) {
      const auto& c = by_kind[k];
      std::printf("  %-12s candidates %5zu, related by the gold closure %5zu (%.2f), best relation right on %.3f of them;",
                  relations::to_string(static_cast<tlink_kind>(k)), c.candidates, c.related,
                  c.candidates ? double(c.related) / double(c.candidates) : 0.0,
                  c.related ? double(c.right) / double(c.related) : 0.0);
      for (std::size_t t = 0; t < n_margins; ++t)
        std::printf(" >=%.0f: %zu P %.2f R %.2f;", margins[t], c.emitted[t],
                    c.emitted[t] ? double(c.correct[t]) / double(c.emitted[t]) : 0.0,
                    c.related ? double(c.correct[t]) / double(c.related) : 0.0);
      std::printf("\n");
      if (!confusion) continue;
      std::printf("    gold \\ best relation:");
      for (const auto& l : relations::tlink_labels) std::printf(" %5.5s", l.c_str());
      std::printf("\n");
      for (std::size_t g = 0; g < relations::tlink_labels.size(); ++g) {
        std::printf("    %-19s", relations::tlink_labels[g].c_str());
        for (const auto n : c.confusion[g]) std::printf(" %5zu", n);
        std::printf("\n");
      }
    }
  }
};

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_task_c DATA [--floor-f1 X] [--detail] [--write-models DIR] [--cv K]\n";
    return 2;
  }
  const std::filesystem::path data = argv[1];
  double floor = 0;
  bool detail = false;
  std::string write_models;
  unsigned folds = 0;
  std::string margins;
  for (int k = 2; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--floor-f1" && k + 1 < argc) floor = std::stod(argv[++k]);
    else if (a == "--detail") detail = full_rule_names = true;
    else if (a == "--show" && k + 1 < argc) show_document = argv[++k];
    else if (a == "--oracle" && k + 1 < argc) oracle = argv[++k];
    else if (a == "--dump" && k + 1 < argc) dump_file = argv[++k];
    else if (a == "--write-models" && k + 1 < argc) write_models = argv[++k];
    else if (a == "--cv" && k + 1 < argc) folds = static_cast<unsigned>(std::stoul(argv[++k]));
    else if (a == "--margins" && k + 1 < argc) margins = argv[++k];
  }
  const auto tbaq = data / "tempeval3" / "TBAQ-cleaned";
  if (!std::filesystem::is_directory(tbaq / "TimeBank") || !std::filesystem::is_directory(tbaq / "AQUAINT")) {
    std::cout << "SKIPPED: " << tbaq << " not found (TempEval-3 TBAQ-cleaned is development data, see ../shared/data)\n";
    return 77;
  }
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  const auto order = relations::pair_model::load(resource_root() / "relations" / "resources" / "matres_pairs.model");
  const auto rules = relations::make_model_linker({}, 0, {});
  auto timebank = prepare(tbaq / "TimeBank", *an, *ex);
  add_other_labels(timebank, data);
  const auto aquaint = prepare(tbaq / "AQUAINT", *an, *ex);

  if (std::find(argv + 2, argv + argc, std::string("--dense")) != argv + argc) {
    // The rules (no trained model) against TimeBank-Dense train+dev: a second convention, dense.
    evaluation e;
    for (const auto& p : timebank)
      if (!p->dense_links.empty()) evaluate_doc(*p, *rules, e, true);
    std::printf("rules only, against TimeBank-Dense train+dev:\n");
    print(e, false);
  }
  std::array<std::vector<relations::pair_example>, tlink_kinds> examples;
  for (const auto& p : timebank) add_examples(*p, *rules, examples);
  std::printf("TimeBank training examples:");
  for (std::size_t k = 0; k < tlink_kinds; ++k) {
    std::size_t linked = 0;
    for (const auto& e : examples[k]) linked += e.label != 0;
    std::printf(" %s %zu (%zu related);", relations::to_string(static_cast<tlink_kind>(k)), examples[k].size(), linked);
  }
  std::printf("\n");
  auto default_margins = relations::tlink_models::default_margins();
  if (!margins.empty()) {
    // Development: other margins per kind ("a,b,c,d").
    std::size_t k = 0, at = 0;
    while (k < tlink_kinds && at <= margins.size()) {
      const auto comma = margins.find(',', at);
      default_margins[k++] = std::stod(margins.substr(at, comma - at));
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }

  if (folds > 1) {
    // Folds by document: the k-th TimeBank document (in name order) goes to fold k % folds.
    evaluation pooled, pooled_dense;
    pairwise pw;
    for (unsigned f = 0; f < folds; ++f) {
      std::array<std::vector<relations::pair_example>, tlink_kinds> tr, held;
      for (std::size_t k = 0; k < timebank.size(); ++k)
        add_examples(*timebank[k], *rules, k % folds != f ? tr : held);
      auto m = train(tr);
      pw.add(m, held);
      m.min_margin = default_margins;
      const auto li = relations::make_model_linker(order, 32.0, std::move(m));
      for (std::size_t k = f; k < timebank.size(); k += folds) {
        evaluate_doc(*timebank[k], *li, pooled);
        if (!timebank[k]->dense_links.empty()) evaluate_doc(*timebank[k], *li, pooled_dense, true);
      }
    }
    std::printf("TimeBank-Dense train+dev documents, %u-fold cross-validated models, against TimeBank-Dense:\n", folds);
    print(pooled_dense, false);
    std::printf("TimeBank %u-fold cross-validation (models trained on the other folds):\n", folds);
    print(pooled, false);
    std::printf("pairwise, cross-validated on TimeBank:\n");
    pw.print(detail);
  }

  auto trained = train(examples);
  trained.min_margin = default_margins;
  if (!write_models.empty()) {
    for (std::size_t k = 0; k < tlink_kinds; ++k) {
      const std::string kind = relations::to_string(static_cast<tlink_kind>(k));
      const auto path = std::filesystem::path(write_models) / ("tlink_" + kind + ".model");
      trained.by_kind[k].save(
          path, {"TempEval-3 TLINKs, pairs of kind " + kind + " (features: tlink_features in pair_model.cpp):",
                 "NONE or the relation between the two. Trained on the 183 TimeBank documents of TempEval-3",
                 "TBAQ-cleaned (UzZaman et al. 2013, research use; TimeBank 1.2, Pustejovsky et al. 2003), gold",
                 "events and times given, the text stage's tags and parses; labels from TimeBank-Dense (Cassidy et",
                 "al. 2014) where it labels the pair, else MATRES (Ning et al. 2018) for event pairs, else the",
                 "closure of the TimeBank TLINKs (no license stated for TimeBank-Dense and MATRES).",
                 "Averaged perceptron, 10 epochs, seed 1, 2^" + std::to_string(model_bits) +
                     " hashed features (model format 2); deterministic. Rebuild all three with:",
                 "  build/tests/relations/eval_task_c ../shared/data --write-models src/relations/resources"});
      std::printf("wrote %s\n", path.string().c_str());
    }
  }
  {
    std::array<std::vector<relations::pair_example>, tlink_kinds> test_examples;
    for (const auto& p : aquaint) add_examples(*p, *rules, test_examples);
    std::printf("pairwise on AQUAINT (models trained on TimeBank):\n");
    pairwise pw;
    pw.add(trained, test_examples);
    pw.print(detail);
  }
  evaluation fresh;
  {
    // The shipped causal model too: causal links constrain the order (a cause does not start
    // after its effect), so the comparison with the shipped linker needs the same ones.
    const auto causal = relations::pair_model::load(resource_root() / "relations" / "resources" / "causal_pairs.model");
    const auto li = relations::make_model_linker(order, 32.0, trained, causal, relations::default_causal_margin());
    for (const auto& p : aquaint) evaluate_doc(*p, *li, fresh);
  }
  std::printf("models trained here on TimeBank, AQUAINT: P %.3f R %.3f F1 %.3f\n", fresh.score.total.precision(),
              fresh.score.total.recall(), fresh.score.total.f1());
  evaluation shipped;
  {
    const auto li = relations::linker::load_default();
    dumping = true;
    for (const auto& p : aquaint) evaluate_doc(*p, *li, shipped);
    dumping = false;
  }
  std::printf("shipped linker, AQUAINT (%zu documents):\n", aquaint.size());
  print(shipped, detail);
  const auto& a = shipped.score.total;
  const auto& b = fresh.score.total;
  if (a.system_verified != b.system_verified || a.system_reduced != b.system_reduced || a.gold_verified != b.gold_verified)
    std::printf("WARNING: the shipped TLINK models differ from the ones trained here (rebuild them, see their header)\n");
  const double f1 = a.f1();
  if (f1 < floor) {
    std::printf("FAIL: temporal awareness F1 %.3f below floor %.3f\n", f1, floor);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return chronograph::test::guarded_main("eval_task_c", [&] { return run(argc, argv); });
}
