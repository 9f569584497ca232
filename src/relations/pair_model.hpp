// SPDX-License-Identifier: MIT
// Trained classifiers over pairs of events and times (private to the relations stage and its
// tests): the features of an event-event, event-time or event-DCT pair, hashed as they are made
// (feature_sink), a linear model over hashed features with a small text file format
// (pair_model), a deterministic averaged-perceptron trainer, and the linker's uses of them: the
// MATRES order links, the TempEval-3 TLINK models (tlink_models) and the causal pair model.
//
// Model file: "# ..." header lines (data, license, the command that rebuilds it), then
//   chronograph-pair-model 2
//   bits <B>
//   labels <L1> <L2> ...
//   <bucket> <w1> <w2> ...      (one line per non-zero bucket, ascending)
// Version 2: a feature's bucket is the top B bits of its 64-bit hash (feature_sink); version 1
// files (FNV-1a of the feature string) are refused, since their buckets mean other features.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/events/event.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/relations/linker_tables.hpp"
#include "chronograph/text/annotated_document.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::relations {

/// 64-bit FNV-1a of a string (stable across platforms; usable at compile time).
[[nodiscard]] constexpr std::uint64_t fnv1a(std::string_view s) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

/// A value that a feature combines: its hash and its text (the text only names the feature in
/// tests and debugging; it must outlive the feature_sink::add call).
struct feature_value {
  std::uint64_t hash = 0;
  std::string_view text;
};
/// A value hashed now (for values that are not precomputed).
[[nodiscard]] inline feature_value value_of(std::string_view text) noexcept { return {fnv1a(text), text}; }

/// The name of a feature template ("l1", "sd"), hashed at compile time when constant.
struct feature_name {
  std::uint64_t hash;
  std::string_view text;
  constexpr explicit feature_name(std::string_view n) noexcept : hash(fnv1a(n)), text(n) {}
};

/// Collects the hashed features of one example: a feature is a name and up to three values,
/// hashed as it is added (no strings are built unless names are kept, for tests).
class feature_sink {
 public:
  explicit feature_sink(unsigned bits, bool keep_names = false) : bits_(bits), keep_names_(keep_names) {}
  void clear() noexcept {
    buckets_.clear();
    names_.clear();
  }
  void add(const feature_name& name) { push(name.hash, name, {}); }
  /// A feature of four values.
  void add(const feature_name& name, feature_value a, feature_value b, feature_value c, feature_value d) {
    push(combine(combine(combine(combine(name.hash, a.hash), b.hash), c.hash), d.hash), name, {a, b, c, d});
  }
  void add(const feature_name& name, feature_value a) { push(combine(name.hash, a.hash), name, {a}); }
  void add(const feature_name& name, feature_value a, feature_value b) {
    push(combine(combine(name.hash, a.hash), b.hash), name, {a, b});
  }
  void add(const feature_name& name, feature_value a, feature_value b, feature_value c) {
    push(combine(combine(combine(name.hash, a.hash), b.hash), c.hash), name, {a, b, c});
  }
  [[nodiscard]] const std::vector<std::uint32_t>& buckets() const noexcept { return buckets_; }
  /// "name=a|b|c" per feature, when the sink keeps names (else empty).
  [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
  [[nodiscard]] bool keeps_names() const noexcept { return keep_names_; }
  [[nodiscard]] unsigned bits() const noexcept { return bits_; }

  /// Order-dependent combination of two hashes (a bijective 64-bit mixer over their xor).
  [[nodiscard]] static constexpr std::uint64_t combine(std::uint64_t h, std::uint64_t v) noexcept {
    std::uint64_t x = (h * 0x9E3779B97F4A7C15ull) ^ v;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 32;
    return x;
  }

 private:
  void push(std::uint64_t h, const feature_name& name, std::initializer_list<feature_value> values) {
    buckets_.push_back(static_cast<std::uint32_t>(h >> (64 - bits_)));
    if (keep_names_) push_name(name, values);
  }
  void push_name(const feature_name& name, std::initializer_list<feature_value> values);

  unsigned bits_;
  bool keep_names_;
  std::vector<std::uint32_t> buckets_;
  std::vector<std::string> names_;
};

/// Bucket of a single-string feature as feature_sink computes it for `feature_name(name)` alone
/// (tests and toy models).
[[nodiscard]] std::uint32_t feature_bucket(std::string_view name, unsigned bits) noexcept;

/// What one document's pairs share, computed once: word positions, lower-case forms, the
/// dependency tree, each event's attributes as feature values, each time's place on the DCT's
/// axis, the main event of each sentence.
struct pair_context {
  const text::annotated_document& doc;
  const std::vector<events::event_mention>& events;
  const std::vector<timex::mention>& times;

