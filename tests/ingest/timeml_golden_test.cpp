// SPDX-License-Identifier: MIT
// The TimeML writer's output, byte for byte (tests/golden/document.tml; CHRONOGRAPH_UPDATE_GOLDEN=1
// rewrites it): what `chronograph timeml` and `build --format timeml` write for a document.
#include <catch2/catch.hpp>

#include "chronograph/ingest/timeml.hpp"
#include "render/golden.hpp"

using namespace chronograph;

TEST_CASE("write_timeml gives the golden TempEval-3 document", "[ingest][timeml][golden]") {
  ingest::timeml_document doc;
  doc.docid = "golden-1";
  doc.dct_value = "2025-06-05";
  doc.dct_attributes = {{"tid", "t0"}, {"type", "DATE"}, {"value", "2025-06-05"}, {"temporalFunction", "false"},
                        {"functionInDocument", "CREATION_TIME"}};
  doc.dct_text = "2025-06-05";
  doc.title = "Trump & Xi \"talk\"";
  doc.text = "\nTrump and Xi spoke Thursday, after <talks> in Geneva on May 12.\n";
  const auto at = [&](const std::string& word) {
    const auto b = doc.text.find(word);
    return byte_span{b, b + word.size()};
  };
  doc.annotations = {
      {at("spoke"), "EVENT", {{"eid", "e1"}, {"class", "OCCURRENCE"}}},
      {at("Thursday"), "TIMEX3", {{"tid", "t1"}, {"type", "DATE"}, {"value", "2025-06-05"}}},
      {at("talks"), "EVENT", {{"eid", "e2"}, {"class", "OCCURRENCE"}}},
      {at("May 12"), "TIMEX3", {{"tid", "t2"}, {"type", "DATE"}, {"value", "2025-05-12"}}},
  };
  doc.trailing = {
      {"MAKEINSTANCE", {{"eventID", "e1"}, {"eiid", "ei1"}, {"tense", "PAST"}, {"aspect", "NONE"}, {"polarity", "POS"}, {"pos", "VERB"}}},
      {"MAKEINSTANCE", {{"eventID", "e2"}, {"eiid", "ei2"}, {"tense", "NONE"}, {"aspect", "NONE"}, {"polarity", "POS"}, {"pos", "NOUN"}}},
      {"TLINK", {{"lid", "l1"}, {"relType", "IS_INCLUDED"}, {"eventInstanceID", "ei1"}, {"relatedToTime", "t1"}}},
      {"TLINK", {{"lid", "l2"}, {"relType", "AFTER"}, {"eventInstanceID", "ei1"}, {"relatedToEventInstance", "ei2"}}},
  };
  const auto written = ingest::write_timeml(doc);
  test::check_golden("document.tml", written);
  // And it reads back to the same text and annotations.
  const auto back = ingest::parse_timeml(written, "golden");
  CHECK(back.text == doc.text);
  REQUIRE(back.annotations.size() == doc.annotations.size());
  CHECK(back.annotations[3].attr("value") == "2025-05-12");
}
