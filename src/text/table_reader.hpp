// SPDX-License-Identifier: MIT
// Reading the text stage's plain-text tables: '#' comments, blank lines skipped, TAB columns.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::text::detail {

/// One non-comment line of a table with its 1-based line number and its TAB-separated fields.
struct table_row {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Reads a table; throws resource_error when the file cannot be read.
std::vector<table_row> read_table(const std::filesystem::path& path);

/// Throws resource_error naming path:line with `message`.
[[noreturn]] void table_error(const std::filesystem::path& path, std::size_t line, const std::string& message);

/// Splits on a single character.
std::vector<std::string_view> split(std::string_view s, char sep);

/// ASCII lower-casing (non-ASCII bytes unchanged).
std::string ascii_lower(std::string_view s);

}  // namespace chronograph::text::detail
