/*
 * Ticketlink notice detail: https://www.ticketlink.co.kr/help/notice/{id} (also m.ticketlink.co.kr).
 * Returns the notice and every opening it announces; the contract is in docs/ticket-format.md
 * ("Detail scripts and openings").
 *
 * The page is rendered on the server: #noticeTitle, dd#ticketOpenDatetime (filled by the page's
 * setDate() from an inline epoch-ms value: the notice's first open time), the place, and the notice
 * text in dd.list_cont, where the openings are written out ("* 선예매 기간: 08/21(수) 20:00PM (KST) ~ …",
 * "- 일반예매는 08/23 (금) 20:00PM 부터 진행됩니다."). Layers:
 *  1. dom  - the lines of the notice text (.list_cont); the inline epoch ms gives open_at to the opening
 *            at that time, or is the one opening ("오픈일") when the text names none.
 *  2. text - the same patterns over the whole page, when the notice text block is gone.
 */
async (ctx) => {
  const nowMs = Date.parse(ctx && ctx.now) || Date.now();
  const warnings = [];
  const errText = (e) => (e && e.message) || String(e);
  const pageUrl = location.href.split('#')[0];
  const urlId = (String(ctx && ctx.url || location.href).match(/\/help\/notice\/(\d+)/) || [])[1] || '';
  const detailUrl = (id) => new URL('/help/notice/' + id, location.href).href;
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

  const textOf = (el) => (el ? squash(el.textContent) : '');
  const abs = (u) => { try { return u ? new URL(u, location.href).href : ''; } catch (e) { return ''; } };

  // The open time the page's own script prints into #ticketOpenDatetime: epoch ms in setDate().
  function openMs() {
    for (const s of Array.from(document.scripts)) {
      const m = /function\s+setDate\s*\([^)]*\)\s*\{[\s\S]*?(\d{12,14})/.exec(s.textContent || '');
      if (m) return Number(m[1]);
    }
    return null;
  }
  function labelOfOpenField() {
    const dd = document.getElementById('ticketOpenDatetime');
    const dt = dd && dd.previousElementSibling;
    return dt && dt.tagName === 'DT' ? cleanLabel(dt.textContent) : '오픈일';
  }
  function notice() {
    const titleEl = document.getElementById('noticeTitle') || document.querySelector('.list_view .title, h3.tit, [class*="title" i]');
    // The title keeps its markup (<b>[단독판매]</b> …), as the list layers report it.
    const title = titleEl ? titleEl.innerHTML.trim() : '';
    let venue = '';
    for (const dt of Array.from(document.querySelectorAll('dt'))) {
      if (/^(장소|공연장)$/.test(textOf(dt))) { venue = textOf(dt.nextElementSibling); break; }
    }
    const img = document.querySelector('.th_info .thumb img, dd.thumb img, [class*="thumb" i] img');
    return { id: urlId, title, venue, image: img ? abs(img.getAttribute('src')) : '', genre: '', url: urlId ? detailUrl(urlId) : pageUrl };
  }
  // Attach the exact time to the opening shown at that time; the one opening when there is none.
  function withExact(openings) {
    const ms = openMs();
    if (ms == null) return openings;
    const hit = openings.find((o) => timeMs(o.open_text) === ms);
    if (hit) { hit.open_at = ms; return openings; }
    if (!openings.length) {
      return [opening(labelOfOpenField(), textOf(document.getElementById('ticketOpenDatetime')), ms)];
    }
    warnings.push(`the open time of the page (${new Date(ms).toISOString()}) matches no opening in the notice text`);
    return openings;
  }

  const n = notice();
  try {
    const body = document.querySelector('.list_view .list_cont, dd.list_cont, .list_cont, #noticeContent, .notice_cont');
    if (!body) throw new Error('no notice text block (.list_cont)');
    const openings = withExact(textOpenings(linesOf(body)));
    if (openings.length) return { notice: n, openings, strategy: 'dom', warnings };
    warnings.push('dom: the notice text names no opening');
  } catch (e) {
    warnings.push(`dom: ${errText(e)}`);
  }
  try {
    const scope = document.querySelector('main, #container') || document.body;
    const openings = textOpenings(linesOf(scope));
    if (openings.length) return { notice: n, openings, strategy: 'text', warnings };
    warnings.push('text: no "<label> : <time>" line');
  } catch (e) {
    warnings.push(`text: ${errText(e)}`);
  }
  warnings.push('no openings found on ' + pageUrl);
  return { notice: n, openings: [], strategy: 'none', warnings };
}
