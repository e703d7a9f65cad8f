#include "store/sqlite.h"

#include <cerrno>

#include <sqlite3.h>

#include "log/log.h"
#include "store/store_error.h"

namespace ta {
namespace {

// Multi-line SQL is unreadable in one log line; the first 200 characters identify it.
std::string describe_sql(const std::string& sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (c == '\n' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > 200) out = out.substr(0, 200) + "...";
  return out;
}

[[noreturn]] void fail_with(sqlite3* db, const std::string& operation, const std::string& message) {
  int code = sqlite3_extended_errcode(db);
  // A full disk often surfaces as SQLITE_IOERR_WRITE (WAL mode); errno tells it apart.
  if ((code & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC) code = StoreError::kNoSpaceCode;
  throw StoreError(operation, message, code);
}

[[noreturn]] void fail(sqlite3* db, const std::string& operation, int rc) {
  if (db) fail_with(db, operation, sqlite3_errmsg(db));
  throw StoreError(operation, sqlite3_errstr(rc), rc);
}

}  // namespace

Database::Database(const std::string& path, int busy_timeout_ms) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("open " + path, message, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Database::~Database() {
  // sqlite3_close_v2 defers the close until any leaked statement is finalized instead of failing.
  if (db_) sqlite3_close_v2(db_);
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    fail_with(db_, describe_sql(sql), message);
  }
}

std::int64_t Database::query_int(const std::string& sql) {
  Statement stmt(*this, sql);
  if (!stmt.step()) throw StoreError(describe_sql(sql), "no row");
  return stmt.column_int(0);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

Statement::Statement(Database& db, const std::string& sql) : db_(db), sql_(sql) {
  int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size() + 1), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db.handle(), "prepare " + describe_sql(sql), rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK) fail(db_.handle(), "bind #" + std::to_string(index) + " " + describe_sql(sql_), rc);
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
  check_bind(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
             index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

int Statement::parameter_index(const std::string& name) const {
  int index = sqlite3_bind_parameter_index(stmt_, name.c_str());
  if (index == 0) throw StoreError("bind " + name + " " + describe_sql(sql_), "no such parameter");
  return index;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_.handle(), describe_sql(sql_), rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const std::exception& e) {
    // A destructor must not throw; sqlite already rolled back when the failure was fatal.
    logger("store")->warn("트랜잭션 되돌리기 실패: {}", e.what());
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace ta
