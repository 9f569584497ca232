// SPDX-License-Identifier: MIT
// From per-document analyses to one story: global ids, code-point spans, cross-document merging.
#pragma once

#include <vector>

#include "chronograph/relations/link.hpp"
#include "chronograph/story.hpp"

namespace chronograph::merge {

/// Everything the per-document stages found in one document (byte spans, local ids).
struct document_analysis {
  text::annotated_document annotated;
  std::vector<timex::mention> timexes;
  std::vector<events::event_mention> events;
  std::vector<relations::link> links;
  std::vector<diagnostic> diagnostics;
};

/// Builds the story: converts spans to code points, qualifies ids by document, merges the same
/// event told by several documents into one story event, and sorts everything so that the same
/// documents in any order give the same story.
[[nodiscard]] story build_story(const std::vector<document_analysis>& analyses);

/// build_story of one document (what `extract --jsonl` writes per line), without copying it.
[[nodiscard]] story build_story(const document_analysis& analysis);

}  // namespace chronograph::merge
