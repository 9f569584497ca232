// SPDX-License-Identifier: MIT
#include "sqlite.hpp"

#include "chronograph/error.hpp"

namespace chronograph::store::detail {

void fail(sqlite3* db, const std::string& file, const std::string& what) {
  throw io_error(file + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const std::string& file, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw io_error(file + ": " + text);
  }
}

statement::statement(sqlite3* db, const std::string& file, std::string_view sql) : db_(db), file_(file) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
    fail(db, file, "cannot prepare '" + std::string(sql) + "'");
  stmt_.reset(raw);
}

statement& statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    fail(db_, file_, "cannot bind a value");
  return *this;
}

statement& statement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, file_, "cannot bind a value");
  return *this;
}

statement& statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) fail(db_, file_, "cannot bind a value");
  return *this;
}

statement& statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) fail(db_, file_, "cannot bind a value");
  return *this;
}

bool statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, file_, "query failed");
}

void statement::reset() { sqlite3_reset(stmt_.get()); }

std::string statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_.get(), column);
  const auto n = sqlite3_column_bytes(stmt_.get(), column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::string_view statement::blob(int column) const {
  const auto* p = sqlite3_column_blob(stmt_.get(), column);
  const auto n = sqlite3_column_bytes(stmt_.get(), column);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

std::optional<std::string> statement::optional_text(int column) const {
  if (sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

transaction::transaction(sqlite3* db, const std::string& file) : db_(db), file_(file) {
  exec(db, file, "BEGIN IMMEDIATE");
}

transaction::~transaction() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void transaction::commit() {
  exec(db_, file_, "COMMIT");
  done_ = true;
}

read_transaction::read_transaction(sqlite3* db, const std::string& file) : db_(db) { exec(db, file, "BEGIN"); }

read_transaction::~read_transaction() { sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); }

}  // namespace chronograph::store::detail
