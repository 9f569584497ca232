// SPDX-License-Identifier: MIT
// The five sample articles (samples/, DCT 2025-06-05) through text -> timex -> events ->
// relations -> merge: the story must hold the main events of the acceptance list with their
// dates, evidence and the causal link from the tit-for-tat tariffs to the Geneva talks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "chronograph/merge/merge.hpp"
#include "chronograph/relations/dates.hpp"
#include "chronograph/relations/reasoning.hpp"
#include "chronograph/text/analyzer.hpp"
#include "chronograph/timex/tagger.hpp"

using namespace chronograph;

namespace {

const story& sample_story() {
  static const story s = [] {
    const auto an = text::analyzer::load_default();
    const auto tg = chronograph::timex::tagger::load_default();  // (clang also sees glibc's struct timex)
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
  // The articles' attributions ("Trump said", dated by the DCT) stay off it; a statement the
  // news dates to an earlier day of its own ("Trump posted Wednesday") is an event of the story.
  std::size_t salient = 0, reporting = 0, statements = 0;
  for (const auto& e : sample_story().events)
    if (e.salience >= 0.5) {
      ++salient;
      if (e.cls != "REPORTING") continue;
      const auto days = relations::days_of(e.when.value);
      if (e.when.anchor == "dct" || !days || days->end > relations::days_of("2025-06-05")->begin) ++reporting;
      else ++statements;
    }
  CHECK(salient > 10);
  CHECK(salient < 80);
  CHECK(reporting == 0);
  CHECK(statements <= 3);
}

TEST_CASE("samples: the dated events keep their order and no kept link contradicts another", "[merge][samples]") {
  const auto& s = sample_story();
  const auto index_of = [&](const story_event* e) {
    REQUIRE(e);
    return static_cast<std::size_t>(e - s.events.data());
  };
  const story_event* planned = nullptr;
  for (const auto& e : s.events)
    if (e.is_future && e.lemma == "talk" && (!planned || e.salience > planned->salience)) planned = &e;
  // Jan 17 call -> April tariffs -> May 12 Geneva -> "posted last week" -> June 4 post -> June 5 call -> planned talks.
  const std::vector<std::size_t> order{
      index_of(best(s, "2025-01-17", {"call", "conversation", "speak"})),
      index_of(best(s, "2025-04", {"ratchet", "hike", "raise", "tariff"})),
      index_of(best(s, "2025-05-12", {"talk", "agreement", "meeting", "negotiation", "truce"})),
      index_of(best(s, "2025-W22", {"post"})),
      index_of(best(s, "2025-06-04", {"post", "write", "declare"})),  // one statement, however told
      index_of(best(s, "2025-06-05", {"call", "conversation", "speak"})),
      index_of(planned)};
  CHECK(std::is_sorted(order.begin(), order.end()));
  CHECK(planned->not_before >= "2025-06-05");
  // No weak link bounds a plan ("upcoming talks", "a broader deal", "will represent", reported
  // "would lead") to the day of writing (June 5) or before it.
  for (const auto& e : s.events)
    if (e.is_future && e.when.value.empty()) {
      INFO(e.id << " " << e.summary << " [" << e.not_before << ".." << e.not_after << "]");
      CHECK((e.not_after.empty() || e.not_after > "2025-06-05"));
    }

  // The kept links, the dates and the bounds hold together: adding them all again in the
  // point algebra refuses none.
  relations::temporal_graph g;
  std::map<std::string, relations::temporal_graph::node> node_of;
  for (const auto& t : s.timexes)
    if (t.type == "DATE" || t.type == "TIME") node_of[t.id] = g.add_node(relations::days_of(t.value), true);
  for (const auto& e : s.events) {
    node_of[e.id] = g.add_node(relations::days_of(e.when.value));
    CHECK(g.bound(node_of[e.id], relations::first_day(e.not_before), relations::last_day(e.not_after)));
  }
  std::size_t temporal = 0;
  for (const auto& l : s.links) {
    const auto rel = relations::relation_from_string(l.type);
    REQUIRE(rel);
    if (relations::is_causal(*rel) || !node_of.count(l.from) || !node_of.count(l.to)) continue;
    ++temporal;
    INFO(l.from << " " << l.type << " " << l.to << " (" << l.rule << ")");
    CHECK(g.add(node_of[l.from], *rel, node_of[l.to]));
  }
  CHECK(temporal > 20);
  const auto& june5 = *best(s, "2025-06-05", {"call", "conversation", "speak"});
  const auto& geneva = *best(s, "2025-05-12", {"talk", "agreement", "meeting", "negotiation", "truce"});
  CHECK(g.entails(node_of[geneva.id], relations::relation::before, node_of[june5.id]));
}

TEST_CASE("samples: Trump's request for the call is one event of the three articles that tell it", "[merge][samples]") {
  // 001 "Trump had requested the call", 002 "at the latter's request", 003 "initiated at Trump's
  // request"; 004's "requests for comment" are another matter.
  std::vector<const story_event*> requests;
  for (const auto& e : sample_story().events)
    if (e.lemma == "request" && std::find(e.actors.begin(), e.actors.end(), "Trump") != e.actors.end())
      requests.push_back(&e);
  REQUIRE(requests.size() == 1);
  CHECK(docs_of(*requests[0]) == std::set<std::string>{"001_fed0ba7464b4e760", "002_cff542433030545e", "003_ea4b4e48f8d764df"});
  CHECK(requests[0]->mentions.size() == 3);
}

TEST_CASE("samples: 003's \"an agreement that brought down tariffs\" is the Geneva agreement", "[merge][samples]") {
  const auto* geneva = best(sample_story(), "2025-05-12", {"talk", "agreement", "meeting", "negotiation", "truce"});
  REQUIRE(geneva);
  CHECK(docs_of(*geneva).size() == 5);
  bool found = false;
  for (const auto& m : geneva->mentions)
    if (m.text.find("violating an agreement that brought down tariffs") != std::string::npos) found = true;
  CHECK(found);
}

TEST_CASE("samples: each of Trump's posts is one statement citing every article that tells it", "[merge][samples]") {
  // Each text a mention of the post must quote; the documents that tell it.
  const auto post_with = [](std::string_view text) {
    std::vector<const story_event*> found;
    for (const auto& e : sample_story().events)
      if (e.cls == "REPORTING")
        for (const auto& m : e.mentions)
          if (m.text.find(text) != std::string::npos) {
            found.push_back(&e);
            break;
          }
    return found;
  };
  const auto quotes = [](const story_event& e, std::string_view text) {
    return std::any_of(e.mentions.begin(), e.mentions.end(),
                       [&](const evidence& m) { return m.text.find(text) != std::string::npos; });
  };
  SECTION("June 5: quoted word for word, told in part or in paraphrase, by all five articles") {
    const auto post = post_with("respective teams will be meeting shortly");
    REQUIRE(post.size() == 1);
    CHECK(post[0]->when.value == "2025-06-05");
    CHECK(docs_of(*post[0]) == std::set<std::string>{"000_f26358c494caa0d0", "001_fed0ba7464b4e760",
                                                     "002_cff542433030545e", "003_ea4b4e48f8d764df",
                                                     "004_37b8bc593a3b3fc4"});
    CHECK(quotes(*post[0], "in the same Truth Social post"));
    CHECK(quotes(*post[0], "said he had a lengthy phone call"));
    // Remarks to reporters that day are another statement.
    CHECK_FALSE(quotes(*post[0], "told reporters"));
    CHECK_FALSE(quotes(*post[0], "Oval Office"));
  }
  SECTION("June 4: \"EXTREMELY HARD TO MAKE A DEAL WITH\", posted, written, lamented and praised in") {
    const auto post = post_with("EXTREMELY HARD TO MAKE A DEAL WITH");
    REQUIRE(post.size() == 1);
    CHECK(post[0]->when.value == "2025-06-04");
    CHECK(docs_of(*post[0]) == std::set<std::string>{"000_f26358c494caa0d0", "001_fed0ba7464b4e760",
                                                     "003_ea4b4e48f8d764df"});
    CHECK(quotes(*post[0], "praised Xi in a social media post"));
    // Last week's post ("HAS TOTALLY VIOLATED ITS AGREEMENT WITH US") is another post.
    CHECK_FALSE(quotes(*post[0], "TOTALLY VIOLATED"));
  }
}

TEST_CASE("samples: one node for each event told twice in the ways stop 18 reads", "[merge][samples]") {
  // The nodes whose mentions quote `text`.
  const auto quoting = [](std::string_view text) {
    std::vector<const story_event*> out;
    for (const auto& e : sample_story().events)
      for (const auto& m : e.mentions)
        if (m.text.find(text) != std::string::npos) {
          out.push_back(&e);
          break;
        }
    return out;
  };
  // The nodes that quote one of `texts` and for which `keep(node)` holds.
  const auto quoting_any = [&](std::initializer_list<const char*> texts, auto keep) {
    std::set<const story_event*> out;
    for (const auto* text : texts)
      for (const auto* e : quoting(text))
        if (keep(*e)) out.insert(e);
    return out;
  };
  SECTION("003's headline and lede: Trump and Xi agree to more trade talks") {
    const auto agree = quoting("Xi agree to more trade talks");
    std::size_t agreeing = 0;
    for (const auto* e : agree) agreeing += e->lemma == "agree";
    CHECK(agreeing == 1);
  }
  SECTION("Trump's Oval Office remarks on rare earths in 002 and 003; what he told Merz apart") {
    const auto remarks = quoting_any({"speaking later in the Oval Office", "Trump told reporters in the Oval Office"},
                                     [](const story_event& e) { return e.cls == "REPORTING"; });
    REQUIRE(remarks.size() == 1);
    CHECK(docs_of(**remarks.begin()).size() == 2);
    for (const auto* e : quoting("told Mr. Merz in the Oval Office"))
      if (e->cls == "REPORTING") CHECK(remarks.count(e) == 0);
  }
  SECTION("trade negotiations stalled after May 12 (000, 003; and 004's \"stalled trade negotiations\", stop 22)") {
    std::vector<std::size_t> stalls;  // the documents of each node of lemma "stall" told by several
    for (const auto& e : sample_story().events)
      if (e.lemma == "stall" && docs_of(e).size() > 1) stalls.push_back(docs_of(e).size());
    CHECK(stalls == std::vector<std::size_t>{3});
  }
  SECTION("the signing of the Phase One deal is the deal") {
    for (const auto& e : sample_story().events) CHECK(e.lemma != "signing");
  }
  SECTION("\"the start of the trade war\" (002) and \"the ongoing trade war\" (004) are one war (stop 23)") {
    const auto wars = quoting_any({"since the start of the trade war", "in the ongoing trade war"},
                                  [](const story_event& e) { return e.lemma == "war"; });
    REQUIRE(wars.size() == 1);
    CHECK(docs_of(**wars.begin()).size() == 2);
  }
  SECTION("an act told as an answer is the act it answered with (stop 23)") {
    const auto hike = quoting_any({"Beijing hiked tariffs on U.S. goods to 125% in retaliation"},
                                  [](const story_event& e) { return e.lemma == "hike" || e.lemma == "retaliation"; });
    CHECK(hike.size() == 1);
    const auto retaliated = quoting_any({"China retaliated against"}, [](const story_event& e) {
      return e.lemma == "retaliate" || e.lemma == "impose";
    });
    CHECK(retaliated.size() == 1);
  }
}
