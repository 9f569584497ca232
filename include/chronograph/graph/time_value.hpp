// SPDX-License-Identifier: MIT
// TIMEX3 values as calendar intervals, for placing events on a date axis and for date queries.
// Invariant: a time_span is a half-open range of days [begin, end) with begin < end; values that
// name no fixed stretch of the calendar (PAST_REF, durations, "XXXX-05") have no span.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace chronograph::graph {

/// How coarse a TIMEX3 DATE value is.
enum class grain { day, week, month, season, quarter, half, year, decade, century };

/// "day", "week", ... (the TimeML granularity names).
[[nodiscard]] const char* to_string(grain g) noexcept;

/// The days a TIMEX3 value covers, [begin, end).
struct time_span {
  date::sys_days begin{};
  date::sys_days end{};  ///< exclusive
  grain size = grain::day;

  /// Number of days covered.
  [[nodiscard]] long days() const noexcept { return (end - begin).count(); }
  friend bool operator==(const time_span& a, const time_span& b) noexcept {
    return a.begin == b.begin && a.end == b.end && a.size == b.size;
  }
  friend bool operator!=(const time_span& a, const time_span& b) noexcept { return !(a == b); }
};

/// Reads a TIMEX3 DATE/TIME value: "2025" (year), "2025-06" (month), "2025-06-05" (day, with an
/// optional time part "T14:30" or "TMO" that is ignored), "2025-W22" (ISO week), "2025-W22-4"
/// (a day of that week), "2025-W22-WE" (its weekend), "2025-Q2", "2025-H1", "2025-SU" / "SP" /
/// "FA" / "WI" (meteorological seasons; winter runs December to February), "199" (decade), "19"
/// (century). Returns nullopt for anything else: "PAST_REF", "P3D", "XXXX-05-12", "", and
/// impossible dates ("2025-02-30"). Never throws.
[[nodiscard]] std::optional<time_span> span_of(std::string_view timex_value) noexcept;

/// A short English label for an axis: "Thu 5 Jun 2025", "week of 26 May 2025", "May 2025",
/// "Q2 2025", "H1 2025", "summer 2025", "2025", "1990s", "20th century".
[[nodiscard]] std::string describe(const time_span& span);

}  // namespace chronograph::graph
