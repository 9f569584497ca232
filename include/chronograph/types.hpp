// SPDX-License-Identifier: MIT
// Core value types shared by every stage: spans, documents, creation times, diagnostics.
// Invariant: inside the library every span is a [begin, end) pair of BYTE offsets into the
// document's UTF-8 text; only the story (story.hpp) and its JSON use code-point offsets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <chrono>
#include <date/date.h>

namespace chronograph {

/// [begin, end) byte offsets into a document's UTF-8 text.
struct byte_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] std::size_t size() const noexcept { return end - begin; }
  [[nodiscard]] bool empty() const noexcept { return end <= begin; }
  [[nodiscard]] bool overlaps(const byte_span& o) const noexcept { return begin < o.end && o.begin < end; }
  [[nodiscard]] bool contains(const byte_span& o) const noexcept { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const byte_span& a, const byte_span& b) noexcept { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(const byte_span& a, const byte_span& b) noexcept { return !(a == b); }
  friend bool operator<(const byte_span& a, const byte_span& b) noexcept {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

/// A document creation time: a day, optionally with a time of day (UTC, seconds).
struct creation_time {
  date::sys_days day{};
  std::optional<std::chrono::seconds> time_of_day;
  /// ISO 8601: "2025-06-05" or "2025-06-05T14:30:00".
  [[nodiscard]] std::string iso() const;
  friend bool operator==(const creation_time& a, const creation_time& b) noexcept {
    return a.day == b.day && a.time_of_day == b.time_of_day;
  }
};

/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z|±hh:mm]" (zone offsets are normalised to UTC).
/// Returns nullopt for anything else, including impossible dates ("2025-02-30").
[[nodiscard]] std::optional<creation_time> parse_creation_time(std::string_view iso);

/// What kind of text a document is; it selects how relative times are anchored.
enum class genre { news, narrative };

/// One input document, as read: UTF-8 text (BOM removed, otherwise unchanged).
struct document {
  std::string id;                    ///< stable id: file stem or input record id
  std::string path;                  ///< as given on the command line ("-" for stdin)
  std::string source;                ///< outlet or neutral name ("article 1")
  std::string text;                  ///< UTF-8, validated
  std::optional<creation_time> dct;  ///< document creation time, if known
  std::string dct_origin;            ///< "option", "manifest", "record", "dateline", "timeml" or ""
  genre kind = genre::news;
};

enum class severity { info, warning, error };

/// A per-document condition worth telling the user about; processing goes on.
struct diagnostic {
  severity level = severity::warning;
  std::string stage;    ///< "ingest", "timex", ...
  std::string doc;      ///< document id, or "" for story-level
  byte_span span{};     ///< where in the document, if anywhere (empty otherwise)
  std::string rule;     ///< rule or check that produced it
  std::string message;
};

[[nodiscard]] const char* to_string(severity s) noexcept;

}  // namespace chronograph
