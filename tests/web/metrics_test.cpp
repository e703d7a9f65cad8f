// /metrics: what the monitor fed in, in the Prometheus text format, line by line.
#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <sstream>

#include "web/prometheus_text.h"
#include "web_env.h"

namespace ta::test {
namespace {

struct Scrape {
  std::map<std::string, std::string> types;   // metric family -> counter | gauge | histogram
  std::map<std::string, double> samples;       // name{labels} exactly as printed -> value
  std::vector<std::string> bad_lines;
};

// Every line is a comment (# HELP / # TYPE) or `name{labels} value`.
Scrape parse(const std::string& text) {
  Scrape s;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line.rfind("# TYPE ", 0) == 0) {
      std::istringstream words(line.substr(7));
      std::string name, type;
      words >> name >> type;
      s.types[name] = type;
      continue;
    }
    if (line.rfind("# HELP ", 0) == 0) continue;
    const size_t space = line.rfind(' ');
    if (space == std::string::npos || line[0] == '#') {
      s.bad_lines.push_back(line);
      continue;
    }
    const std::string key = line.substr(0, space), value = line.substr(space + 1);
    if (value == "+Inf") {
      s.samples[key] = std::numeric_limits<double>::infinity();
      continue;
    }
    size_t used = 0;
    try {
      s.samples[key] = std::stod(value, &used);
    } catch (...) {
      used = 0;
    }
    if (used != value.size()) s.bad_lines.push_back(line);
  }
  return s;
}

TEST_F(WebTest, MetricsRenderWhatTheMonitorCounted) {
  Metrics& m = status.metrics();
  m.observe_crawl("interpark", 800, 40, 3, true);     // 0.8 s
  m.observe_crawl("interpark", 4500, 38, 0, true);    // 4.5 s
  m.observe_crawl("interpark", 75000, 0, 0, false);   // 75 s: beyond the last bucket
  m.observe_crawl("yes24", 1000, 20, 1, true);        // exactly 1 s: in le="1"
  m.count_delivery("sent");
  m.count_delivery("sent");
  m.count_delivery("retry");
  m.count_delivery("dead");
  m.count_rate_limited(2);
  m.count_rate_limited(1);
  m.set_browser_restarts(4);

  auto res = client->Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const Scrape s = parse(res->body);
  EXPECT_TRUE(s.bad_lines.empty()) << s.bad_lines.front();

  EXPECT_EQ(s.types.at("ticket_alarm_cycles_total"), "counter");
  EXPECT_EQ(s.types.at("ticket_alarm_crawl_duration_seconds"), "histogram");
  EXPECT_EQ(s.types.at("ticket_alarm_deliveries"), "gauge");
  EXPECT_EQ(s.types.at("ticket_alarm_controller_rss_bytes"), "gauge");

  EXPECT_EQ(s.samples.at(R"(ticket_alarm_cycles_total{site="interpark",result="ok"})"), 2);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_cycles_total{site="interpark",result="error"})"), 1);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_items_total{site="interpark"})"), 78);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_new_items_total{site="interpark"})"), 3);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_new_items_total{site="yes24"})"), 1);

  // Buckets are cumulative; +Inf equals _count.
  const std::vector<std::pair<std::string, double>> buckets = {{"1", 1}, {"2", 1},  {"5", 2},  {"10", 2},
                                                               {"20", 2}, {"30", 2}, {"60", 2}, {"+Inf", 3}};
  for (const auto& [le, n] : buckets)
    EXPECT_EQ(s.samples.at(R"(ticket_alarm_crawl_duration_seconds_bucket{site="interpark",le=")" + le + "\"}"), n) << le;
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_crawl_duration_seconds_count{site="interpark"})"), 3);
  EXPECT_DOUBLE_EQ(s.samples.at(R"(ticket_alarm_crawl_duration_seconds_sum{site="interpark"})"), 80.3);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_crawl_duration_seconds_bucket{site="yes24",le="1"})"), 1);

  EXPECT_EQ(s.samples.at(R"(ticket_alarm_delivery_attempts_total{status="sent"})"), 2);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_delivery_attempts_total{status="failed"})"), 0);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_delivery_attempts_total{status="dead"})"), 1);
  EXPECT_EQ(s.samples.at("ticket_alarm_rate_limited_total"), 3);
  EXPECT_EQ(s.samples.at("ticket_alarm_browser_restarts_total"), 4);
  EXPECT_GT(s.samples.at("ticket_alarm_controller_rss_bytes"), 1024.0 * 1024.0);
}

TEST_F(WebTest, MetricsDeliveriesGaugeComesFromTheStore) {
  const auto pending = store->pending_count();
  ASSERT_GT(pending, 0);
  auto due = store->due_deliveries("", now, 1);
  ASSERT_EQ(due.size(), 1u);
  store->mark_sent(due[0].id, "1390000000000000001", now);

  const Scrape s = parse(client->Get("/metrics")->body);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_deliveries{status="pending"})"), static_cast<double>(pending - 1));
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_deliveries{status="sent"})"), 1);
  EXPECT_EQ(s.samples.at(R"(ticket_alarm_deliveries{status="failed"})"), 0);
}

TEST(PrometheusTextTest, LabelValuesAreEscaped) {
  EXPECT_EQ(prometheus::sample("x", {{"site", "a\"b\\c\nd"}}, 1), "x{site=\"a\\\"b\\\\c\\nd\"} 1\n");
  EXPECT_EQ(prometheus::format_value(123456789012.0), "123456789012");
  EXPECT_EQ(prometheus::format_value(0.25), "0.25");
}

}  // namespace
}  // namespace ta::test
