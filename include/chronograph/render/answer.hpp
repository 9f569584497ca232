// SPDX-License-Identifier: MIT
// Printing the answer to a `chronograph query` question (graph/query.hpp) as text or JSON.
// To draw it, render graph::substory(story, graph::events_of(answer)) with render.hpp.
#pragma once

#include <string>

#include "chronograph/graph/query.hpp"
#include "chronograph/story.hpp"

namespace chronograph::render {

/// For people: the resolved subject (and the other candidates), then one numbered line per
/// event with its date, and under it the links that connect it, with their evidence quotes and
/// source names. Ends with a newline. `s` is the story the graph was built from.
[[nodiscard]] std::string answer_to_text(const graph::answer& a, const story& s);

/// For programs: {"question", "arguments", "subjects": [{"reference", "best", "exact",
/// "candidates": [{"id", "summary", "score"}]}], "dates": [{"first_day", "last_day"}],
/// "days" (around only), "events": [{"id", "summary", "when", "distance", "gap_days" (or
/// null), "basis", "via": [link]}], "path": [link] or null (path only)}, where a link is
/// {"from", "to", "type", "evidence": {"doc", "start", "end", "text"}, "rule", "confidence"}
/// as in story JSON. Pretty-printed, fixed key order, ends with a newline.
[[nodiscard]] std::string answer_to_json(const graph::answer& a, const story& s);

}  // namespace chronograph::render
