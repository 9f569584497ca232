// SPDX-License-Identifier: MIT
// A compact, versioned binary encoding of merge::document_analysis (the annotated document with
// its tokens and sentences, timexes, events, links and diagnostics), for the story store.
// Invariant: deserialize_analysis(serialize_analysis(a)) reproduces every field of `a` exactly
// (doubles bit for bit); the encoding is deterministic (same analysis, same bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "chronograph/merge/merge.hpp"

namespace chronograph::store {

/// Version of the analysis encoding written by serialize_analysis (docs/store.md).
inline constexpr std::uint32_t analysis_format_version = 4;  // 2: event bounds and is_future; 3: mention_of;
                                                              // 4: presupposed

/// Encodes an analysis: the magic "CGA", the format version, then every field in declaration
/// order (unsigned LEB128 integers, zigzag for signed ones, length-prefixed UTF-8 strings,
/// IEEE-754 doubles little-endian). Never throws except std::bad_alloc.
[[nodiscard]] std::string serialize_analysis(const merge::document_analysis& analysis);

/// Decodes what serialize_analysis wrote. Throws input_error naming `origin` when the bytes are
/// truncated, corrupt, or of an unknown format version.
[[nodiscard]] merge::document_analysis deserialize_analysis(std::string_view bytes, const std::string& origin = "analysis");

/// Version of the story encoding written by serialize_story.
inline constexpr std::uint32_t story_format_version = 2;  // 2: event bounds and is_future

/// Encodes a whole story (the store's cache of its built story) like serialize_analysis: the
/// magic "CGS", the format version, then every field. Deterministic.
[[nodiscard]] std::string serialize_story(const story& s);

/// Decodes what serialize_story wrote; throws input_error naming `origin` on corrupt data.
[[nodiscard]] story deserialize_story(std::string_view bytes, const std::string& origin = "story");

/// A 128-bit content hash (32 hex digits) of what determines a document's analysis: its text,
/// DCT, genre and source. Not cryptographic; used to detect changed documents.
[[nodiscard]] std::string content_hash(const document& doc);

}  // namespace chronograph::store
