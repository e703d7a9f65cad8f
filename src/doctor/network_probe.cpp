#include "doctor/network_probe.h"

#include <curl/curl.h>

#include "util/version.h"

namespace ta::doctor {

namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

// The status line is all a probe needs; stopping at the first body byte keeps a GET as cheap as
// a HEAD on servers that refuse HEAD.
size_t stop_at_body(char*, size_t, size_t, void*) { return 0; }

bool is_tls_error(CURLcode rc) {
  switch (rc) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

ProbeOutcome perform(CURL* curl, const std::string& url, const ProbeSettings& settings, bool head) {
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  const std::string agent = std::string("ticket-alarm/") + kVersion + " (doctor)";
  curl_easy_setopt(curl, CURLOPT_USERAGENT, agent.c_str());
  // An empty string disables the environment's proxies: the report is about the configured path.
  curl_easy_setopt(curl, CURLOPT_PROXY, settings.proxy.c_str());
  if (head) {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, stop_at_body);

  const CURLcode rc = curl_easy_perform(curl);
  ProbeOutcome o;
  long status = 0, connect_status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &connect_status);
  o.http_status = static_cast<int>(status);
  o.proxy_status = static_cast<int>(connect_status);
  char* ip = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) o.ip = ip;
  curl_off_t lookup_us = 0;
  curl_easy_getinfo(curl, CURLINFO_NAMELOOKUP_TIME_T, &lookup_us);
  o.resolved = lookup_us > 0 || !o.ip.empty();
  o.error = errbuf[0] ? errbuf : curl_easy_strerror(rc);

  const bool proxied = !settings.proxy.empty();
  if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && status > 0)) {
    o.stage = ProbeOutcome::Stage::ok;
    o.error.clear();
  } else if (rc == CURLE_COULDNT_RESOLVE_HOST) {
    o.stage = ProbeOutcome::Stage::dns;
  } else if (rc == CURLE_COULDNT_RESOLVE_PROXY) {
    o.stage = ProbeOutcome::Stage::proxy_dns;
  } else if (rc == CURLE_COULDNT_CONNECT) {
    o.stage = proxied ? ProbeOutcome::Stage::proxy_connect : ProbeOutcome::Stage::connect;
  } else if (proxied && connect_status >= 300) {
    o.stage = ProbeOutcome::Stage::proxy_tunnel;
  } else if (is_tls_error(rc)) {
    o.stage = ProbeOutcome::Stage::tls;
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    o.stage = ProbeOutcome::Stage::timeout;
  } else {
    o.stage = ProbeOutcome::Stage::other;
  }
  return o;
}

}  // namespace

ProbeOutcome probe_url(const std::string& url, const ProbeSettings& settings) {
  static CurlGlobal global;  // curl_global_init is not thread-safe: once, before any handle
  CURL* curl = curl_easy_init();
  if (!curl) {
    ProbeOutcome o;
    o.error = "libcurl을 초기화하지 못함";
    return o;
  }
  ProbeOutcome o = perform(curl, url, settings, true);
  // Some servers refuse HEAD outright; what they say to a GET is what the crawler would see.
  if (o.stage == ProbeOutcome::Stage::ok && (o.http_status == 405 || o.http_status == 501)) {
    curl_easy_reset(curl);
    o = perform(curl, url, settings, false);
  }
  curl_easy_cleanup(curl);
  return o;
}

}  // namespace ta::doctor
