#include "cdp/browser_process.h"

#include <signal.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <set>
#include <sstream>
#include <filesystem>
#include <mutex>
#include <regex>
#include <sys/wait.h>
#include <cerrno>
#include <thread>

#include <boost/process.hpp>
#include <boost/process/extend.hpp>

#include "cdp/errors.h"
#include "cdp/orphan_cleanup.h"
#include "cdp/profile_dir.h"
#include "log/log.h"
#include "util/proc_file.h"
#include "util/process_group.h"
#include "util/launcher_thread.h"
#include "util/shutdown.h"

namespace bp = boost::process;
namespace fs = std::filesystem;

namespace ta::cdp {
namespace {

constexpr size_t kStderrTailLines = 30;

// Puts Chromium (and therefore every process it forks) into a new process group, so one killpg
// ends them all, and makes the kernel kill it when the thread that forked it — the launcher
// thread, alive as long as this process — ends, even by SIGKILL.
struct DiesWithController : bp::extend::handler {
  pid_t controller = 0;
  template <class Executor>
  void on_exec_setup(Executor&) const {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The controller died between fork and prctl: nobody would ever kill us.
    if (::getppid() != controller) ::_exit(127);
    unblock_signals_in_child();
  }
};

}  // namespace

std::string find_chromium(const std::string& configured) {
  if (!configured.empty()) {
    if (fs::exists(configured)) return configured;
    auto found = bp::search_path(configured);
    if (!found.empty()) return found.string();
    throw LaunchError(configured, "browser.path에 지정한 Chromium 실행 파일이 없습니다. 경로를 고치거나 비워 두세요 (비우면 PATH에서 찾습니다)", {});
  }
  for (const char* name : {"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"}) {
    auto found = bp::search_path(name);
    if (!found.empty()) return found.string();
  }
  throw LaunchError("chromium",
                    "Chromium을 찾을 수 없습니다. 설치하세요: sudo apt-get install chromium "
                    "(또는 scripts/setup.sh 실행, 또는 설정의 browser.path에 경로 지정)",
                    {});
}

std::vector<std::string> chromium_flags(const std::string& profile_dir, const LaunchOptions& options) {
  std::vector<std::string> args = {
      "--remote-debugging-port=0",
      "--user-data-dir=" + profile_dir,
      "--no-first-run",
      "--no-default-browser-check",
      // A closed network: every background connection is refused here, and none is wanted anywhere.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-breakpad",
      "--disable-crash-reporter",
      "--disable-domain-reliability",
      "--disable-client-side-phishing-detection",
      "--metrics-recording-only",
      "--no-pings",
      "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
      "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
      "--disable-background-timer-throttling",
      "--disable-backgrounding-occluded-windows",
      "--disable-renderer-backgrounding",
      "--disable-dev-shm-usage",  // /dev/shm is 64 MB in Docker
      "--disable-gpu",
      "--mute-audio",
      "--hide-scrollbars",
      "--password-store=basic",
      "--use-mock-keychain",
      // Hides navigator.webdriver without injecting script.
      "--disable-blink-features=AutomationControlled",
      "--window-size=1280,900",
  };
  if (options.headless) args.push_back("--headless=new");
  if (::geteuid() == 0) args.push_back("--no-sandbox");  // the sandbox cannot start as root
  for (const auto& a : options.extra_args) args.push_back(a);
  args.push_back("about:blank");
  return args;
}

struct BrowserProcess::Impl {
  std::string binary;
  std::string profile;
  std::string endpoint;
  // Made on the launcher thread, close-on-exec: a browser forked later must not inherit it, or
  // this one's stderr would never reach EOF.
  std::unique_ptr<bp::ipstream> err;
  bp::child child;
  pid_t pid = 0;
  std::thread reader;
  mutable std::mutex mutex;
  std::condition_variable cv;
  std::deque<std::string> tail;
  bool stderr_closed = false;
  bool terminated = false;
  std::vector<pid_t> crash_handlers;  // ours: they name our profile (XDG_CONFIG_HOME is in it)

  void read_stderr() {
    static const std::regex listening(R"(DevTools listening on (ws://\S+))");
    std::string line;
    try {
      while (std::getline(*err, line)) {
        std::smatch m;
        std::lock_guard<std::mutex> lock(mutex);
        if (endpoint.empty() && std::regex_search(line, m, listening)) endpoint = m[1];
        tail.push_back(line);
        if (tail.size() > kStderrTailLines) tail.pop_front();
        cv.notify_all();
      }
    } catch (const std::exception&) {
      // A failed pipe read ends the stream like EOF: launch() then reports the tail it has.
    }
    std::lock_guard<std::mutex> lock(mutex);
    stderr_closed = true;
    cv.notify_all();
  }

  std::vector<std::string> tail_copy() const {
    std::lock_guard<std::mutex> lock(mutex);
    return {tail.begin(), tail.end()};
  }

