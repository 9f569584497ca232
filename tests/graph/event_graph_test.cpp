// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>

#include "chronograph/error.hpp"
#include "chronograph/graph/event_graph.hpp"
#include "story_fixture.hpp"

using namespace chronograph;
using namespace chronograph::graph;

namespace {
std::vector<std::string> ids(const std::vector<event_hit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.id);
  return out;
}
const event_hit& hit(const std::vector<event_hit>& hits, const std::string& id) {
  const auto it = std::find_if(hits.begin(), hits.end(), [&](const event_hit& h) { return h.id == id; });
  REQUIRE(it != hits.end());
  return *it;
}
using strings = std::vector<std::string>;
}  // namespace

TEST_CASE("kind_of sorts TimeML link types into temporal and causal", "[graph][event_graph]") {
  CHECK(kind_of("BEFORE") == link_kind::temporal);
  CHECK(kind_of("is_included") == link_kind::temporal);
  CHECK(kind_of("SIMULTANEOUS") == link_kind::temporal);
  CHECK(kind_of("CAUSES") == link_kind::causal);
  CHECK(kind_of("ENABLES") == link_kind::causal);
  CHECK(kind_of("PREVENTS") == link_kind::causal);
  CHECK(kind_of("IDENTITY") == link_kind::other);
  CHECK(kind_of("") == link_kind::other);
}

TEST_CASE("from_story makes a vertex per event and timex and an edge per link", "[graph][event_graph]") {
  auto s = test::tariff_story();
  s.links.push_back(test::make_link("ev-call", "ev-nowhere", "BEFORE", {}));
  const auto g = event_graph::from_story(s);
  CHECK(g.event_count() == 10);
  CHECK(boost::num_vertices(g.graph()) == 16);
  CHECK(g.link_count() == 8);
  CHECK(g.dangling_links() == std::vector<std::size_t>{8});
  CHECK(boost::num_edges(g.causal_view()) == 8);  // filtered_graph counts underlying edges
  std::size_t causal = 0, temporal = 0;
  const auto causal_links = g.causal_view();  // iterators point into the view: keep it alive
  const auto temporal_links = g.temporal_view();
  for (auto [it, end] = boost::edges(causal_links); it != end; ++it) ++causal;
  for (auto [it, end] = boost::edges(temporal_links); it != end; ++it) ++temporal;
  CHECK(causal == 3);
  CHECK(temporal == 5);
  REQUIRE(g.find("ev-call"));
  CHECK(g.find("ev-call")->sources == 2);
  CHECK(g.find("ev-call")->span->size == grain::day);
  CHECK(g.find("a2:t1")->is_event == false);
  CHECK(g.find("ev-past")->span == std::nullopt);
  CHECK(g.find(s.events[1].mention_ids[1]) == g.find("ev-call"));  // a mention id aliases its event
  CHECK(g.find("ev-nowhere") == nullptr);
}

TEST_CASE("timeline orders events by date, undated last", "[graph][event_graph]") {
  const auto g = event_graph::from_story(test::tariff_story());
  CHECK(g.timeline() == strings{"ev-jan17", "ev-cn125", "ev-us145", "ev-geneva", "ev-markets", "ev-accuse",
                                "ev-post", "ev-call", "ev-future", "ev-past"});
}

TEST_CASE("causes and effects walk causal links transitively, nearest first", "[graph][event_graph]") {
  const auto g = event_graph::from_story(test::tariff_story());
  SECTION("causes of the Geneva talks are the tit-for-tat tariffs") {
    const auto hits = g.causes("ev-geneva");
    CHECK(ids(hits) == strings{"ev-cn125", "ev-us145"});
    CHECK(hits[0].distance == 1);
    CHECK(hits[0].via.size() == 1);
    CHECK(hits[0].via[0].support.text == "prompting the talks in Geneva");
    REQUIRE(hits[1].via.size() == 2);
    CHECK(hits[1].via[0].from == "ev-us145");  // cause -> effect order
    CHECK(hits[1].via[1].to == "ev-geneva");
    CHECK(hits[1].gap_days == 12);  // April ends 30 Apr; 12 May
  }
  SECTION("effects of the US tariffs include China's retaliation and the talks") {
    const auto hits = g.effects("ev-us145");
    CHECK(ids(hits) == strings{"ev-cn125", "ev-geneva"});
    REQUIRE(hits[1].via.size() == 2);
    CHECK(hits[1].via[0].from == "ev-us145");
    CHECK(hits[1].via[0].support.text == "in retaliation");
    CHECK(hits[1].via[1].to == "ev-geneva");
  }
  SECTION("an event without causal links has none") {
    CHECK(g.causes("ev-markets").empty());
    CHECK(g.effects("ev-call").empty());
  }
  SECTION("an unknown id is an input error") { CHECK_THROWS_AS(g.causes("ev-zzz"), input_error); }
}

