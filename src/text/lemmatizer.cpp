// SPDX-License-Identifier: MIT
#include "chronograph/text/lemmatizer.hpp"

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/text/conllu.hpp"
#include "chronograph/text/tagger.hpp"
#include "string_map.hpp"
#include "table_reader.hpp"

namespace chronograph::text {

namespace {

enum wn_pos { wn_noun = 0, wn_verb = 1, wn_adj = 2, wn_adv = 3, wn_pos_count = 4 };
constexpr const char* wn_names[wn_pos_count] = {"noun", "verb", "adj", "adv"};

struct suffix_rule {
  std::string suffix;
  std::string replacement;
  bool undouble = false;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int pos_index(const std::string& name) {
  for (int p = 0; p < wn_pos_count; ++p)
    if (name == wn_names[p]) return p;
  return -1;
}

}  // namespace

// All lookups go through string_map: keys such as "form\txpos" are found by their pieces, and
// nothing is allocated per word except the lemma itself.
namespace {
// A number of its own for each tables object, copies included (lemmatize()'s memo tells tables
// apart by it: an address can be reused by the next tables).
struct tables_id {
  std::uint64_t value = next();
  tables_id() = default;
  tables_id(const tables_id&) : value(next()) {}
  tables_id& operator=(const tables_id&) {
    value = next();
    return *this;
  }
  static std::uint64_t next() {
    static std::atomic<std::uint64_t> count{0};
    return ++count;
  }
};
}  // namespace

struct lemmatizer::tables {
  tables_id id;
  detail::string_map<std::uint8_t> words;  // WordNet's words -> bit set of their parts of speech
  detail::string_map<std::string> exceptions[wn_pos_count];
  std::vector<suffix_rule> detach[wn_pos_count];
  std::vector<suffix_rule> guess[wn_pos_count];
  detail::string_map<std::string> overrides;  // "form\txpos" or "form\t*" -> lemma
  detail::string_map<bool> capitalized_adjectives;  // "American": WordNet spells them capitalised
  detail::string_map<std::string> lexicon;  // "form\txpos" -> lemma, from a treebank

  [[nodiscard]] bool known(std::string_view lower) const { return words.contains(lower); }
  [[nodiscard]] bool known_as(int pos, std::initializer_list<std::string_view> pieces) const {
    const auto* parts = words.find(pieces);
    return parts && (*parts >> pos & 1u) != 0;
  }

  /// Whether WordNet lists a base of `lower` for `pos` by its exceptions or detachment rules
  /// (only those whose suffix ends in "s" for a verb: its third person singular), or `lower`
  /// itself ("news", "means").
  [[nodiscard]] bool inflects(std::string_view lower, int pos) const {
    if (exceptions[pos].find(lower) || known_as(pos, {lower})) return true;
    for (const auto& r : detach[pos]) {
      if (!ends_with(lower, r.suffix) || lower.size() <= r.suffix.size()) continue;
      if (pos == wn_verb && r.suffix.back() != 's') continue;
      if (known_as(pos, {lower.substr(0, lower.size() - r.suffix.size()), r.replacement})) return true;
    }
    return false;
  }

  std::string inflected(std::string_view lower, int pos) const {
    if (const auto* base = exceptions[pos].find(lower)) return *base;
    for (const auto& r : detach[pos]) {
      if (!ends_with(lower, r.suffix) || lower.size() <= r.suffix.size()) continue;
      const auto stem = lower.substr(0, lower.size() - r.suffix.size());
      if (known_as(pos, {stem, r.replacement})) return std::string(stem) + r.replacement;
    }
    if (known_as(pos, {lower})) return std::string(lower);
    for (const auto& r : guess[pos]) {
      if (!ends_with(lower, r.suffix) || lower.size() < r.suffix.size() + 2) continue;
      std::string stem(lower.substr(0, lower.size() - r.suffix.size()));
      if (r.undouble && stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
          std::string_view("bdgmnprt").find(stem.back()) != std::string_view::npos)
        stem.pop_back();
      return stem + r.replacement;
    }
    return std::string(lower);
  }
};

namespace {

std::string lower_ascii(std::string_view s) { return detail::ascii_lower(s); }

void read_index(const std::filesystem::path& path, int pos, detail::string_map<std::uint8_t>& out) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read WordNet index");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // license header lines start with spaces
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    // Collocations keep their underscores and never match a token.
    out.insert(std::string_view(line).substr(0, space), 0) |= static_cast<std::uint8_t>(1u << pos);
  }
}

void read_exceptions(const std::filesystem::path& path, detail::string_map<std::string>& out) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read WordNet exception list");
  std::string line;
  while (std::getline(in, line)) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    auto end = line.find(' ', space + 1);
    if (end == std::string::npos) end = line.size();
    out.insert(std::string_view(line).substr(0, space), line.substr(space + 1, end - space - 1));  // first base form wins
  }
}

