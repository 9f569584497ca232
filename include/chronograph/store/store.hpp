// SPDX-License-Identifier: MIT
// The persistent story store (SQLite): per-document analyses added incrementally, and user
// corrections that survive rebuilds. The schema is documented in docs/store.md.
// Invariant: the story of a store is always merge::build_story over every stored analysis
// followed by the corrections in the order they were made, so ingesting documents in any order,
// in one or many ingests, gives the same story as one `build` over them (plus corrections).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/graph/query.hpp"
#include "chronograph/merge/merge.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/story.hpp"

namespace chronograph::store {

/// The schema version this build writes and reads (meta table, key "schema_version").
inline constexpr int schema_version = 4;

/// A stored document, without its analysis.
struct stored_document {
  std::string id, path, source;
  std::optional<std::string> dct;  ///< ISO date or datetime
  std::string content_hash;        ///< content_hash() of the document when it was analyzed
  std::size_t text_bytes = 0;
};

/// What an ingest did with one input document.
enum class ingest_status { added, replaced, unchanged, failed };
[[nodiscard]] const char* to_string(ingest_status s) noexcept;  ///< "added", "replaced", ...

struct ingest_outcome {
  std::string id, path;
  ingest_status status = ingest_status::failed;
  std::string message;  ///< why it failed; empty otherwise
};

struct ingest_options {
  unsigned jobs = 1;  ///< analysis threads (0 = all cores)
  /// Called as documents are analyzed (done, total), from worker threads, serialized.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Called inside the transaction after each document is written (count written so far). For
  /// tests that simulate a crash mid-ingest; may block or never return.
  std::function<void(std::size_t)> after_write;
};

/// Corrections a user makes to the merged story. Each names events by the mention ids
/// ("<doc>:e5") they held when the correction was made, because story event ids are derived
/// from content and can change when documents are added.
enum class correction_kind { pin, merge, split, hide };
[[nodiscard]] const char* to_string(correction_kind k) noexcept;  ///< "pin", "merge", "split", "hide"
[[nodiscard]] std::optional<correction_kind> correction_kind_from_string(std::string_view name) noexcept;

struct correction {
  std::int64_t id = 0;                   ///< order of application (assigned by the store)
  correction_kind kind = correction_kind::pin;
  std::vector<std::string> mentions;     ///< the (first) event's mention ids, sorted
  std::vector<std::string> other;        ///< merge: the second event's mention ids; split: the one mention
  std::string value;                     ///< pin: the TIMEX3 date value
  std::string label;                     ///< the event id and summary the user saw (for listings)
};

/// Applies corrections to a merged story, in order. A correction whose mentions no longer
/// exist (documents removed) is skipped with a warning diagnostic (stage "store").
/// Events are re-sorted as merge sorts them; links to hidden events are dropped; links of merged
/// events are redirected and deduplicated. Pure and deterministic.
[[nodiscard]] story apply_corrections(story s, const std::vector<correction>& corrections);

/// Builds a correction against the current story `s`: resolves each event argument (a story
/// event id "ev-…", or a mention id "<doc>:e5") to its mention ids. Throws input_error when an
/// argument names no event, when a pin value is not a TIMEX3 date, or the arguments do not fit
/// the kind (merge: two different events; split: an event and one of its mentions, the event
/// having more than one).
[[nodiscard]] correction make_correction(const story& s, correction_kind kind, const std::vector<std::string>& arguments);

/// What the excerpt of a query_result is for.
enum class excerpt_use {
  printing,  ///< render::answer_to_text and render::answer_to_json
  drawing,   ///< those, and graph::substory(excerpt, graph::events_of(answer)) (render::to_dot, render::render)
};

/// A question answered by a store (story_store::ask).
struct query_result {
  graph::answer answer;  ///< as graph::ask gives it on the event graph of the store's story
  /// The part of the story the output reads, in story order; what the excerpt is for gives on
  /// it what it gives on the whole story. When answered from the query index: for printing,
  /// the events and time expressions the printed answer names by label (its subjects, the ends
  /// of its link steps; events hold only id, summary, trigger and when.value), the links of its
  /// steps and their documents; for drawing, the answer's events whole (graph::events_of), the
  /// links graph::substory keeps and those of the steps, the time expressions they and the
  /// events' anchors name, every document of all these and those documents' diagnostics.
  /// Otherwise (no index in a read-only store, or ids naming several events): the whole story.
  story excerpt;
};

/// An open store. Move-only; closes the database when destroyed.
class story_store {
 public:
  /// read_write creates a missing store; update needs an existing one and falls back to
  /// read-only when the file is write-protected.
  enum class open_mode { read_only, read_write, update };
  /// Opens and migrates the schema to schema_version (in one transaction).
  /// Throws io_error when the file cannot be opened or is not a chronograph store, and
  /// io_error naming both versions when the store was written by a newer schema.
  [[nodiscard]] static story_store open(const std::filesystem::path& file, open_mode mode = open_mode::read_write);

