#pragma once
// The schema lives in `PRAGMA user_version`: migration N moves a database from version N-1 to N.
// A new column is a new entry at the end of the list (never an edit of an old one), so every
// existing database runs exactly the steps it has not seen yet.
#include <string>
#include <vector>

namespace ta {

class Database;

struct Migration {
  int version;       // 1, 2, 3, ... in order
  std::string name;  // for the log
  std::string sql;   // one or more statements
};

// The store's own schema history.
const std::vector<Migration>& store_migrations();

// Brings `db` up to the last version in `migrations`, each step in its own transaction together
// with its user_version bump. Returns the number of steps applied. Throws StoreError when the
// file was written by a newer ticket-alarm (a version past the list) or a step fails.
int apply_migrations(Database& db, const std::vector<Migration>& migrations);

int schema_version(Database& db);

}  // namespace ta
