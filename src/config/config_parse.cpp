// config.json -> Config: the schema (which key goes where, its type and range), with the lenient
// conversions old Python configs need and ConfigError messages that say where and what to do.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/aliases.h"
#include "util/proxy_url.h"
#include "log/log.h"

namespace ta {
namespace {

using nlohmann::json;

struct UnknownKey {
  std::string prefix;  // "" or "browser."
  std::string key;
  std::vector<std::string> siblings;  // the known keys of the same object
};

struct Context {
  std::string origin;
  std::vector<std::string>* warnings;
  std::vector<std::string> known_paths;  // every key the schema reads, for cross-section suggestions
  std::vector<UnknownKey> unknown;

  void warn(const std::string& message) const {
    if (warnings) warnings->push_back(message);
  }
};

std::string lowercase(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string trim(const std::string& s) {
  const char* space = " \t\r\n\f\v";
  const size_t first = s.find_first_not_of(space);
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string leaf_of(const std::string& path) {
  const size_t dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

// How a wrong value is shown in a message: its JSON type and (short) value.
std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 40) + "...";
      return "문자열(string) \"" + s + "\"";
    }
    case json::value_t::boolean: return std::string("불리언(boolean) ") + (v.get<bool>() ? "true" : "false");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "정수(integer) " + v.dump();
    case json::value_t::number_float: return "실수(number) " + v.dump();
    case json::value_t::array: return "배열(array)";
    case json::value_t::object: return "객체(object)";
    default: return "null";
  }
}

[[noreturn]] void type_error(const Context& ctx, const std::string& path, const std::string& expected, const json& found,
                             const std::string& example) {
  throw ConfigError(ctx.origin + ": 설정 키 \"" + path + "\"의 형식이 잘못되었습니다 — " + expected + "이(가) 필요한데 " +
                    describe(found) + "이(가) 있습니다. 값을 " + expected + "(으)로 고치세요 (예: \"" + leaf_of(path) +
                    "\": " + example + ").");
}

[[noreturn]] void value_error(const Context& ctx, const std::string& path, const std::string& value,
                              const std::string& allowed, const std::string& advice = "") {
  throw ConfigError(ctx.origin + ": 설정 키 \"" + path + "\"의 값 " + value + "은(는) 쓸 수 없습니다 — 허용 값: " +
                    allowed + ". " + (advice.empty() ? "허용 값 중 하나로 고치세요." : advice));
}

void warn_quoted_number(const Context& ctx, const std::string& path, const std::string& text, const std::string& read_as) {
  ctx.warn("설정 키 \"" + path + "\"의 값이 문자열 \"" + text + "\"입니다 (" + ctx.origin + ") — 숫자 " + read_as +
           "(으)로 읽습니다. 따옴표를 빼 주세요.");
}

int read_int(const Context& ctx, const std::string& path, const json& v, int fallback, long long min,
             long long max = INT_MAX) {
  const std::string expected = "정수(integer)";
  long long value = 0;
  if (v.is_number_unsigned()) {
    const auto u = v.get<unsigned long long>();
    value = u > static_cast<unsigned long long>(LLONG_MAX) ? LLONG_MAX : static_cast<long long>(u);
  } else if (v.is_number_integer()) {
    value = v.get<long long>();
  } else if (v.is_number_float()) {
    // Python's json.dump writes 300.0 for a float that was computed; that is still 300.
    const double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e18)
      type_error(ctx, path, expected, v, std::to_string(fallback));
    value = static_cast<long long>(d);
  } else if (v.is_string()) {
    const std::string text = trim(v.get<std::string>());
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end)
      type_error(ctx, path, expected, v, std::to_string(fallback));
    warn_quoted_number(ctx, path, v.get<std::string>(), std::to_string(value));
  } else {
    type_error(ctx, path, expected, v, std::to_string(fallback));
  }
  if (value < min || value > max) {
    const std::string allowed =
        max == INT_MAX ? std::to_string(min) + " 이상의 정수" : std::to_string(min) + " ~ " + std::to_string(max);
    value_error(ctx, path, std::to_string(value), allowed);
  }
  return static_cast<int>(value);
}

