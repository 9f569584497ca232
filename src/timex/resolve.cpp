// SPDX-License-Identifier: MIT
// Resolution: candidates -> TIMEX3 values, a pure function of the candidates and the anchor
// policy. Calendar arithmetic with Howard Hinnant's date; value strings are made only here.
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <date/iso_week.h>
#include <date/tz.h>

#include "engine.hpp"

namespace chronograph::timex {
namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

// Zero-padded decimal ("%0*d" without printf: it runs for every field of every value).
std::string pad(int v, int width) {
  char buf[16];
  const bool negative = v < 0;
  unsigned u = negative ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0 && n < 12);
  const int digits_wanted = negative ? width - 1 : width;
  while (n < digits_wanted && n < 15) buf[n++] = '0';
  std::string out;
  out.reserve(static_cast<std::size_t>(n) + 1);
  if (negative) out += '-';
  while (n > 0) out += buf[--n];
  return out;
}

int year_of(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return static_cast<unsigned>(year_month_day{d}.month()); }
unsigned day_of(sys_days d) { return static_cast<unsigned>(year_month_day{d}.day()); }
unsigned iso_weekday(sys_days d) { return date::weekday{d}.iso_encoding(); }

std::string ymd(sys_days d) { return pad(year_of(d), 4) + "-" + pad(static_cast<int>(month_of(d)), 2) + "-" + pad(static_cast<int>(day_of(d)), 2); }
std::string ym(sys_days d) { return pad(year_of(d), 4) + "-" + pad(static_cast<int>(month_of(d)), 2); }
std::string iso_week_value(sys_days d) {
  const iso_week::year_weeknum_weekday w{d};
  return pad(static_cast<int>(w.year()), 4) + "-W" + pad(static_cast<int>(static_cast<unsigned>(w.weeknum())), 2);
}
int quarter_of(sys_days d) { return static_cast<int>((month_of(d) - 1) / 3 + 1); }

sys_days make_day(int y, unsigned m, unsigned d) {
  year_month_day v{date::year{y}, date::month{m}, date::day{d}};
  if (!v.ok()) v = date::year{y} / date::month{m} / date::last;
  return sys_days{v};
}

sys_days add_months(sys_days d, int n) {
  const year_month_day v{d};
  const auto ymv = date::year_month{v.year(), v.month()} + date::months{n};
  year_month_day out{ymv.year(), ymv.month(), v.day()};
  if (!out.ok()) out = ymv.year() / ymv.month() / date::last;
  return sys_days{out};
}

sys_days shift(sys_days d, double amount, const std::string& unit) {
  const int n = static_cast<int>(std::lround(amount));
  if (unit == "D") return d + days{n};
  if (unit == "W" || unit == "WE") return d + days{7 * n};
  if (unit == "M") return add_months(d, n);
  if (unit == "Q") return add_months(d, 3 * n);
  if (unit == "HY") return add_months(d, 6 * n);
  if (unit == "Y") return add_months(d, 12 * n);
  if (unit == "DE") return add_months(d, 120 * n);
  if (unit == "CE") return add_months(d, 1200 * n);
  return d;
}

grain grain_of_unit(const std::string& unit) {
  if (unit == "D") return grain::day;
  if (unit == "W") return grain::week;
  if (unit == "WE") return grain::weekend;
  if (unit == "M") return grain::month;
  if (unit == "Q") return grain::quarter;
  if (unit == "HY") return grain::half;
  if (unit == "Y") return grain::year;
  if (unit == "DE") return grain::decade;
  if (unit == "CE") return grain::century;
  if (unit == "SE") return grain::season;
  if (unit == "H") return grain::hour;
  if (unit == "MIN") return grain::minute;
  if (unit == "S") return grain::second;
  return grain::day;
}

const char* season_code(unsigned month) {
  if (month == 12 || month <= 2) return "WI";
  if (month <= 5) return "SP";
  if (month <= 8) return "SU";
  return "FA";
}

std::string at_grain(sys_days d, grain g) {
  switch (g) {
    case grain::century: return pad(year_of(d) / 100, 2);
    case grain::decade: return pad(year_of(d) / 10, 3);
    case grain::year: return pad(year_of(d), 4);
    case grain::half: return pad(year_of(d), 4) + "-H" + (month_of(d) <= 6 ? "1" : "2");
    case grain::quarter: return pad(year_of(d), 4) + "-Q" + std::to_string(quarter_of(d));
    case grain::season: {
      int y = year_of(d);
      if (month_of(d) == 12) ++y;  // December belongs to next year's winter? keep calendar year
      return pad(year_of(d), 4) + "-" + season_code(month_of(d));
    }
    case grain::month: return ym(d);
    case grain::week: return iso_week_value(d);
    case grain::weekend: return iso_week_value(d) + "-WE";
    default: return ymd(d);
  }
}

std::string unknown_at_grain(grain g) {
  switch (g) {
    case grain::century: return "XX";
    case grain::decade: return "XXX";
    case grain::year: return "XXXX";
    case grain::half: return "XXXX-HX";
    case grain::quarter: return "XXXX-QX";
    case grain::season: return "XXXX-XX";
    case grain::month: return "XXXX-XX";
    case grain::week: return "XXXX-WXX";
    case grain::weekend: return "XXXX-WXX-WE";
    default: return "XXXX-XX-XX";
  }
}