TEST_CASE("before and after combine stated order and dates", "[graph][event_graph]") {
  const auto g = event_graph::from_story(test::tariff_story());
  SECTION("before the June 5 call, nearest first") {
    const auto hits = g.before("ev-call");
    CHECK(ids(hits) == strings{"ev-post", "ev-accuse", "ev-geneva", "ev-markets", "ev-cn125", "ev-us145",
                               "ev-jan17"});
    CHECK(hit(hits, "ev-post").gap_days == 1);
    CHECK(hit(hits, "ev-post").basis == "link+date");
    CHECK(hit(hits, "ev-accuse").gap_days == 4);
    CHECK(hit(hits, "ev-markets").basis == "date");
    CHECK(hit(hits, "ev-geneva").distance == 2);
    CHECK(hit(hits, "ev-jan17").distance == 5);
  }
  SECTION("after the Geneva talks, undated but linked events come last") {
    const auto hits = g.after("ev-geneva");
    CHECK(ids(hits) == strings{"ev-accuse", "ev-post", "ev-call", "ev-future"});
    CHECK(hit(hits, "ev-future").basis == "link");
    CHECK(hit(hits, "ev-future").distance == 3);
    CHECK(hit(hits, "ev-future").via.front().from == "ev-geneva");
    CHECK_FALSE(hit(hits, "ev-future").gap_days);
  }
  SECTION("an undated event only has stated order") {
    CHECK(ids(g.before("ev-past")).empty());
    CHECK(ids(g.after("ev-future")).empty());
    CHECK(ids(g.before("ev-future")).size() == 7);
  }
}

TEST_CASE("path finds the shortest chain of links either way", "[graph][event_graph]") {
  const auto g = event_graph::from_story(test::tariff_story());
  const auto chain = g.path("ev-jan17", "ev-call");
  REQUIRE(chain);
  REQUIRE(chain->size() == 5);
  CHECK(chain->front().from == "ev-jan17");
  CHECK(chain->back().to == "ev-call");
  const auto back = g.path("ev-call", "ev-jan17");
  REQUIRE(back);
  CHECK(back->size() == 5);
  CHECK(back->front().to == "ev-call");  // links keep their own direction
  CHECK(g.path("ev-call", "a1:t4")->size() == 1);
  CHECK(g.path("ev-call", "ev-call")->empty());
  CHECK_FALSE(g.path("ev-markets", "ev-call"));
  CHECK_THROWS_AS(g.path("ev-call", "nope"), input_error);
}

TEST_CASE("between and around select dated events", "[graph][event_graph]") {
  const auto g = event_graph::from_story(test::tariff_story());
  CHECK(ids(g.between(*span_of("2025-04"), *span_of("2025-05"))) ==
        strings{"ev-cn125", "ev-us145", "ev-geneva", "ev-markets", "ev-accuse"});
  CHECK(ids(g.between(*span_of("2025-06-05"), *span_of("2025-06-05"))) == strings{"ev-call"});
  CHECK(ids(g.between(*span_of("2024"), *span_of("2024"))).empty());
  const auto near = g.around(*span_of("2025-06-05"), 3);
  CHECK(ids(near) == strings{"ev-call", "ev-post"});
  CHECK(near[1].gap_days == 1);
  CHECK(ids(g.around(*span_of("2025-06-05"), 4)) == strings{"ev-call", "ev-post", "ev-accuse"});
}

TEST_CASE("resolve finds events by id, mention id or words", "[graph][event_graph]") {
  const auto s = test::tariff_story();
  const auto g = event_graph::from_story(s);
  SECTION("an id is exact") {
    const auto r = g.resolve("ev-geneva");
    CHECK(r.is_exact);
    CHECK(r.best == "ev-geneva");
  }
  SECTION("a mention id names its event") { CHECK(g.resolve(s.events[4].mention_ids[0]).best == "ev-geneva"); }
  SECTION("one word picks the most salient match and lists the others") {
    const auto r = g.resolve("Geneva");
    CHECK_FALSE(r.is_exact);
    CHECK(r.best == "ev-geneva");
    REQUIRE(r.candidates.size() == 3);
    CHECK(r.candidates[1].id == "ev-accuse");
    CHECK(r.candidates[2].id == "ev-markets");
  }
  SECTION("a month name and a rarer word beat a common word") {
    CHECK(g.resolve("January call").best == "ev-jan17");
    CHECK(g.resolve("the June call").best == "ev-call");
    CHECK(g.resolve("retaliation").best == "ev-cn125");
    CHECK(g.resolve("tariff").candidates.size() == 3);
  }
  SECTION("nothing matches") {
    CHECK_FALSE(g.resolve("zebra").best);
    CHECK(g.resolve("").candidates.empty());
  }
}