double read_double(const Context& ctx, const std::string& path, const json& v, double fallback, double min) {
  const std::string expected = "숫자(number)";
  std::ostringstream example;
  example << fallback;
  double value = 0;
  if (v.is_number()) {
    value = v.get<double>();
  } else if (v.is_string()) {
    const std::string text = trim(v.get<std::string>());
    char* end = nullptr;
    value = text.empty() ? 0 : std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
      type_error(ctx, path, expected, v, example.str());
    std::ostringstream shown;
    shown << value;
    warn_quoted_number(ctx, path, v.get<std::string>(), shown.str());
  } else {
    type_error(ctx, path, expected, v, example.str());
  }
  if (value < min) {
    std::ostringstream shown, allowed;
    shown << value;
    allowed << min << " 이상의 숫자";
    value_error(ctx, path, shown.str(), allowed.str());
  }
  return value;
}

bool read_bool(const Context& ctx, const std::string& path, const json& v, bool fallback) {
  if (v.is_boolean()) return v.get<bool>();
  const std::string expected = "불리언(true/false)";
  const std::string example = fallback ? "true" : "false";
  // Old configs written by hand sometimes say "true" or 1; the meaning is unambiguous.
  if (v.is_string()) {
    const std::string text = lowercase(trim(v.get<std::string>()));
    if (text != "true" && text != "false") type_error(ctx, path, expected, v, example);
    ctx.warn("설정 키 \"" + path + "\"의 값이 문자열 \"" + v.get<std::string>() + "\"입니다 (" + ctx.origin + ") — " +
             text + "(으)로 읽습니다. 따옴표를 빼 주세요.");
    return text == "true";
  }
  if (v.is_number_integer() || v.is_number_unsigned()) {
    const auto n = v.get<long long>();
    if (n != 0 && n != 1) type_error(ctx, path, expected, v, example);
    ctx.warn("설정 키 \"" + path + "\"의 값이 숫자 " + v.dump() + "입니다 (" + ctx.origin + ") — " +
             (n ? "true" : "false") + "(으)로 읽습니다. true 또는 false로 적어 주세요.");
    return n == 1;
  }
  type_error(ctx, path, expected, v, example);
}

std::string read_string(const Context& ctx, const std::string& path, const json& v) {
  if (!v.is_string()) type_error(ctx, path, "문자열(string)", v, "\"...\"");
  return v.get<std::string>();
}

// Keyword lists are trimmed and never hold an empty entry: "" would match every notice.
std::vector<std::string> read_list(const Context& ctx, const std::string& path, const json& v, bool keywords) {
  const std::string expected = "문자열 목록(array of strings)";
  std::vector<std::string> items;
  auto add = [&](const std::string& item_path, const std::string& raw) {
    std::string item = keywords ? trim(raw) : raw;
    if (keywords && item.empty()) {
      ctx.warn("설정 키 \"" + item_path + "\"가 빈 문자열이라 무시합니다 (" + ctx.origin +
               ") — 빈 키워드는 모든 공지와 일치하므로 지워 주세요.");
      return;
    }
    items.push_back(item);
  };
  if (v.is_string()) {
    ctx.warn("설정 키 \"" + path + "\"는 목록이어야 합니다 (" + ctx.origin + ") — 문자열 " + v.dump() + "을(를) [" +
             v.dump() + "](으)로 읽습니다. 대괄호로 감싸 주세요.");
    add(path, v.get<std::string>());
    return items;
  }
  if (!v.is_array()) type_error(ctx, path, expected, v, "[\"뮤지컬\", \"콘서트\"]");
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!v[i].is_string()) type_error(ctx, item_path, "문자열(string)", v[i], "\"...\"");
    add(item_path, v[i].get<std::string>());
  }
  return items;
}

// One JSON object of the schema: hands out its values and remembers which keys it knows.
class Section {
 public:
  Section(const json& object, std::string prefix, Context& ctx) : object_(object), prefix_(std::move(prefix)), ctx_(ctx) {}

  std::string path(const std::string& key) const { return prefix_ + key; }

