// SPDX-License-Identifier: MIT
// The timex scanner's tokenizer: one pass over the bytes, no allocation per token.
#include <cstring>

#include "engine.hpp"

namespace chronograph::timex::detail {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Classifies a non-ASCII sequence at text[i]: returns its length and sets `canon` for
// punctuation we canonicalise (dashes, quotes), `space` for no-break/thin spaces.
std::size_t classify_utf8(std::string_view text, std::size_t i, const char*& canon, bool& space) {
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = text.size() - i;
  canon = nullptr;
  space = false;
  if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xA0) space = true;
  if (n == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(text[i + 2]);
    if (d >= 0x90 && d <= 0x95) canon = "-";
    else if (d == 0x98 || d == 0x99 || d == 0x9B) canon = "'";
    else if (d == 0x9C || d == 0x9D || d == 0x9F) canon = "\"";
    else if (d == 0x80 || (d >= 0x81 && d <= 0x8B) || d == 0xAF) space = true;
    else if (d == 0xA6) canon = "...";
    else canon = "\xE2\x80";  // other general punctuation: opaque
  }
  return n;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void tokenize(std::string_view text, std::string_view lowered, std::vector<token>& out) {
  out.clear();
  out.reserve(text.size() / 5 + 8);
  bool space = true, sentence_start = true;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      if (c == '\n' && i + 1 < n && text[i + 1] == '\n') sentence_start = true;
      space = true;
      ++i;
      continue;
    }
    token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    t.sentence_start = sentence_start;
    sentence_start = false;
    space = false;
    if (is_digit(c)) {
      std::size_t j = i;
      std::uint64_t v = 0;
      while (j < n && is_digit(static_cast<unsigned char>(text[j]))) {
        if (v < 100000000) v = v * 10 + static_cast<unsigned>(text[j] - '0');
        ++j;
      }
      t.kind = token_kind::number;
      t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
      t.number = static_cast<std::uint32_t>(v);
      // Ordinal and decade suffixes stay on the number: "17th", "1990s".
      std::size_t k = j;
      while (k < n && is_alpha(static_cast<unsigned char>(text[k]))) ++k;
      const std::string_view suffix = lowered.substr(j, k - j);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        t.is_ordinal = true;
        j = k;
      } else if (suffix == "s") {
        t.is_decade = true;
        j = k;
      }
      t.end = static_cast<std::uint32_t>(j);
      t.key = lowered.substr(i, j - i);
      i = j;
    } else if (is_alpha(c) || c >= 0x80) {
      if (c >= 0x80) {
        const char* canon = nullptr;
        bool is_space = false;
        const std::size_t len = classify_utf8(text, i, canon, is_space);
        if (is_space) {
          space = true;
          i += len;
          continue;
        }
        if (canon) {
          t.kind = token_kind::punct;
          t.end = static_cast<std::uint32_t>(i + len);
          t.key = canon;
          i += len;
          out.push_back(t);
          continue;
        }
      }
      std::size_t j = i;
      while (j < n) {
        const auto d = static_cast<unsigned char>(text[j]);
        if (is_alpha(d)) {
          ++j;
        } else if (d >= 0x80) {
          const char* canon = nullptr;
          bool is_space = false;
          const std::size_t len = classify_utf8(text, j, canon, is_space);
          if (canon || is_space) break;
          j += len;
        } else {
          break;
        }
      }
      // Dotted abbreviations: "a.m.", "p.m.", "U.S." (short letter groups joined by periods).
      if (j - i <= 2 && j + 1 < n && text[j] == '.' && is_alpha(static_cast<unsigned char>(text[j + 1]))) {
        std::size_t k = j;
        while (k + 1 < n && text[k] == '.' && is_alpha(static_cast<unsigned char>(text[k + 1]))) {
          std::size_t m = k + 1;
          while (m < n && is_alpha(static_cast<unsigned char>(text[m]))) ++m;
          if (m - k - 1 > 2) break;
          k = m;
        }
        if (k < n && text[k] == '.') ++k;
        if (k > j + 1) j = k;
      }
      t.kind = token_kind::word;
      t.end = static_cast<std::uint32_t>(j);
      t.key = lowered.substr(i, j - i);
      t.is_capitalized = c >= 'A' && c <= 'Z';
      i = j;
    } else {
      t.kind = token_kind::punct;
      t.end = static_cast<std::uint32_t>(i + 1);
      switch (c) {
        case '`': t.key = "'"; break;
        default: t.key = lowered.substr(i, 1);
      }
      // Doubled quote marks (``...'' in agency copy) are one double quote: the second mark of
      // "''60 Minutes" opens no apostrophe year.
      if ((c == '\'' || c == '`') && i + 1 < n && text[i + 1] == text[i]) {
        t.key = "\"";
        t.end = static_cast<std::uint32_t>(i + 2);
        ++i;
      }
      if (c == '.' || c == '!' || c == '?') {
        // A sentence ends here when the next non-space is upper case, a quote or the end.
        std::size_t k = i + 1;
        while (k < n && (text[k] == ' ' || text[k] == '\n' || text[k] == '"' || text[k] == '\'')) ++k;
        if (k >= n || (text[k] >= 'A' && text[k] <= 'Z')) sentence_start = true;
      }
      ++i;
    }
    out.push_back(t);
  }
}

}  // namespace chronograph::timex::detail
