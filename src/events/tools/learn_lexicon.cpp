// SPDX-License-Identifier: MIT
// Learns the events stage's data-driven lexicon (resources/learned_events.tsv) from gold TimeML:
// for every (lemma, coarse part of speech) seen in the training documents, how often a token of
// it is a gold EVENT and the EVENT class it most often has. The extractor uses it to accept
// event nouns and adjectives the hand lexicon lacks, to reject verbs that are rarely events
// ("have", "include", "accord"), and to pick a class for unlisted lemmas.
//   events_learn_lexicon TRAIN_DIR... > src/events/resources/learned_events.tsv
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/text/analyzer.hpp"

using namespace chronograph;

namespace {

const char* coarse(text::upos t) {
  switch (t) {
    case text::upos::verb: return "VERB";
    case text::upos::aux: return "VERB";
    case text::upos::noun: return "NOUN";
    case text::upos::propn: return "NOUN";
    case text::upos::adj: return "ADJ";
    default: return nullptr;
  }
}

struct tally {
  std::size_t total = 0, events = 0;
  std::map<std::string, std::size_t> classes;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: events_learn_lexicon TRAIN_DIR...\n";
    return 2;
  }
  const auto an = text::analyzer::load_default();
  const auto lex = events::lexicon::load_default();
  std::map<std::pair<std::string, std::string>, tally> counts;
  std::size_t documents = 0;
  std::vector<std::string> dirs;
  for (int k = 1; k < argc; ++k) {
    dirs.push_back(std::filesystem::path(argv[k]).filename().string());
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(argv[k]))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const auto tml = ingest::read_timeml(f);
      document d;
      d.id = tml.docid;
      d.text = tml.text;
      const auto annotated = an->analyze(d);
      const auto words = lex->describe(annotated);
      const auto gold = tml.annotations_with_tag("EVENT");
      ++documents;
      for (const auto& w : words) {
        // Auxiliary uses ("has said") are not the verb's own events: counted apart.
        const char* pos = !w.aux.empty() || w.tag == text::upos::aux ? "AUX" : coarse(w.tag);
        if (!pos || w.lemma.empty()) continue;
        const auto span = annotated.tokens[w.token].span;
        auto& t = counts[{w.lemma, pos}];
        ++t.total;
        for (const auto* g : gold)
          if (g->span.overlaps(span)) {
            ++t.events;
            ++t.classes[std::string(g->attr("class"))];
            break;
          }
      }
    }
  }
  std::cout << "# Learned event lexicon: for each lemma and coarse part of speech, how often its tokens are\n"
               "# gold TimeML EVENTs and their most frequent class.\n"
               "# GENERATED — do not edit. Source: TempEval-3 TBAQ-cleaned (";
  for (std::size_t k = 0; k < dirs.size(); ++k) std::cout << (k ? ", " : "") << dirs[k];
  std::cout << "; " << documents
            << " documents; distributed by the TempEval-3 organisers for research use; see NOTICE).\n"
               "# Rebuild: cmake --build build --target events_learn_lexicon &&\n"
               "#   build/src/events/events_learn_lexicon ../shared/data/tempeval3/TBAQ-cleaned/TimeBank\n"
               "#   > src/events/resources/learned_events.tsv\n"
               "# Only rows seen at least twice. Format: lemma<TAB>POS<TAB>events<TAB>occurrences<TAB>class\n";
  for (const auto& [key, t] : counts) {
    if (t.total < 2) continue;
    std::string cls = "-";
    std::size_t best = 0;
    for (const auto& [c, n] : t.classes)
      if (n > best) best = n, cls = c;
    std::cout << key.first << '\t' << key.second << '\t' << t.events << '\t' << t.total << '\t' << cls << '\n';
  }
  return 0;
}