// Adjectives that WordNet's data file writes with a capital ("American", "Islamic").
void read_capitalized_adjectives(const std::filesystem::path& path, detail::string_map<bool>& out) {
  std::ifstream in(path);
  if (!in) throw resource_error(path.string() + ": cannot read WordNet data file");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ...
    std::size_t pos = 0;
    for (int field = 0; field < 3 && pos != std::string::npos; ++field) pos = line.find(' ', pos + 1);
    if (pos == std::string::npos) continue;
    const auto count_end = line.find(' ', pos + 1);
    if (count_end == std::string::npos) continue;
    const auto count = std::strtoul(line.substr(pos + 1, count_end - pos - 1).c_str(), nullptr, 16);
    pos = count_end + 1;
    for (unsigned long w = 0; w < count && pos < line.size(); ++w) {
      const auto word_end = line.find(' ', pos);
      if (word_end == std::string::npos) break;
      std::string word = line.substr(pos, word_end - pos);
      if (const auto paren = word.find('('); paren != std::string::npos) word.resize(paren);  // "(a)" markers
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z' && word.find('_') == std::string::npos) out.insert(word, true);
      const auto id_end = line.find(' ', word_end + 1);
      if (id_end == std::string::npos) break;
      pos = id_end + 1;
    }
  }
}

void read_rules(const std::filesystem::path& path, std::vector<suffix_rule>* out, bool allow_undouble) {
  for (const auto& row : detail::read_table(path)) {
    if (row.fields.size() != 3) detail::table_error(path, row.line, "expected 3 TAB-separated columns");
    const int pos = pos_index(row.fields[0]);
    if (pos < 0) detail::table_error(path, row.line, "unknown part of speech '" + row.fields[0] + "'");
    suffix_rule r;
    r.suffix = row.fields[1];
    r.replacement = row.fields[2];
    if (allow_undouble && !r.replacement.empty() && r.replacement.back() == '%') {
      r.undouble = true;
      r.replacement.pop_back();
    }
    if (r.replacement == "-") r.replacement.clear();
    if (r.suffix.empty()) detail::table_error(path, row.line, "empty suffix");
    out[pos].push_back(std::move(r));
  }
}

}  // namespace

std::filesystem::path lemmatizer::default_wordnet_dir() {
  if (const char* env = std::getenv("WNSEARCHDIR"); env && *env) return env;
  return "/usr/share/wordnet";
}

lemmatizer lemmatizer::load(const std::filesystem::path& wordnet_dir, const std::filesystem::path& table_dir) {
  auto t = std::make_shared<tables>();
  for (int p = 0; p < wn_pos_count; ++p) {
    read_index(wordnet_dir / (std::string("index.") + wn_names[p]), p, t->words);
    read_exceptions(wordnet_dir / (std::string(wn_names[p]) + ".exc"), t->exceptions[p]);
  }
  read_capitalized_adjectives(wordnet_dir / "data.adj", t->capitalized_adjectives);
  read_rules(table_dir / "lemma_suffix_rules.tsv", t->detach, false);
  read_rules(table_dir / "lemma_guess_rules.tsv", t->guess, true);
  const auto overrides = table_dir / "lemma_overrides.tsv";
  for (const auto& row : detail::read_table(overrides)) {
    if (row.fields.size() != 3) detail::table_error(overrides, row.line, "expected 3 TAB-separated columns");
    t->overrides.insert(row.fields[0] + "\t" + row.fields[1], row.fields[2]);
  }
  const auto lexicon = table_dir / "lemma_lexicon.tsv";
  if (std::filesystem::exists(lexicon)) {
    for (const auto& row : detail::read_table(lexicon)) {
      if (row.fields.size() != 3) detail::table_error(lexicon, row.line, "expected 3 TAB-separated columns");
      t->lexicon.insert(row.fields[0] + "\t" + row.fields[1], row.fields[2]);
    }
  }
  lemmatizer l;
  l.tables_ = std::move(t);
  return l;
}

