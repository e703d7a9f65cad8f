// What reading detail pages costs a crawl: for each site's fixture (list page + its detail pages,
// replayed from HAR in real Chromium), the list alone against the list plus every notice's detail
// page, in the same process and pool. Reports pages opened, wall time and CPU of the whole tree
// (controller + Chromium), and the cost per detail page. The detail pages read are the ones the
// fixture recorded (its detail-cases.json), as the store would ask for new notices.
//
//   build/bench/detail_bench [ROUNDS]   (default 3)
#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "cli/command_pool.h"
#include "sites/crawler.h"
#include "sites/site.h"
#include "util/proc_file.h"

using namespace ta;
using Clock = std::chrono::steady_clock;

namespace {

// CPU of this process and every descendant (live, or exited and reaped within the tree), seconds.
double tree_cpu_seconds() {
  std::map<pid_t, pid_t> parent;
  std::map<pid_t, double> cpu;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  DIR* proc = opendir("/proc");
  if (!proc) return 0;
  while (dirent* e = readdir(proc)) {
    const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    if (pid <= 0) continue;
    const std::string stat = read_proc_file("/proc/" + std::to_string(pid) + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    // Fields after "(comm)": state ppid ... utime(14) stime(15), counted from 1 over the whole line.
    std::vector<std::string> f;
    std::size_t at = close + 2;
    while (at < stat.size()) {
      const auto space = stat.find(' ', at);
      f.push_back(stat.substr(at, space - at));
      if (space == std::string::npos) break;
      at = space + 1;
    }
    if (f.size() < 15) continue;
    parent[pid] = static_cast<pid_t>(std::atoi(f[1].c_str()));
    // utime + stime, and cutime + cstime: a renderer that exited was counted by whoever reaped it.
    double t = 0;
    for (int i = 11; i <= 14; ++i) t += std::atof(f[i].c_str());
    cpu[pid] = t / ticks;
  }
  closedir(proc);
  double total = 0;
  const pid_t self = getpid();
  for (const auto& [pid, seconds] : cpu) {
    for (pid_t p = pid; p > 1; p = parent.count(p) ? parent[p] : 0) {
      if (p != self) continue;
      total += seconds;
      break;
    }
  }
  return total;
}

struct Sample {
  int notices = 0;
  int details = 0;  // detail pages opened
  double wall_ms = 0;
  double cpu_s = 0;
};

// The notices whose detail page the fixture recorded (fixtures/<site>/detail-cases.json).
std::set<std::string> recorded_details(const std::string& site) {
  std::ifstream f(std::string(TA_SOURCE_DIR) + "/fixtures/" + site + "/detail-cases.json");
  std::set<std::string> urls;
  for (const auto& c : nlohmann::json::parse(f))
    if (c.value("har", "") == "main.har") urls.insert(c.value("url", ""));
  return urls;
}

Sample crawl_once(cdp::BrowserPool& pool, const SiteDescriptor& site, const std::shared_ptr<const cdp::HarArchive>& har,
                  int detail_pages, const std::set<std::string>& wanted) {
  CrawlOptions options;
  options.extract_dir = std::string(TA_SOURCE_DIR) + "/scripts/extract";
  options.replay = har;
  options.detail_pages = detail_pages;
  options.detail_budget_s = 300;
  options.wants_detail = [&wanted](const std::vector<Ticket>& tickets) {
    std::vector<bool> out;
    for (const auto& t : tickets) out.push_back(wanted.count(t.url) > 0);
    return out;
  };
  const double cpu_before = tree_cpu_seconds();
  const auto start = Clock::now();
  CrawlResult r = crawl_site(pool, site, options, Deadline::after(std::chrono::seconds(600)));
  Sample s;
  s.wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  s.cpu_s = tree_cpu_seconds() - cpu_before;
  if (!r.ok) std::fprintf(stderr, "%s: %s\n", site.id.c_str(), r.error.c_str());
  s.notices = static_cast<int>(r.tickets.size());
  for (const auto& t : r.tickets) s.details += t.detail == DetailState::read || t.detail == DetailState::failed;
  return s;
}

Sample median(std::vector<Sample> v) {
  std::sort(v.begin(), v.end(), [](const Sample& a, const Sample& b) { return a.wall_ms < b.wall_ms; });
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  Config config;
  config.browser.pool_size = 1;
  CommandPool command_pool(config, 1);
  auto& pool = command_pool.pool();
  std::printf("%-10s %8s | %10s %8s | %7s %10s %8s | %12s %12s\n", "site", "notices", "list ms", "list cpu",
              "details", "with ms", "with cpu", "ms/detail", "cpu ms/detail");
  for (const std::string id : {"interpark", "yes24", "melon", "ticketlink"}) {
    const SiteDescriptor* site = find_site(id);
    std::shared_ptr<const cdp::HarArchive> har =
        cdp::HarArchive::load(std::string(TA_SOURCE_DIR) + "/fixtures/" + id + "/main.har");
    const auto wanted = recorded_details(id);
    crawl_once(pool, *site, har, 0, wanted);  // warm the pool and the page cache
    std::vector<Sample> list, with;
    for (int i = 0; i < rounds; ++i) {
      list.push_back(crawl_once(pool, *site, har, 0, wanted));
      with.push_back(crawl_once(pool, *site, har, 100, wanted));
    }
    const Sample l = median(list), w = median(with);
    const double per = w.details > 0 ? (w.wall_ms - l.wall_ms) / w.details : 0;
    const double per_cpu = w.details > 0 ? (w.cpu_s - l.cpu_s) * 1000 / w.details : 0;
    std::printf("%-10s %8d | %10.0f %7.2fs | %7d %10.0f %7.2fs | %12.0f %12.0f\n", id.c_str(), l.notices, l.wall_ms,
                l.cpu_s, w.details, w.wall_ms, w.cpu_s, per, per_cpu);
  }
  std::printf("(median of %d rounds; the default detail_pages is 8 per crawl, only for new or changed notices)\n", rounds);
  return 0;
}
