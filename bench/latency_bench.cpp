// Detection latency: the time from a notice appearing on a site to its Discord message, with
// `ticket-alarm run` at the default configuration, against a "live" YES24 served on loopback (its
// recorded pages, fixtures/yes24/main.har, with a list API that gains a notice at a random moment
// of each cycle) and the fake Discord. Chromium reaches the site through --host-resolver-rules.
// Reports median, 90th percentile and worst latency, the whole tree's CPU% (controller +
// Chromium, exact: this process is the tree's subreaper and reads the kernel's accounting of
// reaped children) and its PSS.
//
//   build/bench/latency_bench [APPEARANCES] [INTERVAL_S] [JITTER_S]
//   (defaults: 20 appearances, the configured defaults of interval and jitter_s; LATENCY_BENCH_LOG=1 prints
//   the monitor's log)
#include <sys/resource.h>
#include <sys/wait.h>
#include <strings.h>
#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "cdp/har_archive.h"
#include "config/config.h"
#include "support/fake_discord.h"
#include "support/http_server.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"
#include "util/process_group.h"

using namespace ta;
using Clock = std::chrono::steady_clock;

namespace {

// What YES24's axRead.aspx answers for one notice: its title, open time and, when given, a presale.
std::string detail_html(const std::string& title, const std::string& open_text, const std::string& presale_line) {
  return "<div class=\"noti-view\">\n<div class=\"noti-view-tit\"><span class=\"noti-view-cate\">티켓오픈</span><p "
         "class=\"noti-view-subj\">" + title + "</p></div>\n<ul class=\"noti-view-info\"><li><span>오픈일시</span> <strong>" +
         open_text + "</strong></li></ul>\n<div class=\"noti-view-cont\">\n" + presale_line + "</div>\n</div>\n";
}

// YES24's notice list on loopback: the archive answers every request; the list API's first page
// also carries the notices added so far, newest first, as the site would show them; every listed
// notice has its detail (the archive records only a few), as on the real site.
class LiveYes24 {
 public:
  explicit LiveYes24(const std::string& har) : archive_(cdp::HarArchive::load(har)) {
    for (const std::string page : {"1", "2"}) {
      const auto* list = archive_->find("POST", "http://ticket.yes24.com/New/Notice/Ajax/axList.aspx",
                                        "page=" + page + "&size=20&genre=&province=&order=1&searchType=All&searchText=");
      if (list) add_listed_details(list->response.body);
    }
    auto answer = [this](const httplib::Request& req, httplib::Response& res) { this->answer(req, res); };
    server_.raw().Get(".*", answer);
    server_.raw().Post(".*", answer);
  }
  int port() const { return server_.port(); }

  std::string add_notice(int n) {
    const std::string title = "[벤치] 라이브 알림 공연 " + std::to_string(n) + " 티켓오픈 안내";
    const std::string day = std::to_string(10 + n % 15);
    const std::string row = "<tr>\r\n\t<td>티켓오픈</td>\r\n\t<td class=\"noti-tit\"><a href=\"#id=" + std::to_string(kFirstId + n) +
                            "\">" + title + "</a></td>\r\n\t<td>2027.03." + day + " 20:00</td>\r\n\t<td>1</td>\r\n</tr>\r\n";
    // Its detail, with a presale the day before the general sale.
    const std::string detail = detail_html(title, "2027.03." + day + " 20:00",
                                           "<p>■ 선예매 : 2027년 3월 " + std::to_string(9 + n % 15) + "일 오후 8시</p>\n<p>■ 일반예매 : 2027년 3월 " +
                                               day + "일 오후 8시</p>\n");
    std::lock_guard<std::mutex> lock(mutex_);
    added_ = row + added_;
    details_["id=" + std::to_string(kFirstId + n)] = detail;
    return "라이브 알림 공연 " + std::to_string(n) + " 티켓오픈";  // the embed escapes the brackets
  }

 private:
  void add_listed_details(const std::string& list) {
    static const std::regex row("<a href=\"#id=(\\d+)\">(.*?)</a></td>\\s*<td>([^<]*)");
    static const std::regex tags("<[^>]*>[^<]*</[^>]*>");  // the badges (<em>단독판매</em>) before a title
    for (std::sregex_iterator it(list.begin(), list.end(), row), end; it != end; ++it)
      details_.emplace("id=" + (*it)[1].str(), detail_html(std::regex_replace((*it)[2].str(), tags, ""), (*it)[3].str(), ""));
  }

  void answer(const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/New/Notice/Ajax/axRead.aspx") {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto it = details_.find(req.body);
      if (it != details_.end()) return res.set_content(it->second, "text/html; charset=utf-8");
    }
    const std::string url = "http://" + req.get_header_value("Host") + req.target;
    const cdp::ArchivedEntry* hit = archive_->find(req.method, url, req.body);
    if (!hit) {
      res.status = 404;
      return;
    }
    std::string body = hit->response.body;
    if (req.path == "/New/Notice/Ajax/axList.aspx" && req.body.rfind("page=1&", 0) == 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto at = body.find("<tbody>");
      if (at != std::string::npos) body.insert(at + 7, "\r\n" + added_);
    }
    std::string type = "text/html; charset=utf-8";
    for (const auto& [name, value] : hit->response.headers)
      if (strcasecmp(name.c_str(), "content-type") == 0) type = value;
    res.status = hit->response.status;
    res.set_content(body, type.c_str());
  }

