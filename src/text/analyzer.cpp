// SPDX-License-Identifier: MIT
#include "chronograph/text/analyzer.hpp"

#include <optional>

#include "chronograph/text/lemmatizer.hpp"
#include "chronograph/text/parser.hpp"
#include "chronograph/text/segmenter.hpp"
#include "chronograph/text/tagger.hpp"

namespace chronograph::text {

namespace {

class default_analyzer final : public analyzer {
 public:
  default_analyzer(segmenter seg, pos_tagger tagger, lemmatizer lemmas, std::optional<dependency_parser> parser)
      : segmenter_(std::move(seg)),
        tagger_(std::move(tagger)),
        lemmatizer_(std::move(lemmas)),
        parser_(std::move(parser)) {}

  annotated_document analyze(document doc) const override {
    annotated_document out;
    auto seg = segmenter_.segment(doc.text);
    out.sentences = std::move(seg.sentences);
    out.tokens = std::move(seg.tokens);
    // One step at a time over the whole document, so that each model's tables stay in the
    // caches for all its sentences instead of taking turns with the others'.
    tagger_.tag(out.tokens, out.sentences);
    for (const auto& s : out.sentences) {
      lemmatizer_.repair_tags(out.tokens, s.first_token, s.end_token);
      lemmatizer_.lemmatize(out.tokens, s.first_token, s.end_token);
    }
    if (parser_)
      for (const auto& s : out.sentences) parser_->parse(out.tokens, s.first_token, s.end_token);
    out.doc = std::move(doc);
    return out;
  }

 private:
  segmenter segmenter_;
  pos_tagger tagger_;
  lemmatizer lemmatizer_;
  std::optional<dependency_parser> parser_;
};

}  // namespace

std::shared_ptr<const analyzer> analyzer::load(const analyzer_options& options) {
  std::optional<dependency_parser> parser;
  if (options.parse) parser = dependency_parser::load_default();
  return std::make_shared<default_analyzer>(segmenter::load_default(), pos_tagger::load_default(),
                                            lemmatizer::load_default(), std::move(parser));
}

std::shared_ptr<const analyzer> analyzer::load_default() { return load(analyzer_options{}); }

}  // namespace chronograph::text
