// SPDX-License-Identifier: MIT
// The story: what `build` produces from one or many documents and what JSON schema v1 holds.
// Invariant: spans here are CODE-POINT offsets (end exclusive) into each document's text, ids are
// global ("<doc>:t3", "<doc>:e5"; story events and links have content-derived ids), and every
// vector is sorted deterministically, so the same inputs give byte-identical output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph {

/// A quoted piece of a document.
struct evidence {
  std::string doc;
  std::size_t start = 0, end = 0;  ///< code points
  std::string text;
};

struct story_document {
  std::string id, path, source;
  std::optional<std::string> dct;  ///< ISO date or datetime
  std::string title;
};

struct story_timex {
  std::string id, doc;
  std::size_t start = 0, end = 0;
  std::string text, type, value, mod;
};

struct event_time {
  std::string value;     ///< TIMEX3 value ("2025-06-05"), "" when unknown
  std::string anchor;    ///< "<doc>:t3", "dct", "inferred" or ""
};

struct story_quantity {
  std::string kind, text, role;
  double value = 0;
};

struct story_event {
  std::string id;                ///< content-derived ("ev-3f2a9c1b")
  std::string summary, trigger, lemma;
  std::string cls, tense, aspect, polarity, modality;
  event_time when;
  /// Bounds of an event without a date of its own, from the temporal closure (TIMEX3 day values,
  /// "" = open): "before the DCT" -> not_after the DCT, "after May 12" -> not_before 2025-05-12.
  std::string not_before, not_after;
  bool is_future = false;        ///< planned or expected rather than reported as having happened
  std::vector<std::string> actors;
  std::vector<story_quantity> quantities;
  double confidence = 0, salience = 0;
  std::vector<evidence> mentions;
  std::vector<std::string> mention_ids;  ///< "<doc>:e5" of each mention, parallel to mentions
};

struct story_link {
  std::string from, to, type;   ///< story event ids (or timex ids); TimeML relation name
  evidence support;             ///< JSON "evidence"
  std::string rule;
  double confidence = 0;
};

struct story_diagnostic {
  std::string level, stage, doc, rule, message;
  std::optional<std::size_t> start, end;
};

struct story {
  std::vector<story_document> documents;
  std::vector<story_timex> timexes;
  std::vector<story_event> events;
  std::vector<story_link> links;
  std::vector<story_diagnostic> diagnostics;
};

}  // namespace chronograph
