// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>

#include "chronograph/error.hpp"
#include "graph/story_fixture.hpp"
#include "test_options.hpp"
#include "timeline_model.hpp"

using namespace chronograph;
using namespace chronograph::render;
using detail::axis_row;
using detail::link_style;

namespace {
std::vector<std::string> row_labels(const detail::timeline_model& m) {
  std::vector<std::string> out;
  for (const auto& r : m.rows) out.push_back(r.heading.empty() ? r.label : r.heading + " / " + r.label);
  return out;
}
using strings = std::vector<std::string>;
}  // namespace

TEST_CASE("the timeline has one axis row per date, in date order", "[render][timeline]") {
  const auto s = test::tariff_story();
  options all;
  all.all_events = true;
  const auto m = detail::build_timeline(s, all);
  CHECK(row_labels(m) == strings{"earlier (date not stated)", "January 2025 / Fri 17", "April 2025",
                                 "May 2025 / Mon 12", "week of 26 May", "June 2025 / Wed 4", "Thu 5",
                                 "later (date not stated)"});
  CHECK(m.rows[0].place == axis_row::kind::earlier);
  CHECK(m.rows.back().place == axis_row::kind::later);
  CHECK(m.rows[2].gap == "2 months later");
  CHECK(m.rows[3].gap == "12 days later");
  CHECK(m.rows[6].gap.empty());  // the next day
  CHECK(m.rows[2].events.size() == 2);
  CHECK(s.events[m.rows[2].events[0]].id == "ev-us145");  // more salient first
  CHECK(m.title == "17 Jan 2025 \u2013 5 Jun 2025 \u00b7 10 events \u00b7 2 documents");
}

TEST_CASE("undated events need more salience or a link to a dated event", "[render][timeline]") {
  auto s = test::tariff_story();
  const auto m = detail::build_timeline(s, options{});
  CHECK(m.hidden_events == 2);           // the minor markets event, the unlinked PAST_REF one
  CHECK_FALSE(m.shown(7));               // ev-past, salience 0.55, no links
  CHECK(m.shown(3));                     // ev-future, salience 0.6, after the June 5 call
  CHECK(m.rows.front().place == axis_row::kind::dated);
  CHECK(m.title == "17 Jan 2025 \u2013 5 Jun 2025 \u00b7 8 events (2 less salient not shown) \u00b7 2 documents");
  s.events[7].salience = 0.8;
  CHECK(detail::build_timeline(s, options{}).shown(7));
}

TEST_CASE("an undated event is placed by the bounds the temporal closure gave it", "[render][timeline]") {
  auto s = test::tariff_story();
  options all;
  all.all_events = true;
  auto& past = s.events[7];  // ev-past: PAST_REF, not after 2025-06-05
  past.when.value.clear();
  const auto text_of = [&](const detail::timeline_model& m) {
    for (const auto& e : m.events)
      if (e.index == 7) return e.date_text;
    return std::string("(not shown)");
  };
  CHECK(text_of(detail::build_timeline(s, all)) == "by 5 Jun 2025");
  past.not_before = "2025-04-03";
  past.not_after = "2025-04-28";  // both bounds in April: drawn on the April row
  const auto m = detail::build_timeline(s, all);
  CHECK(text_of(m) == "April 2025 (inferred)");
  bool on_april = false;
  for (const auto& r : m.rows)
    if (r.label == "April 2025")
      for (auto i : r.events) on_april = on_april || i == 7;
  CHECK(on_april);
  past.not_after = "2025-05-20";  // across months: stays off the axis, with its bounds
  CHECK(text_of(detail::build_timeline(s, all)) == "between 3 Apr 2025 and 20 May 2025");
}

TEST_CASE("the salience filter hides minor events unless all are asked for", "[render][timeline]") {
  const auto s = test::tariff_story();
  CHECK(detail::build_timeline(s, options{}).hidden_events == 2);
  CHECK_FALSE(detail::build_timeline(s, options{}).shown(6));  // ev-markets, salience 0.3
  options all;
  all.all_events = true;
  CHECK(detail::build_timeline(s, all).events.size() == 10);
  options strict;
  strict.min_salience = 0.9;
  CHECK(detail::build_timeline(s, strict).events.size() == 3);  // 0.95, 0.95, 0.9
}