  // Runs once, from close() or the destructor: whatever fails on the way, the group is killed,
  // the stderr reader joined and the profile removed.
  void terminate() noexcept {
    if (terminated) return;
    terminated = true;
    if (pid > 0) {
      try {
        std::vector<pid_t> members = processes_in_group(pid);
        // The crash handler leaves the group (it runs in its own session) but names our profile
        // in its --database (XDG_CONFIG_HOME points into the profile).
        // Those noted at launch too: one that exited by itself is a zombie without a command line.
        std::vector<pid_t> outside = crash_handlers;
        for (pid_t p : processes_mentioning(profile + "/"))
          if (std::find(members.begin(), members.end(), p) == members.end() &&
              std::find(outside.begin(), outside.end(), p) == outside.end())
            outside.push_back(p);
        kill_group(pid);
        for (pid_t p : outside) ::kill(p, SIGKILL);
        std::error_code ec;
        child.wait(ec);
        reap_members(members, pid);
        reap_members(outside, 0);
        // A renderer forked while the group was being listed is reaped here, not left a zombie.
        for (int round = 0; round < 3; ++round) {
          const std::vector<pid_t> late = processes_in_group(pid);
          if (late.empty()) break;
          kill_group(pid);
          reap_members(late, 0);
        }
      } catch (const std::exception& e) {
        kill_group(pid);
        logger("cdp")->warn("Chromium 종료 중 오류 (pid {}): {}", pid, e.what());
      }
    }
    if (reader.joinable()) reader.join();
    if (!profile.empty() && !remove_profile(profile)) logger("cdp")->warn("임시 프로필 삭제 실패: {}", profile);
  }
};

BrowserProcess::BrowserProcess(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BrowserProcess::~BrowserProcess() { terminate(); }

std::unique_ptr<BrowserProcess> BrowserProcess::launch(const LaunchOptions& options, const Deadline& deadline) {
  // Chromium's helpers outlive the browser process for a moment when it is killed; as subreaper we
  // get them as children and reap them, instead of leaving zombies under an init that may never
  // reap (a container whose PID 1 is not an init).
  become_child_subreaper();
  cleanup_orphaned_browsers_once();
  auto impl = std::make_unique<Impl>();
  impl->binary = find_chromium(options.binary);
  const ProfileDir profile = make_profile_dir();
  impl->profile = profile.path;
  auto args = chromium_flags(impl->profile, options);
  try {
    run_on_launcher_thread([&] {
      // A copy: native_environment would change this process's own environment.
      bp::environment env = boost::this_process::environment();
      if (!profile.tmp_dir.empty()) env["TMPDIR"] = profile.tmp_dir;
      env["XDG_CONFIG_HOME"] = profile.config_dir;
      env["XDG_CACHE_HOME"] = profile.cache_dir;
      impl->err = std::make_unique<bp::ipstream>();
      ::fcntl(impl->err->pipe().native_source(), F_SETFD, FD_CLOEXEC);
      ::fcntl(impl->err->pipe().native_sink(), F_SETFD, FD_CLOEXEC);  // dup2 onto fd 2 clears it in the child
      DiesWithController dies_with_controller;
      dies_with_controller.controller = ::getpid();
      impl->child = bp::child(bp::exe = impl->binary, bp::args = args, bp::std_out > bp::null,
                              bp::std_err > *impl->err, bp::std_in < bp::null, env, dies_with_controller);
    });
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove_all(impl->profile, ec);
    throw LaunchError(impl->binary, std::string("프로세스를 시작할 수 없습니다: ") + e.what(), {});
  }
  impl->pid = impl->child.id();
  Impl* raw = impl.get();
  impl->reader = std::thread([raw] { raw->read_stderr(); });
  std::unique_ptr<BrowserProcess> process(new BrowserProcess(std::move(impl)));

  std::unique_lock<std::mutex> lock(raw->mutex);
  bool ready = raw->cv.wait_until(lock, deadline.at(), [raw] { return !raw->endpoint.empty() || raw->stderr_closed; });
  bool have_endpoint = !raw->endpoint.empty();
  lock.unlock();
  raw->crash_handlers = processes_mentioning(raw->profile + "/xdg-config/");
  if (have_endpoint) {
    logger("pool")->debug("Chromium 시작 pid={} {}", raw->pid, raw->endpoint);
    return process;
  }
  auto tail = raw->tail_copy();
  process->terminate();
  if (!ready) throw LaunchError(raw->binary, "DevTools 주소가 제한 시간 안에 나오지 않았습니다", process->stderr_tail());
  throw LaunchError(raw->binary, "Chromium이 시작 직후 종료되었습니다", tail);
}

const std::string& BrowserProcess::ws_endpoint() const { return impl_->endpoint; }
pid_t BrowserProcess::pid() const { return impl_->pid; }
const std::string& BrowserProcess::profile_dir() const { return impl_->profile; }
const std::string& BrowserProcess::binary() const { return impl_->binary; }
bool BrowserProcess::running() const {
  if (impl_->terminated) return false;
  std::error_code ec;
  return impl_->child.running(ec);
}
long BrowserProcess::memory_kib() const { return impl_->terminated ? 0 : group_rss_kib(impl_->pid); }
std::vector<std::string> BrowserProcess::stderr_tail() const { return impl_->tail_copy(); }
void BrowserProcess::terminate() { impl_->terminate(); }

}  // namespace ta::cdp
