#pragma once
// The few pieces of the Prometheus text exposition format (version 0.0.4) /metrics needs.
#include <string>
#include <utility>
#include <vector>

namespace ta::prometheus {

using Labels = std::vector<std::pair<std::string, std::string>>;

// "# HELP name help\n# TYPE name type\n"
std::string header(const std::string& name, const std::string& type, const std::string& help);
// name{k="v",...} value\n — label values escaped (\\, \", \n).
std::string sample(const std::string& name, const Labels& labels, double value);
// Integers print without an exponent; +Inf as Prometheus spells it.
std::string format_value(double value);
std::string escape_label(const std::string& value);

}  // namespace ta::prometheus
