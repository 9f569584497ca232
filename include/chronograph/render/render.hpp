// SPDX-License-Identifier: MIT
// Rendering a story: Graphviz DOT built with cgraph, laid out and rendered in-process with gvc.
#pragma once

#include <string>
#include <string_view>

#include "chronograph/story.hpp"

namespace chronograph::render {

/// timeline: a date axis top to bottom, events on their dates; causal: cause -> effect chains
/// left to right, dates in the labels.
enum class view { timeline, causal };

struct options {
  view layout = view::timeline;
  /// false: only salient events (salience >= min_salience); an undated event then also needs
  /// salience >= 0.75 or a link to a shown dated event. The causal view keeps every causal link
  /// with at least one salient end.
  bool all_events = false;
  double min_salience = 0.5;
  /// Only events whose date overlaps [from, to] (TIMEX3 dates such as "2025-04" or
  /// "2025-06-05"; "" leaves that end open). When either is set, undated events are left out.
  /// An unreadable date throws input_error.
  std::string from, to;
  /// Only events with an actor containing this text (ASCII case-insensitive); "" keeps all.
  std::string actor;
};

/// The story as Graphviz DOT text (deterministic), written by cgraph without layout.
/// Throws render_error, or input_error for an unreadable opts.from / opts.to.
[[nodiscard]] std::string to_dot(const story& s, const options& opts);

/// Lays the story out with dot and renders it: format "svg", "png" or "pdf". Returns the bytes.
/// Thread-safe (Graphviz calls are serialised). Throws render_error (an unknown format, a
/// Graphviz failure), or input_error for an unreadable opts.from / opts.to.
[[nodiscard]] std::string render(const story& s, std::string_view format, const options& opts);

}  // namespace chronograph::render
