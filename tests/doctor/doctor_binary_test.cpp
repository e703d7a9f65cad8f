// `ticket-alarm doctor` as an operator runs it: the built binary, a config file, stand-ins on
// 127.0.0.1 for Discord and for the probed host.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fake_discord.h"
#include "support/http_server.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace ta {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

class DoctorBinary : public ::testing::Test {
 protected:
  DoctorBinary() { host_.page("/", "<html>ok</html>"); }

  std::string write_config(const std::string& data_dir) {
    nlohmann::json config = {{"DISCORD_WEBHOOK_URL", discord_.webhook_url()},
                             {"KEYWORDS", nlohmann::json::array()},
                             {"sources", {"interpark"}},
                             {"data_dir", data_dir},
                             {"log", {{"dir", dir_.file("logs")}}}};
    write_file(dir_.file("config.json"), config.dump(2));
    return dir_.file("config.json");
  }

  test::RunResult run_doctor(const std::string& config_path) {
    // The environment's webhook would override the config's: pin it to the stand-in.
    return test::run_binary({"doctor", "--config", config_path, "--probe", host_.url("/")},
                            {{"TICKET_ALARM_WEBHOOK_URL", discord_.webhook_url()}});
  }

  test::TempDir dir_;
  test::FakeDiscord discord_;
  test::HttpServer host_;
};

TEST_F(DoctorBinary, FailingCheckExitsOneAndPrintsBothKindsOfLine) {
  write_file(dir_.file("file"), "a regular file where a directory should be");
  auto r = run_doctor(write_config(dir_.file("file") + "/data"));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("✓ 설정 파일"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✗ 데이터 디렉터리"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("→ 해결:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✓ Chromium"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✓ 추출 스크립트: 인터파크"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✓ 네트워크: 127.0.0.1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✓ Discord 웹훅: \"티켓 알림\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("실패 1"), std::string::npos) << r.out;
  EXPECT_TRUE(discord_.messages().empty()) << "doctor must not post";
}

TEST_F(DoctorBinary, NothingFailingExitsZero) {
  auto r = run_doctor(write_config(dir_.file("data")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("✗"), std::string::npos) << r.out;
  // No database yet is worth a mention, not a failure.
  EXPECT_NE(r.out.find("! 데이터베이스"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("아직 실행 전"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ta