// Holidays: "MM-DD", "easter+N", "nth:M:WD:N[+D]" (N = -1: last; D days after it: Black Friday
// is the day after Thanksgiving), "election", "inauguration".
std::optional<sys_days> holiday_in(const std::string& rule, int y) {
  if (rule.size() == 5 && rule[2] == '-') {
    return make_day(y, static_cast<unsigned>(std::stoi(rule.substr(0, 2))), static_cast<unsigned>(std::stoi(rule.substr(3, 2))));
  }
  if (rule.rfind("easter", 0) == 0) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    int offset = 0;
    if (rule.size() > 6) offset = std::stoi(rule.substr(6));
    return make_day(y, static_cast<unsigned>(month), static_cast<unsigned>(day)) + days{offset};
  }
  if (rule.rfind("nth:", 0) == 0) {
    int m = 0, wd = 0, n = 0, after = 0;
    if (std::sscanf(rule.c_str(), "nth:%d:%d:%d+%d", &m, &wd, &n, &after) < 3) return std::nullopt;
    const date::weekday w{static_cast<unsigned>(wd % 7)};
    if (n < 0) return sys_days{date::year{y} / date::month{static_cast<unsigned>(m)} / w[date::last]} + days{after};
    const auto d = date::year{y} / date::month{static_cast<unsigned>(m)} / w[static_cast<unsigned>(n)];
    if (!d.ok()) return std::nullopt;  // no fifth Friday this month
    return sys_days{d} + days{after};
  }
  if (rule == "election") {  // the Tuesday after the first Monday of November
    return sys_days{date::year{y} / date::November / date::Monday[1]} + days{1};
  }
  if (rule == "inauguration") {  // January 20 of the year after a presidential election
    if (y % 4 != 1) return std::nullopt;
    return make_day(y, 1, 20);
  }
  return std::nullopt;
}

// Whether the holiday falls in every year around `y` (not so Inauguration Day).
bool yearly_holiday(const std::string& rule, int y) {
  return holiday_in(rule, y - 1) && holiday_in(rule, y) && holiday_in(rule, y + 1);
}

struct resolver {
  const anchor_policy& policy;
  const std::string& text;
  std::optional<sys_days> last_day;  ///< latest resolved mention of day grain (narrative anchor)
  grain last_grain = grain::none;
  std::optional<sys_days> last_point;
  std::optional<int> last_quarter;  ///< quarter number of the latest quarter-grain mention
  std::optional<sys_days> quarter_point;  ///< start of that quarter
  std::array<int, 5> quarter_mentions{};  ///< quarter-grain mentions per quarter number
  std::optional<sys_days> last_any;  ///< start of the latest resolved mention of any grain
  grain last_any_grain = grain::none;  ///< its grain
  std::optional<std::string> fiscal_quarter;  ///< value of the last stated quarter when it was stated as fiscal
  bool span_topic = false;  ///< a reporting span ("the first nine months") is discussed, not a quarter
  std::size_t underspecified = 0;
  std::optional<sys_days> last_quarter_named;  ///< start of the latest quarter-grain date ("that quarter")

  std::optional<sys_days> anchor_day(const candidate& c) const {
    // "Results for that quarter" after "the second quarter ended Oct. 31": the last quarter
    // named, not the quarter of the day stated since.
    if (c.from_reference && c.unit == "Q" && c.amount == 0 && last_quarter_named) return last_quarter_named;
    // "the following month" after "March 1989": the reference is the last mentioned time of
    // any grain; "the next day" needs a mentioned day.
    if (c.from_reference && last_any && !c.unit.empty() && c.unit != "D" && c.unit != "H") return last_any;
    if ((policy.kind == genre::narrative || c.from_reference) && last_day) return last_day;
    if (policy.dct) return policy.dct->day;
    if (policy.kind == genre::narrative && last_day) return last_day;
    return std::nullopt;
  }

  // Direction for an underspecified date: past clause -> not after the anchor; future clause
  // -> not before it; otherwise the same year as the anchor.
  static int direction(const candidate& c) {
    if (c.clause_tense == tense::past) return -1;
    if (c.clause_tense == tense::future || c.clause_tense == tense::modal) return 1;
    return 0;
  }

  // The occurrence of a yearless date: past clause -> the latest not after the anchor (plus
  // `slack` days), future -> the earliest not before it, unknown -> the nearest.
  static constexpr int near_days = 90;
  template <class F>
  static sys_days pick_year(sys_days a, int dir, F at_year, int slack) {
    const int y = year_of(a);
    const sys_days prev = at_year(y - 1), same = at_year(y), next = at_year(y + 1);
    // News rarely omits the year of a date more than a few months away, so a date a few
    // weeks on the "wrong" side of the anchor keeps the anchor's year (a tense cue is weaker
    // evidence than proximity).
    if (dir < 0) return same <= a + days{slack} || same - a < days{near_days} ? same : prev;
    if (dir > 0) return same >= a - days{slack} || a - same < days{near_days} ? same : next;
    sys_days best = same;
    for (const sys_days d : {prev, next})
      if (std::abs((d - a).count()) < std::abs((best - a).count())) best = d;
    return best;
  }

  // Weekday relative to the anchor (news convention: the verb's tense decides direction; a
  // weekday equal to the anchor's is the anchor's day).
  static sys_days weekday_near(sys_days a, int wd, int dir) {
    const int today = static_cast<int>(iso_weekday(a));
    int diff = wd - today;
    if (dir > 0) {
      if (diff < 0) diff += 7;
    } else if (dir < 0 || true) {
      if (diff > 0) diff -= 7;
    }
    return a + days{diff};
  }

  struct value_result {
    std::string value;
    bool is_relative = false;
    grain g = grain::none;
    std::optional<sys_days> point;
  };

