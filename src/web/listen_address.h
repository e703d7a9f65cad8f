#pragma once
// `web.listen`: "host:port", "[v6]:port" or ":port" (loopback).
#include <optional>
#include <string>

namespace ta {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8000;  // 0: any free port
};

// nullopt (with a Korean reason in `error`) when the text is not host:port with a port 0..65535.
std::optional<ListenAddress> parse_listen_address(const std::string& text, std::string* error);
// 127.0.0.0/8, ::1 and "localhost": reachable from this machine only.
bool is_loopback_host(const std::string& host);

}  // namespace ta
