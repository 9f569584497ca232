// SPDX-License-Identifier: MIT
// Rebuilds the text stage's shipped models: text_train_models UD_DIR OUT_DIR
// (the CLI's `chronograph train tagger|parser` make the same calls).
#include <cstdio>
#include <exception>

#include "chronograph/text/lemmatizer.hpp"
#include "chronograph/text/parser.hpp"
#include "chronograph/text/tagger.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: text_train_models UD_DIR OUT_DIR\n");
    return 2;
  }
  try {
    const std::filesystem::path out(argv[2]);
    chronograph::text::train_tagger_from_ud(argv[1], out / "pos_tagger.model");
    chronograph::text::train_lemma_lexicon_from_ud(argv[1], out / "lemma_lexicon.tsv");
    chronograph::text::train_parser_from_ud(argv[1], out / "dep_parser.model");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
