// SPDX-License-Identifier: MIT
// TIMEX3 DATE values (TimeML TIMEX3 guidelines, ISO 8601 subset) to day intervals.
#include "chronograph/graph/time_value.hpp"

#include <array>
#include <cctype>

namespace chronograph::graph {
namespace {

using date::days;
using date::sys_days;

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view s) noexcept {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::optional<time_span> make(sys_days begin, sys_days end, grain g) noexcept {
  if (!(begin < end)) return std::nullopt;
  return time_span{begin, end, g};
}

sys_days first_of(int y, unsigned m) noexcept {
  return sys_days{date::year{y} / date::month{m} / date::day{1}};
}

/// Monday of ISO week `w` of ISO year `y` (week 1 holds January 4th).
std::optional<sys_days> iso_week_monday(int y, int w) noexcept {
  if (w < 1 || w > 53) return std::nullopt;
  const sys_days jan4{date::year{y} / date::January / date::day{4}};
  const date::weekday wd{jan4};
  const sys_days week1 = jan4 - (wd - date::Monday);
  const sys_days monday = week1 + days{7 * (w - 1)};
  // Week 53 exists only when its Thursday still falls in year y.
  if (date::year_month_day{monday + days{3}}.year() != date::year{y}) return std::nullopt;
  return monday;
}

// What date::format writes for "%a", "%b" (the first three letters of "%B"), "%B" and "%Y" (in the C
// locale, as chronograph runs), without an output stream: describe() runs for every event a query
// prints.
constexpr std::string_view weekday_abbreviations[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

std::string_view month_name(const date::year_month_day& ymd) {
  return month_names[static_cast<unsigned>(ymd.month()) - 1];
}

/// "%Y": at least 4 digits, "-" first when negative.
std::string year_text(const date::year_month_day& ymd) {
  const int y = static_cast<int>(ymd.year());
  std::string digits = std::to_string(y < 0 ? -y : y);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return y < 0 ? "-" + digits : digits;
}

/// "5 Jun 2025" (no padding).
std::string day_month_year(sys_days d) {
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + std::string(month_name(ymd).substr(0, 3)) + " " +
         year_text(ymd);
}

}  // namespace

const char* to_string(grain g) noexcept {
  switch (g) {
    case grain::day: return "day";
    case grain::week: return "week";
    case grain::month: return "month";
    case grain::season: return "season";
    case grain::quarter: return "quarter";
    case grain::half: return "half";
    case grain::year: return "year";
    case grain::decade: return "decade";
    case grain::century: return "century";
  }
  return "day";
}

std::optional<time_span> span_of(std::string_view v) noexcept {
  if (v.size() == 2 && all_digits(v)) {  // century: "19" = 1900..1999
    const int c = to_int(v);
    return make(first_of(c * 100, 1), first_of(c * 100 + 100, 1), grain::century);
  }
  if (v.size() == 3 && all_digits(v)) {  // decade: "199" = 1990..1999
    const int d = to_int(v);
    return make(first_of(d * 10, 1), first_of(d * 10 + 10, 1), grain::decade);
  }
  if (v.size() < 4 || !all_digits(v.substr(0, 4))) return std::nullopt;
  const int y = to_int(v.substr(0, 4));
  if (v.size() == 4) return make(first_of(y, 1), first_of(y + 1, 1), grain::year);
  if (v[4] != '-') return std::nullopt;
  const std::string_view rest = v.substr(5);

  if (rest.size() >= 2 && all_digits(rest.substr(0, 2))) {
    const unsigned m = static_cast<unsigned>(to_int(rest.substr(0, 2)));
    if (m < 1 || m > 12) return std::nullopt;
    if (rest.size() == 2) {
      const sys_days b = first_of(y, m);
      return make(b, sys_days{date::year_month_day{b} + date::months{1}}, grain::month);
    }
    if (rest.size() < 5 || rest[2] != '-' || !all_digits(rest.substr(3, 2))) return std::nullopt;
    if (rest.size() > 5 && rest[5] != 'T') return std::nullopt;  // time of day is finer than a day
    const date::year_month_day ymd{date::year{y}, date::month{m},
                                   date::day{static_cast<unsigned>(to_int(rest.substr(3, 2)))}};
    if (!ymd.ok()) return std::nullopt;
    return make(sys_days{ymd}, sys_days{ymd} + days{1}, grain::day);
  }
  if (rest.size() >= 3 && rest[0] == 'W' && all_digits(rest.substr(1, 2))) {
    const auto monday = iso_week_monday(y, to_int(rest.substr(1, 2)));
    if (!monday) return std::nullopt;
    if (rest.size() == 3) return make(*monday, *monday + days{7}, grain::week);
    const std::string_view tail = rest.substr(3);
    if (tail == "-WE") return make(*monday + days{5}, *monday + days{7}, grain::day);
    if (tail.size() == 2 && tail[0] == '-' && tail[1] >= '1' && tail[1] <= '7') {
      const sys_days d = *monday + days{tail[1] - '1'};
      return make(d, d + days{1}, grain::day);
    }
    return std::nullopt;
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    const unsigned q = static_cast<unsigned>(rest[1] - '1');
    const sys_days b = first_of(y, 3 * q + 1);
    return make(b, sys_days{date::year_month_day{b} + date::months{3}}, grain::quarter);
  }
  if (rest.size() == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
    const sys_days b = first_of(y, rest[1] == '1' ? 1u : 7u);
    return make(b, sys_days{date::year_month_day{b} + date::months{6}}, grain::half);
  }
  // Seasons, meteorological (northern hemisphere): the TIMEX3 guidelines leave the bounds open.
  static constexpr std::array<std::pair<std::string_view, unsigned>, 4> seasons{
      {{"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}}};
  for (const auto& [code, month] : seasons) {
    if (rest != code) continue;
    const sys_days b = first_of(y, month);
    return make(b, sys_days{date::year_month_day{b} + date::months{3}}, grain::season);
  }
  return std::nullopt;
}

std::string describe(const time_span& span) {
  const date::year_month_day first{span.begin};
  const int y = static_cast<int>(first.year());
  const std::string year = std::to_string(y);
  switch (span.size) {
    case grain::day:
      if (span.days() == 2) return "weekend of " + day_month_year(span.begin);
      return std::string(weekday_abbreviations[date::weekday{span.begin}.c_encoding()]) + " " + day_month_year(span.begin);
    case grain::week: return "week of " + day_month_year(span.begin);
    case grain::month: return std::string(month_name(first)) + " " + year_text(first);
    case grain::season: {
      const unsigned m = static_cast<unsigned>(first.month());
      const char* name = m == 3 ? "spring" : m == 6 ? "summer" : m == 9 ? "autumn" : "winter";
      return std::string(name) + " " + year;
    }
    case grain::quarter:
      return "Q" + std::to_string((static_cast<unsigned>(first.month()) - 1) / 3 + 1) + " " + year;
    case grain::half: return (static_cast<unsigned>(first.month()) == 1 ? "H1 " : "H2 ") + year;
    case grain::year: return year;
    case grain::decade: return year + "s";
    case grain::century: {
      const int c = y / 100 + 1;
      const char* suffix = (c % 100 >= 11 && c % 100 <= 13) ? "th"
                           : c % 10 == 1                    ? "st"
                           : c % 10 == 2                    ? "nd"
                           : c % 10 == 3                    ? "rd"
                                                            : "th";
      return std::to_string(c) + suffix + " century";
    }
  }
  return year;
}

}  // namespace chronograph::graph
