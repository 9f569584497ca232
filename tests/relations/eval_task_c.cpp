// SPDX-License-Identifier: MIT
// TempEval-3 Task C on TBAQ-cleaned with gold events and times given: the text stage runs on
// each TEXT, the gold EVENTs become the event list (gold_events.hpp), the gold TIMEX3s the times,
// the linker (with its consistency check) finds the pairs and labels them, and its TLINKs are
// scored against the gold TLINKs with temporal awareness (closure-based P/R/F1, score.hpp).
// Exits 1 when F1 is below --floor-f1, 77 (skipped) without the data.
//   eval_task_c DIR [--floor-f1 X] [--detail]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/relations/score.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "gold_events.hpp"

using namespace chronograph;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_task_c DIR [--floor-f1 X] [--detail]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  double floor = 0;
  bool detail = false;
  for (int k = 2; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--floor-f1" && k + 1 < argc) floor = std::stod(argv[++k]);
    else if (a == "--detail") detail = true;
  }
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found (TempEval-3 TBAQ-cleaned is development data, see ../shared/data)\n";
    return 77;
  }
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  const auto li = relations::linker::load_default();
  relations::relations_score score;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_rule;  // rule -> (links, entailed by gold)
  // "signal:after" -> "signal": the rule family.
  const auto rule_name = [](const std::string& rule) { return rule.substr(0, rule.find(':')); };
  std::size_t dropped = 0;
  // Per kind of pair (TempEval-3's kinds and the rest): precision of the system's reduced links
  // against the gold closure, recall of the gold's reduced links against the system closure.
  const std::vector<std::string> kinds{"event-DCT", "event-time, same sentence", "event-time, other",
                                       "event-event, same sentence", "event-event, adjacent sentences",
                                       "event-event, farther", "time-time and time-DCT"};
  struct kind_counts {
    std::size_t system = 0, system_ok = 0, gold = 0, gold_ok = 0;
  };
  std::vector<kind_counts> by_kind(kinds.size());
  for (const auto& f : ingest::timeml_files(dir)) {
    const auto tml = ingest::read_timeml(f);
    const auto annotated = an->analyze(ingest::document_of(tml));
    const auto times = timex::from_timeml(tml);
    std::vector<diagnostic> diags;
    const auto found = ex->extract(annotated, times, diags);
    auto evs = test::gold_events(tml, annotated, found);
    diags.clear();
    const auto links = li->link_events(annotated, times, evs, diags);
    for (const auto& d : diags) dropped += d.rule == "relations.conflict" ? 1 : 0;
    const auto dct_tid = std::string(ingest::attribute(tml.dct_attributes, "tid"));
    std::vector<relations::tlink> system;
    std::vector<std::string> system_rules;
    for (const auto& l : links) {
      if (relations::is_causal(l.rel)) continue;
      const auto name = [&](const std::string& id) { return id == "t0" && !dct_tid.empty() ? dct_tid : id; };
      system.push_back({name(l.from), name(l.to), l.rel});
      system_rules.push_back(l.rule);
    }
    const auto gold = relations::tlinks_of(tml);
    const auto c = relations::temporal_awareness(gold, system);
    // Per rule: how many of its links the gold closure entails (before reduction).
    const relations::link_closure gold_closure(gold);
    for (std::size_t k = 0; k < system.size(); ++k) {
      auto& [n, ok] = by_rule[rule_name(system_rules[k])];
      ++n;
      ok += gold_closure.entails(system[k]) ? 1 : 0;
    }
    score.total += c;
    score.documents.emplace_back(tml.docid, c);
    {
      std::map<std::string, std::pair<bool, std::size_t>> where;  // id -> (is event, sentence)
      for (const auto& ev : evs) where[ev.id] = {true, ev.sentence};
      for (const auto& t : times) where[t.id] = {false, annotated.sentence_at(t.span.begin)};
      const auto kind = [&](const relations::tlink& l) -> std::size_t {
        const auto a = where.find(l.from), b = where.find(l.to);
        const bool a_dct = l.from == dct_tid, b_dct = l.to == dct_tid;
        if (a_dct || b_dct) {
          const auto other = a_dct ? b : a;
          return other != where.end() && other->second.first ? 0 : 6;
        }
        if (a == where.end() || b == where.end()) return 6;
        const auto [ae, as] = a->second;
        const auto [be, bs] = b->second;
        const auto d = as > bs ? as - bs : bs - as;
        if (!ae && !be) return 6;
        if (ae != be) return d == 0 ? 1 : 2;
        return d == 0 ? 3 : d == 1 ? 4 : 5;
      };
      const auto sys_reduced = relations::reduce(system), gold_reduced = relations::reduce(gold);
      const relations::link_closure sys_closure(sys_reduced), gold_reduced_closure(gold_reduced);
      for (const auto& l : sys_reduced) {
        auto& k = by_kind[kind(l)];
        ++k.system;
        k.system_ok += gold_reduced_closure.entails(l) ? 1 : 0;
      }
      for (const auto& l : gold_reduced) {
        auto& k = by_kind[kind(l)];
        ++k.gold;
        k.gold_ok += sys_closure.entails(l) ? 1 : 0;
      }
    }
  }
  std::cout << relations::format_score(score, detail);
  std::printf("system links dropped by the consistency check: %zu\n", dropped);
  for (const auto& [rule, counts] : by_rule)
    std::printf("  rule %-16s links %5zu  entailed by gold %5zu (%.3f)\n", rule.c_str(), counts.first, counts.second,
                counts.first ? double(counts.second) / double(counts.first) : 0.0);
  std::printf("per kind of pair (reduced links; P against the gold closure, R against the system closure):\n");
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const auto& c = by_kind[k];
    const double p = c.system ? double(c.system_ok) / double(c.system) : 0, r = c.gold ? double(c.gold_ok) / double(c.gold) : 0;
    std::printf("  %-32s system %5zu P %.3f   gold %5zu R %.3f\n", kinds[k].c_str(), c.system, p, c.gold, r);
  }
  const double f1 = score.total.f1();
  if (f1 < floor) {
    std::printf("FAIL: temporal awareness F1 %.3f below floor %.3f\n", f1, floor);
    return 1;
  }
  return 0;
}
