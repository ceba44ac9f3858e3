// Schakel round page: outcomes are queued on the phone and sent to the API, so a round keeps
// working in a stairwell without signal. Each outcome carries an id made when it was entered and
// the time it was entered; the API stores a resent outcome once. Without this script the forms
// post normally.
(function () {
  'use strict';
  var KEY = 'schakel.outcomeQueue';
  var status = document.getElementById('sync-status');
  if (!status || !window.fetch || !window.localStorage) { return; }

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); }
  function say(text, kind) {
    status.textContent = text || '';
    status.className = 'sync' + (kind ? ' ' + kind : '');
    status.setAttribute('data-queued', String(load().length));
  }
  function showQueue() {
    var n = load().length;
    if (n > 0) { say(status.dataset.textQueued.replace('{0}', n), 'queued'); }
  }

  function markDone(item, label) {
    var stop = document.getElementById('stop-' + item.body.stopId);
    if (!stop) { return; }
    var form = stop.querySelector('form.outcome');
    if (form) { form.remove(); }
    stop.classList.remove('open');
    stop.classList.add('done');
    if (!stop.querySelector('.done')) {
      var p = document.createElement('p');
      p.className = 'done';
      var at = new Date(item.body.recordedAt);
      p.textContent = (label || item.label || '') + ' · ' +
        String(at.getHours()).padStart(2, '0') + ':' + String(at.getMinutes()).padStart(2, '0');
      stop.appendChild(p);
    }
  }

  var sending = false;
  async function flush() {
    if (sending) { return; }
    sending = true;
    try {
      for (;;) {
        var queue = load();
        if (queue.length === 0) { break; }
        var item = queue[0];
        var response;
        try {
          response = await fetch('/api/v1/contact-moments', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
              'Content-Type': 'application/json',
              'Accept': 'application/json',
              'X-CSRF-Token': item.csrf
            },
            body: JSON.stringify(item.body)
          });
        } catch (e) {
          showQueue();
          break;
        }
        if (response.status === 401) {
          say(status.dataset.textLogin, 'error');
          break;
        }
        if (response.status >= 500 || response.status === 429) {
          showQueue();
          break;
        }
        // Stored (201), stored before (200), or refused for good (4xx): either way it leaves the queue,
        // and a refusal is shown so the concierge can enter it again.
        store(load().filter(function (other) { return other.body.id !== item.body.id; }));
        if (!response.ok) {
          var problem = {};
          try { problem = await response.json(); } catch (e) { problem = {}; }
          say(status.dataset.textRefused + ' ' + (problem.title || ''), 'error');
          var stop = document.getElementById('stop-' + item.body.stopId);
          if (stop) { stop.classList.add('refused'); }
        } else if (load().length === 0) {
          say(status.dataset.textSent, 'sent');
        }
      }
    } finally {
      sending = false;
    }
  }

  document.querySelectorAll('form.outcome').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (!button || !button.value) { return; }
      event.preventDefault();
      var data = new FormData(form);
      var stop = form.closest('[data-stop]');
      var minutes = parseInt(data.get('durationMinutes'), 10);
      var item = {
        csrf: data.get('_csrf'),
        label: button.textContent,
        body: {
          id: data.get('id'),
          residentId: data.get('residentID'),
          stopId: stop.dataset.stop,
          outcome: button.value,
          recordedAt: new Date().toISOString()
        }
      };
      if (!isNaN(minutes)) { item.body.durationMinutes = minutes; }
      var note = (data.get('note') || '').trim();
      if (note) { item.body.note = note; }
      var concern = (data.get('concern') || '').trim();
      if (concern) { item.body.concern = concern; }
      var queue = load();
      queue.push(item);
      store(queue);
      markDone(item, button.textContent);
      showQueue();
      flush();
    });
  });

  // Outcomes still queued from before a reload show as done.
  load().forEach(function (item) { markDone(item); });
  showQueue();
  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  flush();
})();
