// SPDX-License-Identifier: MIT
#include "chronograph/text/evaluation.hpp"

#include <algorithm>
#include <cstdio>

namespace chronograph::text {

namespace {

void append_sentence(gold_text& doc, const conllu_sentence& s) {
  const std::size_t base = doc.text.size();
  doc.text += s.text;
  const std::string_view text(doc.text);
  std::size_t pos = base;
  std::size_t first_word = doc.words.size();
  auto locate = [&](const std::string& form) -> byte_span {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (text.compare(pos, form.size(), form) == 0) {
      byte_span span{pos, pos + form.size()};
      pos = span.end;
      return span;
    }
    const auto found = text.find(form, pos);
    if (found == std::string_view::npos) return {pos, pos};
    pos = found + form.size();
    return {found, pos};
  };
  std::size_t w = 0;
  std::size_t mwt = 0;
  while (w < s.words.size()) {
    while (mwt < s.multiwords.size() && s.multiwords[mwt].first < w) ++mwt;
    if (mwt < s.multiwords.size() && s.multiwords[mwt].first == w) {
      const auto& m = s.multiwords[mwt];
      const auto span = locate(m.form);
      std::string joined;
      for (std::size_t k = m.first; k <= m.last && k < s.words.size(); ++k) joined += s.words[k].form;
      std::size_t p = span.begin;
      for (std::size_t k = m.first; k <= m.last && k < s.words.size(); ++k) {
        if (joined == m.form) {
          doc.words.push_back({p, p + s.words[k].form.size()});
          p += s.words[k].form.size();
        } else {
          doc.words.push_back(span);
        }
      }
      w = m.last + 1;
      continue;
    }
    doc.words.push_back(locate(s.words[w].form));
    ++w;
  }
  if (doc.words.size() > first_word)
    doc.sentences.push_back({doc.words[first_word].begin, doc.words.back().end});
}

std::size_t count_common(std::vector<byte_span> a, std::vector<byte_span> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

}  // namespace

std::vector<gold_text> rebuild_raw_text(const std::vector<conllu_sentence>& gold) {
  std::vector<gold_text> docs;
  for (const auto& s : gold) {
    if (docs.empty() || s.new_document) docs.emplace_back();
    auto& doc = docs.back();
    if (!doc.text.empty()) doc.text += s.new_paragraph ? "\n\n" : " ";
    append_sentence(doc, s);
  }
  return docs;
}

segmentation_scores evaluate_segmentation(const segmenter& seg, const std::vector<conllu_sentence>& gold) {
  segmentation_scores scores;
  for (const auto& doc : rebuild_raw_text(gold)) {
    const auto result = seg.segment(doc.text);
    std::vector<byte_span> words, sentences;
    for (const auto& t : result.tokens) words.push_back(t.span);
    for (const auto& s : result.sentences) sentences.push_back(s.span);
    scores.tokens.gold += doc.words.size();
    scores.tokens.predicted += words.size();
    scores.tokens.correct += count_common(words, doc.words);
    scores.sentences.gold += doc.sentences.size();
    scores.sentences.predicted += sentences.size();
    scores.sentences.correct += count_common(sentences, doc.sentences);
    ++scores.documents;
  }
  return scores;
}

std::vector<token> gold_tokens(const conllu_sentence& sentence) {
  std::vector<token> tokens(sentence.words.size());
  std::size_t pos = 0;
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    tokens[i].form = sentence.words[i].form;
    tokens[i].span = {pos, pos + tokens[i].form.size()};
    pos = tokens[i].span.end + (sentence.words[i].space_after ? 1 : 0);
  }
  return tokens;
}

tagging_scores evaluate_tagging(const pos_tagger& tagger, const lemmatizer& lemmas, const std::vector<conllu_sentence>& gold) {
  tagging_scores scores;
  for (const auto& s : gold) {
    auto tokens = gold_tokens(s);
    tagger.tag(tokens, 0, tokens.size());
    lemmas.repair_tags(tokens, 0, tokens.size());
    lemmas.lemmatize(tokens, 0, tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      ++scores.words;
      scores.upos_correct += s.words[i].upos == to_string(tokens[i].tag);
      scores.xpos_correct += s.words[i].xpos == tokens[i].xpos;
      scores.lemma_correct += s.words[i].lemma == tokens[i].lemma;
    }
  }
  return scores;
}

parsing_scores evaluate_parsing(const pos_tagger& tagger, const dependency_parser& parser,
                                const std::vector<conllu_sentence>& gold) {
  parsing_scores scores;
  for (const auto& s : gold) {
    auto tokens = gold_tokens(s);
    tagger.tag(tokens, 0, tokens.size());
    parser.parse(tokens, 0, tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      ++scores.words;
      if (tokens[i].head == s.words[i].head) {
        ++scores.head_correct;
        if (tokens[i].deprel == s.words[i].deprel) ++scores.label_correct;
      }
    }
  }
  return scores;
}

text_stage_scores evaluate_text_stage(const std::vector<conllu_sentence>& gold, bool with_parser) {
  text_stage_scores scores;
  const auto tagger = pos_tagger::load_default();
  scores.segmentation = evaluate_segmentation(segmenter::load_default(), gold);
  scores.tagging = evaluate_tagging(tagger, lemmatizer::load_default(), gold);
  if (with_parser) {
    scores.parsing = evaluate_parsing(tagger, dependency_parser::load_default(), gold);
    scores.has_parsing = true;
  }
  return scores;
}

std::string format_scores(const text_stage_scores& scores) {
  std::string out;
  char line[160];
  auto add = [&](const char* name, double value) {
    std::snprintf(line, sizeof line, "%-28s %.4f\n", name, value);
    out += line;
  };
  const auto& seg = scores.segmentation;
  std::snprintf(line, sizeof line, "documents %zu, words %zu\n", seg.documents, scores.tagging.words);
  out += line;
  add("token precision (raw text)", seg.tokens.precision());
  add("token recall (raw text)", seg.tokens.recall());
  add("token F1 (raw text)", seg.tokens.f1());
  add("sentence precision", seg.sentences.precision());
  add("sentence recall", seg.sentences.recall());
  add("sentence F1 (raw text)", seg.sentences.f1());
  add("UPOS accuracy", scores.tagging.upos_accuracy());
  add("XPOS accuracy", scores.tagging.xpos_accuracy());
  add("lemma accuracy", scores.tagging.lemma_accuracy());
  if (scores.has_parsing) {
    add("UAS", scores.parsing.uas());
    add("LAS", scores.parsing.las());
  }
  return out;
}

}  // namespace chronograph::text
