// The connection layer against a scripted browser: id correlation, out-of-order replies, typed
// errors, deadlines, session routing and subscriptions.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "cdp/connection.h"
#include "cdp/errors.h"
#include "fake_transport.h"

namespace ta::cdp {
namespace {

using nlohmann::json;
using test::FakeTransport;

struct Fixture {
  FakeTransport* fake;
  std::shared_ptr<Connection> conn;
  Fixture() {
    auto t = std::make_unique<FakeTransport>();
    fake = t.get();
    conn = Connection::create(std::move(t));
  }
};

Deadline soon() { return Deadline::after(std::chrono::seconds(10)); }

TEST(Connection, RepliesOutOfOrderReachTheirCallers) {
  Fixture f;
  auto first = std::async(std::launch::async, [&] { return f.conn->call("Runtime.evaluate", {{"n", 1}}, "", soon()); });
  f.fake->wait_sent(1);
  auto second = std::async(std::launch::async, [&] { return f.conn->call("Page.navigate", {{"n", 2}}, "S1", soon()); });
  auto sent = f.fake->wait_sent(2);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(sent[0]["id"], sent[1]["id"]);
  EXPECT_EQ(sent[1]["sessionId"], "S1");
  EXPECT_FALSE(sent[0].contains("sessionId"));
  // Answer the second call first.
  f.fake->inject({{"id", sent[1]["id"]}, {"result", {{"who", "second"}}}});
  f.fake->inject({{"id", sent[0]["id"]}, {"result", {{"who", "first"}}}});
  EXPECT_EQ(second.get()["who"], "second");
  EXPECT_EQ(first.get()["who"], "first");
  EXPECT_EQ(f.conn->pending_calls(), 0u);
}

TEST(Connection, ProtocolErrorCarriesMethodAndCode) {
  Fixture f;
  auto call = std::async(std::launch::async, [&] { return f.conn->call("DOM.getDocument", json::object(), "", soon()); });
  auto sent = f.fake->wait_sent(1);
  f.fake->inject({{"id", sent[0]["id"]}, {"error", {{"code", -32601}, {"message", "'DOM.getDocument' wasn't found"}}}});
  try {
    call.get();
    FAIL() << "expected ProtocolError";
  } catch (const ProtocolError& e) {
    EXPECT_EQ(e.method(), "DOM.getDocument");
    EXPECT_EQ(e.code(), -32601);
    EXPECT_NE(std::string(e.what()).find("wasn't found"), std::string::npos);
  }
}

TEST(Connection, DeadlinePassesWithTimeoutErrorAndForgetsTheCall) {
  Fixture f;
  EXPECT_THROW(f.conn->call("Page.navigate", json::object(), "", Deadline::after(std::chrono::milliseconds(50))),
               TimeoutError);
  EXPECT_EQ(f.conn->pending_calls(), 0u);
  // A late reply to the forgotten call is dropped without harm.
  auto sent = f.fake->wait_sent(1);
  f.fake->inject({{"id", sent[0]["id"]}, {"result", json::object()}});
  auto next = std::async(std::launch::async, [&] { return f.conn->call("Browser.getVersion", json::object(), "", soon()); });
  sent = f.fake->wait_sent(2);
  f.fake->inject({{"id", sent[1]["id"]}, {"result", {{"product", "Chrome/1"}}}});
  EXPECT_EQ(next.get()["product"], "Chrome/1");
}

TEST(Connection, ClosingFailsEveryPendingCall) {
  Fixture f;
  auto a = std::async(std::launch::async, [&] { return f.conn->call("A.a", json::object(), "", soon()); });
  auto b = std::async(std::launch::async, [&] { return f.conn->call("B.b", json::object(), "S", soon()); });
  f.fake->wait_sent(2);
  f.fake->drop_connection();
  EXPECT_THROW(a.get(), ConnectionClosedError);
  EXPECT_THROW(b.get(), ConnectionClosedError);
  EXPECT_TRUE(f.conn->closed());
  EXPECT_THROW(f.conn->call("C.c", json::object(), "", soon()), ConnectionClosedError);
}

TEST(Connection, DetachedSessionFailsOnlyItsCalls) {
  Fixture f;
  auto on_dead = std::async(std::launch::async, [&] { return f.conn->call("Runtime.evaluate", json::object(), "DEAD", soon()); });
  auto on_live = std::async(std::launch::async, [&] { return f.conn->call("Runtime.evaluate", json::object(), "LIVE", soon()); });
  auto sent = f.fake->wait_sent(2);
  f.fake->inject({{"method", "Target.detachedFromTarget"}, {"params", {{"sessionId", "DEAD"}, {"targetId", "T"}}}});
  EXPECT_THROW(on_dead.get(), TargetClosedError);
  json live_id = sent[0]["sessionId"] == "LIVE" ? sent[0]["id"] : sent[1]["id"];
  f.fake->inject({{"id", live_id}, {"result", {{"ok", true}}}});
  EXPECT_EQ(on_live.get()["ok"], true);
  EXPECT_THROW(f.conn->call("Page.enable", json::object(), "DEAD", soon()), TargetClosedError);
}

TEST(Connection, EventsAreRoutedBySessionAndStopAfterUnsubscribe) {
  Fixture f;
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::string> got;
  auto record = [&](const std::string& tag) {
    return [&, tag](const json& p) {
      std::lock_guard<std::mutex> lock(m);
      got.push_back(tag + ":" + p.value("name", ""));
      cv.notify_all();
    };
  };
  {
    Subscription s1 = f.conn->subscribe("Page.lifecycleEvent", "S1", record("s1"));
    Subscription s2 = f.conn->subscribe("Page.lifecycleEvent", "S2", record("s2"));
    Subscription browser = f.conn->subscribe("Target.targetCreated", "", record("browser"));
    f.fake->inject({{"method", "Page.lifecycleEvent"}, {"sessionId", "S2"}, {"params", {{"name", "load"}}}});
    f.fake->inject({{"method", "Target.targetCreated"}, {"params", {{"name", "t"}}}});
    f.fake->inject({{"method", "Page.lifecycleEvent"}, {"sessionId", "S1"}, {"params", {{"name", "init"}}}});
    std::unique_lock<std::mutex> lock(m);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return got.size() == 3; }));
  }
  // Subscriptions are gone: this event reaches nobody. A marker subscription proves delivery order.
  bool marker = false;
  Subscription after = f.conn->subscribe("Marker.done", "", [&](const json&) {
    std::lock_guard<std::mutex> lock(m);
    marker = true;
    cv.notify_all();
  });
  f.fake->inject({{"method", "Page.lifecycleEvent"}, {"sessionId", "S1"}, {"params", {{"name", "late"}}}});
  f.fake->inject({{"method", "Marker.done"}, {"params", json::object()}});
  std::unique_lock<std::mutex> lock(m);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return marker; }));
  EXPECT_EQ(got, (std::vector<std::string>{"s2:load", "browser:t", "s1:init"}));
}

