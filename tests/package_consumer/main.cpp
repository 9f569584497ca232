// SPDX-License-Identifier: MIT
// Built against the installed chronograph package: one text with a DCT must give a story with a
// resolved date, and the in-memory renderings must look like SVG, PNG and JSON.
#include <chronograph/chronograph.hpp>

#include <iostream>
#include <string>

namespace {
int failures = 0;
void check(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "FAIL: " << what << '\n';
    ++failures;
  }
}
}  // namespace

int main() {
  try {
    chronograph::set_resource_root(CONSUMER_RESOURCE_DIR);  // the installed share/chronograph
    const chronograph::story s = chronograph::build(
        {{"council", "The city council approved the harbor bridge on Monday after a long debate.", "2025-06-05",
          "City Herald"}});

    check(s.documents.size() == 1 && s.documents[0].dct && s.documents[0].dct->rfind("2025-06-05", 0) == 0,
          "the document keeps its DCT");
    bool found_date = false;  // "on Monday" before Thursday 2025-06-05 is 2025-06-02
    for (const auto& t : s.timexes) found_date = found_date || t.value == "2025-06-02";
    check(found_date, "the time expression 'on Monday' resolves to 2025-06-02");
    bool dated_event = false;
    for (const auto& e : s.events) dated_event = dated_event || e.when.value == "2025-06-02";
    check(dated_event, "an event is dated 2025-06-02");

    const std::string svg = chronograph::to_svg(s);
    check(svg.find("<svg") != std::string::npos && svg.find("</svg>") != std::string::npos, "to_svg gives SVG");
    const std::string png = chronograph::to_png(s);
    check(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0, "to_png gives PNG bytes");
    const std::string json = chronograph::to_json(s);
    check(json.find("\"events\"") != std::string::npos && json.find("2025-06-02") != std::string::npos,
          "to_json gives the story");

    std::cout << s.events.size() << " events, " << s.timexes.size() << " time expressions; svg " << svg.size()
              << " bytes, png " << png.size() << " bytes, json " << json.size() << " bytes\n";
  } catch (const std::exception& e) {
    std::cerr << "FAIL: " << e.what() << '\n';
    return 1;
  }
  if (failures == 0) std::cout << "PASS\n";
  return failures == 0 ? 0 : 1;
}
