// SPDX-License-Identifier: MIT
// Arc-standard transition parser. A configuration is a stack (ROOT at the bottom), a buffer
// pointer and the arcs built so far; transitions are SHIFT, LEFT-ARC(label) (s0 heads s1) and
// RIGHT-ARC(label) (s1 heads s0). Training follows the static oracle on projective sentences.
#include "chronograph/text/parser.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/text/tagger.hpp"
#include "features.hpp"
#include "perceptron.hpp"

namespace chronograph::text {

namespace {
constexpr std::string_view magic_line = "chronograph-dep-parser 2";
constexpr std::size_t max_features = 64;
constexpr std::uint64_t none_atom = 0x4E4F4E45ull;  // "NONE"
constexpr std::uint64_t root_atom = 0x524F4F54ull;  // "ROOT"
}  // namespace

struct dependency_parser::model {
  std::vector<std::string> labels;
  std::size_t root_label = 0;
  detail::weight_table weights;
  [[nodiscard]] std::size_t classes() const noexcept { return 1 + 2 * labels.size(); }
};

namespace {

enum class move { shift, left, right };
inline move move_of(std::size_t cls) { return cls == 0 ? move::shift : (cls % 2 == 1 ? move::left : move::right); }
inline std::size_t label_of(std::size_t cls) { return (cls - 1) / 2; }
inline std::size_t left_class(std::size_t label) { return 1 + 2 * label; }
inline std::size_t right_class(std::size_t label) { return 2 + 2 * label; }

// One sentence being parsed; index 0 is ROOT, words are 1..n.
struct configuration {
  std::size_t n = 0;
  std::vector<std::uint64_t> word, tag;
  std::vector<int> stack;
  std::size_t next = 1;  // first buffer word
  std::vector<int> head;
  std::vector<int> label;
  std::vector<int> lc1, lc2, rc1, rc2;
  std::vector<int> n_left, n_right;
  std::vector<std::uint64_t> left_labels, right_labels;  // label bit sets

