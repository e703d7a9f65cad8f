#include <sstream>

#include <gtest/gtest.h>

#include "doctor/report.h"

namespace ta::doctor {
namespace {

TEST(Report, MarksEachStatusAndIndentsDetailAndFix) {
  std::ostringstream out;
  print_result(out, CheckResult::pass("Chromium", "Chrome/120 시작됨"));
  print_result(out, CheckResult::warn("디스크 여유 공간", "0.5 GB 남음", "로그를 지우세요"));
  print_result(out, CheckResult::fail("설정 파일", "config.json: 오류\n   3 | x\n     | ^", "고치세요\n그리고 다시"));
  EXPECT_EQ(out.str(),
            "✓ Chromium: Chrome/120 시작됨\n"
            "! 디스크 여유 공간: 0.5 GB 남음\n"
            "    → 해결: 로그를 지우세요\n"
            "✗ 설정 파일: config.json: 오류\n"
            "       3 | x\n"
            "         | ^\n"
            "    → 해결: 고치세요\n"
            "      그리고 다시\n");
}

TEST(Report, SummaryCountsAndFailureDecidesTheOutcome) {
  std::vector<CheckResult> results = {CheckResult::pass("a", "ok"), CheckResult::warn("b", "hm", "look")};
  EXPECT_TRUE(all_passed(results));
  results.push_back(CheckResult::fail("c", "bad", "fix"));
  EXPECT_FALSE(all_passed(results));
  std::ostringstream out;
  print_summary(out, results);
  EXPECT_NE(out.str().find("점검 3개: 통과 1, 경고 1, 실패 1"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace ta::doctor
