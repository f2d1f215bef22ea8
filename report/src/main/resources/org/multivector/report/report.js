// Multivector reports: draws every chart of the page from the JSON option that follows its <div class="mv-chart">,
// with ECharts inlined above (no network). Each chart gets PNG and SVG downloads.
(function () {
  'use strict';
  // Intervals as horizontal segments, at least 3 px wide so that a narrow interval stays visible.
  function interval(params, api) {
    const lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
    const mid = (lo[0] + hi[0]) / 2, half = Math.max(1.5, (hi[0] - lo[0]) / 2);
    return {type: 'line', shape: {x1: mid - half, y1: lo[1], x2: mid + half, y2: hi[1]}, style: {stroke: '#333', lineWidth: 3}};
  }
  function save(name, href) {
    const a = document.createElement('a'); a.href = href; a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }
  function prepare(option) {
    option.animation = false;
    (option.series || []).forEach(s => { if (s.renderItem === 'interval') s.renderItem = interval; });
    return option;
  }
  const charts = [];
  document.querySelectorAll('div.mv-chart').forEach((el, n) => {
    const spec = el.nextElementSibling;
    if (!spec || spec.type !== 'application/json') return;
    const option = prepare(JSON.parse(spec.textContent));
    const chart = echarts.init(el);
    chart.setOption(option);
    charts.push(chart);
    const name = (el.dataset.name || ('chart-' + (n + 1)));
    const d = document.createElement('div');
    d.className = 'mv-downloads';
    d.innerHTML = 'Download: <button type="button" data-type="png">PNG</button> <button type="button" data-type="svg">SVG</button>';
    d.addEventListener('click', ev => {
      const t = ev.target.dataset.type;
      if (t === 'png') save(name + '.png', chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}));
      if (t === 'svg') {
        const div = document.createElement('div');
        div.style.cssText = 'position:absolute;left:-10000px;width:' + el.clientWidth + 'px;height:' + el.clientHeight + 'px';
        document.body.appendChild(div);
        const c = echarts.init(div, null, {renderer: 'svg'});
        c.setOption(prepare(JSON.parse(spec.textContent)));
        save(name + '.svg', c.getDataURL({type: 'svg'}));
        c.dispose(); div.remove();
      }
    });
    el.parentNode.insertBefore(d, spec.nextSibling);
  });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  window.mvCharts = charts;
  document.body.dataset.chartsReady = String(charts.length);
})();
