#pragma once
// A thin RAII layer over the sqlite3 C API: one Database per connection, prepared Statements with
// binding by index or :name, and an IMMEDIATE Transaction that rolls back unless committed.
// Every failing call throws StoreError naming the SQL and sqlite's message.
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ta {

class Database {
 public:
  // Opens (creating when missing) the file; `busy_timeout_ms` lets concurrent writers wait for
  // each other instead of failing with SQLITE_BUSY.
  Database(const std::string& path, int busy_timeout_ms);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
  void exec(const std::string& sql);
  // The first column of the first row of `sql` as an integer (pragmas, counts).
  std::int64_t query_int(const std::string& sql);

  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based as in sqlite; `name` includes its prefix (":site").
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  Statement& bind(int index, const char* value) { return bind(index, std::string(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(const std::string& name, const T& value) {
    return bind(parameter_index(name), value);
  }
  Statement& bind_null(const std::string& name) { return bind_null(parameter_index(name)); }

  // True while a row is available; false once the statement is done.
  bool step();
  // Steps to completion, for statements that return no rows.
  void run();
  // Ready to run again with fresh bindings.
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  std::optional<std::string> column_optional_text(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;

  const std::string& sql() const { return sql_; }

 private:
  int parameter_index(const std::string& name) const;
  void check_bind(int rc, int index);

  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that later tries to write
// can fail with SQLITE_BUSY without waiting when another connection committed in between.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace ta
