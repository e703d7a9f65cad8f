// Packs embeds into as few messages as Discord allows, and decides who, if anyone, gets pinged.
#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/embed_builder.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

bool pings_role(const PlannedMessage& m, const std::vector<Notice>& due, const EmbedOptions& options) {
  if (options.mention_role.empty()) return false;
  for (std::size_t i : m.notice_indexes)
    if (due[i].kind != NoticeKind::summary && due[i].kind != NoticeKind::also_on) return true;
  return false;
}

// Only configuration decides pings; scraped titles are escaped and @-neutralised, and every
// message states allowed_mentions so Discord's permissive default never applies. A route's role
// replaces @here: the role, and only it, is pinged (allowed_mentions.roles, never parse).
void finish_message(PlannedMessage& m, const std::vector<Notice>& due, const EmbedOptions& options) {
  std::string titles;
  for (std::size_t i : m.notice_indexes) {
    if (!due[i].priority) continue;
    if (!titles.empty()) titles += ", ";
    std::string title = notify_text::trim(notify_text::sanitize_utf8(due[i].ticket.title));
    titles += escape_for_content(title.empty() ? "(제목 없음)" : title);
  }
  if (pings_role(m, due, options)) {
    const std::string role = "<@&" + options.mention_role + ">";
    m.payload["content"] = notify_text::fit(titles.empty() ? role : role + " ⭐ 우선 알림: " + titles, discord::kMaxContent);
    m.payload["allowed_mentions"] = {{"parse", nlohmann::json::array()},
                                     {"roles", nlohmann::json::array({options.mention_role})}};
  } else {
    const bool ping = !titles.empty() && options.priority_mention;
    if (!titles.empty())
      m.payload["content"] = notify_text::fit((ping ? "@here ⭐ 우선 알림: " : "⭐ 우선 알림: ") + titles, discord::kMaxContent);
    m.payload["allowed_mentions"] = {{"parse", ping ? nlohmann::json::array({"everyone"}) : nlohmann::json::array()}};
  }
  std::string username = notify_text::fit(options.username, discord::kMaxUsername);
  if (!username.empty()) m.payload["username"] = username;
}

}  // namespace

std::vector<PlannedMessage> plan_messages(const std::vector<Notice>& due, const EmbedOptions& options) {
  std::vector<PlannedMessage> messages;
  PlannedMessage current;
  std::size_t current_size = 0;
  auto flush = [&] {
    if (current.notice_indexes.empty()) return;
    finish_message(current, due, options);
    messages.push_back(std::move(current));
    current = PlannedMessage{};
    current_size = 0;
  };
  for (std::size_t i = 0; i < due.size(); ++i) {
    nlohmann::json embed = build_embed(due[i], options);
    std::size_t size = embed_text_size(embed);
    if (current.notice_indexes.size() >= discord::kMaxEmbedsPerMessage ||
        current_size + size > discord::kMaxEmbedTotal)
      flush();
    current.payload["embeds"].push_back(std::move(embed));
    current.notice_indexes.push_back(i);
    current_size += size;
  }
  flush();
  return messages;
}

std::vector<nlohmann::json> build_messages(const std::vector<Notice>& due, const EmbedOptions& options) {
  std::vector<nlohmann::json> out;
  for (auto& m : plan_messages(due, options)) out.push_back(std::move(m.payload));
  return out;
}

}  // namespace ta
