// SPDX-License-Identifier: MIT
// story_store::ask answers from the store's query index, reading only the rows an answer needs.
// Its answers, and what is printed and drawn from them, must be those of graph::ask on the event
// graph of the whole story: every kind of question, by id, mention id and words, with dates,
// errors, and a story changed by corrections.
#include "chronograph/store/store.hpp"

#include <filesystem>
#include <set>

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/graph/word_index.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/render/answer.hpp"
#include "chronograph/render/json.hpp"
#include "chronograph/render/render.hpp"

using namespace chronograph;
namespace fs = std::filesystem;
using store::story_store;

namespace {

const std::string samples = CHRONOGRAPH_SOURCE_DIR "/samples";
const std::string data = CHRONOGRAPH_TEST_DIR "/store/data";

struct temp_store {
  fs::path path;
  explicit temp_store(const std::string& name)
      : path(fs::temp_directory_path() / ("chronograph-index-test-" + std::to_string(::getpid()) + "-" + name + ".db")) {
    fs::remove(path);
  }
  ~temp_store() {
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path.string() + "-journal", ec);
  }
};

struct question {
  graph::question asked;
  std::vector<std::string> arguments;
  long days = 7;
};

// Everything a user sees of an answer: text and JSON, and for drawing the part of the story
// drawn for it (graph::substory, as story JSON and as DOT); or the error.
std::string shown(const graph::answer& a, const story& s, store::excerpt_use use) {
  auto out = render::answer_to_text(a, s) + render::answer_to_json(a, s);
  if (use == store::excerpt_use::printing) return out;
  render::options options;
  options.all_events = true;
  const auto drawn = graph::substory(s, graph::events_of(a));
  return out + render::to_json(drawn) + render::to_dot(drawn, options);
}

std::string expected(const graph::event_graph& g, const story& s, const question& q, store::excerpt_use use) {
  try {
    return shown(graph::ask(g, q.asked, q.arguments, q.days), s, use);
  } catch (const input_error& e) {
    return std::string("error: ") + e.what();
  }
}

std::string from_index(story_store& st, const question& q, store::excerpt_use use) {
  try {
    const auto r = st.ask(q.asked, q.arguments, q.days, use);
    return shown(r.answer, r.excerpt, use);
  } catch (const input_error& e) {
    return std::string("error: ") + e.what();
  }
}

// Questions about a story: for a spread of its events, by id, by a mention id and by words of
// their summaries; paths between them and to time expressions; date windows over its months;
// and the errors.
std::vector<question> questions_about(const story& s) {
  using graph::question;
  std::vector<::question> out;
  const std::size_t step = std::max<std::size_t>(1, s.events.size() / 25);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < s.events.size(); i += step) {
    const auto& e = s.events[i];
    ids.push_back(e.id);
    for (const auto q : {question::causes, question::effects, question::before, question::after})
      out.push_back({q, {e.id}});
    if (!e.mention_ids.empty()) out.push_back({question::before, {e.mention_ids.back()}});
    const auto words = graph::detail::query_words(e.summary);
    if (!words.empty()) out.push_back({question::effects, {words.front()}});
    if (words.size() > 1) out.push_back({question::causes, {words[0] + " " + words[1]}});
    if (!e.when.value.empty()) {
      out.push_back({question::around, {e.when.value}, 3});
      out.push_back({question::between, {e.when.value.substr(0, 7), e.when.value.substr(0, 4)}});
    }
  }
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) out.push_back({question::path, {ids[i], ids[i + 1]}});
  for (const auto& l : s.links) {  // paths along links, to time expressions too
    out.push_back({question::path, {l.from, l.to}});
    out.push_back({question::path, {l.to, l.from}});
    if (out.size() > 400) break;
  }
  if (!s.timexes.empty()) out.push_back({question::before, {s.timexes.front().id}});  // a timex id is words
  for (const char* words : {"call", "tariffs", "Geneva talks", "Trump Xi", "June", "trade"})
    out.push_back({question::causes, {words}});
  out.push_back({question::causes, {"zzqqxx no such words"}});
  out.push_back({question::between, {"2025"}});
  out.push_back({question::between, {"not a date", "2025"}});
  out.push_back({question::around, {"2025-06-05"}, -1});
  out.push_back({question::path, {ids.front(), ids.front()}});
  return out;
}

void check_all(story_store& st) {
  const auto s = st.cached_story();
  const auto g = graph::event_graph::from_story(s);
  const auto qs = questions_about(s);
  REQUIRE(qs.size() > 100);
  std::size_t answered = 0;
  for (const auto& q : qs) {
    std::string args;
    for (const auto& a : q.arguments) args += " \"" + a + "\"";
    INFO(graph::to_string(q.asked) << args << " days " << q.days);
    for (const auto use : {store::excerpt_use::printing, store::excerpt_use::drawing}) {
      const auto want = expected(g, s, q, use);
      REQUIRE(from_index(st, q, use) == want);
      if (use == store::excerpt_use::drawing && want.rfind("error: ", 0) != 0) ++answered;
    }
  }
  CHECK(answered > 100);
}

}  // namespace

