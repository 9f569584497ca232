// dev only (not built by default)
#include <cstdio>
#include "chronograph/text/evaluation.hpp"
using namespace chronograph::text;
int main(int argc, char** argv) {
  const auto gold = read_conllu(argv[1]);
  const auto seg = segmenter::load_default();
  const auto s = evaluate_segmentation(seg, gold);
  std::printf("docs %zu tokens P %.4f R %.4f F %.4f | sentences P %.4f R %.4f F %.4f\n", s.documents, s.tokens.precision(), s.tokens.recall(), s.tokens.f1(), s.sentences.precision(), s.sentences.recall(), s.sentences.f1());
  if (argc > 2) {
    for (const auto& doc : rebuild_raw_text(gold)) {
      auto r = seg.segment(doc.text);
      std::vector<chronograph::byte_span> p; for (auto& t : r.tokens) p.push_back(t.span);
      std::size_t i=0,j=0;
      while (i<p.size() && j<doc.words.size()) {
        if (p[i]==doc.words[j]) {++i;++j;continue;}
        std::size_t lo = std::min(p[i].begin, doc.words[j].begin);
        std::size_t hi = std::max(p[i].end, doc.words[j].end);
        // advance until both end at same position
        while (true) { if (p[i].end < doc.words[j].end) {++i;} else if (doc.words[j].end < p[i].end) {++j;} else {++i;++j;break;} if (i>=p.size()||j>=doc.words.size()) break; hi = std::max(hi, std::max(i<p.size()?p[i].end:0, j<doc.words.size()?doc.words[j].end:0)); }
        std::printf("TOK %s\n", doc.text.substr(lo, hi-lo).c_str());
      }
    }
  }
}