TEST(Connection, CallFromAnEventHandlerIsRefusedInsteadOfDeadlocking) {
  Fixture f;
  std::promise<std::string> outcome;
  Subscription s = f.conn->subscribe("X.event", "", [&](const json&) {
    try {
      f.conn->call("Y.method", json::object(), "", soon());
      outcome.set_value("returned");
    } catch (const std::logic_error&) {
      outcome.set_value("refused");
    }
  });
  f.fake->inject({{"method", "X.event"}, {"params", json::object()}});
  EXPECT_EQ(outcome.get_future().get(), "refused");
}

}  // namespace
}  // namespace ta::cdp

namespace ta::cdp {
namespace {

// A site's API reply carried verbatim in a DevTools message: a lone surrogate or stray bytes must
// cost one character, never the message or the site.
TEST(Connection, LoneSurrogatesAndInvalidUtf8AreReplacedNotDropped) {
  Fixture f;
  auto call = std::async(std::launch::async, [&] { return f.conn->call("Network.getResponseBody", json::object(), "", soon()); });
  auto sent = f.fake->wait_sent(1);
  const std::string id = sent[0]["id"].dump();
  f.fake->inject_text("{\"id\":" + id + ",\"result\":{\"body\":\"티켓\\ud800오픈 \\udc00 \xff\xfe 🎫 \\ud83c\\udfab \\\\ud800\"}}");
  json result = call.get();
  EXPECT_EQ(result["body"], "티켓\xEF\xBF\xBD오픈 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD 🎫 🎫 \\ud800");
}

TEST(Connection, AnUnparseableReplyFailsItsCallAtOnce) {
  Fixture f;
  auto started = std::chrono::steady_clock::now();
  auto call = std::async(std::launch::async, [&] {
    return f.conn->call("Runtime.evaluate", json::object(), "", Deadline::after(std::chrono::seconds(60)));
  });
  auto sent = f.fake->wait_sent(1);
  f.fake->inject_text("{\"id\":" + sent[0]["id"].dump() + ",\"result\":{\"value\": [1, 2,,}");
  EXPECT_THROW(call.get(), ProtocolError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30)) << "the call waited for its deadline";
  EXPECT_EQ(f.conn->pending_calls(), 0u);
}

// Closing a connection while its owner unsubscribes: once reset() returns, the close handler is
// not running and will never run (the handler would touch a destroyed owner).
TEST(Connection, CloseHandlerNeverRunsAfterItsSubscriptionIsReset) {
  for (int round = 0; round < 200; ++round) {
    Fixture f;
    auto alive = std::make_shared<std::atomic<bool>>(true);
    std::atomic<int> calls_after_reset{0};
    auto sub = f.conn->on_close([&, alive](const std::string&) {
      if (!*alive) ++calls_after_reset;
    });
    std::thread closer([&] { f.fake->drop_connection(); });
    sub.reset();
    *alive = false;
    closer.join();
    f.conn->close();
    EXPECT_EQ(calls_after_reset.load(), 0) << "round " << round;
  }
}

}  // namespace
}  // namespace ta::cdp
