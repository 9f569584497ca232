// SPDX-License-Identifier: MIT
// Calendar intervals of TIMEX3 values, for ordering and comparing event dates without the timex
// library: "2025-06-05" -> that day, "2025-05" -> May, "2025-W22" -> the ISO week, "2025-Q2",
// "2025-H1", "2025-SU" (season), "2025" -> the year, "2025-06-05T14:30" -> its day.
#pragma once

#include <optional>
#include <string_view>

#include "chronograph/timex/mention.hpp"

namespace chronograph::relations {

/// The days [begin, end) a DATE/TIME value covers; nullopt for durations, "PAST_REF" and
/// underspecified values ("XXXX-05-12").
[[nodiscard]] std::optional<timex::day_interval> days_of(std::string_view value) noexcept;

/// Granularity rank of a value: 0 = day or finer, 1 = week, 2 = month, 3 = quarter/season,
/// 4 = half-year, 5 = year or coarser; nullopt when days_of gives nothing.
[[nodiscard]] std::optional<int> grain_of(std::string_view value) noexcept;

}  // namespace chronograph::relations
