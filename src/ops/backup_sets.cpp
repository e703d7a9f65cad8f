#include "ops/backup_sets.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "ops/ops_error.h"

namespace ta {
namespace fs = std::filesystem;

std::string backup_db_name(const std::string& stamp) { return "ticket-alarm-" + stamp + ".db"; }

std::string backup_config_name(const std::string& stamp) { return "ticket-alarm-" + stamp + "-config.json"; }

std::vector<BackupSet> list_backup_sets(const std::string& dir) {
  static const std::regex kName(R"(ticket-alarm-(\d{8}-\d{6})(\.db|-config\.json))");
  std::map<std::string, BackupSet> by_stamp;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string name = it->path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, kName)) continue;
    BackupSet& set = by_stamp[m[1].str()];
    set.stamp = m[1].str();
    (m[2].str() == ".db" ? set.db_file : set.config_file) = it->path().string();
  }
  std::vector<BackupSet> sets;
  for (auto& entry : by_stamp) sets.push_back(std::move(entry.second));
  // The stamp's digits run from year to second, so text order is time order.
  std::reverse(sets.begin(), sets.end());
  return sets;
}

std::vector<std::string> prune_backup_sets(const std::string& dir, int keep) {
  std::vector<std::string> removed;
  const auto sets = list_backup_sets(dir);
  for (std::size_t i = static_cast<std::size_t>(std::max(keep, 0)); i < sets.size(); ++i) {
    for (const std::string& file : {sets[i].db_file, sets[i].config_file}) {
      if (file.empty()) continue;
      std::error_code ec;
      fs::remove(file, ec);
      if (ec) throw OpsError("오래된 백업 " + file + "을(를) 지울 수 없습니다 (" + ec.message() + ") — 폴더 권한을 확인하세요.");
      removed.push_back(file);
    }
  }
  return removed;
}

}  // namespace ta
