// SPDX-License-Identifier: MIT
// A resolved time expression (TimeML TIMEX3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph::timex {

enum class timex_type { date, time, duration, set };
[[nodiscard]] const char* to_string(timex_type t) noexcept;  ///< "DATE", "TIME", "DURATION", "SET"
/// "DATE", "TIME", "DURATION", "SET" -> the type; nullopt for anything else.
[[nodiscard]] std::optional<timex_type> timex_type_from_string(std::string_view name) noexcept;

struct mention {
  std::string id;           ///< "t1", "t2", ... in text order (t0 is reserved for the DCT)
  byte_span span;
  std::string text;
  timex_type type = timex_type::date;
  std::string value;        ///< TIMEX3 value: "2025-06-05", "2025-W22", "P3D", "PRESENT_REF", "XXXX-05-12"
  std::string mod;          ///< TIMEX3 mod: "", "APPROX", "MID", "START", "END", "MORE_THAN", ...
  std::string quant, freq;  ///< for SETs ("EVERY", "2X")
  std::string rule;         ///< name of the rule that recognised it
  bool is_relative = false; ///< value depended on an anchor (DCT or a previous time)
};

/// A calendar interval [begin, end) in days, for ordering events on a timeline.
struct day_interval {
  date::sys_days begin{};
  date::sys_days end{};  ///< exclusive
};

/// The days a DATE/TIME value covers: "2025-06-05" -> one day, "2025-05" -> May,
/// "2025-W22" -> that ISO week, "2025-Q2" -> April..June, "2025" -> the year; "PAST_REF",
/// durations and underspecified values ("XXXX-05") -> nullopt.
[[nodiscard]] std::optional<day_interval> interval_of(std::string_view value);

}  // namespace chronograph::timex
