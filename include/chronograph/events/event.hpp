// SPDX-License-Identifier: MIT
// An event mention in one document (TimeML EVENT + MAKEINSTANCE attributes) with participants,
// quantities and a readable summary.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::events {

class lexicon;
struct word;

enum class event_class { occurrence, reporting, i_action, i_state, aspectual, state, perception };
enum class tense { none, past, present, future, infinitive, prespart, pastpart };
enum class aspect { none, progressive, perfective, perfective_progressive };
enum class polarity { pos, neg };
[[nodiscard]] const char* to_string(event_class c) noexcept;  ///< TimeML spelling: "OCCURRENCE"
[[nodiscard]] const char* to_string(tense t) noexcept;        ///< "PAST", "NONE", ...
[[nodiscard]] const char* to_string(aspect a) noexcept;       ///< "PERFECTIVE", "NONE", ...
[[nodiscard]] const char* to_string(polarity p) noexcept;     ///< "POS" / "NEG"

/// A number the event is about: "145%", "$295 billion", "90 days" (role "from"/"to" in changes).
struct quantity {
  std::string kind;   ///< "percent", "money", "count"
  std::string text;   ///< as written
  double value = 0;   ///< numeric value (145 for "145%")
  std::string role;   ///< "from", "to" or ""
};

struct event_mention {
  std::string id;               ///< "e1", "e2", ... in text order
  byte_span span;               ///< the trigger word(s)
  std::string trigger;          ///< surface text of the trigger
  std::string lemma;
  std::size_t sentence = 0;     ///< index into annotated_document::sentences
  event_class cls = event_class::occurrence;
  tense tns = tense::none;
  aspect asp = aspect::none;
  polarity pol = polarity::pos;
  std::string modality;         ///< "will", "could", ... or ""
  std::string summary;          ///< short readable label built from the sentence
  std::vector<std::string> actors;
  std::vector<quantity> quantities;
  double salience = 0;          ///< 0..1: how much it belongs on the default timeline
  double confidence = 0;        ///< 0..1
  std::string frame;            ///< kind of event shared by synonyms and nominalizations
                                ///< ("call", "spoke", "conversation" -> "contact"); else the lemma
  text::upos pos = text::upos::unknown;  ///< part of speech of the trigger (verb, noun, ...)
  std::vector<byte_span> actor_spans;    ///< where each actor was found (parallel to actors)
  std::size_t subject_count = 0;         ///< the first subject_count actors are who acted
  /// Local id of the event this mention tells again, or "": what a change verb changes is a
  /// mention of the change ("lowered duties": "duties" -> the lowering's id). Merging makes the
  /// two one story event whatever their dates; TimeML output keeps both EVENTs.
  std::string mention_of;
  // Filled by the relations stage (anchoring):
  std::string when_value;       ///< TIMEX3 value of its time, or ""
  std::string when_anchor;      ///< timex id ("t3"), "dct", "inferred" or ""
  /// Bounds for an event without a date of its own (TIMEX3 values, "" = open): "stalled after
  /// a May 12 agreement" -> not_before "2025-05-12"; a past-tense event -> not_after the DCT.
  std::string when_not_before, when_not_after;
  /// Planned or expected rather than reported as having happened ("will meet", "the upcoming
  /// talks"); set by the relations stage.
  bool is_future = false;
  /// Told as an event its writer takes as known, not one the sentence introduces; set by the
  /// relations stage: a definite event noun that names no other or planned instance ("the
  /// inauguration", "Trump's return", "those talks", "their first call"; not "the previous call",
  /// "the upcoming talks"), or a verb of a clause of time introduced by "since" or "after" ("since
  /// returning to office", "after Trump took office").
  bool presupposed = false;
};

class extractor {
 public:
  /// Loads lexicons and models from the resource root; throws resource_error.
  static std::shared_ptr<const extractor> load_default();
  virtual ~extractor() = default;
  /// Events of one document, in text order. Thread-safe.
  [[nodiscard]] virtual std::vector<event_mention> extract(const text::annotated_document& doc,
                                                           const std::vector<timex::mention>& times,
                                                           std::vector<diagnostic>& diagnostics) const = 0;
  /// The lexicon it reads documents with (lexicon::describe), if any.
  [[nodiscard]] virtual const lexicon* word_lexicon() const noexcept { return nullptr; }
  /// extract() of a document that word_lexicon() has described already (`words`), so that
  /// stages using the same lexicon describe each document once (analyze_document).
  [[nodiscard]] virtual std::vector<event_mention> extract_described(const text::annotated_document& doc,
                                                                     const std::vector<word>& words,
                                                                     const std::vector<timex::mention>& times,
                                                                     std::vector<diagnostic>& diagnostics) const {
    (void)words;
    return extract(doc, times, diagnostics);
  }
};

}  // namespace chronograph::events
