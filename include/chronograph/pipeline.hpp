// SPDX-License-Identifier: MIT
// The per-document pipeline (text -> timex -> events -> relations) and the story built from many
// documents. This is the library entry point the CLI and embedding programs use.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "chronograph/merge/merge.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"
#include "chronograph/story.hpp"

namespace chronograph {

/// The loaded, immutable models of every stage. Loading throws resource_error; sharing one
/// instance between threads is safe.
struct pipeline_models {
  std::shared_ptr<const text::analyzer> text;
  std::shared_ptr<const timex::tagger> timex;
  std::shared_ptr<const events::extractor> events;
  std::shared_ptr<const relations::linker> relations;
  /// Every stage's default resources (from resource_root()).
  [[nodiscard]] static pipeline_models load_default();
};

/// Runs every per-document stage on one document. Per-document problems become diagnostics;
/// throws only for broken resources.
[[nodiscard]] merge::document_analysis analyze_document(document doc, const pipeline_models& models);

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

/// Convenience: analyze then merge into one story.
[[nodiscard]] story build_story(std::vector<document> docs, const pipeline_models& models, unsigned jobs = 0);

}  // namespace chronograph