  value_result resolve_fields(const candidate& c) {
    value_result r;
    const auto a = anchor_day(c);
    const int dir = direction(c);
    std::optional<sys_days> day;
    grain g = c.precision;
    const std::string suffix = time_of_day(c);
    // Year
    std::optional<int> year = c.year;
    if (year && c.two_digit_year) {
      const int base = a ? year_of(*a) : 2000;
      int y = (base / 100) * 100 + *year;
      if (y > base + 10) y -= 100;
      year = y;
    }
    if (c.century) {
      r.value = pad(*c.century - 1, 2);
      r.g = grain::century;
      return r;
    }
    if (c.decade) {
      int d = *c.decade;
      if (c.two_digit_year) {
        const int base = a ? year_of(*a) : 2000;
        int y = (base / 100) * 100 + d * 10;
        if (y > base) y -= 100;
        d = y / 10;
      }
      r.value = pad(d, 3);
      r.g = grain::decade;
      return r;
    }
    if (!c.holiday.empty()) {
      std::optional<sys_days> h;
      if (year) {
        h = holiday_in(c.holiday, *year);
      } else if (a && yearly_holiday(c.holiday, year_of(*a))) {
        // As a yearless date, with "unknown" read as past: one within a few weeks of the anchor
        // is meant whatever the tense ("as Easter week began" told two days before Easter).
        r.is_relative = true;
        h = pick_year(*a, dir > 0 ? 1 : -1, [&](int yy) { return *holiday_in(c.holiday, yy); }, 1);
      } else if (a) {
        r.is_relative = true;
        const int ay = year_of(*a);
        std::optional<sys_days> best;
        // Nearest occurrence in the tense's direction (inauguration days recur every 4 years).
        for (int y = ay - 4; y <= ay + 4; ++y) {
          const auto cand = holiday_in(c.holiday, y);
          if (!cand) continue;
          const bool ok = dir > 0 ? *cand >= *a : *cand <= *a;
          if (!ok) continue;
          if (!best || std::abs((*cand - *a).count()) < std::abs((*best - *a).count())) best = cand;
        }
        if (!best && dir == 0) best = holiday_in(c.holiday, ay);
        h = best;
      }
      if (!h) {
        r.is_relative = true;
        const bool fixed = c.holiday.size() == 5 && c.holiday[2] == '-';
        r.value = fixed ? (year ? pad(*year, 4) : std::string("XXXX")) + "-" + c.holiday : "XXXX-XX-XX";
        r.g = grain::day;
        return r;
      }
      day = *h;
      if (c.amount != 0 && !c.unit.empty()) {
        day = shift(*day, c.amount, c.unit);
        g = grain::day;
      }
      if (c.precision == grain::week) {  // "Easter week": the week of the holiday
        r.value = iso_week_value(*day);
        r.g = grain::week;
        r.point = day;
        return r;
      }
      r.value = ymd(*day) + suffix;
      r.g = grain::day;
      r.point = day;
      return r;
    }
    if (c.month || c.quarter || c.half || !c.season.empty() || c.week || c.day) {
      int y = 0;
      // "June last year": the year is the anchor's, shifted below; nothing to infer.
      const bool year_from_offset = !year && c.unit == "Y" && c.op == operation::fields && c.is_offset;
      bool implied_year = !year && !year_from_offset;
      if (year) {
        y = *year;
      } else if (a) {
        y = year_of(*a);
        r.is_relative = true;
      }
      if (c.month) {
        const unsigned m = static_cast<unsigned>(*c.month);
        if (c.day) {
          if (!year && !a) {
            r.value = "XXXX-" + pad(*c.month, 2) + "-" + pad(*c.day, 2) + suffix;
            r.g = grain::day;
            r.is_relative = true;
            return r;
          }
          const year_month_day v{date::year{y}, date::month{m}, date::day{static_cast<unsigned>(*c.day)}};
          if (!v.ok()) return r;  // impossible date: no value
          day = sys_days{v};
          if (implied_year && a) day = pick_year(*a, dir, [&](int yy) { return make_day(yy, m, static_cast<unsigned>(*c.day)); }, 1);
          g = grain::day;
        } else {
          if (!year && !a) {
            r.value = "XXXX-" + pad(*c.month, 2);
            r.g = grain::month;
            r.is_relative = true;
            return r;
          }
          day = make_day(y, m, 1);
          if (implied_year && a) {
            const sys_days month_start = make_day(year_of(*a), month_of(*a), 1);
            day = pick_year(month_start, dir, [&](int yy) { return make_day(yy, m, 1); }, 0);
            // A past event cannot lie in a month that has not begun ("changed ... in December"
            // told in October is last December).
            if (dir < 0 && *day > month_start) day = make_day(year_of(*day) - 1, m, 1);
          }
          g = grain::month;
        }
      } else if (c.quarter) {
        if (!year && !a) {
          r.value = "XXXX-Q" + std::to_string(*c.quarter);
          r.g = grain::quarter;
          return r;
        }
        day = make_day(y, static_cast<unsigned>((*c.quarter - 1) * 3 + 1), 1);
        if (implied_year && a && dir <= 0 && *day > *a) day = add_months(*day, -12);
        g = grain::quarter;
      } else if (c.half) {
        if (!year && !a) {
          r.value = "XXXX-H" + std::to_string(*c.half);
          r.g = grain::half;
          return r;
        }
        day = make_day(y, *c.half == 1 ? 1u : 7u, 1);
        if (implied_year && a && dir <= 0 && *day > *a) day = add_months(*day, -12);
        g = grain::half;
      } else if (!c.season.empty()) {
        if (!year && !a) {
          r.value = "XXXX-" + c.season;
          r.g = grain::season;
          return r;
        }
        r.value = pad(y, 4) + "-" + c.season;
        if (implied_year && a) {
          const unsigned start = c.season == "SP" ? 3 : c.season == "SU" ? 6 : c.season == "FA" ? 9 : 12;
          const sys_days s = make_day(y, start, 1);
          if (dir < 0 && s > *a) r.value = pad(y - 1, 4) + "-" + c.season;
          if (dir > 0 && s + days{90} < *a) r.value = pad(y + 1, 4) + "-" + c.season;
        }
        r.g = grain::season;
        return r;
      } else if (c.week) {
        if (!year && !a) {
          r.value = "XXXX-W" + pad(*c.week, 2);
          r.g = grain::week;
          return r;
        }
        const iso_week::year_weeknum_weekday w{iso_week::year{y}, iso_week::weeknum{static_cast<unsigned>(*c.week)},
                                               iso_week::weekday{1u}};
        if (!w.ok()) return r;
        day = sys_days{w};
        g = grain::week;
      } else if (c.day) {  // "the 17th": the anchor's month
        if (!a) {
          r.value = "XXXX-XX-" + pad(*c.day, 2);
          r.g = grain::day;
          return r;
        }
        const year_month_day av{*a};
        const year_month_day v{av.year(), av.month(), date::day{static_cast<unsigned>(*c.day)}};
        if (!v.ok()) return r;
        day = sys_days{v};
        r.is_relative = true;
        g = grain::day;
      }
    } else if (c.weekday) {
      if (!a) {
        r.value = "XXXX-WXX-" + std::to_string(*c.weekday) + suffix;
        r.g = grain::day;
        r.is_relative = true;
        return r;
      }
      day = weekday_near(*a, *c.weekday, c.clause_tense == tense::future ? 1 : -1);
      r.is_relative = true;
      g = grain::day;
    } else if (year && c.precision == grain::quarter) {  // "the 1988 period": the quarter under discussion
      if (!last_quarter || (c.follows_period && span_topic)) {
        r.value = pad(*year, 4);
        r.g = grain::year;
        return r;
      }
      day = make_day(*year, static_cast<unsigned>((*last_quarter - 1) * 3 + 1), 1);
    } else if (year) {
      day = make_day(*year, 1, 1);
      if (g == grain::none) g = grain::year;
    } else if (c.hour || !c.part_of_day.empty()) {  // a time of an unstated day: the anchor's
      if (!a) {
        r.value = "XXXX-XX-XX" + suffix;
        r.g = grain::day;
        r.is_relative = true;
        return r;
      }
      day = *a;
      r.is_relative = true;
      g = grain::day;
    }
    if (!day) return r;
    if (c.precision == grain::week) g = grain::week;  // "the week of March 6"
    if (c.amount != 0 && !c.unit.empty()) day = shift(*day, c.amount, c.unit);
    if (g == grain::none) g = grain::day;
    r.g = g;
    r.value = at_grain(*day, g);
    if (g == grain::day) r.value += zone_suffix(c, suffix, *day);
    r.point = day;
    return r;
  }

