// SPDX-License-Identifier: MIT
// The store's query index (schema version 4, docs/store.md): the cached story kept as one row
// per event, time expression, link, document and diagnostic, and per event a small row of what
// printing reads (its label); the event graph's id map and word index as tables; and a compact
// image of the graph (event dates and salience, the ends of every link, the timeline order). A
// question reads the image, resolves its references through the tables, walks the image as
// event_graph walks its graph (graph/walk.hpp), and reads only the rows its output needs.
// Invariant: query_index::ask gives the answer graph::ask gives on the event graph of the whole
// story, and an excerpt of the story from which render::answer_to_text and answer_to_json (and,
// for excerpt_use::drawing, graph::substory(excerpt, graph::events_of(answer))) give what they
// give on the whole story.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "chronograph/graph/query.hpp"
#include "chronograph/story.hpp"
#include "chronograph/store/store.hpp"
#include "sqlite.hpp"

namespace chronograph::store::detail {

/// The tables of the index as schema version 3 made them (the migration from version 2).
extern const char* const query_index_schema_v3;
/// What the migration from schema version 3 to 4 changes in them (then the index is cleared).
extern const char* const query_index_changes_v4;

/// Deletes the index (every write to the store does, in its transaction).
void clear_query_index(sqlite3* db, const std::string& file);

/// Replaces the index by the index of `s`, marked as written by `program`. Runs in the caller's
/// transaction.
void write_query_index(sqlite3* db, const std::string& file, const story& s, std::string_view program);

/// What printing reads of events (rows of story_event_labels: id, summary, trigger, when.value),
/// read once per event and kept in one character buffer.
class event_labels {
 public:
  /// Reads the rows of the events `vertices` (any order, repeats allowed) not read yet.
  void read(sqlite3* db, const std::string& file, std::size_t events, std::vector<std::uint32_t> vertices);
  [[nodiscard]] std::string_view id(std::size_t v) const noexcept { return field(v, 0); }
  [[nodiscard]] std::string_view summary(std::size_t v) const noexcept { return field(v, 1); }
  [[nodiscard]] std::string_view trigger(std::size_t v) const noexcept { return field(v, 2); }
  [[nodiscard]] std::string_view value(std::size_t v) const noexcept { return field(v, 3); }

 private:
  [[nodiscard]] std::string_view field(std::size_t v, std::size_t f) const noexcept {
    const std::size_t n = 4 * (slot_[v] - 1) + f;
    const std::size_t begin = n == 0 ? 0 : ends_[n - 1];
    return std::string_view(chars_).substr(begin, ends_[n] - begin);
  }
  std::vector<std::uint32_t> slot_;  // per event: its row's number + 1, 0 when not read
  std::vector<std::size_t> ends_;    // per row, 4 fields: where each ends in chars_
  std::string chars_;
};

/// An open index: the graph image, read once; rows are read as questions need them.
class query_index {
 public:
  /// The index of the store when it was written by `program`, else nullopt. Throws input_error
  /// when the image is corrupt.
  static std::optional<query_index> open(sqlite3* db, const std::string& file, std::string_view program);

  /// The whole story, from the rows.
  [[nodiscard]] story whole_story() const;

  /// graph::ask on the graph of the whole story, and the excerpt the answer needs for `use`.
  /// Throws what graph::ask throws.
  [[nodiscard]] query_result ask(graph::question q, const std::vector<std::string>& arguments, long days,
                                 excerpt_use use) const;

  struct link_ends {
    std::uint32_t from = 0, to = 0;  ///< vertices, or none when the id names no vertex
    std::uint8_t flags = 0;          ///< see query_index.cpp
  };
  static constexpr std::uint32_t none = 0xffffffffu;

 private:
  query_index(sqlite3* db, const std::string& file) : db_(db), file_(file) {}

  struct image_view;  // the image as a graph/walk.hpp view

  [[nodiscard]] graph::resolution resolve(const std::string& reference) const;
  [[nodiscard]] std::optional<std::uint32_t> vertex_of(std::string_view id) const;
  /// Adds to `links` and `timexes` the links graph::substory keeps of a story made of the events
  /// `answer_event` marks (each to another of them, or between one of them and a time
  /// expression) and the time expressions they name.
  void add_drawn_links(const std::vector<char>& answer_event, std::vector<std::uint32_t>& links,
                       std::vector<std::uint32_t>& timexes) const;
  /// Adds to x the documents `docs` names, in story order, and with `diagnostics` their diagnostics.
  void add_documents(std::vector<std::string> docs, bool diagnostics, story& x) const;
  [[nodiscard]] bool is_event(std::uint32_t v) const noexcept { return v < event_vertices_; }

  sqlite3* db_;
  const std::string& file_;
  mutable std::optional<statement> id_lookup_;  // prepared once
  mutable event_labels labels_;                 // the labels read so far
  // The image.
  std::size_t documents_ = 0, timexes_ = 0, events_ = 0, links_ = 0, diagnostics_ = 0;
  std::size_t vertices_ = 0, event_vertices_ = 0;
  bool exact_ = false;  // event vertex v is story event v, timex vertex v is timex v - events
  std::vector<double> salience_;                        // per event vertex
  std::vector<std::optional<graph::time_span>> span_;  // per event vertex
  std::vector<link_ends> ends_;                         // per story link
  std::vector<std::uint32_t> by_date_;                  // dated event vertices, timeline order
  long longest_days_ = 0;                               // the longest span of a dated event
  // Adjacency: the links leaving / entering each vertex, in link order.
  std::vector<std::uint32_t> out_start_, out_, in_start_, in_;
};

}  // namespace chronograph::store::detail
