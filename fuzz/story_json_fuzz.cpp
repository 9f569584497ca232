// SPDX-License-Identifier: MIT
// The story JSON reader: arbitrary bytes give a story or an input_error; a story that was read
// writes and reads back to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chronograph/error.hpp"
#include "chronograph/render/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph;
  story s;
  try {
    s = render::story_from_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const input_error&) {
    return 0;
  }
  const auto json = render::to_json(s);
  if (render::to_json(render::story_from_json(json, "rewritten.json")) != json) __builtin_trap();
  return 0;
}
