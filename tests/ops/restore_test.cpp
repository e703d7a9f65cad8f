#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "ops/backup.h"
#include "ops/data_dir_lock.h"
#include "ops/ops_error.h"
#include "ops/restore.h"
#include "ops_fixture.h"

namespace ta::testing {
namespace {

namespace fs = std::filesystem;

class RestoreTest : public OpsTest {
 protected:
  // A backup of a store with `n` tickets, taken at `now`.
  std::string backup_with(int n, std::time_t now) {
    make_store(n);
    BackupRequest r;
    r.data_dir = data_dir();
    r.now = now;
    return create_backup(r).db_file;
  }
  RestoreRequest request(const std::string& file, std::time_t now = 5000) const {
    RestoreRequest r;
    r.data_dir = data_dir();
    r.backup_file = file;
    r.now = now;
    return r;
  }
  // Everything in the data dir apart from the backups folder, to show a refusal changed nothing.
  std::vector<std::string> data_dir_files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(data_dir()))
      if (entry.path().filename() != "backups") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string expect_refused(const std::string& file) {
    try {
      restore_backup(request(file));
    } catch (const OpsError& e) {
      return e.what();
    }
    ADD_FAILURE() << "restore of " << file << " was not refused";
    return "";
  }
};

TEST_F(RestoreTest, TheRestoredDatabaseHasTheBackedUpRowsAndTheOldOneIsKept) {
  const std::string backup = backup_with(3, 0);
  {
    Database db(db_path(), kStoreBusyTimeoutMs);
    insert_ticket(db, "after-backup");
  }
  ASSERT_EQ(ticket_count(db_path()), 4);

  const auto result = restore_backup(request(backup, 0));
  EXPECT_EQ(result.installed, db_path());
  ASSERT_FALSE(result.kept.empty());
  EXPECT_EQ(result.kept.front(), db_path() + ".before-restore-19700101-090000");
  EXPECT_GE(result.schema_version, 1);

  EXPECT_EQ(ticket_count(db_path()), 3);
  Database restored(db_path(), kStoreBusyTimeoutMs);
  EXPECT_EQ(restored.query_int("SELECT count(*) FROM tickets WHERE id IN ('t0', 't1', 't2')"), 3);
  EXPECT_EQ(ticket_count(result.kept.front()), 4);
  // The store opens it as its own (migrations already applied).
  Store store(db_path());
  EXPECT_EQ(store.schema_version(), result.schema_version);
  // The backup file itself is left as it was.
  EXPECT_EQ(ticket_count(backup), 3);
}

// A monitor killed mid-run leaves commits in the -wal beside the database: they belong to the old
// database, so they move with it, and the new database starts without the old -wal/-shm.
TEST_F(RestoreTest, TheOldWalMovesWithTheOldDatabaseAndStaleShmIsRemoved) {
  const std::string backup = backup_with(2, 0);
  const std::string crash = dir_.file("crash.db");
  {
    Store open_store(db_path());  // keeps the WAL from being checkpointed away
    Database writer(db_path(), kStoreBusyTimeoutMs);
    insert_ticket(writer, "only-in-wal");
    ASSERT_TRUE(fs::exists(db_path() + "-wal"));
    fs::copy_file(db_path(), crash);
    fs::copy_file(db_path() + "-wal", crash + "-wal");
  }
  fs::copy_file(crash, db_path(), fs::copy_options::overwrite_existing);
  fs::copy_file(crash + "-wal", db_path() + "-wal", fs::copy_options::overwrite_existing);
  write_file(db_path() + "-shm", std::string(32768, '\x7f'));

  const auto result = restore_backup(request(backup, 5000));  // 10:23:20 KST
  const std::string kept = db_path() + ".before-restore-19700101-102320";
  EXPECT_EQ(result.kept, (std::vector<std::string>{kept, kept + "-wal"}));
  EXPECT_EQ(result.removed, std::vector<std::string>{db_path() + "-shm"});
  EXPECT_FALSE(fs::exists(db_path() + "-wal"));
  EXPECT_FALSE(fs::exists(db_path() + "-shm"));
  EXPECT_EQ(ticket_count(db_path()), 2);
  // The kept database opens with its -wal and still has the row that was only in the WAL.
  EXPECT_EQ(ticket_count(kept), 3);
}

TEST_F(RestoreTest, AGarbageFileIsRefusedWithTheIntegrityFailure) {
  const std::string backup = backup_with(3, 0);
  const auto before = data_dir_files();
  const std::string garbage = dir_.file("garbage.db");
  write_file(garbage, std::string(8192, 'x'));
  const std::string message = expect_refused(garbage);
  EXPECT_NE(message.find("무결성"), std::string::npos) << message;
  EXPECT_NE(message.find("not a database"), std::string::npos) << message;
  EXPECT_EQ(data_dir_files(), before);
  EXPECT_EQ(ticket_count(db_path()), 3);
}

// A real backup with a damaged page in the middle (the header is intact, so sqlite opens it).
TEST_F(RestoreTest, ACorruptedCopyOfABackupIsRefused) {
  make_store(0);
  {
    Database db(db_path(), kStoreBusyTimeoutMs);
    Transaction tx(db);
    for (int i = 0; i < 400; ++i) insert_ticket(db, "row" + std::to_string(i) + std::string(200, 'p'));
    tx.commit();
  }
  BackupRequest r;
  r.data_dir = data_dir();
  const std::string backup = create_backup(r).db_file;
  const std::string corrupted = dir_.file("corrupted.db");
  fs::copy_file(backup, corrupted);
  std::string bytes = read_file(corrupted);
  ASSERT_GT(bytes.size(), 8 * 4096u);
  for (std::size_t i = 4096 * 3; i < 4096 * 6; ++i) bytes[i] = static_cast<char>((i * 131) & 0xff);
  write_file(corrupted, bytes);

  const auto before = data_dir_files();
  const std::string message = expect_refused(corrupted);
  EXPECT_NE(message.find("integrity_check"), std::string::npos) << message;
  EXPECT_EQ(data_dir_files(), before);
  EXPECT_EQ(ticket_count(db_path()), 400);
}

TEST_F(RestoreTest, RefusedWhileAMonitorHoldsTheLock) {
  const std::string backup = backup_with(3, 0);
  {
    Database db(db_path(), kStoreBusyTimeoutMs);
    insert_ticket(db, "new");
  }
  DataDirLock monitor(data_dir(), "ticket-alarm run");
  const auto before = data_dir_files();
  try {
    restore_backup(request(backup));
    FAIL() << "restore ran while the monitor held the lock";
  } catch (const DataDirLocked& e) {
    EXPECT_EQ(e.holder().command, "ticket-alarm run");
    EXPECT_NE(std::string(e.what()).find(data_dir()), std::string::npos) << e.what();
  }
  EXPECT_EQ(data_dir_files(), before);
  EXPECT_EQ(ticket_count(db_path()), 4);
}

TEST_F(RestoreTest, AnotherProgramsDatabaseIsRefused) {
  make_store(1);
  const std::string other = dir_.file("other.db");
  {
    Database db(other, 1000);
    db.exec("CREATE TABLE notes (x TEXT)");
  }
  const std::string message = expect_refused(other);
  EXPECT_NE(message.find("ticket-alarm 데이터베이스가 아닙니다"), std::string::npos) << message;
}

TEST_F(RestoreTest, ABackupFromANewerVersionIsRefused) {
  const std::string backup = backup_with(1, 0);
  const std::string newer = dir_.file("newer.db");
  fs::copy_file(backup, newer);
  {
    Database db(newer, 1000);
    db.exec("PRAGMA user_version = 9999");
  }
  const std::string message = expect_refused(newer);
  EXPECT_NE(message.find("업그레이드"), std::string::npos) << message;
  EXPECT_EQ(ticket_count(db_path()), 1);
}

TEST_F(RestoreTest, TheLiveDatabaseItselfIsRefused) {
  make_store(1);
  expect_refused(db_path());
  EXPECT_EQ(ticket_count(db_path()), 1);
}

TEST_F(RestoreTest, WorksIntoAnEmptyDataDir) {
  const std::string backup = backup_with(2, 0);
  const std::string moved = dir_.file("kept.db");
  fs::copy_file(backup, moved);
  fs::remove_all(data_dir());
  const auto result = restore_backup(request(moved));
  EXPECT_TRUE(result.kept.empty());
  EXPECT_EQ(ticket_count(db_path()), 2);
}

}  // namespace
}  // namespace ta::testing
