// SPDX-License-Identifier: MIT
// The SQLite story store: schema, migrations, ingest, removal, corrections (docs/store.md).
#include "chronograph/store/store.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "chronograph/error.hpp"
#include "chronograph/store/serialize.hpp"
#include "chronograph/utf8.hpp"
#include "query_index.hpp"
#include "sqlite.hpp"

namespace chronograph::store {

using detail::statement;
using detail::transaction;

namespace {

// PRAGMA application_id of a chronograph store ("CHGR"), so other SQLite files are refused.
constexpr std::int64_t application_id = 0x43484752;

// migrations[v] takes a store from schema version v to v + 1 (0 = an empty database). Each
// runs inside the open transaction; the caller records the new version in meta.
const std::vector<std::function<void(sqlite3*, const std::string&)>>& migrations() {
  static const std::vector<std::function<void(sqlite3*, const std::string&)>> steps = {
      // 0 -> 1: the first schema.
      [](sqlite3* db, const std::string& file) {
        detail::exec(db, file,
                     "CREATE TABLE meta ("
                     "  key TEXT PRIMARY KEY NOT NULL,"
                     "  value TEXT NOT NULL) WITHOUT ROWID;"
                     "CREATE TABLE documents ("
                     "  id TEXT PRIMARY KEY NOT NULL,"
                     "  path TEXT NOT NULL,"
                     "  source TEXT NOT NULL,"
                     "  dct TEXT,"
                     "  text TEXT NOT NULL,"
                     "  content_hash TEXT NOT NULL,"
                     "  analysis_format INTEGER NOT NULL,"
                     "  analysis BLOB NOT NULL);"
                     "CREATE TABLE corrections ("
                     "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
                     "  kind TEXT NOT NULL CHECK (kind IN ('pin', 'merge', 'split', 'hide')),"
                     "  mentions TEXT NOT NULL,"
                     "  other TEXT NOT NULL DEFAULT '[]',"
                     "  value TEXT NOT NULL DEFAULT '',"
                     "  label TEXT NOT NULL DEFAULT '');"
                     "PRAGMA application_id = 1128810322;");
      },
      // 1 -> 2: a cache of the built story, so queries need not merge every analysis again.
      [](sqlite3* db, const std::string& file) {
        detail::exec(db, file,
                     "CREATE TABLE story_cache ("
                     "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                     "  program TEXT NOT NULL,"
                     "  story BLOB NOT NULL);");
      },
      // 2 -> 3: the cache becomes the query index (one row per part of the story, the graph's
      // indexes), so a question reads only what its answer needs.
      [](sqlite3* db, const std::string& file) {
        detail::exec(db, file, "DROP TABLE story_cache;");
        detail::exec(db, file, detail::query_index_schema_v3);
      },
      // 3 -> 4: what printing reads of each event in a table of small rows; the index is
      // cleared (the next question writes it again).
      [](sqlite3* db, const std::string& file) {
        detail::exec(db, file, detail::query_index_changes_v4);
        detail::clear_query_index(db, file);
      },
  };
  return steps;
}

static_assert(1128810322 == application_id);

std::int64_t pragma_integer(sqlite3* db, const std::string& file, const char* sql) {
  statement q(db, file, sql);
  return q.step() ? q.integer(0) : 0;
}

// The schema version recorded in meta; 0 for an empty database. Throws io_error for a SQLite
// file that is not a chronograph store.
int stored_version(sqlite3* db, const std::string& file) {
  const auto tables = pragma_integer(db, file, "SELECT count(*) FROM sqlite_master");
  if (tables == 0) return 0;
  const bool has_meta = pragma_integer(db, file, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") == 1;
  if (!has_meta || pragma_integer(db, file, "PRAGMA application_id") != application_id)
    throw io_error(file + ": not a chronograph story store (a SQLite database with other tables)");
  statement q(db, file, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!q.step()) throw io_error(file + ": not a chronograph story store (no schema_version in meta)");
  const auto text = q.text(0);
  try {
    std::size_t used = 0;
    const int v = std::stoi(text, &used);
    if (used != text.size() || v < 1) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    throw io_error(file + ": corrupt store: schema_version '" + text + "' is not a positive integer");
  }
}

// Why a document cannot be stored (the pipeline and the JSON output need these), or nullopt.
std::optional<std::string> invalid_reason(const document& doc) {
  if (doc.id.empty()) return "document has an empty id";
  if (std::any_of(doc.id.begin(), doc.id.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
    return "document id has control characters";
  if (find_invalid_utf8(doc.id)) return "document id is not valid UTF-8";
  if (const auto at = find_invalid_utf8(doc.text))
    return "invalid UTF-8 at byte " + std::to_string(*at) + " (line " + std::to_string(line_of(doc.text, *at)) + ")";
  return std::nullopt;
}

std::string join_json(const std::vector<std::string>& ids) { return nlohmann::json(ids).dump(); }

std::vector<std::string> split_json(const std::string& text, const std::string& file) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw io_error(file + ": corrupt store: correction mention list '" + text + "'");
  }
}

}  // namespace

const char* to_string(ingest_status s) noexcept {
  switch (s) {
    case ingest_status::added: return "added";
    case ingest_status::replaced: return "replaced";
    case ingest_status::unchanged: return "unchanged";
    case ingest_status::failed: return "failed";
  }
  return "failed";
}

struct story_store::impl {
  std::string file;
  detail::db_ptr db;
  bool read_only = false;
  int version = 0;