  void init(const std::vector<std::uint64_t>& words, const std::vector<std::uint64_t>& tags) {
    n = words.size();
    word.assign(1, root_atom);
    word.insert(word.end(), words.begin(), words.end());
    tag.assign(1, root_atom);
    tag.insert(tag.end(), tags.begin(), tags.end());
    stack.assign(1, 0);
    next = 1;
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    lc1.assign(n + 1, -1);
    lc2 = rc1 = rc2 = lc1;
    n_left.assign(n + 1, 0);
    n_right = n_left;
    left_labels.assign(n + 1, 0);
    right_labels = left_labels;
  }
  [[nodiscard]] bool terminal() const noexcept { return stack.size() == 1 && next > n; }
  [[nodiscard]] bool legal(std::size_t cls) const noexcept {
    switch (move_of(cls)) {
      case move::shift: return next <= n;
      case move::left: return stack.size() >= 2 && stack[stack.size() - 2] != 0;
      case move::right:
        return stack.size() >= 2 && (stack[stack.size() - 2] != 0 || next > n);
    }
    return false;
  }
  void apply(std::size_t cls) {
    switch (move_of(cls)) {
      case move::shift: stack.push_back(static_cast<int>(next++)); return;
      case move::left: {
        const int s0 = stack.back(), s1 = stack[stack.size() - 2];
        attach(s0, s1, static_cast<int>(label_of(cls)));
        stack.erase(stack.end() - 2);
        return;
      }
      case move::right: {
        const int s0 = stack.back(), s1 = stack[stack.size() - 2];
        attach(s1, s0, static_cast<int>(label_of(cls)));
        stack.pop_back();
        return;
      }
    }
  }
  void attach(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    const auto bit = 1ull << (static_cast<unsigned>(l) & 63u);
    if (d < h) {  // new left children are ever further left
      lc2[h] = lc1[h];
      lc1[h] = d;
      ++n_left[h];
      left_labels[h] |= bit;
    } else {  // new right children are ever further right
      rc2[h] = rc1[h];
      rc1[h] = d;
      ++n_right[h];
      right_labels[h] |= bit;
    }
  }
  [[nodiscard]] int stack_at(std::size_t depth) const noexcept {
    return depth < stack.size() ? stack[stack.size() - 1 - depth] : -1;
  }
  [[nodiscard]] int buffer_at(std::size_t offset) const noexcept {
    return next + offset <= n ? static_cast<int>(next + offset) : -1;
  }
  [[nodiscard]] std::uint64_t w(int i) const noexcept { return i < 0 ? none_atom : word[static_cast<std::size_t>(i)]; }
  [[nodiscard]] std::uint64_t t(int i) const noexcept { return i < 0 ? none_atom : tag[static_cast<std::size_t>(i)]; }
  [[nodiscard]] std::uint64_t l(int i) const noexcept {
    return i < 0 ? none_atom : static_cast<std::uint64_t>(label[static_cast<std::size_t>(i)] + 1);
  }
  [[nodiscard]] int child(const std::vector<int>& of, int i) const noexcept { return i < 0 ? -1 : of[static_cast<std::size_t>(i)]; }
};

std::size_t extract(const configuration& c, std::uint64_t* f) {
  using detail::feature_key;
  const int s0 = c.stack_at(0), s1 = c.stack_at(1), s2 = c.stack_at(2);
  const int b0 = c.buffer_at(0), b1 = c.buffer_at(1), b2 = c.buffer_at(2);
  const auto s0w = c.w(s0), s0t = c.t(s0), s1w = c.w(s1), s1t = c.t(s1), b0w = c.w(b0), b0t = c.t(b0);
  const auto b1w = c.w(b1), b1t = c.t(b1), b2t = c.t(b2), s2t = c.t(s2);
  const int s0l1 = c.child(c.lc1, s0), s0l2 = c.child(c.lc2, s0), s0r1 = c.child(c.rc1, s0), s0r2 = c.child(c.rc2, s0);
  const int s1l1 = c.child(c.lc1, s1), s1r1 = c.child(c.rc1, s1), s1r2 = c.child(c.rc2, s1), s1l2 = c.child(c.lc2, s1);
  const int s0l1l1 = c.child(c.lc1, s0l1), s1r1r1 = c.child(c.rc1, s1r1);
  const std::uint64_t s0t_s1t = detail::mix64(s0t * 31 + s1t);
  std::uint64_t dist = 0;
  if (s0 > 0 && s1 > 0) {
    const int d = s0 - s1;
    dist = static_cast<std::uint64_t>(d >= 10 ? 10 : (d >= 5 ? 5 : d));
  }
  const auto vl = [&](const std::vector<int>& v, int i) -> std::uint64_t { return i < 0 ? 99 : static_cast<std::uint64_t>(std::min(v[i], 6)); };
  const auto ls = [&](const std::vector<std::uint64_t>& v, int i) -> std::uint64_t { return i < 0 ? none_atom : v[i]; };
  std::size_t n = 0;
  f[n++] = feature_key(101, 0);
  f[n++] = feature_key(102, s0w);
  f[n++] = feature_key(103, s0t);
  f[n++] = feature_key(104, s0w, s0t);
  f[n++] = feature_key(105, s1w);
  f[n++] = feature_key(106, s1t);
  f[n++] = feature_key(107, s1w, s1t);
  f[n++] = feature_key(108, b0w);
  f[n++] = feature_key(109, b0t);
  f[n++] = feature_key(110, b0w, b0t);
  f[n++] = feature_key(111, b1w);
  f[n++] = feature_key(112, b1t);
  f[n++] = feature_key(113, b2t);
  f[n++] = feature_key(114, s2t);
  f[n++] = feature_key(115, b1w, b1t);
  f[n++] = feature_key(116, s0w, s1w);
  f[n++] = feature_key(117, s0t_s1t);
  f[n++] = feature_key(118, s0w, s1t);
  f[n++] = feature_key(119, s0t, s1w);
  f[n++] = feature_key(120, detail::mix64(s0w ^ s0t), s1t);
  f[n++] = feature_key(121, detail::mix64(s1w ^ s1t), s0t);
  f[n++] = feature_key(122, s0t_s1t, b0t);
  f[n++] = feature_key(123, s0t_s1t, s2t);
  f[n++] = feature_key(124, detail::mix64(s0t * 7 + b0t), b1t);
  f[n++] = feature_key(125, detail::mix64(b0t * 7 + b1t), b2t);
  f[n++] = feature_key(126, s0t, b0t);
  f[n++] = feature_key(127, s0w, b0w);
  f[n++] = feature_key(128, s1t, b0t);
  f[n++] = feature_key(129, s0w, b0t);
  f[n++] = feature_key(130, s0t, b0w);
  f[n++] = feature_key(131, s0t_s1t, dist);
  f[n++] = feature_key(132, s0w, dist);
  f[n++] = feature_key(133, s1w, dist);
  f[n++] = feature_key(134, s0t, vl(c.n_left, s0));
  f[n++] = feature_key(135, s0t, vl(c.n_right, s0));
  f[n++] = feature_key(136, s1t, vl(c.n_left, s1));
  f[n++] = feature_key(137, s1t, vl(c.n_right, s1));
  f[n++] = feature_key(138, c.t(s0l1));
  f[n++] = feature_key(139, c.l(s0l1));
  f[n++] = feature_key(140, c.t(s0r1));
  f[n++] = feature_key(141, c.l(s0r1));
  f[n++] = feature_key(142, c.t(s1l1));
  f[n++] = feature_key(143, c.l(s1l1));
  f[n++] = feature_key(144, c.t(s1r1));
  f[n++] = feature_key(145, c.l(s1r1));
  f[n++] = feature_key(146, c.l(s0l2));
  f[n++] = feature_key(147, c.l(s1r2));
  f[n++] = feature_key(148, c.t(s0l1l1));
  f[n++] = feature_key(149, c.t(s1r1r1));
  f[n++] = feature_key(150, s0t_s1t, c.t(s0l1));
  f[n++] = feature_key(151, s0t_s1t, c.t(s0r1));
  f[n++] = feature_key(152, s0t_s1t, c.t(s1l1));
  f[n++] = feature_key(153, s0t_s1t, c.t(s1r1));
  f[n++] = feature_key(154, s0w, c.l(s0l1));
  f[n++] = feature_key(155, s1w, c.l(s1r1));
  f[n++] = feature_key(156, s0t, ls(c.left_labels, s0));
  f[n++] = feature_key(157, s1t, ls(c.right_labels, s1));
  f[n++] = feature_key(158, s0t, ls(c.right_labels, s0));
  f[n++] = feature_key(159, s1t, ls(c.left_labels, s1));
  f[n++] = feature_key(160, c.l(s0r2));
  f[n++] = feature_key(161, c.l(s1l2));
  f[n++] = feature_key(162, detail::mix64(s1w ^ s1t), b0t);
  return n;
}

std::uint64_t tag_atom(std::string_view xpos) { return detail::hash_bytes(xpos) ^ 0x544147ull; }
std::uint64_t word_atom(std::string_view form) { return detail::lower_key(form); }

// The best-scoring legal class among the first `classes` scores.
template <typename Score>
std::size_t best_legal(const configuration& c, const Score* scores, std::size_t classes) {
  // Legality depends only on the move: classes 0, 1 and 2 are a SHIFT, a LEFT-ARC and a RIGHT-ARC.
  const bool legal[3] = {c.legal(0), c.legal(1), c.legal(2)};
  std::size_t best = classes;
  if (legal[0] && legal[1] && legal[2]) {  // the usual case: a plain arg max
    best = 0;
    for (std::size_t k = 1; k < classes; ++k)
      if (scores[k] > scores[best]) best = k;
    return best;
  }
  for (std::size_t k = 0; k < classes; ++k)
    if (legal[static_cast<int>(move_of(k))] && (best == classes || scores[k] > scores[best])) best = k;
  return best;
}

// Static arc-standard oracle; returns scores.size()-like sentinel (SIZE_MAX) when stuck (non-projective).
std::size_t oracle(const configuration& c, const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                   const std::vector<int>& gold_children, const std::vector<int>& attached) {
  if (c.stack.size() >= 2) {
    const int s0 = c.stack.back(), s1 = c.stack[c.stack.size() - 2];
    if (s1 != 0 && gold_head[s1] == s0) return left_class(static_cast<std::size_t>(gold_label[s1]));
    if (gold_head[s0] == s1 && attached[s0] == gold_children[s0] && (s1 != 0 || c.next > c.n))
      return right_class(static_cast<std::size_t>(gold_label[s0]));
  }
  if (c.next <= c.n) return 0;
  return SIZE_MAX;
}

struct training_sentence {
  std::vector<std::uint64_t> words, tags;
  std::vector<int> head, label, children;  // 1-based, index 0 = ROOT
};

}  // namespace

dependency_parser dependency_parser::train(const std::vector<conllu_sentence>& sentences, const parser_training_options& options) {
  auto m = std::make_shared<model>();
  std::map<std::string, int> label_ids;
  for (const auto& s : sentences)
    for (const auto& w : s.words) label_ids.emplace(w.deprel, 0);
  label_ids.emplace("root", 0);
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(m->labels.size());
    m->labels.push_back(name);
  }
  m->root_label = static_cast<std::size_t>(label_ids.at("root"));