lemmatizer lemmatizer::without_lexicon() const {
  auto copy = std::make_shared<tables>(*tables_);
  copy->lexicon.clear();
  lemmatizer l;
  l.tables_ = std::move(copy);
  return l;
}

void train_lemma_lexicon(const std::vector<conllu_sentence>& sentences, const lemmatizer& base,
                         const std::filesystem::path& out, const std::vector<std::string>& header_lines,
                         std::size_t min_count) {
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::size_t>> counts;
  std::map<std::pair<std::string, std::string>, std::string> predicted;
  for (const auto& s : sentences) {
    std::vector<token> tokens(s.words.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      tokens[i].form = s.words[i].form;
      tokens[i].tag = upos_from_string(s.words[i].upos);
      tokens[i].xpos = s.words[i].xpos;
    }
    base.lemmatize(tokens, 0, tokens.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const auto key = std::make_pair(s.words[i].form, s.words[i].xpos);
      ++counts[key][s.words[i].lemma];
      predicted.emplace(key, tokens[i].lemma);  // first occurrence's context decides
    }
  }
  std::string data;
  for (const auto& line : header_lines) data += "# " + line + "\n";
  for (const auto& [key, lemmas] : counts) {
    if (key.first.find('\t') != std::string::npos) continue;
    std::size_t total = 0, best = 0;
    std::string best_lemma;
    for (const auto& [lemma, c] : lemmas) {
      total += c;
      if (c > best) {
        best = c;
        best_lemma = lemma;
      }
    }
    if (best < min_count || best * 10 < total * 7 || best_lemma == predicted[key] || best_lemma.empty()) continue;
    data += key.first + "\t" + key.second + "\t" + best_lemma + "\n";
  }
  const auto tmp = out.string() + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw io_error(tmp + ": cannot write");
    file << data;
    if (!file) throw io_error(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) throw io_error(out.string() + ": cannot write (" + ec.message() + ")");
}

void train_lemma_lexicon_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out) {
  const auto train_file = find_ud_file(ud_dir, "train");
  const auto base = lemmatizer::load_default().without_lexicon();
  train_lemma_lexicon(read_conllu(train_file), base, out,
                      {"chronograph lemma lexicon: (form, Penn XPOS) pairs whose treebank lemma differs from the rules'",
                       "data: Universal Dependencies English EWT, " + train_file.filename().string() +
                           " (https://universaldependencies.org/treebanks/en_ewt/)",
                       "license: derived from CC BY-SA 4.0 data; distributed under CC BY-SA 4.0",
                       "rebuild: chronograph train lemmas --ud <UD_English-EWT dir> --out " + out.filename().string(),
                       "columns: form<TAB>xpos<TAB>lemma"});
}

lemmatizer lemmatizer::load_default() {
  return load(default_wordnet_dir(), resource_path("text", "lemma_overrides.tsv").parent_path());
}

namespace {

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

bool has_letter(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  return false;
}

// "1,993,045" -> "1993045" (UD writes numbers without group separators in lemmas).
std::string strip_group_commas(std::string_view form) {
  std::string out;
  std::size_t digits_since_comma = 0;
  bool seen_comma = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    if (c == ',') {
      if (seen_comma && digits_since_comma != 3) return std::string(form);
      if (!seen_comma && (digits_since_comma == 0 || digits_since_comma > 3)) return std::string(form);
      seen_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::string(form);
    ++digits_since_comma;
    out += c;
  }
  return seen_comma && digits_since_comma == 3 ? out : std::string(form);
}

// Puts the form's capitalisation back on a lemma that is a prefix of the lower-cased form.
std::string recase(std::string_view form, const std::string& lower_form, const std::string& lemma) {
  if (lower_form.compare(0, lemma.size(), lemma) == 0) return std::string(form.substr(0, lemma.size()));
  return lemma;
}

}  // namespace

