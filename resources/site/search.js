/* global document, window, location, history, URLSearchParams */
/* Minh Bạch catalogue search: static, no server. Loads index shards as scripts from this site
   (works over http and file://, allowed by the page's CSP). Query words are folded like the
   index: no diacritics, đ → d, lower case. Results are built with DOM text nodes, never HTML. */
(function () {
  'use strict';
  var base = document.querySelector('script[src$="search.js"]').getAttribute('src').replace(/search\.js$/, 'search/');
  var tokenShards = {};
  var docShards = {};
  var known = null;
  var pending = {};

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function tokens(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (t) { return t.length > 0; });
  }
  function load(name) {
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve) {
        var el = document.createElement('script');
        el.src = base + name + '.js';
        el.onload = resolve;
        el.onerror = resolve;
        document.head.appendChild(el);
      });
    }
    return pending[name];
  }
  window.MBSearch = {
    shards: function (s) { known = s; },
    tokens: function (key, map) { tokenShards[key] = map; },
    docs: function (n, map) { docShards[n] = map; }
  };
  function shardKey(t) { return t.length >= 2 ? t.slice(0, 2) : t + '_'; }

  function matches(word, isLast) {
    var key = shardKey(word);
    if (known.tokens.indexOf(key) < 0) return Promise.resolve({});
    return load('t-' + key).then(function () {
      var map = tokenShards[key] || {};
      var found = {};
      Object.keys(map).forEach(function (t) {
        if (t === word || (isLast && word.length >= 2 && t.indexOf(word) === 0)) {
          map[t].forEach(function (k) { found[k] = true; });
        }
      });
      return found;
    });
  }

  function render(out, query, keys) {
    out.textContent = '';
    var h = document.createElement('h2');
    h.textContent = keys.length ? 'Tìm thấy ' + keys.length + ' kết quả cho “' + query + '”' : 'Không tìm thấy kết quả cho “' + query + '”';
    out.appendChild(h);
    if (!keys.length) return;
    var ol = document.createElement('ol');
    ol.className = 'results';
    keys.slice(0, 200).forEach(function (k) {
      var doc = (docShards[k.slice(3, 3 + known.docPrefix)] || {})[k];
      if (!doc) return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = doc[3];
      a.textContent = doc[0];
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'number';
      var parts = [];
      if (doc[1]) parts.push('Số ' + doc[1]);
      if (doc[2]) parts.push(doc[2].split('-').reverse().join('/'));
      parts.push(doc[4] === 'public' ? 'Thông tin công khai' : 'Tiếp cận có điều kiện');
      meta.textContent = parts.join(' · ');
      li.appendChild(meta);
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }

  function run(query) {
    var out = document.getElementById('ket-qua');
    var words = tokens(query);
    if (!words.length) { out.textContent = ''; return; }
    load('shards').then(function () {
      if (!known) return;
      return Promise.all(words.map(function (w, i) { return matches(w, i === words.length - 1); })).then(function (sets) {
        var keys = Object.keys(sets[0]).filter(function (k) {
          return sets.every(function (s) { return s[k]; });
        }).sort();
        var need = {};
        keys.slice(0, 200).forEach(function (k) { need[k.slice(3, 3 + known.docPrefix)] = true; });
        return Promise.all(Object.keys(need).map(function (n) { return load('d-' + n); })).then(function () {
          render(out, query, keys);
        });
      });
    });
  }

  var input = document.getElementById('q');
  var q = new URLSearchParams(location.search).get('q') || '';
  if (input) {
    input.value = q;
    input.form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (history.replaceState && location.protocol !== 'file:') history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
      run(input.value);
    });
  }
  if (q) run(q);
})();
