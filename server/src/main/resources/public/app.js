'use strict';
// Multivector dashboard: plain JavaScript, ECharts from its WebJar, no build step.
const charts = {};          // id -> {chart, option, csv: () => string}
const COLOURS = ['#c0392b', '#d4a017', '#2471a3', '#7f8c8d', '#27ae60', '#8e44ad', '#e67e22', '#16a085'];
let exploreData = null;
let currentJob = null;
let events = null;

function $(id) { return document.getElementById(id); }
function esc(s) { return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c])); }
// A server bound beyond this machine needs its token: serve prints the address with #token=..., kept for the tab.
const TOKEN = (() => {
  const t = new URLSearchParams(location.hash.slice(1)).get('token');
  if (t) { sessionStorage.setItem('multivector-token', t); history.replaceState(null, '', location.pathname); }
  return sessionStorage.getItem('multivector-token');
})();
function withToken(url) { return TOKEN ? url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(TOKEN) : url; }
async function api(path, options) {
  options = Object.assign({}, options);
  if (TOKEN) { options.headers = Object.assign({}, options.headers, {'Authorization': 'Bearer ' + TOKEN}); }
  const r = await fetch(path, options);
  const text = await r.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = {error: text}; }
  if (!r.ok) { const e = new Error((body && body.error) || r.statusText); e.status = r.status; e.body = body; throw e; }
  return body;
}
function status(text) { $('status').textContent = text; }

