// SPDX-License-Identifier: MIT
// Hand-built annotated documents for the events, relations and merge tests: a small whitespace
// and punctuation tokenizer (ICU-like: "145%" -> "145" "%", "$295" -> "$" "295", "U.S." and
// "Mr." kept whole), sentences split at . ! ? and newlines, and timex mentions placed by text.
// No tags: the stages must work from upos::unknown.
#pragma once

#include <cctype>
#include <string>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::testing {

inline bool is_abbreviation(const std::string& w) {
  static const char* abbrevs[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.",
                                  "Nov.", "Dec.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Inc.", "Corp."};
  for (const char* a : abbrevs)
    if (w == a) return true;
  // Initialisms: "U.S.", "U.K.", "E.U."
  if (w.size() >= 4 && w.size() % 2 == 0) {
    for (std::size_t i = 0; i < w.size(); i += 2)
      if (!std::isupper(static_cast<unsigned char>(w[i])) || w[i + 1] != '.') return false;
    return true;
  }
  return false;
}

/// Tokenizes and sentence-splits `text` into an annotated document (no tags, no lemmas).
inline text::annotated_document make_document(const std::string& text, const std::string& id = "doc",
                                              const std::string& dct = "2016-03-15") {
  text::annotated_document out;
  out.doc.id = id;
  out.doc.path = id + ".txt";
  out.doc.text = text;
  out.doc.dct = parse_creation_time(dct);
  const auto punct_byte = [](unsigned char c) { return c < 0x80 && std::ispunct(c) && c != '-' && c != '\''; };
  // Multi-byte punctuation we split off: “ ” ‘ ’ — –
  const auto mb_punct = [&](std::size_t i) -> std::size_t {
    if (i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(text[i + 2]);
      if (c == 0x9C || c == 0x9D || c == 0x98 || c == 0x94 || c == 0x93) return 3;
      if (c == 0x99) return 3;  // ’ (kept inside words below)
    }
    return 0;
  };
  std::size_t i = 0;
  std::vector<text::token> toks;
  const auto token_at = [&](std::size_t b, std::size_t e) {
    text::token t;
    t.span = {b, e};
    t.form = text.substr(b, e - b);
    return t;
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    // a chunk up to whitespace
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    std::string chunk = text.substr(i, j - i);
    // split chunk into tokens
    std::size_t a = i;
    while (a < j) {
      const auto ca = static_cast<unsigned char>(text[a]);
      std::size_t n = mb_punct(a);
      const bool inner_apostrophe = n == 3 && static_cast<unsigned char>(text[a + 2]) == 0x99 && a > i &&
                                    a + 3 < j && std::isalpha(static_cast<unsigned char>(text[a + 3]));
      if (n && !inner_apostrophe) {
        toks.push_back(token_at(a, a + n));
        a += n;
        continue;
      }
      if (punct_byte(ca)) {
        // keep abbreviation periods: look at the rest of the chunk
        if (ca == '.' || ca == '$' || ca == '%' || ca == ',' || ca == '"' || ca == '(' || ca == ')' || ca == ';' ||
            ca == ':' || ca == '!' || ca == '?') {
          toks.push_back(token_at(a, a + 1));
          ++a;
          continue;
        }
      }
      // a word: letters, digits, inner '.', '-', apostrophes
      std::size_t b = a;
      while (b < j) {
        const auto cb = static_cast<unsigned char>(text[b]);
        if (std::isalnum(cb) || cb == '-' || cb == '\'' || cb >= 0x80) {
          if (cb >= 0x80 && mb_punct(b) && !(static_cast<unsigned char>(text[b + 2]) == 0x99 && b + 3 < j &&
                                             std::isalpha(static_cast<unsigned char>(text[b + 3]))))
            break;
          b += cb >= 0x80 && mb_punct(b) ? 3 : 1;
          continue;
        }
        if ((cb == '.' || cb == ',') && b + 1 < j && std::isdigit(static_cast<unsigned char>(text[b + 1])) &&
            b > a && std::isdigit(static_cast<unsigned char>(text[b - 1]))) {
          ++b;
          continue;
        }
        if (cb == '.') {
          std::string w = text.substr(a, b + 1 - a);
          std::size_t e = b + 1;
          // initialisms: U.S.
          while (e + 1 < j && std::isupper(static_cast<unsigned char>(text[e])) && text[e + 1] == '.') e += 2;
          std::string w2 = text.substr(a, e - a);
          if (is_abbreviation(w2)) {
            b = e;
            break;
          }
          if (is_abbreviation(w)) {
            b = b + 1;
            break;
          }
        }
        break;
      }
      if (b == a) b = a + 1;
      // strip trailing hyphens/apostrophes
      toks.push_back(token_at(a, b));
      a = b;
    }
    i = j;
  }
  out.tokens = toks;
  std::size_t first = 0;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const auto& f = toks[k].form;
    bool end = f == "." || f == "!" || f == "?";
    if (k + 1 < toks.size()) {
      const auto gap = text.substr(toks[k].span.end, toks[k + 1].span.begin - toks[k].span.end);
      if (gap.find('\n') != std::string::npos) end = true;
      // closing quote right after the period belongs to the sentence
      if (end && (toks[k + 1].form == "\xE2\x80\x9D" || toks[k + 1].form == "\"") &&
          gap.find('\n') == std::string::npos)
        continue;
    }
    if (end || k + 1 == toks.size()) {
      text::sentence s;
      s.first_token = first;
      s.end_token = k + 1;
      s.span = {toks[first].span.begin, toks[k].span.end};
      out.sentences.push_back(s);
      first = k + 1;
    }
  }
  return out;
}

/// A timex over the first occurrence (from `from`) of `surface` in the document.
inline timex::mention make_timex(const text::annotated_document& doc, const std::string& surface,
                                 const std::string& value, timex::timex_type type = timex::timex_type::date,
                                 std::size_t from = 0) {
  timex::mention m;
  const auto at = doc.doc.text.find(surface, from);
  m.span = {at, at + surface.size()};
  m.text = surface;
  m.value = value;
  m.type = type;
  m.rule = "test";
  return m;
}

/// Numbers timexes t1, t2, ... in text order.
inline std::vector<timex::mention> number_timexes(std::vector<timex::mention> times) {
  std::sort(times.begin(), times.end(), [](const auto& a, const auto& b) { return a.span < b.span; });
  for (std::size_t k = 0; k < times.size(); ++k) times[k].id = "t" + std::to_string(k + 1);
  return times;
}

}  // namespace chronograph::testing
