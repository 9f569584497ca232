// SPDX-License-Identifier: MIT
// The story store end to end: schema, ingest, order independence, replacement, removal,
// corrections that survive rebuilds, and a process killed in the middle of an ingest.
#include "chronograph/store/store.hpp"
#include "chronograph/store/serialize.hpp"

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "chronograph/error.hpp"
#include "chronograph/ingest/reader.hpp"
#include "chronograph/graph/query.hpp"
#include "chronograph/render/answer.hpp"
#include "chronograph/render/json.hpp"

using namespace chronograph;
namespace fs = std::filesystem;
using store::story_store;

namespace {

const std::string samples = CHRONOGRAPH_SOURCE_DIR "/samples";
const std::string data = CHRONOGRAPH_TEST_DIR "/store/data";

const pipeline_models& models() {
  static const auto loaded = pipeline_models::load_default();
  return loaded;
}

// A fresh store path in the temporary directory, removed when the test ends.
struct temp_store {
  fs::path path;
  explicit temp_store(const std::string& name)
      : path(fs::temp_directory_path() / ("chronograph-store-test-" + std::to_string(::getpid()) + "-" + name + ".db")) {
    fs::remove(path);
    fs::remove(path.string() + "-journal");
  }
  ~temp_store() {
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path.string() + "-journal", ec);
  }
};

std::vector<document> read(const std::vector<std::string>& inputs) {
  auto r = ingest::read_inputs(inputs, {});
  REQUIRE(r.failures.empty());
  return r.documents;
}

std::string one_build(const std::vector<std::string>& inputs) {
  auto batch = analyze_documents(read(inputs), models(), 1);
  REQUIRE(batch.failures.empty());
  return render::to_json(merge::build_story(batch.analyses));
}