  // The time-of-day part of a value: "T15:30", "T15:30:05", "TMO"; empty for a day.
  static std::string time_of_day(const candidate& c) {
    if (c.hour) {
      std::string t = "T" + pad(*c.hour, 2) + ":" + pad(c.minute.value_or(0), 2);
      if (c.second) t += ":" + pad(*c.second, 2);
      return t;
    }
    return c.part_of_day.empty() ? std::string() : "T" + c.part_of_day;
  }

  static std::string zone_suffix(const candidate& c, const std::string& suffix, sys_days day) {
    if (suffix.empty() || c.zone.empty() || !c.hour) return suffix;
    // Zones map to IANA names (ET -> America/New_York) or fixed offsets ("+00:00").
    if (c.zone[0] == '+' || c.zone[0] == '-') return suffix + (c.zone == "+00:00" ? "Z" : c.zone);
    try {
      const auto* z = date::locate_zone(c.zone);
      const auto local = date::local_days{day.time_since_epoch()} + std::chrono::hours{*c.hour} +
                         std::chrono::minutes{c.minute.value_or(0)};
      const auto info = z->get_info(date::local_seconds{date::floor<std::chrono::seconds>(local)});
      const auto offset = date::floor<std::chrono::minutes>(info.first.offset).count();
      const long h = std::labs(offset) / 60, m = std::labs(offset) % 60;
      return suffix + (offset < 0 ? "-" : "+") + pad(static_cast<int>(h), 2) + ":" + pad(static_cast<int>(m), 2);
    } catch (const std::exception&) {
      return suffix;
    }
  }

  value_result resolve_period(const candidate& c, int step) {
    value_result r;
    r.is_relative = true;
    const auto a = anchor_day(c);
    // Occurrence of stated fields: "last Friday", "next March", "this summer", "last Christmas".
    if (c.weekday) {
      if (!a) {
        r.value = "XXXX-WXX-" + std::to_string(*c.weekday);
        r.g = grain::day;
        return r;
      }
      const sys_days monday = *a - days{static_cast<int>(iso_weekday(*a)) - 1};
      sys_days d = monday + days{*c.weekday - 1};
      if (step < 0) {
        d = weekday_near(*a - days{1}, *c.weekday, -1);
      } else if (step > 0) {
        d = weekday_near(*a + days{1}, *c.weekday, 1);
      }
      r.g = grain::day;
      r.value = ymd(d) + (c.part_of_day.empty() ? "" : "T" + c.part_of_day);
      r.point = d;
      return r;
    }
    if (c.month) {
      if (!a) {
        r.value = "XXXX-" + pad(*c.month, 2);
        r.g = grain::month;
        return r;
      }
      int y = year_of(*a);
      const int am = static_cast<int>(month_of(*a));
      if (step < 0 && *c.month >= am) --y;
      if (step > 0 && *c.month <= am) ++y;
      sys_days d = make_day(y, static_cast<unsigned>(*c.month), 1);
      r.g = grain::month;
      r.value = ym(d);
      if (c.day) {
        d = make_day(y, static_cast<unsigned>(*c.month), static_cast<unsigned>(*c.day));
        r.g = grain::day;
        r.value = ymd(d);
      }
      r.point = d;
      return r;
    }
    if (!c.season.empty()) {
      if (!a) {
        r.value = "XXXX-" + c.season;
        r.g = grain::season;
        return r;
      }
      int y = year_of(*a);
      const unsigned start = c.season == "SP" ? 3 : c.season == "SU" ? 6 : c.season == "FA" ? 9 : 12;
      const sys_days s = make_day(y, start, 1);
      if (step < 0 && s + days{90} > *a) --y;
      if (step > 0 && s <= *a) ++y;
      r.g = grain::season;
      r.value = pad(y, 4) + "-" + c.season;
      return r;
    }
    if (!c.holiday.empty()) {
      candidate h = c;
      h.op = operation::fields;
      h.clause_tense = step < 0 ? tense::past : step > 0 ? tense::future : tense::unknown;
      return resolve_fields(h);
    }
    if (!c.part_of_day.empty()) {  // "this morning", "last night"
      if (!a) {
        r.value = "XXXX-XX-XXT" + c.part_of_day;
        r.g = grain::part_of_day;
        return r;
      }
      const sys_days d = *a + days{step};
      r.value = ymd(d) + "T" + c.part_of_day;
      r.g = grain::part_of_day;
      r.point = d;
      return r;
    }
    if (c.quarter) {
      if (!a) {
        r.value = "XXXX-Q" + std::to_string(*c.quarter);
        r.g = grain::quarter;
        return r;
      }
      int y = year_of(*a) + step;
      r.value = pad(y, 4) + "-Q" + std::to_string(*c.quarter);
      r.g = grain::quarter;
      r.point = make_day(y, static_cast<unsigned>((*c.quarter - 1) * 3 + 1), 1);  // "this year's third quarter"
      return r;
    }
    const std::string unit = c.unit.empty() ? "D" : c.unit;
    const grain g = c.precision != grain::none ? c.precision : grain_of_unit(unit);
    if (unit == "WE" && step == 0 && a && iso_weekday(*a) <= 5 && direction(c) < 0) step = -1;  // "the weekend" told in the past
    if (!a) {
      r.value = unknown_at_grain(g);
      r.g = g;
      return r;
    }
    const sys_days d = shift(*a, step, unit);
    r.g = g;
    r.value = at_grain(d, g);
    r.point = d;
    return r;
  }

