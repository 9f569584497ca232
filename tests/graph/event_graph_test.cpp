// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

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

TEST_CASE("resolve on a big story scores every event as a direct count does", "[graph][event_graph]") {
  // 3,000 events whose summaries draw from words that are prefixes of each other, so the index
  // must find exact matches (1.0), longer and shorter forms (0.8) and weigh words by frequency.
  const strings words = {"Tariff", "tariffs", "talk", "talks", "talking", "retaliat", "retaliation",
                         "Geneva", "zürich", "call", "called", "ta", "tar", "x1"};
  story s;
  std::uint32_t state = 12345;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 8) % 1000u; };
  for (int i = 0; i < 3000; ++i) {
    story_event e;
    e.id = "ev-" + std::to_string(100000 + i);
    for (int k = 0, n = 1 + static_cast<int>(next() % 4); k < n; ++k) e.summary += words[next() % words.size()] + " ";
    e.salience = static_cast<double>(next() % 7);
    e.mention_ids = {"d" + std::to_string(i % 50) + ":e" + std::to_string(i)};
    s.events.push_back(std::move(e));
  }
  s.events.push_back(s.events[7]);  // a duplicate id: the first one wins
  s.events.back().summary = "zebra";
  const auto g = event_graph::from_story(s);
  REQUIRE(g.event_count() == 3000);
  CHECK_FALSE(g.resolve("zebra").best);
  CHECK(g.resolve("d7:e7").best == "ev-100007");
  CHECK(g.find("ev-102999") != nullptr);
  CHECK(g.find("ev-103000") == nullptr);

  const auto lower_words = [](const std::string& text) {
    strings out;
    std::string w;
    for (const char c : text + " ") {
      if (c == ' ') {
        if (!w.empty()) out.push_back(w);
        w.clear();
      } else {
        w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
    }
    return out;
  };
  const auto match = [](const std::string& q, const std::string& w) {
    if (q == w) return 1.0;
    const auto& shorter = q.size() < w.size() ? q : w;
    const auto& longer = q.size() < w.size() ? w : q;
    return shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0 ? 0.8 : 0.0;
  };
  for (const std::string reference : {"talk", "Tariffs", "retaliation talks", "Zürich call", "tar", "talkative"}) {
    strings query = lower_words(reference);
    std::sort(query.begin(), query.end());
    std::vector<double> score(3000, 0.0);
    double total = 0;
    for (const auto& q : query) {
      std::vector<double> best(3000, 0.0);
      std::size_t matched = 0;
      for (std::size_t i = 0; i < 3000; ++i) {
        for (const auto& w : lower_words(s.events[i].summary)) best[i] = std::max(best[i], match(q, w));
        matched += best[i] > 0;
      }
      const double weight = std::log(3001.0 / (static_cast<double>(matched) + 0.5));
      total += weight;
      for (std::size_t i = 0; i < 3000; ++i) score[i] += weight * best[i];
    }
    std::vector<candidate> expected;
    for (std::size_t i = 0; i < 3000; ++i)
      if (score[i] > 0) expected.push_back({s.events[i].id, s.events[i].summary, std::min(1.0, score[i] / total)});
    std::sort(expected.begin(), expected.end(), [&](const candidate& a, const candidate& b) {
      const auto salience = [&](const candidate& c) { return s.events[std::stoul(c.id.substr(3)) - 100000].salience; };
      if (a.score != b.score) return a.score > b.score;
      if (salience(a) != salience(b)) return salience(a) > salience(b);
      return a.id < b.id;
    });
    const auto r = g.resolve(reference);
    INFO(reference);
    REQUIRE(r.candidates.size() == expected.size());
    CHECK_FALSE(expected.empty() == r.best.has_value());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(r.candidates[k].id == expected[k].id);
      CHECK(r.candidates[k].score == Approx(expected[k].score).epsilon(1e-12));
    }
  }
}
