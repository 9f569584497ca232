// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/relations/reasoning.hpp"

using namespace chronograph;
using namespace chronograph::relations;
using date::days;
using date::sys_days;

namespace {

timex::day_interval day(int y, unsigned m, unsigned d) {
  const sys_days b = date::year{y} / m / d;
  return {b, b + days{1}};
}
timex::day_interval month(int y, unsigned m) {
  const sys_days b = date::year{y} / m / 1;
  return {b, sys_days{(date::year{y} / m / date::last)} + days{1}};
}

}  // namespace

TEST_CASE("the point algebra closes chains of links and their converses", "[relations][reasoning]") {
  temporal_graph g;
  const auto a = g.add_node(), b = g.add_node(), c = g.add_node(), d = g.add_node();
  REQUIRE(g.add(a, relation::before, b));
  REQUIRE(g.add(b, relation::includes, c));
  REQUIRE(g.add(c, relation::simultaneous, d));
  CHECK(g.entails(a, relation::before, c));
  CHECK(g.entails(a, relation::before, d));
  CHECK(g.entails(d, relation::after, a));
  CHECK(g.entails(b, relation::includes, d));
  CHECK(g.relation_between(d, b) == relation::is_included);
  CHECK(g.relation_between(c, d) == relation::simultaneous);
  CHECK_FALSE(g.entails(a, relation::ibefore, b));  // BEFORE does not say "immediately"
  CHECK_FALSE(g.relation_between(a, g.add_node()).has_value());
  // IBEFORE chains: a meets b, b meets c -> a before c.
  temporal_graph h;
  const auto x = h.add_node(), y = h.add_node(), z = h.add_node();
  REQUIRE(h.add(x, relation::ibefore, y));
  REQUIRE(h.add(y, relation::ibefore, z));
  CHECK(h.entails(x, relation::before, z));
  REQUIRE(h.add(y, relation::begins, z) == false);  // y ends where z starts: y cannot start with z
}

TEST_CASE("a contradicting link is refused and names the links it contradicts", "[relations][reasoning]") {
  temporal_graph g;
  const auto a = g.add_node(), b = g.add_node(), c = g.add_node();
  REQUIRE(g.add(a, relation::before, b, 0));
  REQUIRE(g.add(b, relation::before, c, 1));
  std::vector<int> conflicts;
  CHECK_FALSE(g.add(c, relation::before, a, 2, &conflicts));
  std::sort(conflicts.begin(), conflicts.end());
  CHECK(conflicts == std::vector<int>{0, 1});
  // Nothing of the refused link stays: c and a remain ordered as before.
  CHECK(g.entails(a, relation::before, c));
  CHECK_FALSE(g.add(a, relation::simultaneous, c));
  CHECK(g.add(a, relation::includes, g.add_node()));
}

TEST_CASE("dates order events without links and bound undated ones", "[relations][reasoning]") {
  temporal_graph g;
  const auto jan = g.add_node(day(2025, 1, 17)), may12 = g.add_node(day(2025, 5, 12));
  const auto april = g.add_node(month(2025, 4));
  const auto may_timex = g.add_node(month(2025, 5), true);
  CHECK(g.entails(jan, relation::before, april));
  CHECK(g.entails(april, relation::before, may12));
  CHECK(g.entails(may12, relation::is_included, may_timex));
  CHECK_FALSE(g.entails(may12, relation::during, may_timex));
  // Two events of one day are not ordered by it.
  const auto other = g.add_node(day(2025, 5, 12));
  CHECK_FALSE(g.relation_between(may12, other).has_value());
  // "after the talks, before the end of May": bounds come from the links.
  const auto undated = g.add_node();
  REQUIRE(g.add(undated, relation::after, may12));
  REQUIRE(g.add(undated, relation::is_included, may_timex));
  CHECK(g.earliest_start(undated) == sys_days{date::year{2025} / 5 / 12});
  CHECK(g.latest_end(undated) == sys_days{date::year{2025} / 5 / 31});
  // ... and contradictions with the dates are found.
  std::vector<int> conflicts;
  CHECK_FALSE(g.add(undated, relation::before, jan, 7, &conflicts));
  CHECK(conflicts == std::vector<int>{temporal_graph::date_tag});
  CHECK_FALSE(g.bound(undated, std::nullopt, sys_days{date::year{2025} / 5 / 1}));
  CHECK(g.bound(undated, sys_days{date::year{2025} / 5 / 20}, std::nullopt));
  CHECK(g.earliest_start(undated) == sys_days{date::year{2025} / 5 / 20});
}

TEST_CASE("exact time expressions meet and contain each other by their days", "[relations][reasoning]") {
  temporal_graph g;
  const auto may = g.add_node(month(2025, 5), true), may1 = g.add_node(day(2025, 5, 1), true);
  const auto may31 = g.add_node(day(2025, 5, 31), true), june1 = g.add_node(day(2025, 6, 1), true);
  CHECK(g.relation_between(may1, may) == relation::begins);
  CHECK(g.relation_between(may31, may) == relation::ends);
  CHECK(g.relation_between(may, june1) == relation::ibefore);
  CHECK(g.relation_between(may1, may31) == relation::before);
}

TEST_CASE("rule priority ranks anchoring over signals over dates over tense", "[relations][reasoning]") {
  CHECK(rule_priority("anchor.clause") > rule_priority("signal:after"));
  CHECK(rule_priority("signal:after") > rule_priority("order.dates"));
  CHECK(rule_priority("order.dates") > rule_priority("dct.tense"));
  CHECK(rule_priority("dct.tense") > rule_priority("something else"));
  CHECK(iso_day(sys_days{date::year{2025} / 6 / 5}) == "2025-06-05");
}
