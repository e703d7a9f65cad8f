/*
 * Ticketlink ticket-open notices: PC https://www.ticketlink.co.kr/help/notice#TICKET_OPEN (table filled
 * by the page's script, numbered pager) and mobile https://m.ticketlink.co.kr/help/notice (15 a page,
 * more on scrolling to the bottom).
 *
 * Layers, most robust first:
 *  1. api  - GET /help/getNoticeList?page=N&noticeCategoryCode=TICKET_OPEN&title= on the page's own host,
 *            page after page ({result:{result:[...], paging}}); open times are epoch ms.
 *  2. dom  - links to /help/notice/{id}: their row gives the title (HTML), the category and the open
 *            time as the page printed it; the pager is clicked (PC) or the page scrolled (mobile) to
 *            get every page.
 *  3. text - "… 안내" lines followed by an open time, when no notice link is left in the page.
 */
async (ctx) => {
  const maxItems = Math.max(1, Math.floor(Number(ctx && ctx.max_items) || 200));
  const warnings = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const squash = (s) => String(s == null ? '' : s).replace(/[\s\u00a0]+/g, ' ').trim();
  const errText = (e) => (e && e.message) || String(e);
  const pad = (n) => String(n).padStart(2, '0');
  const WEEK = ['일', '월', '화', '수', '목', '금', '토'];
  const pageUrl = location.href.split('#')[0];
  const detailUrl = (id) => new URL('/help/notice/' + id, location.href).href;
  const ID_IN_HREF = /\/help\/notice\/(\d+)(?:[/?#]|$)/;
  // "2025.07.03(목) 16:00", also without the weekday; a bare date is a registration date, not an open time.
  const OPEN_AT = /(\d{4})\.(\d{1,2})\.(\d{1,2})\.?\s*(?:\(\s*[^)]{1,3}\s*\))?\s*(\d{1,2}):(\d{2})/;

  // The list prints epoch ms in Asia/Seoul; format the same way whatever the browser's zone is.
  const kstText = (ms) => {
    const d = new Date(ms + 9 * 3600e3);
    return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}(${WEEK[d.getUTCDay()]}) ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  // "<b>[단독판매]</b> …": the site marks sale labels as a bold bracketed prefix of the title.
  const badgesOf = (html) => {
    const out = [];
    const re = /<b(?:\s[^>]*)?>\s*\[([^\]<]+)\]\s*<\/b>/gi;
    for (let m = re.exec(html); m; m = re.exec(html)) out.push(m[1].trim());
    return out;
  };

  async function fetchJson(url, ms) {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), ms);
    try {
      const res = await fetch(url, {
        credentials: 'include', signal: ac.signal,
        headers: { Accept: 'application/json, text/javascript, */*; q=0.01', 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Error(`not JSON (${squash(text).slice(0, 60)})`);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- layer 1: /help/getNoticeList -------------------------------------------------------------
  function lastPageOf(paging) {
    if (!paging || typeof paging !== 'object') return 0;
    for (const k of ['totalPage', 'totalPages', 'totalPageCount', 'lastPage', 'pageCount']) {
      if (Number(paging[k]) > 0) return Number(paging[k]);
    }
    const total = Number(paging.totalCount ?? paging.totalRecordCount ?? paging.total);
    const size = Number(paging.pageSize ?? paging.rowCount ?? paging.size ?? paging.listSize);
    return total >= 0 && size > 0 ? Math.ceil(total / size) : 0;
  }
  async function viaApi() {
    const out = [];
    const seen = new Set();
    let firstLength = 0;
    for (let page = 1; page <= 100 && out.length < maxItems; page++) {
      const url = `/help/getNoticeList?page=${page}&noticeCategoryCode=TICKET_OPEN&title=`;
      let body;
      try {
        body = await fetchJson(url, 8000);
      } catch (e) {
        if (page === 1) throw e;
        warnings.push(`api: page ${page} failed (${errText(e)}); kept the first ${out.length}`);
        break;
      }
      const list = body && body.result && body.result.result;
      if (!Array.isArray(list)) throw new Error('unexpected response shape (no result.result array)');
      if (page === 1) firstLength = list.length;
      for (const r of list) {
        if (!r || r.noticeId == null || seen.has(String(r.noticeId))) continue;
        if (r.noticeCategoryCode && r.noticeCategoryCode !== 'TICKET_OPEN') continue;
        seen.add(String(r.noticeId));
        const item = {
          id: String(r.noticeId),
          title: r.title || '',
          open_text: typeof r.ticketOpenDatetime === 'number' ? kstText(r.ticketOpenDatetime) : '',
          url: detailUrl(r.noticeId),
          badges: badgesOf(r.title || ''),
        };
        if (typeof r.ticketOpenDatetime === 'number') item.open_at = r.ticketOpenDatetime;
        out.push(item);
      }
      const last = lastPageOf(body.result.paging);
      if (!list.length || (last ? page >= last : list.length < firstLength)) break;
    }
    return out.slice(0, maxItems);
  }

  // ---- layer 2: notice links in the rendered page ---------------------------------------------
  function noticeLinks() {
    return Array.from(document.querySelectorAll('a[href*="/help/notice/"]')).filter((a) => {
      if (!ID_IN_HREF.test(a.getAttribute('href') || '')) return false;
      return !a.closest('header, footer, nav, aside, [class*="banner"], [class*="gnb"]');
    });
  }
  function rowOf(a) {
    const row = a.closest('tr, li, [role="row"]');
    if (row) return row;
    // Climb while the block still holds only this one notice link.
    let el = a;
    while (el.parentElement && el.parentElement !== document.body &&
           el.parentElement.querySelectorAll('a[href*="/help/notice/"]').length === 1) el = el.parentElement;
    return el;
  }
  function readRow(a) {
    const row = rowOf(a);
    const id = (a.getAttribute('href') || '').match(ID_IN_HREF)[1];
    const titleEl = a.querySelector('h1, h2, h3, h4, h5, [class*="tit"], [class*="subject"]') || a;
    let labelEl = row.querySelector('strong.label, [class*="label"], [class*="cate"]');
    if (labelEl && titleEl.contains(labelEl)) labelEl = null;
    if (!labelEl && row.tagName === 'TR' && row.cells.length > 2 && !row.cells[0].contains(a)) labelEl = row.cells[0];
    const label = labelEl ? squash(labelEl.textContent) : '';
    // The open time lives outside the title: search the row's text with the title left out.
    let rest = '';
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!titleEl.contains(n)) rest += n.nodeValue + ' ';
    const m = OPEN_AT.exec(squash(rest));
    const html = titleEl.innerHTML;
    return {
      label,
      item: {
        id,
        title: html,
        open_text: m ? squash(m[0]) : '',
        url: a.href,
        badges: badgesOf(html),
      },
    };
  }
  // Other categories (스포츠, 변경/취소, 시스템관련, 기타) show up when the page lists every category.
  const isTicketOpen = (label) => !label || /오픈/.test(label);

  function pagerNext(current) {
    const pager = document.querySelector('#pagination, .paging, [class*="paging"], [class*="pagination"], nav[aria-label*="페이지"]');
    if (!pager) return null;
    const controls = Array.from(pager.querySelectorAll('a, button')).filter((el) => !el.disabled && el.getAttribute('aria-disabled') !== 'true');
    const want = String(current + 1);
    return controls.find((el) => squash(el.textContent) === want || el.getAttribute('data-page') === want) ||
      controls.find((el) => /다음|next/i.test(`${el.textContent} ${el.className} ${el.getAttribute('aria-label') || ''}`) &&
                            !/끝|last|end/i.test(`${el.className} ${el.getAttribute('aria-label') || ''}`)) || null;
  }
  const linkIds = () => noticeLinks().map((a) => a.getAttribute('href').match(ID_IN_HREF)[1]).join(',');

  async function viaDom() {
    const end = Date.now() + 8000;
    while (!noticeLinks().length && Date.now() < end) await sleep(100);
    if (!noticeLinks().length) throw new Error('no links to /help/notice/{id} appeared within 8 s');
    if (new Date().getTimezoneOffset() !== -540) warnings.push('dom: the browser is not in Asia/Seoul; times the page formatted itself may be shifted');

    const items = [];
    const seen = new Set();
    let skipped = 0;
    const collect = () => {
      let added = 0;
      for (const a of noticeLinks()) {
        const { label, item } = readRow(a);
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        if (!isTicketOpen(label)) { skipped++; continue; }
        items.push(item);
        added++;
      }
      return added;
    };
    collect();
    const deadline = Date.now() + 30000;
    if (pagerNext(1)) {
      // PC: click through the numbered pager; each click swaps the table's rows.
      for (let page = 1; page < 200 && items.length < maxItems && Date.now() < deadline; page++) {
        const next = pagerNext(page);
        if (!next) break;
        const before = linkIds();
        next.click();
        const until = Date.now() + 5000;
        while (Date.now() < until && (linkIds() === before || !noticeLinks().length)) await sleep(80);
        if (linkIds() === before) { warnings.push(`dom: page ${page + 1} did not load`); break; }
        await sleep(50);
        if (!collect() && !pagerNext(page + 1)) break;
      }
    } else {
      // Mobile: the next page is fetched when the window is scrolled near the bottom.
      while (items.length < maxItems && Date.now() < deadline) {
        const n = noticeLinks().length;
        window.scrollTo(0, document.documentElement.scrollHeight);
        window.dispatchEvent(new Event('scroll'));
        const until = Date.now() + 2500;
        while (Date.now() < until && noticeLinks().length === n) await sleep(100);
        if (noticeLinks().length === n) break;
        await sleep(50);
        collect();
      }
      window.scrollTo(0, 0);
    }
    if (skipped) warnings.push(`dom: skipped ${skipped} notices of other categories`);
    return items.slice(0, maxItems);
  }

  // ---- layer 3: text ----------------------------------------------------------------------------
  function viaText() {
    const lines = (document.body.innerText || '').split('\n').map(squash).filter(Boolean);
    const out = [];
    for (let i = 0; i < lines.length - 1; i++) {
      if (!/(오픈|예매).*안내|안내$/.test(lines[i]) || OPEN_AT.test(lines[i])) continue;
      const near = lines.slice(i + 1, i + 4).find((l) => OPEN_AT.test(l));
      if (!near) continue;
      out.push({ title: lines[i], open_text: near.match(OPEN_AT)[0], url: pageUrl });
    }
    return out.slice(0, maxItems);
  }

  // ---- run the layers ---------------------------------------------------------------------------
  try {
    const items = await viaApi();
    if (items.length) return { items, strategy: 'api', warnings };
    warnings.push('api: the list endpoint returned no ticket-open notices');
  } catch (e) {
    warnings.push(`api: ${errText(e)}`);
  }
  // A warm re-read (a page rendered cycles ago) trusts only the data layer: its DOM is stale.
  if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings };
  try {
    const items = await viaDom();
    if (items.length) return { items, strategy: 'dom', warnings };
    warnings.push('dom: notice links found, but none of a ticket-open notice');
  } catch (e) {
    warnings.push(`dom: ${errText(e)}`);
  }
  try {
    const items = viaText();
    if (items.length) return { items, strategy: 'text', warnings };
    warnings.push('text: no notice title followed by an open time');
  } catch (e) {
    warnings.push(`text: ${errText(e)}`);
  }
  warnings.push('no ticket-open notices found on ' + pageUrl);
  return { items: [], strategy: 'none', warnings };
}