// ---- charts and downloads ---------------------------------------------------------------
function draw(id, option, csv) {
  const el = $(id);
  let entry = charts[id];
  if (!entry) {
    entry = charts[id] = {chart: echarts.init(el)};
    window.addEventListener('resize', () => entry.chart.resize());
  }
  option.animation = false;
  entry.option = option;
  entry.csv = csv;
  entry.chart.setOption(option, true);
  const d = document.querySelector('.downloads[data-chart="' + id + '"]');
  if (d && !d.dataset.ready) {
    d.dataset.ready = '1';
    d.innerHTML = 'Download: <button data-type="png">PNG</button><button data-type="svg">SVG</button><button data-type="csv">CSV</button>';
    d.addEventListener('click', ev => { const t = ev.target.dataset.type; if (t) download(id, t); });
  }
}
function save(name, href) { const a = document.createElement('a'); a.href = href; a.download = name; document.body.appendChild(a); a.click(); a.remove(); }
function download(id, type) {
  const entry = charts[id];
  if (!entry) return;
  if (type === 'png') save(id + '.png', entry.chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}));
  if (type === 'csv') save(id + '.csv', 'data:text/csv;charset=utf-8,' + encodeURIComponent(entry.csv ? entry.csv() : ''));
  if (type === 'svg') {
    const div = document.createElement('div');
    div.style.cssText = 'position:absolute;left:-10000px;width:' + $(id).clientWidth + 'px;height:' + $(id).clientHeight + 'px';
    document.body.appendChild(div);
    const c = echarts.init(div, null, {renderer: 'svg'});
    c.setOption(entry.option);
    save(id + '.svg', c.getDataURL({type: 'svg'}));
    c.dispose(); div.remove();
  }
}
function toCsv(header, rows) {
  const q = v => v === null || v === undefined ? '' : (/[",\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
  return [header.map(q).join(',')].concat(rows.map(r => r.map(q).join(','))).join('\n') + '\n';
}

// ---- tabs ----------------------------------------------------------------------------------
document.querySelectorAll('nav .tab').forEach(b => b.addEventListener('click', () => {
  document.querySelectorAll('nav .tab').forEach(x => x.classList.toggle('active', x === b));
  document.querySelectorAll('.view').forEach(v => v.classList.toggle('hidden', v.id !== 'view-' + b.dataset.view));
  Object.values(charts).forEach(e => e.chart.resize());
  if (b.dataset.view === 'results') loadStudies();
}));

// ---- explore -------------------------------------------------------------------------------
async function loadScenarios() {
  const list = await api('/api/scenarios');
  for (const sel of ['explore-scenario', 'sim-scenario', 'scenario-open']) {
    const s = $(sel), keep = s.value;
    s.innerHTML = list.map(x => '<option>' + esc(x.name) + '</option>').join('');
    if (keep && list.some(x => x.name === keep)) s.value = keep;
  }
}
async function loadExplore() {
  const name = $('explore-scenario').value;
  status('loading ' + name + '…');
  exploreData = await api('/api/scenarios/' + encodeURIComponent(name) + '/explore');
  const y = $('year');
  y.min = exploreData.years[0]; y.max = exploreData.years[exploreData.years.length - 1];
  if (+y.value < +y.min || +y.value > +y.max) y.value = y.min;
  $('dimension-select').innerHTML = exploreData.dimensions.map(d => '<option value="' + esc(d.id) + '">' + esc(d.name) + '</option>').join('');
  $('state-select').innerHTML = Object.keys(exploreData.states).map(s => '<option>' + esc(s) + '</option>').join('');
  if (exploreData.focus && exploreData.states[exploreData.focus]) $('state-select').value = exploreData.focus; // the scenario's own question
  $('observed-note').textContent = 'one run (seed ' + exploreData.seed + '): ties follow the observations up to ' + exploreData.lastObserved + ' where there are any (the network says which), simulated after';
  await showYear();
  status('');
}
async function showYear() {
  if (!exploreData) return;
  const year = +$('year').value;
  $('year-label').textContent = year;
  drawNetwork(year); drawShares(); drawBalance();
  const y = await api('/api/scenarios/' + encodeURIComponent($('explore-scenario').value) + '/year/' + year);
  $('institutions').innerHTML = y.institutions.map(i => '<li><b>' + esc(i.name) + '</b> (' + esc(i.domain.toLowerCase()) + '): ' + i.members.map(esc).join(', ') + '</li>').join('') || '<li class="muted">none</li>';
  $('disputes').innerHTML = y.disputes.map(d => '<li>' + esc(d.a) + '–' + esc(d.b) + ': ' + esc(d.kind.toLowerCase()) + ' (since ' + d.since + ')</li>').join('') || '<li class="muted">none</li>';
}
function drawNetwork(year) {
  const d = exploreData, dim = $('dimension-select').value, k = d.years.indexOf(year);
  const states = Object.keys(d.states), poles = d.poles.filter(p => !p.residual);
  const nodes = [], links = [];
  states.forEach((s, i) => {
    const a = 2 * Math.PI * i / states.length;
    nodes.push({name: s, x: 300 + 120 * Math.cos(a), y: 200 + 120 * Math.sin(a), symbolSize: 34, itemStyle: {color: '#1f3a5f'}, label: {show: true, color: '#fff'}});
  });
  poles.forEach((p, i) => {
    const a = 2 * Math.PI * i / poles.length - Math.PI / 2;
    nodes.push({name: p.id, x: 300 + 260 * Math.cos(a), y: 200 + 180 * Math.sin(a), symbolSize: 46, itemStyle: {color: COLOURS[i % COLOURS.length]}, label: {show: true}});
  });
  const rows = [];
  states.forEach(s => poles.forEach((p, i) => {
    const v = (d.states[s].shares[dim][p.id] || [])[k];
    if (v !== null && v !== undefined) {
      rows.push([year, dim, s, p.id, v]);
      if (v > 0.02) links.push({source: s, target: p.id, value: v, lineStyle: {width: 1 + 14 * v, color: COLOURS[i % COLOURS.length], opacity: 0.55}});
    }
  }));
  $('network-caption').textContent = dim + ', ' + year + ' — ' + tieStatus(d, states, dim, k) + ' (edge width = share)';
  draw('network', {
    tooltip: {formatter: p => p.dataType === 'edge' ? p.data.source + ' → ' + p.data.target + ': ' + (100 * p.data.value).toFixed(1) + ' %' : p.name},
    series: [{type: 'graph', layout: 'none', roam: true, data: nodes, links: links, label: {show: true}}]
  }, () => toCsv(['year', 'dimension', 'state', 'pole', 'share'], rows));
}
// Where the shown ties come from, as describe says it: observed, estimated, missing (model values shown) or simulated.
function tieStatus(d, states, dim, k) {
  const by = {};
  states.forEach(s => { const st = ((d.states[s].status || {})[dim] || [])[k] || 'simulated'; (by[st] = by[st] || []).push(s); });
  const kinds = Object.keys(by);
  if (kinds.length === 1) return kinds[0] === 'missing' ? 'missing for every state (model values shown)' : kinds[0];
  return kinds.map(x => x + (x === 'missing' ? ' (model values shown)' : '') + ': ' + by[x].join(', ')).join('; ');
}
function yearMark() {
  return {symbol: 'none', silent: true, label: {show: false}, lineStyle: {color: '#333', type: 'dashed'}, data: [{xAxis: String($('year').value)}]};
}
function drawShares() {
  const d = exploreData, s = $('state-select').value, dim = $('dimension-select').value;
  const shares = d.states[s].shares[dim];
  const poles = Object.keys(shares);
  draw('shares', {
    tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 50, right: 20, top: 40, bottom: 30},
    xAxis: {type: 'category', data: d.years}, yAxis: {type: 'value', min: 0, max: 1, name: 'share'},
    series: poles.map((p, i) => ({name: p, type: 'line', stack: 'shares', areaStyle: {}, symbol: 'none', data: shares[p], color: COLOURS[i % COLOURS.length],
      markLine: i === 0 ? yearMark() : undefined}))
  }, () => toCsv(['year'].concat(poles), d.years.map((y, k) => [y].concat(poles.map(p => shares[p][k])))));
}
function drawBalance() {
  const d = exploreData, states = Object.keys(d.states);
  draw('balance', {
    tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 45, right: 15, top: 50, bottom: 30},
    xAxis: {type: 'category', data: d.years}, yAxis: {type: 'value', min: 0, max: 1},
    series: states.map((s, i) => ({name: s, type: 'line', symbol: 'none', data: d.states[s].balance, color: COLOURS[i % COLOURS.length],
      markLine: i === 0 ? yearMark() : undefined}))
  }, () => toCsv(['year'].concat(states), d.years.map((y, k) => [y].concat(states.map(s => d.states[s].balance[k])))));
}
$('explore-scenario').addEventListener('change', loadExplore);
$('year').addEventListener('input', showYear);
$('dimension-select').addEventListener('change', () => { drawShares(); showYear(); });
$('state-select').addEventListener('change', drawShares);

