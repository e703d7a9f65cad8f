#include "store/legacy_import.h"

#include <filesystem>
#include <map>
#include <sstream>

#include "log/log.h"
#include "util/text_file.h"

namespace ta {
namespace {

std::string read_file(const std::filesystem::path& path) {
  auto text = read_text_file(path.string());
  if (!text) throw LegacyImportError(path.string() + ": 파일을 읽을 수 없습니다");
  return *text;
}

// The same announcement often appears in both files (a bare key in one, details in the other):
// keep one row with whatever details either had.
void merge_into(AnnouncedEntry& kept, const AnnouncedEntry& other) {
  if (kept.title.empty()) kept.title = other.title;
  if (!kept.open_at) kept.open_at = other.open_at;
  if (kept.open_type.empty()) kept.open_type = other.open_type;
  kept.announced_at = std::min(kept.announced_at, other.announced_at);
}

}  // namespace

LegacyImportReport import_legacy_dir(Store& store, const std::string& dir, std::time_t now) {
  LegacyImportReport report;
  report.dir = dir;
  const std::filesystem::path base(dir);
  if (!std::filesystem::is_directory(base)) throw LegacyImportError(dir + ": 폴더가 아닙니다");

  std::vector<AnnouncedEntry> entries;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  auto take = [&](const char* name, LegacyReadResult (*read)(const std::string&, const std::string&, std::time_t)) {
    const auto path = base / name;
    if (!std::filesystem::exists(path)) return;
    LegacyReadResult r = read(read_file(path), path.string(), now);
    report.files_read.push_back(std::string(name) + " (" + std::to_string(r.entries.size()) + "건)");
    report.unmapped += r.unmapped;
    report.untitled += r.untitled;
    report.skipped.insert(report.skipped.end(), r.skipped.begin(), r.skipped.end());
    for (auto& e : r.entries) {
      auto [it, inserted] = index.try_emplace({e.site, e.id}, entries.size());
      if (inserted) {
        entries.push_back(std::move(e));
      } else {
        merge_into(entries[it->second], e);
        report.skipped.push_back(
            {std::string(name) + " " + (e.site.empty() ? e.id : e.site + ":" + e.id), "중복 항목 (하나로 합침)"});
      }
    }
  };
  take("sent_notifications.json", &read_sent_notifications);
  take("notification_history.json", &read_notification_history);
  if (report.files_read.empty())
    throw LegacyImportError(dir + ": sent_notifications.json, notification_history.json 둘 다 없습니다. "
                                  "예전 도구의 data 폴더를 지정하세요.");

  report.found = static_cast<int>(entries.size());
  report.imported = store.add_legacy_announced(entries);
  report.already_known = report.found - report.imported;
  logger("store")->info("예전 알림 기록 {}건 가져옴 ({})", report.imported, dir);
  return report;
}

std::string format_legacy_report(const LegacyImportReport& r) {
  std::ostringstream out;
  out << "예전 알림 기록 가져오기: " << r.dir << "\n";
  for (const auto& f : r.files_read) out << "  읽은 파일: " << f << "\n";
  out << "  " << r.imported << "건 가져옴";
  if (r.already_known > 0) out << " (이미 가져온 " << r.already_known << "건 제외)";
  out << "\n";
  if (r.unmapped > 0)
    out << "  그중 " << r.unmapped << "건은 사이트/공지 번호를 알 수 없어 제목(+오픈 시간)으로 비교합니다"
        << (r.untitled > 0 ? " (" + std::to_string(r.untitled) + "건은 제목도 없어 비교할 수 없음)" : "") << "\n";
  if (!r.skipped.empty()) {
    std::map<std::string, std::vector<std::string>> by_reason;
    for (const auto& s : r.skipped) by_reason[s.reason].push_back(s.where);
    out << "  " << r.skipped.size() << "건 건너뜀:\n";
    for (const auto& [reason, where] : by_reason) {
      out << "    - " << reason << ": " << where.size() << "건";
      if (where.size() <= 3) {
        out << " (";
        for (std::size_t i = 0; i < where.size(); ++i) out << (i ? ", " : "") << where[i];
        out << ")";
      }
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace ta
