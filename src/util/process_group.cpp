#include "util/process_group.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "util/proc_file.h"

namespace ta {
namespace {

// The fields of /proc/PID/stat after the command name (field 3 first); the name (field 2) may
// hold spaces and parentheses, so the split starts after the last ')'. Empty when gone.
std::vector<std::string> stat_fields(pid_t pid) {
  const std::string line = read_proc_file("/proc/" + std::to_string(pid) + "/stat");
  std::vector<std::string> fields;
  auto close = line.rfind(')');
  if (close == std::string::npos) return fields;
  std::istringstream rest(line.substr(close + 1));
  for (std::string f; rest >> f;) fields.push_back(f);
  return fields;
}

// stat field `n` (1-based, as in proc(5); n >= 3), or "".
std::string stat_field(pid_t pid, std::size_t n) {
  const auto fields = stat_fields(pid);
  return fields.size() > n - 3 ? fields[n - 3] : std::string();
}

bool read_pgid(pid_t pid, pid_t* pgid) {
  const std::string group = stat_field(pid, 5);
  if (group.empty()) return false;
  *pgid = static_cast<pid_t>(std::stol(group));
  return true;
}

long status_field_kib(const std::string& path, const std::string& key) {
  std::istringstream f(read_proc_file(path));
  std::string line;
  while (std::getline(f, line)) {
    if (line.compare(0, key.size(), key) == 0) return std::strtol(line.c_str() + key.size(), nullptr, 10);
  }
  return 0;
}

}  // namespace

std::vector<pid_t> processes_in_group(pid_t pgid) {
  std::vector<pid_t> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    pid_t pid = static_cast<pid_t>(std::stol(name));
    pid_t group = 0;
    if (read_pgid(pid, &group) && group == pgid) out.push_back(pid);
  }
  return out;
}

std::vector<pid_t> processes_mentioning(const std::string& text) {
  std::vector<pid_t> out;
  std::error_code ec;
  const pid_t self = ::getpid();
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string cmd = read_proc_file((entry.path() / "cmdline").string());
    pid_t pid = static_cast<pid_t>(std::stol(name));
    if (pid != self && cmd.find(text) != std::string::npos) out.push_back(pid);
  }
  return out;
}

std::string process_start_time(pid_t pid) { return stat_field(pid, 22); }

pid_t parent_pid(pid_t pid) {
  const std::string ppid = stat_field(pid, 4);
  return ppid.empty() ? -1 : static_cast<pid_t>(std::stol(ppid));
}

long rss_kib(pid_t pid) { return status_field_kib("/proc/" + std::to_string(pid) + "/status", "VmRSS:"); }

long group_rss_kib(pid_t pgid) {
  // Chromium's processes share most of their pages; summing RSS would count them once per
  // process. The proportional set size splits shared pages among their users.
  long total = 0;
  for (pid_t p : processes_in_group(pgid)) {
    long pss = status_field_kib("/proc/" + std::to_string(p) + "/smaps_rollup", "Pss:");
    total += pss > 0 ? pss : rss_kib(p);
  }
  return total;
}

long self_rss_kib() { return status_field_kib("/proc/self/status", "VmRSS:"); }
long self_peak_rss_kib() { return status_field_kib("/proc/self/status", "VmHWM:"); }

void kill_group(pid_t pgid) {
  if (pgid > 1) ::killpg(pgid, SIGKILL);
}

void reap_members(const std::vector<pid_t>& members, pid_t skip) {
  // A killed process is handed to us (as subreaper) only when its parent exits, so a member that
  // is not our child yet may become one after another member is reaped: retry while that helps.
  std::vector<pid_t> left;
  for (pid_t p : members)
    if (p != skip) left.push_back(p);
  bool progress = true;
  while (!left.empty() && progress) {
    progress = false;
    std::vector<pid_t> next;
    for (pid_t p : left) {
      int r;
      while ((r = ::waitpid(p, nullptr, 0)) < 0 && errno == EINTR) {
      }
      if (r == p || !std::filesystem::exists("/proc/" + std::to_string(p))) {
        progress = true;
      } else {
        next.push_back(p);  // alive or a zombie of some other parent, for now
      }
    }
    left.swap(next);
  }
}

void become_child_subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

}  // namespace ta
