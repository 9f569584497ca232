// SPDX-License-Identifier: MIT
// Entry point of the timex stage: recognise time expressions, then resolve them against an anchor.
#pragma once

#include <memory>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::timex {

class tagger {
 public:
  /// Loads the rule tables from the resource root; throws resource_error naming file:line.
  static std::shared_ptr<const tagger> load_default();
  virtual ~tagger() = default;
  /// All time expressions of a document, resolved against its DCT (or left underspecified
  /// without one, with a diagnostic). Uses POS tags when present. Thread-safe.
  [[nodiscard]] virtual std::vector<mention> tag(const text::annotated_document& doc,
                                                 std::vector<diagnostic>& diagnostics) const = 0;
};

}  // namespace chronograph::timex
