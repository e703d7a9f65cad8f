#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "ops/backup.h"
#include "ops/backup_sets.h"
#include "ops/ops_error.h"
#include "ops_fixture.h"

namespace ta::testing {
namespace {

namespace fs = std::filesystem;

class BackupTest : public OpsTest {
 protected:
  BackupRequest request(std::time_t now, int keep = kDefaultBackupKeep) const {
    BackupRequest r;
    r.data_dir = data_dir();
    r.keep = keep;
    r.config_path = config_path();
    r.now = now;
    return r;
  }
  void SetUp() override {
    write_file(config_path(), R"({"DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/1/secret", "data_dir": "x"})");
  }
};

TEST_F(BackupTest, WritesTheDatabaseAndConfigCopyNamedByKstTime) {
  make_store(3);
  const auto result = create_backup(request(0));  // 1970-01-01 00:00 UTC = 09:00 KST
  const std::string dir = data_dir() + "/backups";
  EXPECT_EQ(result.db_file, dir + "/ticket-alarm-19700101-090000.db");
  EXPECT_EQ(result.config_file, dir + "/ticket-alarm-19700101-090000-config.json");
  EXPECT_EQ(ticket_count(result.db_file), 3);
  EXPECT_GT(result.db_bytes, 0);
  // The user's own file, token included, readable by the owner only.
  EXPECT_EQ(read_file(result.config_file), read_file(config_path()));
  EXPECT_EQ(file_mode(result.config_file), 0600u);
  EXPECT_EQ(file_mode(result.db_file), 0600u);
  EXPECT_EQ(file_mode(dir), 0700u);
  EXPECT_TRUE(result.removed.empty());
}

TEST_F(BackupTest, TheBackupIsOneSelfContainedFile) {
  make_store(2);
  const auto result = create_backup(request(100));
  EXPECT_FALSE(fs::exists(result.db_file + "-wal"));
  Database copy(result.db_file, 1000);
  Statement mode(copy, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.column_text(0), "delete");
  // Only the finished set is in the folder: no partial file left behind.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(data_dir() + "/backups")) ++files;
  EXPECT_EQ(files, 2);
}

// The monitor's connection has committed rows still in the WAL and holds an open write
// transaction: the backup copies every commit and none of the uncommitted rows, without waiting.
TEST_F(BackupTest, CopiesCommittedRowsWhileAnotherConnectionIsWriting) {
  Store store(db_path());
  Database writer(db_path(), kStoreBusyTimeoutMs);
  for (int i = 0; i < 5; ++i) insert_ticket(writer, "committed" + std::to_string(i));
  ASSERT_TRUE(fs::exists(db_path() + "-wal"));
  {
    Transaction open_write(writer);
    insert_ticket(writer, "uncommitted");
    const auto result = create_backup(request(200));
    EXPECT_EQ(ticket_count(result.db_file), 5);
  }  // rolled back
  insert_ticket(writer, "later");
  const auto second = create_backup(request(201));
  EXPECT_EQ(ticket_count(second.db_file), 6);
}

TEST_F(BackupTest, ASnapshotIsConsistentWhileAWriterCommitsConcurrently) {
  make_store(0);
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    Database db(db_path(), kStoreBusyTimeoutMs);
    for (int i = 0; i < 2000 && !stop; ++i) {
      insert_ticket(db, "w" + std::to_string(i));
      ++written;
    }
  });
  const auto result = create_backup(request(300));
  stop = true;
  writer.join();
  const auto rows = ticket_count(result.db_file);
  EXPECT_GE(rows, 0);
  EXPECT_LE(rows, written.load());
  Database copy(result.db_file, 1000);
  Statement check(copy, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.column_text(0), "ok");
  // Rows are numbered in commit order: a consistent snapshot is a prefix, never a gappy set.
  if (rows > 0) {
    EXPECT_EQ(copy.query_int("SELECT count(*) FROM tickets WHERE id = 'w" + std::to_string(rows - 1) + "'"), 1);
  }
}

TEST_F(BackupTest, KeepsOnlyTheNewestSets) {
  make_store(1);
  const std::string dir = data_dir() + "/backups";
  fs::create_directories(dir);
  write_file(dir + "/notes.txt", "mine");
  std::vector<std::string> removed;
  for (int i = 0; i < 5; ++i) {
    const auto result = create_backup(request(1000 + i * 60, 3));
    removed.insert(removed.end(), result.removed.begin(), result.removed.end());
  }
  const auto sets = list_backup_sets(dir);
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].stamp, "19700101-092040");
  EXPECT_EQ(sets[1].stamp, "19700101-091940");
  EXPECT_EQ(sets[2].stamp, "19700101-091840");
  for (const auto& set : sets) {
    EXPECT_FALSE(set.db_file.empty());
    EXPECT_FALSE(set.config_file.empty());
  }
  // Two sets of two files each went; the unrelated file stayed.
  EXPECT_EQ(removed.size(), 4u);
  EXPECT_FALSE(fs::exists(dir + "/ticket-alarm-19700101-091640.db"));
  EXPECT_FALSE(fs::exists(dir + "/ticket-alarm-19700101-091640-config.json"));
  EXPECT_TRUE(fs::exists(dir + "/notes.txt"));
}

TEST_F(BackupTest, OutDirAndNoConfigFile) {
  make_store(1);
  BackupRequest r = request(0);
  r.out_dir = dir_.file("elsewhere");
  r.config_path.clear();
  const auto result = create_backup(r);
  EXPECT_EQ(fs::path(result.db_file).parent_path(), fs::path(dir_.file("elsewhere")));
  EXPECT_TRUE(result.config_file.empty());
  EXPECT_EQ(list_backup_sets(dir_.file("elsewhere")).size(), 1u);
}

TEST_F(BackupTest, RefusesAMissingDatabaseWithThePath) {
  try {
    create_backup(request(0));
    FAIL() << "backup of a missing database succeeded";
  } catch (const OpsError& e) {
    EXPECT_NE(std::string(e.what()).find(db_path()), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(data_dir() + "/backups"));
}

TEST_F(BackupTest, NeverOverwritesASetWithTheSameStamp) {
  make_store(1);
  create_backup(request(0));
  EXPECT_THROW(create_backup(request(0)), OpsError);
  EXPECT_EQ(list_backup_sets(data_dir() + "/backups").size(), 1u);
}

TEST_F(BackupTest, KeepBelowOneIsRefused) {
  make_store(1);
  EXPECT_THROW(create_backup(request(0, 0)), OpsError);
}

}  // namespace
}  // namespace ta::testing
