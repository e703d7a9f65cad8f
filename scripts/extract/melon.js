/*
 * 멜론티켓 티켓오픈소식 extractor (https://ticket.melon.com/csoon/index.htm#orderType=0&pageIndex=1&…).
 *
 * The page's script reads its hash and fills the list from
 * GET /csoon/ajax/listTicketOpen.htm?orderType=&pageIndex=&schGcode=&schText=&schDt=, an HTML fragment
 * `ul.list_ticket_cont > li` (a.poster img, .link_consert a.tit[href=./detail.htm?csoonId=N],
 * .ticket_data span.date, .register_info, .point span); pageIndex is a row offset 1, 11, 21… with 10
 * rows a page. Layers:
 *   1. api  - GET that endpoint ourselves, offset after offset, until a short or empty page.
 *   2. dom  - list items found by their csoonId (link href or data-* attribute) and class-name
 *             prefixes; further pages through the page's own pager.
 *   3. text - date patterns in the text around detail links.
 * HOT block (ul.list_hot_issue): its notices also appear in the list, so they are not items of their
 * own: each adds the badge HOT to the list item with the same csoonId. A HOT notice the list did not
 * deliver (paging stopped early) is appended after the list items.
 * Melon answers 423/429 when hit too often: list requests are paced, and such an answer stops the
 * paging; what was collected so far is returned with a warning naming the status.
 */