  std::vector<std::size_t> token_of;  ///< per event: its first token (doc.tokens.size() if none)
  std::vector<int> event_at;          ///< per token: the event starting there, or -1
  std::vector<std::size_t> sentence_of;  ///< per token
  std::vector<std::string_view> lower;   ///< per token: events::normalize_word(form)
  std::vector<std::uint8_t> quoted;      ///< per token: an opening quotation mark precedes it in its sentence
  std::vector<feature_value> word, lemma, deprel;  ///< per token (deprel without its subtype)
  std::vector<int> head;               ///< per token: the head's token index, -1 for a root or unparsed
  std::vector<std::uint8_t> depth;     ///< per token: steps to the root (capped)
  std::vector<std::size_t> time_first, time_last;  ///< per time: its token range (tokens.size() if none)
  std::vector<int> time_at;            ///< per token: the time covering it, or -1
  std::vector<int> main_event;         ///< per sentence: its main event (the verb nearest the root), or -1

  /// Per event: feature values of its attributes.
  struct event_values {
    feature_value cls, ta, pos, pol, modality, lemma, fw, marks, dep, xpos, date;
  };
  std::vector<event_values> ev;
  /// Per time: its type and where it lies against the DCT ("before", "same", "after",
  /// "includes", "none").
  std::vector<feature_value> time_type, time_vs_dct;
  /// Days of each event's date (when_value) and of each time; each time's grain (grain_of, -1
  /// when it has none).
  std::vector<std::optional<timex::day_interval>> event_days, time_days;
  std::vector<int> time_grain;

  /// `words`: the events lexicon's description of the document (events::lexicon::describe),
  /// when the caller has it (its lower-case forms are reused), else null.
  pair_context(const text::annotated_document& d, const std::vector<events::event_mention>& evs,
               const std::vector<timex::mention>& tms = no_times(), const std::vector<events::word>* words = nullptr);
  pair_context(const pair_context&) = delete;
  pair_context& operator=(const pair_context&) = delete;

  /// The lowest common ancestor of two tokens of one sentence, with the steps up from each,
  /// when the parse joins them.
  [[nodiscard]] std::optional<std::array<std::size_t, 3>> common_head(std::size_t a, std::size_t b) const;

 private:
  static const std::vector<timex::mention>& no_times();
  std::vector<std::string> marks_;  // per event: its marker and case words ("after", "because_of")
  std::vector<std::string> lower_storage_;  // the lower-case forms when no words were given
};

/// Features of the ordered event pair (a, b): attributes and lemmas of both events, their
/// distance and order, words and signals between them, the dependency path, reporting
/// structure, their dates. Adds nothing when either event has no token.
void pair_features(const pair_context& ctx, std::size_t a, std::size_t b, feature_sink& out);

/// Features of an event and the document creation time: its attributes, the words that carry
/// its tense and mood, what governs it, its anchored date against the DCT, the times of its
/// sentence.
void dct_features(const pair_context& ctx, std::size_t e, feature_sink& out);

/// Features of an event and a time expression of the same sentence: the event's attributes, the
/// time's type and place against the DCT, the signal before the time, distance, order and the
/// dependency path, and whether the anchoring rules chose this time for the event.
void time_features(const pair_context& ctx, std::size_t e, std::size_t t, feature_sink& out);

/// A training example: hashed features and the index of the gold label; `group` (a document
/// id) keeps a document's examples together when cross-validating.
struct pair_example {
  std::vector<std::uint32_t> features;
  std::size_t label = 0;
  std::string group;
};

struct pair_training_options {
  unsigned epochs = 10;
  std::uint64_t seed = 1;  ///< order of the examples in each epoch (fixed: training is deterministic)
  /// Per-label weight of a mistake on a gold example of that label (empty = all 1): a rare
  /// label can count more.
  std::vector<double> label_cost;
};

/// Linear multi-class model over hashed features.
class pair_model {
 public:
  pair_model() = default;
  pair_model(std::vector<std::string> labels, unsigned bits);

