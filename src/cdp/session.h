#pragma once
// A flat DevTools session attached to one target: the connection plus the sessionId to route by.
#include <memory>
#include <string>

#include "cdp/connection.h"

namespace ta::cdp {

class Session {
 public:
  Session(std::shared_ptr<Connection> conn, std::string session_id)
      : conn_(std::move(conn)), id_(std::move(session_id)) {}

  json call(const std::string& method, const json& params, const Deadline& deadline) const {
    return conn_->call(method, params, id_, deadline);
  }
  void send(const std::string& method, const json& params, Connection::ReplyHandler on_reply = {}) const {
    conn_->send(method, params, id_, std::move(on_reply));
  }
  Subscription on(const std::string& event, Connection::EventHandler handler) const {
    return conn_->subscribe(event, id_, std::move(handler));
  }
  const std::string& id() const { return id_; }
  const std::shared_ptr<Connection>& connection() const { return conn_; }

 private:
  std::shared_ptr<Connection> conn_;
  std::string id_;
};

}  // namespace ta::cdp
