#pragma once
// The temporary Chromium profile: $TMPDIR/ticket-alarm-chromium-XXXXXX, owned by the controller
// that made it. Chromium's own temporary files (its org.chromium.Chromium.* singleton directory)
// and its crash-handler database are kept inside it, so removing the profile removes everything
// a browser wrote.
#include <string>
#include <vector>

namespace ta::cdp {

constexpr const char* kProfilePrefix = "ticket-alarm-chromium-";

struct ProfileDir {
  std::string path;
  std::string tmp_dir;     // TMPDIR for Chromium; empty when the profile's path is too long for it
  std::string config_dir;  // XDG_CONFIG_HOME for Chromium (its crash handler's database)
  std::string cache_dir;   // XDG_CACHE_HOME for Chromium
};

// Creates the profile and its owner file (this process's pid and start time). Throws LaunchError.
ProfileDir make_profile_dir();

// Removes the profile and Chromium's singleton directory (found through the profile's
// SingletonSocket link, wherever TMPDIR put it). Never throws; false when something is left.
bool remove_profile(const std::string& profile) noexcept;

enum class ProfileOwner { Alive, Dead, Unknown };
// Whether the controller that made `profile` still runs; Unknown for a profile without an owner
// file (made by an older version, or one being created this instant).
ProfileOwner profile_owner(const std::string& profile);

// Every ticket-alarm profile directory in the temporary directory.
std::vector<std::string> profile_dirs_in_tmp();

}  // namespace ta::cdp
