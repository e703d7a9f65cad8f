// The HAR loader on arbitrary text (users record archives; tests replay them): HarError (a
// CdpError) is the only way to refuse one, and a loaded archive answers lookups without crashing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cdp/errors.h"
#include "cdp/har_archive.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto archive = ta::cdp::HarArchive::parse(text, "fuzz.har");
    (void)archive->find("GET", "https://tickets.interpark.com/contents/notice", "");
    (void)archive->find("POST", "http://ticket.yes24.com/New/Notice/Ajax/axList.aspx", "page=1&size=20");
    (void)ta::cdp::strip_fragment(text);
  } catch (const ta::cdp::CdpError&) {
  }
  return 0;
}
