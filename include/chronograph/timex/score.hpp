// SPDX-License-Identifier: MIT
// TempEval-3 (Task A) scoring of TIMEX3 annotations, and the bridge from mentions to TimeML.
// Definitions: strict = identical extent, relaxed = any overlap (one-to-one, in text order);
// value and type F1 = attribute accuracy over relaxed matches x relaxed F1; the DCT timex (in
// <DCT>, outside TEXT) is never scored; documents are paired by DOCID; counts are micro-averaged.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "chronograph/ingest/timeml.hpp"
#include "chronograph/timex/mention.hpp"

namespace chronograph::timex {

struct timex_counts {
  std::size_t gold = 0, system = 0;
  std::size_t strict = 0, relaxed = 0;       ///< matched pairs
  std::size_t value_correct = 0, type_correct = 0;  ///< among relaxed matches
  timex_counts& operator+=(const timex_counts& o);
};

struct prf {
  double precision = 0, recall = 0, f1 = 0;
};

/// One disagreement, for per-document detail.
struct timex_error {
  enum kind_type { missed, spurious, extent, value, type } kind = missed;
  std::string gold_text, gold_value, gold_type;
  std::string system_text, system_value, system_type;
  byte_span gold_span{}, system_span{};
};
[[nodiscard]] const char* to_string(timex_error::kind_type k) noexcept;

struct document_score {
  std::string docid;
  timex_counts counts;
  std::vector<timex_error> errors;  ///< filled when detail was requested
};

struct timex_score {
  timex_counts counts;
  prf strict, relaxed;
  double value_accuracy = 0, type_accuracy = 0;  ///< over relaxed matches
  double value_f1 = 0, type_f1 = 0;              ///< accuracy x relaxed F1
  std::vector<document_score> documents;          ///< in gold DOCID order
  std::vector<std::string> missing_system;        ///< gold DOCIDs without a system document
  std::vector<std::string> unpaired_system;       ///< system DOCIDs without a gold document
};

/// Scores system against gold TIMEX3 annotations. Documents pair by DOCID (a gold document
/// without a system one counts all its timexes as missed). `detail` fills per-document errors.
[[nodiscard]] timex_score score_timex(const std::vector<ingest::timeml_document>& gold,
                                      const std::vector<ingest::timeml_document>& system, bool detail = false);

/// Reads every *.tml under `gold_dir` and `system_dir` (recursively, sorted) and scores them as
/// score_timex(). A file that cannot be parsed is skipped and its error message ("file:line:
/// what") appended to `failures`; throws io_error when a directory cannot be read or holds no
/// .tml file. For `chronograph eval timex --gold DIR --system DIR`.
[[nodiscard]] timex_score score_timex_directories(const std::filesystem::path& gold_dir,
                                                  const std::filesystem::path& system_dir, bool detail,
                                                  std::vector<std::string>& failures);

/// A readable report: the totals table, and per-document counts and errors when present.
[[nodiscard]] std::string format_score(const timex_score& score, bool detail = false);

/// TIMEX3 inline annotations for mentions (tid, type, value, and mod/quant/freq when set), in
/// text order, for ingest::write_timeml.
[[nodiscard]] std::vector<ingest::timeml_annotation> to_timeml(const std::vector<mention>& mentions);

/// The TIMEX3 annotations of a TimeML document as mentions (id, span, text, type, value, mod,
/// quant, freq), in text order: gold times for the stages that take them as given. An unknown
/// type reads as DATE.
[[nodiscard]] std::vector<mention> from_timeml(const ingest::timeml_document& doc);

/// A copy of `source` (DOCID, DCT, TITLE, TEXT) whose inline annotations and trailing elements
/// are replaced by the mentions' TIMEX3s: what `chronograph timeml` writes.
[[nodiscard]] ingest::timeml_document with_timexes(const ingest::timeml_document& source,
                                                   const std::vector<mention>& mentions);

}  // namespace chronograph::timex
