// Pages in real Chromium: evaluate, script errors and deadlines, HAR replay, waiting, identity.
#include <gtest/gtest.h>

#include "browser_env.h"
#include "cdp/errors.h"
#include "cdp/har_archive.h"
#include "support/http_server.h"
#include "util/base64.h"
#include "util/proxy_url.h"

#include <atomic>

namespace ta::cdp {
namespace {

using nlohmann::json;
using test::HarEntry;
using test::make_har;

class PageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pool_ = new BrowserPool(test::test_pool_options()); }
  static void TearDownTestSuite() {
    delete pool_;
    pool_ = nullptr;
  }
  static BrowserPool* pool_;

  PageLease blank() {
    auto lease = pool_->lease(test::test_deadline());
    lease->navigate("about:blank", WaitCondition{}, test::test_deadline());
    return lease;
  }
  PageLease replaying(const std::string& har_text) {
    PageOptions o = pool_->options().page;
    o.replay = HarArchive::parse(har_text, "test.har");
    return pool_->lease(o, test::test_deadline());
  }
};
BrowserPool* PageTest::pool_ = nullptr;

TEST_F(PageTest, CallFunctionReturnsJsonValues) {
  auto page = blank();
  json r = page->call_function("async (ctx) => ({n: ctx.n * 2, s: '티켓' + ctx.s, list: [1, null, true]})", "f.js",
                               {{"n", 21}, {"s", "오픈"}}, test::test_deadline());
  EXPECT_EQ(r, json({{"n", 42}, {"s", "티켓오픈"}, {"list", {1, nullptr, true}}}));
  EXPECT_EQ(page->evaluate("undefined", test::test_deadline()), json(nullptr));
}

TEST_F(PageTest, ThrownErrorBecomesJsExceptionWithFileAndLine) {
  auto page = blank();
  const std::string source = "async (ctx) => {\n  const x = 1;\n  throw new Error('목록을 찾을 수 없음');\n}";
  try {
    page->call_function(source, "broken.js", json::object(), test::test_deadline());
    FAIL() << "expected JsException";
  } catch (const JsException& e) {
    EXPECT_EQ(e.file(), "broken.js");
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(e.message().find("목록을 찾을 수 없음"), std::string::npos) << e.message();
  }
}

TEST_F(PageTest, SyntaxErrorBecomesJsException) {
  auto page = blank();
  EXPECT_THROW(page->call_function("async (ctx) => {\n  let = ;\n}", "syntax.js", json::object(), test::test_deadline()),
               JsException);
}

TEST_F(PageTest, ScriptThatNeverResolvesTimesOut) {
  {
    auto page = blank();
    EXPECT_THROW(page->call_function("() => new Promise(() => {})", "hang.js", json::object(),
                                     Deadline::after(std::chrono::milliseconds(500))),
                 TimeoutError);
  }
  // The pool still serves pages afterwards.
  auto page = blank();
  EXPECT_EQ(page->evaluate("1 + 1", test::test_deadline()), json(2));
}

TEST_F(PageTest, ReplayServesArchivedResponsesAndFailsEverythingElse) {
  const std::string doc =
      "<html><body><ul id=list></ul><script src='/app.js'></script></body></html>";
  const std::string app =
      "fetch('/api/list?page=1').then(r => r.json()).then(items => {"
      "  for (const t of items) { const li = document.createElement('li'); li.textContent = t; list.appendChild(li); }"
      "  document.body.dataset.done = '1';"
      "});"
      "fetch('https://tracker.example.net/beacon').catch(() => { document.body.dataset.beacon = 'failed'; });";
  auto page = replaying(make_har({
      {"GET", "https://tickets.example.kr/notice", 200, "text/html; charset=utf-8", doc},
      {"GET", "https://tickets.example.kr/app.js", 200, "application/javascript", app},
      {"GET", "https://tickets.example.kr/api/list?page=1", 200, "application/json", R"(["〈뮤지컬〉 티켓오픈", "콘서트"])"},
  }));
  page->navigate("https://tickets.example.kr/notice#TICKET_OPEN", WaitCondition::parse("[data-done][data-beacon]"),
                 test::test_deadline());
  json texts = page->evaluate("[...document.querySelectorAll('li')].map(li => li.textContent)", test::test_deadline());
  EXPECT_EQ(texts, json({"〈뮤지컬〉 티켓오픈", "콘서트"}));

  bool refused_beacon = false, replayed_api = false;
  for (const auto& r : page->requests()) {
    if (r.url == "https://tracker.example.net/beacon") refused_beacon = r.outcome == RequestRecord::Outcome::refused;
    if (r.url == "https://tickets.example.kr/api/list?page=1") replayed_api = r.outcome == RequestRecord::Outcome::replayed;
    EXPECT_NE(r.outcome, RequestRecord::Outcome::passed) << r.url << " went to the network";
  }
  EXPECT_TRUE(refused_beacon);
  EXPECT_TRUE(replayed_api);
}