  /// Reads a model file; throws resource_error naming the file (and line) when it is bad.
  [[nodiscard]] static pair_model load(const std::filesystem::path& path);
  /// Writes the model with the given header lines (each written as "# line"); throws io_error.
  void save(const std::filesystem::path& path, const std::vector<std::string>& header) const;

  /// Averaged perceptron over the examples (deterministic for given options).
  [[nodiscard]] static pair_model train(const std::vector<pair_example>& examples, std::vector<std::string> labels,
                                        unsigned bits, const pair_training_options& options);

  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  [[nodiscard]] unsigned bits() const noexcept { return bits_; }
  [[nodiscard]] bool empty() const noexcept { return weights_.empty(); }
  /// Index of a label, labels().size() when absent.
  [[nodiscard]] std::size_t label_index(const std::string& label) const noexcept;

  /// One score per label.
  [[nodiscard]] std::vector<double> scores(const std::vector<std::uint32_t>& buckets) const;
  /// Best label index and its margin over the second best (no allocation).
  [[nodiscard]] std::pair<std::size_t, double> predict(const std::vector<std::uint32_t>& buckets) const;
  /// The best label other than `reference` and its score minus the reference label's score
  /// (no allocation): how much a relation beats NONE.
  [[nodiscard]] std::pair<std::size_t, double> predict_against(const std::vector<std::uint32_t>& buckets,
                                                               std::size_t reference) const;

