// SPDX-License-Identifier: MIT
// `chronograph bench`: the throughput of the whole per-document pipeline as `extract --jsonl`
// runs it (JSON records in, story lines out), on a corpus held in memory, for -j 1 and -j N.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/ingest/timeml.hpp"
#include "chronograph/pipeline.hpp"
#include "commands.hpp"
#include "records.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

namespace {

struct corpus {
  std::vector<std::string> records;  ///< extract's input lines
  std::size_t text_bytes = 0;        ///< UTF-8 bytes of the documents' texts
};

// The documents of DIR: the TEXT (and DCT) of its .tml files when it has any, else its .txt
// files as `build` reads them.
std::vector<document> corpus_documents(const std::string& dir) {
  std::vector<document> docs;
  std::error_code ec;
  const bool has_tml = fs::is_directory(dir, ec) &&
                       std::any_of(fs::directory_iterator(dir, ec), fs::directory_iterator(),
                                   [](const fs::directory_entry& e) { return e.path().extension() == ".tml"; });
  if (has_tml) {
    for (const auto& f : ingest::timeml_files(dir)) docs.push_back(ingest::document_of(ingest::read_timeml(f)));
    return docs;
  }
  auto input = ingest::read_inputs({dir}, {});
  for (const auto& f : input.failures) std::cerr << "chronograph: bench: " << f.message << '\n';
  return std::move(input.documents);
}

corpus make_corpus(const std::vector<document>& docs, unsigned copies) {
  corpus c;
  for (unsigned k = 0; k < copies; ++k)
    for (auto doc : docs) {
      if (k > 0) doc.id += "~" + std::to_string(k);
      c.text_bytes += doc.text.size();
      c.records.push_back(record_line(doc));
    }
  return c;
}

struct run_result {
  double wall = 0, cpu = 0;  ///< seconds
  std::size_t tokens = 0, failed = 0;
};

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One pass of extract's mapper over the first `count` records on `jobs` threads; the output
// lines are made and dropped. With `times` (only for jobs == 1: one worker adds to it), the CPU
// time of each step.
run_result run_once(const corpus& c, std::size_t count, const pipeline_models& models, const extract_settings& settings,
                    unsigned jobs, stage_times* times = nullptr) {
  std::size_t next = 0;
  std::atomic<std::size_t> tokens{0}, failed{0};
  const double cpu0 = cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  stream_in_order(
      [&]() -> std::optional<std::string> {
        if (next == count) return std::nullopt;
        return c.records[next++];
      },
      [&](std::string line, std::size_t index) {
        auto r = extract_line(line, index + 1, models, settings, times);
        tokens += r.tokens;
        if (r.failed) ++failed;
        return std::move(r.line);
      },
      [](const std::string&) {}, jobs);
  run_result r;
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.cpu = cpu_seconds() - cpu0;
  r.tokens = tokens;
  r.failed = failed;
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The CPU time of each step at -j 1 (median over the runs), and what the steps of issue 5
// (text + timex + events) and the whole pipeline make per core.
void print_stage_times(const std::vector<stage_times>& runs, double mb) {
  const auto med = [&](double stage_times::*step) {
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(r.*step);
    return median(v);
  };
  const double input = med(&stage_times::input), text = med(&stage_times::text), timex = med(&stage_times::timex),
               events = med(&stage_times::events), relations = med(&stage_times::relations),
               output = med(&stage_times::output);
  std::printf("-j 1 cpu s by step: input %.3f, text %.3f, timex %.3f, events %.3f, relations %.3f, output %.3f\n",
              input, text, timex, events, relations, output);
  const double core = text + timex + events, all = input + core + relations + output;
  std::printf("per core: text + timex + events %.3f MB/s (%.3f s); all steps %.3f MB/s (%.3f s)\n", mb / core, core,
              mb / all, all);
}

}  // namespace

int run_bench(const bench_options& opts) {
  std::string dir = opts.dir;
  if (dir.empty()) {
    dir = CHRONOGRAPH_BENCH_CORPUS;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      std::cerr << "chronograph: bench: no default corpus (" << dir << "); give a DIR of .txt or .tml files\n";
      return usage;
    }
  }
  const auto docs = corpus_documents(dir);
  if (docs.empty()) {
    std::cerr << "chronograph: bench: " << dir << ": no documents\n";
    return io;
  }
  const auto c = make_corpus(docs, opts.copies);
  const auto load0 = std::chrono::steady_clock::now();
  const auto models = load_models(opts.common);
  const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - load0).count();
  extract_settings settings;  // as `extract --jsonl` runs by default
  settings.max_document_bytes = opts.common.max_document_bytes();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned all = opts.common.jobs ? opts.common.jobs : cores;

  const double mb = static_cast<double>(c.text_bytes) / 1e6;
  std::printf("chronograph bench: %s x%u: %zu documents, %.2f MB of text; models loaded in %.2f s\n", dir.c_str(),
              opts.copies, c.records.size(), mb, load);
  std::printf("each run: extract --jsonl over all documents in memory; warm-up, then the median of %u run(s)\n",
              opts.runs);
  std::printf("%5s %9s %9s %9s %11s %9s %13s %9s\n", "jobs", "wall s", "MB/s", "docs/s", "tokens/s", "cpu s",
              "MB/s per cpu", "cpu/wall");
  (void)run_once(c, std::min(c.records.size(), std::max<std::size_t>(20, c.records.size() / 10)), models, settings, all);

  std::vector<unsigned> job_counts{1};
  if (all > 1) job_counts.push_back(all);
  std::vector<double> medians;
  std::vector<stage_times> steps_j1;
  std::size_t failed = 0;
  for (const unsigned jobs : job_counts) {
    std::vector<double> walls, cpus;
    std::vector<stage_times> steps;
    std::size_t tokens = 0;
    for (unsigned r = 0; r < opts.runs; ++r) {
      stage_times times;
      const auto result = run_once(c, c.records.size(), models, settings, jobs, jobs == 1 ? &times : nullptr);
      steps.push_back(times);
      walls.push_back(result.wall);
      cpus.push_back(result.cpu);
      tokens = result.tokens;
      failed = result.failed;
    }
    const double wall = median(walls), cpu = median(cpus);
    medians.push_back(wall);
    std::printf("%5u %9.2f %9.3f %9.1f %11.0f %9.2f %13.3f %9.2f\n", jobs, wall, mb / wall,
                static_cast<double>(c.records.size()) / wall, static_cast<double>(tokens) / wall, cpu, mb / cpu,
                cpu / wall);
    if (jobs == 1) steps_j1 = steps;
  }
  if (medians.size() == 2)
    std::printf("scaling -j %u vs -j 1: %.2fx (wall time; %u cores; cpu/wall below the job count means other "
                "processes had the cores)\n", all, medians[0] / medians[1], cores);
  print_stage_times(steps_j1, mb);
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::printf("peak RSS: %.1f MB\n", static_cast<double>(u.ru_maxrss) / 1024.0);
  if (failed) std::printf("%zu document(s) failed in each run\n", failed);
  return failed ? some_failed : ok;
}

}  // namespace chronograph::cli
