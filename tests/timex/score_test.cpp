// SPDX-License-Identifier: MIT
// The TempEval-3 scorer itself: gold against gold is perfect, known perturbations lower it.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"

#include "chronograph/timex/score.hpp"

using namespace chronograph;
using namespace chronograph::timex;

namespace {
ingest::timeml_document make(const std::string& id, std::vector<ingest::timeml_annotation> timexes) {
  ingest::timeml_document d;
  d.docid = id;
  d.text = "He left on Friday and stayed for two weeks in March.";
  d.dct_value = "2016-03-15";
  d.dct_attributes = {{"tid", "t0"}, {"type", "DATE"}, {"value", "2016-03-15"}, {"functionInDocument", "CREATION_TIME"}};
  d.annotations = std::move(timexes);
  return d;
}
ingest::timeml_annotation tx(std::size_t b, std::size_t e, const std::string& type, const std::string& value) {
  return {{b, e}, "TIMEX3", {{"tid", "t"}, {"type", type}, {"value", value}}};
}
// "Friday" [11,17), "two weeks" [33,42), "March" [46,51)
std::vector<ingest::timeml_document> gold() {
  return {make("A", {tx(11, 17, "DATE", "2016-03-11"), tx(33, 42, "DURATION", "P2W"), tx(46, 51, "DATE", "2016-03")})};
}
}  // namespace

TEST_CASE("gold against gold scores 1.0 everywhere", "[timex][score]") {
  const auto s = score_timex(gold(), gold());
  CHECK(s.strict.f1 == Approx(1.0));
  CHECK(s.relaxed.f1 == Approx(1.0));
  CHECK(s.value_f1 == Approx(1.0));
  CHECK(s.type_f1 == Approx(1.0));
  CHECK(s.counts.gold == 3);
}

TEST_CASE("a widened extent counts as relaxed but not strict", "[timex][score]") {
  auto sys = gold();
  sys[0].annotations[1].span = {29, 42};  // "for two weeks"
  const auto s = score_timex(gold(), sys);
  CHECK(s.strict.precision == Approx(2.0 / 3));
  CHECK(s.strict.recall == Approx(2.0 / 3));
  CHECK(s.relaxed.f1 == Approx(1.0));
  CHECK(s.value_f1 == Approx(1.0));
}

TEST_CASE("a wrong value lowers value F1 by the accuracy over relaxed matches", "[timex][score]") {
  auto sys = gold();
  sys[0].annotations[0].attributes[2].second = "2016-03-18";
  const auto s = score_timex(gold(), sys, true);
  CHECK(s.relaxed.f1 == Approx(1.0));
  CHECK(s.value_accuracy == Approx(2.0 / 3));
  CHECK(s.value_f1 == Approx(2.0 / 3));
  CHECK(s.type_f1 == Approx(1.0));
  REQUIRE(s.documents.size() == 1);
  REQUIRE(s.documents[0].errors.size() == 1);
  CHECK(s.documents[0].errors[0].kind == timex_error::value);
}

TEST_CASE("missing and spurious timexes lower recall and precision", "[timex][score]") {
  auto sys = gold();
  sys[0].annotations.erase(sys[0].annotations.begin() + 2);  // miss "March"
  sys[0].annotations.push_back(tx(0, 2, "DATE", "PRESENT_REF"));  // spurious "He"
  const auto s = score_timex(gold(), sys);
  CHECK(s.strict.precision == Approx(2.0 / 3));
  CHECK(s.strict.recall == Approx(2.0 / 3));
  CHECK(s.type_f1 == Approx(2.0 / 3));  // accuracy 1 x relaxed F1 2/3
}

TEST_CASE("the DCT is not scored and documents pair by DOCID", "[timex][score]") {
  auto g = gold();
  g[0].annotations.push_back({{0, 2}, "TIMEX3", {{"tid", "t0"}, {"type", "DATE"}, {"value", "2016-03-15"},
                                                 {"functionInDocument", "CREATION_TIME"}}});
  auto sys = gold();
  sys.push_back(make("B", {}));
  const auto s = score_timex(g, sys);
  CHECK(s.strict.f1 == Approx(1.0));
  REQUIRE(s.unpaired_system.size() == 1);
  CHECK(s.unpaired_system[0] == "B");
  const auto none = score_timex(g, {});
  CHECK(none.relaxed.recall == Approx(0.0));
  REQUIRE(none.missing_system.size() == 1);
  CHECK_FALSE(format_score(none, true).empty());
}

TEST_CASE("with_timexes builds a document the writer and scorer accept", "[timex][score]") {
  mention m;
  m.id = "t1";
  m.span = {11, 17};
  m.type = timex_type::date;
  m.value = "2016-03-11";
  m.mod = "APPROX";
  const auto doc = with_timexes(gold()[0], {m});
  REQUIRE(doc.annotations.size() == 1);
  CHECK(doc.annotations[0].attr("mod") == "APPROX");
  const auto again = ingest::parse_timeml(ingest::write_timeml(doc));
  CHECK(again.text == doc.text);
  CHECK(again.annotations_with_tag("TIMEX3").size() == 1);
}

TEST_CASE("score_timex_directories pairs files of two directories by DOCID", "[timex][score]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "chronograph_score_dirs";
  fs::remove_all(root);
  fs::create_directories(root / "gold");
  fs::create_directories(root / "system");
  ingest::write_timeml_file(gold()[0], root / "gold" / "a.tml");
  auto sys = gold();
  sys[0].annotations.pop_back();
  ingest::write_timeml_file(sys[0], root / "system" / "renamed.tml");
  std::ofstream(root / "system" / "broken.tml") << "<TimeML><TEXT>unclosed";
  std::vector<std::string> failures;
  const auto s = score_timex_directories(root / "gold", root / "system", false, failures);
  CHECK(s.strict.precision == Approx(1.0));
  CHECK(s.strict.recall == Approx(2.0 / 3));
  REQUIRE(failures.size() == 1);
  CHECK_THAT(failures[0], Catch::Contains("broken.tml"));
  CHECK_THROWS_AS(score_timex_directories(root / "nothing", root / "system", false, failures), io_error);
  fs::remove_all(root);
}

TEST_CASE("from_timeml reads gold TIMEX3s back as mentions, inverse of to_timeml", "[timex][score]") {
  const auto doc = ingest::parse_timeml(
      "<TimeML><DOCID>d</DOCID><TEXT>Talks began <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-05\" mod=\"MID\">"
      "mid-May</TIMEX3> and lasted <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2D\">two days</TIMEX3>.</TEXT></TimeML>",
      "from_timeml");
  const auto mentions = timex::from_timeml(doc);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].id == "t1");
  CHECK(mentions[0].text == "mid-May");
  CHECK(mentions[0].mod == "MID");
  CHECK(mentions[1].type == timex::timex_type::duration);
  CHECK(mentions[1].value == "P2D");
  CHECK(timex::to_timeml(mentions)[0].attr("mod") == "MID");
  CHECK(timex::timex_type_from_string("SET") == timex::timex_type::set);
  CHECK_FALSE(timex::timex_type_from_string("date"));
}
