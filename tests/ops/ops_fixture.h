#pragma once
// A data dir with a real store (schema applied by Store) and helpers that add and count ticket
// rows through separate connections, the way the monitor and the dashboard do.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace ta::testing {

inline void insert_ticket(Database& db, const std::string& id) {
  Statement(db,
            "INSERT INTO tickets(site, id, title, first_seen, last_seen, content_hash) "
            "VALUES ('interpark', :id, :title, 1, 1, 'h')")
      .bind(":id", id)
      .bind(":title", "공연 " + id)
      .run();
}

inline std::int64_t ticket_count(const std::string& db_path) {
  Database db(db_path, kStoreBusyTimeoutMs);
  return db.query_int("SELECT count(*) FROM tickets");
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline unsigned file_mode(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

class OpsTest : public ::testing::Test {
 protected:
  std::string data_dir() const { return dir_.file("data"); }
  std::string db_path() const { return database_path(data_dir()); }
  std::string config_path() const { return dir_.file("config.json"); }

  // A store with `n` tickets t0..t(n-1), closed again.
  void make_store(int n) {
    Store store(db_path());
    Database db(db_path(), kStoreBusyTimeoutMs);
    for (int i = 0; i < n; ++i) insert_ticket(db, "t" + std::to_string(i));
  }

  test::TempDir dir_;
};

}  // namespace ta::testing
