#pragma once
// One tab in its own browser context (cookies, storage and cache isolated per job), with Korean
// locale, Asia/Seoul time zone, resource blocking by type and optional HAR replay.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cdp/connection.h"
#include "cdp/har_archive.h"
#include "cdp/session.h"

namespace ta::cdp {

struct PageOptions {
  std::string user_agent;                       // empty: leave the browser's
  std::string accept_language = "ko-KR,ko;q=0.9,en-US;q=0.6,en;q=0.4";
  std::string locale = "ko-KR";
  std::string timezone = "Asia/Seoul";
  std::set<std::string> block_types;            // CDP resource types: Image, Media, Font, Stylesheet…
  std::string proxy_server;                     // empty: direct; scheme://host:port, no credentials
  // Given to the proxy when it asks (407, Fetch.authRequired from a Proxy source); never to a site.
  std::string proxy_username;
  std::string proxy_password;
  std::shared_ptr<const HarArchive> replay;     // set: answer every request from it, fail the rest
};

struct WaitCondition {
  enum class Kind { load, network_idle, selector };
  Kind kind = Kind::load;
  std::string selector;
  // "load", "networkidle" or a CSS selector.
  static WaitCondition parse(const std::string& text);
};

struct RequestRecord {
  std::string method;
  std::string url;
  std::string resource_type;
  enum class Outcome { passed, replayed, blocked, refused } outcome;
};

class Page {
 public:
  // Creates the browser context and the target, attaches, and applies the options.
  static std::unique_ptr<Page> open(std::shared_ptr<Connection> browser, const PageOptions& options,
                                    const std::string& scripts_dir, const Deadline& deadline);
  ~Page();
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  // Navigates and waits for the condition. Throws NavigationError, TimeoutError, TargetClosedError…
  void navigate(const std::string& url, const WaitCondition& wait, const Deadline& deadline);
  // Calls `function_source` (one function expression, may be async) with `arg` and returns its
  // JSON result. A throw or rejection becomes JsException naming `source_name` and the line.
  nlohmann::json call_function(const std::string& function_source, const std::string& source_name,
                               const nlohmann::json& arg, const Deadline& deadline);
  // Evaluates an expression (awaiting a promise) and returns its JSON value.
  nlohmann::json evaluate(const std::string& expression, const Deadline& deadline);

  std::vector<RequestRecord> requests() const;
  // HTTP status of the last main-document response (0 if none seen).
  int document_status() const;
  bool crashed() const;
  const Session& session() const { return *session_; }
  // Closes the target and disposes its context, within its own short budget (the job's deadline
  // may already have passed). Never throws.
  void close() noexcept;

 private:
  Page() = default;
  void on_request_paused(const nlohmann::json& params);
  void on_auth_required(const nlohmann::json& params);
  void on_lifecycle(const nlohmann::json& params);
  void on_dialog(const nlohmann::json& params);
  nlohmann::json run_evaluate(const nlohmann::json& params, const std::string& source_name, const Deadline& deadline);

  std::shared_ptr<Connection> conn_;
  std::unique_ptr<Session> session_;
  std::string context_id_;
  std::string target_id_;
  std::string scripts_dir_;
  PageOptions options_;
  std::vector<Subscription> subscriptions_;

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  struct Lifecycle {
    std::string frame_id, loader_id, name;
  };
  std::vector<Lifecycle> lifecycle_;
  std::string main_frame_id_;
  std::vector<RequestRecord> requests_;
  std::set<std::string> auth_answered_;  // request ids given the proxy credentials once
  int document_status_ = 0;
  bool crashed_ = false;
  bool dialog_logged_ = false;
  bool closed_ = false;
};

}  // namespace ta::cdp