  // nullptr when the key is absent or null (Python's None): the default stays.
  const json* get(const std::string& key) {
    known_.push_back(key);
    ctx_.known_paths.push_back(path(key));
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  void integer(const std::string& key, int& out, long long min, long long max = INT_MAX) {
    if (const json* v = get(key)) out = read_int(ctx_, path(key), *v, out, min, max);
  }
  void number(const std::string& key, double& out, double min) {
    if (const json* v = get(key)) out = read_double(ctx_, path(key), *v, out, min);
  }
  void boolean(const std::string& key, bool& out) {
    if (const json* v = get(key)) out = read_bool(ctx_, path(key), *v, out);
  }
  void text(const std::string& key, std::string& out) {
    if (const json* v = get(key)) out = read_string(ctx_, path(key), *v);
  }
  void required_text(const std::string& key, std::string& out) {
    text(key, out);
    if (trim(out).empty()) value_error(ctx_, path(key), "\"\"", "비어 있지 않은 문자열", "폴더 이름을 적으세요.");
  }
  void list(const std::string& key, std::vector<std::string>& out, bool keywords = false) {
    if (const json* v = get(key)) out = read_list(ctx_, path(key), *v, keywords);
  }
  // A list of keyword lists ([["아이유", "IU"], …]).
  void groups(const std::string& key, std::vector<std::vector<std::string>>& out) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_array()) type_error(ctx_, path(key), "목록의 목록(array of arrays)", *v, "[[\"아이유\", \"IU\"]]");
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i)
      out.push_back(read_list(ctx_, path(key) + "[" + std::to_string(i) + "]", (*v)[i], true));
  }
  // A list of whole numbers in [min, max], each once, largest first.
  void int_list(const std::string& key, std::vector<int>& out, long long min, long long max) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_array()) type_error(ctx_, path(key), "숫자 목록(array)", *v, "[60, 10]");
    std::vector<int> read;
    for (std::size_t i = 0; i < v->size(); ++i)
      read.push_back(read_int(ctx_, path(key) + "[" + std::to_string(i) + "]", (*v)[i], 0, min, max));
    std::sort(read.begin(), read.end(), std::greater<int>());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    out = read;
  }

  // A nested object; absent or null reads as {} so its defaults stay.
  Section section(const std::string& key) {
    static const json empty = json::object();
    const json* v = get(key);
    if (!v) return Section(empty, path(key) + ".", ctx_);
    if (!v->is_object()) type_error(ctx_, path(key), "객체(object)", *v, "{ ... }");
    return Section(*v, path(key) + ".", ctx_);
  }

  // Call after every get(): the keys nobody asked for are unknown.
  void finish() {
    for (const auto& item : object_.items())
      if (std::find(known_.begin(), known_.end(), item.key()) == known_.end())
        ctx_.unknown.push_back({prefix_, item.key(), known_});
  }

 private:
  const json& object_;
  std::string prefix_;
  Context& ctx_;
  std::vector<std::string> known_;
};

std::string site_name(const Context& ctx, const std::string& path, const std::string& raw) {
  const std::string name = lowercase(trim(raw));
  const auto& sites = known_sites();
  if (std::find(sites.begin(), sites.end(), name) != sites.end()) return name;
  const std::string guess = nearest_word(name, sites);
  value_error(ctx, path, "\"" + raw + "\"", join(sites),
              guess.empty() ? "지원하는 사이트 이름만 적으세요." : "\"" + guess + "\"을(를) 의미했나요?");
}

