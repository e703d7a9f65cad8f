#include "web/prometheus_text.h"

#include <cmath>
#include <cstdio>

namespace ta::prometheus {

std::string header(const std::string& name, const std::string& type, const std::string& help) {
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

std::string escape_label(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string format_value(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buf[64];
  // Counters and byte counts exceed what %g prints without an exponent.
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", value);
  else
    std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

std::string sample(const std::string& name, const Labels& labels, double value) {
  std::string out = name;
  if (!labels.empty()) {
    out += '{';
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i) out += ',';
      out += labels[i].first + "=\"" + escape_label(labels[i].second) + "\"";
    }
    out += '}';
  }
  return out + " " + format_value(value) + "\n";
}

}  // namespace ta::prometheus
