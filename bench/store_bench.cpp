// SPDX-License-Identifier: MIT
// The story store on the TempEval-3 silver news (400 AFP documents, TEXT content only), one core:
//   build/bench/chronograph_store_bench --benchmark_filter=ingest
// ingest: documents/s of `ingest` into a fresh store (analysis + serialization + SQLite, one
// transaction); reingest: the same documents again (hash check only); load/build: reading every
// analysis back, and merging them into the story; query: a question to a big store (copies of
// the corpus under other ids, >= 100,000 events), from opening the store to the answer, with
// the answer read from the store's query index as `chronograph query --store` does.
// graph_*: the same >= 100,000-event story as a graph: loading it from story.json text (what
// `chronograph query story.json` does before answering), and single questions on a loaded graph.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <filesystem>

#include <unistd.h>

#include "chronograph/graph/event_graph.hpp"
#include "chronograph/graph/query.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/render/answer.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/store/store.hpp"

using namespace chronograph;
namespace fs = std::filesystem;

namespace {

std::vector<document> news() {
  static const std::vector<document> docs = [] {
    std::vector<document> out;
    const fs::path dir = fs::path(CHRONOGRAPH_SHARED_DATA) / "news-silver";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const auto tml = ingest::read_timeml(f);
      document d;
      d.id = tml.docid;
      d.path = f.string();
      d.source = "AFP";
      d.text = tml.text;
      d.dct = tml.dct;
      out.push_back(std::move(d));
    }
    return out;
  }();
  return docs;
}

const pipeline_models& models() {
  static const pipeline_models m = pipeline_models::load_default();
  return m;
}

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("chronograph-store-bench-" + std::to_string(::getpid()) + "-" + name + ".db");
}

void remove_store(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
  fs::remove(p.string() + "-journal", ec);
}

bool have_corpus(benchmark::State& state) {
  if (news().empty()) {
    state.SkipWithError("no news-silver corpus (../shared/data/news-silver)");
    return false;
  }
  return true;
}

// A store holding the corpus once (built on first use, removed at exit).
const fs::path& corpus_store() {
  static const struct holder {
    fs::path path = temp_path("corpus");
    holder() {
      remove_store(path);
      auto st = store::story_store::open(path);
      (void)st.ingest(news(), models(), {0, {}, {}});
    }
    ~holder() { remove_store(path); }
  } h;
  return h.path;
}

void BM_store_ingest(benchmark::State& state) {
  if (!have_corpus(state)) return;
  (void)models();
  const auto docs = news();
  const auto path = temp_path("ingest");
  for (auto _ : state) {
    state.PauseTiming();
    remove_store(path);
    auto copy = docs;
    state.ResumeTiming();
    auto st = store::story_store::open(path);
    const auto outcomes = st.ingest(std::move(copy), models(), {1, {}, {}});
    benchmark::DoNotOptimize(outcomes.data());
  }
  remove_store(path);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_store_ingest)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

