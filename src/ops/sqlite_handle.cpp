#include "ops/sqlite_handle.h"

#include <sqlite3.h>

#include "ops/ops_error.h"

namespace ta {

SqliteHandle::SqliteHandle(const std::string& path, int flags, const std::string& what_for) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw OpsError(what_for + ": " + path + "을(를) 열 수 없습니다 (" + message + ")");
  }
  sqlite3_extended_result_codes(db_, 1);
}

SqliteHandle::~SqliteHandle() {
  if (db_) sqlite3_close_v2(db_);
}

std::string SqliteHandle::try_exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return "";
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return message;
}

std::vector<std::string> SqliteHandle::column_texts(const std::string& sql, const std::string& what_for) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    throw OpsError(what_for + ": " + message);
  }
  std::vector<std::string> rows;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  if (rc != SQLITE_DONE) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    throw OpsError(what_for + ": " + message);
  }
  sqlite3_finalize(stmt);
  return rows;
}

std::vector<std::string> integrity_problems(const std::string& path, int max_problems) {
  // Read-write (never create): a read-only connection cannot open a WAL-mode file whose -shm is
  // missing, and callers only check files they are about to own anyway.
  SqliteHandle db(path, SQLITE_OPEN_READWRITE, "무결성 검사");
  try {
    auto rows = db.column_texts("PRAGMA integrity_check(" + std::to_string(max_problems) + ")", "무결성 검사");
    if (rows.size() == 1 && rows.front() == "ok") return {};
    if (rows.empty()) rows.push_back("integrity_check가 결과를 돌려주지 않았습니다");
    return rows;
  } catch (const OpsError& e) {
    // A file that is not SQLite or whose header is damaged fails before any row.
    const std::string text = e.what();
    const std::string prefix = "무결성 검사: ";
    return {text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text};
  }
}

}  // namespace ta