  // Tags for training: jackknifed predictions (each fold tagged by a tagger trained on the others).
  std::vector<std::vector<std::string>> tags(sentences.size());
  if (options.jackknife_folds >= 2) {
    for (int fold = 0; fold < options.jackknife_folds; ++fold) {
      std::vector<conllu_sentence> rest;
      for (std::size_t i = 0; i < sentences.size(); ++i)
        if (static_cast<int>(i % static_cast<std::size_t>(options.jackknife_folds)) != fold) rest.push_back(sentences[i]);
      tagger_training_options tagger_options;
      tagger_options.epochs = 5;
      tagger_options.seed = options.seed + static_cast<std::uint64_t>(fold);
      const auto tagger = pos_tagger::train(rest, tagger_options);
      for (std::size_t i = static_cast<std::size_t>(fold); i < sentences.size(); i += static_cast<std::size_t>(options.jackknife_folds)) {
        std::vector<std::string> forms;
        for (const auto& w : sentences[i].words) forms.push_back(w.form);
        for (auto& [u, x] : tagger.tag_words(forms)) tags[i].push_back(x);
      }
    }
  } else {
    for (std::size_t i = 0; i < sentences.size(); ++i)
      for (const auto& w : sentences[i].words) tags[i].push_back(w.xpos);
  }

