#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store_fixture.h"

namespace ta::testing {
namespace {

using ConcurrencyTest = StoreTest;

// Two Store objects on one file, as when the web dashboard opens its own: WAL, BEGIN IMMEDIATE
// and the busy timeout must let both write without a single SQLITE_BUSY escaping.
TEST_F(ConcurrencyTest, TwoStoresOnOneFileWriteWithoutBusyErrors) {
  Store first(db_path());
  Store second(db_path());
  constexpr int kRounds = 100;
  std::atomic<int> errors{0};
  std::string last_error;
  std::mutex error_mutex;
  auto writer = [&](Store& store, const std::string& site) {
    CrawlPolicy p;
    p.webhook_key = "123";
    for (int i = 0; i < kRounds; ++i) {
      try {
        auto t = make_ticket(std::to_string(i), "공연 " + std::to_string(i), "2025-07-10T20:00:00+09:00");
        store.record_crawl(site, {t}, now_ + i, p);
        store.record_cycle({site, now_ + i, 10, 1, 1, "api", ""});
        for (const auto& d : store.due_deliveries("123", now_ + i, 5))
          if (d.site == site) store.mark_sent(d.id, "m", now_ + i);
        store.upcoming(now_, {}, 20, 0);
      } catch (const std::exception& e) {
        ++errors;
        std::lock_guard<std::mutex> lock(error_mutex);
        last_error = e.what();
      }
    }
  };
  std::thread a(writer, std::ref(first), "interpark");
  std::thread b(writer, std::ref(second), "yes24");
  a.join();
  b.join();
  EXPECT_EQ(errors.load(), 0) << last_error;
  auto counts = first.counts_by_status();
  EXPECT_EQ(counts["sent"] + counts["pending"], 2 * kRounds);
  EXPECT_EQ(second.upcoming(now_, {}, 1000, 0).size(), static_cast<std::size_t>(2 * kRounds));
}

// One Store shared by the monitor thread and a dashboard thread: the mutex serialises them.
TEST_F(ConcurrencyTest, OneStoreSharedByAWriterAndAReader) {
  Store store(db_path());
  std::atomic<bool> done{false};
  std::atomic<int> errors{0};
  std::thread reader([&] {
    while (!done) {
      try {
        store.upcoming(now_, {}, 50, 0);
        store.site_status();
        store.pending_count();
      } catch (const std::exception&) {
        ++errors;
      }
    }
  });
  for (int i = 0; i < 100; ++i)
    store.record_crawl("melon", {make_ticket(std::to_string(i), "t", "2025-07-10T20:00:00+09:00")}, now_, {});
  done = true;
  reader.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(store.pending_count(), 100);
}

}  // namespace
}  // namespace ta::testing
