#include "config/aliases.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "util/resource_dir.h"
#include "util/text_file.h"

namespace ta {
namespace {

using nlohmann::json;

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

[[noreturn]] void bad_entry(const std::string& origin, const std::string& path, const std::string& what) {
  throw ConfigError(origin + ": \"" + path + "\" " + what +
                    " — 이름 묶음은 [[\"아이유\", \"IU\", \"이지은\"], [\"방탄소년단\", \"BTS\"]]처럼 적으세요.");
}

}  // namespace

std::string default_aliases_path() { return resource_dir("config", "aliases.json") + "/aliases.json"; }

AliasGroups parse_alias_groups(const std::string& text, const std::string& origin) {
  json root;
  try {
    root = json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    throw ConfigError(describe_json_syntax_error(text, origin, e.byte, e.what()));
  } catch (const json::exception& e) {
    throw ConfigError(origin + ": 읽을 수 없는 값이 있습니다 (" + std::string(e.what()) +
                      ") — 이름 묶음에는 문자열만 적으세요.");
  }
  const json& list = root.is_object() && root.contains("aliases") ? root["aliases"] : root;
  if (!list.is_array()) bad_entry(origin, "aliases", "는 목록이어야 합니다");
  AliasGroups groups;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "aliases[" + std::to_string(i) + "]";
    if (!list[i].is_array()) bad_entry(origin, path, "는 이름 목록이어야 합니다");
    std::vector<std::string> names;
    for (std::size_t j = 0; j < list[i].size(); ++j) {
      const json& name = list[i][j];
      const std::string name_path = path + "[" + std::to_string(j) + "]";
      if (!name.is_string()) bad_entry(origin, name_path, "는 문자열이어야 합니다");
      if (trimmed(name.get<std::string>()).empty()) bad_entry(origin, name_path, "가 비어 있습니다 (모든 공지와 일치합니다)");
      names.push_back(trimmed(name.get<std::string>()));
    }
    if (names.size() >= 2) groups.push_back(std::move(names));
  }
  return groups;
}

AliasGroups load_alias_groups(const Config& c) {
  AliasGroups groups;
  const std::string path = c.aliases_file.empty() ? default_aliases_path() : c.aliases_file;
  std::error_code ec;
  if (!c.aliases_file.empty() || std::filesystem::exists(path, ec)) {
    const auto text = read_text_file(path);
    if (!text)
      throw ConfigError("aliases_file: " + path + "을(를) 읽을 수 없습니다 — 경로와 권한을 확인하세요 (기본 파일을 쓰려면 "
                        "\"aliases_file\"을 지우세요).");
    groups = parse_alias_groups(*text, path);
  }
  for (const auto& g : c.aliases) groups.push_back(g);
  return groups;
}

}  // namespace ta