// Old configs list sources as names (any case) or as {"interpark": true, "melon": false}.
std::vector<std::string> read_sources(const Context& ctx, const std::string& path, const json& v) {
  std::vector<std::string> sites;
  auto add = [&](const std::string& site) {
    if (std::find(sites.begin(), sites.end(), site) == sites.end()) sites.push_back(site);
  };
  if (v.is_object()) {
    // JSON objects are unordered: keep the usual site order.
    std::vector<std::string> enabled;
    for (const auto& item : v.items()) {
      const std::string item_path = path + "." + item.key();
      const std::string site = site_name(ctx, item_path, item.key());
      if (!item.value().is_null() && read_bool(ctx, item_path, item.value(), true)) enabled.push_back(site);
    }
    for (const auto& site : known_sites())
      if (std::find(enabled.begin(), enabled.end(), site) != enabled.end()) add(site);
  } else if (v.is_array() || v.is_string()) {
    const auto names = read_list(ctx, path, v, true);
    for (size_t i = 0; i < names.size(); ++i)
      add(site_name(ctx, v.is_array() ? path + "[" + std::to_string(i) + "]" : path, names[i]));
  } else {
    type_error(ctx, path, "사이트 이름 목록(array of strings)", v, "[\"interpark\", \"yes24\"]");
  }
  if (sites.empty())
    ctx.warn("설정 키 \"" + path + "\"에 사이트가 없습니다 (" + ctx.origin + ") — 아무 사이트도 확인하지 않습니다. 허용 값: " +
             join(known_sites()) + ".");
  return sites;
}

// Python requests' proxies dict, or one URL for both schemes.
void read_proxy(Section& root, ProxyConfig& proxy) {
  const json* v = root.get("proxy");
  if (v && v->is_string()) {
    proxy.http = proxy.https = v->get<std::string>();
    return;
  }
  Section section = root.section("proxy");
  section.text("http", proxy.http);
  section.text("https", proxy.https);
  section.finish();
}

std::string checked_webhook(const Context& ctx, const std::string& label, const std::string& raw) {
  const std::string url = trim(raw);
  if (url.empty()) return url;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
    value_error(ctx, label, "\"" + mask_webhook(url) + "\"", "https://discord.com/api/webhooks/ID/TOKEN 형식의 주소",
                "Discord 채널 설정 > 연동 > 웹후크에서 \"웹후크 URL 복사\"로 얻은 주소를 넣거나, 아직 없으면 \"\"로 두세요.");
  if (url.find("/webhooks/") == std::string::npos)
    ctx.warn("\"" + label + "\"의 주소 " + mask_webhook(url) + "은(는) Discord 웹훅 주소(https://discord.com/api/webhooks/ID/TOKEN) 형식이 아닙니다 (" +
             ctx.origin + ") — 알림이 실패하면 주소를 다시 복사해 넣으세요.");
  return url;
}

// Logs must never show the webhook token, whoever logs the URL.
void register_webhook_secret(const std::string& url) {
  if (url.empty()) return;
  const size_t marker = url.find("/webhooks/");
  const size_t id_end = marker == std::string::npos ? std::string::npos : url.find('/', marker + 10);
  if (id_end == std::string::npos) {
    add_secret(url);
    return;
  }
  add_secret(url.substr(id_end + 1, url.find_first_of("?#", id_end + 1) - (id_end + 1)));
}

const std::vector<std::string>& cdp_resource_types() {
  static const std::vector<std::string> types = {
      "Document", "Stylesheet", "Image",     "Media",    "Font",           "Script",
      "TextTrack", "XHR",       "Fetch",     "Prefetch", "EventSource",    "WebSocket",
      "Manifest", "SignedExchange", "Ping", "CSPViolationReport", "Preflight", "Other"};
  return types;
}

void check_block(const Context& ctx, const std::string& path, std::vector<std::string>& block) {
  for (size_t i = 0; i < block.size(); ++i) {
    const auto& types = cdp_resource_types();
    const auto match = std::find_if(types.begin(), types.end(),
                                    [&](const std::string& t) { return lowercase(t) == lowercase(trim(block[i])); });
    if (match == types.end()) {
      const std::string guess = nearest_word(block[i], types);
      value_error(ctx, path + "[" + std::to_string(i) + "]", "\"" + block[i] + "\"", join(types),
                  guess.empty() ? "허용 값 중 하나로 고치세요." : "\"" + guess + "\"을(를) 의미했나요?");
    }
    block[i] = *match;
  }
}