  value_result resolve_anchor(const candidate& c) {
    value_result r;
    r.is_relative = true;
    const auto a = anchor_day(c);
    grain g = c.precision;
    if (g == grain::none) {
      // "a decade ago", "two decades later": the year so many decades back, as "10 years ago"
      // is (TBAQ writes the year for "a decade ago" 2 of 2, in that story's `1989-XX`), not the
      // decade it falls in; "the last decade" (no anchor offset) stays the decade.
      g = c.unit.empty() ? grain::day : c.unit == "DE" ? grain::year : grain_of_unit(c.unit);
    }
    if (!a) {
      r.value = unknown_at_grain(g);
      r.g = g;
      return r;
    }
    if (c.from_reference && c.amount == 0 && g == grain::day && last_any &&
        (last_any_grain == grain::month || last_any_grain == grain::year)) {
      // "that same day", "earlier that day" right after a month or a year ("most recently last
      // October, when he was shot ... crossed out that same day"): a day inside that time, which
      // the text does not name (TBAQ: 1998-10-XX).
      r.value = at_grain(*last_any, last_any_grain) + (last_any_grain == grain::year ? "-XX-XX" : "-XX");
      r.g = grain::day;
      return r;
    }
    sys_days d = *a;
    if (c.amount != 0 && !c.unit.empty()) d = shift(d, c.amount, c.unit);
    // In a text about quarterly results "a year ago" is the same quarter a year earlier; after a
    // longer reporting span ("For the nine months, net rose ... from $2 million a year earlier")
    // it is that span's year. A stated quarter ("the year-ago quarter") stays a quarter.
    const bool year_back = c.unit == "Y" && !c.from_reference;
    if (year_back && c.follows_period && span_topic) {
      r.g = grain::year;
      r.value = at_grain(d, grain::year);
      r.point = d;
      return r;
    }
    if (g == grain::quarter && c.unit == "Y" && !last_quarter) g = grain::year;
    if ((g == grain::year || g == grain::quarter) && last_grain == grain::quarter && last_point && year_back &&
        (c.follows_period || g == grain::quarter)) {
      // The quarter under discussion is the latest occurrence of its quarter that has begun by
      // the anchor, whichever year its last mention named: a year-ago mention ("in the 1988
      // period. The year-ago results ...") or a forecast ("losses through the third quarter of
      // 1990") does not move it; reported in February, the fourth quarter is last year's.
      const sys_days qp = quarter_point ? *quarter_point : *last_point;
      sys_days base = make_day(year_of(*a), month_of(qp), 1);
      if (base > *a) base = add_months(base, -12);
      r.value = at_grain(shift(base, c.amount, "Y"), grain::quarter);
      r.g = grain::quarter;
      return r;
    }
    if (g == grain::quarter && last_quarter && c.unit == "Y") {  // "the year-ago quarter": that quarter
      r.value = pad(year_of(d), 4) + "-Q" + std::to_string(*last_quarter);
      r.g = grain::quarter;
      return r;
    }
    r.g = g;
    r.value = at_grain(d, g);
    r.value += zone_suffix(c, time_of_day(c), d);  // "morning tomorrow", "5 p.m. tomorrow"
    r.point = d;
    return r;
  }

  static std::string number_text(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }

