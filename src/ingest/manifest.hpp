// SPDX-License-Identifier: MIT
// DIR/manifest.json: per-file document id, DCT and source name (format: docs/manifest.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph::ingest {

struct manifest_entry {
  std::string file;   ///< file name inside the directory
  std::string id;     ///< document id ("" = file stem)
  std::optional<creation_time> dct;
  std::string source;
};

struct manifest {
  std::vector<manifest_entry> entries;
  [[nodiscard]] const manifest_entry* find(const std::string& file) const;
  /// Entries whose file is not among `files`.
  [[nodiscard]] std::vector<std::string> unmatched(const std::vector<std::filesystem::path>& files) const;
};

/// Reads DIR/manifest.json; an empty manifest when there is none. Throws input_error naming the
/// file (and line) when it is malformed.
[[nodiscard]] manifest read_manifest(const std::filesystem::path& dir);

/// Parses manifest text; `origin` names it in errors.
[[nodiscard]] manifest parse_manifest(const std::string& text, const std::string& origin);

}  // namespace chronograph::ingest
