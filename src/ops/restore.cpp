#include "ops/restore.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "ops/data_dir_lock.h"
#include "ops/kst_stamp.h"
#include "ops/ops_error.h"
#include "ops/private_file.h"
#include "ops/sqlite_handle.h"
#include "store/migrations.h"
#include "store/store.h"

namespace ta {
namespace fs = std::filesystem;

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

// The file must be one a ticket-alarm of this version can open: a schema of ours (user_version
// 1..latest), not another program's SQLite file or one written by a newer ticket-alarm.
int checked_schema_version(const std::string& path, const std::string& shown_name) {
  SqliteHandle db(path, SQLITE_OPEN_READWRITE, "복원할 파일 확인");
  const auto rows = db.column_texts("PRAGMA user_version", "복원할 파일 확인");
  const int version = rows.empty() ? 0 : std::stoi(rows.front());
  const int latest = store_migrations().empty() ? 0 : store_migrations().back().version;
  if (version < 1)
    throw OpsError("복원 거부: " + shown_name +
                   "은(는) ticket-alarm 데이터베이스가 아닙니다 (스키마 버전 없음) — ticket-alarm backup으로 만든 "
                   "ticket-alarm-YYYYmmdd-HHMMSS.db 파일을 지정하세요.");
  if (version > latest)
    throw OpsError("복원 거부: " + shown_name + "은(는) 더 새로운 ticket-alarm이 만든 백업입니다 (스키마 " +
                   std::to_string(version) + ", 이 버전은 " + std::to_string(latest) +
                   "까지) — ticket-alarm을 먼저 업그레이드하세요.");
  return version;
}

void remove_quietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  ~TempFile() {
    if (path_.empty()) return;
    remove_quietly(path_);
    remove_quietly(path_ + "-journal");
    remove_quietly(path_ + "-wal");
    remove_quietly(path_ + "-shm");
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  std::string path_;
};

void rename_or_throw(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw OpsError(from + "을(를) " + to + "(으)로 옮길 수 없습니다 (" + ec.message() + ") — 폴더 권한을 확인하세요.");
}

}  // namespace

RestoreResult restore_backup(const RestoreRequest& request) {
  const std::string& file = request.backup_file;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    throw OpsError("복원할 파일 " + file + "이(가) 없습니다 — 경로를 확인하세요 (백업 목록: ls " +
                   fs::path(request.data_dir.empty() ? "." : request.data_dir).append("backups").string() + ").");
  const std::string current = database_path(request.data_dir);
  if (fs::exists(current, ec) && fs::equivalent(file, current, ec))
    throw OpsError("복원 거부: " + file + "은(는) 지금 쓰고 있는 데이터베이스 자체입니다 — 백업 파일을 지정하세요.");
  if (fs::exists(file + "-wal", ec))
    throw OpsError("복원 거부: " + file + "-wal이 함께 있습니다 — 실행 중이던 데이터베이스를 그대로 복사한 파일로 보입니다. "
                   "ticket-alarm backup으로 만든 백업 파일을 쓰세요.");

  // The checks run on a private copy inside the data dir: the user's backup file is never touched
  // (opening it could write a journal next to it), the bytes checked are the bytes installed, and
  // the final rename stays on one file system.
  std::error_code mk;
  if (!request.data_dir.empty()) fs::create_directories(request.data_dir, mk);
  TempFile staged(current + ".restoring-" + std::to_string(::getpid()));
  remove_quietly(staged.path());
  copy_private_file(file, staged.path());

  const auto problems = integrity_problems(staged.path());
  if (!problems.empty())
    throw OpsError("복원 거부: " + file + " 무결성 검사(PRAGMA integrity_check) 실패 —" + join_lines(problems) +
                   "\n다른 백업 파일을 고르세요 (ticket-alarm backup이 만든 파일은 " +
                   fs::path(request.data_dir.empty() ? "." : request.data_dir).append("backups").string() + "에 있습니다).");
  RestoreResult result;
  result.schema_version = checked_schema_version(staged.path(), file);

  // Held until the new file is in place, so a monitor cannot start on a half-restored folder.
  DataDirLock lock(request.data_dir, "ticket-alarm restore", request.now);

  const std::string kept = current + ".before-restore-" + kst_file_stamp(request.now);
  if (fs::exists(kept, ec)) throw OpsError(kept + "이(가) 이미 있습니다 — 1초 뒤에 다시 실행하세요.");
  struct stat owner {};
  const bool had_current = ::stat(current.c_str(), &owner) == 0;
  if (had_current) {
    rename_or_throw(current, kept);
    result.kept.push_back(kept);
    // A -wal (or hot -journal) holds commits not yet in the main file; SQLite finds it by the main
    // file's name + suffix, so moving it along keeps the old database complete and openable.
    for (const char* suffix : {"-wal", "-journal"}) {
      if (fs::exists(current + suffix, ec)) {
        rename_or_throw(current + suffix, kept + suffix);
        result.kept.push_back(kept + suffix);
      }
    }
  }
  // -shm is only an index of the -wal; a stale one next to the new file would describe the old WAL.
  for (const char* suffix : {"-shm", "-wal", "-journal"}) {
    if (fs::exists(current + suffix, ec)) {
      remove_quietly(current + suffix);
      result.removed.push_back(current + suffix);
    }
  }
  rename_or_throw(staged.path(), current);
  staged.release();
  // Run as root (sudo) for a service user's data: the monitor must still be able to write it.
  if (had_current && ::geteuid() == 0 && ::chown(current.c_str(), owner.st_uid, owner.st_gid) != 0)
    throw OpsError(current + "의 소유자를 바꿀 수 없습니다 — sudo chown으로 서비스 사용자에게 넘겨 주세요.");
  sync_directory(request.data_dir.empty() ? "." : request.data_dir);
  result.installed = current;
  return result;
}

}  // namespace ta
