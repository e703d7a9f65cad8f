#pragma once
// The dashboard's files, read from web_root() on each request (edits show on reload; the files are
// small). Only the listed names are served, so no request path ever reaches the file system.
#include <optional>
#include <string>

namespace ta {

struct StaticFile {
  std::string body;
  std::string content_type;
};

// "/" and "/index.html", "/app.js", "/style.css"; nullopt for anything else or an unreadable file.
std::optional<StaticFile> read_static_file(const std::string& root, const std::string& request_path);

}  // namespace ta
