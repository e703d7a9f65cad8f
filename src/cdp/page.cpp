#include "cdp/page.h"

#include <regex>

#include "cdp/errors.h"
#include "log/log.h"
#include "util/base64.h"
#include "util/text_file.h"

namespace ta::cdp {
namespace {

constexpr auto kCloseBudget = std::chrono::seconds(3);

std::string read_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) throw CdpError("스크립트 파일을 읽을 수 없습니다: " + path);
  return *text;
}

std::string first_line(const std::string& s) {
  auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

// Replay answers every request; otherwise only the blocked resource types are paused, so a live
// page's documents, scripts and API calls never wait for a round trip through us.
nlohmann::json fetch_patterns(const PageOptions& options) {
  nlohmann::json patterns = nlohmann::json::array();
  // A proxy that wants credentials asks through paused requests: every one is paused (and
  // continued at once), as Puppeteer's page.authenticate does.
  if (options.replay || !options.proxy_username.empty()) {
    patterns.push_back({{"urlPattern", "*"}, {"requestStage", "Request"}});
    return patterns;
  }
  for (const auto& type : options.block_types)
    if (type != "Document") patterns.push_back({{"urlPattern", "*"}, {"resourceType", type}, {"requestStage", "Request"}});
  return patterns;
}

}  // namespace

WaitCondition WaitCondition::parse(const std::string& text) {
  WaitCondition w;
  if (text.empty() || text == "load") {
    w.kind = Kind::load;
  } else if (text == "networkidle") {
    w.kind = Kind::network_idle;
  } else {
    w.kind = Kind::selector;
    w.selector = text;
  }
  return w;
}

std::unique_ptr<Page> Page::open(std::shared_ptr<Connection> browser, const PageOptions& options,
                                 const std::string& scripts_dir, const Deadline& deadline) {
  std::unique_ptr<Page> page(new Page());
  page->conn_ = browser;
  page->options_ = options;
  page->scripts_dir_ = scripts_dir;

  nlohmann::json ctx_params = {{"disposeOnDetach", true}};
  if (!options.proxy_server.empty()) ctx_params["proxyServer"] = options.proxy_server;
  page->context_id_ = browser->call("Target.createBrowserContext", ctx_params, "", deadline)["browserContextId"];
  try {
    page->target_id_ = browser->call("Target.createTarget",
                                     {{"url", "about:blank"}, {"browserContextId", page->context_id_}}, "",
                                     deadline)["targetId"];
    std::string session_id =
        browser->call("Target.attachToTarget", {{"targetId", page->target_id_}, {"flatten", true}}, "", deadline)["sessionId"];
    page->session_ = std::make_unique<Session>(browser, session_id);
    Page* self = page.get();
    const Session& s = *page->session_;
    page->subscriptions_.push_back(s.on("Page.lifecycleEvent", [self](const nlohmann::json& p) { self->on_lifecycle(p); }));
    page->subscriptions_.push_back(s.on("Inspector.targetCrashed", [self](const nlohmann::json&) {
      std::lock_guard<std::mutex> lock(self->mutex_);
      self->crashed_ = true;
      self->cv_.notify_all();
    }));
    page->subscriptions_.push_back(s.on("Network.responseReceived", [self](const nlohmann::json& p) {
      if (p.value("type", "") != "Document") return;
      std::lock_guard<std::mutex> lock(self->mutex_);
      if (p.value("frameId", "") == self->main_frame_id_ || self->main_frame_id_.empty())
        self->document_status_ = p["response"].value("status", 0);
    }));
    page->subscriptions_.push_back(browser->on_close([self](const std::string&) {
      std::lock_guard<std::mutex> lock(self->mutex_);
      self->closed_ = true;
      self->cv_.notify_all();
    }));
    // An alert()/confirm()/beforeunload would hold the page (and its load event) until answered.
    page->subscriptions_.push_back(s.on("Page.javascriptDialogOpening", [self](const nlohmann::json& p) { self->on_dialog(p); }));
    const nlohmann::json patterns = fetch_patterns(options);
    if (!patterns.empty()) {
      page->subscriptions_.push_back(
          s.on("Fetch.requestPaused", [self](const nlohmann::json& p) { self->on_request_paused(p); }));
      nlohmann::json fetch = {{"patterns", patterns}};
      if (!options.proxy_username.empty()) {
        fetch["handleAuthRequests"] = true;
        page->subscriptions_.push_back(
            s.on("Fetch.authRequired", [self](const nlohmann::json& p) { self->on_auth_required(p); }));
      }
      s.call("Fetch.enable", fetch, deadline);
    }
    s.call("Page.enable", nlohmann::json::object(), deadline);
    s.call("Page.setLifecycleEventsEnabled", {{"enabled", true}}, deadline);
    s.call("Inspector.enable", nlohmann::json::object(), deadline);
    s.call("Network.enable", nlohmann::json::object(), deadline);
    s.call("Emulation.setTimezoneOverride", {{"timezoneId", options.timezone}}, deadline);
    try {
      s.call("Emulation.setLocaleOverride", {{"locale", options.locale}}, deadline);
    } catch (const ProtocolError&) {
      // Older Chromium builds lack it; Accept-Language below still asks for Korean pages.
    }
    if (!options.user_agent.empty())
      s.call("Network.setUserAgentOverride",
             {{"userAgent", options.user_agent}, {"acceptLanguage", options.accept_language}}, deadline);
    auto frame_tree = s.call("Page.getFrameTree", nlohmann::json::object(), deadline);
    std::lock_guard<std::mutex> lock(page->mutex_);
    page->main_frame_id_ = frame_tree["frameTree"]["frame"].value("id", "");
  } catch (...) {
    page->close();
    throw;
  }
  return page;
}