void check_log_level(const Context& ctx, const std::string& path, std::string& level) {
  static const std::vector<std::string> levels = {"trace", "debug", "info", "warning", "error", "critical", "off"};
  std::string name = lowercase(trim(level));
  if (name == "warn") name = "warning";
  if (name == "err") name = "error";
  if (std::find(levels.begin(), levels.end(), name) == levels.end())
    value_error(ctx, path, "\"" + level + "\"", join(levels));
  level = name;
}

void check_first_run(const Context& ctx, const std::string& path, std::string& mode) {
  static const std::vector<std::string> modes = {"summary", "announce"};
  const std::string name = lowercase(trim(mode));
  if (std::find(modes.begin(), modes.end(), name) == modes.end())
    value_error(ctx, path, "\"" + mode + "\"", join(modes));
  mode = name;
}

void check_listen(const Context& ctx, const std::string& path, const std::string& listen) {
  const size_t colon = listen.rfind(':');
  int port = 0;
  bool ok = colon != std::string::npos && colon > 0;
  if (ok) {
    const char* begin = listen.data() + colon + 1;
    const char* end = listen.data() + listen.size();
    const auto result = std::from_chars(begin, end, port);
    ok = begin != end && result.ec == std::errc() && result.ptr == end && port >= 1 && port <= 65535;
  }
  if (!ok)
    value_error(ctx, path, "\"" + listen + "\"", "\"호스트:포트\" (포트 1 ~ 65535)",
                "예: \"127.0.0.1:8000\" (다른 컴퓨터에서도 접속하려면 \"0.0.0.0:8000\").");
}

void warn_unknown_keys(const Context& ctx) {
  for (const auto& u : ctx.unknown) {
    std::string guess = nearest_word(u.key, u.siblings);
    if (!guess.empty()) {
      guess = u.prefix + guess;
    } else {
      // A key put in the wrong section, e.g. "pool_size" at the top instead of under "browser".
      std::vector<std::string> leaves;
      for (const auto& p : ctx.known_paths) leaves.push_back(leaf_of(p));
      const std::string leaf = nearest_word(u.key, leaves);
      if (!leaf.empty() && lowercase(leaf) == lowercase(u.key))
        guess = ctx.known_paths[static_cast<size_t>(std::find(leaves.begin(), leaves.end(), leaf) - leaves.begin())];
    }
    const std::string key = u.prefix + u.key;
    if (!guess.empty())
      ctx.warn("알 수 없는 설정 키 \"" + key + "\" (" + ctx.origin + ") — \"" + guess + "\"을(를) 의미했나요?");
    else
      ctx.warn("알 수 없는 설정 키 \"" + key + "\" (" + ctx.origin + ") — ticket-alarm이 쓰지 않는 키라 무시합니다.");
  }
}

// A Discord role id (a snowflake): digits, or the "<@&123>" a user copied from a message.
std::string read_role(const Context& ctx, const std::string& path, const json& v) {
  std::string raw = v.is_number_unsigned() || v.is_number_integer() ? v.dump() : read_string(ctx, path, v);
  std::string id = trim(raw);
  if (id.rfind("<@&", 0) == 0 && id.size() > 4 && id.back() == '>') id = id.substr(3, id.size() - 4);
  const bool digits = !id.empty() && id.size() <= 20 &&
                      std::all_of(id.begin(), id.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!id.empty() && !digits)
    value_error(ctx, path, "\"" + raw + "\"", "Discord 역할 ID (숫자, 예: \"123456789012345678\")",
                "Discord에서 개발자 모드를 켜고 서버 설정 > 역할에서 역할을 우클릭해 \"역할 ID 복사\"로 얻은 숫자를 넣으세요.");
  return id;
}

void read_route_priority(Section& s, RouteConfig& r) {
  const json* v = s.get("priority");
  if (!v) return;
  if (v->is_boolean()) {
    r.priority_all = v->get<bool>();
    return;
  }
  s.list("priority", r.priority, true);
}

