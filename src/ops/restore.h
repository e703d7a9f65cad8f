#pragma once
// `ticket-alarm restore FILE`: replaces data_dir/ticket-alarm.db with a backup, but only a sound
// one (integrity check, a ticket-alarm schema this binary can open) and only while no monitor
// holds the data dir lock. The database it replaces is kept as
// ticket-alarm.db.before-restore-<KST stamp> (with its -wal, so nothing committed is lost).
#include <ctime>
#include <string>
#include <vector>

namespace ta {

struct RestoreRequest {
  std::string data_dir;
  std::string backup_file;
  std::time_t now = 0;  // names the kept copy (KST)
};

struct RestoreResult {
  std::string installed;             // data_dir/ticket-alarm.db
  std::vector<std::string> kept;     // the previous database (and its -wal), renamed
  std::vector<std::string> removed;  // stale sidecar files (-shm)
  int schema_version = 0;            // of the restored file
};

// Throws OpsError, DataDirLocked while a monitor runs; the current database is untouched then.
RestoreResult restore_backup(const RestoreRequest& request);

}  // namespace ta
