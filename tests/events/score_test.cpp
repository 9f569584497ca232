// SPDX-License-Identifier: MIT
// The Task B scorer (relaxed/strict matching, attributes over matched gold events, DOCID pairing)
// and the learned lexicon's training (`chronograph train events`) on small TimeML documents.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "chronograph/events/learn.hpp"
#include "chronograph/events/score.hpp"

using namespace chronograph;

namespace {

// A TimeML document: DOCID, TEXT with inline EVENTs, and the MAKEINSTANCE lines given.
ingest::timeml_document tml(const std::string& docid, const std::string& text, const std::string& instances = "") {
  return ingest::parse_timeml("<TimeML><DOCID>" + docid + "</DOCID><TEXT>" + text + "</TEXT>" + instances + "</TimeML>",
                              docid);
}

std::string instance(const char* eid, const char* tense, const char* polarity = "POS") {
  return std::string("<MAKEINSTANCE eventID=\"") + eid + "\" eiid=\"i" + eid + "\" tense=\"" + tense +
         "\" aspect=\"NONE\" polarity=\"" + polarity + "\" />";
}

}  // namespace

TEST_CASE("events score: overlap matches, strict needs the same extent, attributes over matched gold events") {
  const auto gold = tml("d1",
                        "They <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> and <EVENT eid=\"e2\" "
                        "class=\"REPORTING\">said</EVENT> the <EVENT eid=\"e3\" class=\"OCCURRENCE\">peace talks</EVENT> "
                        "went well.",
                        instance("e1", "PAST") + instance("e2", "PAST") + instance("e3", "NONE"));
  // System: "met" exact (right class, wrong tense), "said" exact with the wrong class, "talks"
  // overlapping "peace talks", "went" spurious.
  const auto sys = tml("d1",
                       "They <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> and <EVENT eid=\"e2\" "
                       "class=\"OCCURRENCE\">said</EVENT> the peace <EVENT eid=\"e3\" class=\"OCCURRENCE\">talks</EVENT> "
                       "<EVENT eid=\"e4\" class=\"OCCURRENCE\">went</EVENT> well.",
                       instance("e1", "PRESENT") + instance("e2", "PAST") + instance("e3", "NONE") +
                           instance("e4", "PAST"));
  const auto s = events::score_events({gold}, {sys}, true);
  CHECK(s.counts.gold == 3);
  CHECK(s.counts.system == 4);
  CHECK(s.counts.gold_found == 3);
  CHECK(s.counts.strict == 2);
  CHECK(s.precision == Approx(0.75));
  CHECK(s.recall == Approx(1.0));
  CHECK(s.strict_precision == Approx(0.5));
  CHECK(s.strict_recall == Approx(2.0 / 3));
  CHECK(s.class_accuracy == Approx(2.0 / 3));
  CHECK(s.class_f1 == Approx(2.0 / 3 * s.f1));
  CHECK(s.tense_accuracy == Approx(2.0 / 3));
  CHECK(s.spurious.at("went") == 1);
  CHECK(s.class_errors.at("REPORTING>OCCURRENCE said") == 1);
}

TEST_CASE("events score: a gold document without a system one counts as missed; documents pair by DOCID") {
  const auto g1 = tml("a", "It <EVENT eid=\"e1\" class=\"OCCURRENCE\">rained</EVENT>.", instance("e1", "PAST"));
  const auto g2 = tml("b", "It <EVENT eid=\"e1\" class=\"OCCURRENCE\">snowed</EVENT>.", instance("e1", "PAST"));
  const auto s2 = tml("b", "It <EVENT eid=\"e9\" class=\"OCCURRENCE\">snowed</EVENT>.", instance("e9", "PAST"));
  const auto extra = tml("c", "Nothing.");
  const auto s = events::score_events({g1, g2}, {extra, s2});
  CHECK(s.counts.gold == 2);
  CHECK(s.counts.gold_found == 1);
  CHECK(s.precision == Approx(1.0));
  CHECK(s.recall == Approx(0.5));
  CHECK(s.missing_system == std::vector<std::string>{"a"});
  CHECK(s.unpaired_system == std::vector<std::string>{"c"});
  CHECK(s.missed.empty());  // filled only with detail
}

