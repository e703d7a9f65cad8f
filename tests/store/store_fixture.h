#pragma once
// A fresh directory per test (removed afterwards) and a few ticket builders.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "model/ticket.h"
#include "store/store.h"
#include "normalize/kst_time.h"

namespace ta::testing {

inline std::time_t at(const std::string& iso) { return *parse_iso(iso); }

// Announce everything, queued for the webhook with key `webhook_key`.
inline CrawlPolicy policy_for_webhook(const std::string& webhook_key) {
  CrawlPolicy p;
  p.webhook_key = webhook_key;
  return p;
}

inline Ticket make_ticket(const std::string& id, const std::string& title, std::optional<std::string> open_at,
                          const std::string& open_type = "general") {
  Ticket t;
  t.site = "interpark";
  t.site_name = "인터파크";
  t.id = id;
  t.title = title;
  t.open_at = std::move(open_at);
  t.open_text = "오픈 공지";
  t.open_type = open_type;
  t.open_type_label = open_type == "presale" ? "선예매" : "일반예매";
  t.venue = "KSPO DOME";
  t.url = "https://tickets.interpark.com/contents/notice/detail/" + id;
  t.badges = {"단독판매", "HOT"};
  t.genre = "콘서트";
  return t;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "ta-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string db_path() const { return database_path(dir_.string()); }

  std::filesystem::path dir_;
  const std::time_t now_ = at("2025-07-01T12:00:00+09:00");
};

}  // namespace ta::testing
