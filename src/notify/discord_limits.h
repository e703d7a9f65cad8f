#pragma once
// Discord's documented message limits, counted in Unicode code points after trimming.
#include <cstddef>

namespace ta::discord {

constexpr std::size_t kMaxContent = 2000;
constexpr std::size_t kMaxUsername = 80;
constexpr std::size_t kMaxEmbedsPerMessage = 10;
constexpr std::size_t kMaxEmbedTitle = 256;
constexpr std::size_t kMaxEmbedDescription = 4096;
constexpr std::size_t kMaxEmbedFields = 25;
constexpr std::size_t kMaxFieldName = 256;
constexpr std::size_t kMaxFieldValue = 1024;
constexpr std::size_t kMaxFooterText = 2048;
constexpr std::size_t kMaxAuthorName = 256;
constexpr std::size_t kMaxEmbedTotal = 6000;  // summed over every embed of one message
constexpr std::size_t kMaxUrl = 2048;
constexpr int kMaxColor = 0xFFFFFF;

}  // namespace ta::discord
