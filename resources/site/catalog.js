/* global document */
/* Minh Bạch catalogue tables: sorting by column and filtering by typed words (with or without
   diacritics). Progressive enhancement only: without JavaScript the tables are complete and in
   the catalogue's order. */
(function () {
  'use strict';
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.sortable'));
  if (!tables.length) return;

  tables.forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute('data-sort');
      if (!kind) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[col];
          var v = cell.getAttribute('data-value');
          if (v === null) v = cell.textContent.trim();
          return kind === 'number' ? Number(v) : kind === 'text' ? fold(v) : v;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var r = kind === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  var slot = document.querySelector('.filter-slot');
  if (!slot) return;
  var label = document.createElement('label');
  label.htmlFor = 'loc';
  label.textContent = 'Lọc các dòng trên trang này';
  var input = document.createElement('input');
  input.type = 'search';
  input.id = 'loc';
  var status = document.createElement('p');
  status.className = 'muted';
  status.setAttribute('aria-live', 'polite');
  slot.appendChild(label);
  slot.appendChild(input);
  slot.appendChild(status);
  input.addEventListener('input', function () {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.getAttribute('data-folded');
        if (text === null) { text = fold(row.textContent); row.setAttribute('data-folded', text); }
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
    });
    status.textContent = words.length ? 'Đang hiện ' + shown + ' dòng phù hợp' : '';
  });
})();
