// SPDX-License-Identifier: MIT
// The events stage's word knowledge: lexicons loaded from src/events/resources/ and a per-token
// view of a document (lower-cased form, lemma, POS) that works with or without the text stage's
// tagger. When tokens carry upos::unknown, tags and lemmas are guessed from closed-class words,
// a verb lexicon with regular morphology, the event-noun lexicon and the neighbouring words.
// The later stages (relations) read documents through the same view.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/detail/string_map.hpp"
#include "chronograph/events/event.hpp"
#include "chronograph/text/annotated_document.hpp"

namespace chronograph::events {

/// One non-comment line of a resource table: 1-based line number and TAB-separated fields.
struct table_row {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Reads a TAB-separated table ('#' comments and blank lines skipped).
/// Throws resource_error when the file cannot be read.
[[nodiscard]] std::vector<table_row> read_table(const std::filesystem::path& path);

/// Throws resource_error naming `path:line` and the message.
[[noreturn]] void table_error(const std::filesystem::path& path, std::size_t line, const std::string& message);

/// The three parts of a table row's example "text | a | b", each trimmed of spaces; throws
/// resource_error (`table_error`) naming the expected `format` when it has fewer.
struct example_parts {
  std::string text, first, second;
};
[[nodiscard]] example_parts split_example(const std::filesystem::path& path, std::size_t line, std::string_view example,
                                          std::string_view format);

/// The space-separated words of a table field ("in retaliation for", "return to the white
/// house"), empty words dropped.
[[nodiscard]] std::vector<std::string> split_words(std::string_view field);

/// ASCII lower-casing; typographic apostrophes (U+2019) become "'".
[[nodiscard]] std::string normalize_word(std::string_view form);

/// A token as the events and relations stages see it.
struct word {
  std::size_t token = 0;      ///< index into annotated_document::tokens
  std::size_t sentence = 0;   ///< index into annotated_document::sentences
  std::string lower;          ///< normalize_word(form)
  std::string lemma;          ///< given lemma, else derived from the lexicons
  text::upos tag = text::upos::unknown;  ///< given tag, else guessed (never unknown for words)
  std::string xpos;           ///< given Penn tag, else guessed for verbs ("VBD", "VBN", "VBD|VBN", ...)
  bool tag_guessed = false;   ///< true when the text stage gave no tag
  bool capitalized = false;   ///< first letter upper case
  bool is_negation = false;   ///< not, n't, never, no
  bool starts_clause = false; ///< subordinator or relative pronoun ("that", "while", "which")
  bool is_boundary = false;   ///< clause punctuation (, ; : — ( )) or a subordinator
  std::string aux;            ///< "be", "have", "do", "modal" for auxiliaries, else ""
  std::string aux_tense;      ///< "past", "present", "future" for finite auxiliaries
  std::string modal;          ///< the modal it expresses ("will", "could"), else ""
};

/// Verb analysis of one word form.
struct verb_form {
  std::string lemma;
  std::string xpos;  ///< "VB", "VBZ", "VBG", "VBD", "VBN" or "VBD|VBN" (ambiguous regular -ed)
};

/// Immutable word knowledge of the events stage.
class lexicon {
 public:
  /// Loads every table of src/events/resources/; throws resource_error naming file:line.
  static std::shared_ptr<const lexicon> load_default();
  /// Loads from an explicit resource directory (tests).
  static std::shared_ptr<const lexicon> load(const std::filesystem::path& dir);

  /// The document's tokens as words, tags guessed where the text stage gave none.
  [[nodiscard]] std::vector<word> describe(const text::annotated_document& doc) const;

