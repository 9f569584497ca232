// SPDX-License-Identifier: MIT
// The parts of a story encoded one by one, as serialize_story encodes them inside a story: the
// rows of the store's query index (query_index.cpp). Decoding throws input_error naming
// `origin` on corrupt data.
#pragma once

#include <string>
#include <string_view>

#include "chronograph/story.hpp"

namespace chronograph::store::detail {

[[nodiscard]] std::string encode(const story_document& d);
[[nodiscard]] std::string encode(const story_timex& t);
[[nodiscard]] std::string encode(const story_event& e);
[[nodiscard]] std::string encode(const story_link& l);
[[nodiscard]] std::string encode(const story_diagnostic& d);

[[nodiscard]] story_document decode_document(std::string_view bytes, const std::string& origin);
[[nodiscard]] story_timex decode_timex(std::string_view bytes, const std::string& origin);
[[nodiscard]] story_event decode_event(std::string_view bytes, const std::string& origin);
[[nodiscard]] story_link decode_link(std::string_view bytes, const std::string& origin);
[[nodiscard]] story_diagnostic decode_diagnostic(std::string_view bytes, const std::string& origin);

}  // namespace chronograph::store::detail