  // Inserts or replaces one document's row. Returns true when a row with the id existed.
  bool write(const merge::document_analysis& a, const std::string& hash) {
    const auto& doc = a.annotated.doc;
    statement exists(db.get(), file, "SELECT 1 FROM documents WHERE id = ?1");
    exists.bind(1, doc.id);
    const bool existed = exists.step();
    statement upsert(db.get(), file,
                     "INSERT INTO documents (id, path, source, dct, text, content_hash, analysis_format, analysis) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                     "ON CONFLICT(id) DO UPDATE SET path = excluded.path, source = excluded.source, dct = excluded.dct, "
                     "text = excluded.text, content_hash = excluded.content_hash, "
                     "analysis_format = excluded.analysis_format, analysis = excluded.analysis");
    upsert.bind(1, doc.id).bind(2, doc.path).bind(3, doc.source);
    if (doc.dct) upsert.bind(4, doc.dct->iso());
    else upsert.bind_null(4);
    upsert.bind(5, doc.text).bind(6, hash).bind(7, std::int64_t{analysis_format_version});
    upsert.bind_blob(8, serialize_analysis(a));
    upsert.step();
    invalidate_cache();
    return existed;
  }

  // Every write drops the cached story (the query index); it is rebuilt on demand.
  void invalidate_cache() { detail::clear_query_index(db.get(), file); }

