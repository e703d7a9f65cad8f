#pragma once
// Backup and restore need connections store/sqlite.h does not make (no CREATE on the source, the
// backup API on raw handles), so ops opens its own; this closes them on every path.
#include <string>
#include <vector>

struct sqlite3;

namespace ta {

class SqliteHandle {
 public:
  // sqlite3_open_v2 with `flags`; throws OpsError with sqlite's message and `what_for` (Korean).
  SqliteHandle(const std::string& path, int flags, const std::string& what_for);
  ~SqliteHandle();
  SqliteHandle(const SqliteHandle&) = delete;
  SqliteHandle& operator=(const SqliteHandle&) = delete;

  sqlite3* get() const { return db_; }
  // Runs `sql`; returns sqlite's error text, or "" on success.
  std::string try_exec(const std::string& sql);
  // Every row's first column as text, or throws OpsError prefixed with `what_for`.
  std::vector<std::string> column_texts(const std::string& sql, const std::string& what_for);

 private:
  sqlite3* db_ = nullptr;
};

// `PRAGMA integrity_check` of the database at `path`: an empty vector when it is sound, else the
// problems sqlite reports (at most `max_problems`), including "file is not a database" for a file
// that is not SQLite at all.
std::vector<std::string> integrity_problems(const std::string& path, int max_problems = 10);

}  // namespace ta
