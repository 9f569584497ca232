// SPDX-License-Identifier: MIT
// Private RAII wrappers over the SQLite C API: a connection, prepared statements and an
// immediate transaction that rolls back unless committed. Errors become io_error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace chronograph::store::detail {

struct db_closer {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using db_ptr = std::unique_ptr<sqlite3, db_closer>;

struct stmt_finalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};

/// Throws io_error "<file>: <what>: <sqlite message>".
[[noreturn]] void fail(sqlite3* db, const std::string& file, const std::string& what);

/// Runs SQL without results (may hold several statements).
void exec(sqlite3* db, const std::string& file, const char* sql);

/// A prepared statement; bind with 1-based indexes, step until it returns false.
class statement {
 public:
  statement(sqlite3* db, const std::string& file, std::string_view sql);
  statement& bind(int index, std::string_view text);
  statement& bind_blob(int index, std::string_view bytes);
  statement& bind(int index, std::int64_t value);
  statement& bind_null(int index);
  /// Steps once: true when a row is available, false when done. Throws on errors.
  bool step();
  /// Resets for another execution (bindings are kept until rebound).
  void reset();
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::string_view blob(int column) const;  ///< valid until the next step/reset
  [[nodiscard]] std::optional<std::string> optional_text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  const std::string& file_;
  std::unique_ptr<sqlite3_stmt, stmt_finalizer> stmt_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class transaction {
 public:
  transaction(sqlite3* db, const std::string& file);
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction();
  void commit();

 private:
  sqlite3* db_;
  const std::string& file_;
  bool done_ = false;
};

/// BEGIN (deferred) on construction, COMMIT on destruction: a consistent snapshot for many
/// reads, and one shared lock for all of them instead of one per statement.
class read_transaction {
 public:
  read_transaction(sqlite3* db, const std::string& file);
  read_transaction(const read_transaction&) = delete;
  read_transaction& operator=(const read_transaction&) = delete;
  ~read_transaction();

 private:
  sqlite3* db_;
};

}  // namespace chronograph::store::detail
