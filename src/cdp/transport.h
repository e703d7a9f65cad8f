#pragma once
// The byte pipe under a DevTools connection. Connection only needs these three operations, which
// lets tests drive it with a fake transport (out-of-order replies, sudden closes).
#include <functional>
#include <memory>
#include <string>

#include "util/deadline.h"

namespace ta::cdp {

class Transport {
 public:
  using MessageHandler = std::function<void(const std::string&)>;
  using CloseHandler = std::function<void(const std::string& reason)>;

  virtual ~Transport() = default;
  // Handlers run on the transport's own thread, one message at a time. Messages that arrive
  // before start() are delivered when it is called.
  virtual void start(MessageHandler on_message, CloseHandler on_close) = 0;
  // Thread-safe. A failed send closes the transport (the close handler fires).
  virtual void send(const std::string& text) = 0;
  // Idempotent; returns when the transport's thread has ended (must not be called from it).
  virtual void close() = 0;
  // True on the thread that runs the handlers.
  virtual bool on_transport_thread() const = 0;
};

// A WebSocket to a DevTools endpoint (ws://host:port/devtools/browser/ID) on its own IO thread.
std::unique_ptr<Transport> connect_websocket(const std::string& ws_url, const Deadline& deadline);

}  // namespace ta::cdp