  std::vector<training_sentence> data;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    training_sentence t;
    t.head.assign(s.words.size() + 1, -1);
    t.label.assign(s.words.size() + 1, 0);
    t.children.assign(s.words.size() + 1, 0);
    int roots = 0;
    bool ok = true;
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      t.words.push_back(word_atom(s.words[k].form));
      t.tags.push_back(tag_atom(tags[i][k]));
      const int h = s.words[k].head + 1;  // 0 = ROOT
      if (h < 0 || h > static_cast<int>(s.words.size())) ok = false;
      t.head[k + 1] = h;
      t.label[k + 1] = label_ids.at(h == 0 ? std::string("root") : s.words[k].deprel);
      if (h == 0) ++roots;
      if (h >= 0 && h <= static_cast<int>(s.words.size())) ++t.children[static_cast<std::size_t>(h)];
    }
    if (!ok || roots != 1) continue;
    // Keep only sentences the static oracle can derive (projective trees).
    configuration c;
    c.init(t.words, t.tags);
    std::vector<int> attached(s.words.size() + 1, 0);
    bool derivable = true;
    while (!c.terminal()) {
      const auto cls = oracle(c, t.head, t.label, t.children, attached);
      if (cls == SIZE_MAX) {
        derivable = false;
        break;
      }
      if (move_of(cls) == move::left) ++attached[c.stack.back()];
      if (move_of(cls) == move::right) ++attached[c.stack[c.stack.size() - 2]];
      c.apply(cls);
    }
    if (derivable) data.push_back(std::move(t));
  }
  if (data.empty()) throw input_error("parser training: no projective sentences in the training data");

  detail::perceptron_trainer trainer(m->classes());
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  detail::split_mix rng(options.seed);
  std::vector<float> scores(m->classes());
  std::uint64_t feats[max_features];
  configuration c;
  std::vector<int> attached;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    for (const auto index : order) {
      const auto& t = data[index];
      c.init(t.words, t.tags);
      attached.assign(t.words.size() + 1, 0);
      while (!c.terminal()) {
        const auto gold = oracle(c, t.head, t.label, t.children, attached);
        if (gold == SIZE_MAX) break;
        const auto n = extract(c, feats);
        trainer.score(feats, n, scores.data());
        const auto guess = best_legal(c, scores.data(), scores.size());
        trainer.tick();
        trainer.update(feats, n, gold, guess);
        if (move_of(gold) == move::left) ++attached[c.stack.back()];
        if (move_of(gold) == move::right) ++attached[c.stack[c.stack.size() - 2]];
        c.apply(gold);
      }
    }
  }
  m->weights.build(trainer.averaged(options.prune_below), m->classes());
  dependency_parser p;
  p.model_ = std::move(m);
  return p;
}

