#pragma once
// The short message before an opening: "⏰ 10분 뒤 선예매 오픈: 제목 <t:…:R>" and the link. A
// priority notice pings as its first alert did (@here when priority_mention), nothing else does.
#include <string>

#include <nlohmann/json.hpp>

#include "notify/embed_builder.h"
#include "store/reminder.h"

namespace ta {

// "10분", "1시간", "1시간 30분", "1일", "1일 2시간".
std::string minutes_before_text(int minutes);

nlohmann::json build_reminder_message(const Reminder& r, const EmbedOptions& options);

}  // namespace ta
