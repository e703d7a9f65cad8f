#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using MigrationsTest = StoreTest;

const int kLatest = store_migrations().back().version;

// This program's migrations and one more, as a later program would have them.
std::vector<Migration> with_next() {
  auto list = store_migrations();
  list.push_back({kLatest + 1, "tickets.price", "ALTER TABLE tickets ADD COLUMN price TEXT NOT NULL DEFAULT ''"});
  return list;
}

TEST_F(MigrationsTest, NewDatabaseIsCreatedAtTheLatestVersionWithWalAndForeignKeys) {
  Store store(db_path());
  EXPECT_EQ(store.schema_version(), store_migrations().back().version);
  EXPECT_TRUE(std::filesystem::exists(db_path()));
  Database db(db_path(), 1000);
  Statement mode(db, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.column_text(0), "wal");
  for (const char* table : {"tickets", "deliveries", "announced", "cycles", "daily_stats", "webhooks"}) {
    Statement q(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, table);
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.column_int(0), 1) << table;
  }
}

TEST_F(MigrationsTest, ExistingDatabaseRunsLaterMigrationsExactlyOnce) {
  {
    Store current(db_path());
    current.record_crawl("interpark", {make_ticket("1", "콘서트", "2025-08-01T20:00:00+09:00")}, now_, {});
    EXPECT_EQ(current.schema_version(), kLatest);
  }
  {
    Store next(db_path(), with_next());
    EXPECT_EQ(next.schema_version(), kLatest + 1);
    ASSERT_TRUE(next.ticket("interpark", "1").has_value());  // data survives
  }
  // Re-opening must not run it again: ALTER TABLE ADD COLUMN would fail on a duplicate column.
  EXPECT_NO_THROW({ Store again(db_path(), with_next()); });
  Database db(db_path(), 1000);
  EXPECT_EQ(apply_migrations(db, with_next()), 0);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM pragma_table_info('tickets') WHERE name = 'price'"), 1);
}

TEST_F(MigrationsTest, FailedMigrationLeavesTheVersionUnchanged) {
  { Store current(db_path()); }
  auto broken = store_migrations();
  broken.push_back({kLatest + 1, "broken", "ALTER TABLE tickets ADD COLUMN a TEXT; ALTER TABLE nope ADD COLUMN b TEXT"});
  EXPECT_THROW(Store(db_path(), broken), StoreError);
  Database db(db_path(), 1000);
  EXPECT_EQ(schema_version(db), kLatest);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM pragma_table_info('tickets') WHERE name = 'a'"), 0);
}

TEST_F(MigrationsTest, DatabaseFromANewerProgramIsRefused) {
  { Store next(db_path(), with_next()); }
  EXPECT_THROW(Store{db_path()}, StoreError);
}

}  // namespace
}  // namespace ta::testing