  /// Verb lemma and Penn tag of a lower-case form, if it is a known verb form.
  [[nodiscard]] std::optional<verb_form> analyze_verb(std::string_view lower) const;
  /// Noun lemma of a lower-case form (plural stripped when the singular is known).
  [[nodiscard]] std::string noun_lemma(std::string_view lower) const;
  /// True when the noun lemma denotes an event (lexicon or nominalization of a known verb).
  [[nodiscard]] bool is_event_noun(std::string_view lemma) const;
  /// True for closed-class words of function_words.tsv ("the", "will", "that").
  [[nodiscard]] bool is_function_word(std::string_view lower) const { return function_words_.count(lower) > 0; }
  /// True for a word of function_words.tsv that is never a verb, whatever a tagger says: a
  /// determiner, pronoun, particle or conjunction ("There should no longer be any questions": a
  /// tagger's verb "no" is no event).
  [[nodiscard]] bool is_never_verb(std::string_view lower) const {
    const auto* fw = function_words_.find(lower);
    return fw && (fw->tag == text::upos::det || fw->tag == text::upos::pron || fw->tag == text::upos::part ||
                  fw->tag == text::upos::cconj || fw->tag == text::upos::sconj);
  }
  /// True for light verbs whose object names the event ("held a call"); light_verbs.tsv.
  [[nodiscard]] bool is_light_verb(std::string_view lemma) const { return light_verbs_.count(lemma) > 0; }
  /// A light verb only for some frames, or whose event noun follows a preposition
  /// (light_verbs.tsv rows with more columns: "extended the same invitation", not "extended the
  /// truce"; "reciprocated with an invitation").
  struct light_verb_limit {
    std::vector<std::string> frames;  ///< the event nouns' frames it is light for
    std::string preposition;          ///< "" = its object is the noun
  };
  /// The limits of a light verb of limited rows, or nullptr (then see is_light_verb).
  [[nodiscard]] const light_verb_limit* limited_light_verb(std::string_view lemma) const noexcept {
    return limited_light_verbs_.find(lemma);
  }
  /// True when the verb is a light verb of an event noun of `frame` (any for unlimited rows).
  [[nodiscard]] bool is_light_verb_of(std::string_view lemma, std::string_view frame) const;
  struct light_verb_example {
    std::string text, verb, noun;  ///< in `text`, `verb` is a light verb of `noun` (mention_of)
    std::size_t line = 0;
  };
  [[nodiscard]] const std::vector<light_verb_example>& light_verb_examples() const noexcept { return light_verb_examples_; }
  /// How an act told as the answer to another is told again (response_acts.tsv): 'i' for a noun
  /// after "in" on the verb it answers with ("hiked tariffs in retaliation"), 'b' for a verb whose
  /// "by" + gerund clause says how ("retaliated by imposing levies"), 0 for other lemmas.
  [[nodiscard]] char response_act(std::string_view lemma) const noexcept {
    const auto* r = response_acts_.find(lemma);
    return r ? *r : '\0';
  }
  struct response_example {
    std::string text, mention, event;  ///< in `text`, `mention` is a mention of `event` (mention_of)
    std::size_t line = 0;
  };
  [[nodiscard]] const std::vector<response_example>& response_examples() const noexcept { return response_examples_; }
  /// True when the lemma is a known verb.
  [[nodiscard]] bool is_verb(std::string_view lemma) const;

  struct class_entry {
    event_class cls = event_class::occurrence;
    double weight = 0.45;
  };
  [[nodiscard]] std::optional<class_entry> class_of(std::string_view lemma) const;
  /// Timeline weight of an event noun (0 when not listed).
  [[nodiscard]] double noun_weight(std::string_view lemma) const;
  /// Direction ("up", "down", "set") of an amount-changing lemma, or "".
  [[nodiscard]] std::string change_direction(std::string_view lemma) const;
  [[nodiscard]] double change_weight(std::string_view lemma) const;
  /// False for frames whose definite mentions do not refer back to one dated occurrence
  /// ("the tariffs"); event_frames.tsv column "refers".
  [[nodiscard]] bool frame_refers_back(std::string_view frame) const { return !non_referring_frames_.count(frame); }
  /// Event frame of a lemma ("call" -> "contact"); the lemma itself when unlisted.
  [[nodiscard]] std::string frame_of(std::string_view lemma) const;
  /// True when event_frames.tsv lists the lemma.
  [[nodiscard]] bool has_frame(std::string_view lemma) const noexcept { return frames_.contains(lemma); }
  /// "process" (talks, a call) or "outcome" (an agreement) from event_frames.tsv; "" otherwise.
  [[nodiscard]] std::string_view frame_kind(std::string_view lemma) const noexcept;
  /// The frame a compound modifier gives the event noun it modifies ("phone" in "phone talks"
  /// -> "contact"), or nullptr.
  [[nodiscard]] const std::string* modifier_frame(std::string_view lemma) const noexcept;
  /// A frame a lemma takes only with the words that follow it ("took office", "return to the
  /// White House" -> "inauguration"): event_frames.tsv rows whose first column is a phrase.
  struct phrase_frame {
    std::vector<std::string> words;  ///< lower-case words right after the lemma, in order
    std::string frame;
  };
  /// The phrase rows of a lemma (its first word), or nullptr.
  [[nodiscard]] const std::vector<phrase_frame>* phrase_frames(std::string_view lemma) const noexcept {
    return phrase_frames_.find(lemma);
  }
  /// The examples of event_frames.tsv: in `text`, `trigger` gets frame `frame`.
  struct frame_example {
    std::string text, trigger, frame;
    std::size_t line = 0;
  };
  [[nodiscard]] const std::vector<frame_example>& frame_examples() const noexcept { return frame_examples_; }

