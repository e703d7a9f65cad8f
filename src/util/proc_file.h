#pragma once
// Reading /proc without exceptions: a process can exit between listing /proc and reading its
// files, and then read() fails with ESRCH — which libstdc++'s filebuf turns into an exception
// even for streams that were never asked to throw.
#include <string>

namespace ta {

// The whole file, or "" when it cannot be read (the process is gone, no permission).
std::string read_proc_file(const std::string& path) noexcept;

}  // namespace ta
