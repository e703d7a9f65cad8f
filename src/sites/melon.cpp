#include "sites/site.h"

namespace ta {

SiteDescriptor melon_site() {
  SiteDescriptor s;
  s.id = "melon";
  s.name = "멜론티켓";
  s.entry_pages = {"https://ticket.melon.com/csoon/index.htm#orderType=0&pageIndex=1&schGcode=GENRE_ALL&schText=&schDt="};
  s.script = "melon.js";
  s.detail_script = "melon.detail.js";
  // Melon answers 423 Locked / 429 when visited too often.
  s.min_host_spacing_s = 20;
  s.detail_spacing_ms = 3000;
  return s;
}

}  // namespace ta