TEST_CASE("events score: polarity is also given without documents that mark most events NEG") {
  const auto artifact = tml("x",
                            "<EVENT eid=\"e1\" class=\"OCCURRENCE\">won</EVENT> <EVENT eid=\"e2\" "
                            "class=\"OCCURRENCE\">lost</EVENT>",
                            instance("e1", "PAST", "NEG") + instance("e2", "PAST", "NEG"));
  const auto plain = tml("y", "<EVENT eid=\"e1\" class=\"OCCURRENCE\">won</EVENT>", instance("e1", "PAST"));
  const auto sys_x = tml("x",
                         "<EVENT eid=\"e1\" class=\"OCCURRENCE\">won</EVENT> <EVENT eid=\"e2\" "
                         "class=\"OCCURRENCE\">lost</EVENT>",
                         instance("e1", "PAST") + instance("e2", "PAST"));
  const auto s = events::score_events({artifact, plain}, {sys_x, plain});
  CHECK(s.polarity_accuracy == Approx(1.0 / 3));
  CHECK(s.plain_polarity_accuracy == Approx(1.0));
  CHECK(s.counts.plain_pairs == 1);
}

TEST_CASE("events to_timeml: one EVENT and one MAKEINSTANCE per mention, scored back unchanged") {
  document d;
  d.id = "t";
  d.text = "Talks resumed.";
  text::annotated_document doc;
  doc.doc = d;
  events::event_mention e;
  e.id = "e1";
  e.span = {6, 13};
  e.cls = events::event_class::aspectual;
  e.tns = events::tense::past;
  e.modality = "could";
  const auto out = events::to_timeml({e}, doc);
  REQUIRE(out.events.size() == 1);
  REQUIRE(out.instances.size() == 1);
  CHECK(out.events[0].attr("class") == "ASPECTUAL");
  CHECK(out.instances[0].attr("eiid") == "ei1");
  CHECK(out.instances[0].attr("tense") == "PAST");
  CHECK(out.instances[0].attr("modality") == "could");
  ingest::timeml_document sys;
  sys.docid = "t";
  sys.text = d.text;
  sys.annotations = out.events;
  sys.trailing = out.instances;
  const auto gold = tml("t", "Talks <EVENT eid=\"e1\" class=\"ASPECTUAL\">resumed</EVENT>.", instance("e1", "PAST"));
  const auto s = events::score_events({gold}, {sys});
  CHECK(s.strict_f1 == Approx(1.0));
  CHECK(s.class_accuracy == Approx(1.0));
  CHECK(s.tense_accuracy == Approx(1.0));
}

TEST_CASE("events learn: counts gold events per lemma and part of speech, keeps rows seen twice, same bytes twice") {
  const auto dir = std::filesystem::temp_directory_path() / "chronograph_learn_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << "<TimeML><DOCID>" << name << "</DOCID><TEXT>" << text << "</TEXT></TimeML>";
  };
  write("a.tml", "The ministers <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT> the house was old.");
  write("b.tml", "Officials <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT> the house <EVENT eid=\"e2\" "
                 "class=\"OCCURRENCE\">burned</EVENT>.");
  const auto an = text::analyzer::load_default();
  const auto lex = events::lexicon::load_default();
  std::size_t calls = 0;
  const auto table = events::learn_lexicon_table({dir}, *an, *lex, [&](std::size_t done, std::size_t total) {
    ++calls;
    CHECK(total == 2);
    CHECK(done == calls);
  });
  CHECK(calls == 2);
  CHECK(table.find("chronograph_learn_test; 2 documents") != std::string::npos);
  CHECK(table.find("\nsay\tVERB\t2\t2\tREPORTING\n") != std::string::npos);
  CHECK(table.find("\nhouse\tNOUN\t0\t2\t-\n") != std::string::npos);
  CHECK(table.find("\nburn\t") == std::string::npos);  // seen once
  CHECK(table == events::learn_lexicon_table({dir}, *an, *lex));
  std::filesystem::remove_all(dir);
  CHECK_THROWS(events::learn_lexicon_table({dir}, *an, *lex));
}
