'use strict';
// Multivector dashboard: plain JavaScript, ECharts from its WebJar, no build step.
const charts = {};          // id -> {chart, option, csv: () => string}
const COLOURS = ['#c0392b', '#d4a017', '#2471a3', '#7f8c8d', '#27ae60', '#8e44ad', '#e67e22', '#16a085'];
let exploreData = null;
let currentJob = null;
let events = null;

function $(id) { return document.getElementById(id); }
function esc(s) { return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c])); }
async function api(path, options) {
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
  $('observed-note').textContent = 'ties observed to ' + exploreData.lastObserved + ', simulated after (seed ' + exploreData.seed + ')';
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
  document.querySelectorAll('.compare-only').forEach(e => e.classList.toggle('hidden', k !== 'compare'));
  $('sim-runs').disabled = k === 'run';
}
$('sim-kind').addEventListener('change', syncKind);
$('sim-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  $('sim-error').classList.add('hidden');
  const kind = $('sim-kind').value;
  const body = {kind: kind, scenario: $('sim-scenario').value, seed: +$('sim-seed').value};
  if (kind !== 'run') body.runs = +$('sim-runs').value;
  const overrides = $('sim-overrides').value.split(',').map(x => x.trim()).filter(x => x);
  if (overrides.length) {
    body.overrides = {};
    for (const o of overrides) {
      const eq = o.indexOf('=');
      if (eq < 1) { showError('sim-error', new Error("strategy overrides: '" + o + "' is not STATE=STRATEGY")); return; }
      body.overrides[o.slice(0, eq).trim()] = o.slice(eq + 1).trim();
    }
  }
  if (kind === 'compare') {
    body.actor = $('sim-actor').value; body.from = +$('sim-from').value;
    body.strategies = $('sim-strategies').value.split(',').map(s => s.trim()).filter(s => s);
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
  el.textContent = (e.status === 429 ? 'Busy: ' : '') + e.message + (e.body && e.body.problems ? '\n' + e.body.problems.map(p => p.text).join('\n') : '');
  el.classList.remove('hidden');
}
function follow(id) {
  currentJob = id;
  $('sim-start').disabled = true; $('sim-cancel').disabled = false;
  $('progress').value = 0; $('progress-text').textContent = id + ': queued';
  if (events) events.close();
  events = new EventSource('/api/jobs/' + id + '/events');
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
let lastResult = null;
$('result-view').addEventListener('change', () => { if (lastResult) showResult(lastResult, $('result-view').value); });
function resultViews(r) {
  if (r.request.kind === 'ensemble') return ['RSI'].concat(Object.keys(r.balance).map(s => 'balance ' + s));
  if (r.request.kind === 'compare') return [...new Set(r.rows.map(x => x.metric))];
  return [];
}
function showResult(r, view) {
  const k = r.request.kind;
  if (r !== lastResult) {
    lastResult = r;
    const views = resultViews(r);
    $('result-view').innerHTML = views.map(v => '<option>' + esc(v) + '</option>').join('');
    $('result-view-label').classList.toggle('hidden', views.length === 0);
    view = views[0];
  }
  $('result-title').textContent = k + ' of ' + r.scenario + ' — study ' + r.studyId;
  if (k === 'ensemble') {
    const isRsi = view === 'RSI';
    const b = isRsi ? r.rsi : r.balance[view.slice(8)];
    draw('result-chart', {
      title: {text: (isRsi ? 'Regional Stability Index' : 'Balance index of ' + view.slice(8)) + ' (' + r.request.runs + ' runs; bands 5–95 % and 25–75 %, median)', left: 'center', textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'}, grid: {left: 50, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: r.years}, yAxis: {type: 'value', min: 0, max: isRsi ? 100 : 1, name: isRsi ? 'RSI' : 'balance'},
      series: bandSeries(view, b, '#2471a3')
    }, () => toCsv(['year', 'mean', 'p05', 'p25', 'p50', 'p75', 'p95'], r.years.map((y, i) => [y, b.mean[i], b.p05[i], b.p25[i], b.p50[i], b.p75[i], b.p95[i]])));
    const states = Object.keys(r.balance), last = r.years.length - 1;
    $('result-table').innerHTML = '<tr><th class="l">state</th><th>balance ' + r.years[last] + ' median</th><th>5 %</th><th>95 %</th></tr>' +
      states.map(s => '<tr><td class="l">' + esc(s) + '</td><td>' + fmt(r.balance[s].p50[last]) + '</td><td>' + fmt(r.balance[s].p05[last]) + '</td><td>' + fmt(r.balance[s].p95[last]) + '</td></tr>').join('');
  } else if (k === 'compare') {
    const rsi = r.rows.filter(x => x.metric === view);
    const others = rsi.filter(x => x.diff !== null);
    draw('result-chart', {
      title: {text: 'Difference from ' + r.baseline + ' in ' + rsi[0].metric + ' (95 % CI)', left: 'center', textStyle: {fontSize: 13}},
      tooltip: {}, grid: {left: 140, right: 30, top: 40, bottom: 50},
      xAxis: {type: 'value', name: 'difference from ' + r.baseline + ' (' + rsi[0].better + ' is better)', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', data: others.map(x => x.strategy)},
      series: [
        {type: 'custom', renderItem: (p, api2) => {
          const lo = api2.coord([api2.value(1), api2.value(0)]), hi = api2.coord([api2.value(2), api2.value(0)]);
          return {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]}, style: {stroke: '#333', lineWidth: 2}};
        }, data: others.map((x, i) => [i, x.lo, x.hi]), encode: {x: [1, 2], y: 0}},
        {type: 'scatter', data: others.map((x, i) => [x.diff, i]), symbolSize: 10, itemStyle: {color: '#27ae60'},
         markLine: {symbol: 'none', data: [{xAxis: 0}], lineStyle: {type: 'dashed', color: '#999'}}}
      ]
    }, () => toCsv(['strategy', 'metric', 'better', 'mean', 'diff', 'lo', 'hi', 'p_better'], r.rows.map(x => [x.strategy, x.metric, x.better, x.mean, x.diff, x.lo, x.hi, x.pBetter])));
    $('result-table').innerHTML = '<tr><th class="l">strategy</th><th class="l">metric</th><th>mean</th><th>difference</th><th>95 % CI</th><th>P(better)</th></tr>' +
      rsi.map(x => '<tr><td class="l">' + esc(x.strategy) + '</td><td class="l">' + esc(x.metric) + ' (' + x.better + ' is better)</td><td>' + fmt(x.mean) + '</td><td>' + fmt(x.diff) + '</td><td>' + (x.lo === null ? '' : fmt(x.lo) + ' – ' + fmt(x.hi)) + '</td><td>' + fmt(x.pBetter) + '</td></tr>').join('');
  } else {
    const states = Object.keys(r.balance);
    draw('result-chart', {
      title: {text: 'One run: RSI and balance indices', left: 'center', textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'}, legend: {top: 22}, grid: {left: 50, right: 50, top: 60, bottom: 30},
      xAxis: {type: 'category', data: r.years}, yAxis: [{type: 'value', min: 0, max: 100, name: 'RSI'}, {type: 'value', min: 0, max: 1, name: 'balance'}],
      series: [{name: 'RSI', type: 'line', data: r.rsi, symbol: 'none', lineStyle: {width: 3}, color: '#000'}].concat(
        states.map((s, i) => ({name: s, type: 'line', yAxisIndex: 1, data: r.balance[s], symbol: 'none', color: COLOURS[i % COLOURS.length]})))
    }, () => toCsv(['year', 'rsi'].concat(states), r.years.map((y, i) => [y, r.rsi[i]].concat(states.map(s => r.balance[s][i])))));
    $('result-table').innerHTML = '';
  }
}
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
  const r = await fetch('/api/scenarios/' + encodeURIComponent($('scenario-open').value));
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
  $('study-title').textContent = s.kind + ' — ' + s.study_id + ' (' + s.scenario + ', ' + s.runs + ' runs)';
  if (s.rsi) {
    const years = s.rsi.map(r => r.year);
    const b = {p05: s.rsi.map(r => r.p05 ?? null), p25: s.rsi.map(r => r.p25 ?? null), p50: s.rsi.map(r => r.p50), p75: s.rsi.map(r => r.p75 ?? null), p95: s.rsi.map(r => r.p95 ?? null)};
    draw('study-chart', {tooltip: {trigger: 'axis'}, grid: {left: 50, right: 20, top: 30, bottom: 30},
      xAxis: {type: 'category', data: years}, yAxis: {type: 'value', min: 0, max: 100, name: 'RSI'},
      series: s.kind === 'run' ? [{name: 'RSI', type: 'line', data: b.p50, symbol: 'none'}] : bandSeries('RSI', b, '#2471a3')},
      () => toCsv(Object.keys(s.rsi[0] || {}), s.rsi.map(r => Object.values(r))));
    $('study-table').innerHTML = '';
  } else if (s.comparisons) {
    const rows = s.comparisons;
    draw('study-chart', {tooltip: {}, grid: {left: 200, right: 30, top: 20, bottom: 30}, xAxis: {type: 'value'},
      yAxis: {type: 'category', data: rows.filter(r => r.diff !== null).map(r => r.strategy + ' · ' + r.metric)},
      series: [{type: 'bar', data: rows.filter(r => r.diff !== null).map(r => r.diff), itemStyle: {color: '#27ae60'}}]},
      () => toCsv(Object.keys(rows[0] || {}), rows.map(r => Object.values(r))));
    $('study-table').innerHTML = '<tr>' + Object.keys(rows[0] || {}).map(k => '<th>' + esc(k) + '</th>').join('') + '</tr>' +
      rows.map(r => '<tr>' + Object.values(r).map(v => '<td>' + (typeof v === 'number' ? fmt(v) : esc(v ?? '')) + '</td>').join('') + '</tr>').join('');
  } else if (s.outcomes) {
    draw('study-chart', {tooltip: {}, xAxis: {type: 'category', data: s.outcomes.map(o => o.dimension)}, yAxis: {type: 'value', min: 0, max: 100},
      series: [{type: 'bar', data: s.outcomes.map(o => o.p50), itemStyle: {color: '#8e44ad'}}]},
      () => toCsv(Object.keys(s.outcomes[0] || {}), s.outcomes.map(r => Object.values(r))));
  }
}
$('compare-studies').addEventListener('click', async () => {
  const ids = [...document.querySelectorAll('#studies input:checked')].map(i => i.dataset.id);
  if (ids.length < 2) { $('study-title').textContent = 'Tick two or more studies to compare'; return; }
  const studies = await Promise.all(ids.map(id => api('/api/studies/' + encodeURIComponent(id))));
  const withRsi = studies.filter(s => s.rsi && s.rsi.length);
  const years = withRsi.length ? withRsi[0].rsi.map(r => r.year) : [];
  $('study-title').textContent = 'RSI median of ' + withRsi.length + ' studies';
  draw('study-chart', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 50, right: 20, top: 40, bottom: 30},
    xAxis: {type: 'category', data: years}, yAxis: {type: 'value', min: 0, max: 100, name: 'RSI'},
    series: withRsi.map((s, i) => ({name: s.study_id, type: 'line', symbol: 'none', color: COLOURS[i % COLOURS.length], data: s.rsi.filter(r => r.strategy === undefined || r.strategy === s.rsi[0].strategy).map(r => r.p50)}))},
    () => toCsv(['year'].concat(withRsi.map(s => s.study_id)), years.map((y, k) => [y].concat(withRsi.map(s => (s.rsi[k] || {}).p50)))));
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
