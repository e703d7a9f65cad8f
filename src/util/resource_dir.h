#pragma once
#include <string>

namespace ta {

// The project's scripts/ folder: installed (<prefix>/share/ticket-alarm/scripts next to
// <prefix>/bin), beside the binary, one level up from it (build/ in a checkout), else the
// source tree the binary was built from.
std::string scripts_root();

}  // namespace ta
