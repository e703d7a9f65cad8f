#include <future>
#include <string>
#include <vector>

#include "config/config.h"
#include "util/proxy_url.h"
#include "doctor/checks.h"
#include "doctor/network_probe.h"
#include "sites/site.h"

namespace ta::doctor {

namespace {

struct UrlParts {
  std::string scheme;
  std::string host;  // with :port when given
};

UrlParts split_url(const std::string& url) {
  UrlParts p;
  auto sep = url.find("://");
  std::size_t start = 0;
  if (sep != std::string::npos) {
    p.scheme = url.substr(0, sep);
    start = sep + 3;
  }
  auto end = url.find_first_of("/?#", start);
  p.host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return p;
}

std::string port_of(const UrlParts& url) {
  const auto colon = url.host.rfind(':');
  // "[::1]" has colons of its own; only a colon after the closing bracket starts a port.
  if (colon != std::string::npos && url.host.find(']', colon) == std::string::npos) return url.host.substr(colon + 1);
  return url.scheme == "https" ? "443" : "80";
}

// The old tool's `proxies` dict chose by the URL's scheme; so does the service.
std::string proxy_for_url(const UrlParts& url, const Config& config) {
  return url.scheme == "https" ? config.proxy.https : config.proxy.http;
}

CheckResult describe(const ProbeTarget& target, const UrlParts& url, const std::string& proxy,
                     const ProbeOutcome& o, const DoctorOptions& options) {
  const std::string title = "네트워크: " + target.name + (target.name == url.host ? "" : " (" + url.host + ")");
  const std::string via = proxy.empty() ? "" : " (프록시 " + proxy + " 경유)";
  const std::string proxy_fix = "설정의 proxy." + url.scheme + " 주소와 포트를 확인하고, 프록시가 실행 중인지 보세요";
  using Stage = ProbeOutcome::Stage;
  switch (o.stage) {
    case Stage::ok: {
      const std::string found = "HTTP " + std::to_string(o.http_status) + via +
                                (o.ip.empty() || !proxy.empty() ? "" : ", 주소 " + o.ip);
      if (o.http_status >= 500)
        return CheckResult::fail(title, "서버 오류 " + found,
                                 "사이트 쪽 장애일 수 있습니다: 잠시 뒤 다시 점검하고, 계속되면 브라우저로 " +
                                     target.url + "을(를) 열어 보세요");
      if (o.http_status >= 400)
        return CheckResult::warn(title, "접속은 되지만 거부됨: " + found,
                                 "이 서버가 이 컴퓨터(또는 프록시)의 IP를 막고 있을 수 있습니다 — 같은 망의 "
                                 "브라우저로 " + target.url + "을(를) 열어 보세요");
      return CheckResult::pass(title, "접속됨: " + found);
    }
    case Stage::dns:
      return CheckResult::fail(title, "DNS 실패: " + url.host + "의 주소를 찾을 수 없습니다" + via,
                               "/etc/resolv.conf의 네임서버를 확인하세요 (`getent hosts " + url.host +
                                   "`로 재현 가능). 사내망이면 proxy 설정이 필요할 수 있습니다");
    case Stage::proxy_dns:
      return CheckResult::fail(title, "프록시 주소의 DNS 실패: " + proxy, proxy_fix);
    case Stage::connect:
      return CheckResult::fail(title,
                               "연결 실패: " + (o.ip.empty() ? url.host : o.ip) + "에 연결할 수 없습니다 (" + o.error + ")",
                               "방화벽이 나가는 " + port_of(url) + "번 포트를 막는지 확인하세요. 사내망이면 설정의 proxy를 지정하세요");
    case Stage::proxy_connect:
      return CheckResult::fail(title, "프록시 연결 실패: " + proxy + "에 연결할 수 없습니다 (" + o.error + ")", proxy_fix);
    case Stage::proxy_tunnel:
      return CheckResult::fail(title,
                               "프록시가 " + url.host + "로의 연결을 거부했습니다 (HTTP " +
                                   std::to_string(o.proxy_status) + ")",
                               "프록시가 이 사이트를 허용하는지, 프록시 자신이 인터넷에 닿는지 확인하세요");
    case Stage::tls:
      return CheckResult::fail(title, "TLS 실패: " + o.error + via,
                               "시스템 시각(date)과 CA 인증서(sudo apt-get install --reinstall ca-certificates)를 "
                               "확인하세요. 프록시나 보안 장비가 HTTPS를 가로채면 그 인증서를 신뢰 목록에 넣어야 합니다");
    case Stage::timeout:
      if (!o.resolved)
        return CheckResult::fail(title, "DNS 응답 없음: " + url.host + " 조회가 시간 안에 끝나지 않았습니다" + via,
                                 "/etc/resolv.conf의 네임서버가 응답하는지 확인하세요");
      return CheckResult::fail(title,
                               "응답 없음: " + std::to_string(options.probe_timeout.count() / 1000) + "초 안에 답이 없습니다" + via,
                               "방화벽이 패킷을 버리고 있을 수 있습니다 — 나가는 연결 규칙과 proxy 설정을 확인하세요");
    case Stage::other:
      break;
  }
  return CheckResult::fail(title, "요청 실패: " + o.error + via, "네트워크와 proxy 설정을 확인하세요");
}

}  // namespace

std::vector<ProbeTarget> default_probe_targets(const Config& config) {
  std::vector<ProbeTarget> targets;
  for (const auto& site : selected_sites(config.sources)) {
    if (site.entry_pages.empty()) continue;
    // The scheme the crawler uses: probing https on an http-only site would report a false TLS failure.
    const UrlParts entry = split_url(site.entry_pages.front());
    targets.push_back({site.name, entry.scheme + "://" + entry.host + "/"});
  }
  targets.push_back({"Discord", "https://discord.com/"});
  return targets;
}

std::vector<CheckResult> check_network(const std::vector<ProbeTarget>& targets, const Config& config,
                                       const DoctorOptions& options) {
  // In parallel: a firewall that drops packets would otherwise cost one timeout per host in a row.
  std::vector<std::future<ProbeOutcome>> pending;
  std::vector<std::string> proxies;
  for (const auto& target : targets) {
    ProbeSettings settings;
    settings.proxy = proxy_for_url(split_url(target.url), config);
    settings.connect_timeout = options.connect_timeout;
    settings.total_timeout = options.probe_timeout;
    proxies.push_back(settings.proxy);
    pending.push_back(std::async(std::launch::async, [url = target.url, settings] { return probe_url(url, settings); }));
  }
  std::vector<CheckResult> results;
  for (std::size_t i = 0; i < targets.size(); ++i)
    // The proxy is shown, never its password.
    results.push_back(describe(targets[i], split_url(targets[i].url), mask_proxy_url(proxies[i]), pending[i].get(), options));
  return results;
}

}  // namespace ta::doctor
