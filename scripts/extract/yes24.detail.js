/*
 * YES24 티켓 notice detail. PC: http://ticket.yes24.com/New/Notice/NoticeMain.aspx#id=N — the page's
 * script reads the hash and fills #NoticeRead from POST /New/Notice/Ajax/axRead.aspx (id=N), an HTML
 * fragment: .noti-view-tit (구분, 제목), .noti-view-info (등록일, 오픈일시 with the presale button
 * a.noti-btn-pop[presaletitN][presaletimeN] as in the list, 조회수) and the notice text .noti-view-cont
 * ("티켓오픈 일시 : …", "팬클럽 선예매 : …"). Mobile: http://m.ticket.yes24.com/Notice/Read.aspx?id=N
 * (or Detail.aspx), rendered on the server. The contract is in docs/ticket-format.md
 * ("Detail scripts and openings"). Layers:
 *  1. api  - (PC) POST axRead.aspx ourselves, with the body the page sends.
 *  2. dom  - the rendered notice (#NoticeRead, or the mobile page's view block).
 *  3. text - the same patterns over the whole page, unless the page is the notice list itself
 *            (links to 3 or more other notices): then its times belong to other notices.
 * In a fragment or page: the lines of the notice text first, then the presale attributes and the
 * 오픈일시 field for the instants the text does not name.
 */
async (ctx) => {
  const nowMs = Date.parse(ctx && ctx.now) || Date.now();
  const warnings = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const errText = (e) => (e && e.message) || String(e);
  const pageUrl = location.href.split('#')[0];
  const urlId = (String(ctx && ctx.url || location.href).match(/[#?&](?:id|bId|bid|noticeId)=(\d+)/i) || [])[1] || '';
  const mobile = /^m\./.test(location.hostname);
  const detailUrl = (id) => (mobile ? location.href : new URL('/New/Notice/NoticeMain.aspx#id=' + id, location.href).href);
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

  // presaletit1 / presaletime1 (the parser lower-cases presaleTit1), or data-presale-title1 / -time1.
  function presales(root) {
    const out = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tit = {};
      const time = {};
      for (const a of Array.from(el.attributes || [])) {
        let m = /^(?:data-)?presale-?tit(?:le)?-?(\d+)$/i.exec(a.name);
        if (m) tit[m[1]] = a.value;
        m = /^(?:data-)?presale-?time-?(\d+)$/i.exec(a.name);
        if (m) time[m[1]] = a.value;
      }
      for (const k of Object.keys(time).sort((a, b) => a - b)) {
        if (squash(time[k])) out.push(opening(squash(tit[k] || '선예매'), squash(time[k])));
      }
    }
    return out;
  }
  // The 오픈일시 field: a label element followed by the time, in the info block.
  function openField(root) {
    for (const el of Array.from(root.querySelectorAll('dt, th, span, em, strong, li, p'))) {
      if (!/^오픈\s*일시$|^티켓\s*오픈$|^오픈일$/.test(textOf(el))) continue;
      const holder = el.tagName === 'DT' || el.tagName === 'TH' ? el.nextElementSibling : el.parentElement;
      const t = holder && firstTime(squash(noZw(holder.textContent)));
      if (t) return opening(textOf(el), t.text);
    }
    return null;
  }
  function readNotice(root) {
    const cont = root.querySelector('.noti-view-cont, .brd_view_cont, .view_cont, [class*="cont" i], [class*="body" i], article section') || root;
    const openings = textOpenings(linesOf(cont));
    const known = new Set(openings.map((o) => timeMs(o.open_text)).filter((v) => !isNaN(v)));
    const extra = presales(root);
    const field = openField(root);
    if (field) extra.push(field);
    for (const o of extra) {
      const v = timeMs(o.open_text);
      if (isNaN(v) || !known.has(v)) { openings.push(o); if (!isNaN(v)) known.add(v); }
    }
    const titleEl = root.querySelector('.noti-view-subj, .brd_view_tit, .view_tit, [class*="subj" i], [class*="tit" i]');
    const img = cont.querySelector('img');
    let venue = '';
    for (const l of linesOf(cont)) {
      const m = /^[\s■□▶▷●○◆◇·•※\-*]*(?:공연\s*장소|장소)\s*[:：]\s*(.+)$/.exec(l);
      if (m) { venue = squash(m[1]); break; }
    }
    return {
      notice: {
        id: urlId, title: titleEl ? titleEl.innerHTML.trim() : '', venue, genre: '',
        image: img && img.getAttribute('src') ? new URL(img.getAttribute('src'), location.href).href : '',
        url: urlId ? detailUrl(urlId) : pageUrl,
      },
      openings,
    };
  }

  // ---- layer 1: axRead.aspx ---------------------------------------------------------------------
  if (!mobile && urlId) {
    try {
      const res = await fetch('/New/Notice/Ajax/axRead.aspx', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' },
        body: 'id=' + encodeURIComponent(urlId),
      });
      if (!res.ok) throw new Error('axRead.aspx answered HTTP ' + res.status);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const r = readNotice(doc.body);
      if (r.openings.length) return { ...r, strategy: 'api', warnings };
      warnings.push('api: the notice names no opening');
    } catch (e) {
      warnings.push('api: ' + errText(e));
    }
  }

  // ---- layer 2: the rendered notice -------------------------------------------------------------
  const VIEW = '#NoticeRead .noti-view, #NoticeRead, .noti-view, .brd_view, [class*="notice_view" i], [class*="NoticeView" i]';
  const view = () => Array.from(document.querySelectorAll(VIEW)).find((el) => squash(el.textContent).length > 0);
  // The PC page renders the notice from the same axRead.aspx: after that failed, wait briefly.
  const end = Date.now() + (!mobile && urlId ? 1000 : 5000);
  while (!view() && Date.now() < end) await sleep(100);
  let last = null;
  try {
    const root = view();
    if (!root) throw new Error('no rendered notice (#NoticeRead, .noti-view, .brd_view)');
    last = readNotice(root);
    if (last.openings.length) return { ...last, strategy: 'dom', warnings };
    warnings.push('dom: the notice names no opening');
  } catch (e) {
    warnings.push('dom: ' + errText(e));
  }

  // ---- layer 3: text ----------------------------------------------------------------------------
  // The PC detail lives inside the list page (NoticeMain.aspx#id=N): when the notice did not
  // render, the page's text is the whole board, and its times belong to other notices.
  const otherNotices = new Set(Array.from(document.querySelectorAll('a[href*="id="]'))
    .map((a) => ((a.getAttribute('href') || '').match(/[#?&]id=(\d+)/) || [])[1])
    .filter((id) => id && id !== urlId));
  try {
    if (otherNotices.size >= 3) throw new Error('this page lists ' + otherNotices.size + ' other notices; its text is not this notice');
    const openings = textOpenings(linesOf(document.body));
    const notice = last ? last.notice : { id: urlId, title: '', venue: '', image: '', genre: '', url: urlId ? detailUrl(urlId) : pageUrl };
    if (openings.length) return { notice, openings, strategy: 'text', warnings };
    warnings.push('text: no "<label> : <time>" line');
  } catch (e) {
    warnings.push('text: ' + errText(e));
  }
  warnings.push('no openings found on ' + pageUrl);
  return { notice: last ? last.notice : { id: urlId, title: '', venue: '', image: '', genre: '', url: pageUrl }, openings: [], strategy: 'none', warnings };
}
