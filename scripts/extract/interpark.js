/*
 * Interpark (NOL 티켓) ticket-open notices: https://tickets.interpark.com/contents/notice
 *
 * Layers, most robust first:
 *  1. api       - the list endpoint the page itself calls (bare JSON array, paged by offset), fetched
 *                 from inside the page so the session cookie goes along.
 *  2. dom       - the virtualised list inside the inner scroll panel: scrolled step by step and read
 *                 as rows render (only rows near the viewport exist). Rows carry no notice id; records
 *                 found in __NEXT_DATA__ (big cards and their group members) lend theirs by title + time.
 *  3. next-data - a notice list server-rendered into __NEXT_DATA__, if a build ever ships one.
 *  4. text      - date patterns in the text of link-like blocks.
 */
async (ctx) => {
  const maxItems = Math.max(1, Math.floor(Number(ctx && ctx.max_items) || 200));
  const nowMs = Date.parse(ctx && ctx.now) || Date.now();
  const warnings = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const squash = (s) => String(s == null ? '' : s).replace(/\s+/g, ' ').trim();
  const key = (s) => squash(String(s == null ? '' : s).replace(/[\u200b-\u200d\ufeff]/g, ''));
  const WEEK = ['일', '월', '화', '수', '목', '금', '토'];
  const pad = (n) => String(n).padStart(2, '0');
  const detailUrl = (id) => new URL('/contents/notice/detail/' + id, location.origin).href;
  const pageUrl = location.href.split('#')[0];
  const errText = (e) => (e && e.message) || String(e);

  // Calendar fields of an instant in Asia/Seoul, whatever the browser's own time zone is.
  const kst = (ms) => {
    const d = new Date(ms + 9 * 3600e3);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay() };
  };

  const ODS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;
  const recordIso = (s) => {
    const m = ODS.exec(String(s || ''));
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] || '00'}+09:00` : '';
  };
  // The list's own format ("06.26(목) 14:00"), without 오늘/내일 so the text stays stable day to day.
  const recordText = (s) => {
    const m = ODS.exec(String(s || ''));
    if (!m) return '';
    const wd = WEEK[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
    return `${m[2]}.${m[3]}(${wd}) ${m[4]}:${m[5]}`;
  };
  const isRecord = (r) => r && typeof r === 'object' && r.noticeId != null && typeof r.title === 'string';
  const fromRecord = (r) => {
    const badges = [];
    if (r.isHot) badges.push('HOT');
    if (r.isToping) badges.push('토핑선예매');
    if (r.goodsSeatTypeStr) badges.push(r.goodsSeatTypeStr);
    const item = {
      id: String(r.noticeId),
      title: r.title,
      open_text: recordText(r.openDateStr),
      open_type: r.openTypeStr || '',
      venue: r.venueName || '',
      url: detailUrl(r.noticeId),
      image: r.posterImageUrl || '',
      badges,
      genre: r.goodsGenreStr || '',
    };
    const iso = recordIso(r.openDateStr);
    if (iso) item.open_at = iso;
    return item;
  };

  async function fetchJson(url, ms) {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), ms);
    try {
      const res = await fetch(url, { credentials: 'include', signal: ac.signal, headers: { Accept: 'application/json' } });
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

  // ---- layer 1: the list endpoint -------------------------------------------------------------
  async function viaApi() {
    const size = 50;
    const out = [];
    const seen = new Set();
    for (let offset = 0; out.length < maxItems && offset < 5000; offset += size) {
      const url = `/contents/api/open-notice/notice-list?goodsGenre=ALL&goodsRegion=ALL&offset=${offset}&pageSize=${size}&sorting=OPEN_ASC`;
      let body;
      try {
        body = await fetchJson(url, 8000);
      } catch (e) {
        if (offset === 0) throw e;
        warnings.push(`api: page at offset ${offset} failed (${errText(e)}); kept the first ${out.length}`);
        break;
      }
      if (!Array.isArray(body)) throw new Error('unexpected response shape (no array of notices)');
      for (const r of body) {
        if (!isRecord(r) || seen.has(r.noticeId)) continue;
        seen.add(r.noticeId);
        out.push(fromRecord(r));
      }
      if (body.length < size) break;
    }
    return out.slice(0, maxItems);
  }

  // ---- __NEXT_DATA__ ---------------------------------------------------------------------------
  function readNextData() {
    const el = document.getElementById('__NEXT_DATA__');
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      warnings.push(`next-data: unreadable (${errText(e)})`);
      return null;
    }
  }
  // Every notice record anywhere in the data (big cards, group members, lists), for lending ids.
  function recordPool(nd) {
    const pool = [];
    const seen = new Set();
    const walk = (v, depth) => {
      if (!v || typeof v !== 'object' || depth > 12) return;
      if (Array.isArray(v)) { v.forEach((x) => walk(x, depth + 1)); return; }
      if (isRecord(v) && !seen.has(v.noticeId)) { seen.add(v.noticeId); pool.push(v); }
      for (const k of Object.keys(v)) if (k !== '_nextI18Next') walk(v[k], depth + 1);
    };
    walk(nd && nd.props, 0);
    return pool;
  }
  // A server-rendered notice list: an array of records under a key naming the notice list.
  function nextDataList(nd) {
    let found = null;
    const walk = (v, depth, name) => {
      if (found || !v || typeof v !== 'object' || depth > 10) return;
      if (Array.isArray(v)) {
        if (/notice-?list/i.test(name) && v.length && v.every(isRecord)) found = v;
        return;
      }
      for (const k of Object.keys(v)) if (k !== '_nextI18Next') walk(v[k], depth + 1, /notice-?list/i.test(k) ? k : name);
    };
    walk(nd && nd.props, 0, '');
    return found;
  }

  // ---- layer 2: the virtualised list ----------------------------------------------------------
  const ROW = '[class*="NoticeItem_ticketItem"]';
  const rowsNow = () => Array.from(document.querySelectorAll(ROW)).filter((el) => !el.parentElement.closest(ROW));

  // Text of the date cell without the dates dropdown (a button with an icon) that sits inside it.
  function ownText(el) {
    if (!el) return '';
    const inControl = (p) => {
      for (let x = p; x && x !== el; x = x.parentElement) if (x.matches('button, [role="button"], [class*="Dropdown"]')) return true;
      return false;
    };
    let out = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!inControl(n.parentElement)) out += n.nodeValue + ' ';
    return squash(out);
  }
  const part = (row, name) => row.querySelector(`[class*="NoticeItem_${name}"]`);

  function readRow(row) {
    const nameEl = part(row, 'goodsName');
    const gtmEl = row.hasAttribute('gtm-label') ? row : row.querySelector('[gtm-label]');
    const title = squash(nameEl ? nameEl.textContent : gtmEl ? gtmEl.getAttribute('gtm-label') : '');
    if (!title) return null;
    const typeEl = part(row, 'openType');
    const badges = [];
    for (const b of row.querySelectorAll('[class*="Badge"]')) {
      if (b.children.length || (typeEl && (typeEl === b || typeEl.contains(b) || b.contains(typeEl)))) continue;
      const t = squash(b.textContent);
      if (t) badges.push(t);
    }
    let img = row.querySelector('img[class*="NoticeItem_image"]');
    if (!img) img = Array.from(row.querySelectorAll('img')).find((i) => !i.closest('button, [class*="Dropdown"]'));
    return {
      title,
      open_text: ownText(part(row, 'playDate')),
      open_type: squash(typeEl ? typeEl.textContent : ''),
      venue: squash(part(row, 'placeName') ? part(row, 'placeName').textContent : ''),
      url: pageUrl,
      image: img && img.getAttribute('src') ? img.src : '',
      badges,
      gtm: gtmEl ? gtmEl.getAttribute('gtm-label') : title,
    };
  }
  // Rows keep their position among the list's children (placeholders stand in for the others), so
  // the child index restores page order however the rows were met while scrolling.
  function slotOf(row) {
    const list = row.closest('[class*="InfiniteList_list"], [aria-label="상품 리스트"]');
    if (!list) return -1;
    let el = row;
    while (el.parentElement && el.parentElement !== list) el = el.parentElement;
    return el.parentElement === list ? Array.prototype.indexOf.call(list.children, el) : -1;
  }
  const isScrollable = (el) => {
    if (!el || el.scrollHeight <= el.clientHeight + 4) return false;
    return /(auto|scroll|overlay)/.test(getComputedStyle(el).overflowY);
  };
  function findScroller(row) {
    for (const el of document.querySelectorAll('[class*="Panel_fill-scroll"]')) if (isScrollable(el) && el.contains(row)) return el;
    for (let el = row.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
      if (isScrollable(el)) return el;
    }
    return document.scrollingElement || document.documentElement;
  }
  const settle = () => Promise.race([
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    sleep(250),
  ]).then(() => sleep(60));

  async function viaDom() {
    const end = Date.now() + 8000;
    while (!rowsNow().length && Date.now() < end) await sleep(100);
    if (!rowsNow().length) throw new Error(`no list rows (${ROW}) appeared within 8 s`);

    const seen = new Map();
    let seq = 0;
    const collect = () => {
      for (const row of rowsNow()) {
        const it = readRow(row);
        if (!it) continue;
        const k = [key(it.gtm), key(it.open_text), key(it.venue)].join('|');
        if (!seen.has(k)) seen.set(k, { it, slot: slotOf(row), seq: seq++ });
      }
    };
    const first = rowsNow()[0];
    const sc = findScroller(first);
    const list = first.closest('[class*="InfiniteList_list"], [aria-label="상품 리스트"]') || first.parentElement;
    let mutations = 0;
    const mo = new MutationObserver((ms) => { mutations += ms.length; });
    mo.observe(list, { childList: true, subtree: true, characterData: true });
    try {
      collect();
      sc.scrollTop = 0;
      await settle();
      collect();
      const deadline = Date.now() + 30000;
      let quiet = 0;
      while (Date.now() < deadline && seen.size < maxItems) {
        const bottom = sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 2;
        if (bottom) {
          // The page fetches its next page near the bottom: wait for the list to grow.
          const h = sc.scrollHeight;
          (sc === document.scrollingElement ? window : sc).dispatchEvent(new Event('scroll'));
          const until = Date.now() + 2500;
          while (Date.now() < until && sc.scrollHeight <= h + 1) { await sleep(100); collect(); }
          await settle();
          collect();
          if (sc.scrollHeight <= h + 1) break;
          continue;
        }
        const m0 = mutations;
        sc.scrollTop = Math.min(sc.scrollTop + Math.max(200, Math.floor(sc.clientHeight * 0.8)), sc.scrollHeight);
        await settle();
        collect();
        // A list that never re-renders is not virtualised (or not live): what is there is all there is.
        if (mutations === m0) { if (++quiet >= 3) break; } else quiet = 0;
      }
      if (Date.now() >= deadline) warnings.push('dom: stopped scrolling after 30 s');
    } finally {
      mo.disconnect();
    }
    const ordered = Array.from(seen.values());
    if (ordered.every((x) => x.slot >= 0)) ordered.sort((a, b) => a.slot - b.slot || a.seq - b.seq);
    return ordered.slice(0, maxItems).map((x) => {
      const { gtm, ...item } = x.it;
      return item;
    });
  }

  // Does a row's date text ("06.26(목) 14:00", "오늘 13:00") name the record's openDateStr?
  function sameTime(text, ods) {
    const r = ODS.exec(String(ods || ''));
    if (!r) return false;
    const [y, mo, d, h, mi] = [+r[1], +r[2], +r[3], +r[4], +r[5]];
    let m = /(\d{4})\.(\d{1,2})\.(\d{1,2})\.?\s*(?:\([^)]*\))?\s*(\d{1,2}):(\d{2})/.exec(text);
    if (m) return +m[1] === y && +m[2] === mo && +m[3] === d && +m[4] === h && +m[5] === mi;
    m = /(\d{1,2})\.(\d{1,2})\s*(?:\([^)]*\))?\s*(\d{1,2}):(\d{2})/.exec(text);
    if (m) return +m[1] === mo && +m[2] === d && +m[3] === h && +m[4] === mi;
    m = /(오늘|내일)\s*(\d{1,2}):(\d{2})/.exec(text);
    if (m) {
      const day = kst(nowMs + (m[1] === '내일' ? 864e5 : 0));
      return day.y === y && day.mo === mo && day.d === d && +m[2] === h && +m[3] === mi;
    }
    return false;
  }
  function lendIds(items, pool) {
    let lent = 0;
    for (const it of items) {
      const r = pool.find((p) => key(p.title) === key(it.title) && sameTime(it.open_text, p.openDateStr));
      if (!r) continue;
      it.id = String(r.noticeId);
      it.url = detailUrl(r.noticeId);
      it.open_at = recordIso(r.openDateStr);
      if (r.goodsGenreStr) it.genre = r.goodsGenreStr;
      lent++;
    }
    return lent;
  }

  // ---- layer 4: text patterns -----------------------------------------------------------------
  function viaText() {
    const DATE = /(\d{1,2}\.\d{1,2}\s*\([^)]*\)\s*\d{1,2}:\d{2}|(?:오늘|내일)\s*\d{1,2}:\d{2})/;
    const scope = document.querySelector('main') || document.body;
    const blocks = Array.from(scope.querySelectorAll('[role="link"], a, li, article'))
      .filter((el) => DATE.test(el.innerText || ''));
    const minimal = blocks.filter((el) => !blocks.some((o) => o !== el && el.contains(o) && o.matches('[role="link"], a, article')));
    const out = [];
    const seen = new Set();
    for (const el of minimal) {
      const lines = (el.innerText || '').split('\n').map(squash).filter(Boolean);
      const i = lines.findIndex((l) => DATE.test(l));
      const gtm = el.getAttribute('gtm-label');
      const title = squash(gtm) || lines[i + 1] || '';
      if (i < 0 || !title) continue;
      const it = { title, open_text: lines[i].match(DATE)[1], venue: gtm ? lines[i + 2] || '' : lines[i + 2] || '', url: pageUrl };
      const k = key(it.title) + '|' + key(it.open_text);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(it);
    }
    return out.slice(0, maxItems);
  }

  // ---- run the layers -------------------------------------------------------------------------
  try {
    const items = await viaApi();
    if (items.length) return { items, strategy: 'api', warnings };
    warnings.push('api: the list endpoint returned no notices');
  } catch (e) {
    warnings.push(`api: ${errText(e)}`);
  }
  // A warm re-read (a page rendered cycles ago) trusts only the data layer: its DOM is stale.
  if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings };

  const nd = readNextData();
  try {
    const items = await viaDom();
    if (items.length) {
      const lent = lendIds(items, recordPool(nd));
      if (lent < items.length) warnings.push(`dom: ${items.length - lent} of ${items.length} rows have no notice id in the page`);
      return { items, strategy: 'dom', warnings };
    }
    warnings.push('dom: the list rendered no readable rows');
  } catch (e) {
    warnings.push(`dom: ${errText(e)}`);
  }

  const listed = nextDataList(nd);
  if (listed) return { items: listed.slice(0, maxItems).map(fromRecord), strategy: 'next-data', warnings };
  warnings.push(nd ? 'next-data: no notice list in __NEXT_DATA__' : 'next-data: no __NEXT_DATA__ script');

  try {
    const items = viaText();
    if (items.length) return { items, strategy: 'text', warnings };
    warnings.push('text: no block with an open date found');
  } catch (e) {
    warnings.push(`text: ${errText(e)}`);
  }
  warnings.push('no ticket-open notices found on ' + pageUrl);
  return { items: [], strategy: 'none', warnings };
}
