// SPDX-License-Identifier: MIT
// Render time for synthetic stories of 100, 300 and 1,000 events (issue 8):
//   build/bench/chronograph_render_bench
#include <benchmark/benchmark.h>

#include <cstdio>

#include "chronograph/render/render.hpp"

using namespace chronograph;

namespace {

/// n events spread over 500 days (every ninth a month), a causal or ordering link every third.
story synthetic_story(int n) {
  story s;
  s.documents.push_back({"d", "synthetic.txt", "synthetic", std::string("2025-06-05"), "synthetic"});
  const char* words[] = {"tariff", "talks", "agreement", "sanctions", "export",
                         "controls", "minister", "summit", "retaliation", "market"};
  for (int i = 0; i < n; ++i) {
    story_event e;
    char id[32];
    std::snprintf(id, sizeof id, "ev-%05d", i);
    e.id = id;
    e.summary = std::string("Officials announced new ") + words[i % 10] + " measures affecting " +
                words[(i * 7) % 10] + " number " + std::to_string(i);
    const date::sys_days day = date::sys_days{date::year{2024} / 1 / 1} + date::days{(i * 37) % 500};
    e.when.value = date::format(i % 9 == 0 ? "%Y-%m" : "%F", day);
    e.salience = 0.5 + (i % 5) * 0.1;
    e.mentions.push_back({"d", 0, 5, "x"});
    s.events.push_back(std::move(e));
  }
  for (int i = 1; i < n; i += 3)
    s.links.push_back(story_link{s.events[static_cast<std::size_t>(i - 1)].id, s.events[static_cast<std::size_t>(i)].id,
                                 i % 2 ? "CAUSES" : "BEFORE", {}, "synthetic", 0.5});
  return s;
}

}  // namespace

void render_svg(benchmark::State& state) {
  const auto s = synthetic_story(static_cast<int>(state.range(0)));
  render::options all;
  all.all_events = true;
  std::size_t bytes = 0;
  for (auto _ : state) bytes = render::render(s, "svg", all).size();
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(render_svg)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

void render_dot(benchmark::State& state) {
  const auto s = synthetic_story(static_cast<int>(state.range(0)));
  render::options all;
  all.all_events = true;
  for (auto _ : state) benchmark::DoNotOptimize(render::to_dot(s, all));
}
BENCHMARK(render_dot)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