  static std::string duration_value(double amount, std::string unit) {
    if (amount < 0) {  // unspecified: "weeks", "some time"
      const bool time = unit == "H" || unit == "MIN" || unit == "S";
      // Vague decades are years ("decades-long" PXY; TBAQ writes PXY for "decades-long" and
      // "less than a decade", P1E once), as counted decades are ("two decades" P20Y).
      std::string u = unit == "MIN" ? "M" : unit == "DE" ? "Y" : unit == "CE" ? "CE" : unit;
      return std::string(time ? "PT" : "P") + "X" + u;
    }
    // A fraction of a year, day, hour or minute is written in that unit and the next one down,
    // as TimeBank does: 2.5 Y -> P2Y6M, 5.5 H -> PT5H30M, and from one unit on as well
    // ("a minute and a half" PT1M30S, "an hour and a half" PT1H30M, "a year and a half"
    // P1Y6M); a fraction below one moves down one unit ("half an hour" PT30M, "half a year" P6M).
    if (std::fabs(amount - std::round(amount)) > 1e-9) {
      struct step { const char* from; const char* to; double factor; };
      static const step steps[] = {{"Y", "M", 12}, {"M", "D", 30}, {"W", "D", 7}, {"D", "H", 24}, {"H", "MIN", 60},
                                   {"MIN", "S", 60}, {"DE", "Y", 10}, {"CE", "Y", 100}, {"Q", "M", 3}};
      for (const auto& s : steps) {
        const double whole = std::floor(amount), rest = (amount - whole) * s.factor;
        const std::string from = s.from, to = s.to;
        const bool mixable = from == "Y" || from == "D" || from == "H" || from == "MIN";
        if (unit == s.from && mixable && whole >= 1 && std::fabs(rest - std::round(rest)) < 1e-9) {
          const auto is_time = [](const std::string& u) { return u == "H" || u == "MIN" || u == "S"; };
          const auto letter = [](const std::string& u) { return u == "MIN" ? std::string("M") : u; };
          std::string v = "P";
          if (!is_time(from)) v += number_text(whole) + letter(from);
          if (is_time(from) || is_time(to)) v += "T";
          if (is_time(from)) v += number_text(whole) + letter(from);
          return v + number_text(std::round(rest)) + letter(to);
        }
        if (unit == s.from) {
          const double v = amount * s.factor;
          if (std::fabs(v - std::round(v)) < 1e-9 || unit == "M") {
            amount = v;
            unit = s.to;
          }
          break;
        }
      }
    }
    if (unit == "DE") {
      amount *= 10;
      unit = "Y";
    } else if (unit == "CE") {
      amount *= 100;
      unit = "Y";
    } else if (unit == "HY") {
      amount *= 6;
      unit = "M";
    } else if (unit == "WE") {
      amount *= 2;
      unit = "D";
    }
    const bool time = unit == "H" || unit == "MIN" || unit == "S";
    const std::string u = unit == "MIN" ? "M" : unit;
    return std::string(time ? "PT" : "P") + number_text(amount) + u;
  }

  value_result resolve_set(const candidate& c) {
    value_result r;
    if (c.weekday) {
      r.value = "XXXX-WXX-" + std::to_string(*c.weekday) + (c.part_of_day.empty() ? "" : "T" + c.part_of_day);
    } else if (c.month) {
      r.value = "XXXX-" + pad(*c.month, 2) + (c.day ? "-" + pad(*c.day, 2) : "");
    } else if (!c.part_of_day.empty()) {
      r.value = "XXXX-XX-XXT" + c.part_of_day;
    } else if (!c.season.empty()) {  // "the past three summers"
      r.value = "XXXX-" + c.season;
    } else if (!c.unit.empty()) {
      r.value = duration_value(c.amount == 0 ? 1 : c.amount, c.unit);
    }
    return r;
  }

  mention resolve_one(const candidate& c) {
    mention m;
    m.span = c.span;
    m.text = text.substr(c.span.begin, c.span.size());
    m.type = c.type;
    m.mod = c.mod;
    m.quant = c.quant;
    m.freq = c.freq;  // m.rule is set by the caller, which owns the candidate (a move, not a copy)
    value_result r;
    if (c.refers_fiscal && fiscal_quarter) {
      // "Sun earned $5.2 million in the fiscal first quarter ... sales for the quarter ended
      // Sept. 29": the quarter under report is that fiscal quarter, valued as it was (by its
      // fiscal number). An anaphor: it neither counts as a mention of its quarter nor anchors.
      m.value = *fiscal_quarter;
      m.is_relative = true;
      return m;
    }
    switch (c.op) {
      case operation::literal: r.value = c.literal; break;
      case operation::duration: r.value = duration_value(c.amount, c.unit); break;
      case operation::set: r = resolve_set(c); break;
      case operation::anchor: r = resolve_anchor(c); break;
      case operation::this_: r = resolve_period(c, 0); break;
      case operation::last: r = resolve_period(c, -1); break;
      case operation::next: r = resolve_period(c, 1); break;
      case operation::fields: r = resolve_fields(c); break;
    }
    m.value = r.value;
    m.is_relative = r.is_relative;
    if (r.is_relative && m.value.find('X') != std::string::npos && c.op != operation::duration) ++underspecified;
    if (r.point && (r.g == grain::day || r.g == grain::part_of_day)) last_day = r.point;
    if (c.op == operation::fields && r.g == grain::quarter && c.amount == 0 && !c.follows_period) {
      // A stated quarter: the fiscal one ("the fiscal first quarter") is the quarter under report
      // for "the quarter" that follows; a calendar one ("third-quarter profit") ends that.
      if (c.is_fiscal) fiscal_quarter = r.value;
      else fiscal_quarter.reset();
    }
    if (r.point && c.type != timex_type::duration && c.type != timex_type::set) {
      last_any = r.point;
      last_any_grain = r.g;
      if (r.g == grain::quarter) last_quarter_named = r.point;
    }
    // A year-back reference read against a fiscal quarter under report ("in the fiscal first
    // quarter ... up from $388.5 million a year earlier") is an anaphor of it, as "the quarter"
    // is: it adds to no quarter's count, so that a calendar quarter stated next ("Separately,
    // America West reported third-quarter profit") takes over.
    if (r.g == grain::quarter && !(c.follows_period && fiscal_quarter) && r.value.size() == 7 && r.value[5] == 'Q' &&
        r.value[6] >= '1' && r.value[6] <= '4' && r.value.find_first_not_of("0123456789", 0) == 4) {
      // The quarter under discussion: the one mentioned most often so far (the latest on ties);
      // an aside ("after a flat second quarter") does not displace it.
      const int q = r.value[6] - '0';
      ++quarter_mentions[static_cast<std::size_t>(q)];
      if (!last_quarter || quarter_mentions[static_cast<std::size_t>(q)] >= quarter_mentions[static_cast<std::size_t>(*last_quarter)]) {
        last_quarter = q;
        quarter_point = make_day(std::stoi(r.value.substr(0, 4)), static_cast<unsigned>((q - 1) * 3 + 1), 1);
      }
    }
    // The period under discussion: a quarter, or a longer reporting span. A day or a clock time
    // ("for the quarter ended Sept. 30") does not change it.
    if (r.point && (c.op == operation::fields || c.op == operation::last || c.op == operation::this_) &&
        r.g != grain::day && r.g != grain::part_of_day && r.g != grain::hour && r.g != grain::minute &&
        r.g != grain::second) {
      last_grain = r.g;
      last_point = r.point;
    }
    if (c.is_reporting_span) span_topic = true;
    else if (r.g == grain::quarter && c.op != operation::duration) span_topic = false;
    return m;
  }
};

