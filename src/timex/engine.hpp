// SPDX-License-Identifier: MIT
// Internals of the timex stage: tokenizer, lexicon (word lists as token tries), compiled rules.
// Private header: only src/timex/ and tests/timex/ include it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chronograph/detail/string_map.hpp"
#include "chronograph/timex/candidate.hpp"

namespace chronograph::timex::detail {

enum class token_kind : std::uint8_t { word, number, punct };

/// A token of the timex scanner. `key` is the lower-cased form (punctuation canonicalised:
/// every dash is "-", every apostrophe "'", every double quote "\"").
struct token {
  std::uint32_t begin = 0, end = 0;
  std::string_view key;
  int id = -1;  ///< interned key (rule_set vocabulary), -1 when no rule or list mentions it
  token_kind kind = token_kind::word;
  bool space_before = true;
  bool is_capitalized = false;
  bool is_ordinal = false;   ///< "17th"
  bool is_decade = false;    ///< "1990s", "90s"
  bool sentence_start = false;
  std::uint8_t digits = 0;   ///< number of digits (number tokens)
  std::uint32_t number = 0;  ///< numeric value of the digits (saturated)
  text::upos pos = text::upos::unknown;  ///< from the text stage, when it ran
  std::string_view xpos;
  std::int32_t doc_token = -1;  ///< index of the text stage's token at this position, -1 = none
};

/// recognize(), candidate by candidate in text order (no vector of all candidates).
void recognize_each(const text::annotated_document& doc, const rule_set& rules,
                    const std::function<void(candidate&&)>& emit);

/// recognize() then resolve() in one streaming pass: each candidate is resolved as soon as the
/// next one is known, so memory holds the mentions, not every candidate as well.
std::vector<mention> recognize_and_resolve(const text::annotated_document& doc, const rule_set& rules,
                                           const anchor_policy& anchor, std::vector<diagnostic>& diagnostics);

/// Tokenizes `text`; `lowered` must be an ASCII-lower-cased copy of `text` (same length) that
/// outlives the tokens (keys point into it or into static storage).
void tokenize(std::string_view text, std::string_view lowered, std::vector<token>& out);
/// ASCII lower-casing (UTF-8 bytes unchanged, so offsets are preserved).
std::string ascii_lower(std::string_view text);

/// A word list: entries are token sequences (tokenized like the text) with a value.
struct word_list {
  std::string name;
  struct node {
    std::vector<std::pair<std::string, int>> children;  ///< key -> node index
    std::vector<std::pair<int, int>> child_ids;         ///< interned key -> node index (matching)
    int value = -1;                                     ///< index into values
    bool needs_capital = false;                          ///< flag "cap": only when capitalised
  };
  std::vector<node> nodes{node{}};
  std::vector<std::string> values;
  std::vector<double> numbers;          ///< std::atof of each value, parsed once (number words)
  std::vector<std::string> first_keys;  ///< keys of the root's children
  std::vector<int> root_child;          ///< by interned key: the root's child node, -1 (dense, O(1))
  /// Child of node `at` reached by interned key `id`, -1 when none.
  [[nodiscard]] int child(int at, int id) const {
    if (id < 0) return -1;
    if (at == 0) return static_cast<std::size_t>(id) < root_child.size() ? root_child[static_cast<std::size_t>(id)] : -1;
    for (const auto& [k, c] : nodes[static_cast<std::size_t>(at)].child_ids)
      if (k == id) return c;
    return -1;
  }
};

struct element;
using sequence = std::vector<element>;

enum class builtin : std::uint8_t { integer, number, year, yy, dom, dom13, mm, hour, hour12, minute, ordinal, decade,
                                    word, digits3, digits4, digits13, cap, hhmm, name };
inline constexpr unsigned builtin_count = static_cast<unsigned>(builtin::name) + 1;  // keep last above
/// Word classes (match word tokens, never numbers).
inline constexpr bool is_word_class(builtin b) { return b == builtin::word || b == builtin::cap || b == builtin::name; }

struct element {
  enum kind_type : std::uint8_t { literal, list, builtin_class, group } kind = literal;
  std::string text;     ///< literal key
  int id = -1;          ///< interned literal key
  int list_id = -1;
  builtin cls = builtin::integer;
  std::vector<sequence> alternatives;
  bool is_optional = false;
  bool no_space = false;  ///< `^`: no whitespace before this element's first token
  bool is_context = false;  ///< `~`: must match but stays outside the extent (leading literals only)
  int capture = -1;       ///< capture slot, -1 when not captured
};

struct rule {
  std::string name, file;
  std::size_t line = 0;
  bool is_negative = false;  ///< type NONE: blocks what it covers
  timex_type type = timex_type::date;
  sequence pattern;
  std::size_t context_tokens = 0;  ///< leading `~` literals, outside the extent
  std::size_t trailing_context_tokens = 0;  ///< trailing `~` literals, outside the extent ("the year ~ended")
  std::vector<std::string> capture_names;
  operation op = operation::fields;
  std::string literal;
  double amount = 0, sign = 1;
  int amount_capture = -1;
  bool amount_unspecified = false;
  std::string unit;
  int unit_capture = -1;
  bool from_reference = false;
  bool has_offset = false;
  grain precision = grain::none;
  std::string mod, quant, freq;
  bool is_latent = false;
  bool check_month_pos = true;
  bool past_as_duration = false;  ///< `past: duration`: in a past clause the amount is a duration ("in two weeks")
  bool future_only = false;  ///< `tense: future`: only in a future or modal clause ("it will soon begin")
  bool looks_ahead = false;  ///< `tense: ahead`: future unless the clause is past ("a week from Tuesday")
  bool reporting_span = false;  ///< `topic: span`: a reporting period other than a quarter ("the first nine months")
  bool follows_period = false;  ///< `topic: period`: a year back from the period under discussion ("a year ago")
  bool refers_fiscal = false;  ///< `topic: fiscal`: the quarter under report, the fiscal one just stated if any ("the quarter")
  /// `not_before: to through`: no match right before one of these tokens ("five days from
  /// Monday to Friday" is no date a week from Monday).
  std::vector<std::string> not_before;
  std::vector<int> not_before_ids;  ///< interned not_before
  bool joins_day = false;  ///< `joins: day`: a day of the month coordinated with the month-day just before ("April 24 and 25")
};

}  // namespace chronograph::timex::detail

