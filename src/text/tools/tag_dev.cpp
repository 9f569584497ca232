// SPDX-License-Identifier: MIT
// text_tag_dev FILE...: prints the analysis of plain-text files as CoNLL-U (what `chronograph tag` does).
#include <cstdio>
#include <fstream>
#include <sstream>

#include "chronograph/text/analyzer.hpp"
#include "chronograph/text/conllu.hpp"

int main(int argc, char** argv) {
  const auto analyzer = chronograph::text::analyzer::load_default();
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    chronograph::document doc;
    doc.id = argv[i];
    doc.text = s.str();
    std::fputs(chronograph::text::to_conllu(analyzer->analyze(std::move(doc))).c_str(), stdout);
  }
}
