#pragma once
// One DevTools connection: assigns command ids, keeps the registry of pending calls, routes replies
// and events by sessionId (flat sessions), and fails every pending call when the socket closes.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cdp/transport.h"
#include "util/deadline.h"

namespace ta::cdp {

using json = nlohmann::json;

class Connection;

// Keeps an event handler registered; unregisters on destruction. After the destructor returns the
// handler is not running and will not run again (unless destroyed from inside the handler itself).
class Subscription {
 public:
  Subscription() = default;
  Subscription(std::weak_ptr<Connection> conn, long long id) : conn_(std::move(conn)), id_(id) {}
  Subscription(Subscription&& o) noexcept : conn_(std::move(o.conn_)), id_(o.id_) { o.id_ = 0; }
  Subscription& operator=(Subscription&& o) noexcept;
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;
  ~Subscription() { reset(); }
  void reset();

 private:
  std::weak_ptr<Connection> conn_;
  long long id_ = 0;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  using EventHandler = std::function<void(const json& params)>;
  // result is the command's "result"; error is null on success.
  using ReplyHandler = std::function<void(const json& result, std::exception_ptr error)>;

  static std::shared_ptr<Connection> create(std::unique_ptr<Transport> transport);
  ~Connection();

  // Sends a command and waits for its reply until `deadline`. Throws ProtocolError, TimeoutError,
  // TargetClosedError or ConnectionClosedError. Must not be called from an event handler (the
  // reply would be read by the very thread that is waiting): use send() there.
  json call(const std::string& method, const json& params, const std::string& session_id, const Deadline& deadline);
  // Sends a command without waiting; `on_reply` (may be empty) runs on the transport thread.
  void send(const std::string& method, const json& params, const std::string& session_id, ReplyHandler on_reply = {});

  // `session_id` empty: browser-level events. Handlers run on the transport thread.
  Subscription subscribe(const std::string& method, const std::string& session_id, EventHandler handler);

  // Runs `handler` once when the connection closes (immediately if it already has).
  Subscription on_close(std::function<void(const std::string& reason)> handler);

  bool closed() const { return closed_.load(); }
  void close();
  size_t pending_calls() const;

 private:
  explicit Connection(std::unique_ptr<Transport> transport);
  void start();
  long long send_with_id(const std::string& method, const json& params, const std::string& session_id,
                         ReplyHandler on_reply);
  void handle_message(const std::string& text);
  void handle_close(const std::string& reason);
  void fail_session(const std::string& session_id, const std::string& reason);
  // A message that stays unparseable after repair: fails the call it answers, if it names one.
  void fail_unparseable(const std::string& text);
  void unsubscribe(long long id);
  friend class Subscription;

  struct Pending {
    std::string method;
    std::string session_id;
    ReplyHandler on_reply;
  };
  struct EventSlot {
    std::string method;
    std::string session_id;
    EventHandler handler;
  };

  std::unique_ptr<Transport> transport_;
  std::atomic<long long> next_id_{1};
  std::atomic<bool> closed_{false};
  mutable std::mutex mutex_;
  std::map<long long, Pending> pending_;
  std::map<long long, EventSlot> events_;
  std::map<long long, std::function<void(const std::string&)>> close_handlers_;
  std::set<std::string> dead_sessions_;
  std::string close_reason_;
  // Held while handlers run, so unsubscribing from another thread waits for a running handler.
  std::recursive_mutex dispatch_mutex_;
};

}  // namespace ta::cdp
