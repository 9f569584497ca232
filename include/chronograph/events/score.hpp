// SPDX-License-Identifier: MIT
// TempEval-3 Task B scoring of TimeML events, and the bridge from event mentions to TimeML.
// Definitions, as TempEval-3 reports them: a system EVENT is correct when its extent overlaps a
// gold EVENT (relaxed; strict = identical extent); precision counts correct system events,
// recall the gold events some system event overlaps. Class, tense, aspect and polarity are
// accuracies over the matched gold events (each gold event scored once, by the first system
// event that overlaps it); class F1 = class accuracy x relaxed F1, TempEval-3's ranking measure.
// Documents are paired by DOCID; counts are micro-averaged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chronograph/events/event.hpp"
#include "chronograph/ingest/timeml.hpp"

namespace chronograph::events {

struct event_counts {
  std::size_t gold = 0, system = 0;
  std::size_t system_correct = 0;  ///< system events overlapping a gold event
  std::size_t gold_found = 0;      ///< gold events some system event overlaps (= attribute pairs)
  std::size_t strict = 0;          ///< matched pairs with identical extents
  std::size_t class_ok = 0, tense_ok = 0, aspect_ok = 0, polarity_ok = 0;
  /// Polarity over documents where at most half of the gold events are NEG: some AQUAINT files
  /// mark nearly every event NEG, an annotation artifact.
  std::size_t plain_pairs = 0, plain_polarity_ok = 0;
  event_counts& operator+=(const event_counts& o) noexcept;
};

struct event_score {
  event_counts counts;
  double precision = 0, recall = 0, f1 = 0;                       ///< relaxed
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double class_accuracy = 0, class_f1 = 0, tense_accuracy = 0, aspect_accuracy = 0;
  double polarity_accuracy = 0, plain_polarity_accuracy = 0;  ///< all documents / without the artifact
  std::vector<std::string> missing_system;   ///< gold DOCIDs without a system document
  std::vector<std::string> unpaired_system;  ///< system DOCIDs without a gold document
  // Filled when detail is requested: lower-cased words -> count.
  std::map<std::string, std::size_t> missed, spurious;
  std::map<std::string, std::size_t> class_errors;  ///< "GOLD>SYSTEM lemma-or-word"
  std::map<std::string, std::size_t> tense_errors;  ///< "GOLD>SYSTEM"
};

/// Scores system EVENTs (with their MAKEINSTANCE attributes) against gold, documents paired by
/// DOCID; a gold document without a system one counts all its events as missed.
[[nodiscard]] event_score score_events(const std::vector<ingest::timeml_document>& gold,
                                       const std::vector<ingest::timeml_document>& system, bool detail = false);

/// The totals, and with detail the most frequent misses, spurious events and attribute errors.
[[nodiscard]] std::string format_score(const event_score& score, bool detail = false);

/// EVENT inline annotations (eid, class) and their MAKEINSTANCE elements (eventID, eiid, tense,
/// aspect, polarity, pos, modality when set) for mentions, in the mentions' order.
struct timeml_events {
  std::vector<ingest::timeml_annotation> events;
  std::vector<ingest::timeml_element> instances;
};
[[nodiscard]] timeml_events to_timeml(const std::vector<event_mention>& mentions,
                                      const text::annotated_document& doc);

/// "e12" -> "ei12": the one instance TimeML gives each event.
[[nodiscard]] std::string instance_id(const std::string& event_id);

}  // namespace chronograph::events
