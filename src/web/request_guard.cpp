#include "web/request_guard.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

#include "util/base64.h"

namespace ta {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "host", "host:8000", "[::1]:8000" -> the host without port or brackets.
std::string host_part(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    const auto end = header.find(']');
    return end == std::string::npos ? header : header.substr(1, end - 1);
  }
  const auto colon = header.find(':');
  return colon == std::string::npos ? header : header.substr(0, colon);
}

bool is_ip_literal(const std::string& host) {
  unsigned char buf[16];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

bool host_allowed(const std::string& host_header, const std::vector<std::string>& allowed) {
  const std::string host = lower(host_part(host_header));
  if (host.empty() || host == "localhost" || ends_with(host, ".localhost") || is_ip_literal(host)) return true;
  return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return lower(a) == host; });
}

bool is_loopback_client(const std::string& remote_addr) {
  return remote_addr == "::1" || remote_addr.rfind("127.", 0) == 0 || remote_addr.rfind("::ffff:127.", 0) == 0;
}

bool token_presented(const std::string& authorization, const std::string& token_param, const std::string& token) {
  if (token.empty()) return true;
  if (!token_param.empty() && same_secret(token_param, token)) return true;
  const std::string scheme = lower(authorization.substr(0, authorization.find(' ')));
  const std::string value = authorization.find(' ') == std::string::npos ? "" : authorization.substr(authorization.find(' ') + 1);
  if (scheme == "bearer") return same_secret(value, token);
  if (scheme != "basic") return false;
  std::string decoded;
  if (!base64_decode(value, &decoded)) return false;
  const auto colon = decoded.find(':');
  return colon != std::string::npos && same_secret(decoded.substr(colon + 1), token);
}

}  // namespace ta
