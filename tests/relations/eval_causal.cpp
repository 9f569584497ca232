// SPDX-License-Identifier: MIT
// Causal link (CLINK) evaluation on Causal-TimeBank with gold events given: the text stage runs
// on each TEXT, the gold EVENTs become the event list (attributes from the extractor where it
// found the same word, else from the gold class and the word's tag), the linker runs, and its
// CAUSES/ENABLES/PREVENTS links are compared with the gold CLINKs (source causes target).
// Prints directed and undirected precision/recall/F1; exits 1 below --floor-f1 (directed),
// 77 (skipped) when the data directory is absent.
//   eval_causal DIR [--floor-f1 X]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "gold_events.hpp"

using namespace chronograph;

namespace {

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_causal DIR [--floor-f1 X]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  double floor = 0;
  for (int k = 2; k + 1 < argc; k += 2)
    if (std::string(argv[k]) == "--floor-f1") floor = std::stod(argv[k + 1]);
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found (Causal-TimeBank is development data, see ../shared/data)\n";
    return 77;
  }
  const auto files = ingest::timeml_files(dir);
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  const auto li = relations::linker::load_default();
  std::size_t gold_n = 0, sys_n = 0, tp = 0, tp_undirected = 0;
  std::map<std::string, std::size_t> by_rule_tp, by_rule_all;
  for (const auto& f : files) {
    const auto tml = ingest::read_timeml(f);
    const auto annotated = an->analyze(ingest::document_of(tml));
    const auto times = timex::from_timeml(tml);
    std::vector<diagnostic> diags;
    const auto found = ex->extract(annotated, times, diags);
    std::map<std::string, std::string> eiid_of;
    for (const auto& el : tml.trailing)
      if (el.tag == "MAKEINSTANCE") eiid_of.emplace(std::string(el.attr("eventID")), std::string(el.attr("eiid")));
    auto evs = test::gold_events(tml, annotated, found);
    const auto links = li->link_events(annotated, times, evs, diags);
    std::set<std::pair<std::string, std::string>> gold, sys;
    for (const auto& el : tml.trailing)
      if (el.tag == "CLINK")
        gold.emplace(std::string(el.attr("eventInstanceID")), std::string(el.attr("relatedToEventInstance")));
    std::map<std::pair<std::string, std::string>, std::string> rule_of;
    for (const auto& l : links) {
      if (!relations::is_causal(l.rel)) continue;
      const auto a = eiid_of.find(l.from), b = eiid_of.find(l.to);
      if (a == eiid_of.end() || b == eiid_of.end()) continue;
      sys.emplace(a->second, b->second);
      rule_of[{a->second, b->second}] = l.rule;
    }
    gold_n += gold.size();
    sys_n += sys.size();
    for (const auto& p : sys) {
      ++by_rule_all[rule_of[p]];
      if (gold.count(p)) {
        ++tp;
        ++by_rule_tp[rule_of[p]];
      }
      if (gold.count(p) || gold.count({p.second, p.first})) ++tp_undirected;
    }
  }
  const double p = sys_n ? double(tp) / double(sys_n) : 0, r = gold_n ? double(tp) / double(gold_n) : 0;
  const double pu = sys_n ? double(tp_undirected) / double(sys_n) : 0;
  const double ru = gold_n ? double(tp_undirected) / double(gold_n) : 0;
  std::printf("documents %zu  gold CLINKs %zu  system causal links %zu\n", files.size(), gold_n, sys_n);
  std::printf("directed   P %.3f R %.3f F1 %.3f\n", p, r, f1(p, r));
  std::printf("undirected P %.3f R %.3f F1 %.3f\n", pu, ru, f1(pu, ru));
  std::printf("correct/proposed by rule:");
  for (const auto& [rule, n] : by_rule_all) std::printf(" %s %zu/%zu;", rule.c_str(), by_rule_tp[rule], n);
  std::printf("\n");
  if (f1(p, r) < floor) {
    std::printf("FAIL: directed F1 %.3f below floor %.3f\n", f1(p, r), floor);
    return 1;
  }
  return 0;
}
