#include "cdp/browser.h"

#include <curl/curl.h>

#include "cdp/errors.h"
#include "log/log.h"

namespace ta::cdp {
namespace {

constexpr auto kBrowserCloseBudget = std::chrono::seconds(2);

size_t append_body(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

}  // namespace

std::string resolve_ws_endpoint(const std::string& endpoint, const Deadline& deadline) {
  if (endpoint.rfind("ws://", 0) == 0 || endpoint.rfind("wss://", 0) == 0) return endpoint;
  std::string base = endpoint;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + "/json/version";
  CURL* curl = curl_easy_init();
  if (!curl) throw ConnectionClosedError("libcurl 초기화 실패");
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, std::max<long>(1, static_cast<long>(deadline.remaining_ms())));
  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK || status != 200)
    throw ConnectionClosedError("원격 브라우저에 연결할 수 없습니다: " + url + " (" +
                                (rc != CURLE_OK ? curl_easy_strerror(rc) : "HTTP " + std::to_string(status)) +
                                ") — browser.connect 주소와 그 브라우저가 --remote-debugging-port로 실행 중인지 확인하세요");
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.contains("webSocketDebuggerUrl"))
    throw ConnectionClosedError("원격 브라우저의 /json/version 응답에 webSocketDebuggerUrl이 없습니다: " + url);
  std::string ws = j["webSocketDebuggerUrl"].get<std::string>();
  // Chromium reports its own idea of its address; keep the host the user configured.
  auto host_start = base.find("://");
  auto ws_path = ws.find("/devtools/");
  if (host_start != std::string::npos && ws_path != std::string::npos)
    ws = "ws://" + base.substr(host_start + 3) + ws.substr(ws_path);
  return ws;
}

std::unique_ptr<Browser> Browser::launch(const LaunchOptions& options, const Deadline& deadline) {
  std::unique_ptr<Browser> b(new Browser());
  b->process_ = BrowserProcess::launch(options, deadline);
  b->endpoint_ = b->process_->ws_endpoint();
  try {
    b->conn_ = Connection::create(connect_websocket(b->endpoint_, deadline));
    b->read_version(deadline);
  } catch (const CdpError& e) {
    auto tail = b->process_->stderr_tail();
    b->close();
    throw LaunchError(options.binary.empty() ? "chromium" : options.binary, e.what(), tail);
  }
  return b;
}

std::unique_ptr<Browser> Browser::connect(const std::string& endpoint, const Deadline& deadline) {
  std::unique_ptr<Browser> b(new Browser());
  b->endpoint_ = resolve_ws_endpoint(endpoint, deadline);
  b->conn_ = Connection::create(connect_websocket(b->endpoint_, deadline));
  b->read_version(deadline);
  return b;
}

void Browser::read_version(const Deadline& deadline) {
  auto v = conn_->call("Browser.getVersion", nlohmann::json::object(), "", deadline);
  product_ = v.value("product", "");
  user_agent_ = replace_all(v.value("userAgent", ""), "HeadlessChrome", "Chrome");
}

Browser::~Browser() { close(); }

std::unique_ptr<Page> Browser::new_page(const PageOptions& options, const std::string& scripts_dir,
                                        const Deadline& deadline) {
  PageOptions effective = options;
  if (effective.user_agent.empty()) effective.user_agent = user_agent_;
  return Page::open(conn_, effective, scripts_dir, deadline);
}

bool Browser::alive() const {
  if (closed_ || !conn_ || conn_->closed()) return false;
  return !process_ || process_->running();
}

long Browser::memory_kib() const { return process_ ? process_->memory_kib() : 0; }

std::vector<std::string> Browser::stderr_tail() const { return process_ ? process_->stderr_tail() : std::vector<std::string>{}; }

void Browser::close() noexcept {
  if (closed_.exchange(true)) return;
  try {
    if (process_ && conn_ && !conn_->closed()) {
      try {
        conn_->call("Browser.close", nlohmann::json::object(), "", Deadline::after(kBrowserCloseBudget));
      } catch (const std::exception& e) {
        logger("pool")->debug("Browser.close: {}", e.what());
      }
    }
    if (conn_) conn_->close();
    if (process_) process_->terminate();
  } catch (const std::exception& e) {
    logger("pool")->warn("브라우저 종료 중 오류: {}", e.what());
  }
}

}  // namespace ta::cdp
