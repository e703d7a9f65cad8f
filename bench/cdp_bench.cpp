// Per-page latency and pages per second of navigate + evaluate with a warm pool, against the same
// work done by a minimal raw CDP loop (the floor on this machine), and the controller's peak RSS.
//
//   build/bench/cdp_bench [PAGES] [HAR]   (defaults: 40, fixtures/interpark/main.har)
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <numeric>
#include <sstream>

#include "cdp/browser_process.h"
#include "cdp/har_archive.h"
#include "cdp/pool.h"
#include "cdp/transport.h"
#include "util/process_group.h"

using namespace ta;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

const char* kProbe = "document.querySelectorAll('*').length";

struct Stats {
  std::vector<double> ms;
  double total_s = 0;
  void print(const char* name) const {
    std::vector<double> s = ms;
    std::sort(s.begin(), s.end());
    double mean = std::accumulate(s.begin(), s.end(), 0.0) / s.size();
    std::printf("%-26s pages=%zu  mean=%.1f ms  p50=%.1f ms  p95=%.1f ms  pages/s=%.2f\n", name, s.size(), mean,
                s[s.size() / 2], s[std::min(s.size() - 1, s.size() * 95 / 100)], s.size() / total_s);
  }
};

// The floor: one WebSocket, hand-written messages, replies matched by id, nothing else.
class RawCdp {
 public:
  explicit RawCdp(const std::string& ws) : t_(cdp::connect_websocket(ws, Deadline::after(std::chrono::seconds(10)))) {
    t_->start([this](const std::string& text) {
      json m = json::parse(text);
      std::lock_guard<std::mutex> lock(mu_);
      if (m.contains("id")) replies_[m["id"].get<long>()] = m;
      else if (m.value("method", "") == "Page.loadEventFired") ++loads_[m.value("sessionId", "")];
      else if (m.value("method", "") == "Fetch.requestPaused") paused_.push_back(m);
      cv_.notify_all();
    }, [](const std::string&) {});
  }
  json call(const std::string& method, const json& params, const std::string& session = "") {
    long id = ++next_;
    json m = {{"id", id}, {"method", method}, {"params", params}};
    if (!session.empty()) m["sessionId"] = session;
    t_->send(m.dump());
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return replies_.count(id) || !paused_.empty(); });
      if (replies_.count(id)) break;
      serve_paused(lock);
    }
    json r = replies_[id];
    replies_.erase(id);
    return r.value("result", json::object());
  }
  void wait_load(const std::string& session, int count) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return loads_[session] >= count || !paused_.empty(); });
      if (loads_[session] >= count) return;
      serve_paused(lock);
    }
  }
  const cdp::HarArchive* har = nullptr;

 private:
  void serve_paused(std::unique_lock<std::mutex>& lock) {
    auto batch = std::move(paused_);
    paused_.clear();
    lock.unlock();
    for (auto& p : batch) {
      const auto& params = p["params"];
      const auto* e = har->find(params["request"]["method"], params["request"]["url"], "");
      json m;
      if (e) {
        std::string b64;
        static const char* A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const std::string& s = e->response.body;
        for (size_t i = 0; i < s.size(); i += 3) {
          unsigned v = (unsigned char)s[i] << 16 | (i + 1 < s.size() ? (unsigned char)s[i + 1] << 8 : 0) | (i + 2 < s.size() ? (unsigned char)s[i + 2] : 0);
          b64 += A[v >> 18 & 63];
          b64 += A[v >> 12 & 63];
          b64 += i + 1 < s.size() ? A[v >> 6 & 63] : '=';
          b64 += i + 2 < s.size() ? A[v & 63] : '=';
        }
        json headers = json::array();
        for (auto& [k, v] : e->response.headers) headers.push_back({{"name", k}, {"value", v}});
        m = {{"id", ++next_}, {"method", "Fetch.fulfillRequest"}, {"sessionId", p["sessionId"]},
             {"params", {{"requestId", params["requestId"]}, {"responseCode", e->response.status}, {"responseHeaders", headers}, {"body", b64}}}};
      } else {
        m = {{"id", ++next_}, {"method", "Fetch.failRequest"}, {"sessionId", p["sessionId"]},
             {"params", {{"requestId", params["requestId"]}, {"errorReason", "InternetDisconnected"}}}};
      }
      t_->send(m.dump());
    }
    lock.lock();
  }
  std::unique_ptr<cdp::Transport> t_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<long, json> replies_;
  std::map<std::string, int> loads_;
  std::vector<json> paused_;
  std::atomic<long> next_{0};
};

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 40;
  const std::string har_path = argc > 2 ? argv[2] : std::string(TA_TEST_SOURCE_DIR) + "/fixtures/interpark/main.har";
  auto har = cdp::HarArchive::load(har_path);
  std::string url;
  {
    std::ifstream f(har_path);
    url = json::parse(f)["log"]["entries"][0]["request"]["url"];
  }
  std::printf("page: %s (%zu archived responses), %d pages each\n", url.c_str(), har->size(), pages);

  // ticket-alarm's engine: warm pool, a fresh isolated context per page, replay through Fetch.
  Stats engine;
  {
    cdp::PoolOptions o;
    o.browsers = 1;
    o.pages_per_browser = 1;
    o.max_pages_per_browser = 100000;
    o.scripts_dir = std::string(TA_TEST_SOURCE_DIR) + "/scripts/cdp";
    o.page.block_types = {"Image", "Media", "Font"};
    o.page.replay = har;
    cdp::BrowserPool pool(o);
    pool.warm_up(Deadline::after(std::chrono::seconds(30)));
    auto start = Clock::now();
    for (int i = 0; i < pages; ++i) {
      auto t0 = Clock::now();
      auto d = Deadline::after(std::chrono::seconds(30));
      auto lease = pool.lease(d);
      lease->navigate(url, cdp::WaitCondition{}, d);
      lease->evaluate(kProbe, d);
      lease.release();
      engine.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    engine.total_s = std::chrono::duration<double>(Clock::now() - start).count();
  }

  // The floor: the same protocol steps, hand-written, no abstractions.
  Stats raw;
  {
    auto browser = cdp::BrowserProcess::launch(cdp::LaunchOptions{}, Deadline::after(std::chrono::seconds(30)));
    RawCdp cdp(browser->ws_endpoint());
    cdp.har = har.get();
    auto start = Clock::now();
    for (int i = 0; i < pages; ++i) {
      auto t0 = Clock::now();
      std::string ctx = cdp.call("Target.createBrowserContext", {{"disposeOnDetach", true}})["browserContextId"];
      std::string target = cdp.call("Target.createTarget", {{"url", "about:blank"}, {"browserContextId", ctx}})["targetId"];
      std::string s = cdp.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})["sessionId"];
      cdp.call("Fetch.enable", {{"patterns", {{{"urlPattern", "*"}}}}}, s);
      cdp.call("Page.enable", json::object(), s);
      cdp.call("Page.navigate", {{"url", url}}, s);
      cdp.wait_load(s, 1);
      cdp.call("Runtime.evaluate", {{"expression", kProbe}, {"returnByValue", true}}, s);
      cdp.call("Target.closeTarget", {{"targetId", target}});
      cdp.call("Target.disposeBrowserContext", {{"browserContextId", ctx}});
      raw.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    raw.total_s = std::chrono::duration<double>(Clock::now() - start).count();
  }

  engine.print("ticket-alarm engine");
  raw.print("raw CDP loop (floor)");
  double e = std::accumulate(engine.ms.begin(), engine.ms.end(), 0.0), r = std::accumulate(raw.ms.begin(), raw.ms.end(), 0.0);
  std::printf("engine / floor = %.2fx\n", e / r);
  std::printf("controller peak RSS = %.1f MB\n", self_peak_rss_kib() / 1024.0);
  return 0;
}
