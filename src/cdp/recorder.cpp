#include "cdp/recorder.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>

#include "cdp/errors.h"
#include "util/base64.h"
#include "util/version.h"

namespace ta::cdp {
namespace {

using json = nlohmann::json;

// HAR times are wall-clock; Korean sites are read in KST, and `crawl --replay` takes the first
// page's time as "now", so the offset is written as +09:00 rather than Z.
std::string kst_iso(double epoch_seconds) {
  long long ms = static_cast<long long>(epoch_seconds * 1000.0 + 0.5);
  std::time_t kst = static_cast<std::time_t>(ms / 1000 + 9 * 3600);
  std::tm tm{};
  gmtime_r(&kst, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+09:00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

double wall_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool recordable(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

// CDP gives headers as one object; several values of one name arrive joined by newlines.
json header_list(const json& headers) {
  json out = json::array();
  if (!headers.is_object()) return out;
  for (const auto& [name, value] : headers.items()) {
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    size_t start = 0;
    while (true) {
      size_t nl = text.find('\n', start);
      out.push_back({{"name", name}, {"value", text.substr(start, nl == std::string::npos ? std::string::npos : nl - start)}});
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  return out;
}

std::string header_value(const json& headers, const std::string& wanted) {
  if (!headers.is_object()) return "";
  for (const auto& [name, value] : headers.items()) {
    if (name.size() != wanted.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(name[i])) == std::tolower(static_cast<unsigned char>(wanted[i]));
    if (same && value.is_string()) return value.get<std::string>();
  }
  return "";
}

// As written in the URL (not percent-decoded): informative only, replay matches the whole URL.
json query_list(const std::string& url) {
  json out = json::array();
  auto q = url.find('?');
  if (q == std::string::npos) return out;
  const auto hash = url.find('#', q);
  const std::string query = url.substr(q + 1, hash == std::string::npos ? std::string::npos : hash - q - 1);
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      out.push_back({{"name", pair.substr(0, eq)}, {"value", eq == std::string::npos ? "" : pair.substr(eq + 1)}});
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

std::string http_version(const std::string& protocol) {
  if (protocol.empty() || protocol == "http/1.1") return "HTTP/1.1";
  if (protocol == "h2") return "HTTP/2";
  if (protocol == "h3") return "HTTP/3";
  return protocol;
}

}  // namespace

// Shared with the reply callbacks, which may run after the recorder is gone.
struct HarRecorder::State {
  struct Exchange {
    std::string method, url, resource_type;
    json request_headers = json::object();
    std::optional<std::string> post_data;
    double wall_time = 0, started = 0, ended = 0;  // wall clock; CDP monotonic seconds
    bool responded = false, finished = false, failed = false, body_pending = false, body_missing = false;
    int status = 0;
    std::string status_text, mime, protocol, redirect_url, body;
    json response_headers = json::object();
    bool base64 = false;
  };

  std::weak_ptr<Connection> conn;
  std::string session_id;
  std::mutex mutex;
  std::condition_variable cv;
  bool stopped = false;
  std::vector<Exchange> exchanges;       // in the order the page asked
  std::map<std::string, size_t> live;    // requestId → its current hop
  int outstanding = 0;                   // post-data and body requests not yet answered
  double first_document_time = 0;

  // Event handlers run on the connection's IO thread: they only collect and send asynchronously.
  void send(const std::string& method, const json& params, Connection::ReplyHandler on_reply) {
    if (auto c = conn.lock()) {
      c->send(method, params, session_id, std::move(on_reply));
    } else {
      on_reply(json(), std::make_exception_ptr(ConnectionClosedError(method + ": DevTools 연결이 끊어졌습니다")));
    }
  }

  static void fill_response(Exchange& x, const json& r) {
    x.responded = true;
    x.status = r.value("status", 0);
    x.status_text = r.value("statusText", "");
    x.mime = r.value("mimeType", "");
    x.protocol = r.value("protocol", "");
    if (r.contains("headers") && r["headers"].is_object()) x.response_headers = r["headers"];
  }

  void on_request(const std::shared_ptr<State>& self, const json& p) {
    const std::string id = p.value("requestId", "");
    const json& req = p.contains("request") ? p["request"] : json::object();
    const std::string url = req.value("url", "");
    bool fetch_post = false;
    size_t index = 0;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopped) return;
      auto hop = live.find(id);
      if (hop != live.end()) {
        // The same requestId again: the previous hop was a redirect, answered by redirectResponse.
        Exchange& prev = exchanges[hop->second];
        if (p.contains("redirectResponse") && p["redirectResponse"].is_object()) {
          fill_response(prev, p["redirectResponse"]);
          prev.redirect_url = url;
          prev.finished = true;
          prev.ended = p.value("timestamp", prev.started);
        } else {
          prev.failed = true;
        }
        live.erase(hop);
        cv.notify_all();
      }
      if (!recordable(url)) return;
      Exchange x;
      x.method = req.value("method", "GET");
      x.url = url;
      x.resource_type = p.value("type", "Other");
      if (req.contains("headers") && req["headers"].is_object()) x.request_headers = req["headers"];
      x.wall_time = p.value("wallTime", wall_now());
      x.started = p.value("timestamp", 0.0);
      if (req.contains("postData") && req["postData"].is_string()) {
        x.post_data = req["postData"].get<std::string>();
      } else if (req.contains("postDataEntries") && req["postDataEntries"].is_array()) {
        std::string bytes;
        for (const auto& part : req["postDataEntries"]) {
          std::string chunk;
          if (part.contains("bytes") && part["bytes"].is_string() && base64_decode(part["bytes"].get<std::string>(), &chunk))
            bytes += chunk;
        }
        x.post_data = bytes;
      } else if (req.value("hasPostData", false)) {
        // Too large to travel inline: ask for it while the request is still alive.
        fetch_post = true;
        ++outstanding;
      }
      if (x.resource_type == "Document" && first_document_time == 0) first_document_time = x.wall_time;
      index = exchanges.size();
      exchanges.push_back(std::move(x));
      live[id] = index;
    }
    if (fetch_post) {
      send("Network.getRequestPostData", {{"requestId", id}}, [self, index](const json& result, std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(self->mutex);
        Exchange& x = self->exchanges[index];
        if (!error && result.contains("postData") && result["postData"].is_string()) {
          std::string text = result["postData"].get<std::string>();
          std::string bytes;
          if (result.value("base64Encoded", false) && base64_decode(text, &bytes)) text = bytes;
          x.post_data = text;
        }
        --self->outstanding;
        self->cv.notify_all();
      });
    }
  }

  void on_response(const json& p) {
    std::lock_guard<std::mutex> lock(mutex);
    if (stopped) return;
    auto hop = live.find(p.value("requestId", ""));
    if (hop == live.end() || !p.contains("response")) return;
    fill_response(exchanges[hop->second], p["response"]);
    cv.notify_all();
  }

  void on_finished(const std::shared_ptr<State>& self, const json& p) {
    const std::string id = p.value("requestId", "");
    size_t index = 0;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopped) return;
      auto hop = live.find(id);
      if (hop == live.end()) return;
      index = hop->second;
      live.erase(hop);
      Exchange& x = exchanges[index];
      if (!x.responded) {
        // Nothing to replay without a status line.
        x.failed = true;
        cv.notify_all();
        return;
      }
      x.finished = true;
      x.ended = p.value("timestamp", x.started);
      x.body_pending = true;
      ++outstanding;
    }
    send("Network.getResponseBody", {{"requestId", id}}, [self, index](const json& result, std::exception_ptr error) {
      std::lock_guard<std::mutex> lock(self->mutex);
      Exchange& x = self->exchanges[index];
      x.body_pending = false;
      if (!error && result.contains("body") && result["body"].is_string()) {
        x.body = result["body"].get<std::string>();
        x.base64 = result.value("base64Encoded", false);
      } else {
        // e.g. a 204, or a body the browser already evicted: the status and headers still replay.
        x.body_missing = x.status != 204 && x.status != 304;
      }
      --self->outstanding;
      self->cv.notify_all();
    });
  }

  void on_failed(const json& p) {
    std::lock_guard<std::mutex> lock(mutex);
    auto hop = live.find(p.value("requestId", ""));
    if (hop == live.end()) return;
    exchanges[hop->second].failed = true;
    live.erase(hop);
    cv.notify_all();
  }

  // Called with the mutex held.
  bool settled() const {
    if (outstanding > 0) return false;
    // A request not answered yet may never be (a beacon, a long poll); one whose body is arriving
    // will finish shortly and is worth waiting for.
    for (const auto& [id, index] : live)
      if (exchanges[index].responded) return false;
    return true;
  }
};

HarRecorder::HarRecorder(const Session& session) : state_(std::make_shared<State>()) {
  state_->conn = session.connection();
  state_->session_id = session.id();
  auto s = state_;
  subscriptions_.push_back(session.on("Network.requestWillBeSent", [s](const json& p) { s->on_request(s, p); }));
  subscriptions_.push_back(session.on("Network.responseReceived", [s](const json& p) { s->on_response(p); }));
  subscriptions_.push_back(session.on("Network.loadingFinished", [s](const json& p) { s->on_finished(s, p); }));
  subscriptions_.push_back(session.on("Network.loadingFailed", [s](const json& p) { s->on_failed(p); }));
}

HarRecorder::~HarRecorder() {
  // Unsubscribe before the state stops being ours; pending replies keep their own reference.
  subscriptions_.clear();
}

bool HarRecorder::finish(const Deadline& deadline) {
  bool done;
  {
    std::unique_lock<std::mutex> lock(state_->mutex);
    done = state_->cv.wait_until(lock, deadline.at(), [this] { return state_->settled(); });
    state_->stopped = true;
  }
  // Outside the lock: unsubscribing waits for a running handler, which may be waiting for it.
  subscriptions_.clear();
  return done;
}

json HarRecorder::to_json() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  json entries = json::array();
  double first_time = state_->first_document_time;
  for (const auto& x : state_->exchanges) {
    // Unfinished (or with its body still on the way at save time) and failed requests are left
    // out: an entry without its real body would replay as an empty response.
    if (!x.finished || x.failed || x.body_pending) continue;
    if (first_time == 0) first_time = x.wall_time;
    const double time_ms = x.ended > x.started && x.started > 0 ? (x.ended - x.started) * 1000.0 : 0.0;
    json request = {{"method", x.method},
                    {"url", x.url},
                    {"httpVersion", http_version(x.protocol)},
                    {"headers", header_list(x.request_headers)},
                    {"queryString", query_list(x.url)},
                    {"cookies", json::array()},
                    {"headersSize", -1},
                    {"bodySize", x.post_data ? static_cast<long long>(x.post_data->size()) : 0}};
    if (x.post_data)
      request["postData"] = {{"mimeType", header_value(x.request_headers, "content-type")}, {"text", *x.post_data}};
    std::string decoded_size_source;
    size_t size = x.body.size();
    if (x.base64 && base64_decode(x.body, &decoded_size_source)) size = decoded_size_source.size();
    json content = {{"size", size}, {"mimeType", x.mime}, {"text", x.body}};
    if (x.base64) content["encoding"] = "base64";
    if (x.body_missing) content["comment"] = "body unavailable when recorded";
    std::string redirect = x.redirect_url.empty() ? header_value(x.response_headers, "location") : x.redirect_url;
    json response = {{"status", x.status},
                     {"statusText", x.status_text},
                     {"httpVersion", http_version(x.protocol)},
                     {"headers", header_list(x.response_headers)},
                     {"cookies", json::array()},
                     {"content", content},
                     {"redirectURL", redirect},
                     {"headersSize", -1},
                     {"bodySize", size}};
    entries.push_back({{"pageref", "page_1"},
                       {"startedDateTime", kst_iso(x.wall_time)},
                       {"time", time_ms},
                       {"request", request},
                       {"response", response},
                       {"cache", json::object()},
                       {"timings", {{"send", 0}, {"wait", time_ms}, {"receive", 0}}},
                       {"_resourceType", x.resource_type}});
  }
  if (first_time == 0) first_time = wall_now();
  std::string title = entries.empty() ? "" : entries[0]["request"]["url"].get<std::string>();
  for (const auto& x : state_->exchanges)
    if (x.resource_type == "Document") {
      title = x.url;
      break;
    }
  json page = {{"startedDateTime", kst_iso(first_time)}, {"id", "page_1"}, {"title", title}, {"pageTimings", json::object()}};
  return {{"log",
           {{"version", "1.2"},
            {"creator", {{"name", "ticket-alarm record"}, {"version", kVersion}}},
            {"pages", json::array({page})},
            {"entries", entries}}}};
}

void HarRecorder::save(const std::string& path) const {
  const std::string text = to_json().dump(1, ' ', false, json::error_handler_t::replace) + "\n";
  const std::string temp = path + ".part";
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    if (!f) throw CdpError("HAR 파일을 쓸 수 없습니다: " + path + " — 폴더가 있는지, 쓰기 권한이 있는지 확인하세요");
    f << text;
    f.flush();
    if (!f) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      throw CdpError("HAR 파일을 쓰는 중 오류가 났습니다: " + path + " — 디스크 공간을 확인하세요");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw CdpError("HAR 파일을 저장할 수 없습니다: " + path + " (" + ec.message() + ")");
  }
}

RecordingSummary HarRecorder::summary() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  RecordingSummary s;
  for (const auto& x : state_->exchanges) {
    if (x.failed) continue;
    if (!x.finished || x.body_pending) {
      ++s.unfinished;
      continue;
    }
    ++s.entries;
    if (x.body_missing) ++s.missing_bodies;
    std::string decoded;
    s.body_bytes += x.base64 && base64_decode(x.body, &decoded) ? decoded.size() : x.body.size();
  }
  return s;
}

}  // namespace ta::cdp