RouteConfig read_route(Context& ctx, const std::string& path, const json& v) {
  if (!v.is_object()) type_error(ctx, path, "객체(object)", v, "{\"name\": \"아이유\", \"webhook\": \"https://discord.com/api/webhooks/ID/TOKEN\"}");
  RouteConfig r;
  Section s(v, path + ".", ctx);
  s.text("name", r.name);
  r.name = trim(r.name);
  if (r.name.empty())
    value_error(ctx, s.path("name"), "\"\"", "비어 있지 않은 이름", "대시보드와 로그에 보일 채널 이름을 적으세요 (예: \"아이유\").");
  if (r.name == kDefaultRoute)
    value_error(ctx, s.path("name"), "\"default\"", "\"default\"가 아닌 이름",
                "\"default\"는 DISCORD_WEBHOOK_URL·KEYWORDS가 만드는 기본 경로의 이름입니다. 다른 이름을 쓰세요.");
  s.text("webhook", r.webhook);
  r.webhook = checked_webhook(ctx, s.path("webhook"), r.webhook);
  if (r.webhook.empty())
    value_error(ctx, s.path("webhook"), "\"\"", "Discord 웹훅 주소",
                "이 채널의 웹훅 주소(https://discord.com/api/webhooks/ID/TOKEN)를 넣거나, 아직 없으면 이 경로를 지우세요.");
  s.list("keywords", r.keywords, true);
  s.list("exclude", r.exclude, true);
  read_route_priority(s, r);
  if (const json* sites = s.get("sites"); sites && !(sites->is_array() && sites->empty()))
    r.sites = read_sources(ctx, s.path("sites"), *sites);
  s.list("genres", r.genres, true);
  if (const json* role = s.get("mention_role")) r.mention_role = read_role(ctx, s.path("mention_role"), *role);
  s.finish();
  return r;
}

// Two settings naming one webhook would post every alert twice into one channel.
void check_distinct_webhooks(const Context& ctx, const Config& c) {
  std::vector<std::pair<std::string, std::string>> seen;  // webhook id, where
  if (!c.DISCORD_WEBHOOK_URL.empty()) seen.push_back({webhook_id_of(c.DISCORD_WEBHOOK_URL), "DISCORD_WEBHOOK_URL"});
  for (std::size_t i = 0; i < c.routes.size(); ++i) {
    const std::string id = webhook_id_of(c.routes[i].webhook);
    const std::string where = "routes[" + std::to_string(i) + "].webhook";
    for (const auto& [other_id, other] : seen)
      if (!id.empty() && id == other_id)
        value_error(ctx, where, "\"" + mask_webhook(c.routes[i].webhook) + "\"", "다른 설정과 겹치지 않는 웹훅",
                    "\"" + other + "\"와(과) 같은 웹훅입니다 — 한 채널에 같은 알림이 두 번 갑니다. 키워드를 한 경로에 "
                    "모으거나, 채널마다 따로 만든 웹훅을 쓰세요.");
    seen.push_back({id, where});
  }
}

void read_routes(Section& root, Context& ctx, Config& c) {
  const json* v = root.get("routes");
  if (!v) return;
  if (!v->is_array())
    type_error(ctx, root.path("routes"), "경로 목록(array of objects)", *v,
               "[{\"name\": \"아이유\", \"webhook\": \"https://discord.com/api/webhooks/ID/TOKEN\", \"keywords\": [\"아이유\"]}]");
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string path = root.path("routes") + "[" + std::to_string(i) + "]";
    RouteConfig r = read_route(ctx, path, (*v)[i]);
    for (const auto& other : c.routes)
      if (other.name == r.name)
        value_error(ctx, path + ".name", "\"" + r.name + "\"", "경로마다 다른 이름", "이름이 같은 경로가 이미 있습니다. 하나를 바꾸세요.");
    c.routes.push_back(std::move(r));
  }
  if (!c.routes.empty() && c.DISCORD_WEBHOOK_URL.empty() && !c.KEYWORDS.empty())
    ctx.warn("\"KEYWORDS\"는 DISCORD_WEBHOOK_URL이 있을 때만 쓰입니다 (" + ctx.origin +
             ") — \"routes\"가 있고 DISCORD_WEBHOOK_URL이 비어 있어 기본 경로가 없습니다. 키워드는 각 경로의 \"keywords\"에 넣으세요.");
}

