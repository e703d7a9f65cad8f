// util/handoff.h: the hand-over of a CDP reply from the transport thread to the caller (run under
// ThreadSanitizer by scripts/sanitize.sh thread, where std::promise gave false reports).
#include "util/handoff.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

TEST(Handoff, TheFirstValueWinsAndLaterOnesAreDropped) {
  ta::Handoff<std::string> h;
  EXPECT_TRUE(h.set_value("first"));
  EXPECT_FALSE(h.set_value("second"));
  EXPECT_FALSE(h.set_error(std::make_exception_ptr(std::runtime_error("late"))));
  ASSERT_TRUE(h.wait_until(Clock::now()));
  EXPECT_EQ(h.take(), "first");
}

TEST(Handoff, AnErrorIsRethrownToTheWaiter) {
  ta::Handoff<int> h;
  h.set_error(std::make_exception_ptr(std::runtime_error("target closed")));
  ASSERT_TRUE(h.wait_until(Clock::now() + std::chrono::seconds(1)));
  EXPECT_THROW(
      {
        try {
          h.take();
        } catch (const std::runtime_error& e) {
          EXPECT_STREQ(e.what(), "target closed");
          throw;
        }
      },
      std::runtime_error);
}

TEST(Handoff, WaitUntilReturnsFalseAtTheDeadlineWhenNothingCame) {
  ta::Handoff<int> h;
  EXPECT_FALSE(h.wait_until(Clock::now() + std::chrono::milliseconds(20)));
  h.set_value(7);  // a late reply is still accepted, and harmless
  EXPECT_TRUE(h.wait_until(Clock::now()));
  EXPECT_EQ(h.take(), 7);
}

// Many replies set on other threads while their callers wait and then destroy the Handoff at once:
// the value arrives whole, and under TSan no report (the setter never touches it after the waiter
// can see it settled).
TEST(Handoff, ValuesCrossThreadsWholeAndTheWaiterMayDestroyItAtOnce) {
  for (int round = 0; round < 200; ++round) {
    auto h = std::make_unique<ta::Handoff<std::vector<int>>>();
    std::thread setter([raw = h.get(), round] { raw->set_value(std::vector<int>(64, round)); });
    h->wait();
    std::vector<int> got = h->take();
    h.reset();  // the setter thread may still be returning from set_value
    setter.join();
    ASSERT_EQ(got.size(), 64u);
    ASSERT_EQ(got.front(), round);
    ASSERT_EQ(got.back(), round);
  }
}

}  // namespace