 private:
  std::vector<std::string> labels_;
  unsigned bits_ = 0;
  std::vector<float> weights_;  ///< bucket * labels + label
};

/// Features of a causal pair of one sentence (a before b in text): classes, tenses, distance,
/// the words between them (short gaps), the dependency path and the word that joins them, their
/// marker words and governors, and whether the cue rules (`links`, by event id) already join
/// them and in which direction. Fewer and less lexical than pair_features: 318 links to learn
/// from (5-fold on Causal-TimeBank: rules + model F1 0.413 with pair_features, 0.42 with these).
void causal_pair_features(const pair_context& ctx, std::size_t a, std::size_t b, const std::vector<link>& links,
                          feature_sink& out);

/// Labels of the causal model: no link, the first event (in text) causes the second, or the
/// second causes the first.
inline const std::vector<std::string> causal_labels{"NONE", "CAUSES", "CAUSED_BY"};
/// Labels of the MATRES order model ("event1 relation event2" on start points).
inline const std::vector<std::string> order_labels{"BEFORE", "AFTER", "EQUAL", "VAGUE"};

/// Candidate pairs of the causal model: two events of one sentence, a before b in text, with at
/// most ten events between them.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> causal_candidates(const pair_context& ctx);

/// Causal links a causal pair model adds to `links` (the rule links): pairs it labels CAUSES or
/// CAUSED_BY with at least `min_margin`, unless the rules already join them or the cause is
/// dated after the effect. Rule "causal.model", confidence 0.4-0.6.
[[nodiscard]] std::vector<link> model_causal_links(const pair_model& m, const pair_context& ctx,
                                                   const std::vector<link>& links, double min_margin);

/// How sure the causal model must be to add a link in the shipped linker (linker::load_default),
/// and in eval_causal, which measures what ships. See default_causal_margin in pair_model.cpp.
[[nodiscard]] double default_causal_margin() noexcept;

/// The rules of the ambiguous causal cues (direction parse_backward: "by"), whose links the
/// causal model must confirm: "causal.cue:by".
[[nodiscard]] std::vector<std::string> checked_causal_rules(const linker_tables& tables);

/// The causal model's say on the rule links (`links`, all of the document's): a causal link of
/// an ambiguous cue (its rule in `checked_rules`, e.g. "causal.cue:by": "hurt by the strike" but
/// "won by a wide margin") stays only where the model labels the pair the same way; then the
/// links model_causal_links adds. The features see the rule links as they came. Without a model
/// the links are returned as they are.
[[nodiscard]] std::vector<link> apply_causal_model(const pair_model& m, const pair_context& ctx, std::vector<link> links,
                                                   const std::vector<std::string>& checked_rules, double min_margin);

/// Start-point order links of the MATRES model between consecutive verb events of a sentence and
/// the main events (both verbs) of consecutive sentences that the rule links (`links`) leave unordered: BEFORE, AFTER or
/// SIMULTANEOUS (for EQUAL) when the model says so with at least `min_margin`. Rule "order.model".
[[nodiscard]] std::vector<link> model_order_links(const pair_model& m, const pair_context& ctx,
                                                  const std::vector<link>& links, double min_margin);

/// TempEval-3's kinds of TLINK pairs within a sentence and against the DCT: an event and the
/// DCT, an event and a time of the same sentence, two events of one sentence. (A model for the
/// main events of consecutive sentences lost more precision than it gained recall, on
/// TimeBank-Dense and AQUAINT alike: the MATRES order links cover those pairs.)
enum class tlink_kind : std::uint8_t { event_dct, event_time, event_event };
inline constexpr std::size_t tlink_kinds = 3;
[[nodiscard]] const char* to_string(tlink_kind k) noexcept;  ///< "event_dct", ...

/// A candidate pair: `a` an event; `b` a time (event_time), an event after `a` in the text
/// (event_event), unused for event_dct.
struct tlink_candidate {
  tlink_kind kind = tlink_kind::event_dct;
  std::size_t a = 0, b = 0;
};

/// The candidate pairs of a document, by kind then text order. Event-DCT pairs only when the
/// document has a DCT; times that are not DATE, TIME or DURATION are left out; two events of a
/// sentence with at most one event between them.
[[nodiscard]] std::vector<tlink_candidate> tlink_candidates(const pair_context& ctx);

/// The features of a candidate (dct_features, time_features or pair_features).
void tlink_features(const pair_context& ctx, const tlink_candidate& c, feature_sink& out);

/// Labels of the TLINK models: NONE (no relation), then the relations "a REL b". The rarer TimeML
/// relations (BEGINS, ENDS, IBEFORE, ...; 3% of the training pairs, few of them right when
/// predicted) are left to the rules ("since", "until").
inline const std::vector<std::string> tlink_labels{"NONE", "BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS"};

/// One TLINK model per kind of pair (files tlink_<kind>.model) and how sure each must be.
struct tlink_models {
  std::array<pair_model, tlink_kinds> by_kind;
  /// Per kind: a relation is kept when its score beats NONE's by at least this much.
  std::array<double, tlink_kinds> min_margin{};
  [[nodiscard]] bool empty() const noexcept;
  /// The margins the shipped linker uses (measured by eval_task_c; see the relations README).
  [[nodiscard]] static std::array<double, tlink_kinds> default_margins() noexcept;
  /// Reads tlink_<kind>.model of each kind from `dir`, margins default_margins(); throws resource_error.
  [[nodiscard]] static tlink_models load(const std::filesystem::path& dir);
};

/// The TLINKs the models give to the candidate pairs that the rule links (`links`) leave
/// unrelated: the best relation when it beats NONE by the kind's margin. Rule "tlink.<kind>",
/// confidence 0.3-0.55 (below the rules). `time_floor` (per event, a token index; 0 for none):
/// an event is not linked to a time that ends before its floor (an event noun introduced by an
/// event signal and the times before the signal, which date the clause it is related to).
[[nodiscard]] std::vector<link> model_tlinks(const tlink_models& m, const pair_context& ctx,
                                             const std::vector<link>& links,
                                             const std::vector<std::size_t>* time_floor = nullptr);

/// Local id of the DCT in links ("t0").
inline constexpr const char* dct_id = "t0";

class linker;  // chronograph/relations/link.hpp
/// The default linker's rule links of one document, before any model and before the
/// consistency check, with the events anchored as the models see them: what the models are
/// trained on. Throws std::logic_error for a linker that is not the default one.
[[nodiscard]] std::vector<link> rule_links(const linker& l, const text::annotated_document& doc,
                                           const std::vector<timex::mention>& times,
                                           std::vector<events::event_mention>& events,
                                           std::vector<diagnostic>& diagnostics);

/// The default linker (default tables and lexicon) with the given models instead of the
/// shipped ones (training and evaluation programs).
[[nodiscard]] std::shared_ptr<const linker> make_model_linker(pair_model order, double order_margin,
                                                              tlink_models tlinks, pair_model causal = {},
                                                              double causal_margin = 0);

}  // namespace chronograph::relations
