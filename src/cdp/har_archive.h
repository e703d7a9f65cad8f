#pragma once
// A HAR 1.2 archive (as saved by Chrome DevTools or Playwright) used to answer a page's requests
// without the network.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ta::cdp {

struct ArchivedResponse {
  int status = 200;
  std::string status_text;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // decoded bytes
};

struct ArchivedEntry {
  std::string method;
  std::string url;  // without fragment
  std::optional<std::string> post_body;
  ArchivedResponse response;
};

class HarArchive {
 public:
  // Throws HarError naming `path` and what is wrong (JSON position, or the entry and field).
  static std::shared_ptr<HarArchive> load(const std::string& path);
  static std::shared_ptr<HarArchive> parse(const std::string& text, const std::string& origin);

  // Method + URL (fragment ignored), then the POST body when several entries share them. Null
  // when the archive does not hold the request.
  const ArchivedEntry* find(const std::string& method, const std::string& url, const std::string& post_body) const;
  bool has_document(const std::string& url) const;
  // The recording time: startedDateTime of the first page, else of the first entry (ISO 8601).
  const std::string& recorded_at() const { return recorded_at_; }
  const std::string& origin() const { return origin_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ArchivedEntry> entries_;
  std::string recorded_at_;
  std::string origin_;
};

std::string strip_fragment(const std::string& url);

}  // namespace ta::cdp
