// What one route hears: its sites, its genres (a notice without one is judged by its title),
// then its keywords and excludes with the alias groups; priority: true makes every alert priority.
#include <gtest/gtest.h>

#include "monitor/route_filter.h"

namespace ta {
namespace {

Ticket notice(const std::string& site, const std::string& title, const std::string& genre = "") {
  Ticket t;
  t.site = site;
  t.title = title;
  t.genre = genre;
  return t;
}

TEST(RouteFilter, SitesGenresKeywordsAndExcludes) {
  RouteConfig r;
  r.name = "뮤지컬";
  r.sites = {"interpark", "yes24"};
  r.genres = {"뮤지컬"};
  r.keywords = {"IU", "레베카"};
  r.exclude = {"취소"};
  const RouteFilter f(r, {{"아이유", "IU", "이지은"}});
  EXPECT_TRUE(f.wanted(notice("interpark", "뮤지컬 레베카", "뮤지컬")));
  EXPECT_TRUE(f.wanted(notice("yes24", "뮤지컬 〈레베카〉 10주년")));  // no genre: the title has it
  EXPECT_TRUE(f.wanted(notice("yes24", "아이유 뮤지컬 갈라", "뮤지컬")));  // an alias of IU
  EXPECT_FALSE(f.wanted(notice("melon", "뮤지컬 레베카", "뮤지컬")));
  EXPECT_FALSE(f.wanted(notice("interpark", "레베카 콘서트", "콘서트")));
  EXPECT_FALSE(f.wanted(notice("interpark", "뮤지컬 레베카 공연 취소", "뮤지컬")));
  EXPECT_EQ(f.refusal(notice("melon", "뮤지컬 레베카", "뮤지컬")), "사이트가 sites에 없음");
  EXPECT_EQ(f.refusal(notice("interpark", "레베카 콘서트", "콘서트")), "장르가 genres와 다름");
  EXPECT_EQ(f.refusal(notice("interpark", "뮤지컬 레베카 공연 취소", "뮤지컬")), "제외 키워드 \"취소\"");
  EXPECT_EQ(f.refusal(notice("interpark", "뮤지컬 엘리자벳", "뮤지컬")), "키워드 중 일치하는 것이 없음");
  EXPECT_FALSE(f.refusal(notice("interpark", "뮤지컬 레베카", "뮤지컬")));
  EXPECT_FALSE(f.priority(notice("interpark", "뮤지컬 레베카", "뮤지컬")));
}

TEST(RouteFilter, PriorityTrueMakesEveryWantedAlertPriority) {
  RouteConfig r;
  r.name = "아이유";
  r.keywords = {"아이유"};
  r.priority_all = true;
  const RouteFilter f(r, {});
  EXPECT_TRUE(f.priority(notice("melon", "아이유 콘서트")));
  EXPECT_FALSE(f.priority(notice("melon", "연극 햄릿"))) << "only what the route hears";
}

TEST(RouteFilter, PriorityKeywordsAlsoLetANoticeIn) {
  RouteConfig r;
  r.name = "a";
  r.keywords = {"콘서트"};
  r.priority = {"단독"};
  const RouteFilter f(r, {});
  EXPECT_TRUE(f.wanted(notice("melon", "[단독] 팬미팅")));
  EXPECT_TRUE(f.priority(notice("melon", "[단독] 팬미팅")));
}

}  // namespace
}  // namespace ta
