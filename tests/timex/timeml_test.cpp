// SPDX-License-Identifier: MIT
// TimeML reader and writer.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/ingest/timeml.hpp"

using namespace chronograph;
using namespace chronograph::ingest;

namespace {
const char* const sample = R"(<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>DOC1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &lt;up&gt; caf&#233; &#x2014; <SIGNAL sid="s1">after</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P1W" mod="APPROX">about a <EVENT eid="e2" class="STATE">week</EVENT></TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
)";
}  // namespace

TEST_CASE("read_timeml recovers DOCID, DCT, raw text and byte spans of inline annotations", "[ingest][timeml]") {
  const auto doc = parse_timeml(sample, "sample.tml");
  CHECK(doc.docid == "DOC1");
  CHECK(doc.dct_value == "1998-01-08");
  REQUIRE(doc.dct);
  CHECK(doc.dct->iso() == "1998-01-08");
  CHECK(doc.dct_text == "19980108");
  CHECK(doc.text == "\nAT&T rose yesterday <up> caf\xC3\xA9 \xE2\x80\x94 after about a week.\n");
  const auto timexes = doc.annotations_with_tag("TIMEX3");
  REQUIRE(timexes.size() == 2);
  CHECK(doc.text.substr(timexes[0]->span.begin, timexes[0]->span.size()) == "yesterday");
  CHECK(timexes[0]->attr("value") == "1998-01-07");
  CHECK(doc.text.substr(timexes[1]->span.begin, timexes[1]->span.size()) == "about a week");
  CHECK(timexes[1]->attr("mod") == "APPROX");
  const auto events = doc.annotations_with_tag("EVENT");
  REQUIRE(events.size() == 2);
  CHECK(doc.text.substr(events[1]->span.begin, events[1]->span.size()) == "week");
  CHECK(events[0]->attr("class") == "OCCURRENCE");
  REQUIRE(doc.annotations_with_tag("SIGNAL").size() == 1);
  REQUIRE(doc.trailing.size() == 2);
  CHECK(doc.trailing[0].tag == "MAKEINSTANCE");
  CHECK(doc.trailing[1].attr("relType") == "IS_INCLUDED");
}

TEST_CASE("write_timeml round-trips text and annotations", "[ingest][timeml]") {
  const auto doc = parse_timeml(sample, "sample.tml");
  const std::string written = write_timeml(doc);
  CHECK(written.find("AT&amp;T") != std::string::npos);
  CHECK(written.find("&lt;up&gt;") != std::string::npos);
  const auto again = parse_timeml(written, "again.tml");
  CHECK(again.text == doc.text);
  CHECK(again.docid == doc.docid);
  CHECK(again.dct_value == doc.dct_value);
  REQUIRE(again.annotations.size() == doc.annotations.size());
  for (std::size_t k = 0; k < doc.annotations.size(); ++k) {
    CHECK(again.annotations[k].span == doc.annotations[k].span);
    CHECK(again.annotations[k].tag == doc.annotations[k].tag);
    CHECK(again.annotations[k].attributes == doc.annotations[k].attributes);
  }
  REQUIRE(again.trailing.size() == 2);
  CHECK(again.trailing[1].attributes == doc.trailing[1].attributes);
  CHECK(write_timeml(again) == written);  // deterministic
}

TEST_CASE("write_timeml rejects crossing annotations", "[ingest][timeml]") {
  timeml_document doc;
  doc.docid = "X";
  doc.text = "one two three";
  doc.annotations.push_back({{0, 7}, "TIMEX3", {{"tid", "t1"}}});
  doc.annotations.push_back({{4, 13}, "EVENT", {{"eid", "e1"}}});
  CHECK_THROWS_AS(write_timeml(doc), input_error);
}

TEST_CASE("malformed TimeML gives an input_error naming file and line", "[ingest][timeml]") {
  const auto message_of = [](const std::string& xml) {
    try {
      (void)parse_timeml(xml, "bad.tml");
    } catch (const input_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(message_of("<TimeML>\n<TEXT>a <TIMEX3 tid=\"t1\">b</EVENT></TEXT></TimeML>"),
             Catch::StartsWith("bad.tml:2:") && Catch::Contains("</EVENT>"));
  CHECK_THAT(message_of("<TimeML>\n\n<TEXT>a &bogus; b</TEXT></TimeML>"), Catch::StartsWith("bad.tml:3:"));
  CHECK_THAT(message_of("<TimeML><DOCID>x</DOCID></TimeML>"), Catch::Contains("no <TEXT>"));
  CHECK_THAT(message_of("<TimeML><TEXT>a <X a=b>c</X></TEXT></TimeML>"), Catch::Contains("not quoted"));
  CHECK_THAT(message_of("<TimeML><TEXT>open"), Catch::Contains("never closed"));
  CHECK_THAT(message_of("<html></html>"), Catch::Contains("expected <TimeML>"));
  std::string deep = "<TimeML><TEXT>";
  for (int k = 0; k < 40; ++k) deep += "<S>";
  CHECK_THAT(message_of(deep), Catch::Contains("nested deeper"));
  CHECK_THROWS_AS(read_timeml("/nonexistent/file.tml"), io_error);
}

TEST_CASE("write_timeml_file writes atomically and reads back", "[ingest][timeml]") {
  const auto path = std::filesystem::temp_directory_path() / "chronograph_timeml_test.tml";
  const auto doc = parse_timeml(sample, "sample.tml");
  write_timeml_file(doc, path);
  const auto back = read_timeml(path);
  CHECK(back.text == doc.text);
  CHECK(back.path == path.string());
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  std::filesystem::remove(path);
}
