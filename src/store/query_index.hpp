// SPDX-License-Identifier: MIT
// The store's query index (schema version 3, docs/store.md): the cached story kept as one row
// per event, time expression, link, document and diagnostic; the event graph's id map and word
// index as tables; and a compact image of the graph (event dates and salience, the ends of every
// link, the timeline order). A question reads the image, resolves its references through the
// tables, and decodes only the rows its answer needs.
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

/// The tables of the index (created by the migration to schema version 3).
extern const char* const query_index_schema;

/// Deletes the index (every write to the store does, in its transaction).
void clear_query_index(sqlite3* db, const std::string& file);

/// Replaces the index by the index of `s`, marked as written by `program`. Runs in the caller's
/// transaction.
void write_query_index(sqlite3* db, const std::string& file, const story& s, std::string_view program);

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

  [[nodiscard]] graph::resolution resolve(const std::string& reference) const;
  [[nodiscard]] std::optional<std::uint32_t> vertex_of(std::string_view id) const;
  [[nodiscard]] std::vector<std::uint32_t> needed_vertices(const graph::answer& a) const;
  /// Adds to the excerpt `x` (read from the rows event_rows, timex_rows and link_rows, whose
  /// vertices and links are marked in `in` and `link_in`) the links and time expressions drawing
  /// the answer `a` reads besides (see ask).
  void add_drawn_rows(const graph::answer& a, const std::vector<std::size_t>& event_rows,
                      const std::vector<std::size_t>& timex_rows, const std::vector<std::size_t>& link_rows,
                      std::vector<char>& in, const std::vector<char>& link_in, story& x) const;
  [[nodiscard]] bool is_event(std::uint32_t v) const noexcept { return v < event_vertices_; }

  sqlite3* db_;
  const std::string& file_;
  mutable std::optional<statement> id_lookup_;  // prepared once
  // The image.
  std::size_t documents_ = 0, timexes_ = 0, events_ = 0, links_ = 0, diagnostics_ = 0;
  std::size_t vertices_ = 0, event_vertices_ = 0;
  bool exact_ = false;  // event vertex v is story event v, timex vertex v is timex v - events
  std::vector<double> salience_;                        // per event vertex
  std::vector<std::optional<graph::time_span>> span_;  // per event vertex
  std::vector<link_ends> ends_;                         // per story link
  std::vector<std::uint32_t> by_date_;                  // dated event vertices, timeline order
  // Adjacency: the links leaving / entering each vertex, in link order.
  std::vector<std::uint32_t> out_start_, out_, in_start_, in_;
};

}  // namespace chronograph::store::detail
