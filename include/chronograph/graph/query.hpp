// SPDX-License-Identifier: MIT
// One entry point for `chronograph query`: a question word, its arguments (event references or
// dates), and a plain answer the CLI prints as text or JSON or draws (see render/answer.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/graph/event_graph.hpp"

namespace chronograph::graph {

/// The questions `ask` understands.
enum class question { causes, effects, before, after, path, between, around };

/// "causes", "effects", ... -> question; nullopt for anything else.
[[nodiscard]] std::optional<question> question_from_string(std::string_view word) noexcept;
[[nodiscard]] const char* to_string(question q) noexcept;

/// A question's answer, in plain values.
struct answer {
  question asked = question::causes;
  std::vector<std::string> arguments;   ///< as the user gave them
  std::vector<resolution> subjects;     ///< how each event reference was resolved (event questions)
  std::vector<time_span> dates;         ///< the parsed dates (between, around)
  long days = 0;                        ///< the window of `around`
  std::vector<event_hit> events;        ///< the answer's events, nearest/earliest first
  std::optional<std::vector<link_step>> path;  ///< for `path`: the chain, or nullopt if unconnected
};

/// Answers a question. Event references are ids or words (event_graph::resolve picks the best
/// match; the answer keeps the other candidates); dates are TIMEX3-style values ("2025-04",
/// "2025-06-05", "2025-W22"). `days` is used by `around` only.
/// Throws input_error when the number of arguments is wrong, a reference matches no event, or a
/// date cannot be read — the message says which.
[[nodiscard]] answer ask(const event_graph& g, question q, const std::vector<std::string>& arguments, long days = 7);

/// ask() in steps, for callers that resolve event references themselves (the story store's
/// query index): begin_answer checks the arguments and reads the dates (throwing what ask
/// throws); the caller then appends to `subjects` one resolution per argument, in order, each
/// through require_match, when names_events(q); finish_answer fills the events (or the path)
/// from the graph. ask() is these steps with event_graph::resolve.
[[nodiscard]] answer begin_answer(question q, const std::vector<std::string>& arguments, long days);
/// True for the questions whose arguments are event references (not between and around).
[[nodiscard]] bool names_events(question q) noexcept;
/// `r`, or input_error "no event matches" naming `reference` when nothing matched.
[[nodiscard]] resolution require_match(resolution r, const std::string& reference);
/// Fills a.events (or a.path) for a begun answer whose subjects are resolved.
void finish_answer(const event_graph& g, answer& a);

/// The story restricted to some events: those events (in story order), the links among them
/// and to time expressions, the time expressions and documents they refer to, and the
/// diagnostics of those documents. For drawing an answer with render::to_dot / render::render.
[[nodiscard]] story substory(const story& s, const std::vector<std::string>& event_ids);

/// The events an answer names (its subjects and hits), for substory().
[[nodiscard]] std::vector<std::string> events_of(const answer& a);

}  // namespace chronograph::graph
