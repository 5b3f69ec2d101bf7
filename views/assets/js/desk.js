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

  document.addEventListener('DOMContentLoaded', function () {
    var regions = document.querySelectorAll('[data-refresh]');
    for (var i = 0; i < regions.length; i += 1) refreshWhilePending(regions[i]);
  });
})();
