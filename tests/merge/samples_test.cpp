// SPDX-License-Identifier: MIT
// The five sample articles (samples/, DCT 2025-06-05) through text -> timex -> events ->
// relations -> merge: the story must hold the main events of the acceptance list with their
// dates, evidence and the causal link from the tit-for-tat tariffs to the Geneva talks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "chronograph/merge/merge.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"

using namespace chronograph;

namespace {

const story& sample_story() {
  static const story s = [] {
    const auto an = text::analyzer::load_default();
    const auto tg = timex::tagger::load_default();
    const auto ex = events::extractor::load_default();
    const auto li = relations::linker::load_default();
    std::vector<merge::document_analysis> analyses;
    const std::filesystem::path dir = std::filesystem::path(CHRONOGRAPH_SOURCE_DIR) / "samples";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f);
      std::stringstream ss;
      ss << in.rdbuf();
      document d;
      d.id = f.stem().string();
      d.path = f.string();
      d.text = ss.str();
      d.dct = parse_creation_time("2025-06-05");
      merge::document_analysis a;
      a.annotated = an->analyze(d);
      a.timexes = tg->tag(a.annotated, a.diagnostics);
      a.events = ex->extract(a.annotated, a.timexes, a.diagnostics);
      a.links = li->link_events(a.annotated, a.timexes, a.events, a.diagnostics);
      analyses.push_back(std::move(a));
    }
    return merge::build_story(analyses);
  }();
  return s;
}

std::set<std::string> docs_of(const story_event& e) {
  std::set<std::string> out;
  for (const auto& m : e.mentions) out.insert(m.doc);
  return out;
}

const story_event* best(const story& s, const std::string& value, const std::set<std::string>& lemmas) {
  const story_event* out = nullptr;
  for (const auto& e : s.events)
    if (e.when.value.rfind(value, 0) == 0 && lemmas.count(e.lemma) && (!out || e.mentions.size() > out->mentions.size()))
      out = &e;
  return out;
}

}  // namespace

TEST_CASE("samples: the June 5 call is one salient event told by all five articles", "[merge][samples]") {
  const auto* call = best(sample_story(), "2025-06-05", {"call", "conversation", "speak"});
  REQUIRE(call);
  CHECK(docs_of(*call).size() == 5);
  CHECK(call->salience >= 0.8);
  CHECK(std::find(call->actors.begin(), call->actors.end(), "Trump") != call->actors.end());
  CHECK(std::find(call->actors.begin(), call->actors.end(), "Xi") != call->actors.end());
  for (const auto& m : call->mentions) CHECK_FALSE(m.text.empty());
}

TEST_CASE("samples: the May 12 Geneva talks and agreement are one event", "[merge][samples]") {
  const auto* geneva = best(sample_story(), "2025-05-12", {"talk", "agreement", "meeting", "negotiation", "truce"});
  REQUIRE(geneva);
  CHECK(docs_of(*geneva).size() >= 4);
  std::set<std::string> words;
  for (const auto& m : geneva->mentions) {
    if (m.text.find("agreement") != std::string::npos) words.insert("agreement");
    if (m.text.find("talks") != std::string::npos) words.insert("talks");
  }
  CHECK(words.size() == 2);
}

TEST_CASE("samples: the January 17 call is dated and distinct from the June call", "[merge][samples]") {
  const auto* january = best(sample_story(), "2025-01-17", {"call", "conversation", "speak"});
  REQUIRE(january);
  CHECK(january->salience >= 0.5);
  const auto* june = best(sample_story(), "2025-06-05", {"call", "conversation", "speak"});
  REQUIRE(june);
  CHECK(january->id != june->id);
}

TEST_CASE("samples: the April tariff moves carry their numbers", "[merge][samples]") {
  bool us_145 = false, china_125 = false;
  for (const auto& e : sample_story().events) {
    if (e.when.value != "2025-04") continue;
    for (const auto& q : e.quantities) {
      if (q.kind == "percent" && q.value == 145 && q.role == "to") us_145 = true;
      if (q.kind == "percent" && q.value == 125 && q.role == "to") china_125 = true;
    }
  }
  CHECK(us_145);
  CHECK(china_125);
}

TEST_CASE("samples: the tit-for-tat tariffs caused the Geneva talks", "[merge][samples]") {
  const auto& s = sample_story();
  const auto* geneva = best(s, "2025-05-12", {"talk", "agreement", "meeting", "negotiation", "truce"});
  REQUIRE(geneva);
  bool found = false;
  for (const auto& l : s.links)
    if (l.type == "CAUSES" && l.to == geneva->id && l.support.text.find("prompting the talks in Geneva") == 0)
      found = true;
  CHECK(found);
}

TEST_CASE("samples: reporting verbs do not crowd the default timeline", "[merge][samples]") {
  std::size_t salient = 0, reporting = 0;
  for (const auto& e : sample_story().events)
    if (e.salience >= 0.5) {
      ++salient;
      if (e.cls == "REPORTING") ++reporting;
    }
  CHECK(salient > 10);
  CHECK(salient < 80);
  CHECK(reporting == 0);
}