namespace chronograph::timex {

struct rule_set::impl {
  std::vector<detail::word_list> lists;
  std::unordered_map<std::string, int> list_index;
  std::vector<detail::rule> rules;
  std::vector<example> examples;
  /// First-token index: token key -> rules that may start there; number-token starters.
  std::unordered_map<std::string, std::vector<int>> by_first_key;
  std::vector<std::vector<int>> by_first_id;  ///< by_first_key indexed by interned key
  /// Vocabulary: every literal and list-entry token key, interned to a small integer so that
  /// matching compares integers (one hash lookup per text token).
  /// (detail::string_map: one cheap hash and a flat probe per text token, no std::hash.)
  chronograph::detail::string_map<int, std::string_view> vocab;
  std::vector<std::unique_ptr<std::string>> vocab_storage;
  int intern(const std::string& key) {
    if (const int* id = vocab.find(key)) return *id;
    vocab_storage.push_back(std::make_unique<std::string>(key));
    const int id = static_cast<int>(vocab_storage.size() - 1);
    vocab.try_emplace(*vocab_storage.back(), id);
    return id;
  }
  [[nodiscard]] int id_of(std::string_view key) const {
    const int* id = vocab.find(key);
    return id ? *id : -1;
  }
  std::vector<int> by_number, by_any_word;
  /// By interned key: a word that may open a time expression (the first word of a positive rule
  /// or of a modifier in lists/mod_prefix.tsv) or is listed in lists/not_name.tsv (prepositions,
  /// determiners ...). Such a word is never the `{name}` before a number ("May 2025", "In 2030").
  std::vector<char> not_name;
  std::vector<std::uint32_t> number_first_mask;  ///< per rule: builtin classes that may start it
  /// Per rule, when it starts with a literal L (or `(L)?`): what may follow L. A token equal to
  /// L whose successor cannot follow is skipped without running the pattern ("the" starts
  /// dozens of rules).
  struct follow_filter {
    int lead = -1;                 ///< interned L, -1 = no filter
    std::vector<char> keys;        ///< by interned id
    bool numbers = false, words = false, end = false;
  };
  std::vector<follow_filter> follow;
  /// Per rule: the tokens that may come second in any match of it, whatever the first (`active`
  /// false when a match may be one token long or the second token is not bounded). A token whose
  /// successor is none of them starts no match of the rule.
  struct second_filter {
    bool active = false;
    std::vector<char> keys;  ///< by interned id
    bool numbers = false, words = false;
  };
  std::vector<second_filter> second;
  /// The union of `second` over `by_any_word` (active when each of them is): a word token whose
  /// successor is in none of them starts no rule of `by_any_word` ("{name} {d4}" needs a number
  /// next), so those rules are not tried at every word.
  second_filter any_word_second;
  bool any_word_second_keys = false;  ///< any_word_second.keys has an entry set
  std::size_t max_rule_tokens = 0;
  // Context lists used by the C++ recogniser (loaded from lists/*.tsv).
  int mod_prefix_list = -1;       ///< "about", "more than", "early", "mid-" ... -> mod
  int tense_cue_list = -1;        ///< "will" -> future, "said" -> past
  int cue_gap_list = -1;          ///< words between a cue and the expression ("said on Friday")
  int adjective_context_list = -1;  ///< words after which an "-ed" form is an adjective ("a still unspecified")
  [[nodiscard]] int list(const std::string& name) const {
    const auto it = list_index.find(name);
    return it == list_index.end() ? -1 : it->second;
  }
};

}  // namespace chronograph::timex
