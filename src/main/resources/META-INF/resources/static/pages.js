// Phên Dậu pages: the few things that need a script. Everything works without it except sorting and printing.
(function () {
  'use strict';
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      var button = th.querySelector('button');
      if (!button) {
        return;
      }
      var numeric = button.getAttribute('data-sort') === 'number';
      var key = function (row) {
        var cell = row.cells[column];
        var value = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
        return numeric ? Number(value) : value;
      };
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a);
          var y = key(b);
          var order = numeric ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
