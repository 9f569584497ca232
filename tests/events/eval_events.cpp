// SPDX-License-Identifier: MIT
// TempEval-3 Task B event evaluation on TBAQ-cleaned: runs the text stage and the event extractor
// on the raw TEXT of each .tml (gold TIMEX3 given, as in Task B) and scores the events with the
// project's scorer (events/score.hpp, the one `chronograph eval events` uses): event F1 relaxed
// and strict, class accuracy and class F1, tense, aspect and polarity accuracy, and the most
// missed and spurious words. Fails (exit 1) below the floors given on the command line, and when
// --trained-on DIR is given and the shipped learned_events.tsv is not what `chronograph train
// events --train DIR` produces (the lexicon scored must be the one learned from DIR only).
// Exits 77 (skipped) when the data directory is absent.
//   eval_events DIR [--trained-on DIR] [--floor-f1 X] [--floor-class X] [--floor-tense X] [--floor-polarity X]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "chronograph/events/learn.hpp"
#include "chronograph/events/score.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/score.hpp"
#include "../eval_main.hpp"

using namespace chronograph;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_events DIR [--trained-on DIR] [--floor-f1 X] [--floor-class X] [--floor-tense X] "
                 "[--floor-polarity X]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::map<std::string, std::string> options;
  for (int k = 2; k + 1 < argc; k += 2) options[argv[k]] = argv[k + 1];
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found (TempEval-3 TBAQ-cleaned is development data, see ../shared/data)\n";
    return 77;
  }
  const auto an = text::analyzer::load_default();
  int rc = 0;
  if (auto it = options.find("--trained-on"); it != options.end()) {
    const auto shipped_path = resource_path("events", "learned_events.tsv");
    const auto learned = events::learn_lexicon_table({it->second}, *an, *events::lexicon::load_default());
    if (learned != read_file(shipped_path)) {
      std::printf("FAIL: %s is not what training on %s gives; rebuild it:\n"
                  "  chronograph train events --train %s --out %s\n",
                  shipped_path.c_str(), it->second.c_str(), it->second.c_str(), shipped_path.c_str());
      rc = 1;
    } else {
      std::printf("learned lexicon: the shipped table is the one trained on %s only\n", it->second.c_str());
    }
  }
  const auto ex = events::extractor::load_default();
  std::vector<ingest::timeml_document> gold, system;
  for (const auto& f : ingest::timeml_files(dir)) {
    gold.push_back(ingest::read_timeml(f));
    const auto& tml = gold.back();
    const auto annotated = an->analyze(ingest::document_of(tml));
    std::vector<diagnostic> diags;
    const auto found = ex->extract(annotated, timex::from_timeml(tml), diags);
    ingest::timeml_document sys;
    sys.docid = tml.docid;
    sys.text = tml.text;
    auto ev = events::to_timeml(found, annotated);
    sys.annotations = std::move(ev.events);
    sys.trailing = std::move(ev.instances);
    system.push_back(std::move(sys));
  }
  const auto s = events::score_events(gold, system, true);
  std::printf("documents %zu\n%s", gold.size(), events::format_score(s, true).c_str());
  const auto check = [&](const char* name, double value) {
    if (auto it = options.find(name); it != options.end() && value < std::stod(it->second)) {
      std::printf("FAIL: %s %.3f below floor %s\n", name + 2, value, it->second.c_str());
      rc = 1;
    }
  };
  check("--floor-f1", s.f1);
  check("--floor-class", s.class_f1);
  check("--floor-tense", s.tense_accuracy);
  check("--floor-polarity", s.plain_polarity_accuracy);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  return chronograph::test::guarded_main("eval_events", [&] { return run(argc, argv); });
}
