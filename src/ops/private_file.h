#pragma once
// Backups hold the webhook token (config copy) and the alert history: they are written readable
// by their owner only, whatever the umask says.
#include <string>

namespace ta {

// Copies `from` to a new file `to` with mode 0600 and flushes it to disk. Fails (OpsError) when
// `to` already exists, so nothing is ever overwritten.
void copy_private_file(const std::string& from, const std::string& to);

// Flushes `dir`'s entries (renames, new files) to disk; errors are ignored.
void sync_directory(const std::string& dir);

}  // namespace ta
