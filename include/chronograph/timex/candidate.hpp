// SPDX-License-Identifier: MIT
// The two halves of the timex stage: recognition (what the text says, as a `candidate`) and
// resolution (a pure function of candidates and an anchor policy, giving TIMEX3 `mention`s).
// Invariant: a candidate holds only what the text stated plus the relative operation it asks
// for; no anchor-dependent value is computed before resolve().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/timex/mention.hpp"
#include "chronograph/timex/tagger.hpp"
#include "chronograph/types.hpp"

namespace chronograph::timex {

/// Granularity of a time expression.
enum class grain { none, century, decade, year, half, quarter, season, month, week, weekend, day, part_of_day,
                   hour, minute, second };
[[nodiscard]] const char* to_string(grain g) noexcept;

/// What the resolver must do with the stated fields.
enum class operation {
  fields,    ///< stated calendar fields; missing higher fields come from the anchor ("May 12")
  literal,   ///< a fixed value ("PRESENT_REF", "PXW")
  anchor,    ///< the anchor itself at `unit` grain, shifted by `amount` ("yesterday", "two weeks ago")
  this_,     ///< the period/occurrence containing the anchor ("this week", "this Friday")
  last,      ///< the previous period/occurrence ("last month", "last Tuesday")
  next,      ///< the following period/occurrence ("next year")
  duration,  ///< amount x unit ("90 days"); amount < 0 = unspecified ("weeks")
  set,       ///< a recurrence ("every Monday", "annually")
};

/// Tense of the clause around an expression, used for the news convention ("Friday" in a past
/// clause is the previous Friday).
/// `modal`: a modal verb ("must", "would") without another cue -- a weak future that moves a
/// yearless date forward but not a weekday.
enum class tense { unknown, past, present, future, modal };

/// A recognised time expression before resolution.
struct candidate {
  byte_span span;
  timex_type type = timex_type::date;
  std::string rule;  ///< "<type>.<phenomenon>" of the rule that fired
  operation op = operation::fields;
  // Stated fields (nullopt / empty when the text does not say them).
  std::optional<int> year, month, day, weekday, decade, century, quarter, half, week, hour, minute, second;
  std::string season;       ///< "SP", "SU", "FA", "WI"
  std::string part_of_day;  ///< "MO", "AF", "EV", "NI", "DT"
  std::string holiday;      ///< holiday rule ("12-25", "easter+0", "nth:11:4:4", "inauguration")
  std::string zone;         ///< time zone as written ("ET", "GMT") mapped to an IANA name or offset
  bool is_fiscal = false;
  bool two_digit_year = false;  ///< "'90s", "'98": year holds 2 digits
  // Relative parts.
  double amount = 0;        ///< for anchor/duration/set; -1 = unspecified ("weeks")
  std::string unit;         ///< "Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "WE", "H1"...
  std::string literal;      ///< value for operation::literal
  bool from_reference = false;  ///< anchored on the last mentioned time, not the DCT ("the day before")
  bool is_offset = false;       ///< amount/unit is an explicit shift of the stated fields ("June last year")
  grain precision = grain::none;
  std::string mod, quant, freq;
  bool is_latent = false;
  /// Names a reporting period that is not a quarter ("the first nine months", "the year ended
  /// Sept. 30"): until the next quarter is mentioned, "a year ago" means that period's year.
  bool is_reporting_span = false;
  /// A year-back reference to the reporting period under discussion ("a year ago", "the
  /// year-ago period", "the 1988 period"): the same quarter a year back while a quarter is
  /// discussed, the year while a longer span is.
  bool follows_period = false;
  /// The quarter under report ("the quarter", "the latest period"): right after a quarter stated
  /// as fiscal ("the fiscal first quarter", valued by its fiscal number) it is that quarter.
  bool refers_fiscal = false;
  tense clause_tense = tense::unknown;
};

/// How a document's relative expressions are anchored (one strategy per document).
struct anchor_policy {
  genre kind = genre::news;
  std::optional<creation_time> dct;
  std::string doc_id;  ///< for diagnostics
  [[nodiscard]] static anchor_policy news(std::optional<creation_time> dct, std::string doc_id = {}) {
    return {genre::news, dct, std::move(doc_id)};
  }
  [[nodiscard]] static anchor_policy narrative(std::optional<creation_time> dct, std::string doc_id = {}) {
    return {genre::narrative, dct, std::move(doc_id)};
  }
};

/// Loaded, validated rule tables (immutable, shareable across threads).
class rule_set {
 public:
  /// Order of the fields in all-numeric dates such as "6/5/2025".
  enum class numeric_order { month_day, day_month };
  struct options {
    numeric_order numeric_dates = numeric_order::month_day;  ///< US news: month first
  };
  /// Loads <dir>/lists/*.tsv and <dir>/rules/*.rules (rules tagged `order: mdy|dmy` only for
  /// the matching numeric order). Throws resource_error naming file:line.
  [[nodiscard]] static std::shared_ptr<const rule_set> load(const std::string& dir, const options& opts);
  [[nodiscard]] static std::shared_ptr<const rule_set> load(const std::string& dir) { return load(dir, options{}); }
  /// load(resource_path("timex", "en"), opts).
  [[nodiscard]] static std::shared_ptr<const rule_set> load_default(const options& opts);
  [[nodiscard]] static std::shared_ptr<const rule_set> load_default() { return load_default(options{}); }

  struct example {
    std::string file;
    std::size_t line = 0;
    std::string rule;
    std::string text;
    std::string reference;  ///< ISO DCT, "" = the default test reference
    std::string value;      ///< expected value; empty for `never` lines
    bool is_negative = false;
  };
  /// Every `example`/`never` line of every rule file, for the tests.
  [[nodiscard]] const std::vector<example>& examples() const noexcept;
  [[nodiscard]] std::size_t rule_count() const noexcept;

  struct impl;
  explicit rule_set(std::unique_ptr<impl> p);
  ~rule_set();
  [[nodiscard]] const impl& internals() const noexcept { return *impl_; }

 private:
  std::unique_ptr<impl> impl_;
};

/// Recognition: all time expressions of a document, left to right, non-overlapping. Works on
/// doc.doc.text alone; uses doc.tokens' POS tags when present. Linear in the text length.
/// Throws input_error for a text of 4 GiB or more.
[[nodiscard]] std::vector<candidate> recognize(const text::annotated_document& doc, const rule_set& rules);

/// Resolution: TIMEX3 values against the anchor. Pure; adds a diagnostic when relative
/// expressions stay underspecified for want of a DCT. Ids are t1, t2, ... in text order.
[[nodiscard]] std::vector<mention> resolve(const std::vector<candidate>& found, const anchor_policy& anchor,
                                           const std::string& text, std::vector<diagnostic>& diagnostics);

/// A tagger over the given rule tables (tagger::load_default() uses rule_set::load_default()).
[[nodiscard]] std::shared_ptr<const tagger> make_tagger(std::shared_ptr<const rule_set> rules);

}  // namespace chronograph::timex
