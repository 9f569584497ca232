// SPDX-License-Identifier: MIT
// UTF-8 validation and offset conversion, the one place where byte and code-point offsets meet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// Length of the valid UTF-8 sequence at text[i] (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF; 1 for ASCII), or 0 when it is invalid. `i` must be inside the text.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept;

/// Replaces each invalid sequence by U+FFFD.
[[nodiscard]] std::string replace_invalid_utf8(std::string_view text);

/// Line number (1-based) of a byte offset.
[[nodiscard]] std::size_t line_of(std::string_view text, std::size_t byte_offset) noexcept;

/// Maps byte offsets to code-point offsets for one text (O(n) build, O(1) lookups).
class codepoint_index {
 public:
  explicit codepoint_index(std::string_view text);
  /// Code-point offset of a byte offset (a byte inside a sequence maps to its code point;
  /// offsets past the end map to the end).
  [[nodiscard]] std::size_t operator()(std::size_t byte_offset) const noexcept;

 private:
  std::size_t size_ = 0;                 // bytes of the text
  std::vector<std::uint32_t> cp_of_byte_;  // both empty for ASCII text (the identity)
  std::vector<std::size_t> wide_cp_of_byte_;  // instead, for texts of 4 GiB or more
};

}  // namespace chronograph
