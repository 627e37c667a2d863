// The review page's only script (inline, no network): keyboard navigation (j/n next change, k/p previous),
// filters by document, item or modification and kind, the inline / side-by-side toggle and context on demand.
// Written for speed on ~600 changes: one pass over the articles per filter change, O(1) per keypress.

export const REVIEW_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var changes = Array.prototype.slice.call(document.querySelectorAll('article.change'));
  var navItem = {};
  Array.prototype.forEach.call(document.querySelectorAll('nav li[data-for]'), function (li) { navItem[li.getAttribute('data-for')] = li; });
  var docSections = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
  var docNav = Array.prototype.slice.call(document.querySelectorAll('nav li.doc'));
  var status = document.getElementById('status');
  var visible = changes;
  var current = -1;
  var currentLi = null;
  function $(id) { return document.getElementById(id); }
  function say() {
    status.textContent = visible.length === 0 ? 'No change matches the filters' :
      (current >= 0 ? 'Change ' + (current + 1) + ' of ' + visible.length : visible.length + ' changes shown');
  }
  function applyFilters() {
    var doc = $('f-doc') ? $('f-doc').value : '';
    var group = $('f-group') ? $('f-group').value : '';
    var kinds = {};
    Array.prototype.forEach.call(document.querySelectorAll('input[data-kind]'), function (b) { kinds[b.getAttribute('data-kind')] = b.checked; });
    var shownDocs = {};
    visible = [];
    for (var i = 0; i < changes.length; i++) {
      var a = changes[i];
      var ok = (doc === '' || a.getAttribute('data-doc') === doc) &&
        (group === '' || (' ' + a.getAttribute('data-groups') + ' ').indexOf(' ' + group + ' ') >= 0) &&
        (kinds[a.getAttribute('data-kind')] !== false || (a.hasAttribute('data-text-changed') && kinds.changed !== false));
      a.hidden = !ok;
      var li = navItem[a.id];
      if (li) li.hidden = !ok;
      if (ok) { visible.push(a); shownDocs[a.getAttribute('data-doc')] = true; }
    }
    docSections.forEach(function (s) { s.hidden = !shownDocs[s.getAttribute('data-doc')]; });
    docNav.forEach(function (li) { li.hidden = !shownDocs[li.getAttribute('data-doc')]; });
    current = -1;
    say();
  }
  function go(i) {
    if (visible.length === 0) return;
    current = Math.max(0, Math.min(visible.length - 1, i));
    var a = visible[current];
    if (currentLi) currentLi.removeAttribute('aria-current');
    currentLi = navItem[a.id] || null;
    if (currentLi) { currentLi.setAttribute('aria-current', 'true'); }
    a.focus({ preventScroll: true });
    // To the top of the window, just below the sticky toolbar (which would cover the clause's heading).
    var bar = document.querySelector('.toolbar');
    window.scrollTo(0, a.getBoundingClientRect().top + window.pageYOffset - (bar ? bar.getBoundingClientRect().height : 0) - 8);
    if (history.replaceState) history.replaceState(null, '', '#' + a.id);
    say();
  }
  function locate() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < visible.length; i++) if (visible[i].id === id) return i;
    return -1;
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    if (e.key === 'j' || e.key === 'n') { e.preventDefault(); go(current < 0 ? (locate() >= 0 ? locate() + 1 : 0) : current + 1); }
    else if (e.key === 'k' || e.key === 'p') { e.preventDefault(); go(current < 0 ? Math.max(0, locate() - 1) : current - 1); }
  });
  function toggle(button, cls) {
    button.addEventListener('click', function () {
      var on = !body.classList.contains(cls);
      body.classList.toggle(cls, on);
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  toggle($('t-sbs'), 'view-sbs');
  toggle($('t-context'), 'show-context');
  ['f-doc', 'f-group'].forEach(function (id) { if ($(id)) $(id).addEventListener('change', applyFilters); });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-kind]'), function (b) { b.addEventListener('change', applyFilters); });
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) return;
    var i = -1, id = decodeURIComponent(a.getAttribute('href').slice(1));
    for (var k = 0; k < visible.length; k++) if (visible[k].id === id) i = k;
    if (i >= 0) { e.preventDefault(); go(i); }
  });
  applyFilters();
  var start = locate();
  if (start >= 0) { current = start; say(); }
  body.setAttribute('data-ready', 'true');
})();`;
