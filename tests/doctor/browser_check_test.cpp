// Chromium start and extract-script compilation, in one real headless Chromium shared by the suite.
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "cdp/browser.h"
#include "config/config.h"
#include "doctor/checks.h"
#include "support/temp_dir.h"

namespace ta::doctor {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

class ExtractScriptCheck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    launch_result_ = new CheckResult(check_browser(Config{}, DoctorOptions{}, &browser_));
  }
  static void TearDownTestSuite() {
    if (browser_) browser_->close();
    browser_.reset();
    delete launch_result_;
    launch_result_ = nullptr;
  }

  // A config whose only site is Interpark, reading scripts from this test's directory.
  Config interpark_only() const {
    Config c;
    c.sources = {"interpark"};
    c.extract_dir = dir_.path();
    return c;
  }

  CheckResult check_one(const std::string& source) {
    write_file(dir_.file("interpark.js"), source);
    auto results = check_extract_scripts(interpark_only(), browser_.get(), DoctorOptions{});
    EXPECT_EQ(results.size(), 1u);
    return results.empty() ? CheckResult{} : results.front();
  }

  static std::unique_ptr<cdp::Browser> browser_;
  static CheckResult* launch_result_;
  test::TempDir dir_;
};

std::unique_ptr<cdp::Browser> ExtractScriptCheck::browser_;
CheckResult* ExtractScriptCheck::launch_result_ = nullptr;

TEST_F(ExtractScriptCheck, ChromiumStartsAndReportsItsVersion) {
  ASSERT_NE(launch_result_, nullptr);
  EXPECT_EQ(launch_result_->status, Status::pass) << launch_result_->detail;
  ASSERT_TRUE(browser_);
  EXPECT_NE(launch_result_->detail.find("Chrome/"), std::string::npos) << launch_result_->detail;
  EXPECT_NE(launch_result_->detail.find(browser_->product()), std::string::npos);
}

TEST_F(ExtractScriptCheck, FunctionExpressionPasses) {
  ASSERT_TRUE(browser_);
  CheckResult r = check_one("// a comment first\nasync (ctx) => {\n  return { items: [], strategy: 'none' };\n}\n// trailing comment");
  EXPECT_EQ(r.status, Status::pass) << r.detail;
}

TEST_F(ExtractScriptCheck, SyntaxErrorIsReportedWithFileAndLine) {
  ASSERT_TRUE(browser_);
  CheckResult r = check_one("async (ctx) => {\n  const items = [];\n  items.push({ title: 'x' };\n  return { items };\n}\n");
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find(dir_.file("interpark.js") + ":3:"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("SyntaxError"), std::string::npos) << r.detail;
  EXPECT_NE(r.fix.find("3번째 줄"), std::string::npos) << r.fix;
}

TEST_F(ExtractScriptCheck, ExpressionThatIsNotAFunctionFails) {
  ASSERT_TRUE(browser_);
  CheckResult r = check_one("({ items: [] })");
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("함수 식이 아닙니다"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("object"), std::string::npos) << r.detail;
}

TEST_F(ExtractScriptCheck, MissingFileFailsAndNamesExtractDir) {
  auto results = check_extract_scripts(interpark_only(), browser_.get(), DoctorOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].detail.find(dir_.file("interpark.js")), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].fix.find("extract_dir"), std::string::npos) << results[0].fix;
}

TEST_F(ExtractScriptCheck, WithoutABrowserOnlyTheFilesAreChecked) {
  write_file(dir_.file("interpark.js"), "this is not even JavaScript (");
  auto results = check_extract_scripts(interpark_only(), nullptr, DoctorOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Status::warn) << results[0].detail;
  EXPECT_NE(results[0].fix.find("Chromium"), std::string::npos) << results[0].fix;
}

TEST_F(ExtractScriptCheck, ShippedScriptsAllPass) {
  ASSERT_TRUE(browser_);
  Config c;
  c.extract_dir = std::string(TA_TEST_SOURCE_DIR) + "/scripts/extract";
  auto results = check_extract_scripts(c, browser_.get(), DoctorOptions{});
  ASSERT_EQ(results.size(), c.sources.size());
  for (const auto& r : results) EXPECT_EQ(r.status, Status::pass) << r.title << ": " << r.detail;
}

TEST(BrowserCheck, MissingConfiguredBinaryFailsWithAdvice) {
  Config c;
  c.browser.path = "/nonexistent/chromium";
  std::unique_ptr<cdp::Browser> browser;
  CheckResult r = check_browser(c, DoctorOptions{}, &browser);
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_FALSE(browser);
  EXPECT_NE(r.detail.find("/nonexistent/chromium"), std::string::npos) << r.detail;
  EXPECT_NE(r.fix.find("browser.path"), std::string::npos) << r.fix;
}

}  // namespace
}  // namespace ta::doctor
