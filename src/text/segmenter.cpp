// SPDX-License-Identifier: MIT
// Tokens: whitespace chunks, cut at ICU word boundaries, then re-joined or split by the news rules
// (abbreviations, times, fractions, runs of punctuation, hyphen prefixes, clitics).
// Sentences: ICU sentence boundaries mapped onto token gaps, then corrected: blank lines and line
// ends break, wrapped lines re-join, abbreviations that cannot end a sentence re-join.
#include "chronograph/text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <bitset>
#include <unordered_map>
#include <unordered_set>

#include "chronograph/error.hpp"
#include "chronograph/resources.hpp"
#include "table_reader.hpp"

namespace chronograph::text {

namespace {

enum class abbrev_class { title, month, numbered, ambiguous };

struct utext_closer {
  void operator()(UText* ut) const noexcept { utext_close(ut); }
};

UChar32 code_point_at(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  auto pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 code_point_before(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  auto pos = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  return c;
}

bool is_space(UChar32 c) {
  // ASCII, nearly every character of a text: control characters and the space (what the general
  // test below gives there, without asking ICU).
  if (c >= 0 && c < 0x80) return c <= 0x20;
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF || (c >= 0 && c < 0x20);
}

bool all_letters(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {  // ASCII: the letters are A-Z and a-z (no need to ask ICU)
      if (!((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z'))) return false;
      ++i;
      continue;
    }
    UChar32 c = 0;
    auto pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    if (!u_isalpha(c)) return false;
    i = static_cast<std::size_t>(pos);
  }
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool starts_with_digit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

/// "U.S", "a.m", "e.g": single letters joined by periods (ICU keeps them as one word).
bool is_dotted_letters(std::string_view s) {
  if (s.size() < 3) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (i % 2 == 0 ? !letter : c != '.') return false;
  }
  return s.size() % 2 == 1;
}

bool is_single_capital(std::string_view s) { return s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z'; }

/// Characters whose runs form one token ("...", "!!!", "--", "***").
bool is_run_char(std::string_view s) {
  if (s.size() != 1) return false;
  const char c = s[0];
  return c == '.' || c == '!' || c == '?' || c == '-' || c == '*' || c == '=' || c == '_' || c == '~' || c == '^' ||
         c == '#' || c == '+';
}

bool is_terminal(std::string_view s) { return s == "." || s == "!" || s == "?"; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

struct segmenter::impl {
  std::unordered_map<std::string, abbrev_class> abbreviations;
  std::unordered_set<std::string> hyphen_prefixes;
  std::unordered_map<std::string, std::vector<std::size_t>> word_splits;
  std::unordered_set<std::string> sentence_starters;
  std::vector<std::string> emoticons;
  std::bitset<256> emoticon_starts;  ///< first bytes of the emoticons: most pieces need no comparison
  std::unique_ptr<icu::BreakIterator> word_prototype;
  std::unique_ptr<icu::BreakIterator> sentence_prototype;

  void tokenize_chunk(std::string_view text, std::size_t begin, std::size_t end, const std::vector<std::size_t>& bounds,
                      std::size_t& bound_index, std::vector<token>& out) const;
  void emit_word(std::string_view text, std::size_t begin, std::size_t end, std::vector<token>& out) const;
  void emit_url(std::string_view text, std::size_t begin, std::size_t end, std::vector<token>& out) const;
  bool keeps_period(std::string_view word) const;
  bool can_join_sentences(std::string_view text, const token& prev, const token& next) const;
};

namespace {

void push_token(std::string_view text, std::size_t begin, std::size_t end, std::vector<token>& out) {
  if (end <= begin) return;
  token t;
  t.span = {begin, end};
  t.form.assign(text.substr(begin, end - begin));
  out.push_back(std::move(t));
}

bool looks_like_url(std::string_view chunk) {
  const auto lower = detail::ascii_lower(chunk.substr(0, 12));
  if (starts_with(lower, "http://") || starts_with(lower, "https://") || starts_with(lower, "www.") ||
      starts_with(lower, "ftp://") || starts_with(lower, "mailto:") || starts_with(lower, "<http"))
    return true;
  const auto at = chunk.find('@');
  return at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos &&
         chunk.find(' ') == std::string_view::npos;
}

bool is_url_trailer(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'' || c == '>'; }
bool is_url_leader(char c) { return c == '(' || c == '"' || c == '\'' || c == '<' || c == '['; }

}  // namespace

bool segmenter::impl::keeps_period(std::string_view word) const {
  if (is_dotted_letters(word) || is_single_capital(word)) return true;
  std::string with_period(word);
  with_period += '.';
  return abbreviations.count(with_period) != 0;
}

void segmenter::impl::emit_url(std::string_view text, std::size_t begin, std::size_t end, std::vector<token>& out) const {
  std::size_t b = begin, e = end;
  std::vector<std::size_t> leaders;
  while (b < e && is_url_leader(text[b])) leaders.push_back(b++);
  std::size_t trail_start = e;
  while (trail_start > b + 1 && is_url_trailer(text[trail_start - 1])) --trail_start;
  for (auto l : leaders) push_token(text, l, l + 1, out);
  push_token(text, b, trail_start, out);
  for (auto t = trail_start; t < e; ++t) push_token(text, t, t + 1, out);
}

// One ICU word (after re-joining): split clitics ("don't" -> do n't, "Trump's" -> Trump 's) and
// the listed fused words ("cannot" -> can not).
void segmenter::impl::emit_word(std::string_view text, std::size_t begin, std::size_t end, std::vector<token>& out) const {
  const auto word = text.substr(begin, end - begin);
  if (word.size() >= 2 && all_letters(word.substr(0, 1))) {
    const auto lower = detail::ascii_lower(word);
    if (auto it = word_splits.find(lower); it != word_splits.end()) {
      std::size_t pos = begin;
      for (auto len : it->second) {
        push_token(text, pos, std::min(end, pos + len), out);
        pos += len;
      }
      if (pos < end) push_token(text, pos, end, out);
      return;
    }
    // n't (ASCII or typographic apostrophe): "can't" -> ca n't, "won't" -> wo n't.
    for (std::string_view neg : {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
      if (ends_with(lower, neg) && lower.size() > neg.size()) {
        const std::size_t cut = end - neg.size();
        push_token(text, begin, cut, out);
        push_token(text, cut, end, out);
        return;
      }
    }
  }
  // 's 're 've 'll 'd 'm with either apostrophe.
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    const auto pos = word.rfind(apostrophe);
    if (pos == std::string_view::npos || pos == 0) continue;
    const auto rest = detail::ascii_lower(word.substr(pos + apostrophe.size()));
    if (rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" || rest == "m") {
      if (!all_letters(word.substr(pos - 1, 1))) continue;  // "80's" stays one token
      push_token(text, begin, begin + pos, out);
      push_token(text, begin + pos, end, out);
      return;
    }
  }
  push_token(text, begin, end, out);
}

void segmenter::impl::tokenize_chunk(std::string_view text, std::size_t begin, std::size_t end,
                                     const std::vector<std::size_t>& bounds, std::size_t& bound_index,
                                     std::vector<token>& out) const {
  while (bound_index < bounds.size() && bounds[bound_index] <= begin) ++bound_index;
  thread_local std::vector<std::size_t> cuts;  // reused: no allocation per chunk
  cuts.assign(1, begin);
  while (bound_index < bounds.size() && bounds[bound_index] < end) cuts.push_back(bounds[bound_index++]);
  cuts.push_back(end);

  const auto chunk = text.substr(begin, end - begin);
  if (looks_like_url(chunk)) {
    emit_url(text, begin, end, out);
    return;
  }

  const std::size_t n = cuts.size() - 1;
  auto piece = [&](std::size_t i) { return text.substr(cuts[i], cuts[i + 1] - cuts[i]); };
  std::size_t i = 0;
  while (i < n) {
    const auto p = piece(i);
    std::size_t j = i + 1;  // one past the last piece joined into this word
    std::size_t emoticon_end = 0;
    if (!p.empty() && emoticon_starts[static_cast<unsigned char>(p.front())])
      for (const auto& e : emoticons)
        if (text.compare(cuts[i], e.size(), e) == 0 && cuts[i] + e.size() <= end) emoticon_end = std::max(emoticon_end, cuts[i] + e.size());
    if (emoticon_end != 0) {
      while (j < n && cuts[j] < emoticon_end) ++j;
      if (cuts[j] != emoticon_end) j = i + 1;
    }
    if (j > i + 1) {
      // an emoticon, ":-)"
    } else if (i + 1 < n && piece(i + 1) == "." && all_letters(p.substr(0, 1)) && keeps_period(p)) {
      j = i + 2;  // "Mr" + "." ; "U.S" + "."
    } else if (is_run_char(p)) {
      // "...", "!!!", "?!": runs of one character, or of mixed terminal punctuation.
      while (j < n && (piece(j) == p || (is_terminal(p) && is_terminal(piece(j))))) ++j;
    } else if (p == "'" && i + 1 < n && piece(i + 1).size() == 2 && all_digits(piece(i + 1))) {
      j = i + 2;  // "'73"
    } else if (all_digits(p) && p.size() == 3 && i + 2 < n && piece(i + 1) == "-" && all_digits(piece(i + 2)) &&
               piece(i + 2).size() >= 3) {
      j = i + 3;  // phone numbers "853-7906", "732-657-3416"
      while (j + 1 < n && piece(j) == "-" && all_digits(piece(j + 1))) j += 2;
    } else if (all_digits(p) && p.size() <= 2 && i + 4 < n && piece(i + 1) == "-" && all_letters(piece(i + 2)) &&
               piece(i + 2).size() == 3 && piece(i + 3) == "-" && all_digits(piece(i + 4))) {
      j = i + 5;  // dates "01-Feb-02"
    } else if (all_letters(p) && p.size() <= 3 && i + 2 < n &&
               (piece(i + 1) == "&" || (piece(i + 1) == "/" && p.size() == 1)) && all_letters(piece(i + 2)) &&
               piece(i + 2).size() <= (piece(i + 1) == "&" ? 3u : 1u)) {
      j = i + 3;  // "AT&T", "b/c"
    } else if (all_digits(p) && i + 2 < n && (piece(i + 1) == ":" || piece(i + 1) == "/") && starts_with_digit(piece(i + 2))) {
      j = i + 3;  // "10:30", "1/2", "24/7"
      while (j + 1 < n && piece(j) == piece(i + 1) && starts_with_digit(piece(j + 1))) j += 2;
    } else if (i + 2 < n && piece(i + 1) == "-" && all_letters(piece(i + 2)) &&
               hyphen_prefixes.count(detail::ascii_lower(p)) != 0) {
      j = i + 3;  // "e-mail", "co-workers"
    }
    if (j == i + 1)
      emit_word(text, cuts[i], cuts[i + 1], out);
    else
      push_token(text, cuts[i], cuts[j], out);
    i = j;
  }
}

bool segmenter::impl::can_join_sentences(std::string_view text, const token& prev, const token& next) const {
  // Gap text between the two tokens decides first: blank lines always break.
  std::size_t newlines = 0;
  for (std::size_t k = prev.span.end; k < next.span.begin; ++k)
    if (text[k] == '\n') ++newlines;
  if (newlines >= 2) return false;
  const UChar32 first = code_point_at(next.form, 0);
  const UChar32 last = code_point_before(prev.form, prev.form.size());
  if (newlines == 1) {
    // A wrapped line: the previous line does not end a clause and the next starts in lower case.
    const bool ends_sentence = last == '.' || last == '!' || last == '?' || last == ':';
    return !ends_sentence && u_islower(first);
  }
  // An ellipsis inside a line rarely ends a sentence ("Nice people... I hear").
  if (prev.form.size() >= 2 && prev.form.find_first_not_of('.') == std::string::npos) return true;
  if (std::string_view(prev.form) == "\xE2\x80\xA6") return true;
  if (const auto it = abbreviations.find(prev.form); it != abbreviations.end()) {
    switch (it->second) {
      case abbrev_class::title: return true;
      case abbrev_class::month:
      case abbrev_class::numbered: return u_isdigit(first) != 0;
      case abbrev_class::ambiguous: return sentence_starters.count(next.form) == 0 && u_isalnum(first);
    }
  }
  if (prev.form.size() >= 2 && prev.form.back() == '.') {
    const auto stem = std::string_view(prev.form).substr(0, prev.form.size() - 1);
    if (is_dotted_letters(stem) || is_single_capital(stem))
      return sentence_starters.count(next.form) == 0 && u_isalnum(first);
  }
  return false;
}

segmenter segmenter::load(const std::filesystem::path& dir) {
  auto data = std::make_shared<impl>();
  {
    const auto path = dir / "abbreviations.tsv";
    for (const auto& row : detail::read_table(path)) {
      if (row.fields.size() != 2) detail::table_error(path, row.line, "expected 2 TAB-separated columns");
      const auto& cls = row.fields[1];
      abbrev_class value{};
      if (cls == "title") value = abbrev_class::title;
      else if (cls == "month") value = abbrev_class::month;
      else if (cls == "numbered") value = abbrev_class::numbered;
      else if (cls == "ambiguous") value = abbrev_class::ambiguous;
      else detail::table_error(path, row.line, "unknown class '" + cls + "'");
      if (row.fields[0].empty() || row.fields[0].back() != '.') detail::table_error(path, row.line, "abbreviation must end in '.'");
      data->abbreviations[row.fields[0]] = value;
    }
  }
  {
    const auto path = dir / "hyphen_prefixes.txt";
    for (const auto& row : detail::read_table(path)) data->hyphen_prefixes.insert(detail::ascii_lower(row.fields[0]));
  }
  {
    const auto path = dir / "word_splits.tsv";
    for (const auto& row : detail::read_table(path)) {
      if (row.fields.size() != 2) detail::table_error(path, row.line, "expected 2 TAB-separated columns");
      std::vector<std::size_t> lengths;
      std::size_t total = 0;
      for (auto part : detail::split(row.fields[1], ',')) {
        if (!all_digits(part)) detail::table_error(path, row.line, "lengths must be numbers");
        lengths.push_back(std::stoul(std::string(part)));
        total += lengths.back();
      }
      if (total != row.fields[0].size()) detail::table_error(path, row.line, "lengths do not add up to the word");
      data->word_splits[row.fields[0]] = std::move(lengths);
    }
  }
  {
    const auto path = dir / "sentence_starters.txt";
    for (const auto& row : detail::read_table(path)) data->sentence_starters.insert(row.fields[0]);
  }
  {
    const auto path = dir / "emoticons.txt";
    for (const auto& row : detail::read_table(path)) {
      data->emoticons.push_back(row.fields[0]);
      if (!row.fields[0].empty()) data->emoticon_starts.set(static_cast<unsigned char>(row.fields[0].front()));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  data->word_prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !data->word_prototype)
    throw resource_error(std::string("ICU word break iterator: ") + u_errorName(status));
  status = U_ZERO_ERROR;
  data->sentence_prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !data->sentence_prototype)
    throw resource_error(std::string("ICU sentence break iterator: ") + u_errorName(status));
  segmenter result;
  result.impl_ = std::move(data);
  return result;
}

segmenter segmenter::load_default() { return load(resource_path("text", "abbreviations.tsv").parent_path()); }

namespace {

std::vector<std::size_t> boundaries(const icu::BreakIterator& prototype, UText* ut) {
  std::unique_ptr<icu::BreakIterator> it(prototype.clone());
  UErrorCode status = U_ZERO_ERROR;
  it->setText(ut, status);
  if (U_FAILURE(status)) throw error(std::string("ICU setText: ") + u_errorName(status));
  std::vector<std::size_t> out;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) out.push_back(static_cast<std::size_t>(b));
  return out;
}

}  // namespace

segmentation segmenter::segment(std::string_view text) const {
  segmentation result;
  if (text.empty()) return result;
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) throw input_error("text too large for segmentation (2 GB limit)");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, utext_closer> ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) throw error(std::string("ICU utext_openUTF8: ") + u_errorName(status));

  const auto word_bounds = boundaries(*impl_->word_prototype, ut.get());
  auto& tokens = result.tokens;
  tokens.reserve(text.size() / 5);
  std::size_t bound_index = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // Skip white space.
    while (i < text.size()) {
      auto pos = static_cast<int32_t>(i);
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
      if (!is_space(c)) break;
      i = static_cast<std::size_t>(pos);
    }
    if (i >= text.size()) break;
    std::size_t end = i;
    while (end < text.size()) {
      auto pos = static_cast<int32_t>(end);
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
      if (is_space(c)) break;
      end = static_cast<std::size_t>(pos);
    }
    impl_->tokenize_chunk(text, i, end, word_bounds, bound_index, tokens);
    i = end;
  }
  if (tokens.empty()) return result;

  // Sentence breaks between tokens: ICU's, kept where the rules allow, plus every line break
  // that the rules do not join (ICU breaks after each line end already).
  const auto sentence_bounds = boundaries(*impl_->sentence_prototype, ut.get());
  std::vector<bool> break_before(tokens.size(), false);
  {
    std::size_t k = 0;
    for (auto b : sentence_bounds) {
      while (k < tokens.size() && tokens[k].span.begin < b) ++k;
      if (k == 0 || k >= tokens.size()) continue;
      if (tokens[k - 1].span.end <= b) break_before[k] = true;
    }
  }
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    // A lone period followed by a lower-case word still ends a sentence (informal text: "... at
    // best. the waitress"); abbreviations keep their period inside the token, so they never get here.
    if (std::string_view(tokens[k - 1].form) == "." && tokens[k].span.begin > tokens[k - 1].span.end &&
        u_islower(code_point_at(tokens[k].form, 0)))
      break_before[k] = true;
    bool newline = false;
    for (std::size_t p = tokens[k - 1].span.end; p < tokens[k].span.begin; ++p)
      if (text[p] == '\n') newline = true;
    if (newline) break_before[k] = true;
    if (break_before[k] && impl_->can_join_sentences(text, tokens[k - 1], tokens[k])) break_before[k] = false;
  }
  std::size_t first = 0;
  for (std::size_t k = 1; k <= tokens.size(); ++k) {
    if (k == tokens.size() || break_before[k]) {
      sentence s;
      s.first_token = first;
      s.end_token = k;
      s.span = {tokens[first].span.begin, tokens[k - 1].span.end};
      result.sentences.push_back(s);
      first = k;
    }
  }
  return result;
}

}  // namespace chronograph::text
