#include "notify/backoff.h"

#include <algorithm>
#include <random>

namespace ta {

std::chrono::milliseconds exponential_backoff(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds max) {
  if (max.count() <= 0 || base.count() <= 0) return std::chrono::milliseconds(0);
  long long ceiling = base.count();
  for (int i = 1; i < attempt && ceiling < max.count(); ++i) ceiling *= 2;
  ceiling = std::min(ceiling, static_cast<long long>(max.count()));
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<long long> pick(0, ceiling);
  return std::chrono::milliseconds(pick(rng));
}

}  // namespace ta
