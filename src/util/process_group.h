#pragma once
// Process-group bookkeeping for Chromium: which processes belong to a group, how much memory they
// use, and ending the whole group without leaving zombies.
#include <sys/types.h>

#include <string>
#include <vector>

namespace ta {

std::vector<pid_t> processes_in_group(pid_t pgid);
// Resident memory of one process in KiB (0 when it is gone).
long rss_kib(pid_t pid);
// Memory of the whole group (proportional set size, so shared pages count once).
long group_rss_kib(pid_t pgid);
// Field 22 of /proc/PID/stat (start time in clock ticks since boot), "" when the process is gone:
// with the pid it names one process, never a later one that reused the pid.
std::string process_start_time(pid_t pid);
// The parent's pid, -1 when the process is gone.
pid_t parent_pid(pid_t pid);
long self_rss_kib();
long self_peak_rss_kib();
// Processes whose command line contains `text` (e.g. a profile directory), this process excluded.
std::vector<pid_t> processes_mentioning(const std::string& text);
// SIGKILL to every process of the group.
void kill_group(pid_t pgid);
// Reaps every listed process that is or becomes our child (directly or, with the child subreaper
// flag set, adopted), except `skip` (reaped through its own process handle). Call after the
// group's leader has been reaped.
void reap_members(const std::vector<pid_t>& members, pid_t skip);
// Makes orphaned descendants (Chromium's zygote and renderers after the browser dies) our children,
// so that we can reap them instead of leaving zombies when we run as PID 1 in a container.
void become_child_subreaper();

}  // namespace ta