// A clock time whose day follows after a parenthesis takes that day: "at about 10:35 a.m.
// (0735 GMT) Friday", "will leave at 4 in the morning (4 a.m. EDT Thursday)".
void take_following_day(candidate& c, const candidate& next, const std::string& text) {
  if (c.op != operation::fields || !c.hour || c.weekday || c.month || c.day || c.year) return;
  if (!next.weekday && !(next.month && next.day)) return;
  if (next.span.begin < c.span.end || next.span.begin - c.span.end > 40) return;
  const std::string_view between = std::string_view(text).substr(c.span.end, next.span.begin - c.span.end);
  const auto open = between.find('(');
  if (open == std::string_view::npos) return;
  for (std::size_t k = 0; k < open; ++k)
    if (between[k] != ' ' && between[k] != ',') return;
  const auto close = between.find(')', open);
  if (close != std::string_view::npos)
    for (std::size_t k = close + 1; k < between.size(); ++k)
      if (between[k] != ' ' && between[k] != ',') return;
  if (between.find_first_of(".;\n", open) != std::string_view::npos) return;
  c.weekday = next.weekday;
  c.month = next.month;
  c.day = next.day;
  c.year = next.year;
  c.two_digit_year = next.two_digit_year;
  c.clause_tense = next.clause_tense;
}

// A clock time right after the day it falls on takes that day: "on June 7 at 5 p.m.", "last
// Friday at 9 a.m.", "tomorrow at noon" (two mentions, as TimeML writes them; the time's value
// carries the day, as "9 a.m. Tuesday" does).
void take_preceding_day(candidate& c, const mention& previous, const std::string& text) {
  if (c.op != operation::fields || !c.hour || c.weekday || c.month || c.day || c.year) return;
  const std::string& v = previous.value;
  if (v.size() < 10 || (v.size() > 10 && v[10] != 'T') || v[4] != '-' || v[7] != '-') return;
  for (const std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(v[k]))) return;
  if (previous.span.end > c.span.begin || c.span.begin - previous.span.end > 16) return;
  std::string between;
  for (const char ch : std::string_view(text).substr(previous.span.end, c.span.begin - previous.span.end))
    if (ch != ',') between += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string_view w = between;
  while (!w.empty() && w.front() == ' ') w.remove_prefix(1);
  while (!w.empty() && w.back() == ' ') w.remove_suffix(1);
  if (!(w.empty() || w == "at" || w == "by" || w == "around" || w == "about" || w == "at about" ||
        w == "at around" || w == "until" || w == "from"))
    return;
  c.year = std::stoi(v.substr(0, 4));
  c.month = std::stoi(v.substr(5, 2));
  c.day = std::stoi(v.substr(8, 2));
  c.two_digit_year = false;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool lower_equals(std::string_view s, std::string_view w) {
  if (s.size() != w.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[k])) != static_cast<unsigned char>(w[k])) return false;
  return true;
}

// "In the quarter ended July 31" with no quarter number stated: a fiscal quarter of May to July,
// valued as the calendar quarter that holds most of it, that of its middle month (1989-Q2; TBAQ
// wsj_0662, 1 of 1). An end in a month's first week ("ended Oct. 1") closes the month before.
// Without this "the quarter" was the last calendar quarter before the DCT (Q3).
void take_quarter_end(candidate& c, const candidate& next, const std::string& text) {
  if (!c.refers_fiscal || c.op != operation::last || c.unit != "Q" || c.quarter) return;
  if (next.op != operation::fields || !next.month || !next.day || next.weekday || next.hour) return;
  if (next.span.begin < c.span.end || next.span.begin - c.span.end > 12) return;
  const std::string_view between = trimmed(std::string_view(text).substr(c.span.end, next.span.begin - c.span.end));
  if (!lower_equals(between, "ended") && !lower_equals(between, "ending")) return;
  int month = *next.month - (*next.day <= 7 ? 1 : 0) - 1;  // the middle month of the three
  std::optional<int> year = next.year;
  if (next.two_digit_year) year.reset();
  while (month < 1) {
    month += 12;
    if (year) --*year;
  }
  c.op = operation::fields;
  c.quarter = (month - 1) / 3 + 1;
  c.year = year;
  c.unit.clear();
  c.amount = 0;
  c.precision = grain::quarter;
}

