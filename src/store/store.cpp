#include "store/store.h"

#include <filesystem>

#include "log/log.h"
#include "store/sqlite.h"

namespace ta {

std::string database_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir.empty() ? "." : data_dir) / "ticket-alarm.db").string();
}

Store::Store(const std::string& db_path, const std::vector<Migration>& migrations) : path_(db_path) {
  const auto dir = std::filesystem::path(db_path).parent_path();
  std::error_code ec;
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) throw StoreError("create directory " + dir.string(), ec.message());
  try {
    db_ = std::make_unique<Database>(db_path, kStoreBusyTimeoutMs);
    // WAL: the dashboard's reads never block the monitor's writes, and a crash loses nothing
    // committed. NORMAL sync is durable across application crashes in WAL mode.
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    db_->exec("PRAGMA foreign_keys = ON");
    apply_migrations(*db_, migrations);
  } catch (const StoreError& e) {
    if (e.disk_full())
      logger("store")->error("저장소 열기 실패 ({}): 디스크 공간 부족 — {}이(가) 있는 디스크에 빈 자리가 없습니다. 공간을 "
                             "확보한 뒤 다시 시작하세요 ({})",
                             db_path, dir.string(), e.what());
    else
      logger("store")->error("저장소 열기 실패 ({}): {}", db_path, e.what());
    throw;
  }
}

Store::~Store() = default;

int Store::schema_version() {
  std::lock_guard<std::mutex> lock(mutex_);
  return ta::schema_version(*db_);
}

}  // namespace ta
