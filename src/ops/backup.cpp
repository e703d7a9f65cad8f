#include "ops/backup.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "ops/backup_sets.h"
#include "ops/kst_stamp.h"
#include "ops/ops_error.h"
#include "ops/private_file.h"
#include "ops/sqlite_handle.h"
#include "store/store.h"

namespace ta {
namespace fs = std::filesystem;

namespace {

// A busy source is retried this often before giving up; the busy timeout already waits up to
// kStoreBusyTimeoutMs each time, which only a checkpoint or migration could exceed.
constexpr int kBusyRetries = 5;

void copy_database(const std::string& source_path, const std::string& target_path) {
  SqliteHandle source(source_path, SQLITE_OPEN_READWRITE, "백업 원본");
  sqlite3_busy_timeout(source.get(), kStoreBusyTimeoutMs);
  SqliteHandle target(target_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "백업 파일");

  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (!backup) throw OpsError("백업을 시작할 수 없습니다: " + std::string(sqlite3_errmsg(target.get())));
  // One step copies every page inside a single read transaction: a consistent snapshot of the last
  // commit, and the monitor's writes meanwhile go on into the WAL without restarting the copy.
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt <= kBusyRetries; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
  }
  const int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish != SQLITE_OK)
    throw OpsError("데이터베이스 백업 실패 (" + std::string(sqlite3_errstr(rc != SQLITE_DONE ? rc : finish)) + ": " +
                   sqlite3_errmsg(target.get()) + ") — 디스크 공간을 확인하고 다시 실행하세요.");

  // The copy carries the source's WAL flag; a rollback-journal file is self-contained, so the set
  // is one file that can be copied anywhere without a -wal beside it.
  if (const std::string error = target.try_exec("PRAGMA journal_mode = DELETE"); !error.empty())
    throw OpsError("백업 파일 마무리 실패: " + error);
  const auto problems =
      target.column_texts("PRAGMA quick_check", "백업 파일 확인");
  if (problems.size() != 1 || problems.front() != "ok")
    throw OpsError("백업 파일 확인 실패: " + (problems.empty() ? std::string("결과 없음") : problems.front()) +
                   " — 원본 데이터베이스가 손상되었을 수 있습니다. ticket-alarm doctor로 확인하세요.");
}

// Removes the given files when the set could not be completed.
class PartialFiles {
 public:
  void add(std::string path) { paths_.push_back(std::move(path)); }
  void keep() { paths_.clear(); }
  ~PartialFiles() {
    for (const auto& path : paths_) {
      std::error_code ec;
      fs::remove(path, ec);
    }
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace

std::string default_backup_dir(const std::string& data_dir) {
  return (fs::path(data_dir.empty() ? "." : data_dir) / "backups").string();
}

BackupResult create_backup(const BackupRequest& request) {
  if (request.keep < 1) throw OpsError("--keep은 1 이상이어야 합니다 (방금 만든 백업도 하나로 셉니다).");
  const std::string source = database_path(request.data_dir);
  std::error_code ec;
  if (!fs::is_regular_file(source, ec))
    throw OpsError("백업할 데이터베이스 " + source +
                   "이(가) 없습니다 — 설정의 data_dir이 맞는지, 모니터를 한 번 이상 실행했는지 확인하세요.");

  const std::string out_dir = request.out_dir.empty() ? default_backup_dir(request.data_dir) : request.out_dir;
  if (!fs::is_directory(out_dir, ec)) {
    fs::create_directories(out_dir, ec);
    if (ec)
      throw OpsError("백업 폴더 " + out_dir + "을(를) 만들 수 없습니다 (" + ec.message() + ") — 경로와 권한을 확인하세요.");
    // A folder we create holds tokens and history: owner only.
    fs::permissions(out_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }

  const std::string stamp = kst_file_stamp(request.now);
  BackupResult result;
  result.db_file = (fs::path(out_dir) / backup_db_name(stamp)).string();
  if (fs::exists(result.db_file, ec))
    throw OpsError("같은 시각의 백업 " + result.db_file + "이(가) 이미 있습니다 — 1초 뒤에 다시 실행하세요.");
  if (!request.config_path.empty())
    result.config_file = (fs::path(out_dir) / backup_config_name(stamp)).string();

  // Written under a name list_backup_sets ignores, renamed when complete: a crash mid-backup never
  // leaves something that looks like a good set (and is never counted by --keep).
  PartialFiles partial;
  const std::string db_partial = result.db_file + ".partial-" + std::to_string(::getpid());
  partial.add(db_partial);
  partial.add(db_partial + "-journal");
  copy_database(source, db_partial);
  // sqlite creates the file as 0644 minus the umask; the history is the owner's business only.
  ::chmod(db_partial.c_str(), 0600);
  if (!result.config_file.empty()) {
    partial.add(result.config_file);
    copy_private_file(request.config_path, result.config_file);
  }
  fs::rename(db_partial, result.db_file, ec);
  if (ec) throw OpsError("백업 파일 이름을 바꿀 수 없습니다 (" + ec.message() + ")");
  partial.keep();
  sync_directory(out_dir);
  result.db_bytes = static_cast<std::int64_t>(fs::file_size(result.db_file, ec));

  result.removed = prune_backup_sets(out_dir, request.keep);
  return result;
}

}  // namespace ta
