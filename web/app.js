// Dashboard: fetches the JSON API and builds the page with createElement/textContent only.
// Titles, venues and errors come from ticket sites; as text nodes they can never become markup.
'use strict';

(function () {
  const REFRESH_MS = 60000;
  const PAGE_SIZE = 50;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const state = {filters: {site: '', genre: '', when: '', q: ''}, offset: 0, rows: [], clockOffsetMs: 0};

  // --- small DOM helpers ------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function $(id) {
    return document.getElementById(id);
  }

  // --- time ---------------------------------------------------------------------------------
  // "Now" is the server's clock (sent with every answer), so a viewer with a wrong clock still
  // sees the right "3시간 후 오픈".
  function nowSeconds() {
    return (Date.now() + state.clockOffsetMs) / 1000;
  }
  function syncClock(serverNow) {
    if (typeof serverNow === 'number') state.clockOffsetMs = serverNow * 1000 - Date.now();
  }
  const kstFormat = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul', month: 'long', day: 'numeric', weekday: 'short',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  });
  const kstShort = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  });
  function formatKst(epoch, short) {
    return (short ? kstShort : kstFormat).format(new Date(epoch * 1000));
  }
  // Rounded, not truncated: 2시간 59분 away reads as "3시간 후", as people say it.
  function untilOpen(epoch) {
    const diff = epoch - nowSeconds();
    if (diff <= 0) return '오픈됨';
    const minutes = Math.round(diff / 60);
    if (minutes < 1) return '곧 오픈';
    if (minutes < 60) return minutes + '분 후 오픈';
    const hours = Math.round(diff / 3600);
    if (hours < 24) return hours + '시간 후 오픈';
    return Math.round(diff / 86400) + '일 후 오픈';
  }
  function ago(epoch) {
    const diff = nowSeconds() - epoch;
    if (diff < 60) return '방금';
    if (diff < 3600) return Math.floor(diff / 60) + '분 전';
    if (diff < 86400) return Math.floor(diff / 3600) + '시간 전';
    return Math.floor(diff / 86400) + '일 전';
  }
  function later(epoch) {
    const diff = epoch - nowSeconds();
    if (diff <= 0) return '곧';
    if (diff < 3600) return Math.max(1, Math.floor(diff / 60)) + '분 후';
    return Math.floor(diff / 3600) + '시간 후';
  }

  // --- fetching -----------------------------------------------------------------------------
  async function getJson(path) {
    const res = await fetch(path, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) throw new Error((body && body.error) || ('HTTP ' + res.status));
    return body;
  }
  function ticketsPath(offset) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(offset));
    return '/api/tickets?' + params.toString();
  }

  // --- tickets ------------------------------------------------------------------------------
  function safeHref(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : '';
  }
  // Every opening (선예매, 일반예매, 2차 …) with its own time and countdown; one opening: its name.
  function openingsCell(t) {
    const cell = el('td', 'type');
    const openings = Array.isArray(t.openings) ? t.openings : [];
    if (openings.length <= 1) {
      cell.textContent = t.open_type_name || t.open_type_label;
      return cell;
    }
    for (const o of openings) {
      const line = el('div', 'opening');
      line.append(el('span', 'opening-name', o.name || o.label));
      if (typeof o.epoch === 'number') {
        line.append(el('span', 'absolute', formatKst(o.epoch, true)));
        const rel = el('span', 'relative', untilOpen(o.epoch));
        if (o.epoch <= nowSeconds()) rel.classList.add('opened');
        line.append(rel);
      } else {
        line.append(el('span', 'relative undated', '일시 미정'));
      }
      cell.append(line);
    }
    return cell;
  }
  function ticketRow(t) {
    const tr = el('tr', 'ticket');
    tr.dataset.site = t.site;

    const when = el('td', 'opens');
    if (typeof t.open_epoch === 'number') {
      const rel = el('span', 'relative', untilOpen(t.open_epoch));
      if (t.open_epoch <= nowSeconds()) rel.classList.add('opened');
      when.append(rel, el('span', 'absolute', formatKst(t.open_epoch)));
    } else {
      when.append(el('span', 'relative undated', '일시 미정'), el('span', 'absolute', t.open_text));
    }

    const site = el('td', 'site');
    site.append(el('span', 'site-badge site-' + String(t.site).replace(/[^a-z0-9]/g, ''), t.site_name));

    const title = el('td', 'title');
    const href = safeHref(t.url);
    const name = href ? el('a', null, t.title) : el('span', null, t.title);
    if (href) {
      name.href = href;
      name.target = '_blank';
      name.rel = 'noopener noreferrer';
    }
    title.append(name);
    const tags = el('span', 'tags');
    if (t.genre) tags.append(el('span', 'tag genre', t.genre));
    for (const badge of t.badges || []) tags.append(el('span', 'tag', badge));
    if (tags.childNodes.length) title.append(tags);

    tr.append(when, site, title, openingsCell(t), el('td', 'venue', t.venue));
    return tr;
  }
  function renderTickets() {
    const body = $('tickets').tBodies[0];
    clear(body);
    for (const t of state.rows) body.append(ticketRow(t));
    $('tickets-empty').hidden = state.rows.length > 0;
    document.dispatchEvent(new CustomEvent('ta:rendered'));
  }
  function fillSelect(select, values, labelOf) {
    const current = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const v of values) {
      const option = el('option', null, labelOf(v));
      option.value = v;
      select.append(option);
    }
    select.value = values.includes(current) ? current : '';
  }
  async function loadTickets(append) {
    const offset = append ? state.offset + PAGE_SIZE : 0;
    const error = $('tickets-error');
    try {
      const data = await getJson(ticketsPath(offset));
      syncClock(data.now);
      state.offset = offset;
      state.rows = append ? state.rows.concat(data.tickets) : data.tickets;
      $('more').hidden = !data.has_more;
      fillSelect($('genre-filter'), data.genres || [], (g) => g);
      error.hidden = true;
    } catch (e) {
      error.textContent = '공지를 불러오지 못했습니다: ' + e.message;
      error.hidden = false;
      if (!append) state.rows = [];
    }
    renderTickets();
  }

  // --- sites --------------------------------------------------------------------------------
  function fact(label, value, className) {
    const row = el('div', 'fact' + (className ? ' ' + className : ''));
    row.append(el('dt', null, label), el('dd', null, value));
    return row;
  }
  function siteCard(s) {
    const card = el('article', 'site-card' + (s.enabled ? '' : ' disabled'));
    card.dataset.site = s.site;
    const head = el('header');
    head.append(el('h3', null, s.name));
    const status = !s.enabled ? ['꺼짐', 'off'] : s.healthy ? ['정상', 'ok'] : ['주의', 'bad'];
    head.append(el('span', 'status ' + status[1], status[0]));
    card.append(head);

    const facts = el('dl');
    facts.append(fact('마지막 성공', s.last_success ? ago(s.last_success) + ' (' + formatKst(s.last_success, true) + ')' : '없음'));
    if (s.last_error_at) {
      facts.append(fact('마지막 오류', formatKst(s.last_error_at, true) + ' — ' + (s.last_error || '알 수 없음'), 'error-fact'));
    } else {
      facts.append(fact('마지막 오류', '없음'));
    }
    facts.append(fact('항목 수', s.last_success ? s.items + '건' : '—'));
    facts.append(fact('추출 방식', s.strategy || '—'));
    facts.append(fact('다음 실행', s.next_run ? later(s.next_run) + ' (' + formatKst(s.next_run, true) + ')' : '알 수 없음'));
    if (s.consecutive_failures > 0) facts.append(fact('연속 실패', s.consecutive_failures + '회', 'error-fact'));
    card.append(facts);
    if (s.problem) card.append(el('p', 'problem', s.problem));
    return card;
  }
  async function loadSites() {
    const box = $('sites');
    try {
      const data = await getJson('/api/sites');
      syncClock(data.now);
      clear(box);
      for (const s of data.sites) box.append(siteCard(s));
      fillSelect($('site-filter'), data.sites.map((s) => s.site),
        (key) => (data.sites.find((s) => s.site === key) || {}).name || key);
    } catch (e) {
      clear(box);
      box.append(el('p', 'error', '사이트 상태를 불러오지 못했습니다: ' + e.message));
    }
  }

  // --- delivery statistics -------------------------------------------------------------------
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function chart(days) {
    const W = 720, H = 170, left = 34, bottom = 22, top = 10;
    const max = Math.max(1, ...days.map((d) => d.sent + d.failed));
    const slot = (W - left) / days.length;
    const scale = (H - top - bottom) / max;
    const root = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': '최근 30일 일별 전송 수'});
    root.append(svg('line', {x1: left, y1: H - bottom, x2: W, y2: H - bottom, class: 'axis'}));
    root.append(svg('text', {x: left - 6, y: top + 8, class: 'label', 'text-anchor': 'end'}, max));
    root.append(svg('text', {x: left - 6, y: H - bottom, class: 'label', 'text-anchor': 'end'}, 0));
    days.forEach((d, i) => {
      const x = left + i * slot + slot * 0.15;
      const w = slot * 0.7;
      const g = svg('g', {class: 'day'});
      g.append(svg('title', {}, d.day + ': 전송 ' + d.sent + ', 실패 ' + d.failed + ', 신규 공지 ' + d.new));
      const sentH = d.sent * scale, failedH = d.failed * scale;
      g.append(svg('rect', {x: x, y: H - bottom - sentH, width: w, height: sentH, class: 'sent'}));
      g.append(svg('rect', {x: x, y: H - bottom - sentH - failedH, width: w, height: failedH, class: 'failed'}));
      if (i % 5 === 0 || i === days.length - 1) {
        g.append(svg('text', {x: x + w / 2, y: H - 6, class: 'label', 'text-anchor': 'middle'}, d.day.slice(5)));
      }
      root.append(g);
    });
    return root;
  }
  function total(label, value, className) {
    const box = el('div', 'total' + (className ? ' ' + className : ''));
    box.append(el('span', 'value', value), el('span', 'name', label));
    return box;
  }
  // One row per channel: "아이유 · 정상 · 대기 0 · 전송 12 · 실패 0 · 12월 3일 (목) 10:03".
  function routeRow(r) {
    const tr = el('tr', r.status === 'dead' || r.removed ? 'bad' : '');
    const state = r.removed ? '설정에서 빠짐' : !r.configured ? '설정 안 됨' : r.status === 'dead' ? '사용 불가' : '정상';
    const hook = el('td', 'state', state);
    if (r.status === 'dead' && r.last_error) hook.append(el('span', 'detail', r.last_error));
    const name = el('td', 'name', r.name);
    if (r.mention_role) name.append(el('span', 'detail', '역할 호출'));
    tr.append(name, hook, el('td', 'count', r.waiting), el('td', 'count', r.sent), el('td', 'count', r.failed),
      el('td', 'when', r.last_sent_at ? formatKst(r.last_sent_at, true) : '-'));
    return tr;
  }
  async function loadStats() {
    const totals = $('totals');
    const holder = $('chart');
    try {
      const data = await getJson('/api/stats');
      clear(totals);
      const last30 = data.days.reduce((a, d) => a + d.sent, 0);
      const waiting = total('대기 중', data.pending, data.pending > 0 ? 'warn' : '');
      if (data.deferred > 0 || data.retry > 0)
        waiting.append(el('span', 'detail', '다음 주기 ' + (data.deferred || 0) + ' · 재전송 ' + (data.retry || 0)));
      totals.append(waiting,
        total('실패', data.failed, data.failed > 0 ? 'bad' : ''),
        total('지나서 안 보냄', data.stale || 0),
        total('30일 전송', last30));
      const hook = data.webhook || {};
      const hookText = !hook.configured ? '설정 안 됨' : hook.status === 'dead' ? '사용 불가' : '정상';
      const hookBox = total('Discord 웹훅', hookText, hook.status === 'dead' ? 'bad' : '');
      if (hook.status === 'dead' && hook.last_error) hookBox.append(el('span', 'detail', hook.last_error));
      totals.append(hookBox);
      const routes = $('routes').querySelector('tbody');
      clear(routes);
      for (const r of data.routes || []) routes.append(routeRow(r));
      clear(holder);
      holder.append(chart(data.days));
    } catch (e) {
      clear(holder);
      holder.append(el('p', 'error', '통계를 불러오지 못했습니다: ' + e.message));
    }
  }

  // The reminders Discord will get next: "10분 전 알림 · 7월 3일 (목) 19:50 · 선예매 · 제목".
  async function loadReminders() {
    const list = $('reminders');
    try {
      const data = await getJson('/api/reminders');
      clear(list);
      for (const r of data.reminders) {
        const item = el('li', 'reminder');
        item.append(el('span', 'when', r.minutes_before + '분 전 알림 · ' + formatKst(r.due_at, true)),
          el('span', 'opening', r.opening), el('span', 'site', r.site_name));
        const title = r.url ? el('a', 'title', r.title) : el('span', 'title', r.title);
        if (r.url) { title.href = r.url; title.rel = 'noopener noreferrer'; }
        item.append(title);
        list.append(item);
      }
      $('reminders-empty').hidden = data.reminders.length > 0;
    } catch (e) {
      clear(list);
      list.append(el('li', 'error', '오픈 알림을 불러오지 못했습니다: ' + e.message));
    }
  }

  // Schedule changes and cancellations: "취소 · 12월 3일 (목) 10:03 · 예매처 목록에서 내려감 · 제목",
  // then what moved ("선예매 … → …") and, for a site's own change notice, the notice it is about.
  async function loadChanges() {
    const list = $('changes');
    try {
      const data = await getJson('/api/changes');
      clear(list);
      for (const c of data.changes) {
        const item = el('li', 'change' + (c.kind === '취소' ? ' cancelled' : ''));
        const head = el('div', 'head');
        head.append(el('span', 'kind', c.kind), el('span', 'when', formatKst(c.at, true)),
          el('span', 'reason', c.reason), el('span', 'site', c.site_name), el('span', 'status', c.status));
        const title = c.url ? el('a', 'title', c.title) : el('span', 'title', c.title);
        if (c.url) { title.href = c.url; title.rel = 'noopener noreferrer'; }
        head.append(title);
        item.append(head);
        for (const line of c.changes) item.append(el('div', 'line', line));
        if (c.original) {
          const original = c.original.url ? el('a', '', c.original.title) : el('span', '', c.original.title);
          if (c.original.url) { original.href = c.original.url; original.rel = 'noopener noreferrer'; }
          const line = el('div', 'line', '원래 공지: ');
          line.append(original);
          item.append(line);
        }
        list.append(item);
      }
      $('changes-empty').hidden = data.changes.length > 0;
    } catch (e) {
      clear(list);
      list.append(el('li', 'error', '일정 변경을 불러오지 못했습니다: ' + e.message));
    }
  }

  // --- wiring --------------------------------------------------------------------------------
  async function refreshAll() {
    await Promise.all([loadSites(), loadTickets(false), loadStats(), loadReminders(), loadChanges()]);
    $('refreshed').textContent = '마지막 갱신 ' + formatKst(nowSeconds(), true);
  }
  function onFilter(key, value) {
    state.filters[key] = value;
    loadTickets(false);
  }
  function init() {
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('site-filter').addEventListener('change', (e) => onFilter('site', e.target.value));
    $('genre-filter').addEventListener('change', (e) => onFilter('genre', e.target.value));
    for (const button of document.querySelectorAll('#when-filter button')) {
      button.addEventListener('click', () => {
        for (const b of document.querySelectorAll('#when-filter button')) b.classList.toggle('active', b === button);
        onFilter('when', button.dataset.when);
      });
    }
    let typing = 0;
    $('search').addEventListener('input', (e) => {
      clearTimeout(typing);
      typing = setTimeout(() => onFilter('q', e.target.value.trim()), 250);
    });
    $('more').addEventListener('click', () => loadTickets(true));
    const ready = refreshAll();
    setInterval(refreshAll, REFRESH_MS);
    // Lets tests (and curious users in the console) wait for the first complete render.
    window.taDashboard = {ready: ready};
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