  // Names and quantities.
  [[nodiscard]] bool is_title(std::string_view lower) const;
  /// 'm' or 'f' for a title or given name that tells a person's gender (person_words.tsv:
  /// "mrs.", "janet"), else 0.
  [[nodiscard]] char gender_of(std::string_view lower) const noexcept {
    const char* g = person_words_.find(lower);
    return g && *g != 'i' ? *g : 0;
  }
  /// True for a word that ends the name of a place or an institution, not a person's
  /// (person_words.tsv rows marked "i": "university", "street").
  [[nodiscard]] bool is_institution_word(std::string_view lower) const noexcept {
    const char* g = person_words_.find(lower);
    return g && *g == 'i';
  }
  [[nodiscard]] std::optional<std::string> demonym_country(std::string_view form) const;
  [[nodiscard]] std::optional<std::string> alias_of(std::string_view name) const;
  [[nodiscard]] bool is_non_actor(std::string_view name) const;
  struct unit_entry {
    std::string kind;
    double factor = 1;
  };
  [[nodiscard]] std::optional<unit_entry> unit_of(std::string_view lower) const;
  /// What the training data says about a lemma with a coarse part of speech ("VERB", "NOUN",
  /// "ADJ"): how many of its tokens were gold events, out of how many, and their usual class.
  struct learned_entry {
    std::size_t events = 0, total = 0;
    std::optional<event_class> cls;
    [[nodiscard]] double ratio() const noexcept { return total ? double(events) / double(total) : 0.0; }
  };
  [[nodiscard]] std::optional<learned_entry> learned(std::string_view lemma, std::string_view pos) const;
  /// learned(), without the copy: the entry, or nullptr.
  [[nodiscard]] const learned_entry* find_learned(std::string_view lemma, std::string_view pos) const;
  /// class_of(), without the copy: the entry, or nullptr.
  [[nodiscard]] const class_entry* find_class(std::string_view lemma) const noexcept { return classes_.find(lemma); }
  /// unit_of(), without the copy: the entry, or nullptr.
  [[nodiscard]] const unit_entry* find_unit(std::string_view lower) const noexcept {
    // Most words are no unit: their (first two bytes, length) shape rules them out without hashing.
    if (!lower.empty()) {
      const std::size_t shape = unit_shape(lower);
      if (!(unit_shapes_[shape / 64] >> (shape % 64) & 1)) return nullptr;
    }
    return find_unit_entry(lower);
  }
  /// A 16-bit digest of a non-empty string's first two bytes and length (find_unit's filter).
  [[nodiscard]] static std::size_t unit_shape(std::string_view s) noexcept {
    const std::size_t b0 = static_cast<unsigned char>(s[0]), b1 = s.size() > 1 ? static_cast<unsigned char>(s[1]) : 0;
    return ((b0 * 257 + b1) * 64 + std::min<std::size_t>(s.size(), 63)) & 0xFFFF;
  }
  /// True when change_direction(lemma) is not empty (the lemma changes an amount).
  [[nodiscard]] bool is_change(std::string_view lemma) const noexcept { return changes_.contains(lemma); }
  /// True when alias_of(name) has a value.
  [[nodiscard]] bool has_alias(std::string_view name) const noexcept { return aliases_.contains(name); }
  /// True when demonym_country(form) has a value.
  [[nodiscard]] bool is_demonym(std::string_view form) const noexcept { return demonyms_.contains(form); }
  /// True for a sentence that is page furniture (copyright lines, "click here", credits),
  /// recognised by the markers of boilerplate.tsv.
  [[nodiscard]] bool is_boilerplate(std::string_view sentence) const;

