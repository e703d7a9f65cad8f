#include "notify/summary_embed.h"

#include <algorithm>

#include "model/opening.h"
#include "normalize/kst_time.h"
#include "normalize/ticket_time.h"
#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

using notify_text::fit;

std::string summary_line(const Ticket& t, std::optional<std::time_t> at) {
  std::string title = notify_text::trim(t.title);
  if (title.empty()) title = "(제목 없음)";
  const std::string when = at ? "<t:" + std::to_string(static_cast<long long>(*at)) + ":f>" : "일정 미정";
  return "• " + when + " " + fit(escape_markdown(title), 120);
}

}  // namespace

nlohmann::json build_summary_embed(const Notice& notice, const EmbedOptions& options) {
  const std::time_t now = options.now != 0 ? options.now : std::time(nullptr);
  std::vector<std::pair<std::optional<std::time_t>, const Ticket*>> upcoming;
  for (const auto& t : notice.summary) upcoming.emplace_back(next_opening_at(t, now), &t);
  // Soonest first, notices without a time last.
  std::stable_sort(upcoming.begin(), upcoming.end(), [](const auto& a, const auto& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    return a.first && *a.first < *b.first;
  });

  std::string site_name = notify_text::trim(notice.ticket.site_name);
  if (site_name.empty()) site_name = notice.ticket.site;
  std::string description;
  for (std::size_t i = 0; i < upcoming.size() && i < kSummaryListed; ++i)
    description += summary_line(*upcoming[i].second, upcoming[i].first) + "\n";
  if (upcoming.size() > kSummaryListed)
    description += "… 외 " + std::to_string(upcoming.size() - kSummaryListed) + "건\n";
  description += "\n이 예매처를 처음 살펴봐서 알림 대신 요약으로 보냅니다. 앞으로 새 공지는 하나씩 알려 드립니다.";
  if (!options.dashboard_url.empty()) description += "\n전체 목록: " + options.dashboard_url;

  nlohmann::json embed = nlohmann::json::object();
  embed["title"] = fit("📋 " + escape_markdown(site_name) + ": 지금 예정된 티켓오픈 " + std::to_string(upcoming.size()) + "건",
                       discord::kMaxEmbedTitle);
  embed["description"] = fit(description, 2048);  // half the limit: leaves room beside other embeds
  const std::string url = embed_safe_url(options.dashboard_url);
  if (!url.empty()) embed["url"] = url;
  embed["color"] = site_color(notice.ticket.site);
  embed["footer"] = {{"text", fit(site_name, 256)}};
  if (options.now != 0) embed["timestamp"] = format_kst_iso(options.now);
  return embed;
}

}  // namespace ta
