// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/graph/time_value.hpp"

using namespace chronograph::graph;

namespace {
std::string iso(date::sys_days d) { return date::format("%F", d); }
}  // namespace

TEST_CASE("span_of reads calendar values at every grain", "[graph][time_value]") {
  struct row { const char* value; const char* begin; const char* end; grain size; };
  const row rows[] = {
      {"2025-06-05", "2025-06-05", "2025-06-06", grain::day},
      {"2025-06-05T14:30", "2025-06-05", "2025-06-06", grain::day},
      {"2025-06-05TMO", "2025-06-05", "2025-06-06", grain::day},
      {"2025-05", "2025-05-01", "2025-06-01", grain::month},
      {"2025-12", "2025-12-01", "2026-01-01", grain::month},
      {"2025-W22", "2025-05-26", "2025-06-02", grain::week},
      {"2025-W01", "2024-12-30", "2025-01-06", grain::week},
      {"2020-W53", "2020-12-28", "2021-01-04", grain::week},
      {"2025-W22-4", "2025-05-29", "2025-05-30", grain::day},
      {"2025-W22-WE", "2025-05-31", "2025-06-02", grain::day},
      {"2025-Q2", "2025-04-01", "2025-07-01", grain::quarter},
      {"2025-H2", "2025-07-01", "2026-01-01", grain::half},
      {"2025-SU", "2025-06-01", "2025-09-01", grain::season},
      {"2025-WI", "2025-12-01", "2026-03-01", grain::season},
      {"2025", "2025-01-01", "2026-01-01", grain::year},
      {"199", "1990-01-01", "2000-01-01", grain::decade},
      {"19", "1900-01-01", "2000-01-01", grain::century},
  };
  for (const auto& r : rows) {
    INFO(r.value);
    const auto span = span_of(r.value);
    REQUIRE(span);
    CHECK(iso(span->begin) == r.begin);
    CHECK(iso(span->end) == r.end);
    CHECK(span->size == r.size);
  }
}

TEST_CASE("span_of rejects values that name no fixed days", "[graph][time_value]") {
  for (const char* value : {"", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "P3D", "XXXX-05-12", "2025-02-30",
                            "2025-13", "2025-W54", "2025-W53", "2025-Q5", "2025-06-5", "2025-06-05x", "abcd",
                            "2025-SX", "2025/06/05"}) {
    INFO(value);
    CHECK_FALSE(span_of(value));
  }
}

TEST_CASE("describe gives short axis labels", "[graph][time_value]") {
  CHECK(describe(*span_of("2025-06-05")) == "Thu 5 Jun 2025");
  CHECK(describe(*span_of("2025-01-17")) == "Fri 17 Jan 2025");
  CHECK(describe(*span_of("2025-W22")) == "week of 26 May 2025");
  CHECK(describe(*span_of("2025-W22-WE")) == "weekend of 31 May 2025");
  CHECK(describe(*span_of("2025-05")) == "May 2025");
  CHECK(describe(*span_of("2025-Q2")) == "Q2 2025");
  CHECK(describe(*span_of("2025-H1")) == "H1 2025");
  CHECK(describe(*span_of("2025-FA")) == "autumn 2025");
  CHECK(describe(*span_of("2025")) == "2025");
  CHECK(describe(*span_of("199")) == "1990s");
  CHECK(describe(*span_of("20")) == "21st century");
}

TEST_CASE("describe names days and months as date::format does", "[graph][time_value]") {
  for (const int year : {1, 999, 1000, 1998, 2025, 9999})
    for (date::sys_days d = date::sys_days{date::year{year} / 1 / 1}; d < date::sys_days{date::year{year + 1} / 1 / 1};
         d += date::days{1}) {
      const auto value = date::format("%F", d);
      INFO(value);
      const auto day = std::to_string(static_cast<unsigned>(date::year_month_day{d}.day()));
      const auto day_span = span_of(value), month_span = span_of(value.substr(0, 7));
      REQUIRE((day_span && month_span));
      REQUIRE(describe(*day_span) == date::format("%a ", d) + day + date::format(" %b %Y", d));
      REQUIRE(describe(*month_span) == date::format("%B %Y", d));
    }
}
