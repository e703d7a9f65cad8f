#include "cdp/connection.h"

#include <vector>

#include "cdp/errors.h"
#include "cdp/message_repair.h"
#include "log/log.h"
#include "util/handoff.h"

namespace ta::cdp {

Subscription& Subscription::operator=(Subscription&& o) noexcept {
  if (this != &o) {
    reset();
    conn_ = std::move(o.conn_);
    id_ = o.id_;
    o.id_ = 0;
  }
  return *this;
}

void Subscription::reset() {
  if (id_ == 0) return;
  if (auto c = conn_.lock()) c->unsubscribe(id_);
  id_ = 0;
  conn_.reset();
}

std::shared_ptr<Connection> Connection::create(std::unique_ptr<Transport> transport) {
  std::shared_ptr<Connection> c(new Connection(std::move(transport)));
  c->start();
  return c;
}

Connection::Connection(std::unique_ptr<Transport> transport) : transport_(std::move(transport)) {}

void Connection::start() {
  // The transport outlives no Connection: close() joins its thread before members go away, so
  // capturing `this` is safe.
  transport_->start([this](const std::string& text) { handle_message(text); },
                    [this](const std::string& reason) { handle_close(reason); });
}

Connection::~Connection() { close(); }

void Connection::close() {
  if (transport_ && !transport_->on_transport_thread()) transport_->close();
  handle_close("connection closed by ticket-alarm");
}

size_t Connection::pending_calls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_.size();
}

void Connection::send(const std::string& method, const json& params, const std::string& session_id,
                      ReplyHandler on_reply) {
  send_with_id(method, params, session_id, std::move(on_reply));
}

long long Connection::send_with_id(const std::string& method, const json& params, const std::string& session_id,
                                   ReplyHandler on_reply) {
  long long id = next_id_.fetch_add(1);
  json msg = {{"id", id}, {"method", method}, {"params", params.is_null() ? json::object() : params}};
  if (!session_id.empty()) msg["sessionId"] = session_id;
  std::exception_ptr early;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) {
      early = std::make_exception_ptr(ConnectionClosedError(method + ": DevTools 연결이 끊어졌습니다 (" + close_reason_ + ")"));
    } else if (!session_id.empty() && dead_sessions_.count(session_id)) {
      early = std::make_exception_ptr(TargetClosedError(method + ": 페이지가 닫혔거나 비정상 종료되었습니다"));
    } else {
      pending_[id] = Pending{method, session_id, std::move(on_reply)};
    }
  }
  if (early) {
    if (on_reply) on_reply(json(), early);
    return 0;
  }
  transport_->send(msg.dump(-1, ' ', false, json::error_handler_t::replace));
  return id;
}

json Connection::call(const std::string& method, const json& params, const std::string& session_id,
                      const Deadline& deadline) {
  if (transport_->on_transport_thread())
    throw std::logic_error("Connection::call from the transport thread would deadlock: " + method);
  auto started = Deadline::Clock::now();
  auto done = std::make_shared<Handoff<json>>();
  long long id = send_with_id(method, params, session_id, [done](const json& result, std::exception_ptr error) {
    if (error)
      done->set_error(error);
    else
      done->set_value(result);
  });
  if (!done->wait_until(deadline.at())) {
    // Forget the call: a late reply is then dropped and the registry does not grow.
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_.erase(id);
    }
    throw TimeoutError(method, std::chrono::duration_cast<std::chrono::milliseconds>(Deadline::Clock::now() - started).count());
  }
  return done->take();
}

Subscription Connection::subscribe(const std::string& method, const std::string& session_id, EventHandler handler) {
  long long id = next_id_.fetch_add(1);
  std::lock_guard<std::mutex> lock(mutex_);
  events_[id] = EventSlot{method, session_id, std::move(handler)};
  return Subscription(weak_from_this(), id);
}

Subscription Connection::on_close(std::function<void(const std::string&)> handler) {
  long long id = next_id_.fetch_add(1);
  std::string reason;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!closed_) {
      close_handlers_[id] = std::move(handler);
      return Subscription(weak_from_this(), id);
    }
    reason = close_reason_;
  }
  handler(reason);
  return Subscription();
}

