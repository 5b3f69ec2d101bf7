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

  // The comparison view: each image zooms and turns in the browser only (CSS transforms;
  // the stored file is never touched). 100% fits the image to its pane. The buttons work
  // by keyboard; on a focused image + and - zoom, r and Shift+R turn it, 0 resets.
  var ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
  function imageViewer(pane) {
    var stage = pane.querySelector('[data-viewer-stage]');
    var canvas = pane.querySelector('[data-viewer-canvas]');
    var image = pane.querySelector('[data-viewer-image]');
    var tools = pane.querySelector('[data-viewer-tools]');
    if (!stage || !canvas || !image || !tools) return;
    var zoomShown = tools.querySelector('[data-viewer-zoom]');
    var rotationShown = tools.querySelector('[data-viewer-rotation]');
    var zoomIn = tools.querySelector('[data-viewer-action="zoom-in"]');
    var zoomOut = tools.querySelector('[data-viewer-action="zoom-out"]');
    var normal = ZOOM_STEPS.indexOf(1);
    var step = normal;
    var rotation = 0;

    function layout() {
      var width = image.naturalWidth;
      var height = image.naturalHeight;
      if (!width || !height) return;
      var turned = rotation % 180 !== 0;
      var boxWidth = turned ? height : width;
      var boxHeight = turned ? width : height;
      // The stage's inner size whatever its scroll bars: what 100% fills.
      var style = window.getComputedStyle(stage);
      var innerWidth =
        stage.offsetWidth -
        parseFloat(style.borderLeftWidth) -
        parseFloat(style.borderRightWidth) -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      var innerHeight =
        stage.offsetHeight -
        parseFloat(style.borderTopWidth) -
        parseFloat(style.borderBottomWidth) -
        parseFloat(style.paddingTop) -
        parseFloat(style.paddingBottom);
      var fit = Math.min(innerWidth / boxWidth, innerHeight / boxHeight);
      var scale = fit * ZOOM_STEPS[step];
      // Turned about its top left corner, the image is moved back into its box.
      var x = rotation === 90 ? height * scale : rotation === 180 ? width * scale : 0;
      var y = rotation === 180 ? height * scale : rotation === 270 ? width * scale : 0;
      image.style.width = width + 'px';
      image.style.height = height + 'px';
      image.style.transform =
        'translate(' + x + 'px, ' + y + 'px) rotate(' + rotation + 'deg) scale(' + scale + ')';
      canvas.style.width = Math.floor(boxWidth * scale) + 'px';
      canvas.style.height = Math.floor(boxHeight * scale) + 'px';
      zoomShown.textContent = Math.round(ZOOM_STEPS[step] * 100) + '%';
      rotationShown.textContent = rotation + '\u00b0';
      zoomIn.disabled = step === ZOOM_STEPS.length - 1;
      zoomOut.disabled = step === 0;
      pane.setAttribute('data-zoom', String(ZOOM_STEPS[step]));
      pane.setAttribute('data-rotation', String(rotation));
    }

    function act(action) {
      if (action === 'zoom-in') step = Math.min(ZOOM_STEPS.length - 1, step + 1);
      else if (action === 'zoom-out') step = Math.max(0, step - 1);
      else if (action === 'rotate-right') rotation = (rotation + 90) % 360;
      else if (action === 'rotate-left') rotation = (rotation + 270) % 360;
      else if (action === 'reset') {
        step = normal;
        rotation = 0;
      } else return false;
      // Keep what is in the middle of the pane in the middle.
      var middleX = (stage.scrollLeft + stage.clientWidth / 2) / Math.max(1, stage.scrollWidth);
      var middleY = (stage.scrollTop + stage.clientHeight / 2) / Math.max(1, stage.scrollHeight);
      layout();
      stage.scrollLeft = middleX * stage.scrollWidth - stage.clientWidth / 2;
      stage.scrollTop = middleY * stage.scrollHeight - stage.clientHeight / 2;
      return true;
    }

    tools.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('[data-viewer-action]') : null;
      if (button && !button.disabled) act(button.getAttribute('data-viewer-action'));
    });
    stage.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var action =
        event.key === '+' || event.key === '='
          ? 'zoom-in'
          : event.key === '-' || event.key === '_'
            ? 'zoom-out'
            : event.key === 'r'
              ? 'rotate-right'
              : event.key === 'R'
                ? 'rotate-left'
                : event.key === '0'
                  ? 'reset'
                  : null;
      if (action && act(action)) event.preventDefault();
    });
    pane.classList.add('viewer-ready');
    tools.hidden = false;
    if (image.complete) layout();
    image.addEventListener('load', layout);
    window.addEventListener('resize', layout);
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
    var viewers = document.querySelectorAll('[data-viewer]');
    for (var v = 0; v < viewers.length; v += 1) imageViewer(viewers[v]);
  });
})();