TEST_F(PageTest, ReplayMatchesPostBodiesBase64AndRedirects) {
  const std::string doc =
      "<html><body><script>"
      "(async () => {"
      "  const post = b => fetch('/ajax/list', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: b}).then(r => r.text());"
      "  document.body.dataset.p1 = await post('page=1&size=20');"
      "  document.body.dataset.p2 = await post('page=2&size=20');"
      "  document.body.dataset.bin = await fetch('/bin').then(r => r.text());"
      "  document.body.dataset.moved = await fetch('/old').then(r => r.text());"
      "  document.body.dataset.done = 1;"
      "})();"
      "</script></body></html>";
  auto page = replaying(make_har({
      {"GET", "http://ticket.example.kr/main", 200, "text/html; charset=utf-8", doc},
      {"POST", "http://ticket.example.kr/ajax/list", 200, "text/html", "첫 페이지", "page=1&size=20"},
      {"POST", "http://ticket.example.kr/ajax/list", 200, "text/html", "둘째 페이지", "page=2&size=20"},
      {"GET", "http://ticket.example.kr/bin", 200, "text/plain", "7Yuw7LyT", "", true},  // "티켓"
      {"GET", "http://ticket.example.kr/old", 302, "text/html", "", "", false, "http://ticket.example.kr/new"},
      {"GET", "http://ticket.example.kr/new", 200, "text/plain", "옮겨짐"},
  }));
  page->navigate("http://ticket.example.kr/main", WaitCondition::parse("[data-done]"), test::test_deadline());
  json data = page->evaluate("({...document.body.dataset})", test::test_deadline());
  EXPECT_EQ(data["p1"], "첫 페이지");
  EXPECT_EQ(data["p2"], "둘째 페이지");
  EXPECT_EQ(data["bin"], "티켓");
  EXPECT_EQ(data["moved"], "옮겨짐");
}

TEST_F(PageTest, DocumentMissingFromTheArchiveFailsNavigation) {
  auto page = replaying(make_har({{"GET", "https://a.example.kr/", 200, "text/html", "<p>a</p>"}}));
  EXPECT_THROW(page->navigate("https://b.example.kr/", WaitCondition{}, test::test_deadline()), NavigationError);
}

TEST_F(PageTest, LooksLikeAKoreanDesktopBrowser) {
  ta::test::HttpServer server;
  server.page("/", "<html><body>hi</body></html>");
  auto page = pool_->lease(test::test_deadline());
  page->navigate(server.url("/"), WaitCondition::parse("networkidle"), test::test_deadline());
  json id = page->evaluate(
      "({webdriver: navigator.webdriver, ua: navigator.userAgent, tz: Intl.DateTimeFormat().resolvedOptions().timeZone,"
      " hour: new Date(Date.UTC(2025, 6, 3, 7, 0)).getHours()})",
      test::test_deadline());
  EXPECT_EQ(id["webdriver"], false);
  EXPECT_EQ(id["ua"].get<std::string>().find("HeadlessChrome"), std::string::npos) << id["ua"];
  EXPECT_EQ(id["tz"], "Asia/Seoul");
  EXPECT_EQ(id["hour"], 16);  // 07:00 UTC is 16:00 in Seoul
  bool korean = false;
  for (const auto& r : server.requests())
    if (r.path == "/") korean = r.headers.count("Accept-Language") && r.headers.at("Accept-Language").rfind("ko-KR", 0) == 0;
  EXPECT_TRUE(korean);
}

TEST_F(PageTest, BlockedResourceTypesNeverReachTheServer) {
  ta::test::HttpServer server;
  server.page("/", "<html><body><img src='/poster.png'><p id=t>본문</p></body></html>");
  server.page("/poster.png", "not really a png", "image/png");
  auto page = pool_->lease(test::test_deadline());
  page->navigate(server.url("/"), WaitCondition::parse("networkidle"), test::test_deadline());
  EXPECT_EQ(page->evaluate("document.getElementById('t').textContent", test::test_deadline()), "본문");
  EXPECT_FALSE(server.saw("/poster.png"));
  bool blocked = false;
  for (const auto& r : page->requests())
    if (r.url == server.url("/poster.png")) blocked = r.outcome == RequestRecord::Outcome::blocked;
  EXPECT_TRUE(blocked);
}

TEST_F(PageTest, SelectorThatNeverAppearsTimesOut) {
  ta::test::HttpServer server;
  server.page("/", "<html><body></body></html>");
  auto page = pool_->lease(test::test_deadline());
  EXPECT_THROW(page->navigate(server.url("/"), WaitCondition::parse("#never"), Deadline::after(std::chrono::seconds(1))),
               TimeoutError);
}

}  // namespace
}  // namespace ta::cdp