  std::shared_ptr<cdp::HarArchive> archive_;
  test::HttpServer server_;
  static constexpr int kFirstId = 90000;
  std::mutex mutex_;
  std::string added_;
  std::map<std::string, std::string> details_;  // axRead.aspx body → the added notice's detail
};

// Every process below this one (the monitor, its Chromium, orphans adopted as subreaper).
std::vector<pid_t> descendants() {
  std::map<pid_t, pid_t> parent;
  DIR* proc = opendir("/proc");
  while (dirent* e = proc ? readdir(proc) : nullptr) {
    const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    if (pid > 0) parent[pid] = parent_pid(pid);
  }
  if (proc) closedir(proc);
  std::vector<pid_t> out;
  for (const auto& [pid, first] : parent) {
    pid_t p = first;
    for (int depth = 0; p > 1 && p != getpid() && depth < 64; ++depth) p = parent.count(p) ? parent[p] : 0;
    if (p == getpid()) out.push_back(pid);
  }
  return out;
}

long tree_pss_kib() {
  long total = 0;
  for (pid_t pid : descendants()) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/smaps_rollup");
    for (std::string line; std::getline(f, line);)
      if (line.rfind("Pss:", 0) == 0) total += std::atol(line.c_str() + 4);
  }
  return total;
}

double children_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// When the fake Discord received a message naming `title`, or nullopt.
std::optional<Clock::time_point> delivered(const test::FakeDiscord& discord, const std::string& title) {
  for (const auto& r : discord.requests())
    if (r.method == "POST" && r.status / 100 == 2 && r.body.find(title) != std::string::npos) return r.at;
  return std::nullopt;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  const int appearances = argc > 1 ? std::atoi(argv[1]) : 20;
  const int interval = argc > 2 ? std::atoi(argv[2]) : Config{}.interval;
  become_child_subreaper();
  LiveYes24 site(std::string(TA_TEST_SOURCE_DIR) + "/fixtures/yes24/main.har");
  test::FakeDiscord discord;
  test::TempDir dir;
  const std::string port = std::to_string(site.port());
  nlohmann::json config = {
      {"DISCORD_WEBHOOK_URL", discord.webhook_url()},
      {"sources", {"yes24"}},
      {"interval", interval},
      {"data_dir", dir.file("data")},
      {"log", {{"dir", dir.file("logs")}}},
      {"browser",
       {{"extra_args", {"--host-resolver-rules=MAP ticket.yes24.com 127.0.0.1:" + port + ",MAP tkfile.yes24.com 127.0.0.1:" + port}}}}};
  if (argc > 3) config["jitter_s"] = std::atoi(argv[3]);
  std::ofstream(dir.file("config.json")) << config.dump(2);

  const double cpu_before = children_cpu_s();
  const auto started = Clock::now();
  std::vector<double> latencies;
  std::vector<long> pss;
  int missed = 0;
  {
    test::BackgroundBinary run({"run", "--config", dir.file("config.json")}, {{"TICKET_ALARM_WEBHOOK_URL", ""}}, dir.path());
    const std::string log = dir.file("logs/ticket-alarm.log");
    // Past the first crawls, whose detail pages the archive partly lacks (each is retried for
    // Store::kDetailAttempts crawls): the measurement starts at the steady state.
    auto crawls = [&] {
      const std::string text = slurp(log);
      int n = 0;
      for (auto at = text.find("크롤링 완료"); at != std::string::npos; at = text.find("크롤링 완료", at + 1)) ++n;
      return n;
    };
    while (crawls() < 3 && Clock::now() - started < std::chrono::minutes(10))
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::mt19937 random(20261204);
    std::uniform_real_distribution<double> moment(0, interval);
    for (int n = 1; n <= appearances; ++n) {
      std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
      const std::string title = site.add_notice(n);
      const auto appeared = Clock::now();
      std::optional<Clock::time_point> at;
      while (!(at = delivered(discord, title)) && Clock::now() - appeared < std::chrono::seconds(4 * interval))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      pss.push_back(tree_pss_kib());
      if (!at) {
        ++missed;
        std::printf("appearance %d: no message within %d s\n", n, 4 * interval);
        continue;
      }
      latencies.push_back(std::chrono::duration<double>(*at - appeared).count());
      std::printf("appearance %2d: %5.1f s\n", n, latencies.back());
      std::fflush(stdout);
    }
    run.stop(SIGTERM);
    if (missed > 0 || std::getenv("LATENCY_BENCH_LOG")) std::printf("\n--- the monitor's log ---\n%s\n", slurp(log).c_str());
  }
  while (waitpid(-1, nullptr, 0) > 0) {
  }
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();
  const double cpu = children_cpu_s() - cpu_before;
  if (latencies.empty()) return 1;
  std::printf("\nlatency_bench: %zu appearances at interval %d s, jitter_s %d, %d missed\n", latencies.size(), interval,
              config.value("jitter_s", Config{}.jitter_s), missed);
  std::printf("  notice → Discord: median %.1f s, p90 %.1f s, worst %.1f s\n", percentile(latencies, 0.5),
              percentile(latencies, 0.9), percentile(latencies, 1.0));
  std::printf("  whole tree: CPU %.1f s in %.0f s = %.2f %% of one core; PSS median %.0f MB, max %.0f MB\n", cpu, wall,
              100 * cpu / wall, percentile(std::vector<double>(pss.begin(), pss.end()), 0.5) / 1024,
              percentile(std::vector<double>(pss.begin(), pss.end()), 1.0) / 1024);
  return missed == 0 ? 0 : 1;
}
