#include <filesystem>

#include "config/config.h"
#include "store/legacy_entry.h"
#include "store/legacy_import.h"

namespace ta {
namespace {

using nlohmann::json;

json parse_or_throw(const std::string& text, const std::string& origin) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw LegacyImportError(describe_json_syntax_error(text, origin, e.byte, e.what()));
  } catch (const json::exception& e) {
    // e.g. a number too large for any type
    throw LegacyImportError(origin + ": JSON을 읽을 수 없습니다 (" + e.what() +
                            ") — 예전 도구가 쓴 그대로의 파일인지 확인하고, 고쳤다면 다시 가져오세요");
  }
}

struct Record {
  std::string key;  // the member name when the record came from an object
  const json* value;
  std::string where;
};

// Accepts a list, an object holding list(s) ({"sent": [...]}), or an object keyed by
// notification key ({"interpark_123": "2025-07-01 20:00"} or {"interpark_123": {...}}).
std::vector<Record> records_of(const json& root, const std::string& path) {
  const std::string origin = std::filesystem::path(path).filename().string();
  std::vector<Record> out;
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.size(); ++i) out.push_back({"", &root[i], origin + " #" + std::to_string(i + 1)});
    return out;
  }
  if (!root.is_object())
    throw LegacyImportError(path + ": 목록([ ... ])이나 객체({ ... })가 아닙니다 (" + root.type_name() +
                            "). 예전 도구가 만든 파일이 맞는지 확인하세요.");
  bool has_lists = false;
  for (const auto& [name, value] : root.items()) {
    if (!value.is_array()) continue;
    has_lists = true;
    for (std::size_t i = 0; i < value.size(); ++i)
      out.push_back({"", &value[i], origin + " " + name + "#" + std::to_string(i + 1)});
  }
  if (has_lists) return out;
  for (const auto& [name, value] : root.items()) out.push_back({name, &value, origin + " \"" + name + "\""});
  return out;
}

LegacyReadResult read_records(const std::string& text, const std::string& origin, std::time_t now) {
  const json root = parse_or_throw(text, origin);
  LegacyReadResult result;
  for (const auto& record : records_of(root, origin)) {
    LegacyEntry e = legacy_entry(record.key, *record.value, now);
    if (!e.entry) {
      result.skipped.push_back({record.where, e.skip_reason});
      continue;
    }
    if (!e.mapped) ++result.unmapped;
    if (!e.mapped && e.entry->title.empty()) ++result.untitled;
    result.entries.push_back(std::move(*e.entry));
  }
  return result;
}

}  // namespace

// Both files are read by the same tolerant rules: in practice either may hold bare keys or
// objects, and guessing which layout goes with which name would only lose entries.
LegacyReadResult read_sent_notifications(const std::string& text, const std::string& origin, std::time_t now) {
  return read_records(text, origin, now);
}

LegacyReadResult read_notification_history(const std::string& text, const std::string& origin, std::time_t now) {
  return read_records(text, origin, now);
}

}  // namespace ta
