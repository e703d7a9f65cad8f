#pragma once
// One show on two sites (store/same_show.h): the first alert is edited to list every other site
// it opens on; where the edit cannot be made, a short follow-up says so instead — never a second
// full alert.
#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/ticket.h"
#include "notify/embed_builder.h"
#include "notify/notice.h"

namespace ta {

// The follow-up: "🔁 다른 예매처에서도 오픈: <title>", naming the site first announced, with this
// site's openings and link.
nlohmann::json build_also_embed(const Notice& notice, const EmbedOptions& options);

// The edit of a sent message: its embeds rebuilt from `message` (the notices it carried, in
// order), the one at `original` gaining a "다른 예매처에서도 오픈" field listing `also`. Edits
// never ping (allowed_mentions is empty).
nlohmann::json build_also_edit(const std::vector<Notice>& message, std::size_t original, const std::vector<Ticket>& also,
                               const EmbedOptions& options);

}  // namespace ta
