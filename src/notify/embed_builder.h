#pragma once
// Discord message payloads for due notices. Pure functions: no I/O, no clock (the caller passes
// `now`), and every output is within Discord's limits whatever the scraped text holds.
#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/ticket.h"
#include "normalize/open_type.h"
#include "notify/notice.h"

namespace ta {

struct EmbedOptions {
  bool priority_mention = true;  // config priority_mention: "@here" for priority tickets
  std::time_t now = 0;           // embed timestamp; 0 leaves it out
  std::string username;          // overrides the webhook's name when non-empty
  std::string dashboard_url;     // config dashboard_url: linked from a first-run summary
  // The route's mention_role: alerts ping <@&id>, and allowed_mentions names exactly that role.
  std::string mention_role;
};

// A message ready to send and the notices (indexes into the `due` it was planned from) it carries.
struct PlannedMessage {
  nlohmann::json payload;
  std::vector<std::size_t> notice_indexes;
};

nlohmann::json build_embed(const Notice& notice, const EmbedOptions& options);
// A plain new, non-priority notice of `ticket`.
nlohmann::json build_embed(const Ticket& ticket, const EmbedOptions& options);

// Groups `due` in order into messages of at most 10 embeds and 6000 embed characters.
std::vector<PlannedMessage> plan_messages(const std::vector<Notice>& due, const EmbedOptions& options);
std::vector<nlohmann::json> build_messages(const std::vector<Notice>& due, const EmbedOptions& options);

// Title + description + field names and values + footer + author name, in code points: what
// Discord sums against the 6000 limit.
std::size_t embed_text_size(const nlohmann::json& embed);

// Pieces exposed for tests and for `test-webhook`.
std::string genre_emoji(const Ticket& ticket);
int site_color(const std::string& site);
constexpr int kPriorityColor = 0xE53935;
// `url` when it is a usable http(s) link (non-ASCII percent-encoded, ≤ 2048), else "".
std::string embed_safe_url(const std::string& url);

}  // namespace ta
