// SPDX-License-Identifier: MIT
#include "chronograph/text/tagger.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "features.hpp"
#include "perceptron.hpp"

namespace chronograph::text {

namespace {
constexpr std::string_view magic_line = "chronograph-pos-tagger 3";
constexpr std::size_t max_features = 40;  // extract() writes 35
constexpr std::uint16_t no_class = 0xFFFF;
}  // namespace

struct pos_tagger::model {
  std::vector<std::string> upos_names;
  std::vector<std::string> xpos_names;
  std::vector<upos> upos_tags;
  std::unordered_map<std::string, std::uint16_t> tagdict;  // normalised form -> class
  std::unordered_map<std::string, std::uint64_t> ambiguity;  // lower-cased form -> hash of its tag set
  // Lookup copies keyed by the 64-bit hash of the spelling (no string compares on the hot path).
  detail::hash_map64<std::uint16_t> tagdict_by_hash;
  detail::hash_map64<std::uint64_t> ambiguity_by_hash;

  void index() {
    tagdict_by_hash.build(hashed(tagdict));
    ambiguity_by_hash.build(hashed(ambiguity));
  }
  template <typename V>
  static std::vector<std::pair<std::uint64_t, V>> hashed(const std::unordered_map<std::string, V>& by_form) {
    std::vector<std::pair<std::string, V>> sorted(by_form.begin(), by_form.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::pair<std::uint64_t, V>> out;
    out.reserve(sorted.size());
    for (const auto& [form, value] : sorted) out.emplace_back(detail::hash_bytes(form), value);
    return out;
  }
  detail::weight_table weights;

};

// What the tagger knows of each distinct spelling of the document tagged so far, keyed by the
// spelling's hash: a document repeats its words, so their keys, tag-dictionary entry and the sums
// of their word features (extract_word) are computed once. Open addressing over keys (0: a free
// slot); the memory is kept from one document to the next.
struct pos_tagger::word_sums {
  static constexpr std::uint32_t no_row = 0xFFFFFFFF;
  struct word {
    detail::word_keys keys;
    std::uint16_t dict = 0;  ///< the tag-dictionary class, or no_class
    std::uint32_t row = no_row;  ///< its word feature sums in `rows`, once summed
  };
  std::vector<word> words;
  std::vector<std::int32_t> rows;  ///< score_size() per row; the first `row_count` rows are in use
  std::size_t row_count = 0;

