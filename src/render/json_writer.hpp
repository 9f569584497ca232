// SPDX-License-Identifier: MIT
// The JSON writer of the render library (story JSON, query answers), private to it.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

#include "chronograph/utf8.hpp"

namespace chronograph::render::detail {

// A direct writer: the bytes nlohmann::ordered_json::dump(indent, ' ', false, replace) gives for
// the same document (tests/render/json_writer_test.cpp compares them), without building a JSON
// tree first (the tree cost five times the writing). Numbers go through nlohmann's own
// shortest round-trip formatting; a string that is not valid UTF-8 is escaped by nlohmann (its
// replacement of invalid sequences is what the output promises).
class json_writer {
 public:
  /// indent < 0: one line; else pretty-printed with `indent` spaces per level. `expected` bytes
  /// are reserved at once.
  json_writer(int indent, std::size_t expected) : indent_(indent) { out_.resize(std::max<std::size_t>(expected, 64)); }

  /// The text written (the writer is done).
  std::string take() {
    out_.resize(at_);
    return std::move(out_);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The next member's key (inside an object); keys are plain ASCII.
  void key(std::string_view k) {
    separate();
    room(k.size() + 4);
    put('"');
    put(k);
    put('"');
    put(':');
    if (indent_ >= 0) put(' ');
    after_key_ = true;
  }

  void value(std::string_view s) {
    separate();
    string(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::size_t n) {
    separate();
    room(24);
    at_ = static_cast<std::size_t>(std::to_chars(out_.data() + at_, out_.data() + at_ + 24, n).ptr - out_.data());
  }
  void value(long n) {
    separate();
    room(24);
    at_ = static_cast<std::size_t>(std::to_chars(out_.data() + at_, out_.data() + at_ + 24, n).ptr - out_.data());
  }
  void value(int n) {
    separate();
    room(16);
    at_ = static_cast<std::size_t>(std::to_chars(out_.data() + at_, out_.data() + at_ + 16, n).ptr - out_.data());
  }
  void value(double x) {
    separate();
    room(64);
    if (!std::isfinite(x)) {
      put("null");
      return;
    }
    char* first = out_.data() + at_;
    at_ = static_cast<std::size_t>(nlohmann::detail::to_chars(first, first + 64, x) - out_.data());
  }
  void value(bool b) {
    separate();
    room(5);
    put(b ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    separate();
    room(4);
    put("null");
  }

  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  // At least n more bytes of room after at_ (the buffer doubles).
  void room(std::size_t n) {
    if (at_ + n > out_.size()) out_.resize(std::max(out_.size() * 2, at_ + n));
  }
  // Writers that assume room() was called.
  void put(char c) { out_[at_++] = c; }
  void put(std::string_view s) {
    std::memcpy(out_.data() + at_, s.data(), s.size());
    at_ += s.size();
  }

  void open(char bracket) {
    separate();
    room(1);
    put(bracket);
    first_.push_back(1);
  }
  void close(char bracket) {
    const bool empty = first_.back() != 0;
    first_.pop_back();
    if (!empty && indent_ >= 0) newline();
    room(1);
    put(bracket);
  }
  // Before a key, or a value that is not a member's: the comma and line break it needs.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) {
      room(1);
      put(',');
    }
    first_.back() = 0;
    if (indent_ >= 0) newline();
  }
  void newline() {
    const std::size_t spaces = first_.size() * static_cast<std::size_t>(indent_);
    room(spaces + 1);
    put('\n');
    std::memset(out_.data() + at_, ' ', spaces);
    at_ += spaces;
  }

  // Length of the run of bytes from s[i] on that are copied as they are (printable ASCII
  // other than '"' and '\\'); stops at the first byte that needs a look.
  static std::size_t plain_run(std::string_view s, std::size_t i) noexcept {
    const std::size_t start = i;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= s.size(); i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      // Signed compare: bytes >= 0x80 are negative, so "less than 0x20" also finds them.
      const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      const int mask = _mm_movemask_epi8(special);
      if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask))) - start;
    }
#endif
    for (; i < s.size(); ++i) {
      const auto u = static_cast<unsigned char>(s[i]);
      if (u < 0x20 || u >= 0x80 || u == '"' || u == '\\') break;
    }
    return i - start;
  }

  // A JSON string: valid UTF-8 is copied with control characters, '"' and '\\' escaped as
  // nlohmann escapes them; a string with an invalid sequence is left to nlohmann (its
  // replacement of invalid sequences is what the output promises).
  void string(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const std::size_t begin = at_;
    room(s.size() + 2);
    put('"');
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t run = plain_run(s, i);
      if (run > 0) {
        put(s.substr(i, run));
        i += run;
        continue;
      }
      const auto u = static_cast<unsigned char>(s[i]);
      if (u >= 0x80) {
        const std::size_t n = utf8_sequence_length(s, i);  // RFC 3629, as nlohmann's decoder accepts
        if (n == 0) {
          at_ = begin;
          replaced(s);
          return;
        }
        put(s.substr(i, n));
        i += n;
        continue;
      }
      room(6 + (s.size() - i) + 1);  // the escape, the rest unescaped, the closing quote
      put('\\');
      switch (u) {
        case '\b': put('b'); break;
        case '\t': put('t'); break;
        case '\n': put('n'); break;
        case '\f': put('f'); break;
        case '\r': put('r'); break;
        case '"': put('"'); break;
        case '\\': put('\\'); break;
        default:
          put("u00");
          put(hex[u >> 4]);
          put(hex[u & 0xF]);
      }
      ++i;
    }
    put('"');
  }

  // A string with invalid UTF-8, as nlohmann writes it with error_handler_t::replace.
  void replaced(std::string_view s) {
    const auto dumped = nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false,
                                                                    nlohmann::ordered_json::error_handler_t::replace);
    room(dumped.size());
    put(dumped);
  }

  std::string out_;    // written: [0, at_); the rest is room
  std::size_t at_ = 0;
  int indent_;
  std::vector<char> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace chronograph::render::detail