std::string lemmatizer::lemma(std::string_view form, upos tag, std::string_view xpos, bool sentence_initial) const {
  const auto& t = *tables_;
  const std::string lower = lower_ascii(form);
  if (const auto* o = t.overrides.find({lower, "\t", xpos})) return *o;
  if (const auto* o = t.overrides.find({lower, "\t*"})) return *o;
  if (const auto* l = t.lexicon.find({form, "\t", xpos})) return *l;

  if (tag == upos::num || xpos == "CD") {
    if (!has_letter(form)) return strip_group_commas(form);
    return t.known(lower) ? lower : std::string(form);  // "Four" -> four; "II", "E17" stay
  }
  if (xpos == "NNPS") return recase(form, lower, t.inflected(lower, wn_noun));
  switch (tag) {
    case upos::propn:
    case upos::sym:
    case upos::punct:
    case upos::x:
      return std::string(form);
    default:
      break;
  }
  if (xpos == "NNP") return std::string(form);
  std::string result = lower;
  if (xpos == "NNS") result = t.inflected(lower, wn_noun);
  else if (xpos == "VBD" || xpos == "VBN" || xpos == "VBZ" || xpos == "VBG") result = t.inflected(lower, wn_verb);
  else if (xpos == "JJR" || xpos == "JJS") result = t.inflected(lower, wn_adj);
  else if (xpos == "RBR" || xpos == "RBS") {
    if (const auto* base = t.exceptions[wn_adv].find(lower)) result = *base;
    else if (const auto adj = t.inflected(lower, wn_adj); adj != lower && t.known_as(wn_adj, {adj})) result = adj;
  }
  // Capitals: UD lower-cases common words but keeps "American" and names WordNet does not know
  // ("Gmail", "USB"); closed-class words are always lower-cased.
  if (has_upper(form)) {
    if (tag == upos::adj && t.capitalized_adjectives.contains(form)) return std::string(form);
    const bool open_class = tag == upos::noun || tag == upos::verb || tag == upos::adj || tag == upos::adv;
    if (open_class && !t.known(lower) && !t.known(result) && !(sentence_initial && !has_upper(form.substr(1))))
      return recase(form, lower, result);
  }
  return result;
}

namespace {

// lemma() answers from (form, tag, xpos, sentence-initial) and the tables alone, and a text
// repeats its words: each thread remembers its answers for the tables it last used (open
// addressing over full keys; forgotten all at once past `most` entries).
class lemma_memo {
 public:
  static constexpr std::size_t most = std::size_t{1} << 14;  // about 2 MB
  /// The remembered lemma, or nullptr; `tables` identifies the lemmatizer's tables.
  const std::string* find(std::uint64_t tables, std::string_view form, upos tag, std::string_view xpos, bool initial) {
    if (tables != tables_) {
      clear();
      tables_ = tables;
    }
    hash_ = hash_of(form, tag, xpos, initial);
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = home(hash_, mask); slots_[s] != 0; s = (s + 1) & mask) {
      const entry& e = entries_[slots_[s] - 1];
      if (e.hash == hash_ && e.tag == tag && e.initial == initial && e.form == form && e.xpos == xpos) return &e.lemma;
    }
    return nullptr;
  }
  /// Remembers the lemma of the key of the last find() (which found none).
  void add(std::string_view form, upos tag, std::string_view xpos, bool initial, const std::string& lemma) {
    if (entries_.size() >= most) clear();
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    entries_.push_back(entry{std::string(form), std::string(xpos), lemma, hash_, tag, initial});
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = home(hash_, mask);
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = static_cast<std::uint32_t>(entries_.size());
  }

 private:
  struct entry {
    std::string form, xpos, lemma;
    std::uint64_t hash;
    upos tag;
    bool initial;
  };
  static std::uint64_t hash_of(std::string_view form, upos tag, std::string_view xpos, bool initial) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const unsigned char c : form) h = (h ^ c) * 0x100000001B3ull;
    h = (h ^ 0x1F) * 0x100000001B3ull;
    for (const unsigned char c : xpos) h = (h ^ c) * 0x100000001B3ull;
    h = (h ^ (static_cast<std::uint64_t>(tag) << 1 | static_cast<std::uint64_t>(initial))) * 0x100000001B3ull;
    return h ^ (h >> 29);
  }
  static std::size_t home(std::uint64_t hash, std::size_t mask) {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), 0);
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(1024, 2 * slots_.size()), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      std::size_t s = home(entries_[k].hash, mask);
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = static_cast<std::uint32_t>(k + 1);
    }
  }
  std::uint64_t tables_ = 0;
  std::uint64_t hash_ = 0;
  std::vector<entry> entries_;
  std::vector<std::uint32_t> slots_;  ///< index in entries_ + 1; 0: free
};

}  // namespace

