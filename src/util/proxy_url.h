#pragma once
// A proxy URL as users write it ("http://user:p%40ss@proxy.example:3128"): Chromium takes the
// server without credentials and asks for them when the proxy does (Fetch.authRequired), and
// nothing that prints the configuration may show the password.
#include <string>

namespace ta {

struct ProxyUrl {
  std::string server;    // scheme://host:port, without credentials
  std::string username;  // percent-decoded; empty when the URL has none
  std::string password;
};

ProxyUrl split_proxy_url(const std::string& url);

// The URL with its password as ****: "http://user:****@proxy.example:3128".
std::string mask_proxy_url(const std::string& url);

// Every "scheme://user:password@" in `text` with the password as **** (a configuration file
// quoted in an error message).
std::string mask_url_passwords(const std::string& text);

}  // namespace ta
