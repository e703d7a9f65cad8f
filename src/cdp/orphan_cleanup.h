#pragma once
// What a controller killed with SIGKILL leaves behind: its profile directories (Chromium itself
// dies with its controller, see BrowserProcess) and, from versions before that, running browsers.

namespace ta::cdp {

// Removes every profile whose owner is dead, after killing any process still using it (whoever
// adopted it: init, a subreaper, a container's PID 1). Profiles without an owner file (older
// versions) are judged the old way: browsers whose parent is init are killed, and unused
// profiles older than 10 minutes removed. Returns how many browser groups were killed.
int cleanup_orphaned_browsers();

// Runs cleanup_orphaned_browsers() the first time it is called in this process.
void cleanup_orphaned_browsers_once();

}  // namespace ta::cdp