  void require_writable() const {
    if (read_only) throw io_error(file + ": the store is open read-only");
  }
};

story_store::story_store(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
story_store::story_store(story_store&&) noexcept = default;
story_store& story_store::operator=(story_store&&) noexcept = default;
story_store::~story_store() = default;

story_store story_store::open(const std::filesystem::path& path, open_mode mode) {
  auto p = std::make_unique<impl>();
  p->file = path.string();
  p->read_only = mode == open_mode::read_only;
  std::error_code ec;
  if (mode != open_mode::read_write && !std::filesystem::exists(path, ec)) throw io_error(p->file + ": no such story store");
  sqlite3* raw = nullptr;
  const int flags = p->read_only ? SQLITE_OPEN_READONLY
                    : mode == open_mode::update ? SQLITE_OPEN_READWRITE
                                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(p->file.c_str(), &raw, flags, nullptr);
  p->db.reset(raw);
  if (rc != SQLITE_OK) detail::fail(raw, p->file, "cannot open the story store");
  sqlite3_extended_result_codes(raw, 1);
  if (mode == open_mode::update && sqlite3_db_readonly(raw, "main") == 1) p->read_only = true;  // write-protected file
  sqlite3_busy_timeout(raw, 10000);
  // Read pages through a memory map rather than one read() call each: a question reads many
  // small rows spread over the file. Writes still go through the journal as before.
  detail::exec(raw, p->file, "PRAGMA mmap_size = 1073741824");
  auto* db = p->db.get();
  const auto& file = p->file;
  if (p->read_only) {
    p->version = stored_version(db, file);
    if (p->version == 0) throw io_error(file + ": not a chronograph story store (empty database)");
  } else {
    transaction tx(db, file);
    p->version = stored_version(db, file);
    if (p->version < schema_version) {
      for (int v = p->version; v < schema_version; ++v) migrations()[static_cast<std::size_t>(v)](db, file);
      statement set(db, file, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?1)");
      set.bind(1, std::to_string(schema_version));
      set.step();
      p->version = schema_version;
    }
    tx.commit();
  }
  if (p->version > schema_version)
    throw io_error(file + ": the store has schema version " + std::to_string(p->version) +
                   ", newer than this chronograph reads (" + std::to_string(schema_version) +
                   "); use a newer chronograph");
  if (p->read_only && p->version < schema_version)
    throw io_error(file + ": the store has schema version " + std::to_string(p->version) +
                   " and must be migrated to " + std::to_string(schema_version) + "; open it for writing once");
  return story_store(std::move(p));
}

int story_store::version() const { return impl_->version; }

std::vector<ingest_outcome> story_store::ingest(std::vector<document> docs, const pipeline_models& models,
                                                const ingest_options& options) {
  impl_->require_writable();
  auto* db = impl_->db.get();
  const auto& file = impl_->file;
  std::vector<ingest_outcome> outcomes(docs.size());
  // The last input with a given id wins; earlier ones are reported.
  std::map<std::string, std::size_t> last_of;
  for (std::size_t i = 0; i < docs.size(); ++i) last_of[docs[i].id] = i;

  // Analysis runs before the write transaction, so other processes are locked out only while
  // the results are written; the hashes are checked again inside it.
  std::vector<document> todo;
  std::map<std::string, std::size_t> index_of;  // doc id -> input index
  std::map<std::string, std::string> hash_of;
  {
    // Same content is unchanged unless its stored analysis is of an older format: re-ingesting
    // the documents after upgrading chronograph re-analyzes them (status "replaced").
    statement lookup(db, file, "SELECT content_hash, analysis_format FROM documents WHERE id = ?1");
    for (std::size_t i = 0; i < docs.size(); ++i) {
      auto& doc = docs[i];
      outcomes[i].id = doc.id;
      outcomes[i].path = doc.path;
      if (last_of[doc.id] != i) {
        outcomes[i].status = ingest_status::failed;
        outcomes[i].message = doc.path + ": document id '" + doc.id + "' is given again later (" +
                              docs[last_of[doc.id]].path + "); the later one is stored";
        continue;
      }
      if (const auto why = invalid_reason(doc)) {
        outcomes[i].status = ingest_status::failed;
        outcomes[i].message = (doc.path.empty() ? doc.id : doc.path) + ": " + *why;
        continue;
      }
      const auto hash = content_hash(doc);
      lookup.reset();
      lookup.bind(1, doc.id);
      if (lookup.step() && lookup.text(0) == hash && lookup.integer(1) == analysis_format_version) {
        outcomes[i].status = ingest_status::unchanged;
        continue;
      }
      index_of[doc.id] = i;
      hash_of[doc.id] = hash;
      todo.push_back(std::move(doc));
    }
  }
  auto batch = analyze_documents(std::move(todo), models, options.jobs, options.progress);
  transaction tx(db, file);
  statement lookup(db, file, "SELECT content_hash, analysis_format FROM documents WHERE id = ?1");
  std::size_t written = 0;
  for (const auto& a : batch.analyses) {
    const auto& id = a.annotated.doc.id;
    lookup.reset();
    lookup.bind(1, id);
    const bool stored = lookup.step();
    if (stored && lookup.text(0) == hash_of.at(id) && lookup.integer(1) == analysis_format_version) {
      // another process stored it meanwhile
      outcomes[index_of.at(id)].status = ingest_status::unchanged;
      continue;
    }
    lookup.reset();
    const bool existed = impl_->write(a, hash_of.at(id));
    outcomes[index_of.at(id)].status = existed ? ingest_status::replaced : ingest_status::added;
    ++written;
    if (options.after_write) options.after_write(written);
  }
  lookup.reset();
  for (const auto& f : batch.failures) {
    auto& o = outcomes[index_of.at(f.id)];
    o.status = ingest_status::failed;
    o.message = f.message;
  }
  tx.commit();
  return outcomes;
}

void story_store::put(const merge::document_analysis& analysis) {
  impl_->require_writable();
  transaction tx(impl_->db.get(), impl_->file);
  (void)impl_->write(analysis, content_hash(analysis.annotated.doc));
  tx.commit();
}

void story_store::put_all(const std::vector<merge::document_analysis>& analyses) {
  impl_->require_writable();
  transaction tx(impl_->db.get(), impl_->file);
  for (const auto& a : analyses) (void)impl_->write(a, content_hash(a.annotated.doc));
  tx.commit();
}

bool story_store::remove(const std::string& doc_id) {
  impl_->require_writable();
  transaction tx(impl_->db.get(), impl_->file);
  statement del(impl_->db.get(), impl_->file, "DELETE FROM documents WHERE id = ?1");
  del.bind(1, doc_id);
  del.step();
  const bool removed = sqlite3_changes(impl_->db.get()) > 0;
  if (removed) impl_->invalidate_cache();
  tx.commit();
  return removed;
}

std::vector<stored_document> story_store::documents() const {
  statement q(impl_->db.get(), impl_->file,
              "SELECT id, path, source, dct, content_hash, length(CAST(text AS BLOB)) FROM documents ORDER BY id");
  std::vector<stored_document> out;
  while (q.step()) {
    stored_document d;
    d.id = q.text(0);
    d.path = q.text(1);
    d.source = q.text(2);
    d.dct = q.optional_text(3);
    d.content_hash = q.text(4);
    d.text_bytes = static_cast<std::size_t>(q.integer(5));
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<merge::document_analysis> story_store::analyses() const {
  statement q(impl_->db.get(), impl_->file, "SELECT id, analysis FROM documents ORDER BY id");
  std::vector<merge::document_analysis> out;
  while (q.step()) out.push_back(deserialize_analysis(q.blob(1), impl_->file + ": document " + q.text(0)));
  return out;
}

std::optional<merge::document_analysis> story_store::analysis(const std::string& doc_id) const {
  statement q(impl_->db.get(), impl_->file, "SELECT analysis FROM documents WHERE id = ?1");
  q.bind(1, doc_id);
  if (!q.step()) return std::nullopt;
  return deserialize_analysis(q.blob(0), impl_->file + ": document " + doc_id);
}

story story_store::build_uncorrected() const { return merge::build_story(analyses()); }

story story_store::build() const { return apply_corrections(build_uncorrected(), corrections()); }

namespace {
// Which program wrote a cached story: a cache from another version is rebuilt.
const std::string& program_key() {
  static const std::string key = std::string("chronograph ") + CHRONOGRAPH_STORE_PROGRAM_VERSION + " analysis " +
                                 std::to_string(analysis_format_version) + " story " + std::to_string(story_format_version) +
                                 " index 1";
  return key;
}
}  // namespace

story story_store::cached_story() {
  {
    detail::read_transaction snapshot(impl_->db.get(), impl_->file);
    if (const auto index = detail::query_index::open(impl_->db.get(), impl_->file, program_key())) return index->whole_story();
  }
  auto s = build();
  if (!impl_->read_only) {
    transaction tx(impl_->db.get(), impl_->file);
    detail::write_query_index(impl_->db.get(), impl_->file, s, program_key());
    tx.commit();
  }
  return s;
}

query_result story_store::ask(graph::question q, const std::vector<std::string>& arguments, long days, excerpt_use use) {
  {
    detail::read_transaction snapshot(impl_->db.get(), impl_->file);
    if (const auto index = detail::query_index::open(impl_->db.get(), impl_->file, program_key()))
      return index->ask(q, arguments, days, use);
  }
  query_result result;
  result.excerpt = cached_story();  // builds the story and writes the index (unless read-only)
  const auto g = graph::event_graph::from_story(result.excerpt);
  result.answer = graph::ask(g, q, arguments, days);
  return result;
}

correction story_store::add_correction(correction c) {
  impl_->require_writable();
  transaction tx(impl_->db.get(), impl_->file);
  statement ins(impl_->db.get(), impl_->file,
                "INSERT INTO corrections (kind, mentions, other, value, label) VALUES (?1, ?2, ?3, ?4, ?5)");
  ins.bind(1, std::string_view(to_string(c.kind)))
      .bind(2, join_json(c.mentions))
      .bind(3, join_json(c.other))
      .bind(4, c.value)
      .bind(5, c.label);
  ins.step();
  c.id = sqlite3_last_insert_rowid(impl_->db.get());
  impl_->invalidate_cache();
  tx.commit();
  return c;
}

std::vector<correction> story_store::corrections() const {
  statement q(impl_->db.get(), impl_->file, "SELECT id, kind, mentions, other, value, label FROM corrections ORDER BY id");
  std::vector<correction> out;
  while (q.step()) {
    correction c;
    c.id = q.integer(0);
    const auto kind = correction_kind_from_string(q.text(1));
    if (!kind) throw io_error(impl_->file + ": corrupt store: correction kind '" + q.text(1) + "'");
    c.kind = *kind;
    c.mentions = split_json(q.text(2), impl_->file);
    c.other = split_json(q.text(3), impl_->file);
    c.value = q.text(4);
    c.label = q.text(5);
    out.push_back(std::move(c));
  }
  return out;
}

bool story_store::remove_correction(std::int64_t id) {
  impl_->require_writable();
  transaction tx(impl_->db.get(), impl_->file);
  statement del(impl_->db.get(), impl_->file, "DELETE FROM corrections WHERE id = ?1");
  del.bind(1, id);
  del.step();
  const bool removed = sqlite3_changes(impl_->db.get()) > 0;
  if (removed) impl_->invalidate_cache();
  tx.commit();
  return removed;
}

}  // namespace chronograph::store
