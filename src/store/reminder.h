#pragma once
// A reminder before one opening of a notice, as the store keeps it (table `reminders`).
#include <cstdint>
#include <ctime>
#include <string>

namespace ta {

// scheduled — waiting for due_at; sent; skipped (its time passed while nothing could send it,
// by more than kReminderGraceSeconds); cancelled (the opening moved or went away); failed
// (Discord refused it).
enum class ReminderState { Scheduled, Sent, Skipped, Cancelled, Failed };
const char* to_string(ReminderState state);
ReminderState reminder_state_from_string(const std::string& text);

// How late a reminder may still go out: after a restart, never a burst of stale reminders.
constexpr std::time_t kReminderGraceSeconds = 5 * 60;

struct Reminder {
  std::int64_t id = 0;
  std::string site;
  std::string notice_id;
  std::string opening_kind;
  std::string opening_label;
  std::time_t opening_at = 0;
  int offset_min = 0;
  std::time_t due_at = 0;
  std::string webhook;
  std::string route = "default";
  bool priority = false;
  ReminderState status = ReminderState::Scheduled;
  // From the notice, for the message.
  std::string title;
  std::string url;
  std::string site_name;
};

}  // namespace ta
