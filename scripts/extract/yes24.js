/*
 * YES24 티켓 공지사항 extractor.
 *
 * PC (ticket.yes24.com/New/Notice/NoticeMain.aspx): #BoardList is filled by the page's script from
 * POST /New/Notice/Ajax/axList.aspx, an HTML fragment `div.noti-tbl table tbody tr`
 * (구분 | 제목 | 오픈일시 | 조회수). Layers:
 *   1. api  - POST axList.aspx ourselves, page after page, with the body the page sends.
 *   2. dom  - rows of the rendered list found by their `#id=N` links (or data-*id attributes) and the
 *             table's header labels; further pages through the page's own pager, which only reacts
 *             once window.BotManager exists (until then the site swallows every click).
 *   3. text - date patterns in the text around notice links.
 * Mobile (m.ticket.yes24.com/Notice/List.aspx): `a.lnk_brd` items; "더보기" (a.btn_more) loads 10
 * more per click through the page's own ajax, so the DOM layer clicks it until everything is shown.
 * PC rows also carry `openings` (the row's 오픈일시 and its presale button's presaleTitN/presaleTimeN).
 * The rotating banner above the PC list links the same notices (`NoticeMain.aspx?#id=N&Gcode=…`);
 * it is never read, or notices would be counted twice.
 */
