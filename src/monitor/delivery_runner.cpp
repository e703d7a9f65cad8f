#include "monitor/delivery_runner.h"

#include "log/log.h"
#include "notify/notifier_setup.h"
#include "notify/ops_message.h"
#include "sites/site.h"

namespace ta {

DeliveryRunner::DeliveryRunner(const Config& config, Store& store, StopSignal& stop, bool dry_run)
    : ctx_{config, store, stop, dry_run} {
  ctx_.stale_clock = [](const std::string&) { return std::optional<std::time_t>(std::time(nullptr)); };
  for (const auto& route : delivery_routes(config))
    routes_.push_back(std::make_unique<RouteSender>(ctx_, route, config.alias_groups));
  if (!config.OPS_WEBHOOK_URL.empty()) {
    std::string error;
    ops_client_ = make_webhook_client(config, config.OPS_WEBHOOK_URL, &error);
    if (!ops_client_) logger("notify")->error("OPS_WEBHOOK_URL: {} — 점검 알림은 알림 웹훅으로 보냅니다", error);
  }
}

DeliveryRunner::~DeliveryRunner() = default;

bool DeliveryRunner::has_webhook() const {
  for (const auto& r : routes_)
    if (r->has_webhook()) return true;
  return false;
}

bool DeliveryRunner::webhook_dead() const {
  for (const auto& r : routes_)
    if (r->dead()) return true;
  return false;
}

std::vector<RoutePolicy> DeliveryRunner::route_policies() const {
  std::vector<RoutePolicy> out;
  for (const auto& r : routes_) out.push_back(r->policy());
  return out;
}

void DeliveryRunner::begin_cycle() {
  for (auto& r : routes_) r->begin_cycle();
}

NotifyReport DeliveryRunner::deliver_due(std::time_t now, int limit) {
  NotifyReport report;
  for (auto& r : routes_) {
    if (ctx_.record_failed) break;
    add_report(report, r->deliver_due(now, limit));
  }
  return report;
}

NotifyReport DeliveryRunner::deliver_due(std::size_t route, std::time_t now, int limit) {
  if (ctx_.record_failed) return {};
  return routes_.at(route)->deliver_due(now, limit);
}

NotifyReport DeliveryRunner::deliver_reminders(std::size_t route, std::time_t now) {
  return routes_.at(route)->deliver_reminders(now);
}

NotifyReport DeliveryRunner::deliver_reminders(std::time_t now) {
  NotifyReport report;
  for (auto& r : routes_) add_report(report, r->deliver_reminders(now));
  return report;
}

std::optional<std::time_t> DeliveryRunner::next_due_at() {
  std::optional<std::time_t> next;
  for (auto& r : routes_)
    if (const auto at = r->next_due_at(); at && (!next || *at < *next)) next = at;
  return next;
}

NotifyReport DeliveryRunner::deliver_ops() {
  NotifyReport report;
  RouteSender* first = nullptr;
  for (auto& r : routes_)
    if (r->has_webhook() && !first) first = r.get();
  WebhookClient* client = ops_client_ ? ops_client_.get() : first ? first->client() : nullptr;
  if (!client || ctx_.dry_run || ctx_.record_failed || (!ops_client_ && first->dead())) return report;
  EmbedOptions embed = notifier_options_from(ctx_.config).embed;
  for (const auto& h : ctx_.store.site_health()) {
    if (h.broken == h.told_broken) continue;
    if (client->next_allowed_at() - std::chrono::steady_clock::now() > std::chrono::seconds(30)) break;
    if (!ctx_.stop.wait_until(client->next_allowed_at())) break;
    const SiteDescriptor* site = find_site(h.site);
    const SendResult sent = client->send(
        build_site_health_message(h, site ? site->name : h.site, site ? site->script : h.site + ".js", embed));
    if (sent.http_status != 0) ++report.requests;
    if (sent.outcome != SendOutcome::ok) {
      logger("notify")->warn("알림 전송 실패: {} 점검 알림 — {} (다음에 다시 보냅니다)", h.site, sent.error);
      break;
    }
    ctx_.store.mark_site_health_told(h.site, h.broken);
    ++report.sent;
    logger("notify")->info("알림 전송 성공: {} 점검 알림 ({})", h.site, h.broken ? "이상" : "정상화");
  }
  return report;
}

}  // namespace ta