namespace ta::cdp {
namespace {

// alert(), confirm() and beforeunload would hold the load event until someone answers them.
TEST_F(PageTest, JavaScriptDialogsAreDismissedSoTheSiteIsNotBlinded) {
  const std::string doc =
      "<html><body><script>alert('점검 안내'); document.body.dataset.confirmed = String(confirm('계속?'));"
      "window.addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = ''; });"
      "</script><ul><li>뮤지컬 티켓오픈</li></ul></body></html>";
  auto page = replaying(make_har({
      {"GET", "https://tickets.example.kr/dialog", 200, "text/html; charset=utf-8", doc},
      {"GET", "https://tickets.example.kr/next", 200, "text/html; charset=utf-8", "<html><body>다음</body></html>"},
  }));
  page->navigate("https://tickets.example.kr/dialog", WaitCondition{}, Deadline::after(std::chrono::seconds(10)));
  EXPECT_EQ(page->evaluate("document.body.dataset.confirmed", test::test_deadline()), "true");
  EXPECT_EQ(page->evaluate("document.querySelector('li').textContent", test::test_deadline()), "뮤지컬 티켓오픈");
  // A user gesture makes beforeunload ask; leaving must still work.
  page->call_function("() => { document.body.click(); }", "click.js", json::object(), test::test_deadline());
  page->navigate("https://tickets.example.kr/next", WaitCondition{}, Deadline::after(std::chrono::seconds(10)));
  EXPECT_EQ(page->evaluate("document.body.textContent", test::test_deadline()), "다음");
}

}  // namespace
}  // namespace ta::cdp

namespace ta::cdp {
namespace {

// A loopback HTTP proxy that serves every page itself, once the client shows Basic credentials.
struct AuthProxy {
  ta::test::HttpServer server;
  std::atomic<int> challenged{0};
  AuthProxy() {
    const std::string expected = "Basic " + base64_encode("fan:p@ss word");
    server.raw().Get(".*", [this, expected](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Proxy-Authorization") != expected) {
        ++challenged;
        res.status = 407;
        res.set_header("Proxy-Authenticate", "Basic realm=\"test proxy\"");
        res.set_content("proxy authentication required", "text/plain");
        return;
      }
      res.set_content("<html><body>proxied page</body></html>", "text/html; charset=utf-8");
    });
  }
};

TEST(ProxyAuth, AProxyThatDemandsBasicAuthGetsTheConfiguredCredentials) {
  AuthProxy proxy;
  PoolOptions options = test::test_pool_options();
  const ProxyUrl url = split_proxy_url("http://fan:p%40ss%20word@127.0.0.1:" + std::to_string(proxy.server.port()));
  EXPECT_EQ(url.server, "http://127.0.0.1:" + std::to_string(proxy.server.port())) << "Chromium gets no credentials";
  options.page.proxy_server = url.server;
  options.page.proxy_username = url.username;
  options.page.proxy_password = url.password;
  BrowserPool pool(options);
  {
    auto lease = pool.lease(test::test_deadline());
    lease->navigate("http://ticket.test/notice", WaitCondition{}, test::test_deadline());
    EXPECT_EQ(lease->evaluate("document.body.innerText", test::test_deadline()), "proxied page");
    EXPECT_GE(proxy.challenged.load(), 1) << "the proxy asked, and was answered";
  }

  // Wrong credentials: refused once, then cancelled — never the same answer in a loop.
  options.page.proxy_password = "wrong";
  BrowserPool wrong(options);
  auto lease = wrong.lease(test::test_deadline());
  const int before = proxy.challenged.load();
  try {
    lease->navigate("http://ticket.test/notice", WaitCondition{}, test::test_deadline());
  } catch (const CdpError&) {
    // A cancelled proxy login may end the navigation: either way the page is not served.
  }
  EXPECT_NE(lease->evaluate("document.body ? document.body.innerText : ''", test::test_deadline()), "proxied page");
  EXPECT_LE(proxy.challenged.load() - before, 3) << "no retry loop";
}

TEST(ProxyAuth, PasswordsAreMaskedWhereverAProxyIsShown) {
  EXPECT_EQ(mask_proxy_url("http://fan:s3cret@proxy.example:3128"), "http://fan:****@proxy.example:3128");
  EXPECT_EQ(mask_proxy_url("http://proxy.example:3128"), "http://proxy.example:3128");
  EXPECT_EQ(mask_url_passwords("  \"proxy\": \"http://fan:s3cret@proxy.example:3128\",,"),
            "  \"proxy\": \"http://fan:****@proxy.example:3128\",,");
  const ProxyUrl url = split_proxy_url("http://fan:s3cret@proxy.example:3128");
  EXPECT_EQ(url.username, "fan");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.server, "http://proxy.example:3128");
}

}  // namespace
}  // namespace ta::cdp
