// The one date/time text parser ("12.10(수) 20:00", "오늘 저녁 8시", "2025.07.03 16:00"…) on
// arbitrary text: a value or nullopt, never a crash, and a value is always a KST instant.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "normalize/kst_time.h"
#include "normalize/open_time.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  constexpr std::time_t kNow = 1751338800;  // 2025-07-01 12:00 KST
  if (const auto iso = ta::parse_open_time(text, kNow)) {
    if (!ta::parse_iso(*iso)) std::abort();  // what it gives must read back
  }
  return 0;
}
