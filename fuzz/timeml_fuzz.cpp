// SPDX-License-Identifier: MIT
// The TimeML reader: arbitrary bytes parse or throw input_error; what parses writes back and
// parses again to the same text and annotations.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chronograph/error.hpp"
#include "chronograph/ingest/timeml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph;
  ingest::timeml_document doc;
  try {
    doc = ingest::parse_timeml(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.tml");
  } catch (const input_error&) {
    return 0;
  }
  for (const auto& a : doc.annotations)
    if (a.span.end > doc.text.size() || a.span.begin > a.span.end) __builtin_trap();
  std::string written;
  try {
    written = ingest::write_timeml(doc);
  } catch (const input_error&) {
    return 0;  // e.g. annotations that partially overlap cannot be written back
  }
  const auto again = ingest::parse_timeml(written, "rewritten.tml");
  if (again.text != doc.text || again.annotations.size() != doc.annotations.size()) __builtin_trap();
  return 0;
}
