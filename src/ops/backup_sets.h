#pragma once
// A backup set is the files of one `ticket-alarm backup` run, named by its KST stamp:
// ticket-alarm-YYYYmmdd-HHMMSS.db and ticket-alarm-YYYYmmdd-HHMMSS-config.json. Only names of
// exactly this form are ever listed or deleted, so other files in the folder are safe.
#include <string>
#include <vector>

namespace ta {

struct BackupSet {
  std::string stamp;        // "20240501-033000"
  std::string db_file;      // "" when only the config copy is left
  std::string config_file;  // "" when the set has no config copy
};

std::string backup_db_name(const std::string& stamp);
std::string backup_config_name(const std::string& stamp);

// The sets in `dir`, newest first; empty when `dir` does not exist.
std::vector<BackupSet> list_backup_sets(const std::string& dir);

// Deletes every set but the newest `keep`; returns the files removed. Throws OpsError when a file
// cannot be removed.
std::vector<std::string> prune_backup_sets(const std::string& dir, int keep);

}  // namespace ta
