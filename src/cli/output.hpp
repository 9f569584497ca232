// SPDX-License-Identifier: MIT
// Writing output files safely: never half a file, never outside the output directory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace chronograph::cli {

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed, then
/// renamed over the target. Throws io_error naming the path.
void atomic_write(const std::filesystem::path& path, std::string_view bytes);

/// `dir / (name + ext)` after checking that `name` is a plain file name (no separators, not
/// "." or ".."); throws io_error otherwise, so ids from input never escape `dir`.
[[nodiscard]] std::filesystem::path output_file(const std::filesystem::path& dir, const std::string& name,
                                                const std::string& ext);

/// Creates `dir` (and parents); throws io_error when it cannot.
void ensure_directory(const std::filesystem::path& dir);

}  // namespace chronograph::cli