void Connection::unsubscribe(long long id) {
  if (transport_->on_transport_thread()) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.erase(id);
    close_handlers_.erase(id);
    return;
  }
  std::lock_guard<std::recursive_mutex> dispatch(dispatch_mutex_);
  std::lock_guard<std::mutex> lock(mutex_);
  events_.erase(id);
  close_handlers_.erase(id);
}

void Connection::fail_unparseable(const std::string& text) {
  logger("cdp")->warn("DevTools 메시지를 해석할 수 없습니다 ({} bytes)", text.size());
  const auto id = reply_id_of(text);
  if (!id) return;
  Pending p;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = pending_.find(*id);
    if (it == pending_.end()) return;
    p = std::move(it->second);
    pending_.erase(it);
  }
  if (p.on_reply)
    p.on_reply(json(), std::make_exception_ptr(ProtocolError(p.method, 0, "DevTools 응답을 해석할 수 없습니다")));
}

void Connection::handle_message(const std::string& text) {
  json msg = json::parse(text, nullptr, false);
  if (msg.is_discarded()) msg = json::parse(repair_protocol_text(text), nullptr, false);
  if (msg.is_discarded() || !msg.is_object()) {
    std::lock_guard<std::recursive_mutex> dispatch(dispatch_mutex_);
    fail_unparseable(text);
    return;
  }
  std::lock_guard<std::recursive_mutex> dispatch(dispatch_mutex_);
  if (msg.contains("id")) {
    long long id = msg["id"].get<long long>();
    Pending p;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = pending_.find(id);
      if (it == pending_.end()) return;  // timed out earlier: nobody waits any more
      p = std::move(it->second);
      pending_.erase(it);
    }
    if (!p.on_reply) return;
    if (msg.contains("error")) {
      const json& e = msg["error"];
      std::string message = e.value("message", "unknown error");
      if (e.contains("data") && e["data"].is_string()) message += ": " + e["data"].get<std::string>();
      p.on_reply(json(), std::make_exception_ptr(ProtocolError(p.method, e.value("code", 0), message)));
    } else {
      p.on_reply(msg.contains("result") ? msg["result"] : json::object(), nullptr);
    }
    return;
  }
  if (!msg.contains("method")) return;
  const std::string method = msg["method"].get<std::string>();
  const std::string session = msg.value("sessionId", "");
  const json params = msg.contains("params") ? msg["params"] : json::object();

  if (method == "Target.detachedFromTarget" && params.contains("sessionId"))
    fail_session(params["sessionId"].get<std::string>(), "페이지 세션이 분리되었습니다");
  else if (method == "Inspector.targetCrashed" && !session.empty())
    fail_session(session, "페이지가 비정상 종료되었습니다 (renderer crash)");

  std::vector<EventHandler> handlers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, slot] : events_)
      if (slot.method == method && slot.session_id == session) handlers.push_back(slot.handler);
  }
  for (auto& h : handlers) {
    try {
      h(params);
    } catch (const std::exception& e) {
      logger("cdp")->error("이벤트 처리 중 오류 ({}): {}", method, e.what());
    }
  }
}

void Connection::fail_session(const std::string& session_id, const std::string& reason) {
  std::vector<Pending> failed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dead_sessions_.insert(session_id);
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.session_id == session_id) {
        failed.push_back(std::move(it->second));
        it = pending_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& p : failed)
    if (p.on_reply) p.on_reply(json(), std::make_exception_ptr(TargetClosedError(p.method + ": " + reason)));
}

void Connection::handle_close(const std::string& reason) {
  // Under the dispatch lock, like events: a Subscription reset on another thread waits until the
  // close handlers have run, and one reset before cannot be called any more — so an owner
  // destroyed after its reset is never called back.
  std::lock_guard<std::recursive_mutex> dispatch(dispatch_mutex_);
  std::map<long long, Pending> failed;
  std::map<long long, std::function<void(const std::string&)>> closers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    closed_ = true;
    close_reason_ = reason;
    failed.swap(pending_);
    closers.swap(close_handlers_);
  }
  for (auto& [id, p] : failed)
    if (p.on_reply)
      p.on_reply(json(), std::make_exception_ptr(ConnectionClosedError(p.method + ": DevTools 연결이 끊어졌습니다 (" + reason + ")")));
  for (auto& [id, h] : closers) {
    try {
      h(reason);
    } catch (...) {
    }
  }
}

}  // namespace ta::cdp
