// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/relations/dates.hpp"
#include "chronograph/relations/link.hpp"

using namespace chronograph;
using namespace date;

TEST_CASE("TIMEX3 values become day intervals", "[relations][dates]") {
  const auto day = relations::days_of("2025-06-05");
  REQUIRE(day);
  CHECK(day->begin == sys_days{2025_y / June / 5});
  CHECK(day->end == sys_days{2025_y / June / 6});
  const auto month = relations::days_of("2025-02");
  REQUIRE(month);
  CHECK(month->end - month->begin == days{28});
  const auto week = relations::days_of("2025-W01");
  REQUIRE(week);
  CHECK(week->begin == sys_days{2024_y / December / 30});  // ISO week 1 of 2025 starts on a Monday in 2024
  CHECK(relations::days_of("2025-Q2")->begin == sys_days{2025_y / April / 1});
  CHECK(relations::days_of("2025-06-05T14:30")->begin == sys_days{2025_y / June / 5});
  CHECK(relations::days_of("2025")->end == sys_days{2026_y / January / 1});
  CHECK_FALSE(relations::days_of("P90D"));
  CHECK_FALSE(relations::days_of("PAST_REF"));
  CHECK_FALSE(relations::days_of("XXXX-05-12"));
  CHECK_FALSE(relations::days_of("2025-02-30"));
  CHECK(relations::grain_of("2025-06-05") == 0);
  CHECK(relations::grain_of("2025-06") == 2);
  CHECK(relations::grain_of("2025") == 5);
}

TEST_CASE("relation names round-trip and inverses are involutions", "[relations]") {
  using relations::relation;
  for (int k = 0; k <= static_cast<int>(relation::prevents); ++k) {
    const auto r = static_cast<relation>(k);
    CHECK(relations::relation_from_string(relations::to_string(r)) == r);
    CHECK(relations::inverse(relations::inverse(r)) == r);
  }
  CHECK(relations::inverse(relation::before) == relation::after);
  CHECK(relations::inverse(relation::is_included) == relation::includes);
  CHECK(relations::inverse(relation::begun_by) == relation::begins);
  CHECK(relations::is_causal(relation::causes));
  CHECK(relations::is_causal(relation::prevents));
  CHECK_FALSE(relations::is_causal(relation::before));
  CHECK_FALSE(relations::relation_from_string("NOT_A_RELATION"));
  CHECK(std::string(relations::to_string(relation::is_included)) == "IS_INCLUDED");
}
