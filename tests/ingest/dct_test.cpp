// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/types.hpp"

using namespace chronograph;
using namespace date::literals;

TEST_CASE("parse_creation_time reads ISO dates and datetimes", "[core][dct]") {
  const auto d = parse_creation_time("2025-06-05");
  REQUIRE(d);
  CHECK(d->day == date::sys_days{2025_y / date::June / 5});
  CHECK_FALSE(d->time_of_day);
  CHECK(d->iso() == "2025-06-05");

  SECTION("a time of day is kept") {
    const auto t = parse_creation_time("2025-06-05T14:30:00");
    REQUIRE(t);
    CHECK(t->iso() == "2025-06-05T14:30:00");
  }
  SECTION("zone offsets are normalised to UTC, crossing midnight") {
    const auto t = parse_creation_time("2025-06-05T23:30:00-02:00");
    REQUIRE(t);
    CHECK(t->iso() == "2025-06-06T01:30:00");
  }
  SECTION("Z is UTC") { CHECK(parse_creation_time("2016-03-15T10:00:00Z")->iso() == "2016-03-15T10:00:00"); }
}

TEST_CASE("parse_creation_time rejects what is not a date", "[core][dct]") {
  for (const char* bad : {"", "2025", "2025-02-30", "June 5, 2025", "2025-06-05T25:00", "2025-06-05x", "2025-13-01",
                          "2025-06-05T10:00+99:00"})
    CHECK_FALSE(parse_creation_time(bad));
}

TEST_CASE("creation_time::iso writes what date::format writes", "[core][dct]") {
  using std::chrono::seconds;
  for (const auto day : {date::sys_days{2025_y / date::June / 5}, date::sys_days{1_y / date::January / 1},
                         date::sys_days{9999_y / date::December / 31}, date::sys_days{10000_y / date::March / 1},
                         date::sys_days{-1_y / date::March / 1}})
    for (const auto time : {std::optional<seconds>{}, std::optional<seconds>{seconds{0}},
                            std::optional<seconds>{seconds{86399}}, std::optional<seconds>{seconds{90000}}}) {
      std::string expected = date::format("%F", day);
      if (time) expected += date::format("T%T", *time);
      CHECK(creation_time{day, time}.iso() == expected);
    }
}
