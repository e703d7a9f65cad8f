#pragma once
// One thread, alive for the whole process, that forks the browsers.
//
// PR_SET_PDEATHSIG (how a Chromium dies with a SIGKILLed controller) fires when the *thread*
// that forked the child exits, not the process: a browser forked from a crawl worker would be
// killed when that worker ends. Forking from this thread ties the browser to the process.
#include <functional>

namespace ta {

// Runs `task` on the launcher thread and waits for it; rethrows what it throws.
void run_on_launcher_thread(const std::function<void()>& task);

}  // namespace ta
