// dev only (not built by default): segmentation scores and error listing on a UD file
#include <algorithm>
#include <cstdio>
#include <set>
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
      std::set<std::size_t> gold_ends, pred_ends;
      for (auto& g : doc.sentences) gold_ends.insert(g.end);
      for (auto& p : r.sentences) pred_ends.insert(p.span.end);
      for (auto e : gold_ends) if (!pred_ends.count(e)) {
        auto a = e >= 40 ? e - 40 : 0;
        std::string ctx = doc.text.substr(a, 70); for (auto& c : ctx) if (c=='\n') c='|';
        std::printf("MISS %s || %s\n", ctx.substr(0, e - a).c_str(), ctx.substr(e - a).c_str());
      }
      for (auto e : pred_ends) if (!gold_ends.count(e)) {
        auto a = e >= 40 ? e - 40 : 0;
        std::string ctx = doc.text.substr(a, 70); for (auto& c : ctx) if (c=='\n') c='|';
        std::printf("EXTRA %s || %s\n", ctx.substr(0, e - a).c_str(), ctx.substr(e - a).c_str());
      }
    }
  }
}
