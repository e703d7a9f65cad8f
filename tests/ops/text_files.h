#pragma once
// Small readers for the project's deployment files (Dockerfile, unit files, package list), so
// their tests check what the files say rather than grep for strings anywhere.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace ta::testing {

inline std::string project_file(const std::string& relative) {
  std::ifstream in(std::string(TA_TEST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

inline std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

// scripts/packages.txt: kind -> packages.
inline std::map<std::string, std::set<std::string>> package_list() {
  std::map<std::string, std::set<std::string>> kinds;
  for (const auto& line : lines_of(project_file("scripts/packages.txt"))) {
    const auto w = words(line);
    if (w.size() == 2 && w[0][0] != '#') kinds[w[0]].insert(w[1]);
  }
  return kinds;
}

// The output of `command` run by /bin/sh, split into words.
inline std::set<std::string> shell_words(const std::string& command) {
  std::set<std::string> out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::string text;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
  ::pclose(pipe);
  for (const auto& w : words(text)) out.insert(w);
  return out;
}

// INI-style files (systemd units, supervisor): section -> key -> values (repeated keys kept).
using Ini = std::map<std::string, std::multimap<std::string, std::string>>;

inline Ini parse_ini(const std::string& text) {
  Ini ini;
  std::string section;
  for (const auto& raw : lines_of(text)) {
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      ini[section];
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    ini[section].emplace(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
  }
  return ini;
}

inline std::string ini_value(const Ini& ini, const std::string& section, const std::string& key) {
  const auto s = ini.find(section);
  if (s == ini.end()) return "";
  const auto v = s->second.find(key);
  return v == s->second.end() ? "" : v->second;
}

}  // namespace ta::testing
