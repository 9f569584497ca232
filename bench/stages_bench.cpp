// SPDX-License-Identifier: MIT
// Throughput of each stage and of the whole per-document pipeline on the TempEval-3 silver news
// (400 AFP documents, TEXT content only). Counters: bytes_per_second (MB/s) and tokens/s.
//   build/bench/chronograph_bench                         # all benchmarks
//   build/bench/chronograph_bench --benchmark_filter=timex
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "chronograph/ingest/timeml.hpp"
#include "chronograph/pipeline.hpp"

using namespace chronograph;

namespace {

struct corpus {
  std::vector<document> docs;
  std::size_t bytes = 0;
};

const corpus& news() {
  static const corpus c = [] {
    corpus out;
    std::vector<std::filesystem::path> files;
    try {
      files = ingest::timeml_files(std::filesystem::path(CHRONOGRAPH_SHARED_DATA) / "news-silver");
    } catch (const std::exception&) {
      return out;  // no corpus: every benchmark reports the skip
    }
    for (const auto& f : files) {
      auto d = ingest::document_of(ingest::read_timeml(f));
      out.bytes += d.text.size();
      out.docs.push_back(std::move(d));
    }
    return out;
  }();
  return c;
}

const pipeline_models& models() {
  static const pipeline_models m = pipeline_models::load_default();
  return m;
}

bool have_corpus(benchmark::State& state) {
  if (news().docs.empty()) {
    state.SkipWithError("no news-silver corpus (../shared/data/news-silver)");
    return false;
  }
  return true;
}

void text_stage(benchmark::State& state) {
  if (!have_corpus(state)) return;
  std::size_t tokens = 0;
  for (auto _ : state)
    for (const auto& d : news().docs) {
      auto a = models().text->analyze(d);
      tokens += a.tokens.size();
      benchmark::DoNotOptimize(a);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * news().bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(text_stage)->Unit(benchmark::kMillisecond);

void timex_stage(benchmark::State& state) {
  if (!have_corpus(state)) return;
  // The timex stage alone, on raw text (no tokens): its own scanner does the work.
  std::vector<text::annotated_document> docs;
  for (const auto& d : news().docs) docs.push_back(text::annotated_document{d, {}, {}});
  std::size_t found = 0;
  for (auto _ : state)
    for (const auto& d : docs) {
      std::vector<diagnostic> diags;
      found += models().timex->tag(d, diags).size();
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * news().bytes));
  state.counters["timexes"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(timex_stage)->Unit(benchmark::kMillisecond);

void whole_pipeline(benchmark::State& state) {
  if (!have_corpus(state)) return;
  std::size_t tokens = 0;
  for (auto _ : state)
    for (const auto& d : news().docs) {
      auto a = analyze_document(d, models());
      tokens += a.annotated.tokens.size();
      benchmark::DoNotOptimize(a);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * news().bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(whole_pipeline)->Unit(benchmark::kMillisecond);

void whole_pipeline_parallel(benchmark::State& state) {
  if (!have_corpus(state)) return;
  for (auto _ : state) {
    auto batch = analyze_documents(news().docs, models(), static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(batch);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * news().bytes));
}
BENCHMARK(whole_pipeline_parallel)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
