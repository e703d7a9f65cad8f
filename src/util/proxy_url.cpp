#include "util/proxy_url.h"

#include <cctype>
#include <regex>

namespace ta {
namespace {

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// [scheme://][user[:password]@]rest — positions of the credentials, if any.
struct Parts {
  std::size_t creds_begin = std::string::npos;  // after "://" (or 0)
  std::size_t at = std::string::npos;           // the '@' ending the credentials
};

Parts parts_of(const std::string& url) {
  Parts p;
  const auto scheme = url.find("://");
  const std::size_t begin = scheme == std::string::npos ? 0 : scheme + 3;
  const auto slash = url.find('/', begin);
  const auto at = url.rfind('@', slash == std::string::npos ? std::string::npos : slash);
  if (at == std::string::npos || at < begin) return p;
  p.creds_begin = begin;
  p.at = at;
  return p;
}

}  // namespace

ProxyUrl split_proxy_url(const std::string& url) {
  ProxyUrl out;
  const Parts p = parts_of(url);
  if (p.at == std::string::npos) {
    out.server = url;
    return out;
  }
  const std::string creds = url.substr(p.creds_begin, p.at - p.creds_begin);
  const auto colon = creds.find(':');
  out.username = percent_decode(creds.substr(0, colon));
  if (colon != std::string::npos) out.password = percent_decode(creds.substr(colon + 1));
  out.server = url.substr(0, p.creds_begin) + url.substr(p.at + 1);
  return out;
}

std::string mask_proxy_url(const std::string& url) {
  const Parts p = parts_of(url);
  if (p.at == std::string::npos) return url;
  const std::string creds = url.substr(p.creds_begin, p.at - p.creds_begin);
  const auto colon = creds.find(':');
  if (colon == std::string::npos) return url;  // a user name alone is no secret
  return url.substr(0, p.creds_begin) + creds.substr(0, colon) + ":****" + url.substr(p.at);
}

std::string mask_url_passwords(const std::string& text) {
  static const std::regex kCredentials(R"(([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@"']+):[^\s/@"']+@)");
  return std::regex_replace(text, kCredentials, "$1:****@");
}

}  // namespace ta
