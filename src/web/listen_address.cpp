#include "web/listen_address.h"

#include <arpa/inet.h>

#include <cctype>

namespace ta {

std::optional<ListenAddress> parse_listen_address(const std::string& text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<ListenAddress> {
    if (error) *error = "web.listen \"" + text + "\": " + why + " (예: \"127.0.0.1:8000\")";
    return std::nullopt;
  };
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos) return fail("포트가 없습니다");
  ListenAddress a;
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (!host.empty()) a.host = host;
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5) return fail("포트는 0~65535 사이의 숫자여야 합니다");
  for (char c : port)
    if (!std::isdigit(static_cast<unsigned char>(c))) return fail("포트는 0~65535 사이의 숫자여야 합니다");
  a.port = std::stoi(port);
  if (a.port > 65535) return fail("포트는 0~65535 사이의 숫자여야 합니다");
  return a;
}

bool is_loopback_host(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

}  // namespace ta
