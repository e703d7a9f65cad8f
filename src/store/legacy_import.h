#pragma once
// Importing the old Python tool's memory (sent_notifications.json, notification_history.json) into
// `announced`, so a user switching to ticket-alarm is not alerted again about what the old tool
// already sent. Both formats are undocumented; the reader takes what it can recognise and says
// what it skipped and why.
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.h"

namespace ta {

// Unreadable input (bad JSON: names the file, line and column; or no legacy file at all).
// The command exits with status 2.
class LegacyImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LegacySkip {
  std::string where;   // "sent_notifications.json #3"
  std::string reason;  // Korean
};

struct LegacyReadResult {
  std::vector<AnnouncedEntry> entries;
  int unmapped = 0;  // kept without a (site, id) the crawler would produce; matched by title
  int untitled = 0;  // unmapped and without a title either: kept, but nothing can match them
  std::vector<LegacySkip> skipped;
};

// `origin` names the file in messages. Entries without a time get announced_at = now.
LegacyReadResult read_sent_notifications(const std::string& text, const std::string& origin, std::time_t now);
LegacyReadResult read_notification_history(const std::string& text, const std::string& origin, std::time_t now);

struct LegacyImportReport {
  std::string dir;
  std::vector<std::string> files_read;  // "sent_notifications.json (12건)"
  int found = 0;                        // entries recognised in all files (duplicates merged)
  int imported = 0;                     // new rows in `announced`
  int already_known = 0;                // were in `announced` already (an earlier import)
  int unmapped = 0;
  int untitled = 0;
  std::vector<LegacySkip> skipped;
};

// Reads whichever of the two files exist in `dir` (at least one must) and stores them.
LegacyImportReport import_legacy_dir(Store& store, const std::string& dir, std::time_t now);

// The Korean summary the command prints.
std::string format_legacy_report(const LegacyImportReport& report);

}  // namespace ta