 private:
  struct function_word {
    text::upos tag = text::upos::x;
    std::string aux, tense, modal;
    bool neg = false, sub = false, poss = false;
  };
  detail::string_map<function_word> function_words_;
  detail::string_set<> verbs_;
  detail::string_map<verb_form> irregular_;  // past / participle forms
  detail::string_map<double> nouns_;         // lemma -> weight
  detail::string_map<std::string> plurals_;  // plural -> lemma
  std::vector<std::pair<std::string, std::string>> nominal_suffixes_;
  detail::string_set<> non_event_nouns_;
  detail::string_map<class_entry> classes_;
  detail::string_map<std::pair<std::string, double>> changes_;
  detail::string_map<std::string> frames_;
  detail::string_set<> non_referring_frames_;
  detail::string_map<std::string> frame_kinds_;      // lemma -> "process" / "outcome"
  detail::string_map<std::string> modifier_frames_;  // compound modifier -> frame it gives
  detail::string_map<std::vector<phrase_frame>> phrase_frames_;  // first lemma -> its phrases
  std::vector<frame_example> frame_examples_;
  detail::string_set<> light_verbs_;
  detail::string_map<light_verb_limit> limited_light_verbs_;
  std::vector<light_verb_example> light_verb_examples_;
  detail::string_map<char> response_acts_;
  std::vector<response_example> response_examples_;
  detail::string_set<> titles_;
  detail::string_map<char> person_words_;
  detail::string_map<std::string> demonyms_;
  detail::string_map<std::string> aliases_;
  detail::string_set<> non_actors_;
  detail::string_map<unit_entry> units_;
  // find_unit() past its filter (out of line: the filter inlines where it is called).
  [[nodiscard]] const unit_entry* find_unit_entry(std::string_view lower) const noexcept;
  // Bit unit_shape(u) set for every unit u (find_unit's filter).
  std::uint64_t unit_shapes_[65536 / 64] = {};
  std::vector<std::string> boilerplate_markers_;  // lower case
  // For one pass over a sentence instead of one search per marker: the first four bytes of the
  // markers of four bytes or more (a 65536-bit set of their hashes, and the prefixes
  // themselves), and the shorter markers (searched for one by one).
  std::vector<std::uint64_t> marker_prefix_hashes_;
  std::vector<std::pair<std::uint32_t, std::size_t>> long_markers_;  // (prefix, index into boilerplate_markers_)
  std::vector<std::size_t> short_markers_;
  // Lemmas that nominalize a known verb (nominal_suffixes.tsv applied to verbs.tsv), with the
  // verb of the first suffix row that derives them ("negotiation" -> "negotiate").
  detail::string_map<std::string> nominalizations_;
  // is_event_noun() of every lemma the three tables above name (absent: false).
  detail::string_map<bool> event_noun_verdict_;
  // learned_events.tsv by coarse part of speech: VERB, NOUN, ADJ, and any other.
  detail::string_map<learned_entry> learned_verb_, learned_noun_, learned_adj_;
  detail::string_map<learned_entry> learned_other_;  // "lemma\tPOS" -> entry

  [[nodiscard]] const detail::string_map<learned_entry>* learned_table(std::string_view pos) const noexcept;
  /// The tag of an untagged word; `previous` is the word before it in its sentence, if any.
  [[nodiscard]] text::upos guess_tag(const word* previous, std::string_view form, std::string_view lower,
                                     bool sentence_initial, std::string& xpos) const;
};

/// An extractor over an explicit lexicon (tests, custom resource directories).
[[nodiscard]] std::shared_ptr<const extractor> make_extractor(std::shared_ptr<const lexicon> lex);

/// Parses a TimeML class name ("OCCURRENCE"); nullopt otherwise.
[[nodiscard]] std::optional<event_class> event_class_from_string(std::string_view name) noexcept;

}  // namespace chronograph::events
