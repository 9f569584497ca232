// SPDX-License-Identifier: MIT
// What a timeline or causal picture shows, decided apart from Graphviz: the rows of the date axis,
// the events on each row, the links worth drawing and how. Pure values; the Graphviz writer
// (graphviz.cpp) and other writers turn it into pictures.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "chronograph/graph/time_value.hpp"
#include "chronograph/render/render.hpp"
#include "chronograph/story.hpp"

namespace chronograph::render::detail {

/// One rank of the date axis.
struct axis_row {
  enum class kind { earlier, dated, later, unknown };
  kind place = kind::dated;
  std::optional<graph::time_span> span;  ///< set for dated rows
  std::string heading;                   ///< "June 2025" when this row opens a month (or year), else ""
  std::string label;                     ///< "Thu 5", "week of 26 May", "April 2025", "date not stated"
  std::string gap;                       ///< "3 months later" from the previous dated row, or ""
  long gap_days = 0;
  std::vector<std::size_t> events;       ///< indices into story::events, by salience then id
};

/// How a drawn link looks.
enum class link_style { causal, temporal, conflict };

struct drawn_link {
  std::size_t from = 0, to = 0;  ///< indices into story::events
  std::size_t link = 0;          ///< index into story::links
  link_style style = link_style::temporal;
  std::string label;             ///< "", "enables", "before", "stated BEFORE, dates disagree", ...
};

/// An event as a picture shows it.
struct shown_event {
  std::size_t index = 0;     ///< into story::events
  std::string date_text;     ///< "5 Jun 2025", "April 2025", "date not stated", "(inferred)" added
  std::size_t sources = 0;   ///< distinct documents
  bool is_future = false;    ///< future, planned or hypothetical
  bool is_negated = false;
  bool is_inferred = false;  ///< date inferred, or coarser than a day
};

struct timeline_model {
  std::vector<axis_row> rows;          ///< earlier, dated rows in date order, later, unknown
  std::vector<shown_event> events;     ///< by story order, only those shown
  std::vector<drawn_link> links;       ///< by story order
  std::size_t hidden_events = 0;       ///< left out for salience (or undated and unlinked)
  std::size_t undrawn_links = 0;       ///< long links left out of a big picture (see build_timeline)
  std::string title;                   ///< "17 Jan 2025 – 5 Jun 2025 · 9 events · 2 documents"
  /// Position in `events` of a story event index, if shown.
  [[nodiscard]] std::optional<std::size_t> shown(std::size_t event_index) const;
};

/// Undated events need this salience (or a link to a shown dated event) to be shown, unless
/// options::all_events.
inline constexpr double undated_salience = 0.75;

/// Builds the timeline view: events filtered by opts (all_events / min_salience, from / to /
/// actor; undated ones see undated_salience), one axis row
/// per distinct day span, temporal links drawn only when the axis does not already say them
/// (same row, undated end) or when they contradict the dates (conflict), causal links always.
/// Links are drawn shortest first while the rows they cross add up to at most `max_crossed_rows`
/// (dot routes each crossed row as a virtual node: 1,000 events with long links took 20 s);
/// the others are counted in undrawn_links and named in the title.
inline constexpr std::size_t max_crossed_rows = 6000;
[[nodiscard]] timeline_model build_timeline(const story& s, const options& opts);

/// Builds the causal view: the shown events that take part in a causal link between shown
/// events, and those links (conflict style when the cause is dated after its effect).
[[nodiscard]] timeline_model build_causal(const story& s, const options& opts);

/// Wraps text at spaces to lines of at most `width` code points (longer words stay whole) and
/// cuts it after `max_lines` lines with "…".
[[nodiscard]] std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t max_lines);

}  // namespace chronograph::render::detail