TEST_CASE("the query index answers as the graph of the whole story does", "[store][query]") {
  temp_store t("answers");
  auto st = story_store::open(t.path);
  auto docs = ingest::read_inputs({samples, data + "/v1", data + "/extra"}, {}).documents;
  (void)st.ingest(std::move(docs), pipeline_models::load_default());
  SECTION("the story as merged") { check_all(st); }
  SECTION("the story changed by corrections") {
    const auto s = st.build();
    std::vector<const story_event*> singles;
    for (const auto& e : s.events)
      if (e.mention_ids.size() == 1) singles.push_back(&e);
    REQUIRE(singles.size() >= 4);
    st.add_correction(store::make_correction(s, store::correction_kind::hide, {singles[0]->id}));
    st.add_correction(store::make_correction(s, store::correction_kind::pin, {singles[1]->id, "2024-12-31"}));
    st.add_correction(store::make_correction(s, store::correction_kind::merge, {singles[2]->id, singles[3]->id}));
    check_all(st);
  }
  SECTION("a read-only store without the index answers from the built story") {
    const auto s = st.build();
    const auto g = graph::event_graph::from_story(s);
    auto ro = story_store::open(t.path, story_store::open_mode::read_only);
    const question q{graph::question::causes, {"tariffs"}};
    for (const auto use : {store::excerpt_use::printing, store::excerpt_use::drawing})
      REQUIRE(from_index(ro, q, use) == expected(g, s, q, use));
  }
}

TEST_CASE("a question reads only the part of the story its answer needs", "[store][query]") {
  temp_store t("excerpt");
  auto st = story_store::open(t.path);
  (void)st.ingest(ingest::read_inputs({samples}, {}).documents, pipeline_models::load_default());
  const auto s = st.cached_story();
  const auto r = st.ask(graph::question::around, {"2025-06-05"}, 0);
  REQUIRE(!r.answer.events.empty());
  CHECK(r.excerpt.events.size() < s.events.size() / 4);
  std::set<std::string> in_answer;
  for (const auto& h : r.answer.events) in_answer.insert(h.id);
  for (const auto& e : r.excerpt.events) CHECK(in_answer.count(e.id) == 1);
  // Printed, an answer reads of the story only what it names by label: its subjects and the
  // ends of its link steps (their events and time expressions), the steps and their documents.
  std::size_t steps = 0;
  for (const auto& e : s.events) {
    const auto after = st.ask(graph::question::after, {e.id}, 7, store::excerpt_use::printing);
    std::set<std::string> named{e.id}, links, docs;
    for (const auto& h : after.answer.events)
      for (const auto& step : h.via) {
        named.insert(step.from);
        named.insert(step.to);
        links.insert(step.from + " " + step.type + " " + step.to);
        docs.insert(step.support.doc);
        ++steps;
      }
    CHECK(after.excerpt.events.size() + after.excerpt.timexes.size() <= named.size());
    for (const auto& x : after.excerpt.events) CHECK(named.count(x.id) == 1);
    for (const auto& tx : after.excerpt.timexes) CHECK(named.count(tx.id) == 1);
    CHECK(after.excerpt.links.size() <= links.size());
    CHECK(after.excerpt.documents.size() <= docs.size());
    CHECK(after.excerpt.diagnostics.empty());
  }
  CHECK(steps > 0);
}

TEST_CASE("a corrupt query index is an input error, not a crash", "[store][query]") {
  temp_store t("corrupt");
  {
    auto st = story_store::open(t.path);
    (void)st.ingest(ingest::read_inputs({samples}, {}).documents, pipeline_models::load_default());
    (void)st.cached_story();  // writes the index
  }
  const auto corrupt = [&](const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(t.path.string().c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  };
  SECTION("a truncated graph image") { corrupt("UPDATE story_index SET graph = substr(graph, 1, 40)"); }
  SECTION("an image that claims more events than there are rows") {
    corrupt("DELETE FROM story_events WHERE seq = (SELECT max(seq) FROM story_events)");
  }
  SECTION("an id that names a vertex past the end") { corrupt("UPDATE story_ids SET vertex = 99999999"); }
  SECTION("word postings of odd length") { corrupt("UPDATE story_words SET events = x'010203'"); }
  SECTION("an image that claims more event labels than there are rows") {
    corrupt("DELETE FROM story_event_labels WHERE seq = (SELECT max(seq) FROM story_event_labels)");
  }
  SECTION("event labels missing inside the table") {
    corrupt("DELETE FROM story_event_labels WHERE seq > 0 AND seq < (SELECT max(seq) FROM story_event_labels)");
  }
  auto st = story_store::open(t.path, story_store::open_mode::read_only);
  const auto ask_all = [&] {
    (void)st.ask(graph::question::around, {"2025-06-05"});
    (void)st.ask(graph::question::causes, {"talks"});
    (void)st.ask(graph::question::before, {"talks"});
  };
  REQUIRE_THROWS_AS(ask_all(), input_error);
}
