// SPDX-License-Identifier: MIT
// chronograph for embedding programs: the one header to include. Give it texts with their
// document creation times (DCTs); get back the story (events, dates, links) and its renderings
// (SVG, PNG, PDF, JSON, DOT, HTML) as bytes in memory. Nothing is written to disk or printed.
//
//   #include <chronograph/chronograph.hpp>
//   const chronograph::story s = chronograph::build({{"a1", text, "2025-06-05", "Reuters"}});
//   const std::string svg = chronograph::to_svg(s);
//
// Resources (rule tables, models) are found as resource_root() says: set_resource_root(),
// $CHRONOGRAPH_RESOURCES, the source tree, else the install data dir (share/chronograph).
// The headers included below stay available for finer control: render::to_mermaid,
// render::to_timelinejs and render::to_graphml (render/formats.hpp) give the other formats,
// render::story_from_json (render/json.hpp) reads a story back.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chronograph/error.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/render/formats.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/render/render.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"

namespace chronograph {

/// One text to put into the story.
struct input_text {
  /// Stable document id, unique within one build ("" = "text-<n>", n counting from 1).
  std::string id;
  /// The article, UTF-8 (a leading BOM is dropped).
  std::string text;
  /// Document creation time, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z|±hh:mm]". "" = take it from
  /// a dateline or "Published <date>" line in the text, else none (relative dates stay unresolved).
  std::string dct;
  /// Outlet or other neutral source name shown in renderings ("" = "article <n>").
  std::string source;
};

/// How build() runs.
struct build_settings {
  /// Worker threads for the per-document stages (0 = all cores).
  unsigned jobs = 1;
  /// true: invalid UTF-8 is replaced by U+FFFD; false: it throws input_error.
  bool lenient_utf8 = false;
};

/// Loads the models once and builds any number of stories with them. Loading is the slow part,
/// so keep one builder when building many stories. build() is const and may be called from
/// several threads at once.
class story_builder {
 public:
  /// Loads every stage's default resources. Throws resource_error when they cannot be found
  /// or are malformed.
  story_builder();
  /// Uses models loaded by the caller (e.g. shared with other code).
  explicit story_builder(pipeline_models models);

  /// Analyzes every text and merges them into one story. Throws input_error for an unreadable
  /// DCT, duplicate ids or (unless lenient_utf8) invalid UTF-8, naming the text's id; a text the
  /// pipeline cannot analyze becomes an "error" diagnostic in the story instead.
  [[nodiscard]] story build(const std::vector<input_text>& texts, const build_settings& settings = {}) const;

  /// The loaded models.
  [[nodiscard]] const pipeline_models& models() const noexcept { return models_; }

 private:
  pipeline_models models_;
};

/// One-shot convenience: story_builder{}.build(texts, settings) (loads the models every call).
[[nodiscard]] story build(const std::vector<input_text>& texts, const build_settings& settings = {});

/// The timeline (or, with opts.layout = render::view::causal, the causal view) as SVG text.
/// Throws render_error when Graphviz fails, input_error for an unreadable opts.from / opts.to.
[[nodiscard]] std::string to_svg(const story& s, const render::options& opts = {});

/// The same picture as PNG bytes (they start with "\x89PNG"). Throws like to_svg.
[[nodiscard]] std::string to_png(const story& s, const render::options& opts = {});

/// The same picture as PDF bytes. Throws like to_svg.
[[nodiscard]] std::string to_pdf(const story& s, const render::options& opts = {});

/// The Graphviz DOT source of the picture (no layout). Throws like to_svg.
[[nodiscard]] std::string to_dot(const story& s, const render::options& opts = {});

/// The story as JSON schema v1 (docs/json-schema.md), deterministic.
[[nodiscard]] std::string to_json(const story& s);

/// The self-contained HTML report (timeline SVG, event table, causal chains, conflicts).
/// Throws like to_svg.
[[nodiscard]] std::string to_html(const story& s, const render::options& opts = {});

}  // namespace chronograph
