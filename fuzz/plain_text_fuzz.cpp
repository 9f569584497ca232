// SPDX-License-Identifier: MIT
// Plain-text reading: arbitrary bytes either become a valid UTF-8 document or an input_error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto doc = ingest::make_document("fuzz", "fuzz.txt", bytes, {});
    if (find_invalid_utf8(doc.text)) __builtin_trap();  // accepted text must be valid UTF-8
    (void)ingest::title_of(doc.text);
  } catch (const input_error&) {
  }
  ingest::read_options lenient;
  lenient.lenient = true;
  try {
    const auto doc = ingest::make_document("fuzz", "fuzz.txt", bytes, lenient);
    if (find_invalid_utf8(doc.text)) __builtin_trap();
  } catch (const input_error&) {  // binary (NUL bytes) is still refused
  }
  return 0;
}
