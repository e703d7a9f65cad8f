#pragma once
// `ticket-alarm backup`: a consistent copy of data_dir/ticket-alarm.db taken with SQLite's online
// backup API, so it works while the monitor is writing (WAL readers never block the writer), plus
// a copy of the configuration file, then old sets beyond `keep` are deleted.
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

namespace ta {

constexpr int kDefaultBackupKeep = 7;

struct BackupRequest {
  std::string data_dir;
  std::string out_dir;      // "": data_dir/backups
  int keep = kDefaultBackupKeep;  // sets to keep, this one included; at least 1
  std::string config_path;  // the configuration file to copy; "": none (defaults/environment only)
  std::time_t now = 0;      // names the set (KST)
};

struct BackupResult {
  std::string db_file;
  std::string config_file;  // "" when there was no configuration file to copy
  std::int64_t db_bytes = 0;
  std::vector<std::string> removed;  // older sets' files deleted by `keep`
};

// Throws OpsError (Korean, with what to do) when the database is missing, the folder cannot be
// written, a set with the same stamp exists or sqlite fails; no partial set is left behind.
BackupResult create_backup(const BackupRequest& request);

// data_dir/backups.
std::string default_backup_dir(const std::string& data_dir);

}  // namespace ta
