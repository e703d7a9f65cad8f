// Headers on every answer, read-only API, static files only from the fixed list, listen addresses.
#include <gtest/gtest.h>

#include "web/listen_address.h"
#include "web/status_message.h"
#include "web_env.h"

namespace ta::test {
namespace {

const char* const kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'";

void expect_security_headers(const httplib::Result& res, const std::string& what) {
  ASSERT_TRUE(res) << what;
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"), kCsp) << what;
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << what;
}

TEST_F(WebTest, EveryAnswerCarriesTheSecurityHeaders) {
  for (const char* path : {"/", "/app.js", "/style.css", "/api/tickets", "/api/tickets?limit=0", "/api/sites",
                           "/api/stats", "/healthz", "/metrics", "/no/such/page"})
    expect_security_headers(client->Get(path), path);
  expect_security_headers(client->Post("/api/tickets", "{}", "application/json"), "POST");
}

TEST_F(WebTest, DashboardFilesAreServedWithTheirTypes) {
  auto page = client->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("티켓 알람"), std::string::npos);
  EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_EQ(client->Get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client->Get("/style.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(WebTest, OnlyListedFilesAreServed) {
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/web/app.js", "/index.htm", "/app.js/x"}) {
    auto res = client->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

TEST_F(WebTest, TheApiIsReadOnly) {
  config.web.admin_token = "";
  for (const char* path : {"/api/tickets", "/api/retry", "/healthz"}) {
    auto res = client->Post(path, "", "application/json");
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 405) << path;
  }
  auto del = client->Delete("/api/tickets");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(WebTest, ApiAnswersAreNotCached) {
  EXPECT_EQ(client->Get("/api/tickets")->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(client->Get("/healthz")->get_header_value("Cache-Control"), "no-store");
}

TEST_F(WebTest, ABusyPortIsReportedInKorean) {
  Config other = config;
  other.web.listen = "127.0.0.1:" + std::to_string(server->port());
  WebServer second(other, *store, status);
  try {
    second.start();
    FAIL() << "expected the port to be busy";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("web.listen"), std::string::npos) << e.what();
  }
}

TEST(ListenAddressTest, ParsesHostAndPort) {
  auto a = parse_listen_address("127.0.0.1:8000", nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8000);
  a = parse_listen_address(":9100", nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");  // no host: stay on loopback
  a = parse_listen_address("[::1]:8000", nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "::1");
  std::string error;
  EXPECT_FALSE(parse_listen_address("127.0.0.1", &error));
  EXPECT_NE(error.find("web.listen"), std::string::npos);
  EXPECT_FALSE(parse_listen_address("0.0.0.0:http", nullptr));
  EXPECT_FALSE(parse_listen_address("0.0.0.0:70000", nullptr));
}

TEST(ListenAddressTest, KnowsLoopback) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.1.2.3"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(is_loopback_host("192.168.0.10"));
  EXPECT_FALSE(is_loopback_host("::"));
}

}  // namespace
}  // namespace ta::test

namespace ta::test {
namespace {

// Each status says what it is; nothing internal reaches the client.
TEST_F(WebTest, ErrorBodiesSayWhatTheStatusMeans) {
  auto missing = client->Get("/nothing-here");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("찾을 수 없습니다"), std::string::npos) << missing->body;

  auto too_long = client->Get("/api/tickets?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, 414);
  EXPECT_EQ(too_long->body.find("찾을 수 없습니다"), std::string::npos) << too_long->body;
  EXPECT_NE(too_long->body.find("너무 깁니다"), std::string::npos) << too_long->body;

  EXPECT_EQ(status_message(400), "잘못된 요청입니다");
}

}  // namespace
}  // namespace ta::test