Page::~Page() { close(); }

void Page::on_lifecycle(const nlohmann::json& p) {
  std::lock_guard<std::mutex> lock(mutex_);
  lifecycle_.push_back({p.value("frameId", ""), p.value("loaderId", ""), p.value("name", "")});
  cv_.notify_all();
}

void Page::on_dialog(const nlohmann::json& p) {
  session_->send("Page.handleJavaScriptDialog", {{"accept", true}});
  std::lock_guard<std::mutex> lock(mutex_);
  if (dialog_logged_) return;
  dialog_logged_ = true;
  std::string message = p.value("message", "");
  if (message.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;  // a whole UTF-8 character
    message = message.substr(0, cut) + "…";
  }
  logger("cdp")->info("페이지의 {} 대화상자를 닫았습니다 ({}): {}", p.value("type", "dialog"), p.value("url", ""), message);
}

// Credentials go to the proxy only, and once per request: a proxy that refuses them gets a
// cancel, not the same answer forever. A site's own login prompt is left unanswered.
void Page::on_auth_required(const nlohmann::json& p) {
  const std::string request_id = p.value("requestId", "");
  const bool from_proxy = p.contains("authChallenge") && p["authChallenge"].value("source", "") == "Proxy";
  bool first = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    first = auth_answered_.insert(request_id).second;
  }
  nlohmann::json answer = {{"response", "CancelAuth"}};
  if (from_proxy && first)
    answer = {{"response", "ProvideCredentials"}, {"username", options_.proxy_username}, {"password", options_.proxy_password}};
  else if (from_proxy)
    logger("cdp")->warn("프록시가 인증 정보를 받아들이지 않았습니다 — 설정의 proxy 사용자 이름과 비밀번호를 확인하세요");
  session_->send("Fetch.continueWithAuth", {{"requestId", request_id}, {"authChallengeResponse", answer}});
}

void Page::on_request_paused(const nlohmann::json& p) {
  const std::string request_id = p.value("requestId", "");
  const nlohmann::json& req = p["request"];
  const std::string type = p.value("resourceType", "Other");
  RequestRecord record{req.value("method", "GET"), req.value("url", ""), type, RequestRecord::Outcome::passed};

  if (type != "Document" && options_.block_types.count(type)) {
    record.outcome = RequestRecord::Outcome::blocked;
    session_->send("Fetch.failRequest", {{"requestId", request_id}, {"errorReason", "BlockedByClient"}});
  } else if (options_.replay) {
    std::string body;
    if (req.contains("postData") && req["postData"].is_string()) {
      body = req["postData"].get<std::string>();
    } else if (req.contains("postDataEntries") && req["postDataEntries"].is_array()) {
      for (const auto& part : req["postDataEntries"]) {
        std::string bytes;
        if (part.contains("bytes") && base64_decode(part["bytes"].get<std::string>(), &bytes)) body += bytes;
      }
    }
    const ArchivedEntry* hit = options_.replay->find(record.method, record.url, body);
    if (hit) {
      record.outcome = RequestRecord::Outcome::replayed;
      nlohmann::json headers = nlohmann::json::array();
      for (const auto& [name, value] : hit->response.headers) headers.push_back({{"name", name}, {"value", value}});
      nlohmann::json params = {{"requestId", request_id},
                               {"responseCode", hit->response.status},
                               {"responseHeaders", headers},
                               {"body", base64_encode(hit->response.body)}};
      if (!hit->response.status_text.empty()) params["responsePhrase"] = hit->response.status_text;
      session_->send("Fetch.fulfillRequest", params);
    } else {
      // Not in the archive: fail it, so that nothing ever leaves the machine during replay.
      record.outcome = RequestRecord::Outcome::refused;
      session_->send("Fetch.failRequest", {{"requestId", request_id}, {"errorReason", "InternetDisconnected"}});
    }
  } else {
    session_->send("Fetch.continueRequest", {{"requestId", request_id}});
  }
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(std::move(record));
}

