// SPDX-License-Identifier: MIT
// Event-time and event-DCT TLINK evaluation on TBAQ-cleaned with gold events and times given
// (a slice of TempEval-3 Task C, scored pairwise, not with the closure-based temporal awareness):
// the text stage runs on each TEXT, the gold EVENTs become the event list (attributes from the
// extractor where it found the same word), the linker runs, and its links between an event and a
// TIMEX3 (or the DCT, t0) are compared with the gold TLINKs over the same pairs, either direction
// (the inverse relation counts). Prints P/R/F1 per kind; exits 1 when the event-time F1 is below
// --floor-f1, 77 (skipped) without the data.
//   eval_tlinks DIR [--floor-f1 X]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "gold_events.hpp"
#include "../eval_main.hpp"

using namespace chronograph;

namespace {

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_tlinks DIR [--floor-f1 X]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  double floor = 0;
  for (int k = 2; k + 1 < argc; k += 2)
    if (std::string(argv[k]) == "--floor-f1") floor = std::stod(argv[k + 1]);
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found (TempEval-3 TBAQ-cleaned is development data, see ../shared/data)\n";
    return 77;
  }
  const auto files = ingest::timeml_files(dir);
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  const auto li = relations::linker::load_default();
  // kind -> counts: [0] "time" (event-TIMEX3), [1] "dct" (event-t0)
  std::size_t gold_n[2] = {0, 0}, sys_n[2] = {0, 0}, tp[2] = {0, 0}, pair_hits[2] = {0, 0};
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
    // Gold event-time links keyed by (eid, tid) with the relation read from the event's side.
    std::map<std::string, std::string> eid_of;  // eiid -> eid
    for (const auto& [eid, eiid] : eiid_of) eid_of[eiid] = eid;
    const std::string dct_tid = std::string(ingest::attribute(tml.dct_attributes, "tid"));
    std::map<std::pair<std::string, std::string>, relations::relation> gold;
    for (const auto& el : tml.trailing) {
      if (el.tag != "TLINK") continue;
      const auto rel = relations::relation_from_string(el.attr("relType"));
      if (!rel) continue;
      std::string e = std::string(el.attr("eventInstanceID")), t = std::string(el.attr("relatedToTime"));
      auto r = *rel;
      if (e.empty() || t.empty()) {
        // time -> event: read it from the event's side
        e = std::string(el.attr("relatedToEventInstance"));
        t = std::string(el.attr("timeID"));
        if (e.empty() || t.empty()) continue;
        r = relations::inverse(r);
      }
      const auto it = eid_of.find(e);
      if (it == eid_of.end()) continue;
      gold[{it->second, t == dct_tid ? "t0" : t}] = r;
    }
    std::map<std::pair<std::string, std::string>, relations::relation> sys;
    for (const auto& l : links) {
      if (relations::is_causal(l.rel) || l.from.empty() || l.to.empty()) continue;
      if (l.from[0] == 'e' && l.to[0] == 't') sys[{l.from, l.to}] = l.rel;
      else if (l.from[0] == 't' && l.to[0] == 'e') sys[{l.to, l.from}] = relations::inverse(l.rel);
    }
    for (const auto& [key, r] : gold) ++gold_n[key.second == "t0" ? 1 : 0];
    for (const auto& [key, r] : sys) {
      const int k = key.second == "t0" ? 1 : 0;
      ++sys_n[k];
      const auto it = gold.find(key);
      if (it == gold.end()) continue;
      ++pair_hits[k];
      if (it->second == r) ++tp[k];
    }
  }
  std::printf("documents %zu\n", files.size());
  double event_time_f1 = 0;
  for (int k = 0; k < 2; ++k) {
    const double p = sys_n[k] ? double(tp[k]) / double(sys_n[k]) : 0, r = gold_n[k] ? double(tp[k]) / double(gold_n[k]) : 0;
    std::printf("%s links: gold %zu system %zu same pair %zu correct %zu  P %.3f R %.3f F1 %.3f  (label accuracy on shared pairs %.3f)\n",
                k == 0 ? "event-time" : "event-DCT", gold_n[k], sys_n[k], pair_hits[k], tp[k], p, r, f1(p, r),
                pair_hits[k] ? double(tp[k]) / double(pair_hits[k]) : 0.0);
    if (k == 0) event_time_f1 = f1(p, r);
  }
  if (event_time_f1 < floor) {
    std::printf("FAIL: event-time F1 %.3f below floor %.3f\n", event_time_f1, floor);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return chronograph::test::guarded_main("eval_tlinks", [&] { return run(argc, argv); });
}
