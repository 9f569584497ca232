// SPDX-License-Identifier: MIT
// Temporal (TimeML TLINK) and causal (CLINK) links between events and times of one document.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/events/event.hpp"

namespace chronograph::relations {

enum class relation {
  before, after, includes, is_included, simultaneous, during, begins, begun_by, ends, ended_by,
  ibefore, iafter, identity, vague,
  causes, enables, prevents
};
[[nodiscard]] const char* to_string(relation r) noexcept;  ///< TimeML spelling: "BEFORE", "IS_INCLUDED", "CAUSES"
[[nodiscard]] std::optional<relation> relation_from_string(std::string_view name) noexcept;
[[nodiscard]] bool is_causal(relation r) noexcept;
[[nodiscard]] relation inverse(relation r) noexcept;  ///< before <-> after, includes <-> is_included, ...

struct link {
  std::string from;      ///< local id: "e3", "t2", or "t0" for the DCT
  std::string to;
  relation rel = relation::before;
  byte_span evidence;    ///< the words that support it
  std::string rule;      ///< which rule or model produced it
  double confidence = 0;
};

class linker {
 public:
  static std::shared_ptr<const linker> load_default();
  /// The default linker reading documents with `lex` (an extractor's, so that both share it).
  static std::shared_ptr<const linker> load_default(std::shared_ptr<const events::lexicon> lex);
  virtual ~linker() = default;
  /// Anchors events in time (sets event_mention::when_*) and returns the document's links. Thread-safe.
  [[nodiscard]] virtual std::vector<link> link_events(const text::annotated_document& doc,
                                                      const std::vector<timex::mention>& times,
                                                      std::vector<events::event_mention>& events,
                                                      std::vector<diagnostic>& diagnostics) const = 0;
  /// The lexicon it reads documents with (events::lexicon::describe), if any.
  [[nodiscard]] virtual const events::lexicon* word_lexicon() const noexcept { return nullptr; }
  /// link_events() of a document that word_lexicon() has described already (`words`).
  [[nodiscard]] virtual std::vector<link> link_described(const text::annotated_document& doc,
                                                         const std::vector<events::word>& words,
                                                         const std::vector<timex::mention>& times,
                                                         std::vector<events::event_mention>& events,
                                                         std::vector<diagnostic>& diagnostics) const {
    (void)words;
    return link_events(doc, times, events, diagnostics);
  }
};

}  // namespace chronograph::relations
