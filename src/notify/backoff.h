#pragma once
#include <chrono>

namespace ta {

// Full-jitter exponential backoff: a uniform random delay in [0, min(max, base * 2^(attempt-1))].
// `attempt` counts from 1. Full jitter spreads retries of many clients after a shared outage.
std::chrono::milliseconds exponential_backoff(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds max);

}  // namespace ta
