// SPDX-License-Identifier: MIT
#include "chronograph/utf8.hpp"

#include <algorithm>
#include <type_traits>

namespace chronograph {
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) { n = 3; lo = 0xA0; }
  else if (c == 0xED) { n = 3; hi = 0x9F; }
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) { n = 4; lo = 0x90; }
  else if (c == 0xF4) { n = 4; hi = 0x8F; }
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::size_t line_of(std::string_view text, std::size_t byte_offset) noexcept {
  byte_offset = std::min(byte_offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte_offset), '\n'));
}

codepoint_index::codepoint_index(std::string_view text) : size_(text.size()) {
  // ASCII text (most news in English) needs no table: byte and code-point offsets agree.
  std::size_t i = 0;
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  if (i == text.size()) return;
  // cp_of_byte_[i] counts the bytes in (0, i] that start a code point (are not 10xxxxxx).
  const auto fill = [&](auto& table) {
    using number = typename std::decay_t<decltype(table)>::value_type;
    table.resize(text.size() + 1);
    number cp = 0;
    for (std::size_t k = 0; k < text.size(); ++k) {
      cp += static_cast<number>(k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80);
      table[k] = cp;
    }
    table[text.size()] = cp + 1;
  };
  if (text.size() < 0xFFFFFFFFu) fill(cp_of_byte_);
  else fill(wide_cp_of_byte_);
}

std::size_t codepoint_index::operator()(std::size_t byte_offset) const noexcept {
  const std::size_t at = std::min(byte_offset, size_);
  if (!cp_of_byte_.empty()) return cp_of_byte_[at];
  return wide_cp_of_byte_.empty() ? at : wide_cp_of_byte_[at];
}

}  // namespace chronograph
