#include "sites/site.h"

namespace ta {

SiteDescriptor ticketlink_site() {
  SiteDescriptor s;
  s.id = "ticketlink";
  s.name = "티켓링크";
  s.entry_pages = {"https://www.ticketlink.co.kr/help/notice#TICKET_OPEN", "https://m.ticketlink.co.kr/help/notice"};
  s.script = "ticketlink.js";
  s.detail_script = "ticketlink.detail.js";
  return s;
}

}  // namespace ta
