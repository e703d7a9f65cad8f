// Throughput of the notifier against the fake Discord at Discord's webhook rate (5 requests per
// 2 s): how close the total time comes to the theoretical minimum, and how many 429s it provoked
// (each one counts toward Cloudflare's invalid-request ban, so the target is zero).
//
//   notify_bench [notices=1000] [embeds_per_message=10] [limit=5] [window_ms=2000]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "notify/notifier.h"
#include "notify/ticket_samples.h"
#include "support/fake_discord.h"

int main(int argc, char** argv) {
  auto arg = [&](int i, long fallback) { return argc > i ? std::atol(argv[i]) : fallback; };
  const long notices = arg(1, 1000);
  const long per_message = std::max(1L, std::min(10L, arg(2, 10)));
  const long limit = arg(3, 5);
  const long window_ms = arg(4, 2000);

  ta::test::FakeDiscord discord;
  discord.set_rate_limit(static_cast<int>(limit), std::chrono::milliseconds(window_ms));
  ta::WebhookClient client(*ta::parse_webhook_url(discord.webhook_url()));
  ta::NotifierOptions options;
  options.message_delay = std::chrono::milliseconds(0);
  ta::Notifier notifier(client, options);

  // Notices go out in batches of `per_message` (one Notifier::send per batch), as due rows would.
  std::vector<std::vector<ta::Notice>> batches;
  for (long i = 0; i < notices; ++i) {
    if (i % per_message == 0) batches.emplace_back();
    ta::Ticket t = ta::test::realistic_ticket(i % 2 ? "yes24" : "melon");
    t.title += " #" + std::to_string(i);
    batches.back().push_back(ta::test::notice_of(t, false, ta::NoticeKind::new_ticket, i));
  }

  auto start = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  for (const auto& batch : batches) sent += notifier.send(batch).sent;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::size_t too_many = 0;
  for (const auto& r : discord.requests()) too_many += r.status == 429;
  const std::size_t messages = discord.messages().size();
  double minimum = (std::ceil(static_cast<double>(messages) / static_cast<double>(limit)) - 1) * window_ms / 1000.0;
  std::printf("notices %ld, sent %zu, messages %zu, requests %zu, 429s %zu\n", notices, sent, messages,
              discord.requests().size(), too_many);
  std::printf("total %.2f s, theoretical minimum %.2f s (%ld per %.1f s), overhead %.1f%%\n", elapsed, minimum, limit,
              window_ms / 1000.0, minimum > 0 ? (elapsed / minimum - 1) * 100 : 0.0);
  return sent == static_cast<std::size_t>(notices) ? 0 : 1;
}
