#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "ops/data_dir_lock.h"
#include "support/temp_dir.h"

namespace ta {
namespace {

using test::TempDir;

TEST(DataDirLock, SecondLockInTheSameProcessIsRefusedWithThePidAndDataDir) {
  TempDir dir;
  DataDirLock first(dir.path(), "ticket-alarm run");
  try {
    DataDirLock second(dir.path(), "ticket-alarm once");
    FAIL() << "the second lock was granted";
  } catch (const DataDirLocked& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(dir.path()), std::string::npos) << message;
    EXPECT_NE(message.find("pid " + std::to_string(::getpid())), std::string::npos) << message;
    EXPECT_NE(message.find("ticket-alarm run"), std::string::npos) << message;
    EXPECT_NE(message.find("kill " + std::to_string(::getpid())), std::string::npos) << message;
    EXPECT_EQ(e.holder().pid, ::getpid());
  }
}

TEST(DataDirLock, HolderIsReportedWithoutTakingTheLock) {
  TempDir dir;
  EXPECT_FALSE(DataDirLock::holder(dir.path()).has_value());
  DataDirLock lock(dir.path(), "ticket-alarm run", 0);
  const auto holder = DataDirLock::holder(dir.path());
  ASSERT_TRUE(holder.has_value());
  EXPECT_EQ(holder->pid, ::getpid());
  EXPECT_EQ(holder->command, "ticket-alarm run");
  EXPECT_EQ(holder->started, "1970-01-01 09:00:00 KST");
  // Asking did not take it: the holder still holds it and nobody else gets it.
  EXPECT_THROW(DataDirLock(dir.path(), "ticket-alarm restore"), DataDirLocked);
}

TEST(DataDirLock, ReleasedWhenDestroyed) {
  TempDir dir;
  { DataDirLock lock(dir.path(), "ticket-alarm run"); }
  EXPECT_FALSE(DataDirLock::holder(dir.path()).has_value());
  DataDirLock again(dir.path(), "ticket-alarm restore");
  EXPECT_EQ(DataDirLock::holder(dir.path())->command, "ticket-alarm restore");
}

TEST(DataDirLock, CreatesAMissingDataDir) {
  TempDir dir;
  const std::string data_dir = dir.file("nested/data");
  DataDirLock lock(data_dir, "ticket-alarm run");
  EXPECT_TRUE(std::filesystem::exists(lock_file_path(data_dir)));
}

// A child process takes the lock; the parent sees it held with the child's pid, and once the child
// is killed with SIGKILL (no destructor runs) the kernel has released it.
TEST(DataDirLock, AnotherProcessHoldsItUntilKilled) {
  TempDir dir;
  int ready[2];
  int hold[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(hold), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    ::close(hold[1]);
    try {
      DataDirLock lock(dir.path(), "ticket-alarm run");
      const char ok = 'R';
      if (::write(ready[1], &ok, 1) != 1) ::_exit(3);
      char c;
      while (::read(hold[0], &c, 1) > 0) {
      }
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(hold[0]);
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'R');

  try {
    DataDirLock mine(dir.path(), "ticket-alarm restore");
    ADD_FAILURE() << "the lock held by the child was granted";
  } catch (const DataDirLocked& e) {
    EXPECT_EQ(e.holder().pid, child);
    EXPECT_NE(std::string(e.what()).find("pid " + std::to_string(child)), std::string::npos) << e.what();
  }

  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status));
  ::close(ready[0]);
  ::close(hold[1]);

  EXPECT_NO_THROW(DataDirLock(dir.path(), "ticket-alarm restore"));
}

// The monitor starts Chromium; a browser that outlives it must not keep the data dir locked.
TEST(DataDirLock, ProgramsStartedByTheHolderDoNotInheritIt) {
  TempDir dir;
  int in[2];
  int exec_done[2];  // close-on-exec: reads EOF once the child has exec'd
  ASSERT_EQ(::pipe(in), 0);
  ASSERT_EQ(::pipe2(exec_done, O_CLOEXEC), 0);
  pid_t child = -1;
  {
    DataDirLock lock(dir.path(), "ticket-alarm run");
    child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(in[1]);
      ::dup2(in[0], 0);
      ::execl("/bin/cat", "cat", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(exec_done[1]);
    char c;
    ASSERT_EQ(::read(exec_done[0], &c, 1), 0);
    ::close(exec_done[0]);
  }
  // `cat` is still running (it waits for input) while the lock is free again.
  EXPECT_FALSE(DataDirLock::holder(dir.path()).has_value());
  EXPECT_NO_THROW(DataDirLock(dir.path(), "ticket-alarm run"));
  ::close(in[1]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace ta