// ---- simulate ------------------------------------------------------------------------------
function syncKind() {
  const k = $('sim-kind').value;
  document.querySelectorAll('#sim-form [data-kinds]').forEach(e => e.classList.toggle('hidden', !e.dataset.kinds.split(' ').includes(k)));
}
$('sim-kind').addEventListener('change', syncKind);
$('sim-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  $('sim-error').classList.add('hidden');
  const kind = $('sim-kind').value;
  const body = {kind: kind};
  if (kind !== 'bargain') body.scenario = $('sim-scenario').value;
  // every visible field with a value, typed as the API takes it
  document.querySelectorAll('#sim-form [data-kinds]:not(.hidden) [data-field]').forEach(e => {
    const v = e.value.trim();
    if (v === '') return;
    // a whole number (a seed) goes as text: JavaScript numbers are exact only up to 2^53, seeds run to 2^63 - 1
    body[e.dataset.field] = e.dataset.type === 'number' ? +v : e.dataset.type === 'whole' ? v.trim() : e.dataset.type === 'boolean' ? v === 'true' : e.dataset.type === 'list' ? v.split(',').map(x => x.trim()).filter(x => x) : v;
  });
  const overrides = $('sim-overrides').closest('label').classList.contains('hidden') ? [] : $('sim-overrides').value.split(',').map(x => x.trim()).filter(x => x);
  if (overrides.length) {
    body.overrides = {};
    for (const o of overrides) {
      const eq = o.indexOf('=');
      if (eq < 1) { showError('sim-error', new Error("strategy overrides: '" + o + "' is not STATE=STRATEGY")); return; }
      body.overrides[o.slice(0, eq).trim()] = o.slice(eq + 1).trim();
    }
  }
  try {
    const job = await api('/api/jobs', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    follow(job.id);
  } catch (e) {
    showError('sim-error', e);
  }
});
$('sim-cancel').addEventListener('click', () => { if (currentJob) api('/api/jobs/' + currentJob, {method: 'DELETE'}); });
function showError(id, e) {
  const el = $(id);
  const problems = e.body && e.body.problems ? e.body.problems.filter(p => p.text).map(p => p.text) : [];
  el.textContent = (e.status === 429 ? 'Busy: ' : '') + e.message + (problems.length ? '\n' + problems.join('\n') : '');
  el.classList.remove('hidden');
}
function follow(id) {
  currentJob = id;
  $('sim-start').disabled = true; $('sim-cancel').disabled = false;
  $('progress').value = 0; $('progress-text').textContent = id + ': queued';
  if (events) events.close();
  events = new EventSource(withToken('/api/jobs/' + id + '/events'));
  const update = s => { $('progress').value = s.percent; $('progress-text').textContent = s.id + ': ' + s.state + ', ' + s.percent.toFixed(1) + ' % (' + s.done + ' / ' + s.total + ' runs)'; };
  events.addEventListener('progress', ev => update(JSON.parse(ev.data)));
  events.addEventListener('done', async ev => {
    const s = JSON.parse(ev.data);
    update(s);
    events.close(); events = null;
    $('sim-start').disabled = false; $('sim-cancel').disabled = true;
    if (s.state === 'done') showResult(await api('/api/jobs/' + id + '/result'), null);
    else showError('sim-error', new Error(s.id + ' ' + s.state + (s.error ? ': ' + s.error : '')));
  });
}
function bandSeries(name, b, colour) {
  const lower = b.p05, upper = b.p95.map((v, k) => v === null || lower[k] === null ? null : v - lower[k]);
  const lo50 = b.p25, up50 = b.p75.map((v, k) => v === null || lo50[k] === null ? null : v - lo50[k]);
  return [
    {name: name + ' 5–95 %', type: 'line', data: lower, stack: name + 'a', lineStyle: {opacity: 0}, symbol: 'none'},
    {name: name + ' 5–95 %', type: 'line', data: upper, stack: name + 'a', lineStyle: {opacity: 0}, symbol: 'none', areaStyle: {color: colour, opacity: 0.15}},
    {name: name + ' 25–75 %', type: 'line', data: lo50, stack: name + 'b', lineStyle: {opacity: 0}, symbol: 'none'},
    {name: name + ' 25–75 %', type: 'line', data: up50, stack: name + 'b', lineStyle: {opacity: 0}, symbol: 'none', areaStyle: {color: colour, opacity: 0.3}},
    {name: name + ' median', type: 'line', data: b.p50, symbol: 'none', lineStyle: {color: colour, width: 2}, color: colour}
  ];
}
// ---- a study of any kind, drawn from its summary (a job's result, or a reopened study's summary.json) ----------
// target: the element ids of one place to draw ({title, chart, table, view, viewLabel}); views: what the select offers.
const RESULT = {title: 'result-title', chart: 'result-chart', table: 'result-table', view: 'result-view', viewLabel: 'result-view-label'};
const STUDY = {title: 'study-title', chart: 'study-chart', table: 'study-table', view: 'study-view', viewLabel: 'study-view-label'};
const shown = {};  // target title id -> summary shown there
function viewsOf(r) {
  switch (r.kind) {
    case 'ensemble': case 'backtest': return ['RSI'].concat(Object.keys(r.balance || {}).map(s => 'balance ' + s));
    case 'compare': return [...new Set(r.rows.map(x => x.metric))].concat(['RSI over time']).concat(r.decomposition ? ['What carries ΔRSI'] : []);
    case 'sensitivity': return r.outputs;
    case 'discover': return r.box ? ['peeling trajectory'] : [];
    case 'bargain': return r.dimensions || [];
    default: return [];
  }
}
function lastObservedMark(r) {
  return r.lastObserved === undefined ? undefined : {symbol: 'none', silent: true, lineStyle: {color: '#555', type: 'dashed'},
    label: {formatter: 'last observed ' + r.lastObserved, position: 'insideEndTop', fontSize: 10}, data: [{xAxis: String(r.lastObserved)}]};
}
function timeAxis(r) { return {type: 'category', data: r.years, name: 'year', nameLocation: 'middle', nameGap: 26}; }
function titled(text) { return {text: text, left: 'center', textStyle: {fontSize: 13}}; }
function showStudy(t, r, view) {
  if (shown[t.title] !== r) {
    shown[t.title] = r;
    const views = viewsOf(r);
    $(t.view).innerHTML = views.map(v => '<option>' + esc(v) + '</option>').join('');
    $(t.viewLabel).classList.toggle('hidden', views.length === 0);
    view = views[0];
  }
  $(t.title).textContent = r.kind + ' of ' + r.scenario + ' — study ' + r.studyId;
  $(t.chart).dataset.kind = r.kind;
  $(t.chart).dataset.study = r.studyId;
  const draw1 = (option, csv) => draw(t.chart, option, csv);
  const table = html => { $(t.table).innerHTML = html; };
  const k = r.kind;
  if (k === 'ensemble' || k === 'backtest') {
    const isRsi = view === 'RSI';
    const b = isRsi ? r.rsi : r.balance[view.slice(8)];
    const series = bandSeries(view, b, '#2471a3');
    series[series.length - 1].markLine = lastObservedMark(r);
    draw1({
      title: titled((isRsi ? 'Regional Stability Index' : 'Balance index of ' + view.slice(8)) + ' — ' + (r.request.runs || '') + ' runs: median, 25–75 % and 5–95 % of runs'),
      tooltip: {trigger: 'axis'}, legend: {top: 22, data: [view + ' median', view + ' 25–75 %', view + ' 5–95 %']}, grid: {left: 60, right: 20, top: 60, bottom: 45},
      xAxis: timeAxis(r), yAxis: {type: 'value', min: 0, max: isRsi ? 100 : 1, name: isRsi ? 'RSI (0–100)' : 'balance index (0–1)'},
      series: series
    }, () => toCsv(['year', 'mean', 'p05', 'p25', 'p50', 'p75', 'p95'], r.years.map((y, i) => [y, b.mean[i], b.p05[i], b.p25[i], b.p50[i], b.p75[i], b.p95[i]])));
    if (k === 'backtest') {
      table('<tr><th class="l">pattern</th><th>n</th><th class="l">forecast</th><th class="l">scores</th></tr>' + r.scores.map(p => Object.entries(p.scores).map(([f, m]) =>
        '<tr><td class="l">' + esc(p.pattern) + '</td><td>' + p.n + '</td><td class="l">' + esc(f) + '</td><td class="l">' + Object.entries(m).map(([n, v]) => esc(n) + ' ' + fmt(v)).join(', ') + '</td></tr>').join('')).join(''));
    } else {
      const states = Object.keys(r.balance), last = r.years.length - 1;
      table('<tr><th class="l">state</th><th>balance ' + r.years[last] + ' median</th><th>5 %</th><th>95 %</th></tr>' +
        states.map(s => '<tr><td class="l">' + esc(s) + '</td><td>' + fmt(r.balance[s].p50[last]) + '</td><td>' + fmt(r.balance[s].p05[last]) + '</td><td>' + fmt(r.balance[s].p95[last]) + '</td></tr>').join(''));
    }
  } else if (k === 'compare' && view === 'RSI over time') {
    const strategies = Object.keys(r.rsiByStrategy);
    draw1({
      title: titled('RSI under each strategy of ' + r.actor + ' from ' + r.branchYear + ' (median over runs)'),
      tooltip: {trigger: 'axis'}, legend: {top: 22}, grid: {left: 60, right: 20, top: 60, bottom: 45},
      xAxis: timeAxis(r), yAxis: {type: 'value', min: 0, max: 100, name: 'RSI (0–100)'},
      series: strategies.map((s, i) => ({name: s, type: 'line', symbol: 'none', data: r.rsiByStrategy[s].p50, color: COLOURS[i % COLOURS.length],
        markLine: i === 0 ? lastObservedMark(r) : undefined}))
    }, () => toCsv(['year'].concat(strategies), r.years.map((y, i) => [y].concat(strategies.map(s => r.rsiByStrategy[s].p50[i])))));
    table('');
  } else if (k === 'compare' && view === 'What carries ΔRSI') {
    // the part of each alternative's ΔRSI each channel carries (ΔRSI − ΔRSI with the channel off, same random numbers)
    const alts = [...new Set(r.decomposition.map(x => x.strategy))];
    const channels = [...new Set(r.decomposition.map(x => x.channel))];
    const part = (s, c) => (r.decomposition.find(x => x.strategy === s && x.channel === c) || {}).carried;
    const total = s => channels.reduce((a, c) => a + (part(s, c) || 0), 0);
    draw1({
      title: titled('What carries each ΔRSI against ' + r.baseline + ' (over ' + r.decompositionRuns + ' runs)'),
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {top: 22, data: alts}, grid: {left: 150, right: 30, top: 60, bottom: 55},
      xAxis: {type: 'value', name: 'RSI points carried (ΔRSI − ΔRSI with the channel off)', nameLocation: 'middle', nameGap: 30},
      yAxis: {type: 'category', data: channels, name: 'channel', nameLocation: 'start', nameGap: 12, inverse: true},
      series: alts.map((s, i) => ({name: s, type: 'bar', data: channels.map(c => part(s, c)), color: COLOURS[i % COLOURS.length]}))
    }, () => toCsv(['channel'].concat(alts), channels.map(c => [c].concat(alts.map(s => part(s, c))))));
    table('<tr><th class="l">channel</th>' + alts.map(s => '<th>' + esc(s) + '</th>').join('') + '</tr>' +
      channels.map(c => '<tr><td class="l">' + esc(c) + '</td>' + alts.map(s => '<td>' + fmt(part(s, c)) + '</td>').join('') + '</tr>').join('') +
      '<tr><td class="l"><b>ΔRSI</b></td>' + alts.map(s => '<td><b>' + fmt(total(s)) + '</b></td>').join('') + '</tr>');
  } else if (k === 'compare') {
    const rows = r.rows.filter(x => x.metric === view);
    const others = rows.filter(x => x.diff !== null);
    const unit = rows[0].unit ? ', ' + rows[0].unit : '';
    draw1({
      title: titled('Difference from ' + r.baseline + ' in ' + view + ' (mean over runs, 95 % CI)'),
      tooltip: {}, grid: {left: 140, right: 30, top: 60, bottom: 55},
      xAxis: {type: 'value', name: 'strategy − ' + r.baseline + unit + ' (' + rows[0].better + ' is better)', nameLocation: 'middle', nameGap: 30},
      yAxis: {type: 'category', data: others.map(x => x.strategy), name: 'strategy', nameLocation: 'start', nameGap: 12, inverse: true, axisLine: {onZero: false}},
      series: [
        {name: '95 % CI', type: 'custom', renderItem: (p, api2) => {
          const lo = api2.coord([api2.value(1), api2.value(0)]), hi = api2.coord([api2.value(2), api2.value(0)]);
          // an interval narrower than 3 px is drawn 3 px wide, so it stays visible
          const mid = (lo[0] + hi[0]) / 2, half = Math.max(1.5, (hi[0] - lo[0]) / 2);
          return {type: 'line', shape: {x1: mid - half, y1: lo[1], x2: mid + half, y2: hi[1]}, style: {stroke: '#333', lineWidth: 3}};
        }, data: others.map((x, i) => [i, x.lo, x.hi]), encode: {x: [1, 2], y: 0}},
        {name: 'mean difference', type: 'scatter', data: others.map((x, i) => [x.diff, i]), symbolSize: 10, itemStyle: {color: '#27ae60'},
         markLine: {symbol: 'none', label: {show: false}, data: [{xAxis: 0}], lineStyle: {type: 'dashed', color: '#999'}}}
      ], legend: {top: 22, data: ['mean difference', '95 % CI']}, color: ['#333', '#27ae60']
    }, () => toCsv(['strategy', 'metric', 'unit', 'better', 'mean', 'diff', 'lo', 'hi', 'p_better'], r.rows.map(x => [x.strategy, x.metric, x.unit, x.better, x.mean, x.diff, x.lo, x.hi, x.pBetter])));
    const narrow = others.some(x => x.lo !== null && Math.abs(x.hi - x.lo) < 1e-9);
    table('<tr><th class="l">strategy</th><th class="l">metric</th><th>mean</th><th>difference</th><th>95 % CI</th><th>P(better)</th></tr>' +
      rows.map(x => '<tr><td class="l">' + esc(x.strategy) + '</td><td class="l">' + esc(x.metric) + (x.unit ? ' [' + esc(x.unit) + ']' : '') + ' (' + x.better + ' is better)</td><td>' + fmt(x.mean) + '</td><td>' + fmt(x.diff) + '</td><td>' + (x.lo === null ? '' : fmt(x.lo) + ' – ' + fmt(x.hi)) + '</td><td>' + fmt(x.pBetter) + '</td></tr>').join('') +
      (narrow ? '<tr><td class="l muted" colspan="6">Some intervals are narrower than a pixel: every run shares one history before the branch year, so they measure Monte-Carlo noise only.</td></tr>' : ''));
  } else if (k === 'sensitivity') {
    const morris = r.method === 'morris';
    // a parameter whose effects could not be computed carries a note and is never ranked
    const rows = r.rows.filter(x => x.output === view && x.note == null).sort((a, b) => (morris ? b.muStar - a.muStar : b.st - a.st)).slice(0, 15).reverse();
    draw1({
      title: titled(view + ': ' + (morris ? 'μ* (mean absolute elementary effect), 15 largest' : 'total Sobol index with 95 % bootstrap interval, 15 largest')),
      tooltip: {}, grid: {left: 200, right: 30, top: 60, bottom: 45},
      xAxis: {type: 'value', name: morris ? 'μ* (units of ' + view + ')' : 'total index S_T (share of variance)', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', data: rows.map(x => x.parameter), name: 'parameter'},
      legend: {top: 22, data: [morris ? 'μ*' : 'S_T']},
      series: [{name: morris ? 'μ*' : 'S_T', type: 'bar', data: rows.map(x => morris ? x.muStar : x.st), itemStyle: {color: '#2471a3'}}]
    }, () => toCsv(['output', 'parameter', 'mu', 'mu_star', 'sigma', 's1', 's1_lo', 's1_hi', 'st', 'st_lo', 'st_hi'], r.rows.map(x => [x.output, x.parameter, x.mu, x.muStar, x.sigma, x.s1, x.s1Lo, x.s1Hi, x.st, x.stLo, x.stHi])));
    table('<tr><th class="l">parameter</th>' + (morris ? '<th>μ*</th><th>μ</th><th>σ</th>' : '<th>S1</th><th>95 %</th><th>ST</th><th>95 %</th>') + '</tr>' + rows.slice().reverse().map(x => '<tr><td class="l">' + esc(x.parameter) + '</td>' +
      (morris ? '<td>' + fmt(x.muStar) + '</td><td>' + fmt(x.mu) + '</td><td>' + fmt(x.sigma) + '</td>' : '<td>' + fmt(x.s1) + '</td><td>' + fmt(x.s1Lo) + ' – ' + fmt(x.s1Hi) + '</td><td>' + fmt(x.st) + '</td><td>' + fmt(x.stLo) + ' – ' + fmt(x.stHi) + '</td>') + '</tr>').join(''));
  } else if (k === 'discover') {
    if (!r.box) { table('<tr><td class="l">' + esc((r.warnings || []).join(' ')) + '</td></tr>'); } else {
    const t = r.trajectory;
    draw1({
      title: titled('Where ' + r.alternative + ' is "' + r.target + '" against ' + r.baseline + ': PRIM peeling trajectory'),
      tooltip: {}, grid: {left: 60, right: 30, top: 60, bottom: 50}, legend: {top: 22, data: ['boxes', 'reported box']},
      xAxis: {type: 'value', min: 0, max: 1, name: 'coverage (share of all cases inside the box)', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', min: 0, max: 1, name: 'density (share of cases)', nameLocation: 'middle', nameGap: 36},
      series: [{name: 'boxes', type: 'scatter', symbolSize: 6, data: t.map(x => [x.coverage, x.density]), itemStyle: {color: '#2471a3'}},
        {name: 'reported box', type: 'scatter', symbolSize: 14, data: [[r.box.coverage, r.box.density]], itemStyle: {color: '#c0392b'}}]
    }, () => toCsv(['step', 'coverage', 'density', 'support', 'restricted'], t.map(x => [x.step, x.coverage, x.density, x.support, x.restricted])));
    table('<tr><th class="l">parameter</th><th>box</th><th>sampled range</th><th>quasi-p</th></tr>' +
      r.box.limits.map(x => '<tr><td class="l">' + esc(x.parameter) + '</td><td>' + fmt(x.lo) + ' – ' + fmt(x.hi) + '</td><td>' + fmt(x.rangeLo) + ' – ' + fmt(x.rangeHi) + '</td><td>' + fmt(x.quasiP) + '</td></tr>').join('') +
      '<tr><td class="l muted" colspan="4">' + esc(r.cases + ' of ' + r.points + ' points are cases; the box holds ' + fmt(r.box.coverage) + ' of them at density ' + fmt(r.box.density) + '. At the scenario\'s values: ' + r.referenceVerdict + ' (ΔRSI ' + fmt(r.referenceDelta) + ', ROPE ±' + fmt(r.rope) + ').') + '</td></tr>');
    }
  } else if (k === 'calibrate') {
    const n = r.bestSoFar.map((v, i) => i);
    draw1({
      title: titled('Calibration: best combined loss so far (1 = as good as the naive reference)'),
      tooltip: {trigger: 'axis'}, legend: {top: 22, data: ['best so far']}, grid: {left: 60, right: 20, top: 60, bottom: 45},
      xAxis: {type: 'category', data: n, name: 'evaluation', nameLocation: 'middle', nameGap: 26}, yAxis: {type: 'value', name: 'loss (ratio to reference)'},
      series: [{name: 'best so far', type: 'line', symbol: 'none', data: r.bestSoFar, color: '#c0392b',
        markLine: {symbol: 'none', data: [{yAxis: 1}], lineStyle: {type: 'dashed', color: '#999'}, label: {formatter: 'reference'}}}]
    }, () => toCsv(['evaluation', 'best'], n.map(i => [i, r.bestSoFar[i]])));
    table('<tr><th class="l">parameter</th><th>fitted</th></tr>' + Object.entries(r.fitted).map(([p, v]) => '<tr><td class="l">' + esc(p) + '</td><td>' + fmt(v) + '</td></tr>').join('') +
      '<tr><td class="l">loss: start → fitted</td><td>' + fmt(r.startLoss) + ' → ' + fmt(r.fittedLoss) + '</td></tr>');
  } else if (k === 'bargain' && r.actors) {
    const d = Math.max(0, r.dimensions.indexOf(view));
    const names = r.actors.map(a => a.actor);
    draw1({
      title: titled('Positions on ' + view + ': start and after ' + r.turns + ' turns (0–100); forecast ' + fmt(r.outcome[view])),
      tooltip: {trigger: 'axis'}, legend: {top: 22, data: ['start', 'final']}, grid: {left: 60, right: 70, top: 60, bottom: 70},
      xAxis: {type: 'category', data: names, name: 'actor', nameLocation: 'middle', nameGap: 50, axisLabel: {rotate: 30}},
      yAxis: {type: 'value', min: 0, max: 100, name: 'position (0–100)'},
      series: [{name: 'start', type: 'scatter', data: r.actors.map(a => a.start[d]), itemStyle: {color: '#7f8c8d'}},
               {name: 'final', type: 'bar', data: r.actors.map(a => a.final[d]), itemStyle: {color: '#8e44ad'},
                markLine: {symbol: 'none', data: [{yAxis: r.outcome[view]}], label: {formatter: 'forecast'}, lineStyle: {type: 'dashed'}}}]
    }, () => toCsv(['actor', 'start', 'final', 'probability'], r.actors.map(a => [a.actor, a.start[d], a.final[d], a.probability])));
    table('<tr><th class="l">actor</th><th>start</th><th>final</th><th>P(its position wins)</th></tr>' + r.actors.map(a => '<tr><td class="l">' + esc(a.actor) + '</td><td>' + fmt(a.start[d]) + '</td><td>' + fmt(a.final[d]) + '</td><td>' + fmt(a.probability) + '</td></tr>').join(''));
  } else if (k === 'bargain') {
    const dims = r.dimensions;
    draw1({
      title: titled('Forecast outcome per dimension over ' + r.request.runs + ' perturbed runs: median and 5–95 %'),
      tooltip: {}, grid: {left: 140, right: 30, top: 60, bottom: 55}, legend: {top: 22, data: ['median', '5–95 %']}, color: ['#333', '#8e44ad'],
      xAxis: {type: 'value', min: 0, max: 100, name: 'outcome (0–100)', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', data: dims, name: 'dimension', nameLocation: 'start', nameGap: 12, inverse: true, axisLine: {onZero: false}},
      series: [
        {name: '5–95 %', type: 'custom', renderItem: (p, api2) => {
          const lo = api2.coord([api2.value(1), api2.value(0)]), hi = api2.coord([api2.value(2), api2.value(0)]);
          return {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: Math.max(hi[0], lo[0] + 3), y2: hi[1]}, style: {stroke: '#333', lineWidth: 3}};
        }, data: dims.map((x, i) => [i, r.outcome[x].p05, r.outcome[x].p95]), encode: {x: [1, 2], y: 0}},
        {name: 'median', type: 'scatter', data: dims.map((x, i) => [r.outcome[x].p50, i]), symbolSize: 10, itemStyle: {color: '#8e44ad'}}]
    }, () => toCsv(['dimension', 'mean', 'p05', 'p50', 'p95'], dims.map(x => [x, r.outcome[x].mean, r.outcome[x].p05, r.outcome[x].p50, r.outcome[x].p95])));
    table('<tr><td class="l">runs that converged</td><td>' + fmt(100 * r.convergedShare) + ' %</td></tr>');
  } else {
    const states = Object.keys(r.balance);
    const series = [{name: 'RSI', type: 'line', data: r.rsi, symbol: 'none', lineStyle: {width: 3}, color: '#000', markLine: lastObservedMark(r)}].concat(
        states.map((s, i) => ({name: s + ' balance', type: 'line', yAxisIndex: 1, data: r.balance[s], symbol: 'none', color: COLOURS[i % COLOURS.length]})));
    draw1({
      title: titled('One run (seed ' + r.request.seed + '): RSI and each state\u2019s balance index'),
      tooltip: {trigger: 'axis'}, legend: {top: 22}, grid: {left: 60, right: 60, top: 60, bottom: 45},
      xAxis: timeAxis(r), yAxis: [{type: 'value', min: 0, max: 100, name: 'RSI (0–100)'}, {type: 'value', min: 0, max: 1, name: 'balance (0–1)'}],
      series: series
    }, () => toCsv(['year', 'rsi'].concat(states), r.years.map((y, i) => [y, r.rsi[i]].concat(states.map(s => r.balance[s][i])))));
    table('');
  }
  const link = $(t.title + '-report');
  if (link) { link.href = withToken('/api/studies/' + encodeURIComponent(r.studyId) + '/report'); link.classList.remove('hidden'); }
}
function showResult(r, view) { showStudy(RESULT, r, view); }
$('result-view').addEventListener('change', () => { if (shown[RESULT.title]) showStudy(RESULT, shown[RESULT.title], $('result-view').value); });
$('study-view').addEventListener('change', () => { if (shown[STUDY.title]) showStudy(STUDY, shown[STUDY.title], $('study-view').value); });
function fmt(v) {
  if (v === null || v === undefined) return '';
  const a = Math.abs(v);
  return a >= 10 ? v.toFixed(1) : (a >= 0.01 || a === 0 ? v.toFixed(3) : v.toPrecision(2));
}

// ---- scenarios -----------------------------------------------------------------------------
function annotate(text, problems) {
  const lines = text.split('\n');
  const byLine = {};
  (problems || []).forEach(p => { const l = p.line > 0 ? p.line : 1; (byLine[l] = byLine[l] || []).push(p); });
  let html = '';
  lines.forEach((t, i) => {
    const n = i + 1, ps = byLine[n];
    html += '<div class="ln' + (ps ? ' bad' : '') + '" id="line-' + n + '"><span class="no">' + n + '</span><span>' + esc(t) + '</span></div>';
    if (ps) ps.forEach(p => { html += '<span class="problem" data-line="' + n + '">line ' + n + (p.column ? ':' + p.column : '') + ' — ' + (p.path ? esc(p.path) + ': ' : '') + esc(p.message) + (p.hint ? ' (' + esc(p.hint) + ')' : '') + '</span>'; });
  });
  Object.keys(byLine).filter(l => l > lines.length).forEach(l => byLine[l].forEach(p => { html += '<span class="problem" data-line="' + l + '">line ' + l + ' — ' + esc(p.message) + '</span>'; }));
  $('annotated').innerHTML = html;
  const first = document.querySelector('#annotated .bad');
  if (first) first.scrollIntoView({block: 'center'});
}
async function validate() {
  const text = $('editor').value;
  try {
    const r = await api('/api/scenarios/validate', {method: 'POST', headers: {'Content-Type': 'application/yaml'}, body: text});
    $('scenario-status').innerHTML = '<span class="ok">valid: ' + esc(r.title) + ' (' + r.years.join('–') + ')</span>';
    annotate(text, []);
    return true;
  } catch (e) {
    $('scenario-status').textContent = e.message;
    annotate(text, e.body && e.body.problems);
    return false;
  }
}
$('validate').addEventListener('click', validate);
$('save').addEventListener('click', async () => {
  if (!(await validate())) return;
  try {
    await api('/api/scenarios/' + encodeURIComponent($('scenario-name').value), {method: 'PUT', headers: {'Content-Type': 'application/yaml'}, body: $('editor').value});
    $('scenario-status').innerHTML = '<span class="ok">saved as ' + esc($('scenario-name').value) + '</span>';
    await loadScenarios();
  } catch (e) { $('scenario-status').textContent = e.message; }
});
$('scenario-file').addEventListener('change', async ev => {
  const f = ev.target.files[0];
  if (!f) return;
  $('editor').value = await f.text();
  $('scenario-name').value = f.name.replace(/\.ya?ml$/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  await validate();
});
$('scenario-open').addEventListener('change', async () => {
  const r = await fetch(withToken('/api/scenarios/' + encodeURIComponent($('scenario-open').value)));
  $('editor').value = await r.text();
  annotate($('editor').value, []);
});

// ---- results -------------------------------------------------------------------------------
async function loadStudies() {
  const list = await api('/api/studies');
  $('studies').innerHTML = '<tr><th></th><th class="l">study</th><th class="l">kind</th><th class="l">scenario</th><th>runs</th><th>seed</th><th class="l">executor</th><th class="l">created</th></tr>' +
    list.map(s => '<tr class="study" data-id="' + esc(s.study_id) + '"><td><input type="checkbox" data-id="' + esc(s.study_id) + '"></td><td class="l">' + esc(s.study_id) + '</td><td class="l">' + esc(s.kind) + '</td><td class="l">' + esc(s.scenario) + '</td><td>' + s.runs + '</td><td>' + s.seed + '</td><td class="l">' + esc(s.executor) + '</td><td class="l">' + esc(s.created) + '</td></tr>').join('');
}
$('studies').addEventListener('click', async ev => {
  if (ev.target.tagName === 'INPUT') return;
  const tr = ev.target.closest('tr.study');
  if (tr) openStudy(tr.dataset.id);
});
async function openStudy(id) {
  const s = await api('/api/studies/' + encodeURIComponent(id));
  if (s.summary) { showStudy(STUDY, s.summary, null); return; }
  // a study written before summaries were saved with it: what the database holds
  shown[STUDY.title] = null;
  $(STUDY.viewLabel).classList.add('hidden');
  $('study-title').textContent = s.kind + ' — ' + s.study_id + ' (' + s.scenario + ', ' + s.runs + ' runs; saved without a summary: its report has the details)';
  $('study-chart').dataset.kind = s.kind;
  $('study-chart').dataset.study = s.study_id;
  if (charts['study-chart']) charts['study-chart'].chart.clear();
  $('study-table').innerHTML = '';
}
/** The RSI median over time of a study, one line per strategy for comparisons; null when the kind has none. */
function rsiLines(r) {
  if ((r.kind === 'ensemble' || r.kind === 'backtest') && r.rsi) return [{name: r.studyId, years: r.years, values: r.rsi.p50}];
  if (r.kind === 'run') return [{name: r.studyId, years: r.years, values: r.rsi}];
  if (r.kind === 'compare') return Object.keys(r.rsiByStrategy).map(st => ({name: r.studyId + ' · ' + st, years: r.years, values: r.rsiByStrategy[st].p50}));
  return null;
}
$('compare-studies').addEventListener('click', async () => {
  const ids = [...document.querySelectorAll('#studies input:checked')].map(i => i.dataset.id);
  if (ids.length < 2) { $('study-title').textContent = 'Tick two or more studies to compare'; return; }
  const studies = await Promise.all(ids.map(id => api('/api/studies/' + encodeURIComponent(id))));
  const lines = [], skipped = [];
  studies.forEach(s => { const l = s.summary ? rsiLines(s.summary) : null; if (l) lines.push(...l); else skipped.push(s.study_id + ' (' + s.kind + ')'); });
  const years = [...new Set(lines.flatMap(l => l.years))].sort((a, b) => a - b);
  shown[STUDY.title] = null;
  $(STUDY.viewLabel).classList.add('hidden');
  $('study-title').textContent = 'RSI median of ' + (studies.length - skipped.length) + ' studies' + (skipped.length ? ' — not compared, no RSI over time: ' + skipped.join(', ') : '');
  $('study-chart').dataset.kind = 'comparison of studies';
  draw('study-chart', {tooltip: {trigger: 'axis'}, legend: {top: 0, type: 'scroll'}, grid: {left: 60, right: 20, top: 40, bottom: 45},
    xAxis: {type: 'category', data: years, name: 'year', nameLocation: 'middle', nameGap: 26}, yAxis: {type: 'value', min: 0, max: 100, name: 'RSI (0–100)'},
    series: lines.map((l, i) => ({name: l.name, type: 'line', symbol: 'none', color: COLOURS[i % COLOURS.length], data: years.map(y => { const k = l.years.indexOf(y); return k < 0 ? null : l.values[k]; })}))},
    () => toCsv(['year'].concat(lines.map(l => l.name)), years.map(y => [y].concat(lines.map(l => { const k = l.years.indexOf(y); return k < 0 ? null : l.values[k]; })))));
  $('study-table').innerHTML = '';
});

// ---- start ---------------------------------------------------------------------------------
(async () => {
  syncKind();
  await loadScenarios();
  await loadExplore();
  $('scenario-open').value = 'central-asia';
  $('scenario-open').dispatchEvent(new Event('change'));
  document.body.dataset.ready = '1';
})().catch(e => status('error: ' + e.message));
