// SPDX-License-Identifier: MIT
// Creation times: ISO parsing and printing, severity names.
#include <cctype>
#include <cstdio>
#include <sstream>

#include "chronograph/types.hpp"

namespace chronograph {

std::string creation_time::iso() const {
  // Years 0-9999 and times within the day written directly: date::format goes through an
  // ostringstream, and the stages ask for the DCT of every document many times.
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  const long long seconds = time_of_day ? time_of_day->count() : 0;
  if (ymd.ok() && year >= 0 && year <= 9999 && seconds >= 0 && seconds < 86400) {
    char buffer[32];
    int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                          static_cast<unsigned>(ymd.day()));
    if (time_of_day)
      n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "T%02lld:%02lld:%02lld",
                         seconds / 3600, seconds / 60 % 60, seconds % 60);
    return std::string(buffer, static_cast<std::size_t>(n));
  }
  std::string out = date::format("%F", day);
  if (time_of_day) out += date::format("T%T", date::floor<std::chrono::seconds>(*time_of_day));
  return out;
}

std::optional<creation_time> parse_creation_time(std::string_view iso) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > iso.size()) return false;
    for (std::size_t k = at; k < at + n; ++k)
      if (!std::isdigit(static_cast<unsigned char>(iso[k]))) return false;
    return true;
  };
  const auto number = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(iso.substr(at, n))); };
  if (!digits(0, 4) || iso.size() < 10 || iso[4] != '-' || !digits(5, 2) || iso[7] != '-' || !digits(8, 2))
    return std::nullopt;
  const date::year_month_day ymd{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(5, 2))},
                                 date::day{static_cast<unsigned>(number(8, 2))}};
  if (!ymd.ok()) return std::nullopt;
  creation_time out{date::sys_days{ymd}, std::nullopt};
  if (iso.size() == 10) return out;
  if (iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  if (!digits(11, 2) || iso.size() < 16 || iso[13] != ':' || !digits(14, 2)) return std::nullopt;
  int h = number(11, 2), m = number(14, 2), s = 0;
  std::size_t at = 16;
  if (at < iso.size() && iso[at] == ':') {
    if (!digits(at + 1, 2)) return std::nullopt;
    s = number(at + 1, 2);
    at += 3;
    if (at < iso.size() && iso[at] == '.') {  // fractional seconds are dropped
      ++at;
      while (at < iso.size() && std::isdigit(static_cast<unsigned char>(iso[at]))) ++at;
    }
  }
  if (h > 23 || m > 59 || s > 60) return std::nullopt;
  std::chrono::seconds offset{0};
  if (at < iso.size()) {
    if (iso[at] == 'Z' && at + 1 == iso.size()) {
    } else if ((iso[at] == '+' || iso[at] == '-') && digits(at + 1, 2)) {
      const int sign = iso[at] == '-' ? -1 : 1;
      const int oh = number(at + 1, 2);
      std::size_t k = at + 3;
      if (k < iso.size() && iso[k] == ':') ++k;
      if (!digits(k, 2) || k + 2 != iso.size()) return std::nullopt;
      const int om = number(k, 2);
      if (oh > 14 || om > 59) return std::nullopt;
      offset = std::chrono::seconds{sign * (oh * 3600 + om * 60)};
    } else {
      return std::nullopt;
    }
  }
  const auto utc = date::sys_seconds{out.day} + std::chrono::hours{h} + std::chrono::minutes{m} +
                   std::chrono::seconds{s} - offset;
  out.day = date::floor<date::days>(utc);
  out.time_of_day = utc - date::sys_seconds{out.day};
  return out;
}

const char* to_string(severity s) noexcept {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "warning";
}

}  // namespace chronograph
