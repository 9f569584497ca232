// SPDX-License-Identifier: MIT
// Scoring cross-document event coreference: a story's nodes against a hand-written key.
//
// The key is a TSV file, one line per event mention: `event <TAB> doc <TAB> trigger <TAB> context`.
// `event` names the real-world event (mentions with one name are one event), `doc` is the document
// id, `trigger` the word that tells the event, and `context` a piece of the document's text that
// occurs once in it and holds the trigger once as a whole word ("\n" in it is a line break, for
// headlines and headings on lines of their own; "\t" a tab, "\\" a backslash). Lines starting
// with # are comments.
//
// Scores are over the key's mentions only (gold mentions, as in ECB+ work): each key mention is
// placed in the story node whose mention has an EVENT extent over its trigger, or alone when no
// system event is there. MUC, B-cubed and CEAF-e are the CoNLL-2012 definitions (CEAF-e with the
// optimal one-to-one alignment of entities), and CoNLL F1 is their mean.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/story.hpp"
#include "chronograph/types.hpp"

namespace chronograph::merge {

struct key_mention {
  std::string event, doc, trigger, context;
  std::size_t line = 0;  ///< 1-based line of the key file
};

/// Parses a key. Throws input_error ("<origin>:<line>: <what>") on a line without four fields
/// or with an empty one, an unknown escape, and the same (doc, context, trigger) twice.
[[nodiscard]] std::vector<key_mention> read_key(std::string_view tsv, const std::string& origin);

/// A system event mention: where its trigger is and which story node holds it.
struct system_mention {
  std::string doc;
  byte_span span;    ///< the trigger, bytes into the document text
  std::string node;  ///< story event id
};

/// The story node of each mention id ("<doc>:e5" -> story event id), to build system_mentions
/// from a document's event spans.
[[nodiscard]] std::map<std::string, std::string> node_of_mentions(const story& s);

struct prf {
  double precision = 0, recall = 0, f1 = 0;
};

struct coref_score {
  std::size_t key_mentions = 0, key_events = 0;
  std::size_t found = 0;           ///< key mentions a system event covers
  std::size_t response_chains = 0; ///< story nodes (and lone unfound mentions) the key mentions fall in
  prf muc, b_cubed, ceaf_e;
  double conll_f1 = 0;
  /// Key events whose mentions lie in more than one node: event -> "node: doc trigger, ..." lines.
  std::map<std::string, std::vector<std::string>> split;
  /// Nodes holding mentions of more than one key event: node -> "event: doc trigger, ..." lines.
  std::map<std::string, std::vector<std::string>> mixed;
  std::vector<std::string> unfound;  ///< "key line N: doc trigger (context)" of mentions no system event covers
};

/// Scores `system` against `key`. `texts` maps each document id to its text. Throws input_error
/// naming the key line when a key line's document is unknown, its context does not occur exactly
/// once, or its trigger is not exactly once a whole word of the context.
[[nodiscard]] coref_score score_coreference(const std::vector<key_mention>& key, const std::string& key_origin,
                                            const std::map<std::string, std::string>& texts,
                                            const std::vector<system_mention>& system);

/// The figures, then every split event, mixed node and unfound mention.
[[nodiscard]] std::string format_score(const coref_score& score);

}  // namespace chronograph::merge
