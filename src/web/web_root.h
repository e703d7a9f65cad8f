#pragma once
#include <string>

namespace ta {

// The dashboard's static files (web/): installed (<prefix>/share/ticket-alarm/web next to
// <prefix>/bin), beside the binary, one level up from it (build/ in a checkout), else the source
// tree the binary was built from.
std::string web_root();

}  // namespace ta
