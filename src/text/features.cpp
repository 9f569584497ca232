// SPDX-License-Identifier: MIT
#include "features.hpp"

namespace chronograph::text::detail {

namespace {

// Writes the normalised form of `form` into `out` (replacing its content; no allocation once
// `out` is large enough).
void normalize_into(std::string_view form, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    if (c == 0xE2 && i + 2 < form.size() && static_cast<unsigned char>(form[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(form[i + 2]);
      if (d == 0x98 || d == 0x99) {  // ‘ ’
        out += '\'';
        i += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {  // “ ”
        out += '"';
        i += 2;
        continue;
      }
      if (d == 0x93 || d == 0x94) {  // – —
        out += "--";
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
}

}  // namespace

std::string normalize_form(std::string_view form) {
  std::string out;
  normalize_into(form, out);
  return out;
}

namespace {

// Lower-cases ASCII letters in place; true when the form is a number (digits, no letters).
bool lower_in_place(std::string& s) {
  bool has_digit = false, has_letter = false;
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') has_digit = true;
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) has_letter = true;
  }
  return has_digit && !has_letter;
}

// Character classes of the form ("Xxxx", "dd.dd"): runs cut at two, at most 12 classes.
std::uint64_t shape_key(std::string_view form) {
  char shape[12];
  std::size_t size = 0;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      s = 'u';
    } else s = static_cast<char>(c);
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) shape[size++] = s;
    if (size >= sizeof shape) break;
  }
  return hash_bytes(std::string_view(shape, size)) ^ 0x5348415045ull;
}

// The lower key: numbers by their shape (a number has no letters, so its lower-cased spelling
// is its spelling), other words by their lower-cased spelling.
std::uint64_t lower_key_of(std::string_view lower, bool number) {
  return number ? (shape_key(lower) ^ 0x4E554Dull) : hash_bytes(lower);
}

}  // namespace

word_keys make_word_keys(std::string_view raw, std::string* normalized, std::string* lowered) {
  thread_local std::string form_buffer, lower_buffer;
  std::string& form = normalized ? *normalized : form_buffer;
  std::string& lower = lowered ? *lowered : lower_buffer;
  normalize_into(raw, form);
  word_keys k;
  k.form = hash_bytes(form);
  lower.assign(form);
  const bool number = lower_in_place(lower);
  k.shape = shape_key(form);
  k.lower = lower_key_of(lower, number);
  const std::string_view low(lower);
  for (std::size_t n = 1; n <= 4; ++n)
    k.suffix[n - 1] = low.size() >= n ? hash_bytes(low.substr(low.size() - n)) ^ n : (0x5355ull + n);
  for (std::size_t n = 1; n <= 2; ++n)
    k.prefix[n - 1] = low.size() >= n ? hash_bytes(low.substr(0, n)) ^ (n << 8) : (0x5052ull + n);
  return k;
}

std::uint64_t lower_key(std::string_view raw) {
  thread_local std::string lower;
  normalize_into(raw, lower);
  const bool number = lower_in_place(lower);
  return lower_key_of(lower, number);
}

std::string lower_form(std::string_view raw) {
  std::string lower;
  normalize_into(raw, lower);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

word_keys boundary_keys(int which) {
  word_keys k;
  const std::uint64_t base = which < 0 ? 0x5354415254ull : 0x454E44ull;  // "START" / "END"
  k.form = k.lower = k.shape = k.ambiguity = base + static_cast<std::uint64_t>(which < 0 ? -which : which);
  for (auto& s : k.suffix) s = k.form;
  for (auto& p : k.prefix) p = k.form;
  return k;
}

}  // namespace chronograph::text::detail
