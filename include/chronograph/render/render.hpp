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
  /// Only events whose date overlaps [from, to] (TIMEX3 dates such as "2025-04" or
  /// "2025-06-05"; "" leaves that end open). When either is set, undated events are left out.
  /// An unreadable date throws input_error.
  std::string from, to;
  /// Only events with an actor containing this text (ASCII case-insensitive); "" keeps all.
  std::string actor;
};

/// The story as Graphviz DOT text (deterministic). Throws render_error.
[[nodiscard]] std::string to_dot(const story& s, const options& opts);

/// Lays the story out with dot and renders it: format "svg", "png" or "pdf". Returns the bytes.
/// Throws render_error.
[[nodiscard]] std::string render(const story& s, std::string_view format, const options& opts);

}  // namespace chronograph::render
