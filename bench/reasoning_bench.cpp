// SPDX-License-Identifier: MIT
// Temporal reasoning at story scale (issue 6: closure and consistency of a 2,000-event story
// <= 1 s): a synthetic story shaped like a merged news story — 2,000 events over a year, 70%
// dated (days, some months and years), 70 documents each with a DCT, event-time anchors, event-DCT
// links from tense and event-event links between neighbours, 5% of the latter contradicting the
// truth. `BM_story_consistency` adds everything in order of support (what merge does);
// `BM_story_closure` then bounds every undated event and asks the relation of 2,000 pairs.
// The 20,000-event runs show that a query costs what its search visits, not the graph's size.
//   build/bench/chronograph_reasoning_bench
#include <benchmark/benchmark.h>

#include <random>

#include "chronograph/relations/reasoning.hpp"

using namespace chronograph;
using relations::relation;
using relations::temporal_graph;

namespace {

struct synthetic_link {
  std::size_t from, to;
  relation rel;
  double confidence;
};

struct synthetic_story {
  struct node {
    std::optional<timex::day_interval> days;
    bool exact = false;
  };
  std::vector<node> nodes;
  std::vector<synthetic_link> links;  // sorted by confidence, as merge adds them
  std::size_t events = 0;
};

synthetic_story make_story(std::size_t events, std::size_t documents) {
  std::mt19937 rng(20250605);
  const date::sys_days jan1 = date::year{2025} / 1 / 1;
  synthetic_story s;
  s.events = events;
  std::vector<int> truth(events);  // each event's true day
  for (std::size_t e = 0; e < events; ++e) {
    truth[e] = static_cast<int>(rng() % 360);
    synthetic_story::node n;
    const auto kind = rng() % 100;
    const auto d = jan1 + date::days{truth[e]};
    if (kind < 55) n.days = timex::day_interval{d, d + date::days{1}};
    else if (kind < 66) {
      const auto ymd = date::year_month_day{d};
      const date::sys_days first = ymd.year() / ymd.month() / 1;
      n.days = timex::day_interval{first, date::sys_days{ymd.year() / ymd.month() / date::last} + date::days{1}};
    } else if (kind < 70) {
      n.days = timex::day_interval{jan1, jan1 + date::days{365}};
    }
    s.nodes.push_back(n);
  }
  const auto link = [&](std::size_t a, std::size_t b, relation r, double c) { s.links.push_back({a, b, r, c}); };
  // One DCT per document, the last day of its events; events are told by documents in time order.
  std::vector<std::size_t> by_day(events);
  for (std::size_t k = 0; k < events; ++k) by_day[k] = k;
  std::sort(by_day.begin(), by_day.end(), [&](auto a, auto b) { return truth[a] < truth[b]; });
  const std::size_t per_doc = (events + documents - 1) / documents;
  for (std::size_t d = 0; d < documents; ++d) {
    const auto first = d * per_doc, last = std::min(events, first + per_doc);
    if (first >= last) break;
    const auto dct_day = jan1 + date::days{truth[by_day[last - 1]] + 1};
    const auto dct = s.nodes.size();
    s.nodes.push_back({timex::day_interval{dct_day, dct_day + date::days{1}}, false});
    for (auto k = first; k < last; ++k) {
      const auto e = by_day[k];
      link(e, dct, relation::before, 0.6);
      // Anchored to a time expression of its day.
      if (s.nodes[e].days && rng() % 2 == 0) {
        const auto t = s.nodes.size();
        s.nodes.push_back({s.nodes[e].days, true});
        link(e, t, relation::is_included, 0.8);
      }
      // Ordered against a neighbour (signals, narrative order); some of it wrong.
      if (k + 1 < last) {
        const auto f = by_day[k + 1 + rng() % std::min<std::size_t>(3, last - k - 1)];
        relation r = truth[e] < truth[f] ? relation::before : truth[e] > truth[f] ? relation::after : relation::simultaneous;
        if (rng() % 100 < 5) r = r == relation::before ? relation::after : relation::before;
        link(e, f, r, 0.55 + 0.01 * double(rng() % 20));
      }
    }
  }
  std::stable_sort(s.links.begin(), s.links.end(), [](const auto& a, const auto& b) { return a.confidence > b.confidence; });
  return s;
}

std::size_t build(const synthetic_story& s, temporal_graph& g) {
  for (const auto& n : s.nodes) g.add_node(n.days, n.exact);
  std::size_t dropped = 0;
  for (std::size_t k = 0; k < s.links.size(); ++k) {
    std::vector<int> conflicts;
    if (!g.add(s.links[k].from, s.links[k].rel, s.links[k].to, static_cast<int>(k), &conflicts)) ++dropped;
  }
  return dropped;
}

void BM_story_consistency(benchmark::State& state) {
  const auto s = make_story(static_cast<std::size_t>(state.range(0)), 70);
  std::size_t dropped = 0;
  for (auto _ : state) {
    temporal_graph g;
    dropped = build(s, g);
    benchmark::DoNotOptimize(dropped);
  }
  state.counters["events"] = double(s.events);
  state.counters["links"] = double(s.links.size());
  state.counters["dropped"] = double(dropped);
}
BENCHMARK(BM_story_consistency)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_story_closure(benchmark::State& state) {
  const auto s = make_story(static_cast<std::size_t>(state.range(0)), 70);
  std::mt19937 rng(7);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (int k = 0; k < 2000; ++k) pairs.emplace_back(rng() % s.events, rng() % s.events);
  for (auto _ : state) {
    temporal_graph g;
    build(s, g);
    std::size_t bounded = 0, related = 0;
    for (std::size_t e = 0; e < s.events; ++e) {
      if (s.nodes[e].days) continue;
      bounded += g.earliest_start(e) || g.latest_end(e) ? 1 : 0;
    }
    for (const auto& [a, b] : pairs) related += g.relation_between(a, b) ? 1 : 0;
    benchmark::DoNotOptimize(bounded);
    state.counters["bounded"] = double(bounded);
    state.counters["related_pairs"] = double(related);
  }
}
BENCHMARK(BM_story_closure)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
