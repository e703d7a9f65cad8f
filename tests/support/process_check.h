#pragma once
// What a test checks after a browser is gone: no process of its group left, no zombie child of
// ours, no leftover Chromium profile directory.
#include <sys/types.h>

#include <string>
#include <vector>

namespace ta::test {

// Children of this process in state Z.
std::vector<pid_t> zombie_children();
// /tmp/ticket-alarm-chromium-* directories.
std::vector<std::string> chromium_profile_dirs();
bool process_exists(pid_t pid);
// Exists and is not a zombie.
bool process_alive(pid_t pid);
// The command name (comm) of a process, for messages.
std::string command_of(pid_t pid);

}  // namespace ta::test
