#include "store/sqlite.h"

#include <gtest/gtest.h>

#include "store/store_error.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using SqliteWrapperTest = StoreTest;

TEST_F(SqliteWrapperTest, BindsByIndexAndNameAndReadsTypedColumns) {
  Database db(db_path(), 1000);
  db.exec("CREATE TABLE t (a INTEGER, b TEXT, c REAL, d TEXT)");
  Statement insert(db, "INSERT INTO t VALUES (?, :b, ?, :d)");
  insert.bind(1, std::int64_t{42}).bind(":b", std::string("가나다")).bind(3, 1.5).bind_null(":d");
  insert.run();
  Statement q(db, "SELECT a, b, c, d FROM t");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.column_int(0), 42);
  EXPECT_EQ(q.column_text(1), "가나다");
  EXPECT_DOUBLE_EQ(q.column_double(2), 1.5);
  EXPECT_TRUE(q.is_null(3));
  EXPECT_EQ(q.column_optional_text(3), std::nullopt);
  EXPECT_FALSE(q.step());
}

TEST_F(SqliteWrapperTest, ErrorsNameTheOperationAndSqliteMessage) {
  Database db(db_path(), 1000);
  try {
    Statement bad(db, "SELECT * FROM no_such_table");
    FAIL() << "prepare should fail";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("SELECT * FROM no_such_table"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no such table"), std::string::npos) << e.what();
  }
  db.exec("CREATE TABLE u (k TEXT PRIMARY KEY)");
  db.exec("INSERT INTO u VALUES ('x')");
  Statement dup(db, "INSERT INTO u VALUES (?)");
  dup.bind(1, "x");
  EXPECT_THROW(dup.run(), StoreError);
  Statement named(db, "SELECT ?1");
  EXPECT_THROW(named.bind(":missing", std::string("v")), StoreError);
}

TEST_F(SqliteWrapperTest, AFullDatabaseSaysSo) {
  Database db(db_path(), 1000);
  db.exec("CREATE TABLE big (v TEXT)");
  // The file may grow no further: SQLite answers SQLITE_FULL, as on a full disk.
  const auto pages = db.query_int("PRAGMA page_count");
  db.exec("PRAGMA max_page_count = " + std::to_string(pages + 1));
  Statement insert(db, "INSERT INTO big VALUES (?)");
  bool full = false;
  for (int i = 0; i < 100 && !full; ++i) {
    insert.reset();
    insert.bind(1, std::string(4000, 'x'));
    try {
      insert.run();
    } catch (const StoreError& e) {
      full = true;
      EXPECT_TRUE(e.disk_full()) << e.what() << " (code " << e.sqlite_code() << ")";
    }
  }
  EXPECT_TRUE(full) << "the page limit was never reached";
  try {
    db.exec("SELECT * FROM no_such_table");
  } catch (const StoreError& e) {
    EXPECT_FALSE(e.disk_full()) << e.what();
  }
}

TEST_F(SqliteWrapperTest, TransactionRollsBackUnlessCommitted) {
  Database db(db_path(), 1000);
  db.exec("CREATE TABLE t (a INTEGER)");
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM t"), 0);
  {
    Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM t"), 1);
}

TEST_F(SqliteWrapperTest, OpenFailureIsAStoreError) {
  EXPECT_THROW(Database((dir_ / "missing-dir" / "x.db").string(), 1000), StoreError);
}

}  // namespace
}  // namespace ta::testing