void exec_sql(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

std::int64_t sql_integer(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
  const std::int64_t value = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(db);
  return value;
}

std::vector<store::ingest_status> statuses(const std::vector<store::ingest_outcome>& outcomes) {
  std::vector<store::ingest_status> out;
  for (const auto& o : outcomes) out.push_back(o.status);
  return out;
}

const story_event* holding(const story& s, const std::string& mention) {
  for (const auto& e : s.events)
    if (std::find(e.mention_ids.begin(), e.mention_ids.end(), mention) != e.mention_ids.end()) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("a new store has the current schema and refuses newer ones", "[store][schema]") {
  temp_store t("schema");
  {
    auto st = story_store::open(t.path);
    REQUIRE(st.version() == store::schema_version);
    REQUIRE(st.documents().empty());
    REQUIRE(st.build().events.empty());
  }
  SECTION("reopening keeps the version") { REQUIRE(story_store::open(t.path).version() == store::schema_version); }
  SECTION("a store written by a newer schema fails with a clear error") {
    exec_sql(t.path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    REQUIRE_THROWS_AS(story_store::open(t.path), io_error);
    REQUIRE_THROWS_WITH(story_store::open(t.path), Catch::Contains("schema version 99") && Catch::Contains("newer"));
    REQUIRE_THROWS_WITH(story_store::open(t.path, story_store::open_mode::read_only), Catch::Contains("schema version 99"));
  }
  SECTION("a store of schema version 1 is migrated on open, its documents kept") {
    temp_store v1("v1");
    exec_sql(v1.path,
             "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
             "CREATE TABLE documents (id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL, dct TEXT,"
             "  text TEXT NOT NULL, content_hash TEXT NOT NULL, analysis_format INTEGER NOT NULL, analysis BLOB NOT NULL);"
             "CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT,"
             "  kind TEXT NOT NULL CHECK (kind IN ('pin', 'merge', 'split', 'hide')), mentions TEXT NOT NULL,"
             "  other TEXT NOT NULL DEFAULT '[]', value TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '');"
             "PRAGMA application_id = 1128810322;"
             "INSERT INTO meta VALUES ('schema_version', '1');"
             "INSERT INTO corrections (kind, mentions) VALUES ('hide', '[\"a:e1\"]');");
    REQUIRE_THROWS_WITH(story_store::open(v1.path, story_store::open_mode::read_only), Catch::Contains("must be migrated"));
    auto st = story_store::open(v1.path);
    REQUIRE(st.version() == store::schema_version);
    REQUIRE(st.corrections().size() == 1);
    REQUIRE(st.cached_story().events.empty());
    REQUIRE(story_store::open(v1.path, story_store::open_mode::read_only).version() == store::schema_version);
  }
  SECTION("a store of schema version 2 (a story cache) is migrated to the query index") {
    temp_store v2("v2");
    {
      auto st = story_store::open(v2.path);
      (void)st.ingest(read({samples}), models());
    }
    // Back to version 2 as it was: the story cache table instead of the query index.
    exec_sql(v2.path,
             "DROP TABLE story_index; DROP TABLE story_events; DROP TABLE story_event_labels; DROP TABLE story_timexes;"
             "DROP TABLE story_links;"
             "DROP TABLE story_documents; DROP TABLE story_diagnostics; DROP TABLE story_ids; DROP TABLE story_words;"
             "CREATE TABLE story_cache (id INTEGER PRIMARY KEY CHECK (id = 1), program TEXT NOT NULL, story BLOB NOT NULL);"
             "INSERT INTO story_cache VALUES (1, 'chronograph 0.1.0 analysis 2 story 2', x'00');"
             "UPDATE meta SET value = '2' WHERE key = 'schema_version';");
    REQUIRE_THROWS_WITH(story_store::open(v2.path, story_store::open_mode::read_only), Catch::Contains("must be migrated"));
    auto st = story_store::open(v2.path);
    REQUIRE(st.version() == store::schema_version);
    REQUIRE(st.documents().size() == 5);
    REQUIRE(render::to_json(st.cached_story()) == one_build({samples}));
    REQUIRE(!st.ask(graph::question::around, {"2025-06-05"}).answer.events.empty());
  }
  SECTION("a store of schema version 3 (no event labels) is migrated, its query index cleared and written again") {
    temp_store v3("v3");
    {
      auto st = story_store::open(v3.path);
      (void)st.ingest(read({samples}), models());
      (void)st.cached_story();  // writes the index
    }
    // Back to version 3 as it was: the id and summary of each event in story_events, no
    // story_event_labels; the index as version 3 wrote it.
    exec_sql(v3.path,
             "CREATE TABLE old_events AS SELECT e.seq AS seq, l.id AS id, l.summary AS summary, e.event AS event"
             "  FROM story_events e JOIN story_event_labels l USING (seq);"
             "DROP TABLE story_events; DROP TABLE story_event_labels;"
             "CREATE TABLE story_events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, summary TEXT NOT NULL, event BLOB NOT NULL);"
             "INSERT INTO story_events SELECT seq, id, summary, event FROM old_events; DROP TABLE old_events;"
             "UPDATE meta SET value = '3' WHERE key = 'schema_version';");
    REQUIRE(sql_integer(v3.path, "SELECT count(*) FROM story_index") == 1);
    REQUIRE(sql_integer(v3.path, "SELECT count(*) FROM story_events") > 0);
    REQUIRE_THROWS_WITH(story_store::open(v3.path, story_store::open_mode::read_only), Catch::Contains("must be migrated"));
    auto st = story_store::open(v3.path);
    REQUIRE(st.version() == store::schema_version);
    REQUIRE(st.documents().size() == 5);
    REQUIRE(sql_integer(v3.path, "SELECT count(*) FROM story_index") == 0);
    REQUIRE(sql_integer(v3.path, "SELECT count(*) FROM story_events") == 0);
    const auto s = st.build();
    const auto g = graph::event_graph::from_story(s);
    REQUIRE(s.events.size() > 2);
    const std::vector<std::pair<graph::question, std::vector<std::string>>> questions = {
        {graph::question::around, {"2025-06-05"}},
        {graph::question::after, {s.events[s.events.size() / 2].id}},
        {graph::question::before, {"talks"}}};
    for (const auto& [q, arguments] : questions) {
      const auto r = st.ask(q, arguments);  // the first one writes the index
      REQUIRE(render::answer_to_text(r.answer, r.excerpt) == render::answer_to_text(graph::ask(g, q, arguments), s));
    }
    REQUIRE(sql_integer(v3.path, "SELECT count(*) FROM story_event_labels") == static_cast<std::int64_t>(s.events.size()));
    REQUIRE(render::to_json(st.cached_story()) == one_build({samples}));
  }
  SECTION("another SQLite database is not taken for a store") {
    temp_store other("other");
    exec_sql(other.path, "CREATE TABLE things (x INTEGER)");
    REQUIRE_THROWS_WITH(story_store::open(other.path), Catch::Contains("not a chronograph story store"));
  }
  SECTION("a file that is not SQLite fails with io_error") {
    temp_store other("text");
    { std::ofstream(other.path) << "not a database, just some text that is long enough to have a header\n"; }
    REQUIRE_THROWS_AS(story_store::open(other.path), io_error);
  }
  SECTION("read-only opening of a missing store fails") {
    temp_store missing("missing");
    REQUIRE_THROWS_WITH(story_store::open(missing.path, story_store::open_mode::read_only), Catch::Contains("no such story store"));
    REQUIRE(!fs::exists(missing.path));
  }
}

TEST_CASE("ingesting A then B, B then A, and one build over both give the same story bytes", "[store][order]") {
  const std::vector<std::string> a = {samples}, b = {data + "/v1", data + "/extra"};
  temp_store t1("ab"), t2("ba");
  {
    auto st = story_store::open(t1.path);
    REQUIRE(statuses(st.ingest(read(a), models())) == std::vector<store::ingest_status>(5, store::ingest_status::added));
    REQUIRE(statuses(st.ingest(read(b), models())) == std::vector<store::ingest_status>(2, store::ingest_status::added));
  }
  {
    auto st = story_store::open(t2.path);
    (void)st.ingest(read(b), models());
    (void)st.ingest(read(a), models(), {2, {}, {}});
  }
  const auto ab = render::to_json(story_store::open(t1.path, story_store::open_mode::read_only).build());
  const auto ba = render::to_json(story_store::open(t2.path, story_store::open_mode::read_only).build());
  REQUIRE(ab == ba);
  REQUIRE(ab == one_build({samples, data + "/v1", data + "/extra"}));

  auto st1 = story_store::open(t1.path);
  const auto s = st1.build();
  REQUIRE(s.documents.size() == 7);
  // The story encoding of the cache is faithful, and the cache serves the same story.
  REQUIRE(render::to_json(store::deserialize_story(store::serialize_story(s))) == ab);
  REQUIRE(render::to_json(st1.cached_story()) == ab);
  REQUIRE(render::to_json(st1.cached_story()) == ab);
  // The follow-up's "yesterday's call" (DCT June 6) is anchored on its own DCT: June 5.
  bool june5_from_followup = false;
  for (const auto& e : s.events)
    for (const auto& m : e.mention_ids)
      if (m.rfind("followup:", 0) == 0 && e.when.value == "2025-06-05") june5_from_followup = true;
  REQUIRE(june5_from_followup);
}

TEST_CASE("re-ingesting the same documents changes nothing", "[store][idempotent]") {
  temp_store t("idem");
  auto st = story_store::open(t.path);
  (void)st.ingest(read({samples}), models());
  const auto before = render::to_json(st.build());
  const auto docs_before = st.documents();
  const auto again = st.ingest(read({samples}), models());
  REQUIRE(statuses(again) == std::vector<store::ingest_status>(5, store::ingest_status::unchanged));
  REQUIRE(render::to_json(st.build()) == before);
  const auto docs_after = st.documents();
  REQUIRE(docs_after.size() == docs_before.size());
  for (std::size_t i = 0; i < docs_after.size(); ++i) REQUIRE(docs_after[i].content_hash == docs_before[i].content_hash);
}

TEST_CASE("re-ingesting after an upgrade re-analyzes documents stored in an older analysis format", "[store][idempotent]") {
  temp_store t("upgrade");
  auto st = story_store::open(t.path);
  (void)st.ingest(read({samples}), models());
  const auto before = render::to_json(st.build());
  // One document as an older chronograph stored it: same text, an analysis this build cannot read.
  const auto older = "UPDATE documents SET analysis_format = " + std::to_string(store::analysis_format_version - 1) +
                     ", analysis = x'434741' WHERE id = (SELECT MIN(id) FROM documents)";
  exec_sql(t.path, older.c_str());
  st = story_store::open(t.path);
  REQUIRE_THROWS(st.build());
  const auto again = st.ingest(read({samples}), models());
  auto expected = std::vector<store::ingest_status>(5, store::ingest_status::unchanged);
  expected[0] = store::ingest_status::replaced;
  REQUIRE(statuses(again) == expected);
  REQUIRE(render::to_json(st.build()) == before);
}

TEST_CASE("a new version of a document replaces the old one; remove takes one out", "[store][replace]") {
  temp_store t("replace");
  auto st = story_store::open(t.path);
  (void)st.ingest(read({samples, data + "/v1"}), models());
  const auto old_hash = st.documents().back().content_hash;

  const auto outcomes = st.ingest(read({data + "/v2"}), models());
  REQUIRE(statuses(outcomes) == std::vector<store::ingest_status>{store::ingest_status::replaced});
  const auto docs = st.documents();
  REQUIRE(docs.size() == 6);
  REQUIRE(docs.back().id == "followup");
  REQUIRE(docs.back().content_hash != old_hash);
  REQUIRE(st.analysis("followup")->annotated.doc.text.find("Lutnick") != std::string::npos);
  REQUIRE(render::to_json(st.build()) == one_build({samples, data + "/v2"}));

  REQUIRE(render::to_json(st.cached_story()) == render::to_json(st.build()));
  REQUIRE(st.remove("followup"));
  REQUIRE(!st.remove("followup"));
  REQUIRE(st.documents().size() == 5);
  REQUIRE(render::to_json(st.build()) == one_build({samples}));
  REQUIRE(render::to_json(st.cached_story()) == one_build({samples}));  // the cache was dropped
}

TEST_CASE("bad documents are reported and skipped; the others are stored", "[store][ingest]") {
  temp_store t("bad");
  auto docs = read({data + "/v1", data + "/extra"});
  document bad;
  bad.id = "broken";
  bad.path = "broken.txt";
  bad.text = std::string("Talks \xff\xfe ended.");
  docs.insert(docs.begin() + 1, bad);
  auto st = story_store::open(t.path);
  const auto outcomes = st.ingest(docs, models());
  REQUIRE(statuses(outcomes) == std::vector<store::ingest_status>{store::ingest_status::added, store::ingest_status::failed,
                                                                  store::ingest_status::added});
  REQUIRE_THAT(outcomes[1].message, Catch::Contains("broken.txt") && Catch::Contains("UTF-8"));
  REQUIRE(st.documents().size() == 2);
}

TEST_CASE("corrections apply after merging and survive rebuilds with more documents", "[store][corrections]") {
  temp_store t("corrections");
  auto st = story_store::open(t.path);
  (void)st.ingest(read({samples}), models());
  const auto s = st.build();
  REQUIRE(s.events.size() >= 4);

  // The event told by the most mentions (the June 5 call) loses one mention to a split.
  const story_event* widest = &s.events.front();
  for (const auto& e : s.events)
    if (e.mention_ids.size() > widest->mention_ids.size()) widest = &e;
  REQUIRE(widest->mention_ids.size() >= 2);
  const auto split_mention = widest->mention_ids.back();
  const auto kept_mention = widest->mention_ids.front();
  // Three single-mention events (other than the widest) to hide, pin and merge.
  std::vector<const story_event*> singles;
  for (const auto& e : s.events)
    if (e.id != widest->id && e.mention_ids.size() == 1) singles.push_back(&e);
  REQUIRE(singles.size() >= 4);
  const auto hidden = singles[0]->mention_ids.front();
  const auto pinned = singles[1]->mention_ids.front();
  const auto merged_a = singles[2]->mention_ids.front(), merged_b = singles[3]->mention_ids.front();

  st.add_correction(store::make_correction(s, store::correction_kind::split, {widest->id, split_mention}));
  st.add_correction(store::make_correction(s, store::correction_kind::hide, {singles[0]->id}));
  st.add_correction(store::make_correction(s, store::correction_kind::pin, {pinned, "2024-12-31"}));
  st.add_correction(store::make_correction(s, store::correction_kind::merge, {singles[2]->id, singles[3]->id}));
  REQUIRE(st.corrections().size() == 4);

  const auto check = [&](const story& c) {
    REQUIRE(holding(c, hidden) == nullptr);
    for (const auto& l : c.links) REQUIRE(l.from != singles[0]->id);
    REQUIRE(holding(c, pinned)->when.value == "2024-12-31");
    REQUIRE(holding(c, pinned)->when.anchor == "pinned");
    REQUIRE(holding(c, merged_a) == holding(c, merged_b));
    REQUIRE(holding(c, split_mention)->mention_ids.size() == 1);
    REQUIRE(holding(c, split_mention) != holding(c, kept_mention));
    for (const auto& d : c.diagnostics) REQUIRE(d.stage != "store");  // nothing skipped
  };
  const auto corrected = st.build();
  check(corrected);
  check(st.cached_story());
  REQUIRE(corrected.events.size() == s.events.size() - 1 /*hide*/ - 1 /*merge*/ + 1 /*split*/);

  // More documents: event ids may change, the corrections still find their events.
  (void)st.ingest(read({data + "/v1", data + "/extra"}), models());
  check(st.build());
  check(st.cached_story());
  // And after reopening the store.
  const auto reopened = story_store::open(t.path, story_store::open_mode::read_only).build();
  check(reopened);
  REQUIRE(render::to_json(reopened) == render::to_json(st.build()));

  SECTION("removing the documents of a correction skips it with a warning") {
    const auto doc = hidden.substr(0, hidden.find(':'));
    REQUIRE(st.remove(doc));
    bool warned = false;
    for (const auto& d : st.build().diagnostics)
      if (d.stage == "store" && d.rule == "correction.hide") warned = true;
    REQUIRE(warned);
  }
  SECTION("undoing a correction restores the merged story") {
    for (const auto& c : st.corrections()) REQUIRE(st.remove_correction(c.id));
    REQUIRE(render::to_json(st.build()) == render::to_json(st.build_uncorrected()));
  }
}

TEST_CASE("an ingest killed midway leaves every committed document and nothing half-written", "[store][crash]") {
  temp_store t("crash");
  (void)models();  // loaded before fork, shared with the child
  {
    auto st = story_store::open(t.path);
    (void)st.ingest(read({samples}), models());
  }
  const auto committed = render::to_json(story_store::open(t.path).build());
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(ready[0]);
    try {
      auto st = story_store::open(t.path);
      store::ingest_options opts;
      opts.after_write = [&](std::size_t written) {
        if (written == 1) {  // one document written inside the open transaction: die here
          const char byte = 'x';
          if (::write(ready[1], &byte, 1) != 1) ::_exit(3);
          for (;;) ::pause();
        }
      };
      auto docs = read({data + "/v2", data + "/extra"});
      (void)st.ingest(std::move(docs), models(), opts);
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(1);  // the hook did not run
  }
  ::close(ready[1]);
  char byte = 0;
  const auto got = ::read(ready[0], &byte, 1);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(ready[0]);
  REQUIRE(got == 1);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);

  auto st = story_store::open(t.path);
  REQUIRE(st.documents().size() == 5);
  REQUIRE(render::to_json(st.build()) == committed);
  exec_sql(t.path, "PRAGMA integrity_check");
  // The store works on: the interrupted ingest can be run again.
  const auto outcomes = st.ingest(read({data + "/v2", data + "/extra"}), models());
  REQUIRE(statuses(outcomes) == std::vector<store::ingest_status>(2, store::ingest_status::added));
  REQUIRE(st.documents().size() == 7);
}
