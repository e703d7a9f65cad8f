#pragma once
// One ticket due to be announced, as the monitor hands it to the notifier.
#include <cstdint>
#include <optional>
#include <vector>

#include "model/ticket.h"

namespace ta {

enum class NoticeKind {
  new_ticket,  // first time this ticket is seen
  update,      // its open schedule changed, or the site posted a change notice: "일정 변경"
  cancel,      // withdrawn from the site's list, or the site posted a cancellation: "취소"
  summary,     // a site's first crawl: one message counting `summary` (config first_run)
  also_on,     // the show of `previous` (announced from another site) opens on this site too
};

struct Notice {
  Ticket ticket;
  NoticeKind kind = NoticeKind::new_ticket;
  bool priority = false;        // matched a PRIORITY_KEYWORDS entry
  std::int64_t delivery_id = 0;  // the caller's key (the store's delivery row); echoed in results
  int previous_attempts = 0;     // failed attempts already made in earlier runs (drives backoff)
  // update: what fans were told before, for "old → new"; a site's change notice (update or
  // cancel): the notice it is about, when one was found; also_on: the first site's notice
  std::optional<Ticket> previous;
  std::vector<Ticket> summary;     // summary: the notices it counts (`ticket` names only the site)
};

}  // namespace ta