  void clear() {
    if (!words.empty()) std::fill(slots_.begin(), slots_.end(), 0);
    words.clear();
    row_count = 0;
  }
  /// The index in `words` of the spelling with hash `key`, and whether it is new (to be filled).
  std::pair<std::size_t, bool> find_or_add(std::uint64_t key) {
    if (key == 0) key = 1;
    if (2 * (words.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = home(key, mask);
    for (; slots_[s] != 0; s = (s + 1) & mask)
      if (slots_[s] == key) return {index_[s], false};
    slots_[s] = key;
    index_[s] = static_cast<std::uint32_t>(words.size());
    words.emplace_back();
    return {words.size() - 1, true};
  }
  /// A new row of `stride` sums (their values to be written).
  std::uint32_t add_row(std::size_t stride) {
    if (rows.size() < (row_count + 1) * stride) rows.resize(2 * (row_count + 1) * stride);
    return static_cast<std::uint32_t>(row_count++);
  }

 private:
  static std::size_t home(std::uint64_t key, std::size_t mask) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  void grow() {
    std::vector<std::uint64_t> old_slots(std::max<std::size_t>(256, 2 * slots_.size()), 0);
    std::vector<std::uint32_t> old_index(old_slots.size());
    old_slots.swap(slots_);
    old_index.swap(index_);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < old_slots.size(); ++k) {
      if (old_slots[k] == 0) continue;
      std::size_t s = home(old_slots[k], mask);
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = old_slots[k];
      index_[s] = old_index[k];
    }
  }
  std::vector<std::uint64_t> slots_;  ///< a power of two of keys, at most half used
  std::vector<std::uint32_t> index_;  ///< per slot: the index in `words`
};

namespace {

using word_sums = pos_tagger::word_sums;

// The feature templates: the word, its affixes and shape, its neighbours, and the two previous
// predicted tags (history). The features of the word alone are summed once per distinct word
// form of a document (word_sums); the other features without history are summed for all words of
// a sentence at once (their memory accesses overlap); the history features follow word by word.
constexpr std::size_t word_features = 12, context_features = 17, history_features = 6;

// Features of word i that depend on its form alone (its spelling, affixes, shape, tag set); w is
// padded: two boundary entries on each side, and i indexes the unpadded sentence.
std::size_t extract_word(const std::vector<detail::word_keys>& w, std::size_t i, std::uint64_t* f) {
  const auto& cur = w[i + 2];
  std::size_t n = 0;
  const auto add = [&](std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) {
    f[n++] = detail::combine_key(detail::template_seed(id), a, b);
  };
  add(1, 0);  // the bias
  add(2, cur.lower);
  add(3, cur.form);
  add(4, cur.suffix[0]);
  add(5, cur.suffix[1]);
  add(6, cur.suffix[2]);
  add(7, cur.suffix[3]);
  add(8, cur.prefix[0]);
  add(9, cur.prefix[1]);
  add(10, cur.shape);
  add(28, cur.ambiguity);
  // Words unseen in training (or seen once) by spelling shape: names in news ("Trump", "Xi") are
  // mostly unknown capitalised words.
  add(33, cur.ambiguity == 0 ? 1 : 0, cur.shape);
  return n;
}

// Features of word i without the history that look at its neighbours or its position.
std::size_t extract_context(const std::vector<detail::word_keys>& w, std::size_t i, std::uint64_t* f) {
  const auto& cur = w[i + 2];
  const auto& prev = w[i + 1];
  const auto& prev2 = w[i];
  const auto& next = w[i + 3];
  const auto& next2 = w[i + 4];
  std::size_t n = 0;
  const auto add = [&](std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) {
    f[n++] = detail::combine_key(detail::template_seed(id), a, b);
  };
  add(11, prev.lower);
  add(12, next.lower);
  add(13, prev2.lower);
  add(14, next2.lower);
  add(15, prev.suffix[2]);
  add(16, next.suffix[2]);
  add(17, prev.shape);
  add(18, next.shape);
  add(23, cur.lower, next.lower);
  add(24, prev.lower, cur.lower);
  add(25, i == 0 ? 1 : 0, cur.shape);
  add(27, cur.suffix[2], next.suffix[2]);
  add(29, next.ambiguity);
  add(30, prev.ambiguity);
  add(32, cur.ambiguity, next.ambiguity);
  // Unknown words by their shape and the context's shapes.
  const std::uint64_t unknown = cur.ambiguity == 0 ? 1 : 0;
  add(34, detail::mix64(unknown ^ cur.shape), prev.shape);
  add(35, detail::mix64(unknown ^ cur.shape), next.shape);
  return n;
}

// Features of word i without the history.
std::size_t extract_static(const std::vector<detail::word_keys>& w, std::size_t i, std::uint64_t* f) {
  const std::size_t n = extract_word(w, i, f);
  return n + extract_context(w, i, f + n);
}

// Features of word i with the two previous predicted tags.
std::size_t extract_history(const std::vector<detail::word_keys>& w, std::size_t i, std::uint64_t p1, std::uint64_t p2,
                            std::uint64_t* f) {
  const auto& cur = w[i + 2];
  const auto& next = w[i + 3];
  std::size_t n = 0;
  const auto add = [&](std::uint64_t id, std::uint64_t a, std::uint64_t b = 0) {
    f[n++] = detail::combine_key(detail::template_seed(id), a, b);
  };
  add(19, p1);
  add(20, p2);
  add(21, p1, p2);
  add(22, p1, cur.lower);
  add(26, p1, next.lower);
  add(31, p1, cur.ambiguity);
  return n;
}

// All features of word i (what training scores).
std::size_t extract(const std::vector<detail::word_keys>& w, std::size_t i, std::uint64_t p1, std::uint64_t p2,
                    std::uint64_t* f) {
  const std::size_t n = extract_static(w, i, f);
  return n + extract_history(w, i, p1, p2, f + n);
}

// Keys of each word with two boundary entries on each side (into `keys`); `dict` receives each
// word's tag-dictionary class (no_class when absent).
// Keys of each word with two boundary entries on each side (into `keys`); `dict` receives each
// word's tag-dictionary class (no_class when absent), `ids` its index in words.words.
void padded_keys(const pos_tagger::model& m, const std::vector<std::string_view>& forms, word_sums& words,
                 std::vector<detail::word_keys>& keys, std::vector<std::uint16_t>& dict, std::vector<std::uint32_t>& ids) {
  keys.clear();
  keys.push_back(detail::boundary_keys(-2));
  keys.push_back(detail::boundary_keys(-1));
  dict.clear();
  ids.clear();
  thread_local std::string normalized, lowered;
  for (auto f : forms) {
    const auto [id, added] = words.find_or_add(detail::hash_bytes(f));
    auto& w = words.words[id];
    if (added) {
      w.keys = detail::make_word_keys(f, &normalized, &lowered);
      const auto* amb = m.ambiguity_by_hash.find(detail::hash_bytes(lowered));
      w.keys.ambiguity = amb ? *amb : 0;
      const auto* d = m.tagdict_by_hash.find(w.keys.form);  // form key = hash of the normalised spelling
      w.dict = d ? *d : no_class;
    }
    keys.push_back(w.keys);
    dict.push_back(w.dict);
    ids.push_back(static_cast<std::uint32_t>(id));
  }
  keys.push_back(detail::boundary_keys(1));
  keys.push_back(detail::boundary_keys(2));
}

constexpr std::uint64_t start_tag = 0xFFFF0001ull;
constexpr std::uint64_t start_tag2 = 0xFFFF0002ull;

// Per-thread working memory of decode(): no allocation per sentence once warmed up.
struct decode_scratch {
  std::vector<detail::word_keys> keys;
  std::vector<std::uint16_t> dict;
  std::vector<std::uint32_t> ids;  ///< each word's index in word_sums::words
  std::vector<std::uint64_t> word_keys, context_keys;
  std::vector<std::uint32_t> rows;         ///< the word_sums row of each word to score
  std::vector<std::int32_t> context_sums;  ///< score_size() per word the dictionary does not tag
  std::vector<std::int32_t> scores;
  word_sums words;  ///< of the sentence or document being tagged
};

// Greedy decoding of one sentence into `out` (class ids); `words` keeps the word sums of the
// document.
void decode(const pos_tagger::model& m, const std::vector<std::string_view>& forms, word_sums& words,
            std::vector<std::uint16_t>& out, decode_scratch& scratch) {
  out.resize(forms.size());
  if (forms.empty()) return;
  padded_keys(m, forms, words, scratch.keys, scratch.dict, scratch.ids);
  const std::size_t classes = m.upos_tags.size(), stride = m.weights.score_size();
  // The context features of every word to score, and the word features of the forms not seen
  // before, each summed in one pass.
  auto& word_keys = scratch.word_keys;
  auto& context_keys = scratch.context_keys;
  scratch.rows.clear();
  const std::size_t known = words.row_count;
  std::size_t scored = 0;
  word_keys.resize(forms.size() * word_features);  // room for all words (one resize, not one per word)
  context_keys.resize(forms.size() * context_features);
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (scratch.dict[i] != no_class) continue;
    extract_context(scratch.keys, i, &context_keys[scored * context_features]);
    ++scored;
    auto& row = words.words[scratch.ids[i]].row;
    if (row == word_sums::no_row) {
      extract_word(scratch.keys, i, &word_keys[(words.row_count - known) * word_features]);
      row = words.add_row(stride);
    }
    scratch.rows.push_back(row);
  }
  m.weights.sum_groups(word_keys.data(), words.row_count - known, word_features, words.rows.data() + known * stride);
  scratch.context_sums.resize(scored * stride);
  m.weights.sum_groups(context_keys.data(), scored, context_features, scratch.context_sums.data());
  auto& scores = scratch.scores;
  scores.resize(stride);
  std::uint64_t feats[history_features];
  std::uint64_t p1 = start_tag, p2 = start_tag2;
  for (std::size_t i = 0, s = 0; i < forms.size(); ++i) {
    std::uint16_t best = scratch.dict[i];
    if (best == no_class) {
      const std::int32_t* context = &scratch.context_sums[s * stride];
      const std::int32_t* word = &words.rows[std::size_t{scratch.rows[s]} * stride];
      for (std::size_t c = 0; c < stride; ++c) scores[c] = context[c] + word[c];
      ++s;
      m.weights.add_all(feats, extract_history(scratch.keys, i, p1, p2, feats), scores.data());
      best = static_cast<std::uint16_t>(detail::first_max(scores.data(), classes));
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

decode_scratch& scratch_of_thread() {
  thread_local decode_scratch scratch;
  return scratch;
}

// Greedy decoding of a sentence tagged alone.
void decode(const pos_tagger::model& m, const std::vector<std::string_view>& forms, std::vector<std::uint16_t>& out) {
  auto& scratch = scratch_of_thread();
  scratch.words.clear();
  decode(m, forms, scratch.words, out, scratch);
}

}  // namespace

pos_tagger pos_tagger::train(const std::vector<conllu_sentence>& sentences, const tagger_training_options& options) {
  auto m = std::make_shared<model>();
  // Classes: every (UPOS, XPOS) pair in the data, sorted, so ids do not depend on input order.
  std::map<std::pair<std::string, std::string>, std::uint16_t> class_ids;
  for (const auto& s : sentences)
    for (const auto& w : s.words) class_ids.emplace(std::make_pair(w.upos, w.xpos), 0);
  if (class_ids.empty()) throw input_error("tagger training: no words in the training data");
  if (class_ids.size() >= no_class) throw input_error("tagger training: too many tag classes");
  for (auto& [pair, id] : class_ids) {
    id = static_cast<std::uint16_t>(m->upos_names.size());
    m->upos_names.push_back(pair.first);
    m->xpos_names.push_back(pair.second);
    m->upos_tags.push_back(upos_from_string(pair.first));
  }
  // Gold classes and the tag dictionary.
  std::vector<std::vector<std::uint16_t>> gold(sentences.size());
  std::map<std::string, std::map<std::uint16_t, std::size_t>> counts;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const auto& w : sentences[s].words) {
      const auto id = class_ids.at({w.upos, w.xpos});
      gold[s].push_back(id);
      ++counts[detail::normalize_form(w.form)][id];
    }
  }
  {
    std::map<std::string, std::map<std::uint16_t, std::size_t>> lower_counts;
    for (const auto& [form, per_class] : counts)
      for (const auto& [cls, c] : per_class) lower_counts[detail::lower_form(form)][cls] += c;
    for (const auto& [form, per_class] : lower_counts) {
      std::size_t total = 0;
      for (const auto& entry : per_class) total += entry.second;
      // The tags that make up at least 5% of the word's uses (rare mistagged uses would split classes).
      std::uint64_t h = 0x414D42ull;
      for (const auto& [cls, c] : per_class)
        if (c * 20 >= total) h = detail::mix64(h ^ cls);
      if (total >= options.ambiguity_min_count) m->ambiguity.emplace(form, h);
    }
  }
  for (const auto& [form, per_class] : counts) {
    std::size_t total = 0, best_count = 0;
    std::uint16_t best = 0;
    for (const auto& [cls, c] : per_class) {
      total += c;
      if (c > best_count) {
        best_count = c;
        best = cls;
      }
    }
    if (total >= options.tagdict_min_count && double(best_count) / double(total) >= options.tagdict_min_share)
      m->tagdict.emplace(form, best);
  }
  m->index();
  // Training: greedy decoding with the model's own previous predictions as history.
  detail::perceptron_trainer trainer(m->upos_tags.size());
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  detail::split_mix rng(options.seed);
  std::vector<float> scores(m->upos_tags.size());
  std::uint64_t feats[max_features];
  std::vector<std::string_view> forms;
  std::vector<detail::word_keys> keys;
  std::vector<std::uint16_t> dict;
  std::vector<std::uint32_t> ids;
  word_sums words;  // the keys of each spelling, computed once
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    for (const auto s : order) {
      forms.clear();
      for (const auto& w : sentences[s].words) forms.push_back(w.form);
      padded_keys(*m, forms, words, keys, dict, ids);
      std::uint64_t p1 = start_tag, p2 = start_tag2;
      for (std::size_t i = 0; i < forms.size(); ++i) {
        std::uint16_t guess = dict[i];
        if (guess == no_class) {
          const auto n = extract(keys, i, p1, p2, feats);
          trainer.score(feats, n, scores.data());
          guess = 0;
          for (std::size_t c = 1; c < scores.size(); ++c)
            if (scores[c] > scores[guess]) guess = static_cast<std::uint16_t>(c);
          trainer.tick();
          trainer.update(feats, n, gold[s][i], guess);
        }
        p2 = p1;
        p1 = guess;
      }
    }
  }
  m->weights.build(trainer.averaged(options.prune_below), m->upos_tags.size());
  pos_tagger t;
  t.model_ = std::move(m);
  return t;
}

void pos_tagger::save(const std::filesystem::path& path, const std::vector<std::string>& header_lines) const {
  std::string data = detail::model_file_header(header_lines, magic_line);
  detail::binary_writer out(data);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(model_->upos_names.size()));
  for (std::size_t c = 0; c < model_->upos_names.size(); ++c) {
    out.put_string(model_->upos_names[c]);
    out.put_string(model_->xpos_names[c]);
  }
  std::vector<std::pair<std::string, std::uint16_t>> dict(model_->tagdict.begin(), model_->tagdict.end());
  std::sort(dict.begin(), dict.end());
  out.put<std::uint32_t>(static_cast<std::uint32_t>(dict.size()));
  for (const auto& [form, cls] : dict) {
    out.put_string(form);
    out.put<std::uint16_t>(cls);
  }
  std::vector<std::pair<std::string, std::uint64_t>> amb(model_->ambiguity.begin(), model_->ambiguity.end());
  std::sort(amb.begin(), amb.end());
  out.put<std::uint32_t>(static_cast<std::uint32_t>(amb.size()));
  for (const auto& [form, h] : amb) {
    out.put_string(form);
    out.put<std::uint64_t>(h);
  }
  model_->weights.write(out);
  detail::write_model_file(path, data);
}

pos_tagger pos_tagger::load(const std::filesystem::path& path) {
  const auto file = detail::read_model_file(path, magic_line, "tagger model");
  detail::binary_reader in(file.body(), path.string());
  auto m = std::make_shared<model>();
  const auto classes = in.get<std::uint32_t>();
  if (classes == 0 || classes >= no_class) in.fail("bad class count");
  for (std::uint32_t c = 0; c < classes; ++c) {
    m->upos_names.push_back(in.get_string());
    m->xpos_names.push_back(in.get_string());
    m->upos_tags.push_back(upos_from_string(m->upos_names.back()));
  }
  const auto dict_size = in.get<std::uint32_t>();
  for (std::uint32_t d = 0; d < dict_size; ++d) {
    auto form = in.get_string();
    const auto cls = in.get<std::uint16_t>();
    if (cls >= classes) in.fail("bad tag dictionary class");
    m->tagdict.emplace(std::move(form), cls);
  }
  const auto amb_size = in.get<std::uint32_t>();
  for (std::uint32_t d = 0; d < amb_size; ++d) {
    auto form = in.get_string();
    m->ambiguity.emplace(std::move(form), in.get<std::uint64_t>());
  }
  m->index();
  m->weights.read(in, classes);
  if (!in.at_end()) in.fail("trailing data");
  pos_tagger t;
  t.model_ = std::move(m);
  return t;
}

pos_tagger pos_tagger::load_default() { return load(resource_path("text", "pos_tagger.model")); }

void pos_tagger::tag(std::vector<token>& tokens, std::size_t first, std::size_t end) const {
  auto& scratch = scratch_of_thread();
  scratch.words.clear();
  tag_sentence(tokens, first, end, scratch.words);
}

void pos_tagger::tag(std::vector<token>& tokens, const std::vector<sentence>& sentences) const {
  auto& scratch = scratch_of_thread();
  scratch.words.clear();
  for (const auto& s : sentences) tag_sentence(tokens, s.first_token, s.end_token, scratch.words);
  scratch.words.clear();
}

void pos_tagger::tag_sentence(std::vector<token>& tokens, std::size_t first, std::size_t end, word_sums& words) const {
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<std::uint16_t> classes;
  forms.clear();
  for (std::size_t k = first; k < end; ++k) forms.push_back(tokens[k].form);
  decode(*model_, forms, words, classes, scratch_of_thread());
  for (std::size_t k = first; k < end; ++k) {
    const auto c = classes[k - first];
    tokens[k].tag = model_->upos_tags[c];
    tokens[k].xpos = model_->xpos_names[c];
  }
}

std::vector<std::pair<upos, std::string>> pos_tagger::tag_words(const std::vector<std::string>& words) const {
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<std::uint16_t> classes;
  decode(*model_, forms, classes);
  std::vector<std::pair<upos, std::string>> out;
  for (const auto c : classes) out.emplace_back(model_->upos_tags[c], model_->xpos_names[c]);
  return out;
}

std::filesystem::path find_ud_file(const std::filesystem::path& ud_dir, const std::string& split) {
  std::error_code ec;
  std::vector<std::filesystem::path> found;
  const std::string suffix = "-ud-" + split + ".conllu";
  for (const auto& entry : std::filesystem::directory_iterator(ud_dir, ec)) {
    const auto name = entry.path().filename().string();
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      found.push_back(entry.path());
  }
  if (ec) throw io_error(ud_dir.string() + ": cannot read directory (" + ec.message() + ")");
  if (found.size() != 1)
    throw io_error(ud_dir.string() + ": expected exactly one *" + suffix + " file, found " + std::to_string(found.size()));
  return found.front();
}

pos_tagger train_tagger_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out,
                                const tagger_training_options& options) {
  const auto train_file = find_ud_file(ud_dir, "train");
  const auto tagger = pos_tagger::train(read_conllu(train_file), options);
  tagger.save(out, {
      "chronograph part-of-speech tagger: averaged perceptron over hashed features, classes = (UPOS, XPOS) pairs",
      "data: Universal Dependencies English EWT, " + train_file.filename().string() +
          " (https://universaldependencies.org/treebanks/en_ewt/)",
      "license: the training data is CC BY-SA 4.0; this model derives from it and is distributed under CC BY-SA 4.0",
      "rebuild: chronograph train tagger --ud <UD_English-EWT dir> --out " + out.filename().string(),
      "options: epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
          " tagdict_min_count=" + std::to_string(options.tagdict_min_count) +
          " tagdict_min_share=" + std::to_string(options.tagdict_min_share) +
          " ambiguity_min_count=" + std::to_string(options.ambiguity_min_count),
      "format: these '#' lines, the line 'chronograph-pos-tagger 3', then little-endian binary tables",
  });
  return tagger;
}

std::size_t pos_tagger::class_count() const noexcept { return model_ ? model_->upos_tags.size() : 0; }
std::size_t pos_tagger::weight_count() const noexcept { return model_ ? model_->weights.weight_count() : 0; }

}  // namespace chronograph::text