  story_store(story_store&&) noexcept;
  story_store& operator=(story_store&&) noexcept;
  ~story_store();

  /// The schema version of the open store (== schema_version after open).
  [[nodiscard]] int version() const;

  /// Adds documents in ONE write transaction (taken after the analysis, which runs first so
  /// that other processes wait only for the writes): a document whose id is stored with the same
  /// content_hash is left unchanged; one with a new hash replaces the stored one; new ids are
  /// added. Documents the pipeline fails on are reported (status failed) and skipped. If the
  /// process dies before the end, nothing of this ingest is stored. Outcomes are in input
  /// order. Two inputs with the same id: the last one wins. Throws io_error on database errors
  /// (the transaction is rolled back).
  [[nodiscard]] std::vector<ingest_outcome> ingest(std::vector<document> docs, const pipeline_models& models,
                                                   const ingest_options& options = {});

  /// Stores an analysis already made (replacing one with the same document id). Used by ingest
  /// and by tools that analyze elsewhere. One transaction.
  void put(const merge::document_analysis& analysis);
  /// put() for many analyses in one transaction.
  void put_all(const std::vector<merge::document_analysis>& analyses);

  /// Removes a document; false when no document has that id.
  bool remove(const std::string& doc_id);

  /// Every stored document, sorted by id.
  [[nodiscard]] std::vector<stored_document> documents() const;
  /// Every stored analysis, sorted by document id. Throws input_error when one is corrupt.
  [[nodiscard]] std::vector<merge::document_analysis> analyses() const;
  /// The stored analysis of one document, if any.
  [[nodiscard]] std::optional<merge::document_analysis> analysis(const std::string& doc_id) const;

  /// merge::build_story over every stored analysis, then apply_corrections.
  [[nodiscard]] story build() const;
  /// build(), from the store's cache when it holds the story built by this program version
  /// since the last change; otherwise built and (unless read-only) cached. For queries.
  [[nodiscard]] story cached_story();
  /// graph::ask on the event graph of cached_story(), without loading the whole story when the
  /// store's query index is there (it is written with the cache): only the rows the answer
  /// and `use` need are read. Throws input_error as graph::ask does.
  [[nodiscard]] query_result ask(graph::question q, const std::vector<std::string>& arguments, long days = 7,
                                 excerpt_use use = excerpt_use::drawing);
  /// merge::build_story without the corrections (what the corrections apply to).
  [[nodiscard]] story build_uncorrected() const;

  /// Records a correction (assigning its id); returns it.
  correction add_correction(correction c);
  /// Every correction, in order of application.
  [[nodiscard]] std::vector<correction> corrections() const;
  /// Deletes one correction; false when there is none with that id.
  bool remove_correction(std::int64_t id);

  struct impl;

 private:
  explicit story_store(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace chronograph::store
