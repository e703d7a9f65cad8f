#pragma once
// Records what one page fetched as a HAR 1.2 archive with bodies, in the shape HarArchive replays:
// how a fixture is refreshed from the live site.
//
// Only exchanges the page actually received are kept. Requests blocked by PageOptions.block_types
// (images, media, fonts by default) fail inside the browser and are left out on purpose: a replay
// with the same block list never asks for them, and without one the replay refuses them just as
// the blocked recording did. Out-of-process iframes and workers are other targets and not recorded.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdp/connection.h"
#include "cdp/session.h"
#include "util/deadline.h"

namespace ta::cdp {

struct RecordingSummary {
  size_t entries = 0;         // entries in the HAR (each redirect hop is one)
  size_t body_bytes = 0;      // decoded response bytes
  size_t unfinished = 0;      // requests still loading when recording stopped: left out
  size_t missing_bodies = 0;  // bodies the browser could not give back: saved empty
};

class HarRecorder {
 public:
  // Starts recording the session's network traffic. Attach before navigating, or the document
  // itself is missed. The session's Network domain must be enabled (Page::open does).
  explicit HarRecorder(const Session& session);
  ~HarRecorder();
  HarRecorder(const HarRecorder&) = delete;
  HarRecorder& operator=(const HarRecorder&) = delete;

  // Waits until every answered request has finished loading and every body (and post body) asked
  // for has arrived, then stops recording. False when `deadline` came first; what is complete is
  // kept either way.
  bool finish(const Deadline& deadline);

  nlohmann::json to_json() const;
  // Writes the archive (via a temporary file renamed into place, so a failed save never leaves a
  // half-written fixture). Throws CdpError naming the path.
  void save(const std::string& path) const;
  RecordingSummary summary() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
  std::vector<Subscription> subscriptions_;
};

}  // namespace ta::cdp
