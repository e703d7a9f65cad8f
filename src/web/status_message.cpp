#include "web/status_message.h"

namespace ta {

std::string status_message(int status) {
  switch (status) {
    case 400: return "잘못된 요청입니다";
    case 401: return "인증이 필요합니다";
    case 403: return "허용되지 않은 요청입니다";
    case 404: return "찾을 수 없습니다";
    case 405: return "허용되지 않은 메서드입니다 (읽기 전용)";
    case 413: return "요청이 너무 큽니다";
    case 414: return "요청 주소가 너무 깁니다";
    case 431: return "요청 헤더가 너무 큽니다";
    case 500: return "서버 오류 — 자세한 내용은 로그를 보세요";
    case 503: return "잠시 사용할 수 없습니다";
    default: return status >= 500 ? "서버 오류" : "요청을 처리할 수 없습니다";
  }
}

}  // namespace ta