void Page::navigate(const std::string& url, const WaitCondition& wait, const Deadline& deadline) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lifecycle_.clear();
    document_status_ = 0;
  }
  auto result = session_->call("Page.navigate", {{"url", url}}, deadline);
  if (result.contains("errorText") && !result["errorText"].get<std::string>().empty())
    throw NavigationError(url, result["errorText"].get<std::string>());
  const std::string frame_id = result.value("frameId", main_frame_id_);
  const std::string loader_id = result.value("loaderId", "");
  if (!loader_id.empty()) {
    // networkIdle also covers load; a selector wait starts once the document has loaded.
    const std::string event = wait.kind == WaitCondition::Kind::network_idle ? "networkIdle" : "load";
    std::unique_lock<std::mutex> lock(mutex_);
    bool done = cv_.wait_until(lock, deadline.at(), [&] {
      if (crashed_ || closed_) return true;
      for (const auto& e : lifecycle_)
        if (e.frame_id == frame_id && e.loader_id == loader_id && e.name == event) return true;
      return false;
    });
    if (crashed_) throw TargetClosedError("페이지가 비정상 종료되었습니다: " + url);
    if (closed_) throw ConnectionClosedError("DevTools 연결이 끊어졌습니다: " + url);
    if (!done) throw TimeoutError("페이지 " + event + " 대기 (" + url + ")", 0);
  }
  if (wait.kind == WaitCondition::Kind::selector) {
    auto fn = read_file(scripts_dir_ + "/wait-for-selector.js");
    try {
      call_function(fn, "wait-for-selector.js",
                    {{"selector", wait.selector}, {"timeoutMs", std::max<long long>(1, deadline.remaining_ms())}}, deadline);
    } catch (const JsException& e) {
      // The script rejects when its own timer (set to our deadline) fires.
      throw TimeoutError("선택자 " + wait.selector + " 대기 (" + url + ")", 0);
    }
  }
}

nlohmann::json Page::run_evaluate(const nlohmann::json& params, const std::string& source_name, const Deadline& deadline) {
  nlohmann::json result;
  try {
    result = session_->call("Runtime.evaluate", params, deadline);
  } catch (const TimeoutError&) {
    // A script that never settles keeps running in the page; stop it so the page can be reused.
    session_->send("Runtime.terminateExecution", nlohmann::json::object());
    throw TimeoutError(source_name + " 실행", 0);
  }
  if (result.contains("exceptionDetails")) {
    const auto& d = result["exceptionDetails"];
    std::string message = d.value("text", "Uncaught");
    if (d.contains("exception") && d["exception"].is_object()) {
      const auto& ex = d["exception"];
      if (ex.contains("description") && ex["description"].is_string())
        message = first_line(ex["description"].get<std::string>());
      else if (ex.contains("value"))
        message = "Uncaught " + ex["value"].dump();
    }
    int line = d.value("lineNumber", 0) + 1, column = d.value("columnNumber", 0) + 1;
    // A rejected promise reports where it was awaited; the stack names where it was thrown.
    if (d.contains("exception") && d["exception"].contains("description") && d["exception"]["description"].is_string()) {
      std::smatch m;
      const std::string description = d["exception"]["description"].get<std::string>();
      const std::regex frame(std::regex_replace(source_name, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + R"(:(\d+):(\d+))");
      if (std::regex_search(description, m, frame)) {
        line = std::stoi(m[1]);
        column = std::stoi(m[2]);
      }
    }
    throw JsException(source_name, line, column, message);
  }
  const auto& r = result["result"];
  if (r.value("type", "") == "undefined") return nullptr;
  return r.contains("value") ? r["value"] : nlohmann::json(nullptr);
}

nlohmann::json Page::call_function(const std::string& function_source, const std::string& source_name,
                                   const nlohmann::json& arg, const Deadline& deadline) {
  // The source starts on the expression's first line, so the engine's line numbers are the file's.
  std::string expression = "(" + function_source + "\n)(" + arg.dump() + ")\n//# sourceURL=" + source_name;
  return run_evaluate({{"expression", expression}, {"awaitPromise", true}, {"returnByValue", true}, {"userGesture", true}},
                      source_name, deadline);
}

nlohmann::json Page::evaluate(const std::string& expression, const Deadline& deadline) {
  return run_evaluate({{"expression", expression}, {"awaitPromise", true}, {"returnByValue", true}}, "<expression>", deadline);
}

std::vector<RequestRecord> Page::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

int Page::document_status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return document_status_;
}

bool Page::crashed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return crashed_;
}

void Page::close() noexcept {
  const Deadline deadline = Deadline::after(kCloseBudget);
  // Unsubscribe first (outside our mutex: a running handler may be waiting for it).
  subscriptions_.clear();
  if (!conn_ || conn_->closed()) {
    conn_.reset();
    return;
  }
  try {
    if (!target_id_.empty()) conn_->call("Target.closeTarget", {{"targetId", target_id_}}, "", deadline);
  } catch (const std::exception& e) {
    logger("cdp")->debug("Target.closeTarget: {}", e.what());
  }
  try {
    if (!context_id_.empty())
      conn_->call("Target.disposeBrowserContext", {{"browserContextId", context_id_}}, "", deadline);
  } catch (const std::exception& e) {
    logger("cdp")->debug("Target.disposeBrowserContext: {}", e.what());
  }
  target_id_.clear();
  context_id_.clear();
  conn_.reset();
}

}  // namespace ta::cdp
