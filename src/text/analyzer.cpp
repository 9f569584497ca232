// SPDX-License-Identifier: MIT
#include "chronograph/text/analyzer.hpp"

#include "chronograph/text/segmenter.hpp"

namespace chronograph::text {

namespace {

class default_analyzer final : public analyzer {
 public:
  explicit default_analyzer(segmenter seg) : segmenter_(std::move(seg)) {}

  annotated_document analyze(document doc) const override {
    annotated_document out;
    auto seg = segmenter_.segment(doc.text);
    out.sentences = std::move(seg.sentences);
    out.tokens = std::move(seg.tokens);
    out.doc = std::move(doc);
    return out;
  }

 private:
  segmenter segmenter_;
};

}  // namespace

std::shared_ptr<const analyzer> analyzer::load_default() {
  return std::make_shared<default_analyzer>(segmenter::load_default());
}

}  // namespace chronograph::text
