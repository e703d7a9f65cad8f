#include "cdp/har_archive.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cdp/errors.h"
#include "util/base64.h"
#include "util/ascii.h"

namespace ta::cdp {
namespace {

// An optional text field: its value when it is a string, else "" (a number or object there is a
// broken archive's detail, not a reason to refuse it — nor to throw json's type_error).
std::string text_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

using json = nlohmann::json;

// Line and column of a byte offset, for error messages a person can act on.
std::string position_of(const std::string& text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + "행 " + std::to_string(col) + "열";
}

[[noreturn]] void bad(const std::string& origin, const std::string& where, const std::string& what) {
  throw HarError("HAR 파일이 올바르지 않습니다: " + origin + ": " + where + ": " + what +
                 " — Chrome DevTools(네트워크 탭 → HAR로 저장)나 `ticket-alarm record`로 다시 저장하세요");
}

const json& require(const json& obj, const char* key, json::value_t type, const std::string& origin,
                    const std::string& where) {
  if (!obj.is_object() || !obj.contains(key)) bad(origin, where, std::string("\"") + key + "\" 항목이 없습니다");
  const json& v = obj[key];
  bool ok = v.type() == type ||
            (type == json::value_t::number_integer && (v.is_number_integer() || v.is_number_unsigned()));
  if (!ok) bad(origin, where + "." + key, std::string("형식이 틀렸습니다 (") + v.type_name() + ")");
  return v;
}

}  // namespace

std::string strip_fragment(const std::string& url) {
  auto hash = url.find('#');
  return hash == std::string::npos ? url : url.substr(0, hash);
}

std::shared_ptr<HarArchive> HarArchive::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw HarError("HAR 파일을 열 수 없습니다: " + path + " — 경로를 확인하세요");
  std::stringstream ss;
  ss << f.rdbuf();
  return parse(ss.str(), path);
}

std::shared_ptr<HarArchive> HarArchive::parse(const std::string& text, const std::string& origin) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    bad(origin, position_of(text, e.byte == 0 ? 0 : e.byte - 1), "JSON 구문 오류");
  } catch (const json::exception& e) {
    // e.g. a number too large for any type (found by fuzz/har_fuzz.cpp).
    throw HarError(origin + ": JSON을 읽을 수 없습니다 (" + e.what() + ") — HAR을 다시 기록하세요");
  }
  auto archive = std::make_shared<HarArchive>();
  archive->origin_ = origin;
  const json& log = require(doc, "log", json::value_t::object, origin, "(최상위)");
  const json& entries = require(log, "entries", json::value_t::array, origin, "log");
  if (log.contains("pages") && log["pages"].is_array() && !log["pages"].empty() && log["pages"][0].is_object())
    archive->recorded_at_ = text_field(log["pages"][0], "startedDateTime");

  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string where = "log.entries[" + std::to_string(i) + "]";
    const json& e = entries[i];
    const json& req = require(e, "request", json::value_t::object, origin, where);
    const json& res = require(e, "response", json::value_t::object, origin, where);
    ArchivedEntry entry;
    entry.method = require(req, "method", json::value_t::string, origin, where + ".request").get<std::string>();
    entry.url = strip_fragment(require(req, "url", json::value_t::string, origin, where + ".request").get<std::string>());
    if (req.contains("postData") && req["postData"].is_object() && req["postData"].contains("text") &&
        req["postData"]["text"].is_string())
      entry.post_body = req["postData"]["text"].get<std::string>();
    entry.response.status = require(res, "status", json::value_t::number_integer, origin, where + ".response").get<int>();
    entry.response.status_text = text_field(res, "statusText");
    if (res.contains("headers") && res["headers"].is_array()) {
      for (const auto& h : res["headers"]) {
        if (!h.is_object() || !h.contains("name") || !h.contains("value")) continue;
        std::string name = h["name"].is_string() ? h["name"].get<std::string>() : "";
        std::string lname = ascii_lower(name);
        // The body below is already decoded and complete; these would describe a different one.
        if (lname == "content-encoding" || lname == "content-length" || lname == "transfer-encoding" || name.empty() ||
            name[0] == ':')
          continue;
        entry.response.headers.emplace_back(name, h["value"].is_string() ? h["value"].get<std::string>() : h["value"].dump());
      }
    }
    const json& content = require(res, "content", json::value_t::object, origin, where + ".response");
    if (content.contains("text") && content["text"].is_string()) {
      const std::string& body = content["text"].get_ref<const std::string&>();
      if (text_field(content, "encoding") == "base64") {
        if (!base64_decode(body, &entry.response.body))
          bad(origin, where + ".response.content.text", "base64 본문을 해석할 수 없습니다");
      } else {
        entry.response.body = body;
      }
    }
    if (entry.response.status >= 300 && entry.response.status < 400) {
      std::string location = text_field(res, "redirectURL");
      bool has_location = false;
      for (auto& [k, v] : entry.response.headers) has_location |= ascii_lower(k) == "location";
      if (!has_location && !location.empty()) entry.response.headers.emplace_back("Location", location);
    }
    if (archive->recorded_at_.empty() && e.contains("startedDateTime") && e["startedDateTime"].is_string())
      archive->recorded_at_ = e["startedDateTime"].get<std::string>();
    archive->entries_.push_back(std::move(entry));
  }
  if (archive->entries_.empty()) bad(origin, "log.entries", "응답이 하나도 없습니다");
  return archive;
}

const ArchivedEntry* HarArchive::find(const std::string& method, const std::string& url,
                                      const std::string& post_body) const {
  const std::string key = strip_fragment(url);
  const ArchivedEntry* bodyless = nullptr;
  for (const auto& e : entries_) {
    if (e.method != method || e.url != key) continue;
    if (!e.post_body) {
      if (!bodyless) bodyless = &e;
      continue;
    }
    if (*e.post_body == post_body) return &e;
  }
  // An entry recorded without its body answers any body; one recorded with a different body never does.
  return bodyless;
}

bool HarArchive::has_document(const std::string& url) const { return find("GET", url, "") != nullptr; }

}  // namespace ta::cdp
