/*
 * Interpark (NOL 티켓) notice detail: https://tickets.interpark.com/contents/notice/detail/{noticeId}
 * Returns the notice and every opening it announces (팬클럽 선예매, 선예매, 일반예매, N차 티켓오픈 …);
 * the contract is in docs/ticket-format.md ("Detail scripts and openings").
 *
 * Layers, most robust first:
 *  1. next-data - the notice record in __NEXT_DATA__ (any depth) with ticketDates[{openName, openDateStr}];
 *                 openDateStr "2025-06-24 10:00:00" is exact, so it also gives open_at.
 *  2. dom       - the rendered open-date list found by CSS-module prefixes (…ticketDate…, …openName…,
 *                 …openDate…; the hash suffixes change between builds), each row read as "label time".
 *  3. text      - "<label> : <time>" lines in the notice body (or the whole main element).
 */
async (ctx) => {
  const nowMs = Date.parse(ctx && ctx.now) || Date.now();
  const warnings = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const errText = (e) => (e && e.message) || String(e);
  const pageUrl = location.href.split('#')[0];
  const urlId = (String(ctx && ctx.url || location.href).match(/\/notice\/detail\/(\d+)/) || [])[1] || '';
  const detailUrl = (id) => new URL('/contents/notice/detail/' + id, location.origin).href;
  // ---- openings in text: one copy per detail script (scripts stay self-contained) --------------
  const squash = (s) => String(s == null ? '' : s).replace(/[\s\u00a0]+/g, ' ').trim();
  const noZw = (s) => String(s == null ? '' : s).replace(/[\u200b-\u200d\ufeff]/g, '');
  // The open-time formats of docs/ticket-format.md, as they appear inside a sentence.
  const TIME_RES = [
    /\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?/,
    /\d{4}\.\d{1,2}\.\d{1,2}\.?\s*(?:\([^)]{1,4}\))?\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?/,
    /\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*(?:\([^)]{1,4}\))?\s*(?:(?:오전|오후)\s*)?\d{1,2}(?::\d{2}|시(?:\s*\d{1,2}분)?)/,
    /(?<![\d.])\d{2}\.\d{1,2}\.\d{1,2}\s*\([^)]{1,4}\)\s*\d{1,2}:\d{2}/,
    /(?<![\d./])\d{1,2}\.\d{1,2}\s*(?:\([^)]{1,4}\))?\s*\d{1,2}:\d{2}/,
    /(?<![\d./])\d{1,2}\/\d{1,2}\s*(?:\([^)]{1,4}\))?\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?/,
    /(?:오늘|내일)\s*\d{1,2}:\d{2}/,
  ];
  // The earliest open time in a text (a range "A ~ B" gives A).
  function firstTime(s) {
    let best = null;
    for (const re of TIME_RES) {
      const m = re.exec(s);
      if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best[0].length))) best = m;
    }
    return best ? { text: squash(best[0]), index: best.index, end: best.index + best[0].length } : null;
  }
  // Epoch ms of a shown time (Asia/Seoul; a year-less date takes the year nearest to now). Used only
  // to match and de-duplicate openings; open_at is never taken from it.
  function timeMs(t) {
    const K = 9 * 3600e3;
    const mk = (y, mo, d, h, mi) => Date.UTC(y, mo - 1, d, h, mi) - K;
    const near = (mo, d, h, mi) => {
      const y0 = new Date(nowMs + K).getUTCFullYear();
      let best = NaN;
      for (const y of [y0 - 1, y0, y0 + 1]) {
        const v = mk(y, mo, d, h, mi);
        if (isNaN(best) || Math.abs(v - nowMs) < Math.abs(best - nowMs)) best = v;
      }
      return best;
    };
    let m;
    if ((m = /(\d{4})[-.](\d{1,2})[-.](\d{1,2})\.?[\sT]*(?:\([^)]*\))?\s*(\d{1,2}):(\d{2})/.exec(t))) return mk(+m[1], +m[2], +m[3], +m[4], +m[5]);
    if ((m = /(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s*(?:\([^)]*\))?\s*(오전|오후)?\s*(\d{1,2})(?::(\d{2})|시(?:\s*(\d{1,2})분)?)/.exec(t))) {
      let h = +m[5];
      if (m[4] === '오후' && h < 12) h += 12;
      if (m[4] === '오전' && h === 12) h = 0;
      return mk(+m[1], +m[2], +m[3], h, +(m[6] || m[7] || 0));
    }
    if ((m = /(\d{2})\.(\d{1,2})\.(\d{1,2})\s*\([^)]*\)\s*(\d{1,2}):(\d{2})/.exec(t))) return mk(2000 + +m[1], +m[2], +m[3], +m[4], +m[5]);
    if ((m = /(\d{1,2})[./](\d{1,2})\s*(?:\([^)]*\))?\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/.exec(t))) {
      let h = +m[3];
      if (h < 12 && /pm/i.test(m[5] || '')) h += 12;
      return near(+m[1], +m[2], h, +m[4]);
    }
    if ((m = /(오늘|내일)\s*(\d{1,2}):(\d{2})/.exec(t))) {
      const d = new Date(nowMs + K + (m[1] === '내일' ? 864e5 : 0));
      return mk(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), +m[2], +m[3]);
    }
    return NaN;
  }
  const OPENING_WORD = /선예매|선판매|예매|티켓\s*오픈|오픈|판매|pre-?sale/i;
  const NOT_OPENING = /인증|공연\s*(?:일시|기간|시간|일자|날짜)|관람|취소|환불|배송|발권|입금|수령|종료|마감|변경|등록/;
  const LATER = /추후\s*(?:공지|안내|오픈|예정)[^,.)]*|미정|TBA|TBD/i;
  const roundOf = (label) => {
    const m = /(\d+)\s*차/.exec(label);
    return m ? parseInt(m[1], 10) : undefined;
  };
  // "* 선예매 기간:" -> "선예매", "- 일반예매는" -> "일반예매", "[팬클럽 선예매 안내]" -> "팬클럽 선예매 안내".
  function cleanLabel(s) {
    let t = squash(noZw(s)).replace(/^[\s*■□▶▷►●○◆◇◈·•※☞✔✓\-–—>]+/, '');
    t = squash(t.replace(/[[\]【】「」『』〔〕<>〈〉]/g, ' ')).replace(/\s*[:：]\s*$/, '');
    t = t.replace(/\s*(?:기간|일시|일정|시간|날짜)$/, '').replace(/([가-힣])(?:은|는)$/, '$1');
    return squash(t);
  }
  function opening(label, openText, openAt) {
    const o = { label, open_text: openText };
    if (openAt != null && openAt !== '') o.open_at = openAt;
    const r = roundOf(label);
    if (r != null) o.round = r;
    return o;
  }
  // Text of an element as lines (block elements and <br> break lines; table cells stay on their row's
  // line), for detached fragments as well as the rendered page.
  const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TFOOT|THEAD|TR|UL)$/;
  function linesOf(root) {
    const out = [];
    let cur = '';
    const walk = (n) => {
      if (n.nodeType === 3) { cur += n.nodeValue; return; }
      if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|BUTTON)$/.test(n.tagName || '')) return;
      const block = BLOCK.test(n.tagName || '');
      if (block) { out.push(cur); cur = ''; }
      for (const c of Array.from(n.childNodes)) walk(c);
      if (block) { out.push(cur); cur = ''; }
      else if (/^(TD|TH)$/.test(n.tagName || '')) cur += ' ';
    };
    walk(root);
    out.push(cur);
    return out.map((l) => squash(noZw(l))).filter(Boolean);
  }
  // Openings named in lines of text: "<label> : <time>", "<label>는 <time> 부터", a time under a short
  // label line or a bracketed heading ("[팬클럽 선예매 안내]"), "<label> : 추후 공지".
  function textOpenings(lines) {
    const out = [];
    const seen = new Set();
    const push = (label, text) => {
      const k = label + '|' + text;
      if (!seen.has(k)) { seen.add(k); out.push(opening(label, text)); }
    };
    let heading = '';
    let pending = '';
    for (const line of lines) {
      const t = firstTime(line);
      if (!t) {
        const later = /^(.{1,30}?)\s*[:：]\s*(.+)$/.exec(line);
        if (later && LATER.test(later[2]) && OPENING_WORD.test(later[1]) && !NOT_OPENING.test(later[1])) {
          push(cleanLabel(later[1]), squash(later[2].match(LATER)[0]));
          pending = '';
          continue;
        }
        const short = line.length <= 40;
        if (short && (/^[[【<〈「].*[\]】>〉」]$/.test(line) || /안내$/.test(line))) {
          heading = OPENING_WORD.test(line) && !NOT_OPENING.test(line) ? cleanLabel(line).replace(/\s*안내$/, '') : '';
          pending = '';
        } else {
          pending = short && OPENING_WORD.test(line) && !NOT_OPENING.test(line) ? cleanLabel(line) : '';
        }
        continue;
      }
      let label = cleanLabel(line.slice(0, t.index));
      if (label.length > 30) label = '';
      if (!label) label = pending || heading;
      pending = '';
      if (!label || !OPENING_WORD.test(label) || NOT_OPENING.test(label)) continue;
      if (/^(?:선예매|선판매|예매)$/.test(label.replace(/\s+/g, '')) && /팬클럽|멤버십/.test(heading)) label = heading;
      push(label, t.text);
      heading = '';  // a heading names the first opening under it only
    }
    return out;
  }

  const ODS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;
  const recordIso = (s) => {
    const m = ODS.exec(String(s || '').trim());
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] || '00'}+09:00` : '';
  };
  const part = (root, name) => root.querySelector(`[class*="${name}"]`);
  const textOf = (el) => (el ? squash(el.textContent) : '');

  // ---- layer 1: __NEXT_DATA__ -------------------------------------------------------------------
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
  // The object holding ticketDates (the notice record), preferring the one of this notice id.
  function findRecord(nd) {
    const found = [];
    const walk = (v, depth) => {
      if (!v || typeof v !== 'object' || depth > 14) return;
      if (Array.isArray(v)) { v.forEach((x) => walk(x, depth + 1)); return; }
      if (Array.isArray(v.ticketDates)) found.push(v);
      for (const k of Object.keys(v)) if (k !== '_nextI18Next') walk(v[k], depth + 1);
    };
    walk(nd && nd.props, 0);
    return found.find((r) => urlId && String(r.noticeId) === urlId) || found[0] || null;
  }
  function viaNextData(nd) {
    const r = findRecord(nd);
    if (!r) return null;
    const openings = [];
    for (const d of r.ticketDates) {
      if (!d || typeof d !== 'object') continue;
      const label = squash(d.openName || d.openTypeStr || '');
      const shown = squash(d.openDateStr || '');
      if (!label && !shown) continue;
      openings.push(opening(label, shown, recordIso(shown)));
    }
    const id = r.noticeId != null ? String(r.noticeId) : urlId;
    return {
      notice: {
        id, title: r.title || '', venue: r.venueName || '', image: r.posterImageUrl || '',
        genre: r.goodsGenreStr || '', url: id ? detailUrl(id) : pageUrl,
      },
      openings,
    };
  }

  // ---- notice fields from the rendered page -----------------------------------------------------
  function noticeFromDom() {
    const scope = document.querySelector('main') || document.body;
    const titleEl = part(scope, 'NoticeDetail_title') || part(scope, 'Detail_title') || scope.querySelector('h1, h2, h3');
    const venueEl = part(scope, 'venue') || part(scope, 'Venue') || part(scope, 'placeName');
    const genreEl = part(scope, 'genre') || part(scope, 'Genre');
    const img = scope.querySelector('[class*="poster" i] img, img[class*="poster" i]');
    const og = document.querySelector('meta[property="og:image"]');
    return {
      id: urlId, title: textOf(titleEl), venue: textOf(venueEl), genre: textOf(genreEl),
      image: img && img.getAttribute('src') ? img.src : og ? og.getAttribute('content') || '' : '',
      url: urlId ? detailUrl(urlId) : pageUrl,
    };
  }

  // ---- layer 2: the open-date list by class-name prefixes ----------------------------------------
  function viaDom() {
    const scope = document.querySelector('main') || document.body;
    let rows = Array.from(scope.querySelectorAll('[class*="ticketDate" i] li, [class*="openDate" i] li, [class*="openSchedule" i] li'));
    if (!rows.length) {
      // Rows without a list: the parents of every open-name element.
      rows = Array.from(scope.querySelectorAll('[class*="openName" i]')).map((el) => el.parentElement);
    }
    rows = rows.filter((r, i) => r && rows.indexOf(r) === i && !rows.some((o) => o !== r && r.contains(o)));
    const openings = [];
    for (const row of rows) {
      const nameEl = row.querySelector('[class*="openName" i], [class*="name" i], [class*="label" i], dt, strong, em');
      const line = squash(noZw(row.textContent));
      const t = firstTime(line);
      let label = nameEl ? cleanLabel(nameEl.textContent) : t ? cleanLabel(line.slice(0, t.index)) : '';
      if (!label && !t) continue;
      let shown = t ? t.text : '';
      if (!t) {
        const rest = squash(nameEl ? line.replace(squash(noZw(nameEl.textContent)), '') : line);
        shown = rest;
      }
      openings.push(opening(label, shown));
    }
    return openings;
  }

  // ---- layer 3: text ----------------------------------------------------------------------------
  function viaText() {
    const body = part(document, 'NoticeDetail_content') || part(document, 'content') || document.querySelector('main') || document.body;
    let openings = textOpenings(linesOf(body));
    if (!openings.length && body !== document.body) openings = textOpenings(linesOf(document.body));
    return openings;
  }

  // ---- run the layers ---------------------------------------------------------------------------
  const nd = readNextData();
  try {
    const r = viaNextData(nd);
    if (r && r.openings.length) return { ...r, strategy: 'next-data', warnings };
    warnings.push(r ? 'next-data: ticketDates is empty' : nd ? 'next-data: no record with ticketDates' : 'next-data: no __NEXT_DATA__ script');
  } catch (e) {
    warnings.push(`next-data: ${errText(e)}`);
  }
  // The page may still be rendering: give its list a moment to appear.
  const end = Date.now() + 3000;
  while (Date.now() < end && !document.querySelector('[class*="ticketDate" i], [class*="openName" i]')) await sleep(100);
  const notice = noticeFromDom();
  try {
    const openings = viaDom();
    if (openings.length) return { notice, openings, strategy: 'dom', warnings };
    warnings.push('dom: no open-date list (…ticketDate…, …openName…)');
  } catch (e) {
    warnings.push(`dom: ${errText(e)}`);
  }
  try {
    const openings = viaText();
    if (openings.length) return { notice, openings, strategy: 'text', warnings };
    warnings.push('text: no "<label> : <time>" line');
  } catch (e) {
    warnings.push(`text: ${errText(e)}`);
  }
  warnings.push('no openings found on ' + pageUrl);
  return { notice, openings: [], strategy: 'none', warnings };
}
