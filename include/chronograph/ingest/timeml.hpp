// SPDX-License-Identifier: MIT
// TimeML / TempEval-3 (.tml) documents: a reader that recovers the raw TEXT and the inline
// annotations as byte spans into it, and a writer that puts annotations back inline.
// Invariant: `text` is the TEXT element's character content with XML entities decoded and every
// other character unchanged; every annotation span is a [begin, end) BYTE range into `text`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph::ingest {

/// Attributes in document order (TimeML output keeps the order it was given).
using timeml_attributes = std::vector<std::pair<std::string, std::string>>;

/// Value of attribute `name`, or "" when absent.
[[nodiscard]] std::string_view attribute(const timeml_attributes& attributes, std::string_view name) noexcept;

/// An inline element of TEXT: TIMEX3, EVENT, SIGNAL, C-SIGNAL, ... with its extent.
struct timeml_annotation {
  byte_span span;                ///< into timeml_document::text
  std::string tag;               ///< "TIMEX3", "EVENT", "SIGNAL", ...
  timeml_attributes attributes;  ///< e.g. tid, type, value, mod
  [[nodiscard]] std::string_view attr(std::string_view name) const noexcept { return attribute(attributes, name); }
};

/// An element after TEXT: MAKEINSTANCE, TLINK, SLINK, ALINK, CLINK (empty elements).
struct timeml_element {
  std::string tag;
  timeml_attributes attributes;
  [[nodiscard]] std::string_view attr(std::string_view name) const noexcept { return attribute(attributes, name); }
};

struct timeml_document {
  std::string path;                     ///< as read ("" when parsed from memory)
  std::string docid;                    ///< <DOCID>; the file stem when the file has none
  std::string dct_value;                ///< value of the DCT TIMEX3 ("1998-01-08"), "" if none
  std::optional<creation_time> dct;     ///< dct_value parsed (nullopt if absent or not a day/time)
  timeml_attributes dct_attributes;     ///< all attributes of the DCT TIMEX3 (tid, type, value, ...)
  std::string dct_text;                 ///< the DCT TIMEX3's content ("19980108")
  std::string title;                    ///< <TITLE> content, if any (entities decoded)
  std::string text;                     ///< TEXT content, entities decoded
  std::vector<timeml_annotation> annotations;  ///< inline elements, sorted by (begin, -end)
  std::vector<timeml_element> trailing;        ///< elements after TEXT, in order

  /// Inline annotations with the given tag, in text order.
  [[nodiscard]] std::vector<const timeml_annotation*> annotations_with_tag(std::string_view tag) const;
};

/// Parses TimeML from memory. `name` is used in error messages. Throws input_error
/// ("<name>:<line>: <what>") on malformed XML, unbalanced or too deeply nested (> 32) inline
/// elements, unknown entities, a missing TEXT element or invalid UTF-8.
[[nodiscard]] timeml_document parse_timeml(std::string_view xml, const std::string& name = "<memory>");

/// Reads and parses a .tml file. Throws io_error when it cannot be read, input_error as above.
[[nodiscard]] timeml_document read_timeml(const std::filesystem::path& path);

/// The .tml files of a directory (not recursive), sorted by name; a .tml file itself gives
/// just that file. Throws io_error when `where` does not exist or holds no .tml file.
[[nodiscard]] std::vector<std::filesystem::path> timeml_files(const std::filesystem::path& where);

/// read_timeml() of every file timeml_files() lists, in that order.
[[nodiscard]] std::vector<timeml_document> read_timeml_directory(const std::filesystem::path& where);

/// The document a TimeML file holds, for the pipeline: id = DOCID, path, TEXT, DCT.
[[nodiscard]] document document_of(const timeml_document& tml);

/// Escapes &, <, > (and " in attribute values) for XML.
[[nodiscard]] std::string xml_escape(std::string_view text, bool in_attribute = false);

/// Serialises a document TempEval-3 style: XML declaration, <TimeML>, DOCID, DCT (a TIMEX3
/// tid="t0" built from dct_attributes, or from dct_value when those are empty), TITLE when not
/// empty, TEXT with the annotations inline (text escaped, otherwise unchanged), then the
/// trailing elements. Annotations must nest properly (no partial overlap) and lie on UTF-8
/// character boundaries inside the text; otherwise input_error. Deterministic.
[[nodiscard]] std::string write_timeml(const timeml_document& doc);

/// write_timeml() to a file atomically (temporary file + rename). Throws io_error.
void write_timeml_file(const timeml_document& doc, const std::filesystem::path& path);

}  // namespace chronograph::ingest