void BM_store_reingest_unchanged(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto docs = news();
  auto st = store::story_store::open(corpus_store());
  for (auto _ : state) {
    auto copy = docs;
    const auto outcomes = st.ingest(std::move(copy), models(), {1, {}, {}});
    benchmark::DoNotOptimize(outcomes.data());
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_store_reingest_unchanged)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_store_load_analyses(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto st = store::story_store::open(corpus_store(), store::story_store::open_mode::read_only);
  for (auto _ : state) {
    const auto analyses = st.analyses();
    benchmark::DoNotOptimize(analyses.data());
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * news().size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_store_load_analyses)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_store_build_story(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto st = store::story_store::open(corpus_store(), store::story_store::open_mode::read_only);
  std::size_t events = 0;
  for (auto _ : state) {
    const auto s = st.build();
    events = s.events.size();
    benchmark::DoNotOptimize(s.events.data());
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_store_build_story)->Unit(benchmark::kMillisecond)->UseRealTime();

// A store of copies of the corpus under other document ids, until it holds >= 100,000 events.
const fs::path& big_store() {
  static const struct holder {
    fs::path path = temp_path("big");
    holder() {
      remove_store(path);
      const auto analyses = store::story_store::open(corpus_store(), store::story_store::open_mode::read_only).analyses();
      std::size_t per_copy = 0;
      for (const auto& a : analyses) per_copy += a.events.size();
      auto st = store::story_store::open(path);
      std::vector<merge::document_analysis> copies;
      // Copies merge in part (a copy's events join the same events of the others where their
      // dates and participants allow): about 0.78 of the events stay apart.
      for (std::size_t copy = 0; copy * per_copy < 140000; ++copy)
        for (auto a : analyses) {
          a.annotated.doc.id += "-copy" + std::to_string(copy);
          for (auto& d : a.diagnostics) d.doc = a.annotated.doc.id;
          copies.push_back(std::move(a));
        }
      st.put_all(copies);
      const auto events = st.cached_story().events.size();  // what `chronograph query --store` reads
      if (events < 100000)
        throw std::runtime_error("the big store holds " + std::to_string(events) +
                                 " events after merging, fewer than the 100,000 it stands for: add copies");
      std::fprintf(stderr, "big store: %zu documents, %zu events after merging\n", copies.size(), events);
    }
    ~holder() { remove_store(path); }
  } h;
  return h.path;
}

// `chronograph query --store`: open the store, answer from its query index (reading only the
// rows the answer needs), print the answer as text.
void store_query(benchmark::State& state, graph::question q, std::vector<std::string> arguments) {
  if (!have_corpus(state)) return;
  const auto& path = big_store();
  std::size_t hits = 0, excerpt = 0;
  for (auto _ : state) {
    auto st = store::story_store::open(path, store::story_store::open_mode::update);
    const auto r = st.ask(q, arguments, 7, store::excerpt_use::printing);
    const auto text = render::answer_to_text(r.answer, r.excerpt);
    hits = r.answer.events.size();
    excerpt = r.excerpt.events.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["excerpt events"] = static_cast<double>(excerpt);  // printing: those the text names by label
}
BENCHMARK_CAPTURE(store_query, between_month, graph::question::between, {"1998-01-01", "1998-01-31"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(store_query, around_day, graph::question::around, {"1998-01-15"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(store_query, causes_words, graph::question::causes, {"peace talks"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(store_query, effects_common_word, graph::question::effects, {"China"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(store_query, before_words, graph::question::before, {"Clinton meeting"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(store_query, after_words, graph::question::after, {"Clinton meeting"})  // a fifth of the story
    ->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole story loaded as before the query index (cached story, whole graph, answer): what
// `query --store` did, and still does for a store opened read-only before any query.
void BM_store_query_big_whole_story(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto& path = big_store();
  std::size_t events = 0;
  for (auto _ : state) {
    auto st = store::story_store::open(path, store::story_store::open_mode::update);
    const auto s = st.cached_story();
    events = s.events.size();
    const auto g = graph::event_graph::from_story(s);
    const auto a = graph::ask(g, graph::question::between, {"1998-01-01", "1998-01-31"}, 7);
    benchmark::DoNotOptimize(&a);
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_store_query_big_whole_story)->Unit(benchmark::kMillisecond)->UseRealTime();

// The parts of a query: reading the cached story, and the graph question on it.
void BM_store_cached_story_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  auto st = store::story_store::open(big_store(), store::story_store::open_mode::update);
  for (auto _ : state) {
    const auto s = st.cached_story();
    benchmark::DoNotOptimize(s.events.data());
  }
}
BENCHMARK(BM_store_cached_story_big)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_graph_from_story_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto s = store::story_store::open(big_store(), store::story_store::open_mode::update).cached_story();
  for (auto _ : state) {
    const auto g = graph::event_graph::from_story(s);
    benchmark::DoNotOptimize(&g);
  }
}
BENCHMARK(BM_graph_from_story_big)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_graph_query_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto s = store::story_store::open(big_store(), store::story_store::open_mode::update).cached_story();
  for (auto _ : state) {
    const auto g = graph::event_graph::from_story(s);
    const auto a = graph::ask(g, graph::question::between, {"1998-01-01", "1998-01-31"}, 7);
    benchmark::DoNotOptimize(&a);
  }
}
BENCHMARK(BM_graph_query_big)->Unit(benchmark::kMillisecond)->UseRealTime();

// The big store's story, and its story.json text.
const story& big_story() {
  static const story s = store::story_store::open(big_store(), store::story_store::open_mode::update).cached_story();
  return s;
}

const std::string& big_json() {
  static const std::string text = render::to_json(big_story());
  return text;
}

void BM_graph_load_json_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto& text = big_json();
  std::size_t events = 0;
  for (auto _ : state) {
    const auto s = render::story_from_json(text, "big.json");
    const auto g = graph::event_graph::from_story(s);
    events = g.event_count();
    benchmark::DoNotOptimize(&g);
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_graph_load_json_big)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_story_from_json_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  for (auto _ : state) {
    const auto s = render::story_from_json(big_json(), "big.json");
    benchmark::DoNotOptimize(s.events.data());
  }
}
BENCHMARK(BM_story_from_json_big)->Unit(benchmark::kMillisecond)->UseRealTime();

// One question on the loaded big graph (the graph is built once, outside the timing).
void graph_question(benchmark::State& state, graph::question q, std::vector<std::string> arguments) {
  if (!have_corpus(state)) return;
  static const graph::event_graph g = graph::event_graph::from_story(big_story());
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto a = graph::ask(g, q, arguments, 7);
    hits = a.events.size() + (a.subjects.empty() ? 0 : a.subjects[0].candidates.size());
    benchmark::DoNotOptimize(&a);
  }
  state.counters["hits"] = static_cast<double>(hits);
}
BENCHMARK_CAPTURE(graph_question, causes_words, graph::question::causes, {"peace talks"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(graph_question, effects_common_word, graph::question::effects, {"China"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(graph_question, before_words, graph::question::before, {"Clinton meeting"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(graph_question, between_month, graph::question::between, {"1998-01-01", "1998-01-31"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(graph_question, around_day, graph::question::around, {"1998-01-15"})
    ->Unit(benchmark::kMillisecond)->UseRealTime();

// Printing an answer as `chronograph query` does (render::answer_to_text looks events up in the story).
void BM_answer_text_big(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const auto g = graph::event_graph::from_story(big_story());
  const auto a = graph::ask(g, graph::question::before, {"Clinton meeting"}, 7);
  for (auto _ : state) {
    const auto text = render::answer_to_text(a, big_story());
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["hits"] = static_cast<double>(a.events.size());
}
BENCHMARK(BM_answer_text_big)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
