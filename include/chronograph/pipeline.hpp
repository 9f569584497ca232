// SPDX-License-Identifier: MIT
// The per-document pipeline (text -> timex -> events -> relations) and the story built from many
// documents. This is the library entry point the CLI and embedding programs use.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/merge/merge.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"
#include "chronograph/story.hpp"

namespace chronograph {

/// Limits that keep one pathological document from taking unbounded time or memory.
struct pipeline_limits {
  /// A longer sentence fails its document (input_error): some stages look at pairs of words or
  /// events within a sentence, so their cost grows with its square. News sentences have well
  /// under 200 tokens; text without sentence ends (a list, a table, one huge line) has more.
  std::size_t max_sentence_tokens = 1000;
};

/// The loaded, immutable models of every stage. Loading throws resource_error; sharing one
/// instance between threads is safe.
struct pipeline_models {
  std::shared_ptr<const text::analyzer> text;
  std::shared_ptr<const timex::tagger> timex;
  std::shared_ptr<const events::extractor> events;
  std::shared_ptr<const relations::linker> relations;
  pipeline_limits limits;
  /// Every stage's default resources (from resource_root()).
  [[nodiscard]] static pipeline_models load_default();
};

/// CPU seconds of the calling thread spent in each step of the per-document pipeline, summed over
/// the documents it was given to. `input` (reading a record) and `output` (the story and its
/// rendering) are counted by callers that do those steps, as `extract --jsonl` does.
struct stage_times {
  double input = 0, text = 0, timex = 0, events = 0, relations = 0, output = 0;
};

/// The calling thread's CPU time in seconds (for stage_times).
[[nodiscard]] double thread_cpu_seconds();

/// Runs every per-document stage on one document. Per-document problems become diagnostics;
/// throws input_error when the document is over models.limits, resource_error for broken
/// resources. Adds the time of each stage to `times` when given.
[[nodiscard]] merge::document_analysis analyze_document(document doc, const pipeline_models& models,
                                                        stage_times* times = nullptr);

/// A document the pipeline could not process, and why.
struct document_failure {
  std::string id, path, message;
};

struct batch_analysis {
  std::vector<merge::document_analysis> analyses;  ///< in input order
  std::vector<document_failure> failures;
};

/// Analyzes documents on `jobs` threads (0 = all cores); results keep input order.
/// `progress(done, total)` is called from worker threads, serialized.
[[nodiscard]] batch_analysis analyze_documents(std::vector<document> docs, const pipeline_models& models,
                                               unsigned jobs = 0,
                                               const std::function<void(std::size_t, std::size_t)>& progress = {});

/// Streams items through `work` on `jobs` worker threads (0 = all cores) and keeps their order:
/// `read()` is called on the calling thread until it returns nullopt; `work(item, index)` runs
/// on the workers (index counts items from 0); `write(result)` is called on the calling thread
/// in input order, while later items are being worked on. At most `window` items (0 = 4 per
/// worker) are read but not yet written, so memory stays bounded whatever the stream's length.
/// If `work`, `read` or `write` throws, the stream stops and the first exception is rethrown
/// here (`work` should turn per-item problems into results instead).
void stream_in_order(const std::function<std::optional<std::string>()>& read,
                     const std::function<std::string(std::string, std::size_t)>& work,
                     const std::function<void(const std::string&)>& write, unsigned jobs = 0,
                     std::size_t window = 0);

/// Convenience: analyze then merge into one story.
[[nodiscard]] story build_story(std::vector<document> docs, const pipeline_models& models, unsigned jobs = 0);

}  // namespace chronograph
