#include "normalize/url.h"

#include "util/ascii.h"

#include <cctype>
#include <optional>
#include <vector>

namespace ta {

namespace {

struct UriParts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

// RFC 3986 appendix B, by hand.
UriParts split(const std::string& s) {
  UriParts p;
  std::size_t i = 0;
  std::size_t colon = s.find(':');
  if (colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(s[0]))) {
    bool scheme_chars = true;
    for (std::size_t k = 1; k < colon; ++k) {
      char c = s[k];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) scheme_chars = false;
    }
    if (scheme_chars) {
      p.scheme = s.substr(0, colon);
      i = colon + 1;
    }
  }
  if (s.compare(i, 2, "//") == 0) {
    std::size_t end = s.find_first_of("/?#", i + 2);
    if (end == std::string::npos) end = s.size();
    p.authority = s.substr(i + 2, end - i - 2);
    i = end;
  }
  std::size_t path_end = s.find_first_of("?#", i);
  if (path_end == std::string::npos) path_end = s.size();
  p.path = s.substr(i, path_end - i);
  i = path_end;
  if (i < s.size() && s[i] == '?') {
    std::size_t end = s.find('#', i);
    if (end == std::string::npos) end = s.size();
    p.query = s.substr(i + 1, end - i - 1);
    i = end;
  }
  if (i < s.size() && s[i] == '#') p.fragment = s.substr(i + 1);
  return p;
}

// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.compare(0, 3, "../") == 0) {
      in.erase(0, 3);
    } else if (in.compare(0, 2, "./") == 0) {
      in.erase(0, 2);
    } else if (in.compare(0, 3, "/./") == 0) {
      in.replace(0, 3, "/");
    } else if (in == "/.") {
      in = "/";
    } else if (in.compare(0, 4, "/../") == 0 || in == "/..") {
      in = in.size() == 3 ? "/" : in.substr(3);
      std::size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string::npos) next = in.size();
      out += in.substr(0, next);
      in.erase(0, next);
    }
  }
  return out;
}

// RFC 3986 5.2.3.
std::string merge(const UriParts& base, const std::string& ref_path) {
  if (base.authority && base.path.empty()) return "/" + ref_path;
  std::size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

std::string compose(const UriParts& p) {
  std::string out;
  if (p.scheme) out += *p.scheme + ":";
  if (p.authority) out += "//" + *p.authority;
  out += p.path;
  if (p.query) out += "?" + *p.query;
  if (p.fragment) out += "#" + *p.fragment;
  return out;
}

std::string without_blanks(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i)
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') out += s[i];
  return out;
}

}  // namespace

std::string absolute_url(const std::string& base, const std::string& href) {
  std::string ref_text = without_blanks(href);
  if (ref_text.empty()) return "";
  UriParts ref = split(ref_text);
  UriParts b = split(without_blanks(base));
  if (!b.scheme && !ref.scheme) return ref_text;  // nothing absolute to resolve against

  UriParts t;
  if (ref.scheme) {
    t = ref;
    t.path = remove_dot_segments(ref.path);
    return compose(t);
  }
  t.scheme = b.scheme;
  t.fragment = ref.fragment;
  if (ref.authority) {
    t.authority = ref.authority;
    t.path = remove_dot_segments(ref.path);
    t.query = ref.query;
  } else {
    t.authority = b.authority;
    if (ref.path.empty()) {
      t.path = b.path;
      t.query = ref.query ? ref.query : b.query;
    } else {
      t.path = remove_dot_segments(ref.path[0] == '/' ? ref.path : merge(b, ref.path));
      t.query = ref.query;
    }
  }
  return compose(t);
}

namespace {

// The authority's host: without userinfo, port and a trailing dot, lowercased.
std::optional<std::string> http_host(const std::string& url) {
  const UriParts p = split(url);
  if (!p.scheme || !p.authority) return std::nullopt;
  const std::string scheme = ascii_lower(*p.scheme);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string host = p.authority->substr(p.authority->rfind('@') == std::string::npos ? 0 : p.authority->rfind('@') + 1);
  host = host.substr(0, host.find(':'));
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return std::nullopt;
  return ascii_lower(host);
}

// The last two labels, or three under a country's second level ("co.kr", "or.kr", "co.jp").
std::string registrable_domain(const std::string& host) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  for (std::size_t dot; (dot = host.find('.', start)) != std::string::npos; start = dot + 1)
    labels.push_back(host.substr(start, dot - start));
  labels.push_back(host.substr(start));
  std::size_t keep = 2;
  if (labels.size() >= 3 && labels.back().size() == 2) {
    static const char* const kSecondLevel[] = {"co", "or", "go", "ne", "ac", "re", "pe", "com", "net", "org"};
    for (const char* sl : kSecondLevel)
      if (labels[labels.size() - 2] == sl) keep = 3;
  }
  if (labels.size() <= keep) return host;
  std::string out;
  for (std::size_t i = labels.size() - keep; i < labels.size(); ++i) out += (out.empty() ? "" : ".") + labels[i];
  return out;
}

}  // namespace

bool on_same_site(const std::string& url, const std::string& page_url) {
  const auto host = http_host(url);
  const auto page_host = http_host(page_url);
  if (!host || !page_host) return false;
  return registrable_domain(*host) == registrable_domain(*page_host);
}

}  // namespace ta