void dependency_parser::parse(std::vector<token>& tokens, std::size_t first, std::size_t end) const {
  if (end <= first) return;
  const auto& m = *model_;
  std::vector<std::uint64_t> words, tags;
  words.reserve(end - first);
  tags.reserve(end - first);
  for (std::size_t k = first; k < end; ++k) {
    words.push_back(word_atom(tokens[k].form));
    tags.push_back(tag_atom(tokens[k].xpos));
  }
  configuration c;
  c.init(words, tags);
  std::vector<std::int32_t> scores(m.weights.score_size());
  std::uint64_t feats[max_features];
  while (!c.terminal()) {
    if (c.stack.size() == 1) {  // only SHIFT is legal: no need to score
      c.apply(0);
      continue;
    }
    const auto n = extract(c, feats);
    std::fill(scores.begin(), scores.end(), 0);
    m.weights.add_all(feats, n, scores.data());
    const auto best = best_legal(c, scores.data(), m.classes());
    c.apply(best);
  }
  for (std::size_t i = 1; i <= c.n; ++i) {
    auto& tok = tokens[first + i - 1];
    const int h = c.head[i];
    tok.head = h <= 0 ? -1 : h - 1;
    tok.deprel = h <= 0 ? m.labels[m.root_label] : m.labels[static_cast<std::size_t>(c.label[i])];
  }
}

void dependency_parser::save(const std::filesystem::path& path, const std::vector<std::string>& header_lines) const {
  std::string data = detail::model_file_header(header_lines, magic_line);
  detail::binary_writer out(data);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(model_->labels.size()));
  for (const auto& l : model_->labels) out.put_string(l);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(model_->root_label));
  model_->weights.write(out);
  detail::write_model_file(path, data);
}

dependency_parser dependency_parser::load(const std::filesystem::path& path) {
  const auto file = detail::read_model_file(path, magic_line, "parser model");
  detail::binary_reader in(file.body(), path.string());
  auto m = std::make_shared<model>();
  const auto labels = in.get<std::uint32_t>();
  if (labels == 0 || labels > 1000) in.fail("bad label count");
  for (std::uint32_t i = 0; i < labels; ++i) m->labels.push_back(in.get_string());
  m->root_label = in.get<std::uint32_t>();
  if (m->root_label >= labels) in.fail("bad root label");
  m->weights.read(in, m->classes());
  if (!in.at_end()) in.fail("trailing data");
  dependency_parser p;
  p.model_ = std::move(m);
  return p;
}

dependency_parser dependency_parser::load_default() { return load(resource_path("text", "dep_parser.model")); }

std::size_t dependency_parser::label_count() const noexcept { return model_ ? model_->labels.size() : 0; }

dependency_parser train_parser_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out,
                                       const parser_training_options& options) {
  const auto train_file = find_ud_file(ud_dir, "train");
  const auto parser = dependency_parser::train(read_conllu(train_file), options);
  parser.save(out, {
      "chronograph dependency parser: greedy arc-standard, averaged perceptron over hashed features",
      "data: Universal Dependencies English EWT, " + train_file.filename().string() +
          " (https://universaldependencies.org/treebanks/en_ewt/); projective sentences, jackknifed tags",
      "license: the training data is CC BY-SA 4.0; this model derives from it and is distributed under CC BY-SA 4.0",
      "rebuild: chronograph train parser --ud <UD_English-EWT dir> --out " + out.filename().string(),
      "options: epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
          " jackknife_folds=" + std::to_string(options.jackknife_folds) +
          " prune_below=" + std::to_string(options.prune_below),
      "format: these '#' lines, the line 'chronograph-dep-parser 2', then little-endian binary tables",
  });
  return parser;
}

}  // namespace chronograph::text
