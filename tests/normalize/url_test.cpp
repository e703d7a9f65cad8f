#include "normalize/url.h"
#include "normalize/normalize_item.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ta {
namespace {

TEST(AbsoluteUrl, ResolvesLikeRfc3986) {
  const std::string list = "https://ticket.yes24.com/New/Notice/NoticeMain.aspx?Gcode=009_215";
  const std::string nested = "http://a/b/c/d;p?q";
  struct Row {
    std::string base;
    std::string href;
    std::string expected;
  };
  const std::vector<Row> rows = {
      {list, "https://ticket.melon.com/csoon/detail.htm?csoonId=11468", "https://ticket.melon.com/csoon/detail.htm?csoonId=11468"},
      {list, "//tkfile.yes24.com/upload2/poster.jpg", "https://tkfile.yes24.com/upload2/poster.jpg"},
      {list, "/New/Notice/NoticeDetail.aspx?id=123", "https://ticket.yes24.com/New/Notice/NoticeDetail.aspx?id=123"},
      {list, "./NoticeDetail.aspx?id=1", "https://ticket.yes24.com/New/Notice/NoticeDetail.aspx?id=1"},
      {list, "NoticeDetail.aspx", "https://ticket.yes24.com/New/Notice/NoticeDetail.aspx"},
      {list, "../Perf/1234", "https://ticket.yes24.com/New/Perf/1234"},
      {list, "#id=5", "https://ticket.yes24.com/New/Notice/NoticeMain.aspx?Gcode=009_215#id=5"},
      {list, "?page=2", "https://ticket.yes24.com/New/Notice/NoticeMain.aspx?page=2"},
      {list, "", ""},
      {list, "  \n ", ""},
      {list, "  /a/b  ", "https://ticket.yes24.com/a/b"},
      {"https://ticket.melon.com/csoon/index.htm", "detail.htm?csoonId=1", "https://ticket.melon.com/csoon/detail.htm?csoonId=1"},
      {"https://www.ticketlink.co.kr", "help/notice/1", "https://www.ticketlink.co.kr/help/notice/1"},
      {"https://tickets.interpark.com/contents/notice#x", "/contents/notice/detail/123", "https://tickets.interpark.com/contents/notice/detail/123"},
      {"", "/a", "/a"},
      {"", "https://x.example/a", "https://x.example/a"},
      // RFC 3986 5.4 examples.
      {nested, "g", "http://a/b/c/g"},
      {nested, "./g", "http://a/b/c/g"},
      {nested, "g/", "http://a/b/c/g/"},
      {nested, "/g", "http://a/g"},
      {nested, "//g", "http://g"},
      {nested, "?y", "http://a/b/c/d;p?y"},
      {nested, "g?y", "http://a/b/c/g?y"},
      {nested, "#s", "http://a/b/c/d;p?q#s"},
      {nested, "g#s", "http://a/b/c/g#s"},
      {nested, ";x", "http://a/b/c/;x"},
      {nested, ".", "http://a/b/c/"},
      {nested, "./", "http://a/b/c/"},
      {nested, "..", "http://a/b/"},
      {nested, "../", "http://a/b/"},
      {nested, "../g", "http://a/b/g"},
      {nested, "../..", "http://a/"},
      {nested, "../../g", "http://a/g"},
      {nested, "../../../g", "http://a/g"},
      {nested, "/./g", "http://a/g"},
      {nested, "/../g", "http://a/g"},
      {nested, "g.", "http://a/b/c/g."},
      {nested, "..g", "http://a/b/c/..g"},
      {nested, "./g/.", "http://a/b/c/g/"},
      {nested, "g/./h", "http://a/b/c/g/h"},
      {nested, "g/../h", "http://a/b/c/h"},
      {nested, "g?y/./x", "http://a/b/c/g?y/./x"},
      {nested, "g:h", "g:h"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE("base: " + r.base + " href: " + r.href);
    EXPECT_EQ(absolute_url(r.base, r.href), r.expected);
  }
}

}  // namespace
}  // namespace ta

namespace ta {
namespace {

TEST(OnSameSite, KeepsOnlyTheSitesOwnHosts) {
  const std::string page = "https://tickets.interpark.com/contents/notice";
  EXPECT_TRUE(on_same_site("https://tickets.interpark.com/contents/notice/detail/1", page));
  EXPECT_TRUE(on_same_site("http://www.interpark.com/x", page));
  EXPECT_TRUE(on_same_site("https://TICKETS.Interpark.com./a", page));
  EXPECT_FALSE(on_same_site("https://evil.example/help/notice/1", page));
  EXPECT_FALSE(on_same_site("https://tickets.interpark.com.evil.example/a", page));
  EXPECT_FALSE(on_same_site("https://interpark.com@evil.example/a", page));
  EXPECT_FALSE(on_same_site("javascript:alert(1)", page));
  EXPECT_FALSE(on_same_site("data:text/html,<b>x</b>", page));
  EXPECT_TRUE(on_same_site("https://m.ticketlink.co.kr/help/notice/1", "https://www.ticketlink.co.kr/help/notice"));
  EXPECT_FALSE(on_same_site("https://other.co.kr/help/notice/1", "https://www.ticketlink.co.kr/help/notice"));
}

TEST(OnSameSite, ANoticeLinkOffTheSiteIsDroppedNotFollowed) {
  const std::string page = "https://www.ticketlink.co.kr/help/notice";
  for (const std::string href : {"https://evil.example/help/notice/5", "//evil.example/help/notice/5", "javascript:alert(1)"}) {
    Ticket t = normalize_item({{"id", "5"}, {"title", "콘서트 티켓오픈 안내"}, {"url", href}, {"image", "https://cdn.example/p.jpg"}},
                              "ticketlink", "티켓링크", page, 0);
    EXPECT_EQ(t.url, "") << href;
    EXPECT_EQ(t.image, "https://cdn.example/p.jpg") << "posters may live on a CDN";
  }
  Ticket ok = normalize_item({{"id", "5"}, {"title", "콘서트"}, {"url", "/help/notice/5"}}, "ticketlink", "티켓링크", page, 0);
  EXPECT_EQ(ok.url, "https://www.ticketlink.co.kr/help/notice/5");
}

}  // namespace
}  // namespace ta
