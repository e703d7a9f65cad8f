// Discord's body validation for "Execute Webhook", written independently of src/notify so the
// notifier's own limit handling is checked against a second implementation.
#include <regex>
#include <set>

#include "support/fake_discord.h"

namespace ta::test {
namespace {

using nlohmann::json;

// Code points after trimming, as Discord counts; malformed UTF-8 cannot reach here (the JSON
// parser rejects it).
std::size_t length(const std::string& s) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    cps.push_back(cp);
    i += n;
  }
  auto space = [](char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x3000 || c == 0xFEFF ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x85 ||
           c == 0x1680;
  };
  std::size_t b = 0, e = cps.size();
  while (b < e && space(cps[b])) ++b;
  while (e > b && space(cps[e - 1])) --e;
  return e - b;
}

class Errors {
 public:
  void add(const std::vector<std::string>& path, const std::string& code, const std::string& message) {
    json* node = &tree_;
    for (const auto& key : path) node = &(*node)[key];
    (*node)["_errors"].push_back({{"code", code}, {"message", message}});
  }
  bool empty() const { return tree_.is_null(); }
  const json& tree() const { return tree_; }

 private:
  json tree_;
};

void check_string(const json& obj, const char* key, std::size_t max, const std::vector<std::string>& path, Errors& errors,
                  std::size_t* total = nullptr, bool required = false) {
  auto p = path;
  p.push_back(key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) errors.add(p, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (!it->is_string()) {
    errors.add(p, "BASE_TYPE_STRING", "Could not interpret \"" + it->dump() + "\" as string.");
    return;
  }
  std::size_t n = length(it->get<std::string>());
  if (required && n == 0) errors.add(p, "BASE_TYPE_REQUIRED", "This field is required");
  if (n > max) errors.add(p, "BASE_TYPE_MAX_LENGTH", "Must be " + std::to_string(max) + " or fewer in length.");
  if (total) *total += n;
}

void check_url(const json& obj, const char* key, const std::vector<std::string>& path, Errors& errors, bool required = false) {
  auto p = path;
  p.push_back(key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) errors.add(p, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (!it->is_string()) {
    errors.add(p, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
    return;
  }
  std::string url = it->get<std::string>();
  if (url.size() > 2048) {
    errors.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 2048 or fewer in length.");
    return;
  }
  static const std::regex well_formed(R"(^([A-Za-z][A-Za-z0-9+.-]*)://[^\s/?#]+[^\s]*$)");
  std::smatch m;
  if (!std::regex_match(url, m, well_formed)) {
    errors.add(p, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
    return;
  }
  std::string scheme = m[1].str();
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https" && scheme != "attachment")
    errors.add(p, "URL_TYPE_INVALID_SCHEME",
               "Scheme \"" + scheme + "\" is not supported. Scheme must be one of ('http', 'https').");
}

void check_embed(const json& embed, const std::vector<std::string>& path, Errors& errors, std::size_t& total) {
  if (!embed.is_object()) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  check_string(embed, "title", 256, path, errors, &total);
  check_string(embed, "description", 4096, path, errors, &total);
  check_url(embed, "url", path, errors);
  if (auto c = embed.find("color"); c != embed.end() && !c->is_null()) {
    auto p = path;
    p.push_back("color");
    if (!c->is_number_integer())
      errors.add(p, "NUMBER_TYPE_COERCE", "Value \"" + c->dump() + "\" is not int.");
    else if (c->get<long long>() < 0)
      errors.add(p, "NUMBER_TYPE_MIN", "int value should be greater than or equal to 0.");
    else if (c->get<long long>() > 16777215)
      errors.add(p, "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
  }
  if (auto t = embed.find("timestamp"); t != embed.end() && !t->is_null()) {
    static const std::regex iso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$)");
    if (!t->is_string() || !std::regex_match(t->get<std::string>(), iso)) {
      auto p = path;
      p.push_back("timestamp");
      errors.add(p, "DATE_TYPE_PARSE", "Could not parse " + t->dump() + ". Should be ISO8601.");
    }
  }
  if (auto f = embed.find("fields"); f != embed.end() && !f->is_null()) {
    auto p = path;
    p.push_back("fields");
    if (!f->is_array()) {
      errors.add(p, "BASE_TYPE_ARRAY", "Must be an array.");
    } else {
      if (f->size() > 25) errors.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
      for (std::size_t i = 0; i < f->size(); ++i) {
        auto fp = p;
        fp.push_back(std::to_string(i));
        const json& field = (*f)[i];
        if (!field.is_object()) {
          errors.add(fp, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
          continue;
        }
        check_string(field, "name", 256, fp, errors, &total, true);
        check_string(field, "value", 1024, fp, errors, &total, true);
        if (auto in = field.find("inline"); in != field.end() && !in->is_null() && !in->is_boolean()) {
          auto ip = fp;
          ip.push_back("inline");
          errors.add(ip, "BASE_TYPE_BOOLEAN", "Must be either true or false.");
        }
      }
    }
  }
  for (const char* media : {"thumbnail", "image"}) {
    if (auto m = embed.find(media); m != embed.end() && !m->is_null()) {
      auto p = path;
      p.push_back(media);
      if (!m->is_object()) errors.add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
      else check_url(*m, "url", p, errors, true);
    }
  }
  if (auto footer = embed.find("footer"); footer != embed.end() && !footer->is_null()) {
    auto p = path;
    p.push_back("footer");
    if (!footer->is_object()) {
      errors.add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    } else {
      check_string(*footer, "text", 2048, p, errors, &total, true);
      check_url(*footer, "icon_url", p, errors);
    }
  }
  if (auto author = embed.find("author"); author != embed.end() && !author->is_null()) {
    auto p = path;
    p.push_back("author");
    if (!author->is_object()) {
      errors.add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    } else {
      check_string(*author, "name", 256, p, errors, &total, true);
      check_url(*author, "url", p, errors);
      check_url(*author, "icon_url", p, errors);
    }
  }
}

void check_allowed_mentions(const json& am, Errors& errors) {
  std::vector<std::string> p = {"allowed_mentions"};
  if (!am.is_object()) {
    errors.add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  std::set<std::string> parse;
  if (auto it = am.find("parse"); it != am.end() && !it->is_null()) {
    if (!it->is_array()) {
      errors.add({"allowed_mentions", "parse"}, "BASE_TYPE_ARRAY", "Must be an array.");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        if (!v.is_string() || (v != "users" && v != "roles" && v != "everyone"))
          errors.add({"allowed_mentions", "parse", std::to_string(i)}, "ENUM_TYPE_COERCE",
                     "Value \"" + (v.is_string() ? v.get<std::string>() : v.dump()) + "\" is not a valid enum value.");
        else
          parse.insert(v.get<std::string>());
      }
    }
  }
  for (const char* kind : {"users", "roles"}) {
    auto it = am.find(kind);
    if (it == am.end() || it->is_null()) continue;
    if (!it->is_array()) {
      errors.add({"allowed_mentions", kind}, "BASE_TYPE_ARRAY", "Must be an array.");
      continue;
    }
    if (it->size() > 100) errors.add({"allowed_mentions", kind}, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
    if (parse.count(kind) && !it->empty())
      errors.add(p, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                 std::string("parse:[\"") + kind + "\"] and " + kind + ": [ids...] are mutually exclusive.");
  }
  if (auto it = am.find("replied_user"); it != am.end() && !it->is_null() && !it->is_boolean())
    errors.add({"allowed_mentions", "replied_user"}, "BASE_TYPE_BOOLEAN", "Must be either true or false.");
}

json form_error(const Errors& errors) {
  return {{"code", 50035}, {"message", "Invalid Form Body"}, {"errors", errors.tree()}};
}

}  // namespace

std::optional<json> FakeDiscord::validate(const std::string& body) {
  json payload = json::parse(body, nullptr, false);
  if (payload.is_discarded() || !payload.is_object())
    return json{{"code", 50109}, {"message", "The request body contains invalid JSON."}};

  Errors errors;
  std::size_t content_length = 0;
  check_string(payload, "content", 2000, {}, errors, &content_length);
  if (auto u = payload.find("username"); u != payload.end() && !u->is_null()) {
    if (!u->is_string()) {
      errors.add({"username"}, "BASE_TYPE_STRING", "Could not interpret \"" + u->dump() + "\" as string.");
    } else {
      std::size_t n = length(u->get<std::string>());
      if (n < 1 || n > 80) errors.add({"username"}, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 80 in length.");
    }
  }
  check_url(payload, "avatar_url", {}, errors);
  if (auto f = payload.find("flags"); f != payload.end() && !f->is_null()) {
    if (!f->is_number_integer() || (f->get<long long>() & ~((1LL << 2) | (1LL << 12))) != 0)
      errors.add({"flags"}, "MESSAGE_FLAGS_INVALID", "Invalid flags.");
  }
  check_string(payload, "thread_name", 100, {}, errors);

  std::size_t embed_count = 0;
  if (auto e = payload.find("embeds"); e != payload.end() && !e->is_null()) {
    if (!e->is_array()) {
      errors.add({"embeds"}, "BASE_TYPE_ARRAY", "Must be an array.");
    } else {
      embed_count = e->size();
      if (e->size() > 10) errors.add({"embeds"}, "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
      std::size_t total = 0;
      for (std::size_t i = 0; i < e->size(); ++i) check_embed((*e)[i], {"embeds", std::to_string(i)}, errors, total);
      if (total > 6000) errors.add({"embeds"}, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
    }
  }
  if (auto am = payload.find("allowed_mentions"); am != payload.end() && !am->is_null()) check_allowed_mentions(*am, errors);

  if (!errors.empty()) return form_error(errors);
  if (content_length == 0 && embed_count == 0) return json{{"code", 50006}, {"message", "Cannot send an empty message"}};
  return std::nullopt;
}

std::vector<std::string> FakeDiscord::pings_of(const json& payload) {
  std::vector<std::string> pings;
  std::string content = payload.value("content", std::string());
  // Discord's default without allowed_mentions: parse everything.
  std::set<std::string> parse = {"users", "roles", "everyone"};
  std::set<std::string> users, roles;
  if (auto am = payload.find("allowed_mentions"); am != payload.end() && am->is_object()) {
    parse.clear();
    for (const auto& v : am->value("parse", json::array())) parse.insert(v.get<std::string>());
    for (const auto& v : am->value("users", json::array())) users.insert(v.get<std::string>());
    for (const auto& v : am->value("roles", json::array())) roles.insert(v.get<std::string>());
  }
  if (parse.count("everyone")) {
    if (content.find("@everyone") != std::string::npos) pings.push_back("everyone");
    if (content.find("@here") != std::string::npos) pings.push_back("here");
  }
  static const std::regex mention(R"(<@(!|&)?(\d+)>)");
  for (auto it = std::sregex_iterator(content.begin(), content.end(), mention); it != std::sregex_iterator(); ++it) {
    bool role = (*it)[1].str() == "&";
    std::string id = (*it)[2].str();
    if (role && (parse.count("roles") || roles.count(id))) pings.push_back("role:" + id);
    if (!role && (parse.count("users") || users.count(id))) pings.push_back("user:" + id);
  }
  return pings;
}

}  // namespace ta::test
