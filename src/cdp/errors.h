#pragma once
// Typed errors of the DevTools layer. The job boundary (one site's crawl) turns them into a
// per-site result; nothing here is allowed to take down another site's job.
#include <stdexcept>
#include <string>
#include <vector>

namespace ta::cdp {

class CdpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Chromium answered a command with {"error": {code, message}}.
class ProtocolError : public CdpError {
 public:
  ProtocolError(std::string method, int code, const std::string& message)
      : CdpError(method + ": " + message + " (code " + std::to_string(code) + ")"),
        method_(std::move(method)), code_(code) {}
  const std::string& method() const { return method_; }
  int code() const { return code_; }

 private:
  std::string method_;
  int code_;
};

// A deadline passed while waiting for `what` (a protocol method or a page condition).
class TimeoutError : public CdpError {
 public:
  TimeoutError(std::string what, long long waited_ms)
      : CdpError("시간 초과: " + what + " (" + std::to_string(waited_ms) + " ms)"), what_(std::move(what)) {}
  const std::string& what_timed_out() const { return what_; }

 private:
  std::string what_;
};

// The page (target) crashed, was closed, or detached while a call on it was pending.
class TargetClosedError : public CdpError {
 public:
  using CdpError::CdpError;
};

// The WebSocket to the browser closed (browser exited, was killed, or the remote went away).
class ConnectionClosedError : public CdpError {
 public:
  using CdpError::CdpError;
};

// Navigation failed (net::ERR_…); with HAR replay this is also what a page missing from the archive gives.
class NavigationError : public CdpError {
 public:
  NavigationError(const std::string& url, const std::string& error_text)
      : CdpError("페이지 열기 실패: " + url + " (" + error_text + ")"), error_text_(error_text) {}
  const std::string& error_text() const { return error_text_; }

 private:
  std::string error_text_;
};

// A script threw, was rejected, or did not compile.
class JsException : public CdpError {
 public:
  JsException(std::string file, int line, int column, std::string message)
      : CdpError("스크립트 오류: " + file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message),
        file_(std::move(file)), line_(line), column_(column), message_(std::move(message)) {}
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

// Chromium could not be started or did not open its DevTools endpoint in time.
class LaunchError : public CdpError {
 public:
  LaunchError(std::string binary, const std::string& reason, std::vector<std::string> stderr_tail)
      : CdpError(compose(binary, reason, stderr_tail)), binary_(std::move(binary)), stderr_tail_(std::move(stderr_tail)) {}
  const std::string& binary() const { return binary_; }
  const std::vector<std::string>& stderr_tail() const { return stderr_tail_; }

 private:
  static std::string compose(const std::string& binary, const std::string& reason, const std::vector<std::string>& tail) {
    std::string s = "Chromium 실행 실패 (" + binary + "): " + reason;
    if (!tail.empty()) {
      s += "\n--- chromium stderr (마지막 " + std::to_string(tail.size()) + "줄) ---";
      for (const auto& l : tail) s += "\n" + l;
    }
    return s;
  }
  std::string binary_;
  std::vector<std::string> stderr_tail_;
};

// A HAR archive that cannot be used for replay.
class HarError : public CdpError {
 public:
  using CdpError::CdpError;
};

}  // namespace ta::cdp
