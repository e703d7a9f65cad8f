// What the Dockerfile says, read as text. The image itself is built and run by
// scripts/image-test.sh (about 25 minutes, so not part of this suite): run it after any change to
// the Dockerfile, .dockerignore, scripts/packages.txt, deploy/ or the install rules.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "text_files.h"

namespace ta::testing {
namespace {

struct Instruction {
  std::string keyword;  // upper case: RUN, COPY, ...
  std::string args;     // continuation lines joined, comments dropped
};

struct Stage {
  std::string image;
  std::string name;
  std::vector<Instruction> instructions;

  std::vector<std::string> all(const std::string& keyword) const {
    std::vector<std::string> out;
    for (const auto& i : instructions)
      if (i.keyword == keyword) out.push_back(i.args);
    return out;
  }
};

std::vector<Stage> parse_dockerfile(const std::string& text) {
  std::vector<Stage> stages;
  std::string pending;
  auto finish = [&stages](const std::string& joined) {
    const std::string line = trim(joined);
    if (line.empty()) return;
    const auto space = line.find_first_of(" \t");
    std::string keyword = line.substr(0, space);
    std::transform(keyword.begin(), keyword.end(), keyword.begin(), ::toupper);
    const std::string args = space == std::string::npos ? "" : trim(line.substr(space));
    if (keyword == "FROM") {
      const auto w = words(args);
      Stage stage;
      stage.image = w.empty() ? "" : w[0];
      if (w.size() >= 3) stage.name = w[2];
      stages.push_back(stage);
      return;
    }
    if (!stages.empty()) stages.back().instructions.push_back({keyword, args});
  };
  for (const auto& raw : lines_of(text)) {
    const std::string line = trim(raw);
    if (!line.empty() && line[0] == '#') continue;  // also inside a continued instruction
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    finish(pending + line);
    pending.clear();
  }
  finish(pending);
  return stages;
}

// Packages a stage installs with apt-get: the ones named on the command line plus, for each
// `awk 'PROGRAM' FILE` whose FILE is scripts/packages.txt copied into the stage, what that awk
// program prints when run on the project's scripts/packages.txt.
std::set<std::string> installed_packages(const Stage& stage) {
  std::map<std::string, std::string> copied;  // destination -> source
  for (const auto& copy : stage.all("COPY")) {
    const auto w = words(copy);
    if (w.size() == 2 && w[0].rfind("--", 0) != 0) copied[w[1]] = w[0];
  }
  std::set<std::string> packages;
  static const std::regex kAwk(R"(awk\s+'([^']*)'\s+([^\s)]+))");
  static const std::regex kSubstitution(R"(\$\([^)]*\))");
  for (const auto& run : stage.all("RUN")) {
    for (std::sregex_iterator it(run.begin(), run.end(), kAwk), end; it != end; ++it) {
      const auto source = copied.find((*it)[2].str());
      if (source == copied.end() || source->second != "scripts/packages.txt") continue;
      const auto listed = shell_words("awk '" + (*it)[1].str() + "' '" + TA_TEST_SOURCE_DIR + "/scripts/packages.txt'");
      packages.insert(listed.begin(), listed.end());
    }
    const std::string plain = std::regex_replace(run, kSubstitution, " ");
    static const std::regex kSeparator(R"(&&|\|\||;|\|)");
    for (std::sregex_token_iterator it(plain.begin(), plain.end(), kSeparator, -1), end; it != end; ++it) {
      const auto w = words(it->str());
      const auto install = std::find(w.begin(), w.end(), "install");
      if (install == w.end() || std::find(w.begin(), install, "apt-get") == install) continue;
      for (auto p = install + 1; p != w.end(); ++p)
        if ((*p)[0] != '-') packages.insert(*p);
    }
  }
  return packages;
}

class DockerfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stages_ = parse_dockerfile(project_file("Dockerfile"));
    ASSERT_GE(stages_.size(), 2u) << "the Dockerfile must have a build and a run stage";
  }
  const Stage& build_stage() const { return stages_.front(); }
  const Stage& run_stage() const { return stages_.back(); }
  std::vector<Stage> stages_;
};

TEST_F(DockerfileTest, StagesAreDebian12) {
  EXPECT_EQ(build_stage().image, "debian:bookworm");
  EXPECT_EQ(run_stage().image, "debian:bookworm-slim");
}

TEST_F(DockerfileTest, TheBuildStageInstallsEveryBuildPackage) {
  const auto wanted = package_list()["build"];
  ASSERT_FALSE(wanted.empty());
  const auto installed = installed_packages(build_stage());
  for (const auto& p : wanted) EXPECT_TRUE(installed.count(p)) << "build stage does not install " << p;
}

TEST_F(DockerfileTest, TheRunStageInstallsEveryRunPackageAndTini) {
  const auto wanted = package_list()["run"];
  ASSERT_FALSE(wanted.empty());
  const auto installed = installed_packages(run_stage());
  for (const auto& p : wanted) EXPECT_TRUE(installed.count(p)) << "run stage does not install " << p;
  EXPECT_TRUE(installed.count("tini"));
  // Compilers stay in the build stage.
  EXPECT_FALSE(installed.count("build-essential"));
}