void lemmatizer::repair_tags(std::vector<token>& tokens, std::size_t first, std::size_t end) const {
  for (std::size_t k = first + 1; k < end; ++k) {
    auto& tok = tokens[k];
    if (tok.xpos != "NNS" || tok.form.size() < 5 || tok.form.back() != 's') continue;
    // Lower case (not a name), a word of its own (not the "offs" of "lay-offs").
    if (!std::islower(static_cast<unsigned char>(tok.form.front())) || tokens[k - 1].form == "-") continue;
    // Right after what may be its subject: a name, a noun or a subject pronoun.
    const auto& prev = tokens[k - 1];
    const std::string_view prev_form = prev.form;
    const bool subject = prev.tag == upos::propn || prev.tag == upos::noun ||
                         (prev.tag == upos::pron && (prev_form == "he" || prev_form == "she" || prev_form == "it" ||
                                                     prev_form == "He" || prev_form == "She" || prev_form == "It" ||
                                                     prev_form == "who" || prev_form == "which" || prev_form == "that"));
    if (!subject) continue;
    const auto lower = lower_ascii(tok.form);
    if (tables_->inflects(lower, wn_noun) || !tables_->inflects(lower, wn_verb)) continue;
    tok.tag = upos::verb;
    tok.xpos = "VBZ";
  }
  // A singular noun right after a modal, or after a modal and "not" or an adverb, that WordNet
  // lists as a verb is that verb's base form: "US and China will resume trade talks", "could not
  // face", which the tagger took for the first noun of a compound. And a verb's -s form right
  // before a modal that WordNet has as a plural noun is that noun, the modal's subject ("that
  // talks would resume"): no finite verb comes right before a modal.
  for (std::size_t k = first + 1; k < end; ++k) {
    auto& tok = tokens[k];
    if (tok.tag == upos::verb && tok.xpos == "VBZ" && k + 1 < end && tokens[k + 1].xpos == "MD" &&
        std::islower(static_cast<unsigned char>(tok.form.front())) && tok.form.back() == 's' &&
        tables_->inflects(lower_ascii(tok.form), wn_noun)) {
      tok.tag = upos::noun;
      tok.xpos = "NNS";
      continue;
    }
    if (tok.xpos != "NN" || !std::islower(static_cast<unsigned char>(tok.form.front()))) continue;
    std::size_t m = k - 1;
    if (m > first && (tokens[m].tag == upos::adv || tokens[m].tag == upos::part)) --m;
    if (tokens[m].xpos != "MD") continue;
    if (!tables_->known_as(wn_verb, {lower_ascii(tok.form)})) continue;
    tok.tag = upos::verb;
    tok.xpos = "VB";
  }
}

void lemmatizer::lemmatize(std::vector<token>& tokens, std::size_t first, std::size_t end) const {
  thread_local lemma_memo memo;
  bool initial = true;
  for (std::size_t k = first; k < end; ++k) {
    auto& tok = tokens[k];
    if (const auto* known = memo.find(tables_->id.value, tok.form, tok.tag, tok.xpos, initial)) {
      tok.lemma = *known;
    } else {
      tok.lemma = lemma(tok.form, tok.tag, tok.xpos, initial);
      memo.add(tok.form, tok.tag, tok.xpos, initial, tok.lemma);
    }
    if (tok.tag != upos::punct) initial = false;
    // "'s" before a past participle is "has" ("he's been"), otherwise "is".
    // (Views: comparing them with a literal checks the length first, std::string == "..." does not.)
    const std::string_view lemma = tok.lemma, xpos = tok.xpos, form = tok.form;
    if (lemma == "be" && xpos == "VBZ" && (form == "'s" || form == "\xE2\x80\x99s" || form == "s")) {
      for (std::size_t n = k + 1; n < end && n <= k + 3; ++n) {
        if (tokens[n].xpos == "VBN") {
          tok.lemma = "have";
          break;
        }
        if (tokens[n].tag != upos::adv && tokens[n].tag != upos::part) break;
      }
    }
  }
}

}  // namespace chronograph::text
