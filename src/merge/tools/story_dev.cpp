// SPDX-License-Identifier: MIT
// Developer program: runs text -> timex -> events -> relations -> merge on text files and prints
// the story as plain text (events by date with salience, links). Not part of the default build.
//   story_dev [--dct 2025-06-05] [--all] FILE...
#include <fstream>
#include <iostream>
#include <cstdlib>
#include <map>
#include <sstream>

#include "chronograph/merge/merge.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"

using namespace chronograph;

int main(int argc, char** argv) {
  std::optional<creation_time> dct;
  bool all = false;
  std::vector<std::string> files;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--dct" && k + 1 < argc) dct = parse_creation_time(argv[++k]);
    else if (a == "--all") all = true;
    else files.push_back(a);
  }
  const auto an = text::analyzer::load_default();
  const auto tg = chronograph::timex::tagger::load_default();
  const auto ex = events::extractor::load_default();
  const auto li = relations::linker::load_default();
  std::vector<merge::document_analysis> analyses;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    document d;
    d.id = f.substr(f.find_last_of('/') + 1);
    d.id = d.id.substr(0, d.id.find('.'));
    d.path = f;
    d.text = ss.str();
    d.dct = dct;
    merge::document_analysis a;
    a.annotated = an->analyze(d);
    a.timexes = tg->tag(a.annotated, a.diagnostics);
    a.events = ex->extract(a.annotated, a.timexes, a.diagnostics);
    a.links = li->link_events(a.annotated, a.timexes, a.events, a.diagnostics);
    if (std::getenv("STORY_DEV_EVENTS")) {
      for (const auto& e : a.events)
        std::cerr << d.id.substr(0, 3) << ":" << e.id << " " << e.trigger << " [" << e.when_value << "|" << e.when_anchor
                  << "|" << e.when_not_before << ".." << e.when_not_after << "] " << e.frame << (e.is_future ? " FUT" : "") << " subj=" << e.subject_count << " actors=" << [&] {
                       std::string s;
                       for (const auto& x : e.actors) s += x + ";";
                       return s;
                     }() << " \"" << e.summary << "\" " << e.salience << " " << events::to_string(e.cls) << "/"
                  << events::to_string(e.tns) << "/" << events::to_string(e.asp) << "/" << events::to_string(e.pol)
                  << (e.modality.empty() ? "" : "/" + e.modality) << " s" << e.sentence
                  << (e.mention_of.empty() ? "" : " of=" + e.mention_of) << "\n";
    }
    analyses.push_back(std::move(a));
  }
  const auto s = merge::build_story(analyses);
  std::map<std::string, std::string> summary;
  for (const auto& e : s.events) {
    summary[e.id] = e.summary;
    if (!all && e.salience < 0.5) continue;
    std::cout << (e.when.value.empty() ? "----------" : e.when.value) << " [" << e.when.anchor << "] "
              << e.salience << " " << e.cls << "/" << e.tense << (e.polarity == "NEG" ? "/NEG" : "") << " "
              << e.id << " \"" << e.summary << "\" trig=" << e.trigger << " actors=";
    for (const auto& a : e.actors) std::cout << a << ";";
    std::cout << " q=";
    for (const auto& q : e.quantities) std::cout << q.text << "(" << q.role << ");";
    std::cout << " docs=";
    for (const auto& m : e.mentions) std::cout << m.doc.substr(0, 3) << ",";
    std::cout << "\n";
  }
  std::cout << "\nLINKS (event-event)\n";
  for (const auto& l : s.links) {
    if (l.to.rfind("ev-", 0) != 0) continue;
    if (!all && l.type != "CAUSES" && l.type != "ENABLES" && l.type != "PREVENTS") continue;
    std::cout << l.type << " \"" << summary[l.from] << "\" -> \"" << summary[l.to] << "\" [" << l.rule << "] \""
              << l.support.text << "\"\n";
  }
  std::cout << "\n" << s.events.size() << " events, " << s.links.size() << " links, " << s.diagnostics.size()
            << " diagnostics\n";
}
