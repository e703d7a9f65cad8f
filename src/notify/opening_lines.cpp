#include "notify/opening_lines.h"

#include "model/opening_changes.h"
#include "normalize/kst_time.h"
#include "normalize/open_type.h"
#include "notify/discord_escape.h"
#include "notify/korean_time.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

// Discord's embed text shows the name bold (and escaped); the dashboard shows it as it is.
enum class Style { markdown, plain };

std::string name_of(const Opening& o, Style style = Style::markdown) {
  const std::string label = notify_text::trim(o.label);
  if (style == Style::plain) return label.empty() ? open_type_korean(o.kind) : label;
  return "**" + (label.empty() ? open_type_korean(o.kind) : escape_markdown(label)) + "**";
}

std::string when(const Opening& o, bool with_discord_time) {
  const auto epoch = o.at ? parse_iso(*o.at) : std::nullopt;
  if (!epoch) return "미정";
  std::string text = format_korean_kst(*epoch);
  if (with_discord_time) {
    const std::string unix_time = std::to_string(static_cast<long long>(*epoch));
    text += " · <t:" + unix_time + ":F> (<t:" + unix_time + ":R>)";
  }
  return text;
}

}  // namespace

std::string openings_text(const Ticket& t) {
  std::string out;
  for (const auto& o : t.openings) out += (out.empty() ? "" : "\n") + name_of(o) + " " + when(o, true);
  return out;
}

namespace {

std::vector<std::string> change_lines(const Ticket& before, const Ticket& after, Style style) {
  std::vector<std::string> lines;
  for (const auto& c : opening_changes(before.openings, after.openings)) {
    switch (c.kind) {
      case OpeningChange::Kind::moved:
        lines.push_back(name_of(c.after, style) + " " + when(c.before, false) + " → " + when(c.after, false));
        break;
      case OpeningChange::Kind::added:
        lines.push_back("추가: " + name_of(c.after, style) + " " + when(c.after, false));
        break;
      case OpeningChange::Kind::removed:
        lines.push_back("제외: " + name_of(c.before, style) + " " + when(c.before, false));
        break;
    }
  }
  return lines;
}

}  // namespace

std::string opening_change_text(const Ticket& before, const Ticket& after) {
  std::string out;
  for (const auto& line : change_lines(before, after, Style::markdown)) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::vector<std::string> opening_change_lines_plain(const Ticket& before, const Ticket& after) {
  return change_lines(before, after, Style::plain);
}

}  // namespace ta
