#include "ops/kst_stamp.h"

namespace ta {
namespace {

std::string format_kst(std::time_t t, const char* format) {
  const std::time_t shifted = t + 9 * 3600;
  std::tm parts{};
  ::gmtime_r(&shifted, &parts);
  char out[64];
  const std::size_t n = std::strftime(out, sizeof out, format, &parts);
  return std::string(out, n);
}

}  // namespace

std::string kst_file_stamp(std::time_t t) { return format_kst(t, "%Y%m%d-%H%M%S"); }

std::string kst_display_time(std::time_t t) { return format_kst(t, "%Y-%m-%d %H:%M:%S KST"); }

}  // namespace ta