// Whether two consecutive candidates are the ends of a range: "April to June", "from Monday
// through Friday", "April–June", "2018-2020", "between 2018 and 2020".
bool is_range(const candidate& a, const candidate& b, const std::string& text) {
  if (b.span.begin < a.span.end || b.span.begin - a.span.end > 12) return false;
  if (a.type != b.type || a.op != operation::fields || b.op != operation::fields) return false;
  // Ends of one kind: "Friday to December's figures" is no range.
  const bool same_kind = (a.weekday && b.weekday) || (a.month && b.month) || (a.hour && b.hour) ||
                         (a.year && b.year && !a.month && !b.month);
  if (!same_kind) return false;
  const std::string_view between = trimmed(std::string_view(text).substr(a.span.end, b.span.begin - a.span.end));
  for (const std::string_view w : {"to", "through", "thru", "until", "till", "-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (lower_equals(between, w)) return true;
  if (lower_equals(between, "and")) {  // only after "between"
    const std::string_view before = trimmed(std::string_view(text).substr(0, a.span.begin));
    return before.size() >= 7 && lower_equals(before.substr(before.size() - 7), "between");
  }
  return false;
}

// A weekday coordinated with a recurring weekday part shares the recurrence: "on Monday and
// Tuesday nights" is Monday nights and Tuesday nights (two SETs, as TimeML annotates them).
void share_recurrence(candidate& a, const candidate& b, const std::string& text) {
  if (a.op != operation::fields || !a.weekday || a.month || a.day || a.hour || !a.part_of_day.empty()) return;
  if (b.op != operation::set || !b.weekday || b.part_of_day.empty()) return;
  if (b.span.begin < a.span.end || b.span.begin - a.span.end > 6) return;
  const std::string_view between = trimmed(std::string_view(text).substr(a.span.end, b.span.begin - a.span.end));
  if (!lower_equals(between, "and") && !lower_equals(between, "or") && between != ",") return;
  a.op = operation::set;
  a.type = timex_type::set;
  a.part_of_day = b.part_of_day;
  a.quant = b.quant;
}

// The start of a range takes the year stated at its end: "from January to March 2024".
void take_range_year(candidate& a, const candidate& b) {
  if (a.year || !b.year || b.two_digit_year || !a.month || !b.month) return;
  a.year = *a.month <= *b.month ? *b.year : *b.year - 1;
}

// The end of a range lies after its start: "from Monday to Friday" told on a Thursday about
// the coming week, "from November to February". Only a weekday or a yearless month moves.
void after_range_start(const candidate& end, const mention& start, mention& m) {
  const auto s = interval_of(start.value);
  const auto e = interval_of(m.value);
  if (!s || !e || e->begin >= s->begin || m.value.size() < 7) return;
  const bool weekday = end.weekday && !end.month && !end.day;
  const bool yearless_month = end.month && !end.year;
  if (weekday && m.value.size() >= 10) {
    const year_month_day d{e->begin + days{7}};
    m.value = ymd(sys_days{d}) + m.value.substr(10);
  } else if (yearless_month) {
    m.value = pad(std::stoi(m.value.substr(0, 4)) + 1, 4) + m.value.substr(4);
  }
}

}  // namespace

namespace {

// Resolution one candidate at a time, with a look-ahead of one (ranges, a day stated after a
// clock time): add() each candidate in text order, then finish().
class resolution {
 public:
  resolution(const anchor_policy& anchor, const std::string& text, std::vector<diagnostic>& diagnostics)
      : anchor_(anchor), text_(text), diagnostics_(diagnostics),
        res_{anchor, text, std::nullopt, grain::none, std::nullopt, std::nullopt, std::nullopt, {}, std::nullopt, grain::none, std::nullopt, false, 0, std::nullopt} {
    // Room for a dense text (a mention every 8 bytes): the vector is written once, not moved
    // as it grows; pages of a large reservation that stay unused are never touched.
    out_.reserve(text.size() / 8 + 4);
  }

  void add(candidate next) {
    if (pending_) settle(&next);
    pending_ = std::move(next);
  }

  std::vector<mention> finish() {
    if (pending_) settle(nullptr);
    pending_.reset();
    if (!anchor_.dct && res_.underspecified > 0)
      diagnostics_.push_back({severity::warning, "timex", anchor_.doc_id, {}, "anchor.no_dct",
                              "no document creation time: " + std::to_string(res_.underspecified) +
                                  " relative time expression(s) left underspecified"});
    // Give back what a sparse text did not use (a document's mentions may be kept long).
    if (out_.capacity() > 2 * out_.size() + 64) out_.shrink_to_fit();
    return std::move(out_);
  }

 private:
  // Resolves the pending candidate, knowing the one after it (nullptr at the end).
  void settle(const candidate* next) {
    candidate c = std::move(*pending_);
    const bool starts_range = next && is_range(c, *next, text_);
    if (starts_range) take_range_year(c, *next);
    if (next) share_recurrence(c, *next, text_);
    if (next) take_following_day(c, *next, text_);
    if (!out_.empty()) take_preceding_day(c, out_.back(), text_);
    if (next && !res_.fiscal_quarter) take_quarter_end(c, *next, text_);
    mention m = res_.resolve_one(c);
    if (previous_starts_range_ && !out_.empty() && !m.value.empty()) after_range_start(c, out_.back(), m);
    previous_starts_range_ = starts_range && !m.value.empty();
    if (m.value.empty()) {
      diagnostics_.push_back({severity::info, "timex", anchor_.doc_id, c.span, c.rule,
                              "'" + m.text + "' is not a valid date; dropped"});
      return;
    }
    m.rule = std::move(c.rule);
    m.id = "t" + std::to_string(out_.size() + 1);
    out_.push_back(std::move(m));
  }

  const anchor_policy& anchor_;
  const std::string& text_;
  std::vector<diagnostic>& diagnostics_;
  resolver res_;
  std::optional<candidate> pending_;
  bool previous_starts_range_ = false;  // the last resolved mention starts a range
  std::vector<mention> out_;
};

}  // namespace

std::vector<mention> resolve(const std::vector<candidate>& found, const anchor_policy& anchor, const std::string& text,
                             std::vector<diagnostic>& diagnostics) {
  resolution r(anchor, text, diagnostics);
  for (const auto& c : found) r.add(c);
  return r.finish();
}

std::vector<mention> detail::recognize_and_resolve(const text::annotated_document& doc, const rule_set& rules,
                                                   const anchor_policy& anchor, std::vector<diagnostic>& diagnostics) {
  resolution r(anchor, doc.doc.text, diagnostics);
  detail::recognize_each(doc, rules, [&](candidate&& c) { r.add(std::move(c)); });
  return r.finish();
}

const char* to_string(grain g) noexcept {
  switch (g) {
    case grain::none: return "none";
    case grain::century: return "century";
    case grain::decade: return "decade";
    case grain::year: return "year";
    case grain::half: return "half";
    case grain::quarter: return "quarter";
    case grain::season: return "season";
    case grain::month: return "month";
    case grain::week: return "week";
    case grain::weekend: return "weekend";
    case grain::day: return "day";
    case grain::part_of_day: return "part_of_day";
    case grain::hour: return "hour";
    case grain::minute: return "minute";
    case grain::second: return "second";
  }
  return "none";
}

}  // namespace chronograph::timex
