#pragma once
// A temp log dir per test; console-only logging is restored before the dir is removed so the
// rotating file sink never writes into a deleted folder.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "config/config.h"
#include "log/log.h"

namespace ta::test {

class LogFileTest : public ::testing::Test {
 protected:
  LogFileTest() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("ta-log-test-" + std::to_string(rd()) + std::to_string(rd()));
  }
  ~LogFileTest() override {
    init_console_logging();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  LogConfig config(const std::string& level = "info") const {
    LogConfig cfg;
    cfg.dir = dir_.string();
    cfg.level = level;
    cfg.max_size_mb = 1;
    cfg.files = 2;
    return cfg;
  }

  std::string log_text() const {
    for (const auto& name : {"main", "test", "site", "notify"}) logger(name)->flush();
    std::ifstream in(dir_ / "ticket-alarm.log", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::filesystem::path dir_;
};

}  // namespace ta::test
