// The guided proposal form, with a script: each section is checked against POST /api/v1/proposals/validate when
// the officer leaves it, and the form is kept as a draft in this browser's local storage. Without the script the
// form works the same, only checked when it is submitted. The proposal's JSON is made by the server from the form
// (the "Download JSON" submit), so there is one way from inputs to JSON.
(function () {
  'use strict';
  var form = document.getElementById('proposal-form');
  if (!form) {
    return;
  }
  var DRAFT = 'phendau.proposal-draft';
  var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';

  // ---- the draft ------------------------------------------------------------------------------------------
  function entries() {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      // The CSRF token is the page's, not the draft's: a draft restored after the cookie changed must not bring back an old one.
      if (name !== 'action' && name !== 'csrf') {
        out.push([name, value]);
      }
    });
    return out;
  }

  function save() {
    try {
      localStorage.setItem(DRAFT, JSON.stringify(entries()));
    } catch (e) { /* storage full or refused: the form still works */ }
  }

  /** The row's inputs renamed from index "from" to "to" (a cloned row). */
  function renumber(row, from, to) {
    row.querySelectorAll('[name], [id], [for], [data-path]').forEach(function (el) {
      ['name', 'id', 'for', 'data-path'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) {
          el.setAttribute(attr, v.replace('[' + from + ']', '[' + to + ']').replace('-' + from + '-', '-' + to + '-'));
        }
      });
    });
  }

  /** One more empty row in a list of rows, made from its last row. */
  function addRow(rows) {
    var body = rows.querySelector('tbody');
    var last = body.querySelector('tr.row:last-child');
    var index = body.querySelectorAll('tr.row').length;
    var row = last.cloneNode(true);
    renumber(row, Number(last.getAttribute('data-row')), index);
    row.setAttribute('data-row', index);
    row.querySelectorAll('input[type=text], textarea').forEach(function (el) { el.value = ''; });
    row.querySelectorAll('select').forEach(function (el) { el.selectedIndex = 0; });
    row.querySelectorAll('input[type=radio]').forEach(function (el) { el.checked = el.value === 'unknown'; });
    row.querySelectorAll('.field-problems').forEach(function (el) { el.textContent = ''; });
    body.appendChild(row);
    return row;
  }

  function field(name) {
    return form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
  }

  function restore(saved) {
    var ticked = {};
    saved.forEach(function (pair) {
      var name = pair[0];
      var value = pair[1];
      if (name === 'csrf') {
        return;
      }
      var m = /^(.+)\[(\d+)]\./.exec(name);
      if (m) {
        var rows = form.querySelector('fieldset.rows[data-path="' + m[1] + '"]');
        while (rows && field(name).length === 0 && rows.querySelectorAll('tr.row').length <= Number(m[2])) {
          addRow(rows);
        }
      }
      field(name).forEach(function (el) {
        if (el.type === 'radio') {
          el.checked = el.value === value;
        } else if (el.type === 'checkbox') {
          ticked[name] = ticked[name] || [];
          ticked[name].push(value);
        } else {
          el.value = value;
        }
      });
    });
    form.querySelectorAll('input[type=checkbox]').forEach(function (el) {
      el.checked = (ticked[el.name] || []).indexOf(el.value) >= 0;
    });
  }

  var saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(DRAFT) || 'null');
  } catch (e) { /* a broken draft is no draft */ }
  if (form.getAttribute('data-fresh') === 'true' && saved && saved.some(function (p) { return String(p[1]).trim() !== ''; })) {
    restore(saved);
    var note = document.createElement('p');
    note.className = 'notice';
    note.id = 'draft-restored';
    note.textContent = form.getAttribute('data-restored') + ' ';
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.id = 'discard-draft';
    discard.textContent = form.getAttribute('data-discard');
    discard.addEventListener('click', function () {
      localStorage.removeItem(DRAFT);
      window.location.href = '/proposals/new';
    });
    note.appendChild(discard);
    form.insertBefore(note, form.firstChild);
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  // "Add a row" without a round trip.
  form.querySelectorAll('button.add-row').forEach(function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var row = addRow(button.closest('fieldset.rows'));
      var first = row.querySelector('input, select');
      if (first) {
        first.focus();
      }
    });
  });

  // Amounts shown grouped as they are written: 95.000.000.000 (95,000,000,000 in English).
  form.querySelectorAll('input.amount').forEach(function (input) {
    input.addEventListener('blur', function () {
      var digits = input.value.replace(/[\s.,]/g, '');
      if (/^\d+$/.test(digits)) {
        input.value = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '.');
      }
    });
  });

  // ---- checking a section as the officer leaves it ---------------------------------------------------------
  function formJson() {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name !== 'action') {
        body.append(name, value);
      }
    });
    body.append('action', 'json');
    // form.action would be the buttons named "action": the attribute is read instead.
    return fetch(form.getAttribute('action'), {method: 'POST', body: body, credentials: 'same-origin'})
      .then(function (r) { return r.text(); });
  }

  /** The element a problem's path names, or the nearest shown part of it (a list, then the section). */
  function target(path, section) {
    var p = path.indexOf('$.') === 0 ? path.substring(2) : path;
    while (p && p !== '$') {
      var el = form.querySelector('[data-path="' + p + '"]');
      if (el) {
        return el;
      }
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        break;
      }
      p = p.substring(0, cut);
    }
    return section;
  }

  function problemsBox(el, section) {
    if (el === section) {
      return section.querySelector('.section-problems');
    }
    var id = el.id;
    return document.getElementById(id + '-problems');
  }

  function check(section) {
    var status = section.querySelector('.section-problems');
    formJson().then(function (json) {
      return fetch('/api/v1/proposals/validate', {
        method: 'POST', body: json, credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'}
      }).then(function (r) { return r.json(); });
    }).then(function (answer) {
      section.querySelectorAll('.field-problems').forEach(function (box) { box.textContent = ''; });
      section.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
      var mine = (answer.problems || []).filter(function (p) {
        return section.contains(target(p.path, section)) && target(p.path, section) !== section
          || target(p.path, null) === null && pathSection(p.path) === section;
      });
      mine.forEach(function (p) {
        var el = target(p.path, section);
        var box = problemsBox(el, section) || status;
        var line = document.createElement('p');
        line.className = 'problem';
        line.textContent = p.message ? p.message[lang] : p.path;
        box.appendChild(line);
        if (el !== section) {
          el.setAttribute('aria-invalid', 'true');
        }
      });
      if (mine.length === 0 && status) {
        var ok = document.createElement('p');
        ok.className = 'ok';
        ok.textContent = form.getAttribute('data-valid');
        status.appendChild(ok);
      }
    }).catch(function () { /* offline: the submit still checks everything */ });
  }

  /** The section a path's first step belongs to, for a problem about a part that has no input ("investment"). */
  function pathSection(path) {
    var top = path.replace(/^\$\./, '').split(/[.[]/)[0];
    var el = form.querySelector('[data-path^="' + top + '."], [data-path="' + top + '"]');
    return el ? el.closest('fieldset.section') : null;
  }

  form.querySelectorAll('fieldset.section').forEach(function (section) {
    var touched = false;
    section.addEventListener('change', function () { touched = true; });
    section.addEventListener('focusout', function (event) {
      if (touched && !section.contains(event.relatedTarget)) {
        touched = false;
        check(section);
      }
    });
  });

  // ---- loading a JSON file into the form (through the server, as a pasted JSON) ---------------------------------
  var file = document.getElementById('load-file');
  if (file) {
    file.addEventListener('change', function () {
      if (!file.files.length) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        document.getElementById('loadJson').value = reader.result;
        document.getElementById('load').click();
      };
      reader.readAsText(file.files[0], 'UTF-8');
    });
  }

  var summary = document.getElementById('form-problems');
  if (summary) {
    summary.focus();
  }
})();
