// What an extract script returns, normalised: any JSON (the script runs on pages we do not
// control) becomes a Ticket without throwing, and the text cleaners take any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "normalize/match_text.h"
#include "normalize/normalize_item.h"
#include "normalize/site_mark.h"
#include "normalize/text_clean.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  constexpr std::time_t kNow = 1751338800;  // 2025-07-01 12:00 KST
  (void)ta::clean_text(text);
  (void)ta::fold_for_match(text);
  (void)ta::site_mark_of(text, text);
  const auto item = nlohmann::json::parse(text, nullptr, false);
  if (item.is_object()) {
    const ta::Ticket t =
        ta::normalize_item(item, "interpark", "인터파크", "https://tickets.interpark.com/contents/notice", kNow);
    (void)ta::to_json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return 0;
}
