#include "web/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

namespace ta {

std::optional<StaticFile> read_static_file(const std::string& root, const std::string& request_path) {
  static const std::map<std::string, std::pair<std::string, std::string>> kFiles = {
      {"/", {"index.html", "text/html; charset=utf-8"}},
      {"/index.html", {"index.html", "text/html; charset=utf-8"}},
      {"/app.js", {"app.js", "text/javascript; charset=utf-8"}},
      {"/style.css", {"style.css", "text/css; charset=utf-8"}},
  };
  auto it = kFiles.find(request_path);
  if (it == kFiles.end()) return std::nullopt;
  std::ifstream in(root + "/" + it->second.first, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return StaticFile{body.str(), it->second.second};
}

}  // namespace ta
