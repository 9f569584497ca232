// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "chronograph/relations/score.hpp"

using namespace chronograph;
using namespace chronograph::relations;

namespace {

// A small gold graph: e1 < e2 < e3, e2 during t1, e4 simultaneous with e3, e1 before the DCT.
std::vector<tlink> gold() {
  return {{"e1", "e2", relation::before},      {"e2", "e3", relation::before},
          {"e2", "t1", relation::is_included}, {"e4", "e3", relation::simultaneous},
          {"e1", "t0", relation::before},      {"e3", "t0", relation::before}};
}

}  // namespace

TEST_CASE("gold against itself scores 1", "[relations][score]") {
  const auto c = temporal_awareness(gold(), gold());
  CHECK(c.precision() == 1.0);
  CHECK(c.recall() == 1.0);
  CHECK(c.f1() == 1.0);
  // e1 BEFORE t0 follows from e1 < e2 < e3 < t0: the reduced graph leaves it out.
  CHECK(c.gold_reduced == 5);
}

TEST_CASE("an equivalent system graph written differently scores 1", "[relations][score]") {
  // Converses instead of the links, and an implied link added.
  const std::vector<tlink> system{{"e2", "e1", relation::after},       {"e3", "e2", relation::after},
                                  {"t1", "e2", relation::includes},    {"e3", "e4", relation::simultaneous},
                                  {"e3", "t0", relation::before},      {"e1", "e3", relation::before}};
  const auto c = temporal_awareness(gold(), system);
  CHECK(c.precision() == 1.0);
  CHECK(c.recall() == 1.0);
}

TEST_CASE("known perturbations lower the score as expected", "[relations][score]") {
  SECTION("a missing link lowers recall only") {
    auto system = gold();
    system.erase(system.begin() + 2);  // e2 IS_INCLUDED t1
    const auto c = temporal_awareness(gold(), system);
    CHECK(c.precision() == 1.0);
    CHECK(c.recall() == Approx(4.0 / 5.0));
  }
  SECTION("a wrong label lowers both") {
    auto system = gold();
    system[3].rel = relation::before;  // e4 BEFORE e3 instead of SIMULTANEOUS
    const auto c = temporal_awareness(gold(), system);
    CHECK(c.precision() == Approx(4.0 / 5.0));
    CHECK(c.recall() == Approx(4.0 / 5.0));
  }
  SECTION("a weaker but implied link is correct, a stronger one is not") {
    // e1 BEFORE e3 is implied by gold; e1 IBEFORE e2 claims more than gold says.
    const std::vector<tlink> system{{"e1", "e3", relation::before}, {"e1", "e2", relation::ibefore}};
    const auto c = temporal_awareness(gold(), system);
    CHECK(c.system_reduced == 2);
    CHECK(c.precision() == Approx(0.5));
    // IBEFORE (e1 ends where e2 starts) and BEFORE exclude each other: nothing of gold is recalled.
    CHECK(c.gold_verified == 0);
  }
  SECTION("a link to an unknown entity cannot be verified") {
    auto system = gold();
    system.push_back({"e1", "e99", relation::before});
    const auto c = temporal_awareness(gold(), system);
    CHECK(c.precision() == Approx(5.0 / 6.0));
    CHECK(c.recall() == 1.0);
  }
  SECTION("inconsistent system links are left out and counted") {
    auto system = gold();
    system.push_back({"e3", "e1", relation::before});
    const auto c = temporal_awareness(gold(), system);
    CHECK(c.system_inconsistent == 1);
    CHECK(c.precision() == 1.0);
  }
  SECTION("no system links: nothing found") {
    const auto c = temporal_awareness(gold(), {});
    CHECK(c.precision() == 0.0);
    CHECK(c.recall() == 0.0);
    CHECK(c.f1() == 0.0);
  }
}

TEST_CASE("TimeML documents are paired by DOCID and aligned by extent", "[relations][score]") {
  const std::string gold_xml = R"(<?xml version="1.0"?><TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>He <EVENT eid="e1" class="OCCURRENCE">left</EVENT> before they <EVENT eid="e2" class="OCCURRENCE">arrived</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK lid="l3" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>)";
  // The system names things differently and links e1 to the DCT through a chain.
  const std::string system_xml = R"(<?xml version="1.0"?><TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t9" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
<TEXT>He <EVENT eid="e7" class="OCCURRENCE">left</EVENT> before they <EVENT eid="e8" class="OCCURRENCE">arrived</EVENT> on <TIMEX3 tid="t4" type="DATE" value="1998-01-05">Monday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e7" eiid="ei7"/>
<MAKEINSTANCE eventID="e8" eiid="ei8"/>
<TLINK lid="l1" relType="AFTER" eventInstanceID="ei8" relatedToEventInstance="ei7"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t4" relatedToEventInstance="ei8"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei7" relatedToTime="t9"/>
</TimeML>)";
  const auto g = ingest::parse_timeml(gold_xml, "gold");
  const auto s = ingest::parse_timeml(system_xml, "system");
  CHECK(tlinks_of(g).size() == 3);
  const auto score = score_relations({g}, {s});
  REQUIRE(score.documents.size() == 1);
  CHECK(score.missing.empty());
  // l3 of the system (e1 before the DCT) follows from gold; gold's t1 BEFORE t0 is not in the
  // system's closure.
  CHECK(score.total.precision() == 1.0);
  CHECK(score.total.recall() == Approx(2.0 / 3.0));
  CHECK(format_score(score).find("F1 0.800") != std::string::npos);
  const auto none = score_relations({g}, {});
  CHECK(none.missing == std::vector<std::string>{"d1"});
}
