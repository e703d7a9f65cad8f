#pragma once
// One HEAD (or GET) request with libcurl, reduced to the stage at which it failed, so the report
// can tell a DNS problem from a firewall from a TLS problem from an unhappy server.
#include <chrono>
#include <string>

namespace ta::doctor {

struct ProbeOutcome {
  enum class Stage {
    ok,             // an HTTP answer arrived (any status)
    dns,            // the target's name did not resolve
    proxy_dns,      // the proxy's name did not resolve
    connect,        // TCP connection refused or unreachable
    proxy_connect,  // the proxy refused the connection
    proxy_tunnel,   // the proxy answered CONNECT with an error (it could not reach the target)
    tls,            // handshake or certificate failure
    timeout,        // no answer in time (resolved says how far it got)
    other,
  } stage = Stage::other;
  int http_status = 0;
  int proxy_status = 0;  // the proxy's answer to CONNECT, when there was one
  bool resolved = false;  // the name lookup finished
  std::string ip;         // where curl connected (the proxy's address when one is used)
  std::string error;      // curl's own words
};

struct ProbeSettings {
  std::string proxy;  // empty: direct, ignoring any http(s)_proxy in the environment
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{10000};
};

ProbeOutcome probe_url(const std::string& url, const ProbeSettings& settings);

}  // namespace ta::doctor
