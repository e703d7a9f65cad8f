#include "sites/site.h"

namespace ta {

SiteDescriptor interpark_site() {
  SiteDescriptor s;
  s.id = "interpark";
  s.name = "인터파크";
  s.entry_pages = {"https://tickets.interpark.com/contents/notice"};
  s.script = "interpark.js";
  s.detail_script = "interpark.detail.js";
  return s;
}

}  // namespace ta