TEST_CASE("timeline links: causal always, temporal only when the axis does not say it", "[render][timeline]") {
  auto s = test::tariff_story();
  // A copy of the Jan. 17 call under another id and date, added to the story.
  const auto add_event = [&](const std::string& id, const std::string& value) {
    auto e = *std::find_if(s.events.begin(), s.events.end(), [](const auto& x) { return x.id == "ev-jan17"; });
    e.id = id;
    e.when.value = value;
    s.events.push_back(e);
  };
  // The drawn link from event `from` to event `to`, if any.
  const auto drawn_link = [&](const detail::timeline_model& m, const std::string& from, const std::string& to) {
    return std::find_if(m.links.begin(), m.links.end(), [&](const detail::drawn_link& l) {
      return s.events[l.from].id == from && s.events[l.to].id == to;
    });
  };
  SECTION("the fixture") {
    const auto m = detail::build_timeline(s, options{});
    std::size_t causal = 0, temporal = 0, conflict = 0;
    for (const auto& l : m.links) {
      causal += l.style == link_style::causal;
      temporal += l.style == link_style::temporal;
      conflict += l.style == link_style::conflict;
    }
    CHECK(causal == 3);
    CHECK(temporal == 1);  // the call before the undated planned talks
    CHECK(conflict == 0);
  }
  SECTION("a month's event stated after a day inside that month goes below that day") {
    // "spoke on Jan. 17, prior to the president's inauguration", the inauguration dated January
    // 2025 by another article: its row goes after Jan. 17's, and the axis then says the order.
    add_event("ev-inauguration", "2025-01");
    s.links.push_back(test::make_link("ev-jan17", "ev-inauguration", "BEFORE", {}));
    options all;
    all.all_events = true;
    const auto m = detail::build_timeline(s, all);
    CHECK(row_labels(m) == strings{"earlier (date not stated)", "January 2025 / Fri 17", "January 2025", "April 2025",
                                   "May 2025 / Mon 12", "week of 26 May", "June 2025 / Wed 4", "Thu 5",
                                   "later (date not stated)"});
    CHECK(s.events[m.rows[2].events.at(0)].id == "ev-inauguration");
    CHECK(drawn_link(m, "ev-jan17", "ev-inauguration") == m.links.end());
  }
  SECTION("an order the axis shows the other way round is drawn") {
    // An event of June 2025 stated before one of the week of 26 May (May 26 to June 1): the
    // week's row comes first, and neither span holds the other.
    add_event("ev-june", "2025-06");
    s.links.push_back(test::make_link("ev-june", "ev-accuse", "BEFORE", {}));
    const auto m = detail::build_timeline(s, options{});
    const auto drawn = drawn_link(m, "ev-june", "ev-accuse");
    REQUIRE(drawn != m.links.end());
    CHECK(drawn->style == link_style::temporal);
    CHECK(drawn->label == "before");
  }
  SECTION("a pair a causal link joins gets no temporal link besides") {
    const auto before = detail::build_timeline(s, options{});
    s.links.push_back(test::make_link("ev-us145", "ev-cn125", "BEFORE", {}));
    s.links.push_back(test::make_link("ev-cn125", "ev-us145", "AFTER", {}));
    const auto m = detail::build_timeline(s, options{});
    CHECK(m.links.size() == before.links.size());
  }
  SECTION("a link against the dates is a conflict") {
    s.links.push_back(test::make_link("ev-call", "ev-jan17", "BEFORE", {}));
    s.links.push_back(test::make_link("ev-call", "ev-geneva", "CAUSES", {}));
    const auto m = detail::build_timeline(s, options{});
    REQUIRE(m.links.size() == 6);
    CHECK(m.links[4].style == link_style::conflict);
    CHECK(m.links[4].label == "stated BEFORE, dates disagree");
    CHECK(m.links[5].style == link_style::conflict);
    CHECK(m.links[5].label == "cause dated after effect");
  }
}

TEST_CASE("event descriptions carry date, sources and modality", "[render][timeline]") {
  const auto s = test::tariff_story();
  const auto m = detail::build_timeline(s, options{});
  const auto& call = m.events[*m.shown(1)];
  CHECK(call.date_text == "5 Jun 2025");
  CHECK(call.sources == 2);
  CHECK_FALSE(call.is_future);
  const auto& future = m.events[*m.shown(3)];
  CHECK(future.is_future);
  CHECK(future.date_text == "in the future (inferred)");
  CHECK(m.events[*m.shown(2)].is_inferred);  // April: coarser than a day
  CHECK(m.events[*m.shown(2)].date_text == "April 2025");
}

TEST_CASE("the causal view keeps events that take part in causal links", "[render][timeline]") {
  const auto m = detail::build_causal(test::tariff_story(), test::causal_view());
  CHECK(m.events.size() == 5);  // accuse, call, cn125, geneva, us145
  CHECK(m.links.size() == 3);
  CHECK(m.title.rfind("Causes and effects", 0) == 0);
}

TEST_CASE("wrap breaks at spaces and cuts long text", "[render][timeline]") {
  CHECK(detail::wrap("one two three four", 9, 5) == strings{"one two", "three", "four"});
  CHECK(detail::wrap("averyveryverylongword x", 5, 5) == strings{"averyveryverylongword", "x"});
  CHECK(detail::wrap("a b c d e f", 3, 2) == strings{"a b", "c d \u2026"});
  CHECK(detail::wrap("  ", 5, 2).empty());
  CHECK(detail::wrap("Trade tensions had built for years", 30, 4) == strings{"Trade tensions had", "built for years"});
  CHECK(detail::wrap("\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9", 5, 2) == strings{"\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9"});
}

TEST_CASE("date and actor filters narrow the timeline", "[render][timeline]") {
  const auto s = test::tariff_story();
  options o;
  o.all_events = true;
  o.from = "2025-05";
  o.to = "2025-06-04";
  std::vector<std::string> shown;
  for (const auto& e : detail::build_timeline(s, o).events) shown.push_back(s.events[e.index].id);
  CHECK(shown == strings{"ev-accuse", "ev-geneva", "ev-markets", "ev-post"});
  options only_china;
  only_china.actor = "CHINA";
  CHECK(detail::build_timeline(s, only_china).events.size() == 1);
  options bad;
  bad.from = "spring";
  CHECK_THROWS_AS(detail::build_timeline(s, bad), input_error);
}

TEST_CASE("the causal view shows the other end of a salient event's causal link", "[render][timeline]") {
  auto s = test::tariff_story();
  s.links.push_back(test::make_link("ev-markets", "ev-call", "ENABLES", {}));  // markets: salience 0.3
  s.links.push_back(test::make_link("ev-call", "ev-geneva", "CAUSES", {}));
  const auto m = detail::build_causal(s, test::causal_view());
  CHECK(m.events.size() == 6);
  CHECK(m.shown(6));  // ev-markets
  REQUIRE(m.links.size() == 5);
  CHECK(m.links[3].label == "enables");
  CHECK(m.links[4].style == link_style::conflict);
  options strict;
  strict.min_salience = 0.99;
  CHECK(detail::build_causal(s, strict).events.empty());
}
