#include "doctor/report.h"

#include <string>

namespace ta::doctor {

namespace {

const char* mark(Status s) {
  switch (s) {
    case Status::pass: return "✓";
    case Status::warn: return "!";
    case Status::fail: return "✗";
  }
  return "?";
}

// Every line after the first gets `rest_prefix`, so multi-line messages (a config error's caret
// under its column) keep their own alignment.
void print_indented(std::ostream& out, const std::string& text, const std::string& first_prefix,
                    const std::string& rest_prefix) {
  std::string prefix = first_prefix;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    out << prefix << text.substr(start, end == std::string::npos ? std::string::npos : end - start) << "\n";
    if (end == std::string::npos) break;
    start = end + 1;
    prefix = rest_prefix;
  }
}

}  // namespace

void print_result(std::ostream& out, const CheckResult& result) {
  const std::string detail = result.detail;
  const std::size_t nl = detail.find('\n');
  out << mark(result.status) << " " << result.title << ": " << detail.substr(0, nl) << "\n";
  if (nl != std::string::npos) print_indented(out, detail.substr(nl + 1), "    ", "    ");
  if (result.status != Status::pass && !result.fix.empty()) print_indented(out, result.fix, "    → 해결: ", "      ");
  out.flush();
}

void print_summary(std::ostream& out, const std::vector<CheckResult>& results) {
  int passed = 0, warned = 0, failed = 0;
  for (const auto& r : results) {
    if (r.status == Status::pass) ++passed;
    if (r.status == Status::warn) ++warned;
    if (r.status == Status::fail) ++failed;
  }
  out << "\n점검 " << results.size() << "개: 통과 " << passed << ", 경고 " << warned << ", 실패 " << failed << "\n";
  if (failed > 0)
    out << "✗ 표시된 항목의 '해결' 안내를 따른 뒤 `ticket-alarm doctor`를 다시 실행하세요.\n";
  else if (warned > 0)
    out << "실패는 없습니다. ! 표시된 항목도 확인해 보세요.\n";
  else
    out << "모든 점검을 통과했습니다.\n";
}

}  // namespace ta::doctor
