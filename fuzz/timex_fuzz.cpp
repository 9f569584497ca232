// SPDX-License-Identifier: MIT
// The whole per-document pipeline (text, timex recognizer and resolver, events, relations) on
// arbitrary valid UTF-8 with a DCT taken from the first bytes: it must never crash or hang, and
// every span must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chronograph/pipeline.hpp"
#include "chronograph/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph;
  static const pipeline_models models = pipeline_models::load_default();
  if (size < 2) return 0;
  // Two bytes choose a DCT between 1900 and 2155 (or none), the rest is the text.
  document doc;
  doc.id = "fuzz";
  if (data[0] != 0) doc.dct = creation_time{date::sys_days{date::year{1900 + data[0]} / date::month{1u + data[1] % 12u} / 1},
                                            std::nullopt};
  doc.text = replace_invalid_utf8(std::string(reinterpret_cast<const char*>(data + 2), size - 2));
  const auto a = analyze_document(doc, models);
  for (const auto& t : a.timexes)
    if (t.span.end > a.annotated.doc.text.size() || t.span.begin > t.span.end) __builtin_trap();
  for (const auto& e : a.events)
    if (e.span.end > a.annotated.doc.text.size() || e.span.begin > e.span.end) __builtin_trap();
  (void)merge::build_story({a});
  return 0;
}
