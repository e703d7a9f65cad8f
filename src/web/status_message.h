#pragma once
// The short Korean text of an HTTP error body. Details (exception texts, paths) go to the log,
// never to the client.
#include <string>

namespace ta {

std::string status_message(int status);

}  // namespace ta
