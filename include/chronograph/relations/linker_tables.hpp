// SPDX-License-Identifier: MIT
// The relations stage's language tables (src/relations/resources/): causal cues, temporal
// signals and the modifiers that block date inference. Exposed so that tests can run their
// examples and custom resource directories can be loaded.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/link.hpp"

namespace chronograph::relations {

/// A causal cue ("prompting", "in retaliation for") and which side holds the cause.
struct causal_cue {
  std::vector<std::string> words;  ///< lower case
  std::string direction;           ///< forward, backward, backward_prev, forward_prev, self_backward
  relation rel = relation::causes;
  std::string example, example_cause, example_effect;  ///< "sentence | cause | effect" from the table
  std::size_t line = 0;
};

/// A temporal signal ("after", "prior to") and the relation it gives (event REL time/event).
struct temporal_signal {
  std::vector<std::string> words;
  relation rel = relation::is_included;
  std::string scope;  ///< "time", "event" or "both"
  std::string example;
  std::size_t line = 0;
};

/// The relation between an event and the event that governs it in the parse, by the governor's
/// class, the dependency and the governed event's tense ("agreed to pay": pay AFTER agreed).
struct governed_rule {
  std::string governor_class;  ///< TimeML class ("I_ACTION") or "*"
  std::string dependency;      ///< UD relation without subtype ("xcomp")
  std::string tense;           ///< TimeML tense of the governed event ("INFINITIVE") or "*"
  relation rel = relation::after;  ///< governed REL governor
  std::string example, example_governed, example_governor;  ///< "sentence | governed | governor"
  std::size_t line = 0;
};

/// A modifier of non_anaphoric.tsv and the example the tests run: in `example`, the `nth`
/// mention (from 0) with trigger `trigger` gets `expected` (a date value, "none" or "planned").
struct reference_modifier {
  std::string word, kind;  ///< kind: future, more, other, ordinal or latest
  std::string example, trigger, expected;
  std::size_t nth = 0;
  std::size_t line = 0;
};

struct linker_tables {
  std::vector<causal_cue> causal;        ///< longest cue first
  std::vector<temporal_signal> signals;  ///< longest signal first
  std::vector<governed_rule> governed;   ///< in file order (the first that matches applies)
  std::set<std::string> non_anaphoric;  ///< every modifier of non_anaphoric.tsv
  std::set<std::string> future_modifiers;  ///< those of kind "future" or "more"
  std::set<std::string> more_modifiers;    ///< kind "more": a plan unless the clause is told as past
  std::set<std::string> ordinal_modifiers;  ///< kind "ordinal": "first", "second"
  std::set<std::string> latest_modifiers;   ///< kind "latest": "latest", "recent"
  std::set<std::string> ahead_nouns;        ///< kind "ahead": "expectation" (for the talks)
  std::vector<reference_modifier> modifiers;  ///< every row, with its example
  std::set<std::string> first_words;       ///< first word of every cue and signal (fast filter)
  /// Loads the tables of a resource directory; throws resource_error naming file:line.
  static linker_tables load(const std::filesystem::path& dir);
};

/// A linker over explicit tables (tests, custom resource directories).
[[nodiscard]] std::shared_ptr<const linker> make_linker(std::shared_ptr<const events::lexicon> lex,
                                                        linker_tables tables);

}  // namespace chronograph::relations