std::string parse_error_detail(const std::string& what) {
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." -> "syntax error ..."
  const size_t at = what.find("parse error");
  const size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

const std::vector<std::string>& known_sites() {
  static const std::vector<std::string> sites = {"interpark", "yes24", "melon", "ticketlink"};
  return sites;
}

Config parse_config(const std::string& text, const std::string& origin, std::vector<std::string>* warnings) {
  json root_json;
  try {
    root_json = json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    throw ConfigError(describe_json_syntax_error(text, origin, e.byte, parse_error_detail(e.what())));
  } catch (const json::exception& e) {
    // A number too large for any type (found by fuzz/config_fuzz.cpp).
    throw ConfigError(origin + ": 읽을 수 없는 값이 있습니다 (" + std::string(e.what()) + ") — 숫자가 너무 크지 않은지 확인하세요.");
  }
  Context ctx{origin, warnings, {}, {}};
  if (!root_json.is_object())
    throw ConfigError(origin + ": 설정 파일의 최상위 값은 객체({ ... })여야 하는데 " + describe(root_json) +
                      "입니다. config/config.example.json을 참고해 { \"KEYWORDS\": [...], ... } 형태로 고치세요.");

  Config c;
  Section root(root_json, "", ctx);
  root.text("DISCORD_WEBHOOK_URL", c.DISCORD_WEBHOOK_URL);
  c.DISCORD_WEBHOOK_URL = checked_webhook(ctx, "DISCORD_WEBHOOK_URL", c.DISCORD_WEBHOOK_URL);
  root.list("KEYWORDS", c.KEYWORDS, true);
  root.list("PRIORITY_KEYWORDS", c.PRIORITY_KEYWORDS, true);
  root.list("EXCLUDE_KEYWORDS", c.EXCLUDE_KEYWORDS, true);
  root.integer("interval", c.interval, 10, 86400);
  root.number("notification_delay", c.notification_delay, 0.0);
  root.integer("max_notifications_per_cycle", c.max_notifications_per_cycle, 1, 10000);
  if (const json* v = root.get("sources")) c.sources = read_sources(ctx, root.path("sources"), *v);
  read_proxy(root, c.proxy);

  root.required_text("data_dir", c.data_dir);
  root.text("extract_dir", c.extract_dir);
  root.integer("max_items", c.max_items, 1, 5000);
  root.integer("detail_pages", c.detail_pages, 0, 100);
  root.integer("detail_budget_s", c.detail_budget_s, 1, 300);
  root.integer("full_navigation_every", c.full_navigation_every, 1, 1000);
  root.integer("full_navigation_max_age_s", c.full_navigation_max_age_s, 60, 86400);
  root.integer("jitter_s", c.jitter_s, 0, 3600);
  root.integer("max_backoff_s", c.max_backoff_s, 0, 7 * 86400);
  root.integer("retention_days", c.retention_days, 1, 3650);
  root.boolean("notify_updates", c.notify_updates);
  root.boolean("announce_past", c.announce_past);
  root.int_list("reminders", c.reminders, 1, 7 * 24 * 60);
  root.integer("withdrawn_after", c.withdrawn_after, 0, 100);
  root.integer("canary_after", c.canary_after, 1, 100);
  root.text("OPS_WEBHOOK_URL", c.OPS_WEBHOOK_URL);
  c.OPS_WEBHOOK_URL = checked_webhook(ctx, "OPS_WEBHOOK_URL", c.OPS_WEBHOOK_URL);
  root.text("aliases_file", c.aliases_file);
  root.groups("aliases", c.aliases);
  read_routes(root, ctx, c);
  root.text("first_run", c.first_run);
  check_first_run(ctx, root.path("first_run"), c.first_run);
  root.text("dashboard_url", c.dashboard_url);
  if (!c.dashboard_url.empty() && c.dashboard_url.rfind("http://", 0) != 0 && c.dashboard_url.rfind("https://", 0) != 0)
    value_error(ctx, root.path("dashboard_url"), "\"" + c.dashboard_url + "\"", "http:// 또는 https://로 시작하는 주소");
  root.boolean("priority_mention", c.priority_mention);
  root.integer("memory_log_every", c.memory_log_every, 0);
  if (c.jitter_s * 2 > c.interval)
    ctx.warn("설정 키 \"jitter_s\" (" + std::to_string(c.jitter_s) + "초)가 \"interval\" (" + std::to_string(c.interval) +
             "초)의 절반보다 큽니다 (" + origin + ") — 주기가 " + std::to_string(std::max(0, c.interval - c.jitter_s)) +
             "초까지 짧아질 수 있습니다. jitter_s를 interval의 절반 이하로 줄이세요.");

  Section log = root.section("log");
  log.required_text("dir", c.log.dir);
  log.text("level", c.log.level);
  check_log_level(ctx, log.path("level"), c.log.level);
  log.integer("max_size_mb", c.log.max_size_mb, 1);
  log.integer("files", c.log.files, 1);
  log.finish();

  Section browser = root.section("browser");
  browser.text("path", c.browser.path);
  // Each browser costs ~150 MB and a share of the CPU; more than a handful only thrashes.
  browser.integer("pool_size", c.browser.pool_size, 1, 16);
  browser.integer("pages_per_browser", c.browser.pages_per_browser, 1, 32);
  browser.integer("max_pages_per_browser", c.browser.max_pages_per_browser, 1);
  browser.integer("max_memory_mb", c.browser.max_memory_mb, 64);
  browser.integer("page_timeout_s", c.browser.page_timeout_s, 1, 600);
  browser.text("user_agent", c.browser.user_agent);
  browser.list("block", c.browser.block);
  check_block(ctx, browser.path("block"), c.browser.block);
  browser.list("extra_args", c.browser.extra_args);
  browser.list("connect", c.browser.connect);
  browser.finish();
  std::error_code ec;
  if (!c.browser.path.empty() && !std::filesystem::exists(c.browser.path, ec))
    ctx.warn("설정 키 \"browser.path\"의 파일 \"" + c.browser.path + "\"이(가) 없습니다 (" + origin +
             ") — 경로를 고치거나 \"\"로 두면 PATH에서 chromium을 찾습니다.");

  Section web = root.section("web");
  web.text("listen", c.web.listen);
  check_listen(ctx, web.path("listen"), c.web.listen);
  web.text("admin_token", c.web.admin_token);
  web.list("allowed_hosts", c.web.allowed_hosts);
  web.finish();

  root.finish();
  warn_unknown_keys(ctx);

  // A secret in the environment beats one in a file that may be shared or committed.
  if (const char* env = std::getenv("TICKET_ALARM_WEBHOOK_URL"); env && !trim(env).empty())
  {
    Context env_ctx = ctx;
    env_ctx.origin = "환경 변수 TICKET_ALARM_WEBHOOK_URL";
    c.DISCORD_WEBHOOK_URL = checked_webhook(env_ctx, "DISCORD_WEBHOOK_URL", env);
  }
  check_distinct_webhooks(ctx, c);
  register_webhook_secret(c.DISCORD_WEBHOOK_URL);
  register_webhook_secret(c.OPS_WEBHOOK_URL);
  for (const auto& r : c.routes) register_webhook_secret(r.webhook);
  add_secret(c.web.admin_token);
  for (const auto* proxy : {&c.proxy.http, &c.proxy.https})
    if (const std::string password = split_proxy_url(*proxy).password; !password.empty()) add_secret(password);
  c.alias_groups = load_alias_groups(c);
  return c;
}

Config load_config(const std::string& path, std::vector<std::string>* warnings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw ConfigError(path + ": 설정 파일이 없습니다 — 경로를 확인하세요. --config 없이 실행하면 "
                             "config/config.json을 config/config.example.json에서 만들어 씁니다.");
  if (fs::is_directory(path, ec))
    throw ConfigError(path + ": 폴더입니다 — 설정 파일(config.json) 경로를 주세요.");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw ConfigError(path + ": 설정 파일을 읽을 수 없습니다 — 읽기 권한을 확인하세요.");
  Config c = parse_config(text.str(), path, warnings);
  c.source_path = path;
  return c;
}

}  // namespace ta
