// SPDX-License-Identifier: MIT
// TempEval-3 Task B event evaluation on TBAQ-cleaned: runs the text stage and the event extractor
// on the raw TEXT of each .tml (gold TIMEX3 given, as in Task B), matches system events to the
// gold EVENTs and prints event F1 (relaxed = overlapping spans, as TempEval-3 reports it; strict
// = same span), class accuracy and class F1 (= accuracy x relaxed F1), and tense, aspect and
// polarity accuracy over matched events. Fails (exit 1) below the floors given on the command
// line; exits 77 (skipped) when the data directory is absent.
//   eval_events DIR [--floor-f1 X] [--floor-class X] [--floor-tense X] [--floor-polarity X]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "chronograph/events/event.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"

using namespace chronograph;

namespace {

struct gold_event {
  byte_span span;
  std::string cls, tense, aspect, polarity;
};

struct counts {
  std::size_t gold = 0, system = 0, matched_gold = 0, matched_system = 0, strict = 0;
  std::size_t cls_ok = 0, tense_ok = 0, aspect_ok = 0, polarity_ok = 0, attr_n = 0;
  std::map<std::string, std::size_t> missed, spurious;  // lower-cased trigger -> count
  std::map<std::string, std::size_t> class_confusion, tense_confusion;  // "gold>system (word)" -> count
  std::size_t sane_polarity_ok = 0, sane_n = 0;  // polarity over documents without the NEG artifact
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

double ratio(std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_events DIR [--floor-f1 X] [--floor-class X] [--floor-tense X] [--floor-polarity X]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::map<std::string, double> floors;
  for (int k = 2; k + 1 < argc; k += 2) floors[argv[k]] = std::stod(argv[k + 1]);
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found (TempEval-3 TBAQ-cleaned is development data, see ../shared/data)\n";
    return 77;
  }
  const auto files = ingest::timeml_files(dir);
  const auto an = text::analyzer::load_default();
  const auto ex = events::extractor::load_default();
  counts c;
  for (const auto& f : files) {
    const auto tml = ingest::read_timeml(f);
    const auto annotated = an->analyze(ingest::document_of(tml));
    const auto times = timex::from_timeml(tml);
    std::map<std::string, const ingest::timeml_element*> instance;
    for (const auto& el : tml.trailing)
      if (el.tag == "MAKEINSTANCE") instance.emplace(std::string(el.attr("eventID")), &el);
    std::vector<gold_event> gold;
    for (const auto* a : tml.annotations_with_tag("EVENT")) {
      gold_event g;
      g.span = a->span;
      g.cls = std::string(a->attr("class"));
      if (auto it = instance.find(std::string(a->attr("eid"))); it != instance.end()) {
        g.tense = std::string(it->second->attr("tense"));
        g.aspect = std::string(it->second->attr("aspect"));
        g.polarity = std::string(it->second->attr("polarity"));
      }
      gold.push_back(std::move(g));
    }
    // Some AQUAINT files mark nearly every event NEG (an annotation artifact); polarity is also
    // reported without documents where more than half of the gold events are NEG.
    std::size_t negs = 0;
    for (const auto& g : gold) negs += g.polarity == "NEG";
    const bool sane = 2 * negs <= gold.size();
    std::vector<diagnostic> diags;
    const auto sys = ex->extract(annotated, times, diags);
    c.gold += gold.size();
    c.system += sys.size();
    std::vector<bool> gold_hit(gold.size(), false);
    for (const auto& s : sys) {
      const gold_event* match = nullptr;
      std::size_t gi = 0;
      for (std::size_t k = 0; k < gold.size(); ++k)
        if (gold[k].span.overlaps(s.span)) {
          match = &gold[k];
          gi = k;
          break;
        }
      if (!match) {
        ++c.spurious[lower(s.trigger)];
        continue;
      }
      ++c.matched_system;
      if (gold_hit[gi]) continue;
      gold_hit[gi] = true;
      if (match->span == s.span) ++c.strict;
      ++c.attr_n;
      if (match->cls == events::to_string(s.cls)) ++c.cls_ok;
      else ++c.class_confusion[match->cls + ">" + events::to_string(s.cls) + " " + lower(s.lemma)];
      if (match->tense == events::to_string(s.tns)) ++c.tense_ok;
      else ++c.tense_confusion[match->tense + ">" + events::to_string(s.tns)];
      if (sane) {
        ++c.sane_n;
        if (match->polarity == events::to_string(s.pol)) ++c.sane_polarity_ok;
      }
      if (match->aspect == events::to_string(s.asp)) ++c.aspect_ok;
      if (match->polarity == events::to_string(s.pol)) ++c.polarity_ok;
    }
    for (std::size_t k = 0; k < gold.size(); ++k)
      if (!gold_hit[k]) {
        ++c.matched_gold;  // counted below as misses; keep the tally of hits separately
        ++c.missed[lower(tml.text.substr(gold[k].span.begin, gold[k].span.size()))];
      }
  }
  const std::size_t gold_found = c.gold - c.matched_gold;
  const double p = ratio(c.matched_system, c.system), r = ratio(gold_found, c.gold);
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  const double sp = ratio(c.strict, c.system), sr = ratio(c.strict, c.gold);
  const double sf1 = sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0;
  const double cls_acc = ratio(c.cls_ok, c.attr_n);
  const double tense_acc = ratio(c.tense_ok, c.attr_n), aspect_acc = ratio(c.aspect_ok, c.attr_n);
  const double pol_acc = ratio(c.polarity_ok, c.attr_n);
  std::printf("documents %zu  gold events %zu  system events %zu\n", files.size(), c.gold, c.system);
  std::printf("event relaxed P %.3f R %.3f F1 %.3f   strict P %.3f R %.3f F1 %.3f\n", p, r, f1, sp, sr, sf1);
  std::printf("class accuracy %.3f  class F1 %.3f\n", cls_acc, cls_acc * f1);
  std::printf("tense accuracy %.3f  aspect accuracy %.3f  polarity accuracy %.3f (%.3f on the %zu matched events of "
              "documents without the all-NEG artifact)\n",
              tense_acc, aspect_acc, pol_acc, ratio(c.sane_polarity_ok, c.sane_n), c.sane_n);
  const auto top = [](const std::map<std::string, std::size_t>& m, const char* title) {
    std::vector<std::pair<std::size_t, std::string>> v;
    for (const auto& [w, n] : m) v.emplace_back(n, w);
    std::sort(v.rbegin(), v.rend());
    std::printf("%s:", title);
    for (std::size_t k = 0; k < v.size() && k < 25; ++k) std::printf(" %s(%zu)", v[k].second.c_str(), v[k].first);
    std::printf("\n");
  };
  top(c.missed, "most missed");
  top(c.class_confusion, "class errors gold>system");
  top(c.tense_confusion, "tense errors gold>system");
  top(c.spurious, "most spurious");
  int rc = 0;
  const auto check = [&](const char* name, double value) {
    if (auto it = floors.find(name); it != floors.end() && value < it->second) {
      std::printf("FAIL: %s %.3f below floor %.3f\n", name + 2, value, it->second);
      rc = 1;
    }
  };
  check("--floor-f1", f1);
  check("--floor-class", cls_acc * f1);
  check("--floor-tense", tense_acc);
  check("--floor-polarity", ratio(c.sane_polarity_ok, c.sane_n));
  return rc;
}
