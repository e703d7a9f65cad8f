#include <httplib.h>

#include "log/log.h"
#include "util/process_group.h"
#include "web/api_views.h"
#include "web/calendar_ics.h"
#include "web/health.h"
#include "web/metrics.h"
#include "web/request_guard.h"
#include "web/static_files.h"
#include "web/web_root.h"
#include "web/status_message.h"
#include "web/web_server.h"

namespace ta {
namespace {

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  // A site string with broken UTF-8 must not turn the whole answer into a 500.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

}  // namespace

void WebServer::install_routes() {
  httplib::Server& s = *server_;

  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!host_allowed(req.get_header_value("Host"), config_.web.allowed_hosts)) {
      logger("web")->warn("모르는 Host의 요청을 거절했습니다: {} {} (Host: {}) — 이 이름으로 열려면 web.allowed_hosts에 넣으세요",
                          req.method, req.path, req.get_header_value("Host"));
      send_json(res, {{"error", "이 주소(Host)로는 대시보드를 열 수 없습니다"}}, 421);
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string& token = config_.web.admin_token;
    if (!token.empty() && !is_loopback_client(req.remote_addr) &&
        !token_presented(req.get_header_value("Authorization"), req.get_param_value("token"), token)) {
      res.set_header("WWW-Authenticate", "Basic realm=\"ticket-alarm\", charset=\"UTF-8\"");
      send_json(res, {{"error", status_message(401)}}, 401);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  s.Get(R"(/|/index\.html|/app\.js|/style\.css)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string root = web_root();
    auto file = read_static_file(root, req.path);
    if (!file) {
      logger("web")->error("대시보드 파일을 읽을 수 없습니다: {}{}", root, req.path);
      res.status = 500;
      res.set_content("대시보드 파일을 찾을 수 없습니다 (" + root + ")", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(file->body, file->content_type);
  });

  s.Get("/api/tickets", [this](const httplib::Request& req, httplib::Response& res) {
    const std::time_t now = clock_();
    std::string error;
    auto query = parse_ticket_query(req.params, now, &error);
    if (!query) return send_json(res, {{"error", error}}, 400);
    send_json(res, tickets_view(store_, *query, now));
  });
  s.Get("/api/sites", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, sites_view(config_, store_, status_, clock_()));
  });
  s.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, stats_view(config_, store_, clock_()));
  });

  s.Get("/api/changes", [this](const httplib::Request&, httplib::Response& res) { send_json(res, changes_view(store_)); });
  s.Get("/api/reminders", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, reminders_view(store_, clock_()));
  });

  // Subscribable without auth on loopback: read-only, and GET like everything here.
  s.Get("/calendar.ics", [this](const httplib::Request& req, httplib::Response& res) {
    const std::time_t now = clock_();
    CalendarQuery query;
    query.site = req.get_param_value("site");
    query.text = req.get_param_value("q");
    query.from = now - 30 * 86400;  // a month back: a calendar keeps what just happened
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Content-Disposition", "inline; filename=\"ticket-alarm.ics\"");
    res.set_content(calendar_ics(store_.calendar_events(query), config_.reminders, now), "text/calendar; charset=utf-8");
  });

  s.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    const HealthReport report = check_health(config_, store_, status_, clock_());
    if (report.ok) return send_json(res, {{"status", "ok"}});
    send_json(res, {{"status", "unhealthy"}, {"reasons", report.reasons}}, 503);
  });

  s.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(status_.metrics().render(store_.counts_by_status(), self_rss_kib()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });

  // Nothing here changes state; say so instead of a bare 404 to a client that tries.
  const auto read_only = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send_json(res, {{"error", "이 대시보드는 읽기 전용입니다 (GET만 받습니다)"}}, 405);
  };
  s.Post(".*", read_only);
  s.Put(".*", read_only);
  s.Delete(".*", read_only);
  s.Patch(".*", read_only);

  s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "알 수 없는 오류";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    // The details stay in the log: an error text may name files, SQL or configuration.
    logger("web")->error("{} {}: {}", req.method, req.path, what);
    send_json(res, {{"error", status_message(500)}}, 500);
  });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_json(res, {{"error", status_message(res.status)}}, res.status);
  });
}

}  // namespace ta
