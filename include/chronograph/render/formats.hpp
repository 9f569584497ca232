// SPDX-License-Identifier: MIT
// More ways to take a story away: Mermaid, TimelineJS 3, GraphML and a self-contained HTML report.
// Invariant: every piece of article text is escaped for its target (Mermaid entity codes, JSON,
// XML, HTML), and the same story gives byte-identical text.
#pragma once

#include <string>

#include "chronograph/render/render.hpp"
#include "chronograph/story.hpp"

namespace chronograph::render {

/// A Mermaid `timeline` (story.mmd): one section per year, one period per date row of the
/// timeline view (same filter as `opts`), events as "summary (N sources)". Undated events go to
/// a last section "date not stated". Colons, '#', '%', '<' and '>' in article text are written
/// as Mermaid entity codes ("#58;") so they cannot end an event or open a comment or tag.
[[nodiscard]] std::string to_mermaid(const story& s, const options& opts);

/// TimelineJS 3 JSON (story.timeline.json): a title slide and one slide per dated event shown by
/// `opts` (start_date/end_date with the grain of its date, headline = summary, text = evidence
/// quotes with their sources as HTML-escaped paragraphs, group = year). Undated events are left
/// out (TimelineJS requires a date).
[[nodiscard]] std::string to_timelinejs(const story& s, const options& opts);

/// GraphML (story.graphml) for Gephi and yEd: every event, the time expressions that links name,
/// and every link whose ends exist, with their attributes (label, date, first/last day, salience,
/// sources, class, actors; link type, kind, evidence, rule, confidence).
[[nodiscard]] std::string to_graphml(const story& s);

/// A self-contained HTML report (story.html, no scripts, no network): the timeline SVG inline,
/// a table of the shown events (date, summary, actors, sources with quoted evidence), the causal
/// chains, links that contradict the dates, and the diagnostics. Throws render_error when
/// Graphviz fails.
[[nodiscard]] std::string to_html(const story& s, const options& opts);

}  // namespace chronograph::render