async (ctx) => {
  const warnings = [];
  const max = ctx && ctx.max_items > 0 ? ctx.max_items : 200;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const DATE_RE = /(\d{4}\.\d{1,2}\.\d{1,2}\s*(?:\([^)]*\))?\s*\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\s*\([^)]*\)\s*\d{1,2}:\d{2}|(?:오늘|내일)\s*\d{1,2}:\d{2})/;
  const CATEGORY_RE = /^(티켓오픈|티켓 오픈|변경\/취소|변경|취소|서비스점검|서비스 점검|이벤트|기타|안내|공지)$/;
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const BANNER = '.swiper-container, .swiper-slide, .notice-slide, [class*="swiper"], [class*="carousel" i], [class*="slide" i]';

  const detailUrl = (id) => new URL('/New/Notice/NoticeMain.aspx#id=' + id, location.href).href;

  // The notice id of an element: `#id=N` / `?id=N` in its href, else a data-*id attribute.
  function noticeId(el) {
    const href = el.getAttribute && el.getAttribute('href');
    const m = href && href.match(/[#?&](?:id|bId|bid)=(\d+)/);
    if (m) return m[1];
    for (const a of Array.from(el.attributes || [])) {
      if (/^data-(?:[\w-]*-)?(?:id|bid|notice-?id|board-?id)$/i.test(a.name) && /^\d+$/.test(a.value.trim())) return a.value.trim();
    }
    return null;
  }

  // Column roles from the table's header labels (stable across markup changes), by cell index.
  function headerRoles(table) {
    const roles = {};
    if (!table) return roles;
    const ths = table.querySelectorAll('thead th, thead td, tr:first-child th');
    Array.from(ths).forEach((th, i) => {
      const t = text(th);
      if (/구분|분류|카테고리/.test(t)) roles.category = i;
      else if (/제목|공지/.test(t)) roles.title = i;
      else if (/오픈|일시|일자/.test(t)) roles.open = i;
      else if (/조회/.test(t)) roles.views = i;
    });
    return roles;
  }

  const BADGE_SEL = 'em, [class*="badge" i], [class*="ico" i], [class*="tag" i], [class*="label" i]';

  function rowItem(row, link, roles) {
    const id = noticeId(link);
    const cells = Array.from(row.children).filter((c) => /^(TD|TH|DIV|SPAN|LI|P)$/.test(c.tagName));
    const titleCell = cells.find((c) => c.contains(link)) || link;
    const pick = (role, test) => {
      if (roles[role] != null && cells[roles[role]] && cells[roles[role]] !== titleCell) return cells[roles[role]];
      return cells.find((c) => c !== titleCell && test(c)) || null;
    };
    const catCell = pick('category', (c) => CATEGORY_RE.test(text(c)));
    const openCell = pick('open', (c) => DATE_RE.test(text(c)));

    const badges = [];
    const titleNode = link.cloneNode(true);
    for (const b of Array.from(titleNode.querySelectorAll(BADGE_SEL))) {
      const t = text(b);
      // A badge is a short marker; a long run is the title itself wrapped in a span.
      if (t && t.length <= 12 && !b.querySelector(BADGE_SEL)) { badges.push(t); b.remove(); }
    }
    let openText = '';
    const presales = openCell ? presalesOf(openCell) : [];
    if (openCell) {
      const c = openCell.cloneNode(true);
      for (const b of Array.from(c.querySelectorAll('a, button'))) {
        const t = text(b);
        if (t && !DATE_RE.test(t)) badges.push(t);
        b.remove();
      }
      openText = text(c);
    }
    const item = { id, title: titleNode.textContent.trim(), open_text: openText, url: detailUrl(id), badges };
    const cat = text(catCell);
    if (cat) item.open_type = cat;
    // Every opening the row shows: its 오픈일시 (labelled with the row's 구분) and the presales of its
    // presale button (docs/ticket-format.md, "Detail scripts and openings"). No other field changes.
    const openings = [];
    const shown = openText.match(DATE_RE);
    if (openText) openings.push({ label: cat || '티켓오픈', open_text: shown ? shown[1] : openText });
    openings.push(...presales);
    if (openings.length) item.openings = openings;
    return item;
  }

  // presaleTit1 / presaleTime1 (lower-cased by the parser) or data-presale-title1 / -time1, in order.
  function presalesOf(root) {
    const out = [];
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const tit = {};
      const time = {};
      for (const a of Array.from(el.attributes || [])) {
        let m = /^(?:data-)?presale-?tit(?:le)?-?(\d+)$/i.exec(a.name);
        if (m) tit[m[1]] = a.value;
        m = /^(?:data-)?presale-?time-?(\d+)$/i.exec(a.name);
        if (m) time[m[1]] = a.value;
      }
      for (const k of Object.keys(time).sort((x, y) => x - y)) {
        const t = time[k].replace(/\s+/g, ' ').trim();
        if (!t) continue;
        const o = { label: (tit[k] || '선예매').replace(/\s+/g, ' ').trim(), open_text: t };
        const r = /(\d+)\s*차/.exec(o.label);
        if (r) o.round = parseInt(r[1], 10);
        out.push(o);
      }
    }
    return out;
  }

  // Notice rows under root: one per row element holding a notice link, banner excluded.
  function parseRows(root) {
    const out = [];
    const seenRows = new Set();
    const links = Array.from(root.querySelectorAll('a, [data-notice-id], [data-id], [data-bid]'))
      .filter((el) => noticeId(el) && !el.closest(BANNER));
    for (const link of links) {
      const row = link.closest('tr, li, [role="row"]');
      if (!row || seenRows.has(row)) continue;
      seenRows.add(row);
      const title = text(link);
      if (!title) continue;
      out.push(rowItem(row, link, headerRoles(row.closest('table'))));
    }
    return out;
  }

  function addAll(items, seen, list) {
    let added = 0;
    for (const it of list) {
      if (items.length >= max) break;
      if (!it.id || seen.has(it.id)) continue;
      seen.add(it.id);
      items.push(it);
      added++;
    }
    return added;
  }

  // ---------- mobile ----------
  if (/^m\./.test(location.hostname) || document.querySelector('a.lnk_brd')) {
    // The mobile list has no data layer of its own: a warm re-read would only see the stale DOM.
    if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings: ['mobile: no data layer to re-read'] };
    try {
      const deadline = Date.now() + 8000;
      while (!document.querySelector('a.lnk_brd') && Date.now() < deadline) await sleep(200);
      const count = () => document.querySelectorAll('a.lnk_brd').length;
      const visible = (el) => el && el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden';
      for (let round = 0; round < 40 && count() < max; round++) {
        const more = Array.from(document.querySelectorAll('a.btn_more, a[class*="more" i], button[class*="more" i], a, button'))
          .find((el) => visible(el) && /더보기/.test(text(el)));
        if (!more) break;
        const before = count();
        let grown = false;
        for (let attempt = 0; attempt < 3 && !grown; attempt++) {
          more.click();
          const until = Date.now() + 3000;
          while (Date.now() < until && count() === before) await sleep(100);
          grown = count() > before;
        }
        if (!grown) { warnings.push('더보기 did not load more notices; stopped at ' + before); break; }
      }
      const items = [];
      const seen = new Set();
      const list = Array.from(document.querySelectorAll('a.lnk_brd')).map((a) => {
        const id = noticeId(a);
        const nameEl = a.querySelector('.brd_name');
        const badges = [];
        let title = '';
        if (nameEl) {
          const c = nameEl.cloneNode(true);
          for (const b of Array.from(c.querySelectorAll('em, [class*="ico" i], [class*="badge" i]'))) {
            const t = text(b);
            if (t) badges.push(t);
            b.remove();
          }
          title = c.textContent.trim();
        }
        return { id, title, open_text: text(a.querySelector('.brd_dday .txt')), url: a.href, badges };
      }).filter((it) => it.title);
      addAll(items, seen, list);
      if (items.length) return { items, strategy: 'dom', warnings };
      warnings.push('mobile: no a.lnk_brd notice with a .brd_name title found');
    } catch (e) {
      warnings.push('mobile dom layer failed: ' + (e && e.message || e));
    }
    return { items: [], strategy: 'dom', warnings };
  }

  // ---------- layer 1: axList.aspx ----------
  try {
    const items = [];
    const seen = new Set();
    const size = 20;
    for (let page = 1; page <= 50 && items.length < max; page++) {
      const body = 'page=' + page + '&size=' + size + '&genre=&province=&order=1&searchType=All&searchText=';
      const res = await fetch('/New/Notice/Ajax/axList.aspx', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' },
        body,
      });
      if (!res.ok) throw new Error('axList.aspx page ' + page + ' answered HTTP ' + res.status);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const rows = parseRows(doc.querySelector('.noti-tbl') || doc.body);
      if (!rows.length) {
        if (page === 1) throw new Error('axList.aspx page 1 held no notice rows');
        break;
      }
      if (addAll(items, seen, rows) === 0) break;
      if (rows.length < size) break;
    }
    if (items.length) return { items, strategy: 'api', warnings };
  } catch (e) {
    warnings.push('api layer (axList.aspx) failed: ' + (e && e.message || e));
  }
  // A warm re-read (a page rendered cycles ago) trusts only the data layer: its DOM is stale.
  if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings };

  // ---------- layer 2: the rendered list, paged through the page's pager ----------
  const listRoot = () => document.getElementById('BoardList') || document.querySelector('[data-role*="notice" i], [class*="NoticeBoard" i], .content-min-wrap') || document.body;
  const currentRows = () => parseRows(listRoot());
  try {
    let deadline = Date.now() + 8000;
    while (!currentRows().length && Date.now() < deadline) await sleep(200);
    const items = [];
    const seen = new Set();
    let rows = currentRows();
    if (!rows.length) throw new Error('no notice rows (links with #id=N) in the list');
    addAll(items, seen, rows);

    const pagerLinks = () => {
      const root = listRoot();
      return Array.from((root.parentElement || root).querySelectorAll('.paging a, nav a, [class*="pag" i] a, [class*="pag" i] button, [data-page]'))
        .filter((a) => /^\d+$/.test(text(a)) && !a.closest(BANNER));
    };
    const currentPage = () => {
      const cur = pagerLinks().find((a) => a.matches('.on, .active, .current, [aria-current], [class*="current" i], [class*="active" i]'));
      return cur ? parseInt(text(cur), 10) : null;
    };
    let botWaited = false;
    for (let guard = 0; guard < 50 && items.length < max; guard++) {
      const cur = currentPage();
      if (cur == null) break;
      let next = pagerLinks().find((a) => parseInt(text(a), 10) === cur + 1);
      if (!next) {
        // The next block of page numbers sits behind a 다음 link.
        const root = listRoot();
        next = Array.from((root.parentElement || root).querySelectorAll('a, button')).find((a) => /^(다음|next|>)$/i.test(text(a)) || /next/i.test(a.className));
        if (!next) break;
      }
      if (!botWaited) {
        botWaited = true;
        deadline = Date.now() + 8000;
        while (!window.BotManager && Date.now() < deadline) await sleep(100);
        if (!window.BotManager) warnings.push('window.BotManager never appeared; pager clicks may be swallowed');
      }
      const firstBefore = rows[0] && rows[0].id;
      let moved = false;
      // The site lifts its click blocker on a 1 s timer after BotManager appears: retry a swallowed click.
      for (let attempt = 0; attempt < 4 && !moved; attempt++) {
        next.click();
        const until = Date.now() + 1500;
        while (Date.now() < until) {
          const now = currentRows();
          if (now.length && now[0].id !== firstBefore) { moved = true; break; }
          await sleep(100);
        }
        if (!moved) {
          const again = pagerLinks().find((a) => parseInt(text(a), 10) === cur + 1);
          if (again) next = again;
        }
      }
      if (!moved) { warnings.push('pager click to page ' + (cur + 1) + ' did not change the list'); break; }
      rows = currentRows();
      if (addAll(items, seen, rows) === 0) break;
    }
    return { items, strategy: 'dom', warnings };
  } catch (e) {
    warnings.push('dom layer failed: ' + (e && e.message || e));
  }

  // ---------- layer 3: date patterns around notice links ----------
  try {
    const items = [];
    const seen = new Set();
    for (const a of Array.from(listRoot().querySelectorAll('a[href*="id="]'))) {
      if (a.closest(BANNER)) continue;
      const id = noticeId(a);
      const title = text(a);
      if (!id || !title) continue;
      let box = a.parentElement;
      for (let i = 0; i < 3 && box && !DATE_RE.test(text(box)); i++) box = box.parentElement;
      const m = box && text(box).match(DATE_RE);
      addAll(items, seen, [{ id, title, open_text: m ? m[1] : '', url: detailUrl(id) }]);
    }
    if (items.length) return { items, strategy: 'text', warnings };
    warnings.push('text layer: no notice links with #id=N outside the banner');
  } catch (e) {
    warnings.push('text layer failed: ' + (e && e.message || e));
  }
  return { items: [], strategy: 'none', warnings };
}
