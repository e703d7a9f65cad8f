#pragma once
// Who may read the dashboard. A web page the user visits can reach a loopback or LAN listener by
// DNS rebinding (evil.example resolving to 127.0.0.1): its requests carry Host: evil.example, so
// only hosts this dashboard is known by are answered. And web.admin_token, when set, is what a
// client from another machine must show.
#include <string>
#include <vector>

namespace ta {

// The Host header (with or without :port) names this dashboard: empty (HTTP/1.0), a loopback
// name (localhost, *.localhost), an IP literal (a rebinding page can only use a name), or one of
// `allowed` (web.allowed_hosts), compared without case.
bool host_allowed(const std::string& host_header, const std::vector<std::string>& allowed);

// The client connected from this machine (127.0.0.0/8, ::1, ::ffff:127.x.x.x).
bool is_loopback_client(const std::string& remote_addr);

// `Authorization: Bearer TOKEN`, or Basic with TOKEN as the password (what a browser's login
// prompt sends), or `?token=TOKEN` (calendar apps can send no header). Compared in constant time.
bool token_presented(const std::string& authorization, const std::string& token_param, const std::string& token);

}  // namespace ta
