// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // A list that is still working (exports in progress) refreshes itself every
  // second until nothing in it is pending; without JavaScript the page offers a
  // Refresh link instead.
  function refreshWhilePending(region) {
    var url = region.getAttribute('data-refresh');
    if (!url || !window.fetch || !window.DOMParser) return;
    var link = region.querySelector('[data-refresh-link]');
    if (link) link.parentNode.hidden = true;
    function tick() {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) {
          if (!response.ok || response.redirected) throw new Error('refresh failed');
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
          if (!fresh) throw new Error('refresh failed');
          region.innerHTML = fresh.innerHTML;
          if (fresh.hasAttribute('data-refresh')) {
            var again = region.querySelector('[data-refresh-link]');
            if (again) again.parentNode.hidden = true;
            window.setTimeout(tick, 1000);
          } else {
            region.removeAttribute('data-refresh');
          }
        })
        .catch(function () {
          var shown = region.querySelector('[data-refresh-link]');
          if (shown) shown.parentNode.hidden = false;
        });
    }
    window.setTimeout(tick, 1000);
  }

  // The queue: j / k move the selection, Enter opens the selected request.
  function queueKeys(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    if (rows.length === 0) return;
    var selected = -1;
    function select(index) {
      if (selected >= 0 && rows[selected]) rows[selected].classList.remove('selected');
      selected = Math.max(0, Math.min(rows.length - 1, index));
      var row = rows[selected];
      row.classList.add('selected');
      var link = row.querySelector('a.row-link');
      if (link) link.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    }
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      var tag = target && target.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target && target.isContentEditable)) return;
      if (event.key === 'j') {
        event.preventDefault();
        select(selected + 1);
      } else if (event.key === 'k') {
        event.preventDefault();
        select(selected < 0 ? 0 : selected - 1);
      } else if (event.key === 'Enter' && selected >= 0 && tag !== 'A' && tag !== 'BUTTON') {
        var link = rows[selected].querySelector('a.row-link');
        if (link) {
          event.preventDefault();
          window.location.href = link.href;
        }
      }
    });
  }

  // SLA badges refresh every minute from /queue/sla-badges; without JavaScript
  // they are as fresh as the page.
  function refreshSlaBadges() {
    var holders = document.querySelectorAll('[data-sla-for]');
    if (holders.length === 0 || !window.fetch) return;
    var byId = {};
    var ids = [];
    for (var i = 0; i < holders.length; i += 1) {
      var id = holders[i].getAttribute('data-sla-for');
      if (!byId[id]) ids.push(id);
      (byId[id] = byId[id] || []).push(holders[i]);
    }
    function tick() {
      fetch('/queue/sla-badges?ids=' + encodeURIComponent(ids.join(',')), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })
        .then(function (response) {
          if (!response.ok || response.redirected) throw new Error('refresh failed');
          return response.json();
        })
        .then(function (body) {
          (body.badges || []).forEach(function (badge) {
            (byId[badge.id] || []).forEach(function (holder) {
              var label = holder.querySelector('[data-sla-badge]');
              var time = holder.querySelector('[data-sla-time]');
              if (label) {
                label.className = 'badge badge-' + badge.tone;
                label.textContent = badge.label;
              }
              if (time) time.textContent = badge.timeLeft;
            });
          });
        })
        .catch(function () {
          /* keep what is shown; the next tick tries again */
        });
    }
    window.setInterval(tick, 60000);
  }

  // Document images: a click zooms to full size in place (without JavaScript the
  // link opens the full image).
  function zoomable(figure) {
    var link = figure.querySelector('[data-zoom]');
    if (!link) return;
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('role', 'button');
    link.addEventListener('click', function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var zoomed = figure.classList.toggle('zoomed');
      link.setAttribute('aria-expanded', zoomed ? 'true' : 'false');
    });
  }

  document.documentElement.classList.add('has-js');
  document.addEventListener('DOMContentLoaded', function () {
    var regions = document.querySelectorAll('[data-refresh]');
    for (var i = 0; i < regions.length; i += 1) refreshWhilePending(regions[i]);
    var queue = document.querySelector('table[data-queue]');
    if (queue) queueKeys(queue);
    refreshSlaBadges();
    var figures = document.querySelectorAll('[data-zoomable]');
    for (var j = 0; j < figures.length; j += 1) zoomable(figures[j]);
  });
})();
