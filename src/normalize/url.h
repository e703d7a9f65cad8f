#pragma once
#include <string>

namespace ta {

// RFC 3986 section 5 reference resolution of `href` against `base` (the page URL): absolute,
// `//host/x`, `/a`, `./detail.htm?x=1`, `detail.htm`, `../a`, `?q`, `#id=5`. An empty or
// blank href yields "" (no link, rather than a link back to the list page); surrounding
// whitespace and embedded tabs/newlines are ignored as browsers do. With no usable base a
// relative href is returned as given.
std::string absolute_url(const std::string& base, const std::string& href);

// True when `url` is http(s) on the same site as `page_url`: the same registrable domain
// ("tickets.interpark.com" and "www.interpark.com"; "m.ticketlink.co.kr" and
// "www.ticketlink.co.kr"). A notice link elsewhere (`https://evil.example/…`, `javascript:`) is
// not the site's notice.
bool on_same_site(const std::string& url, const std::string& page_url);

}  // namespace ta
