// SPDX-License-Identifier: MIT
#include "chronograph/relations/dates.hpp"

#include <cctype>
#include <string>

namespace chronograph::relations {

namespace {

std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t k = at; k < at + n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

struct parsed {
  timex::day_interval days;
  int grain = 5;
};

std::optional<parsed> parse(std::string_view v) {
  using namespace date;
  const auto y = digits(v, 0, 4);
  if (!y) return std::nullopt;
  const date::year yr{*y};
  const auto year_start = sys_days{yr / January / 1};
  if (v.size() == 4) return parsed{{year_start, sys_days{(yr + years{1}) / January / 1}}, 5};
  if (v.size() < 6 || v[4] != '-') return std::nullopt;
  const auto rest = v.substr(5);
  if (rest.size() >= 2 && rest[0] == 'W') {
    const auto w = digits(rest, 1, 2);
    if (!w || *w < 1 || *w > 53) return std::nullopt;
    // ISO week 1 holds January 4th; weeks start on Monday.
    const sys_days jan4{yr / January / 4};
    const auto monday = jan4 - (weekday{jan4} - Monday);
    const auto begin = monday + days{7 * (*w - 1)};
    return parsed{{begin, begin + days{7}}, 1};
  }
  if (rest.size() == 2 && rest[0] == 'Q') {
    const auto q = digits(rest, 1, 1);
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    const month m{static_cast<unsigned>(3 * (*q - 1) + 1)};
    const auto begin = sys_days{yr / m / 1};
    return parsed{{begin, sys_days{(year_month{yr, m} + months{3}) / 1}}, 3};
  }
  if (rest.size() == 2 && rest[0] == 'H') {
    const auto h = digits(rest, 1, 1);
    if (!h || *h < 1 || *h > 2) return std::nullopt;
    const month m{*h == 1 ? 1u : 7u};
    return parsed{{sys_days{yr / m / 1}, sys_days{(year_month{yr, m} + months{6}) / 1}}, 4};
  }
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    // Meteorological seasons (northern hemisphere); winter runs into the next year.
    const unsigned first = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
    const year_month ym{yr, month{first}};
    return parsed{{sys_days{ym / 1}, sys_days{(ym + months{3}) / 1}}, 3};
  }
  const auto mo = digits(rest, 0, 2);
  if (!mo || *mo < 1 || *mo > 12) return std::nullopt;
  const year_month ym{yr, month{static_cast<unsigned>(*mo)}};
  if (rest.size() == 2) return parsed{{sys_days{ym / 1}, sys_days{(ym + months{1}) / 1}}, 2};
  if (rest.size() < 5 || rest[2] != '-') return std::nullopt;
  const auto d = digits(rest, 3, 2);
  if (!d) return std::nullopt;
  const year_month_day ymd{ym / day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  if (rest.size() > 5 && rest[5] != 'T') return std::nullopt;
  const sys_days begin{ymd};
  return parsed{{begin, begin + days{1}}, 0};
}

}  // namespace

std::optional<timex::day_interval> days_of(std::string_view value) noexcept {
  try {
    if (auto p = parse(value)) return p->days;
  } catch (...) {
  }
  return std::nullopt;
}

std::optional<int> grain_of(std::string_view value) noexcept {
  try {
    if (auto p = parse(value)) return p->grain;
  } catch (...) {
  }
  return std::nullopt;
}

}  // namespace chronograph::relations
