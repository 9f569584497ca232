// SPDX-License-Identifier: MIT
// Throughput of the relations stage alone (linker::link_events, with its reasoning) on news
// texts: the text, timex and events stages run once per document, then the linker runs on
// every document `--copies` times; CPU time of the linker only. A development program, not a
// test (other processes share the machine: compare instruction counts under callgrind, e.g.
//   valgrind --tool=callgrind --toggle-collect='*link_events*' build/tests/relations/relations_speed DIR --copies 1).
//   relations_speed DIR [--copies N]      (DIR: ../shared/data/news-silver)
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "chronograph/ingest/timeml.hpp"
#include "chronograph/pipeline.hpp"

using namespace chronograph;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: relations_speed DIR [--copies N]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  unsigned copies = 5;
  for (int k = 2; k + 1 < argc; k += 2)
    if (std::string(argv[k]) == "--copies") copies = static_cast<unsigned>(std::stoul(argv[k + 1]));
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "SKIPPED: " << dir << " not found\n";
    return 77;
  }
  const auto models = pipeline_models::load_default();
  struct prepared {
    text::annotated_document annotated;
    std::vector<timex::mention> times;
    std::vector<events::event_mention> events;
  };
  std::vector<prepared> docs;
  std::size_t bytes = 0, events = 0;
  for (const auto& f : ingest::timeml_files(dir)) {
    prepared p;
    std::vector<diagnostic> diags;
    p.annotated = models.text->analyze(ingest::document_of(ingest::read_timeml(f)));
    p.times = models.timex->tag(p.annotated, diags);
    p.events = models.events->extract(p.annotated, p.times, diags);
    bytes += p.annotated.doc.text.size();
    events += p.events.size();
    docs.push_back(std::move(p));
  }
  std::size_t links = 0;
  const auto start = std::clock();
  for (unsigned c = 0; c < copies; ++c)
    for (const auto& d : docs) {
      auto evs = d.events;  // the linker fills in dates and bounds
      std::vector<diagnostic> diags;
      links += models.relations->link_events(d.annotated, d.times, evs, diags).size();
    }
  const double cpu = double(std::clock() - start) / CLOCKS_PER_SEC;
  const double mb = double(bytes) * copies / 1e6;
  std::printf("documents %zu x %u, %.2f MB, %zu events per copy, %zu links per copy\n", docs.size(), copies, mb, events,
              links / copies);
  std::printf("relations stage: %.3f s CPU, %.3f s/MB, %.1f MB/s\n", cpu, cpu / mb, mb / cpu);
  return 0;
}
