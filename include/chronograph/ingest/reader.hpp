// SPDX-License-Identifier: MIT
// Reading plain-text documents: files, directories (with an optional manifest) and stdin.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph::ingest {

struct read_options {
  std::optional<creation_time> dct;  ///< --dct: overrides every other source of the DCT
  bool lenient = false;              ///< replace invalid UTF-8 by U+FFFD instead of failing
};

/// A document that could not be read, with a message naming the file (and line).
struct read_failure {
  std::string path;
  std::string message;
};

struct read_result {
  std::vector<document> documents;
  std::vector<read_failure> failures;
  std::vector<diagnostic> diagnostics;
};

/// Builds a document from raw bytes: drops a UTF-8 BOM, validates UTF-8 (input_error naming
/// path, line and byte offset unless lenient), takes the DCT from options, else `record_dct`,
/// else a dateline / "Published <date>" line in the text; records where it came from.
[[nodiscard]] document make_document(std::string id, std::string path, std::string bytes,
                                     const read_options& options,
                                     std::optional<creation_time> record_dct = std::nullopt,
                                     std::string record_origin = {});

/// Reads INPUTS as the CLI gives them: files, directories (their *.txt files, sorted, plus
/// DIR/manifest.json when present) or "-" (stdin). Throws io_error when nothing is readable.
[[nodiscard]] read_result read_inputs(const std::vector<std::string>& inputs, const read_options& options);

/// A DCT written in the text itself: "Published June 5, 2025", "Updated 2025-06-05", a dateline
/// "June 5, 2025 —". Looks at the first lines only. nullopt when there is none.
[[nodiscard]] std::optional<creation_time> find_dateline(std::string_view text);

/// The first line that is not boilerplate ("Advertisement", "Comments", photo credits, ...).
[[nodiscard]] std::string title_of(std::string_view text);

/// True for lines that are page furniture rather than article text.
[[nodiscard]] bool is_boilerplate_line(std::string_view line);

}  // namespace chronograph::ingest
