import Crypto
import Foundation

/// The HTML report's own style sheet and script, inlined into the page and allowed by
/// its Content-Security-Policy through their SHA-256 hashes (a static file cannot carry a
/// nonce that is secret; a hash admits exactly this text and nothing injected).
enum ReportAssets {
  /// `'sha256-…'` of a text, as CSP writes it.
  static func cspHash(_ text: String) -> String {
    "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
  }

  static let policy =
    "default-src 'none'; script-src \(cspHash(script)); style-src \(cspHash(style)); img-src data:; base-uri 'none'; form-action 'none'"

  static let style = #"""

    :root { --ink: #222; --muted: #666; --line: #ddd; --hl: #d62728; }
    body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 0; color: var(--ink); line-height: 1.45; }
    main { max-width: 76rem; margin: 0 auto; padding: 1rem 1.2rem 4rem 1.2rem; }
    header.top { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 0.5rem 1.2rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    header.top b { font-size: 1.05rem; }
    #search { font-size: 0.95rem; padding: 0.25rem 0.5rem; width: 16rem; border: 1px solid #aaa; border-radius: 4px; }
    #search-result { color: var(--muted); font-size: 0.9rem; }
    h1 { font-size: 1.7rem; margin: 1rem 0 0.2rem 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2.2rem; }
    h3 { margin: 1.6rem 0 0.4rem 0; font-size: 1.1rem; }
    h1, h2, h3, section { scroll-margin-top: 3.6rem; }
    nav.toc { background: #f7f7f7; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; columns: 2 18rem; font-size: 0.92rem; }
    nav.toc ul { margin: 0.2rem 0; padding-left: 1.1rem; } nav.toc a { color: #1f5fa8; text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
    table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
    th, td { border: 1px solid var(--line); padding: 0.22rem 0.5rem; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
    table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
    table.sortable th::after { content: " \2195"; color: #aaa; font-size: 0.8em; }
    table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; color: var(--ink); }
    table.sortable th[aria-sort="descending"]::after { content: " \25BC"; color: var(--ink); }
    .scroll { max-height: 32rem; overflow: auto; border: 1px solid var(--line); }
    .scroll table { margin: 0; } .scroll th { position: sticky; top: 0; }
    .muted { color: var(--muted); } code { font-size: 0.86rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 0.5rem 1.5rem; }
    .figure { position: relative; border: 1px solid var(--line); border-radius: 6px; background: #fff; overflow: hidden; }
    .figure svg.net { display: block; width: 100%; height: 38rem; cursor: grab; touch-action: none; }
    .figure svg.net.dragging { cursor: grabbing; }
    .tools { position: absolute; right: 0.5rem; top: 0.5rem; display: flex; gap: 0.25rem; z-index: 2; }
    .tools button, .swatch { font: inherit; font-size: 0.85rem; background: #fff; border: 1px solid #bbb; border-radius: 4px; padding: 0.1rem 0.5rem; cursor: pointer; }
    .tools button:hover, .swatch:hover { background: #eef; }
    .swatches { display: flex; flex-wrap: wrap; gap: 0.3rem 0.5rem; margin: 0.5rem 0; }
    .swatch { display: inline-flex; align-items: center; gap: 0.35rem; text-align: left; }
    .swatch.on { border-color: var(--ink); background: #f0f0f0; }
    .swatch svg { flex: none; }
    figcaption { font-size: 0.88rem; color: #555; margin-top: 0.3rem; }
    g.node { cursor: pointer; }
    svg.net.focus g.node, svg.net.focus g.edge { opacity: 0.12; transition: opacity 0.15s; }
    svg.net.focus g.node.hl, svg.net.focus g.edge.hl { opacity: 1; }
    g.node.center polygon, g.node.center ellipse, g.node.center path { stroke: #000; stroke-width: 3px; }
    g.node.match polygon, g.node.match ellipse, g.node.match path { stroke: var(--hl); stroke-width: 5px; }
    #card { position: fixed; z-index: 10; max-width: 22rem; background: #fff; border: 1px solid #999; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,0.18); padding: 0.5rem 0.7rem; font-size: 0.85rem; pointer-events: none; }
    #card h4 { margin: 0 0 0.25rem 0; font-size: 0.98rem; } #card table { margin: 0.3rem 0 0 0; font-size: 0.8rem; } #card td, #card th { padding: 0.05rem 0.35rem; }
    #card p { margin: 0.15rem 0; }
    .timeline { display: flex; gap: 0.8rem; align-items: center; margin: 0.4rem 0; }
    .timeline input { flex: 1; } #timeline-year { font-weight: bold; font-variant-numeric: tabular-nums; min-width: 3rem; }
    .frames .figure svg.net { height: 32rem; }
    ul.missing li { color: #8a1f11; }

    """#

  static let script = #"""

    (function () {
      'use strict';
      var data = {};
      document.querySelectorAll('script[type="application/json"][data-network]').forEach(function (s) {
        try { data[s.getAttribute('data-network')] = JSON.parse(s.textContent); } catch (e) { console.warn('bad data block', e); }
      });
      var card = document.getElementById('card');
      var figures = [];

      function fmt(v) {
        if (typeof v !== 'number') return String(v);
        if (Number.isInteger(v)) return String(v);
        var a = Math.abs(v);
        return a !== 0 && (a < 0.001 || a >= 1e6) ? v.toExponential(3) : v.toFixed(4);
      }
      function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }

      function showCard(node, x, y) {
        card.replaceChildren();
        card.appendChild(el('h4', node.name));
        var facts = [];
        if (node.kind && node.kind !== 'person') facts.push(node.kind);
        if (node.papers !== undefined && node.papers !== null) facts.push(node.papers + ' papers');
        if (node.years) facts.push(node.years);
        if (node.community) facts.push('community ' + node.community);
        if (facts.length) card.appendChild(el('p', facts.join(' · ')));
        if (node.top && node.top.length) card.appendChild(el('p', (node.kind === 'term' ? 'Linked: ' : 'Top coauthors: ') + node.top.join(', ')));
        var t = el('table');
        Object.keys(node.metrics).sort().forEach(function (k) {
          var tr = el('tr'); tr.appendChild(el('th', k)); var td = el('td', fmt(node.metrics[k])); td.className = 'n'; tr.appendChild(td); t.appendChild(tr);
        });
        card.appendChild(t);
        card.hidden = false;
        var w = card.offsetWidth, h = card.offsetHeight;
        var left = x + 16, top = y + 12;
        if (left + w > window.innerWidth - 8) left = Math.max(8, x - w - 16);
        if (top + h > window.innerHeight - 8) top = Math.max(8, window.innerHeight - h - 8);
        card.style.left = left + 'px';
        card.style.top = top + 'px';
      }
      function hideCard() { card.hidden = true; }

      function setupFigure(box) {
        var svg = box.querySelector('svg.net');
        if (!svg) return null;
        var block = data[box.getAttribute('data-network')] || { nodes: [] };
        var vb0 = (svg.getAttribute('viewBox') || '0 0 100 100').trim().split(/[\s,]+/).map(Number);
        var vb = vb0.slice();
        function apply() { svg.setAttribute('viewBox', vb.map(function (v) { return v.toFixed(2); }).join(' ')); }
        function zoom(k, fx, fy) {
          var w = vb[2] * k, h = vb[3] * k;
          vb[0] += (vb[2] - w) * fx; vb[1] += (vb[3] - h) * fy; vb[2] = w; vb[3] = h; apply();
        }
        svg.addEventListener('wheel', function (e) {
          e.preventDefault();
          var r = svg.getBoundingClientRect();
          zoom(e.deltaY < 0 ? 0.8 : 1.25, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
        }, { passive: false });
        var drag = null;
        svg.addEventListener('pointerdown', function (e) {
          if (e.button !== 0) return;
          drag = { x: e.clientX, y: e.clientY, vb: vb.slice(), moved: false };
        });
        window.addEventListener('pointermove', function (e) {
          if (!drag) return;
          var r = svg.getBoundingClientRect();
          var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
          if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; svg.classList.add('dragging'); }
          if (!drag.moved) return;
          var s = Math.max(drag.vb[2] / r.width, drag.vb[3] / r.height);
          vb[0] = drag.vb[0] - dx * s; vb[1] = drag.vb[1] - dy * s; apply();
        });
        window.addEventListener('pointerup', function () {
          if (drag && drag.moved) { svg.dataset.dragged = '1'; setTimeout(function () { delete svg.dataset.dragged; }, 0); }
          drag = null; svg.classList.remove('dragging');
        });
        var tools = box.querySelector('.tools');
        if (tools) {
          tools.querySelector('[data-zoom="in"]').addEventListener('click', function () { zoom(0.8, 0.5, 0.5); });
          tools.querySelector('[data-zoom="out"]').addEventListener('click', function () { zoom(1.25, 0.5, 0.5); });
          tools.querySelector('[data-zoom="reset"]').addEventListener('click', function () { vb = vb0.slice(); apply(); clear(); });
        }

        // Graphviz: <g class="node"><title>n12</title>…; edges: <title>n3&#45;&#45;n12</title>.
        var nodes = [], edges = [];
        svg.querySelectorAll('g.node').forEach(function (g) {
          var title = g.querySelector('title');
          var m = title && /^n(\d+)$/.exec(title.textContent.trim());
          if (!m) return;
          var i = Number(m[1]);
          var info = block.nodes[i];
          if (!info) return;
          title.remove();
          g.querySelectorAll('a').forEach(function (a) { a.removeAttribute('xlink:title'); a.removeAttribute('title'); });
          g.setAttribute('data-node', String(i));
          g.setAttribute('data-name', info.name);
          nodes[i] = g;
          g.addEventListener('mouseenter', function (e) { showCard(info, e.clientX, e.clientY); });
          g.addEventListener('mousemove', function (e) { showCard(info, e.clientX, e.clientY); });
          g.addEventListener('mouseleave', hideCard);
          g.addEventListener('click', function (e) {
            e.stopPropagation();
            if (svg.dataset.dragged) return;
            if (g.classList.contains('center')) { clear(); return; }
            ego(i);
          });
        });
        svg.querySelectorAll('g.edge').forEach(function (g) {
          var title = g.querySelector('title');
          var m = title && /^n(\d+)\s*-[->]\s*n(\d+)$/.exec(title.textContent.trim());
          if (!m) return;
          title.remove();
          edges.push({ g: g, a: Number(m[1]), b: Number(m[2]) });
        });
        svg.addEventListener('click', function () { if (!svg.dataset.dragged) clear(); });

        function clear() {
          svg.classList.remove('focus');
          svg.querySelectorAll('.hl, .center').forEach(function (g) { g.classList.remove('hl', 'center'); });
          box.parentNode.querySelectorAll('.swatch.on').forEach(function (b) { b.classList.remove('on'); });
        }
        function focusSet(set, center) {
          clear();
          svg.classList.add('focus');
          set.forEach(function (i) { if (nodes[i]) nodes[i].classList.add('hl'); });
          edges.forEach(function (e) {
            if (center !== undefined ? (e.a === center || e.b === center) : (set.has(e.a) && set.has(e.b))) e.g.classList.add('hl');
          });
          if (center !== undefined && nodes[center]) nodes[center].classList.add('center');
        }
        function ego(i) {
          var info = block.nodes[i];
          var set = new Set(info.neighbors); set.add(i);
          focusSet(set, i);
        }
        function community(c) {
          var set = new Set();
          block.nodes.forEach(function (n, i) { if (n.community === c) set.add(i); });
          focusSet(set);
        }
        var f = { box: box, svg: svg, block: block, nodes: nodes, ego: ego, clear: clear, community: community };
        figures.push(f);
        return f;
      }

      document.querySelectorAll('.figure[data-network]').forEach(function (box) {
        var f = setupFigure(box);
        if (!f) return;
        var section = box.parentNode;
        section.querySelectorAll('.swatch[data-community]').forEach(function (b) {
          b.addEventListener('click', function () {
            var on = b.classList.contains('on');
            f.clear();
            if (!on) { f.community(Number(b.getAttribute('data-community'))); b.classList.add('on'); }
          });
        });
      });

      // Search: highlight a person (or term) in every figure; the first figure with them
      // shows their ego network.
      var search = document.getElementById('search');
      var result = document.getElementById('search-result');
      function runSearch() {
        var q = search.value.trim().toLowerCase();
        var found = [];
        figures.forEach(function (f) {
          f.nodes.forEach(function (g) { if (g) g.classList.remove('match'); });
          if (!q) return;
          var exact = [], partial = [];
          f.block.nodes.forEach(function (n, i) {
            var name = n.name.toLowerCase();
            if (name === q) exact.push(i); else if (name.indexOf(q) >= 0) partial.push(i);
          });
          var hits = exact.length ? exact : partial;
          hits.forEach(function (i) { if (f.nodes[i]) f.nodes[i].classList.add('match'); });
          if (hits.length) found.push({ f: f, hits: hits });
        });
        if (!q) { result.textContent = ''; return; }
        if (!found.length) { result.textContent = 'not in any figure'; return; }
        result.textContent = found.map(function (x) { return x.f.block.name + ' (' + x.hits.length + ')'; }).join(', ');
      }
      if (search) {
        search.addEventListener('input', runSearch);
        search.addEventListener('keydown', function (e) {
          if (e.key !== 'Enter') return;
          runSearch();
          var first = figures.find(function (f) { return f.box.querySelector('g.node.match'); });
          if (first) {
            var g = first.box.querySelector('g.node.match');
            first.ego(Number(g.getAttribute('data-node')));
            first.box.scrollIntoView({ behavior: 'smooth', block: 'center' });
          }
        });
      }

      // Sortable tables: click a header; numbers sort as numbers.
      document.querySelectorAll('table.sortable').forEach(function (table) {
        var heads = table.querySelectorAll('thead th');
        heads.forEach(function (th, col) {
          th.setAttribute('tabindex', '0');
          function sort() {
            var dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
            heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', dir);
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var key = function (r) { var c = r.cells[col]; return c ? (c.getAttribute('data-v') || c.textContent.trim()) : ''; };
            var numeric = rows.every(function (r) { var k = key(r); return k === '' || !isNaN(Number(k)); });
            rows.sort(function (a, b) {
              var x = key(a), y = key(b), d;
              if (numeric) d = (x === '' ? -Infinity : Number(x)) - (y === '' ? -Infinity : Number(y));
              else d = x.localeCompare(y);
              return dir === 'ascending' ? d : -d;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          th.addEventListener('click', sort);
          th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
        });
      });

      // Timeline: one frame per year behind a slider.
      var slider = document.getElementById('timeline');
      if (slider) {
        var frames = document.querySelectorAll('.frames > .frame');
        var label = document.getElementById('timeline-year');
        var show = function () {
          var k = Number(slider.value);
          frames.forEach(function (fr, i) { fr.hidden = i !== k; });
          if (frames[k]) label.textContent = frames[k].getAttribute('data-year');
        };
        slider.addEventListener('input', show);
        show();
      }
      document.documentElement.setAttribute('data-ready', '1');
    })();

    """#
}
