// SPDX-License-Identifier: MIT
// JSON schema version 1 (docs/json-schema.md): writing and reading a story.
#pragma once

#include <string>
#include <string_view>

#include "chronograph/story.hpp"

namespace chronograph::render {

/// The story as JSON schema v1, pretty-printed, keys in a fixed order (deterministic).
[[nodiscard]] std::string to_json(const story& s);

/// One document's story on a single line (for `extract --jsonl`), with "id" first.
[[nodiscard]] std::string to_json_line(const std::string& id, const story& s);

/// Reads a story written by to_json. Throws input_error naming `origin` and what is wrong.
[[nodiscard]] story story_from_json(std::string_view json, const std::string& origin);

namespace detail {
/// story_from_json through nlohmann's parser alone (what story_from_json falls back to for any
/// input its fast reader does not take); for tests.
[[nodiscard]] story story_from_json_tree(std::string_view json, const std::string& origin);
}  // namespace detail

}  // namespace chronograph::render
