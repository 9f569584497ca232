// SPDX-License-Identifier: MIT
// Rendering a story: Graphviz DOT built with cgraph, laid out and rendered in-process with gvc.
#pragma once

#include <string>
#include <string_view>

#include "chronograph/story.hpp"

namespace chronograph::render {

enum class view { timeline, causal };

struct options {
  view layout = view::timeline;
  bool all_events = false;     ///< false: only salient events (salience >= min_salience)
  double min_salience = 0.5;
};

/// The story as Graphviz DOT text (deterministic). Throws render_error.
[[nodiscard]] std::string to_dot(const story& s, const options& opts);

/// Lays the story out with dot and renders it: format "svg", "png" or "pdf". Returns the bytes.
/// Throws render_error.
[[nodiscard]] std::string render(const story& s, std::string_view format, const options& opts);

}  // namespace chronograph::render
