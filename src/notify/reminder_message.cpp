#include "notify/reminder_message.h"

#include "normalize/open_type.h"
#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/text_fit.h"

namespace ta {

std::string minutes_before_text(int minutes) {
  const int days = minutes / 1440, hours = minutes % 1440 / 60, mins = minutes % 60;
  std::string out;
  if (days > 0) out += std::to_string(days) + "일";
  if (hours > 0) out += (out.empty() ? "" : " ") + std::to_string(hours) + "시간";
  if (mins > 0 || out.empty()) out += (out.empty() ? "" : " ") + std::to_string(mins) + "분";
  return out;
}

nlohmann::json build_reminder_message(const Reminder& r, const EmbedOptions& options) {
  std::string label = notify_text::trim(r.opening_label);
  if (label.empty()) label = open_type_korean(r.opening_kind);
  std::string title = notify_text::trim(notify_text::sanitize_utf8(r.title));
  if (title.empty()) title = "(제목 없음)";
  const bool role = !options.mention_role.empty();
  const bool ping = !role && r.priority && options.priority_mention;
  const std::string stamp = std::to_string(static_cast<long long>(r.opening_at));
  std::string text = std::string(role ? "<@&" + options.mention_role + "> " : ping ? "@here " : "") + "⏰ " + minutes_before_text(r.offset_min) + " 뒤 " +
                     escape_for_content(label) + " 오픈: " + escape_for_content(title) + " (<t:" + stamp + ":t>, <t:" +
                     stamp + ":R>)";
  const std::string url = embed_safe_url(r.url);
  if (!url.empty()) text += "\n" + url;
  nlohmann::json mentions = {{"parse", ping ? nlohmann::json::array({"everyone"}) : nlohmann::json::array()}};
  if (role) mentions["roles"] = nlohmann::json::array({options.mention_role});
  nlohmann::json message = {{"content", notify_text::fit(text, discord::kMaxContent)}, {"allowed_mentions", mentions}};
  const std::string username = notify_text::fit(options.username, discord::kMaxUsername);
  if (!username.empty()) message["username"] = username;
  return message;
}

}  // namespace ta
