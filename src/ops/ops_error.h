#pragma once
// Operations (lock, backup, restore) fail with OpsError; what() is a Korean message for the
// operator that says what went wrong and what to do, so the CLI can print it as is.
#include <stdexcept>

namespace ta {

class OpsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ta
