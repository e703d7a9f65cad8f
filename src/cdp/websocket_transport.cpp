#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

#include "cdp/errors.h"
#include "cdp/transport.h"
#include "log/log.h"
#include "util/handoff.h"

namespace ta::cdp {
namespace {

using WsClient = websocketpp::client<websocketpp::config::asio_client>;

// Large pages' DOM snapshots and evaluate results exceed websocketpp's 32 MB default.
constexpr size_t kMaxMessageBytes = 256u * 1024u * 1024u;

class WebSocketTransport : public Transport {
 public:
  WebSocketTransport() {
    client_.clear_access_channels(websocketpp::log::alevel::all);
    client_.clear_error_channels(websocketpp::log::elevel::all);
    client_.init_asio();
    client_.set_max_message_size(kMaxMessageBytes);
    client_.set_open_handshake_timeout(10000);
    client_.set_close_handshake_timeout(1000);
  }

  ~WebSocketTransport() override { close(); }

  void open(const std::string& url, const Deadline& deadline) {
    std::error_code ec;
    auto con = client_.get_connection(url, ec);
    if (ec) throw ConnectionClosedError("DevTools 주소가 올바르지 않습니다: " + url + " (" + ec.message() + ")");
    Handoff<std::string> opened;  // empty string: success, else the failure reason
    con->set_open_handler([&opened](websocketpp::connection_hdl) { opened.set_value(""); });
    con->set_fail_handler([this, &opened](websocketpp::connection_hdl h) {
      auto c = client_.get_con_from_hdl(h);
      std::string reason = c->get_ec().message();
      opened.set_value(reason.empty() ? "connection failed" : reason);
      on_closed(reason);
    });
    con->set_message_handler([this](websocketpp::connection_hdl, WsClient::message_ptr msg) {
      deliver(msg->get_payload());
    });
    con->set_close_handler([this](websocketpp::connection_hdl h) {
      auto c = client_.get_con_from_hdl(h);
      on_closed("websocket closed (" + std::to_string(c->get_remote_close_code()) + ")");
    });
    hdl_ = con->get_handle();
    client_.connect(con);
    thread_ = std::thread([this] {
      try {
        client_.run();
      } catch (const std::exception& e) {
        logger("cdp")->error("DevTools 연결 스레드 오류: {}", e.what());
      }
      on_closed("io thread ended");
    });
    if (!opened.wait_until(deadline.at())) {
      close();
      // The handlers reference `opened`; close() joined the thread, so none can run any more.
      throw TimeoutError("DevTools WebSocket 연결 " + url, 0);
    }
    std::string failure = opened.take();
    if (!failure.empty()) {
      close();
      throw ConnectionClosedError("DevTools 연결 실패: " + url + " (" + failure + ")");
    }
  }

  void start(MessageHandler on_message, CloseHandler on_close) override {
    std::deque<std::string> backlog;
    std::string close_reason;
    bool was_closed;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      on_message_ = std::move(on_message);
      on_close_ = std::move(on_close);
      backlog.swap(backlog_);
      was_closed = closed_;
      close_reason = close_reason_;
    }
    for (auto& m : backlog) on_message_(m);
    if (was_closed && on_close_) on_close_(close_reason);
  }

  // websocketpp does not guard a connection's state against its own io thread (ThreadSanitizer
  // caught send() reading it while the io thread's terminate() wrote it when a socket dropped):
  // every call on the connection runs on that thread, in the order it was asked for.
  void send(const std::string& text) override {
    asio::post(client_.get_io_service(), [this, text] {
      std::error_code ec;
      client_.send(hdl_, text, websocketpp::frame::opcode::text, ec);
      if (!ec) return;
      logger("cdp")->warn("DevTools 메시지 전송 실패: {}", ec.message());
      std::error_code ignored;
      client_.close(hdl_, websocketpp::close::status::abnormal_close, "send failed", ignored);
    });
  }

  void close() override {
    std::lock_guard<std::mutex> lock(close_mutex_);
    if (!thread_.joinable()) return;
    asio::post(client_.get_io_service(), [this] {
      std::error_code ec;
      client_.close(hdl_, websocketpp::close::status::going_away, "", ec);
      if (ec) client_.stop();
    });
    // The close handshake is bounded by set_close_handshake_timeout, so run() returns (at once
    // when the io thread has already ended and the posted close never runs).
    thread_.join();
  }

  bool on_transport_thread() const override { return std::this_thread::get_id() == thread_.get_id(); }

 private:
  void deliver(const std::string& text) {
    MessageHandler handler;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!on_message_) {
        backlog_.push_back(text);
        return;
      }
      handler = on_message_;
    }
    handler(text);
  }

  void on_closed(const std::string& reason) {
    CloseHandler handler;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closed_) return;
      closed_ = true;
      close_reason_ = reason;
      handler = on_close_;
    }
    if (handler) handler(reason);
  }

  WsClient client_;
  websocketpp::connection_hdl hdl_;
  std::thread thread_;
  std::mutex close_mutex_;
  std::mutex mutex_;
  MessageHandler on_message_;
  CloseHandler on_close_;
  std::deque<std::string> backlog_;
  bool closed_ = false;
  std::string close_reason_;
};

}  // namespace

std::unique_ptr<Transport> connect_websocket(const std::string& ws_url, const Deadline& deadline) {
  auto t = std::make_unique<WebSocketTransport>();
  t->open(ws_url, deadline);
  return t;
}

}  // namespace ta::cdp
