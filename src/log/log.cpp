#include "log/log.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <vector>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "config/config.h"

namespace ta {
namespace {

// Operators grep for [WARNING], not spdlog's "warning"/"warn" spelling.
class LevelFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const char* name = "INFO";
    switch (msg.level) {
      case spdlog::level::trace: name = "TRACE"; break;
      case spdlog::level::debug: name = "DEBUG"; break;
      case spdlog::level::info: name = "INFO"; break;
      case spdlog::level::warn: name = "WARNING"; break;
      case spdlog::level::err: name = "ERROR"; break;
      case spdlog::level::critical: name = "CRITICAL"; break;
      default: break;
    }
    dest.append(name, name + std::strlen(name));
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<LevelFlag>(); }
};

// Longest first: when one secret is a prefix of another, masking the short one first would leave
// the long one's tail in the line.
struct LongestFirst {
  bool operator()(const std::string& a, const std::string& b) const {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  }
};

std::mutex g_secrets_mutex;
std::set<std::string, LongestFirst> g_secrets;

// Masks secrets before any real sink sees the line, so no sink can leak a token.
class RedactingSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void add(spdlog::sink_ptr s) { sinks_.push_back(std::move(s)); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string text(msg.payload.data(), msg.payload.size());
    std::string clean = redact(text);
    spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
    for (auto& s : sinks_)
      if (s->should_log(copy.level)) s->log(copy);
  }
  void flush_() override {
    for (auto& s : sinks_) s->flush();
  }
  void set_pattern_(const std::string&) override {}
  void set_formatter_(std::unique_ptr<spdlog::formatter>) override {}

 private:
  std::vector<spdlog::sink_ptr> sinks_;
};

std::mutex g_setup_mutex;
std::shared_ptr<RedactingSink> g_sink;
spdlog::level::level_enum g_level = spdlog::level::info;

std::unique_ptr<spdlog::formatter> make_formatter() {
  auto f = std::make_unique<spdlog::pattern_formatter>();
  f->add_flag<LevelFlag>('*').set_pattern("%Y-%m-%d %H:%M:%S [%*] [%n] %v");
  return f;
}

void install(std::shared_ptr<RedactingSink> sink, spdlog::level::level_enum level) {
  std::lock_guard<std::mutex> lock(g_setup_mutex);
  g_sink = std::move(sink);
  g_level = level;
  spdlog::apply_all([&](std::shared_ptr<spdlog::logger> l) {
    l->sinks().clear();
    l->sinks().push_back(g_sink);
    l->set_level(g_level);
  });
}

std::shared_ptr<spdlog::sinks::stderr_color_sink_mt> console_sink() {
  // Logs go to stderr so that stdout stays machine-readable (crawl / eval print JSON there).
  auto s = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  s->set_formatter(make_formatter());
  return s;
}

}  // namespace

void init_console_logging() {
  auto sink = std::make_shared<RedactingSink>();
  sink->add(console_sink());
  install(sink, g_level);
}

void init_logging(const LogConfig& cfg) {
  auto sink = std::make_shared<RedactingSink>();
  sink->add(console_sink());
  auto level = spdlog::level::from_str(cfg.level == "warning" ? "warn" : cfg.level);
  try {
    std::filesystem::create_directories(cfg.dir);
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        (std::filesystem::path(cfg.dir) / "ticket-alarm.log").string(),
        static_cast<size_t>(std::max(1, cfg.max_size_mb)) * 1024 * 1024, static_cast<size_t>(std::max(1, cfg.files)));
    file->set_formatter(make_formatter());
    sink->add(file);
  } catch (const std::exception& e) {
    install(sink, level);
    logger("main")->warn("로그 파일을 열 수 없습니다 ({}): {} — 콘솔에만 기록합니다", cfg.dir, e.what());
    return;
  }
  install(sink, level);
}

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  if (auto l = spdlog::get(name)) return l;
  std::lock_guard<std::mutex> lock(g_setup_mutex);
  if (auto l = spdlog::get(name)) return l;
  if (!g_sink) {
    g_sink = std::make_shared<RedactingSink>();
    g_sink->add(console_sink());
  }
  auto l = std::make_shared<spdlog::logger>(name, g_sink);
  l->set_level(g_level);
  l->flush_on(spdlog::level::info);
  try {
    spdlog::register_logger(l);
  } catch (const spdlog::spdlog_ex&) {
    if (auto existing = spdlog::get(name)) return existing;
  }
  return l;
}

void add_secret(const std::string& secret) {
  if (secret.size() < 6) return;  // too short to mask without mangling ordinary words
  std::lock_guard<std::mutex> lock(g_secrets_mutex);
  g_secrets.insert(secret);
}

std::string redact(const std::string& s) {
  std::string out = s;
  {
    std::lock_guard<std::mutex> lock(g_secrets_mutex);
    for (const auto& secret : g_secrets) {
      for (size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos + 4))
        out.replace(pos, secret.size(), "****");
    }
  }
  // Any webhook URL, registered or not: keep the id, hide the token.
  static const std::regex webhook(R"((/api(?:/v\d+)?/webhooks/\d+/)[A-Za-z0-9_\-]+)");
  if (out.find("/webhooks/") != std::string::npos) out = std::regex_replace(out, webhook, "$1****");
  return out;
}

}  // namespace ta
