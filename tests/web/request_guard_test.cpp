// DNS rebinding and web.admin_token: a page on evil.example resolving to this machine gets no
// answer, and a client from another machine needs the token when one is set. The server side
// is exercised over real sockets, including a listener on this machine's LAN address.
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "util/base64.h"
#include "web/request_guard.h"
#include "web_env.h"

namespace ta::test {
namespace {

TEST(RequestGuard, HostsThisDashboardIsKnownBy) {
  for (const char* host : {"", "localhost", "localhost:8000", "LOCALHOST:8000", "app.localhost", "127.0.0.1:8000",
                           "192.168.0.10:8000", "[::1]:8000", "[fd00::2]"})
    EXPECT_TRUE(host_allowed(host, {})) << host;
  for (const char* host : {"evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example"})
    EXPECT_FALSE(host_allowed(host, {})) << host;
  EXPECT_TRUE(host_allowed("Tickets.Example.org:443", {"tickets.example.org"}));
  EXPECT_FALSE(host_allowed("other.example.org", {"tickets.example.org"}));
}

TEST(RequestGuard, TheTokenInAnyOfItsThreeForms) {
  EXPECT_TRUE(token_presented("", "", "")) << "no token configured";
  EXPECT_TRUE(token_presented("Bearer s3cret", "", "s3cret"));
  EXPECT_TRUE(token_presented("Basic " + base64_encode("anyone:s3cret"), "", "s3cret"));
  EXPECT_TRUE(token_presented("", "s3cret", "s3cret"));
  EXPECT_FALSE(token_presented("", "", "s3cret"));
  EXPECT_FALSE(token_presented("Bearer s3cre", "", "s3cret"));
  EXPECT_FALSE(token_presented("Basic " + base64_encode("s3cret"), "", "s3cret")) << "no user:password shape";
  EXPECT_FALSE(token_presented("Basic !!!", "wrong", "s3cret"));
  EXPECT_TRUE(is_loopback_client("127.0.0.1"));
  EXPECT_TRUE(is_loopback_client("::1"));
  EXPECT_TRUE(is_loopback_client("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_loopback_client("192.0.2.2"));
}

TEST_F(WebTest, ARebindingHostGetsNoAnswer) {
  auto res = client->Get("/api/tickets", {{"Host", "evil.example:8000"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  EXPECT_EQ(res->body.find("아이유"), std::string::npos) << "nothing of the store leaks";
  EXPECT_EQ(client->Get("/calendar.ics", {{"Host", "evil.example"}})->status, 421);
  EXPECT_EQ(client->Get("/api/tickets", {{"Host", "localhost:" + std::to_string(server->port())}})->status, 200);
}

TEST_F(WebTest, AllowedHostsAddAReverseProxysName) {
  Config named = config;
  named.web.allowed_hosts = {"tickets.example.org"};
  WebServer second(named, *store, status);
  second.start();
  httplib::Client c("127.0.0.1", second.port());
  EXPECT_NE(c.Get("/healthz", {{"Host", "tickets.example.org"}})->status, 421);
  EXPECT_EQ(c.Get("/api/sites", {{"Host", "tickets.example.org"}})->status, 200);
  EXPECT_EQ(c.Get("/api/sites", {{"Host", "evil.example"}})->status, 421);
}

// An IPv4 address of this machine other than loopback, if it has one.
std::string lan_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* i = list; i && found.empty(); i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, text, sizeof(text));
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  freeifaddrs(list);
  return found;
}

TEST_F(WebTest, AnotherMachineNeedsTheAdminTokenLoopbackDoesNot) {
  const std::string lan = lan_address();
  if (lan.empty()) GTEST_SKIP() << "this machine has no address besides loopback";
  Config guarded = config;
  guarded.web.listen = lan + ":0";
  guarded.web.admin_token = "s3cret-T0ken";
  WebServer lan_server(guarded, *store, status);
  lan_server.start();
  httplib::Client c(lan, lan_server.port());  // connects from `lan`: not a loopback client
  auto refused = c.Get("/api/tickets");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_NE(refused->get_header_value("WWW-Authenticate").find("Basic"), std::string::npos) << "a browser asks for it";
  EXPECT_EQ(c.Get("/api/tickets", {{"Authorization", "Bearer s3cret-T0ken"}})->status, 200);
  EXPECT_EQ(c.Get("/calendar.ics?token=s3cret-T0ken")->status, 200) << "calendar apps pass it in the URL";
  c.set_basic_auth("fan", "s3cret-T0ken");
  EXPECT_EQ(c.Get("/")->status, 200);
  c.set_basic_auth("fan", "wrong");
  EXPECT_EQ(c.Get("/")->status, 401);

  // This machine itself (the Docker HEALTHCHECK's curl, a local browser) needs none.
  Config local = guarded;
  local.web.listen = "127.0.0.1:0";
  WebServer loopback(local, *store, status);
  loopback.start();
  EXPECT_NE(httplib::Client("127.0.0.1", loopback.port()).Get("/healthz")->status, 401);
}

}  // namespace
}  // namespace ta::test
