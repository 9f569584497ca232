// SPDX-License-Identifier: MIT
// Evaluation of the text stage on UD English EWT test (label "eval"): segmentation from raw text,
// tags and lemmas on gold tokens, dependencies on gold tokens with predicted tags. Exits 77 (skipped) when the shared data is absent, 1 when a
// score falls below its floor. `--errors` lists lemma errors for development.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include "chronograph/text/evaluation.hpp"

using namespace chronograph::text;

namespace {
// Floors from issue 4; CI fails below them.
constexpr double token_f1_floor = 0.985;
constexpr double sentence_f1_floor = 0.80;
constexpr double upos_floor = 0.95;
constexpr double xpos_floor = 0.945;
constexpr double lemma_floor = 0.97;
constexpr double uas_floor = 0.84;
constexpr double las_floor = 0.80;

bool check(const char* name, double value, double floor) {
  const bool ok = value >= floor;
  std::printf("%-22s %.4f  (floor %.3f) %s\n", name, value, floor, ok ? "ok" : "BELOW FLOOR");
  return ok;
}
}  // namespace

int main(int argc, char** argv) {
  const bool show_errors = argc > 1 && std::strcmp(argv[1], "--errors") == 0;
  const std::filesystem::path dir = std::filesystem::path(CHRONOGRAPH_SHARED_DATA) / "ud-english-ewt";
  if (!std::filesystem::exists(dir)) {
    std::printf("SKIPPED: %s not found (set CHRONOGRAPH_SHARED_DATA to the shared data directory)\n", dir.string().c_str());
    return 77;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    const auto gold = read_conllu(find_ud_file(dir, "test"));
    const auto seg = segmenter::load_default();
    const auto tagger = pos_tagger::load_default();
    const auto lemmas = lemmatizer::load_default();
    const auto parser = dependency_parser::load_default();
    const auto s = evaluate_segmentation(seg, gold);
    const auto t = evaluate_tagging(tagger, lemmas, gold);
    const auto p = evaluate_parsing(tagger, parser, gold);
    std::printf("UD English EWT test: %zu documents, %zu sentences, %zu words\n", s.documents, gold.size(), t.words);
    std::printf("tokens: P %.4f R %.4f; sentences: P %.4f R %.4f\n", s.tokens.precision(), s.tokens.recall(),
                s.sentences.precision(), s.sentences.recall());
    bool ok = true;
    ok &= check("token F1 (raw text)", s.tokens.f1(), token_f1_floor);
    ok &= check("sentence F1 (raw text)", s.sentences.f1(), sentence_f1_floor);
    ok &= check("UPOS accuracy", t.upos_accuracy(), upos_floor);
    ok &= check("XPOS accuracy", t.xpos_accuracy(), xpos_floor);
    ok &= check("lemma accuracy", t.lemma_accuracy(), lemma_floor);
    ok &= check("parser UAS", p.uas(), uas_floor);
    ok &= check("parser LAS", p.las(), las_floor);
    if (show_errors) {
      std::map<std::string, int> errors;
      for (const auto& sent : gold) {
        auto tokens = gold_tokens(sent);
        tagger.tag(tokens, 0, tokens.size());
        lemmas.lemmatize(tokens, 0, tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i)
          if (tokens[i].lemma != sent.words[i].lemma)
            ++errors[tokens[i].form + " " + tokens[i].xpos + " -> " + tokens[i].lemma + " gold " + sent.words[i].lemma];
      }
      std::multimap<int, std::string, std::greater<int>> sorted;
      for (const auto& [k, v] : errors) sorted.emplace(v, k);
      int shown = 0;
      for (const auto& [v, k] : sorted) {
        if (++shown > 150) break;
        std::printf("%4d %s\n", v, k.c_str());
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("evaluation took %.1f s\n", seconds);
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::printf("error: %s\n", e.what());
    return 1;
  }
}