async (ctx) => {
  const warnings = [];
  const max = ctx && ctx.max_items > 0 ? ctx.max_items : 200;
  const ROWS = 10;
  const PACE_MS = 300;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const DATE_RE = /\d{4}\.\d{1,2}\.\d{1,2}\s*(?:\([^)]*\))?\s*\d{1,2}:\d{2}/;
  const SCHEDULE_RE = /오픈\s*일정\s*보기/;
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const HOT_SEL = 'ul.list_hot_issue, .box_hot_issue, [class*="hot_issue" i], [class*="hotissue" i]';
  const detailUrl = (id) => new URL('/csoon/detail.htm?csoonId=' + id, location.href).href;
  const abs = (u) => { try { return u ? new URL(u, location.href).href : ''; } catch (e) { return ''; } };

  // csoonId of an element or its descendants: href ...csoonId=N, else a data-*csoon*id attribute.
  function csoonId(el) {
    const nodes = [el, ...Array.from(el.querySelectorAll('*'))];
    for (const n of nodes) {
      const href = n.getAttribute && n.getAttribute('href');
      const m = href && href.match(/csoonId=(\d+)/i);
      if (m) return m[1];
    }
    for (const n of nodes) {
      for (const a of Array.from(n.attributes || [])) {
        if (/^data-.*(csoon|notice).*id$|^data-id$/i.test(a.name) && /^\d+$/.test(a.value.trim())) return a.value.trim();
      }
    }
    return null;
  }

  // Innermost element whose text is an open time (or 오픈일정 보기), i.e. not its label or wrapper.
  function openText(root) {
    const direct = root.querySelector('.ticket_data .date, span.date');
    if (direct && text(direct)) return text(direct);
    const cands = Array.from(root.querySelectorAll('*')).filter((e) => DATE_RE.test(text(e)) || SCHEDULE_RE.test(text(e)));
    const leaf = cands.find((e) => !cands.some((o) => o !== e && e.contains(o)));
    if (!leaf) return '';
    const m = text(leaf).match(DATE_RE);
    return m ? m[0] : text(leaf).match(SCHEDULE_RE)[0];
  }

  function titleOf(li) {
    const t = li.querySelector('.link_consert a.tit, a.tit, [class*="title" i] a, a[class*="title" i], [class*="tit" i]:not(img)');
    const el = t || Array.from(li.querySelectorAll('a')).sort((a, b) => text(b).length - text(a).length)[0];
    if (!el) return '';
    const c = el.cloneNode(true);
    for (const b of Array.from(c.querySelectorAll('[class*="badge" i], [class*="ico_" i]'))) b.remove();
    return c.textContent.trim();
  }

  function imageOf(li) {
    const img = li.querySelector('a.poster img, [class*="poster" i] img, img[class*="poster" i], img');
    if (!img) return '';
    // An onerror fallback may already have swapped the poster for the site's placeholder.
    const src = [img.getAttribute('data-src'), img.getAttribute('data-original'), img.getAttribute('data-lazy'), img.getAttribute('src')]
      .find((u) => u && !/noimage|no_image|noimg|blank\.gif|spacer\.gif/i.test(u));
    return abs(src);
  }

  function badgesOf(li) {
    const els = Array.from(li.querySelectorAll('.point span, [class*="badge" i]'));
    // Leaves only: a wrapper such as *_badges holds every badge's text at once.
    return els.filter((e) => !els.some((o) => o !== e && e.contains(o))).map(text).filter(Boolean);
  }

  function listItem(li) {
    const id = csoonId(li);
    if (!id) return null;
    const title = titleOf(li);
    if (!title) return null;
    return { id, title, open_text: openText(li), url: detailUrl(id), image: imageOf(li), badges: badgesOf(li) };
  }

  function parseList(root) {
    let lis = Array.from(root.querySelectorAll('ul.list_ticket_cont > li'));
    if (!lis.length) {
      // Generic: the row element of every detail link / csoonId carrier outside the HOT block.
      const carriers = Array.from(root.querySelectorAll('a[href*="csoonId="], [data-csoon-id], [data-csoonid], [data-id]'))
        .filter((e) => !e.closest(HOT_SEL));
      const rows = [];
      for (const c of carriers) {
        const row = c.closest('li, [role="listitem"], article') || c;
        if (!rows.includes(row)) rows.push(row);
      }
      lis = rows;
    }
    return lis.filter((li) => !li.closest(HOT_SEL)).map(listItem).filter(Boolean);
  }

  function hotItems() {
    const out = [];
    const blocks = Array.from(document.querySelectorAll(HOT_SEL)).filter((b) => !b.parentElement.closest(HOT_SEL));
    for (const block of blocks) {
      let cards = Array.from(block.querySelectorAll('div.cont'));
      if (!cards.length) cards = Array.from(block.querySelectorAll('li'));
      for (const card of cards) {
        const id = csoonId(card) || (card.closest('li') && csoonId(card.closest('li')));
        const title = titleOf(card);
        if (!id || !title) continue;
        const li = card.closest('li') || card;
        out.push({ id, title, open_text: openText(card), url: detailUrl(id), image: imageOf(li), badges: ['HOT'] });
      }
    }
    return out;
  }

  function finish(items, strategy) {
    try {
      const byId = new Map(items.map((it) => [it.id, it]));
      for (const hot of hotItems()) {
        const it = byId.get(hot.id);
        if (it) {
          if (!it.badges.includes('HOT')) it.badges.push('HOT');
        } else if (items.length < max) {
          items.push(hot);
          byId.set(hot.id, hot);
        }
      }
    } catch (e) {
      warnings.push('HOT block not read: ' + (e && e.message || e));
    }
    return { items, strategy, warnings };
  }

  function addAll(items, seen, list) {
    let added = 0;
    for (const it of list) {
      if (items.length >= max) break;
      if (seen.has(it.id)) continue;
      seen.add(it.id);
      items.push(it);
      added++;
    }
    return added;
  }

  // The list parameters the page itself uses, from its hash.
  const hp = new URLSearchParams(location.hash.replace(/^#/, ''));
  const param = (k, d) => (hp.get(k) != null ? hp.get(k) : d);
  const orderType = param('orderType', '0');
  const schGcode = param('schGcode', 'GENRE_ALL');
  const schText = param('schText', '');
  const schDt = param('schDt', '');

  // ---------- layer 1: listTicketOpen.htm ----------
  try {
    const items = [];
    const seen = new Set();
    let throttled = false;
    for (let page = 0; page < 30 && items.length < max; page++) {
      if (page > 0) await sleep(PACE_MS);
      const pageIndex = page * ROWS + 1;
      const url = '/csoon/ajax/listTicketOpen.htm?orderType=' + encodeURIComponent(orderType) + '&pageIndex=' + pageIndex +
        '&schGcode=' + encodeURIComponent(schGcode) + '&schText=' + encodeURIComponent(schText) + '&schDt=' + encodeURIComponent(schDt);
      const res = await fetch(url, { credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
      if (res.status === 423 || res.status === 429) {
        warnings.push('listTicketOpen.htm answered HTTP ' + res.status + ' (' + (res.status === 423 ? 'Locked' : 'Too Many Requests') +
          ') at pageIndex=' + pageIndex + '; stopped paging with ' + items.length + ' notices');
        throttled = true;
        break;
      }
      if (!res.ok) throw new Error('listTicketOpen.htm pageIndex=' + pageIndex + ' answered HTTP ' + res.status);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const rows = parseList(doc.body);
      if (!rows.length) {
        if (page === 0) throw new Error('listTicketOpen.htm held no ul.list_ticket_cont items');
        break;
      }
      if (addAll(items, seen, rows) === 0) break;
      if (rows.length < ROWS) break;
    }
    // Rate limited: more requests (another layer) would only prolong the lock.
    if (items.length || throttled) return finish(items, 'api');
  } catch (e) {
    warnings.push('api layer (listTicketOpen.htm) failed: ' + (e && e.message || e));
  }
  // A warm re-read (a page rendered cycles ago) trusts only the data layer: its DOM is stale.
  if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings };

  // ---------- layer 2: rendered list, paged through the page's own pager ----------
  const listRoot = () => document.getElementById('ticketOpenList') || document.querySelector('[data-list], [class*="ticket_list" i], [class*="TicketOpenList" i], #cont_wrap') || document.body;
  try {
    const deadline = Date.now() + 8000;
    while (!parseList(listRoot()).length && Date.now() < deadline) await sleep(200);
    let rows = parseList(listRoot());
    if (!rows.length) throw new Error('no list items with a csoonId');
    const items = [];
    const seen = new Set();
    addAll(items, seen, rows);
    const pagerEls = () => Array.from(listRoot().querySelectorAll('.paginate a, .paginate strong, [class*="pag" i] a, [class*="pag" i] button, [class*="pag" i] strong, [data-offset]'))
      .filter((e) => /^\d+$/.test(text(e)) && !e.closest(HOT_SEL));
    for (let guard = 0; guard < 30 && items.length < max; guard++) {
      const els = pagerEls();
      const cur = els.find((e) => e.matches('strong, .on, .current, [aria-current], [class*="on__" i], [class*="current" i], [class*="active" i]'));
      if (!cur) break;
      const want = parseInt(text(cur), 10) + 1;
      const next = els.find((e) => parseInt(text(e), 10) === want && e !== cur);
      if (!next) break;
      await sleep(PACE_MS);
      const firstBefore = rows[0].id;
      next.click();
      const until = Date.now() + 5000;
      let moved = false;
      while (Date.now() < until) {
        const now = parseList(listRoot());
        if (now.length && now[0].id !== firstBefore) { moved = true; break; }
        await sleep(100);
      }
      if (!moved) { warnings.push('pager to page ' + want + ' did not change the list (rate limited or failed request?)'); break; }
      rows = parseList(listRoot());
      if (addAll(items, seen, rows) === 0) break;
    }
    return finish(items, 'dom');
  } catch (e) {
    warnings.push('dom layer failed: ' + (e && e.message || e));
  }

  // ---------- layer 3: date patterns around detail links ----------
  try {
    const items = [];
    const seen = new Set();
    for (const a of Array.from(document.querySelectorAll('a[href*="csoonId="]'))) {
      if (a.closest(HOT_SEL)) continue;
      const id = csoonId(a);
      const title = text(a);
      if (!id || !title || seen.has(id)) continue;
      let box = a.parentElement;
      for (let i = 0; i < 4 && box && !(DATE_RE.test(text(box)) || SCHEDULE_RE.test(text(box))); i++) box = box.parentElement;
      const t = box ? text(box) : '';
      const m = t.match(DATE_RE) || t.match(SCHEDULE_RE);
      addAll(items, seen, [{ id, title, open_text: m ? m[0] : '', url: detailUrl(id) }]);
    }
    if (items.length) return { items, strategy: 'text', warnings };
    warnings.push('text layer: no detail.htm?csoonId= links outside the HOT block');
  } catch (e) {
    warnings.push('text layer failed: ' + (e && e.message || e));
  }
  return { items: [], strategy: 'none', warnings };
}
