// SPDX-License-Identifier: MIT
// Learns learned_events.tsv from gold TimeML (see learn.hpp).
#include "chronograph/events/learn.hpp"

#include <map>
#include <sstream>

#include "chronograph/ingest/timeml.hpp"

namespace chronograph::events {
namespace {

const char* coarse(text::upos t) {
  switch (t) {
    case text::upos::verb: case text::upos::aux: return "VERB";
    case text::upos::noun: case text::upos::propn: return "NOUN";
    case text::upos::adj: return "ADJ";
    default: return nullptr;
  }
}

struct tally {
  std::size_t total = 0, events = 0;
  std::map<std::string, std::size_t> classes;
};

}  // namespace

std::string learn_lexicon_table(const std::vector<std::filesystem::path>& train_dirs, const text::analyzer& analyzer,
                                const lexicon& lex, const learn_progress& progress) {
  std::vector<std::filesystem::path> files;
  for (const auto& dir : train_dirs)
    for (auto& f : ingest::timeml_files(dir)) files.push_back(std::move(f));
  std::map<std::pair<std::string, std::string>, tally> counts;
  for (std::size_t n = 0; n < files.size(); ++n) {
    const auto tml = ingest::read_timeml(files[n]);
    const auto annotated = analyzer.analyze(ingest::document_of(tml));
    const auto gold = tml.annotations_with_tag("EVENT");
    for (const auto& w : lex.describe(annotated)) {
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
    if (progress) progress(n + 1, files.size());
  }
  std::ostringstream out;
  out << "# Learned event lexicon: for each lemma and coarse part of speech, how often its tokens are\n"
         "# gold TimeML EVENTs and their most frequent class.\n"
         "# GENERATED — do not edit. Source: TempEval-3 TBAQ-cleaned (";
  for (std::size_t k = 0; k < train_dirs.size(); ++k) out << (k ? ", " : "") << train_dirs[k].filename().string();
  out << "; " << files.size()
      << " documents; distributed by the TempEval-3 organisers for research use; see NOTICE).\n"
         "# Rebuild: chronograph train events --train ../shared/data/tempeval3/TBAQ-cleaned/TimeBank \\\n"
         "#   --out src/events/resources/learned_events.tsv\n"
         "# Only rows seen at least twice. Format: lemma<TAB>POS<TAB>events<TAB>occurrences<TAB>class\n";
  for (const auto& [key, t] : counts) {
    if (t.total < 2) continue;
    std::string cls = "-";
    std::size_t best = 0;
    for (const auto& [c, n] : t.classes)
      if (n > best) best = n, cls = c;
    out << key.first << '\t' << key.second << '\t' << t.events << '\t' << t.total << '\t' << cls << '\n';
  }
  return out.str();
}

}  // namespace chronograph::events