TEST_F(DockerfileTest, BuildsAndInstallsWithCmake) {
  std::string runs;
  for (const auto& r : build_stage().all("RUN")) runs += r + "\n";
  EXPECT_NE(runs.find("cmake --build"), std::string::npos);
  EXPECT_NE(runs.find("cmake --install"), std::string::npos);
}

TEST_F(DockerfileTest, RunsAsANonRootUserItCreates) {
  const auto users = run_stage().all("USER");
  ASSERT_FALSE(users.empty());
  const std::string user = users.back().substr(0, users.back().find(':'));
  EXPECT_NE(user, "root");
  EXPECT_NE(user, "0");
  std::string runs;
  for (const auto& r : run_stage().all("RUN")) runs += r + "\n";
  EXPECT_TRUE(std::regex_search(runs, std::regex("useradd .*\\b" + user + "\\b"))) << "no useradd for " << user;
}

TEST_F(DockerfileTest, HasAHealthcheckOnHealthz) {
  const auto checks = run_stage().all("HEALTHCHECK");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_NE(checks[0].find("CMD"), std::string::npos);
  EXPECT_NE(checks[0].find("http://127.0.0.1:8000/healthz"), std::string::npos);
  // curl is not in the "run" list; the stage must install it itself.
  if (checks[0].find("curl") != std::string::npos) {
    EXPECT_TRUE(installed_packages(run_stage()).count("curl"));
  }
}

TEST_F(DockerfileTest, DataIsAVolume) {
  bool found = false;
  for (const auto& v : run_stage().all("VOLUME"))
    for (const auto& w : words(v))
      if (w == "/data" || w == "[\"/data\"]") found = true;
  EXPECT_TRUE(found);
}

TEST_F(DockerfileTest, TiniIsPid1AndTheMonitorRunsWithTheDashboard) {
  const auto entry = run_stage().all("ENTRYPOINT");
  ASSERT_FALSE(entry.empty());
  EXPECT_EQ(nlohmann::json::parse(entry.back()), nlohmann::json::parse(R"(["/usr/bin/tini", "--"])"));
  const auto cmd = run_stage().all("CMD");
  ASSERT_FALSE(cmd.empty());
  EXPECT_EQ(nlohmann::json::parse(cmd.back()), nlohmann::json::parse(R"(["ticket-alarm", "run", "--web"])"));
}

// The config the image ships must load, keep data in the volume and listen beyond the container.
TEST_F(DockerfileTest, TheShippedConfigIsValidAndUsesTheVolume) {
  std::string shipped_source;
  for (const auto& copy : run_stage().all("COPY")) {
    const auto w = words(copy);
    if (w.size() == 2 && w[1] == "/etc/ticket-alarm/config.json") shipped_source = w[0];
  }
  ASSERT_FALSE(shipped_source.empty()) << "no COPY to /etc/ticket-alarm/config.json";
  std::string env;
  for (const auto& e : run_stage().all("ENV")) env += e + " ";
  EXPECT_NE(env.find("TICKET_ALARM_CONFIG=/etc/ticket-alarm/config.json"), std::string::npos);

  std::vector<std::string> warnings;
  const Config c = parse_config(project_file(shipped_source), shipped_source, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(c.data_dir, "/data");
  EXPECT_EQ(c.log.dir.rfind("/data/", 0), 0u) << c.log.dir;
  EXPECT_EQ(c.web.listen, "0.0.0.0:8000");
}

// buildah and podman drop HEALTHCHECK from an OCI image without a word; the image test must build
// the Docker format, and its replay check must cover every site the shipped config watches.
TEST_F(DockerfileTest, TheImageTestBuildsTheDockerFormatAndReplaysEverySiteTheImageWatches) {
  const std::string script_path = std::string(TA_TEST_SOURCE_DIR) + "/scripts/image-test.sh";
  ASSERT_EQ(::access(script_path.c_str(), X_OK), 0) << "scripts/image-test.sh missing or not executable";
  const std::string script = project_file("scripts/image-test.sh");
  EXPECT_TRUE(std::regex_search(script, std::regex("buildah bud [^\n]*--format docker")));

  std::vector<std::string> warnings;
  const Config shipped = parse_config(project_file("deploy/docker-config.json"), "deploy/docker-config.json", &warnings);
  const std::regex site_loop("for site in ([a-z0-9 ]+); do");
  int loops = 0;
  for (auto it = std::sregex_iterator(script.begin(), script.end(), site_loop); it != std::sregex_iterator(); ++it) {
    ++loops;
    const auto listed = words((*it)[1].str());
    for (const auto& source : shipped.sources)
      EXPECT_NE(std::find(listed.begin(), listed.end(), source), listed.end()) << source << " not in: " << (*it)[0];
  }
  EXPECT_GE(loops, 2) << "the replay files and the count check each loop over the sites";
}

TEST(DockerIgnore, KeepsSecretsAndBuildOutputOutOfTheContext) {
  std::set<std::string> patterns;
  for (const auto& line : lines_of(project_file(".dockerignore"))) {
    const std::string t = trim(line);
    if (!t.empty() && t[0] != '#') patterns.insert(t);
  }
  EXPECT_TRUE(patterns.count("config/config.json"));
  EXPECT_TRUE(patterns.count(".git"));
  EXPECT_TRUE(patterns.count("build"));
  EXPECT_TRUE(patterns.count("data"));
}

}  // namespace
}  // namespace ta::testing
