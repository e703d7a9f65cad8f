#include "sites/site.h"

namespace ta {

SiteDescriptor yes24_site() {
  SiteDescriptor s;
  s.id = "yes24";
  s.name = "YES24";
  s.entry_pages = {"http://ticket.yes24.com/New/Notice/NoticeMain.aspx", "http://m.ticket.yes24.com/Notice/List.aspx"};
  s.script = "yes24.js";
  s.detail_script = "yes24.detail.js";
  return s;
}

}  // namespace ta
