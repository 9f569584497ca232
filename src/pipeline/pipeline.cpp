// SPDX-License-Identifier: MIT
#include "chronograph/pipeline.hpp"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

#include "chronograph/error.hpp"
#include "chronograph/events/lexicon.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"

namespace chronograph {

pipeline_models pipeline_models::load_default() {
  pipeline_models m;
  m.text = text::analyzer::load_default();
  m.timex = timex::tagger::load_default();
  // One lexicon for events and relations: each document is described once (analyze_document).
  const auto lexicon = events::lexicon::load_default();
  m.events = events::make_extractor(lexicon);
  m.relations = relations::linker::load_default(lexicon);
  return m;
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

merge::document_analysis analyze_document(document doc, const pipeline_models& models, stage_times* times) {
  // Adds the CPU time since the last call to `stage` (nothing without `times`).
  double last = times ? thread_cpu_seconds() : 0;
  const auto lap = [&](double stage_times::*stage) {
    if (!times) return;
    const double now = thread_cpu_seconds();
    times->*stage += now - last;
    last = now;
  };
  merge::document_analysis a;
  if (!doc.dct)
    a.diagnostics.push_back({severity::warning, "ingest", doc.id, {}, "no-dct",
                             "no document creation time: relative expressions stay underspecified"});
  a.annotated = models.text->analyze(std::move(doc));
  for (const auto& sentence : a.annotated.sentences)
    if (sentence.size() > models.limits.max_sentence_tokens)
      throw input_error("a sentence of " + std::to_string(sentence.size()) +
                        " tokens at byte " + std::to_string(sentence.span.begin) + ", more than the limit of " +
                        std::to_string(models.limits.max_sentence_tokens) + " (--max-sentence-tokens)");
  lap(&stage_times::text);
  a.timexes = models.timex->tag(a.annotated, a.diagnostics);
  lap(&stage_times::timex);
  // Events and relations read the document's words; when they read them with the same lexicon,
  // the words are made once.
  const auto* lexicon = models.events->word_lexicon();
  if (lexicon && lexicon == models.relations->word_lexicon()) {
    const auto words = lexicon->describe(a.annotated);
    a.events = models.events->extract_described(a.annotated, words, a.timexes, a.diagnostics);
    lap(&stage_times::events);
    a.links = models.relations->link_described(a.annotated, words, a.timexes, a.events, a.diagnostics);
  } else {
    a.events = models.events->extract(a.annotated, a.timexes, a.diagnostics);
    lap(&stage_times::events);
    a.links = models.relations->link_events(a.annotated, a.timexes, a.events, a.diagnostics);
  }
  for (auto& d : a.diagnostics)
    if (d.doc.empty()) d.doc = a.annotated.doc.id;
  lap(&stage_times::relations);
  return a;
}

batch_analysis analyze_documents(std::vector<document> docs, const pipeline_models& models, unsigned jobs,
                                 const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t total = docs.size();
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(total, 1)));

  std::vector<std::optional<merge::document_analysis>> results(total);
  std::vector<std::optional<document_failure>> failures(total);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  std::exception_ptr fatal;  // a resource error stops the batch: every document would fail alike

  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < total;) {
      const std::string id = docs[i].id, path = docs[i].path;
      try {
        results[i] = analyze_document(std::move(docs[i]), models);
      } catch (const resource_error&) {
        std::lock_guard lock(progress_mutex);
        if (!fatal) fatal = std::current_exception();
        next = total;
        return;
      } catch (const std::exception& e) {
        failures[i] = document_failure{id, path, path + ": " + e.what()};
      }
      if (progress) {
        std::lock_guard lock(progress_mutex);
        progress(++done, total);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (fatal) std::rethrow_exception(fatal);

  batch_analysis out;
  for (std::size_t i = 0; i < total; ++i) {
    if (results[i]) out.analyses.push_back(std::move(*results[i]));
    if (failures[i]) out.failures.push_back(std::move(*failures[i]));
  }
  return out;
}

story build_story(std::vector<document> docs, const pipeline_models& models, unsigned jobs) {
  auto batch = analyze_documents(std::move(docs), models, jobs);
  auto s = merge::build_story(batch.analyses);
  for (const auto& f : batch.failures) s.diagnostics.push_back({"error", "pipeline", f.id, "document-failed", f.message, {}, {}});
  return s;
}

}  // namespace chronograph
