// Reachability checks against stand-ins on 127.0.0.1 only; the one name lookup (.invalid) is
// answered "no such name" by the local resolver, so no probe ever leaves the machine.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "config/config.h"
#include "doctor/checks.h"
#include "support/http_server.h"

namespace ta::doctor {
namespace {

// A bound socket that never listens: connecting to its port is refused, and holding it keeps any
// other test from taking the port meanwhile.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("cannot reserve a loopback port");
    port_ = ntohs(addr.sin_port);
  }
  ~RefusingPort() { ::close(fd_); }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

DoctorOptions quick_options() {
  DoctorOptions o;
  o.connect_timeout = std::chrono::milliseconds(3000);
  o.probe_timeout = std::chrono::milliseconds(5000);
  return o;
}

// The methods a route was called with, recorded before it answers (the server's own log runs
// after the answer is sent, so it may lag behind the client).
class MethodLog {
 public:
  void add(const std::string& method) {
    std::lock_guard<std::mutex> lock(mutex_);
    methods_.push_back(method);
  }
  std::vector<std::string> methods() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return methods_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> methods_;
};

TEST(NetworkCheck, ReachableServerPassesWithItsStatus) {
  test::HttpServer server;
  MethodLog log;
  server.raw().Get("/", [&log](const httplib::Request& req, httplib::Response& res) {
    log.add(req.method);
    res.set_content("<html>ok</html>", "text/html");
  });
  auto results = check_network({{"로컬", server.url("/")}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::pass) << results[0].detail;
  EXPECT_NE(results[0].title.find("로컬"), std::string::npos);
  EXPECT_NE(results[0].detail.find("HTTP 200"), std::string::npos) << results[0].detail;
  EXPECT_EQ(log.methods(), std::vector<std::string>{"HEAD"});
}

TEST(NetworkCheck, ServerRefusingHeadIsAskedWithGet) {
  test::HttpServer server;
  MethodLog log;
  server.raw().Get("/", [&log](const httplib::Request& req, httplib::Response& res) {
    log.add(req.method);
    if (req.method == "HEAD") {
      res.status = 405;
      return;
    }
    res.set_content("<html>ok</html>", "text/html");
  });
  auto results = check_network({{"로컬", server.url("/")}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::pass) << results[0].detail;
  EXPECT_NE(results[0].detail.find("HTTP 200"), std::string::npos) << results[0].detail;
  EXPECT_EQ(log.methods(), (std::vector<std::string>{"HEAD", "GET"}));
}

TEST(NetworkCheck, ServerErrorFailsAndClientErrorWarns) {
  test::HttpServer server;
  server.raw().Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  server.raw().Get("/blocked", [](const httplib::Request&, httplib::Response& res) { res.status = 403; });
  auto results = check_network({{"다운", server.url("/down")}, {"차단", server.url("/blocked")}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].detail.find("HTTP 503"), std::string::npos) << results[0].detail;
  EXPECT_EQ(results[1].status, Status::warn);
  EXPECT_NE(results[1].detail.find("HTTP 403"), std::string::npos) << results[1].detail;
  EXPECT_FALSE(results[1].fix.empty());
}

TEST(NetworkCheck, RefusedConnectionIsAConnectFailure) {
  RefusingPort closed;
  auto results = check_network({{"닫힌 포트", closed.url()}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].detail.find("연결 실패"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].detail.find("127.0.0.1"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].fix.find("방화벽"), std::string::npos) << results[0].fix;
  EXPECT_NE(results[0].fix.find(std::to_string(closed.port()) + "번 포트"), std::string::npos) << results[0].fix;
}

TEST(NetworkCheck, UnresolvableNameIsADnsFailure) {
  auto results = check_network({{"없는 이름", "http://nonexistent.invalid/"}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].detail.find("DNS"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].detail.find("nonexistent.invalid"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].fix.find("resolv.conf"), std::string::npos) << results[0].fix;
}

TEST(NetworkCheck, ConfiguredProxyCarriesTheProbe) {
  // Through a proxy the target's name is the proxy's business: a dead proxy shows as a proxy
  // failure, not as the DNS failure a direct probe of this name gives.
  RefusingPort dead_proxy;
  Config config;
  config.proxy.http = "http://127.0.0.1:" + std::to_string(dead_proxy.port());
  auto results = check_network({{"없는 이름", "http://nonexistent.invalid/"}}, config, quick_options());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].detail.find("프록시 연결 실패"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].fix.find("proxy.http"), std::string::npos) << results[0].fix;
}

TEST(NetworkCheck, ResultsKeepTheOrderOfTheTargets) {
  test::HttpServer server;
  server.page("/", "ok");
  RefusingPort closed;
  auto results = check_network({{"첫째", closed.url()}, {"둘째", server.url("/")}}, Config{}, quick_options());
  ASSERT_EQ(results.size(), 2u);
  EXPECT_NE(results[0].title.find("첫째"), std::string::npos);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[1].title.find("둘째"), std::string::npos);
  EXPECT_EQ(results[1].status, Status::pass);
}

TEST(NetworkCheck, DefaultTargetsAreTheEnabledSitesAndDiscord) {
  Config config;
  config.sources = {"melon", "yes24"};
  auto targets = default_probe_targets(config);
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[0].url, "https://ticket.melon.com/");
  // YES24's notice pages are plain http; probing https there would report a false TLS failure.
  EXPECT_EQ(targets[1].url, "http://ticket.yes24.com/");
  EXPECT_EQ(targets[2].url, "https://discord.com/");
}

}  // namespace
}  // namespace ta::doctor
