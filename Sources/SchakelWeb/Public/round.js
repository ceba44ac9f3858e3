// Schakel round page: outcomes are queued on the phone and sent to the API, so a round keeps
// working in a stairwell without signal. Each outcome carries an id made when it was entered and
// the time it was entered; the API stores a resent outcome once. Without this script the forms
// post normally.
//
// Nothing entered is lost: an outcome leaves the queue only when the server has stored it (201, 200)
// or refused it for a reason that sending again cannot fix (400, 404, 409, 422, or 403 for a resident
// the concierge may no longer see). A session that ended (401) or a token of an earlier session
// (403 with the CSRF problem type) keeps the queue; it is sent with the token of the page once the
// concierge is logged in again. A refused outcome names its stop and opens the stop's form again.
(function () {
  'use strict';
  var CSRF_PROBLEM = 'urn:schakel:problem:csrf';
  var status = document.getElementById('sync-status');
  var refusals = document.getElementById('sync-refusals');
  var progress = document.getElementById('voortgang');
  if (!status || !window.fetch || !window.localStorage) { return; }
  var KEY = 'schakel.outcomeQueue.' + (status.dataset.queue || 'anonymous');

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
  function token() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }
  function newID() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }
  function stopName(stopId) {
    var stop = document.getElementById('stop-' + stopId);
    var heading = stop && stop.querySelector('h2');
    return heading ? heading.textContent : '';
  }

  // The counters at the top and in "Mijn dag" follow what the concierge entered on this page.
  function summaryCell(key) { return document.querySelector('[data-summary="' + key + '"]'); }
  function bump(key, by) {
    var cell = summaryCell(key);
    if (cell) { cell.textContent = String((parseInt(cell.textContent, 10) || 0) + by); }
  }
  function count(item, by) {
    bump('open', -by);
    bump(item.body.outcome, by);
    if (item.body.durationMinutes) { bump('minutes', by * item.body.durationMinutes); }
    updateProgress();
  }
  function updateProgress() {
    if (!progress || !progress.dataset.template) { return; }
    var total = parseInt(progress.dataset.total, 10) || 0;
    var done = document.querySelectorAll('ol.stops li.stop.done').length;
    progress.textContent = progress.dataset.template.replace('{0}', total).replace('{1}', done)
      .replace('{2}', Math.max(total - done, 0));
  }

  // Marks the stop done; returns whether it was open until now.
  function markDone(item, label) {
    var stop = document.getElementById('stop-' + item.body.stopId);
    if (!stop || stop.classList.contains('done')) { return false; }
    var form = stop.querySelector('form.outcome');
    if (form) { form.hidden = true; }
    stop.classList.remove('open', 'refused');
    stop.classList.add('done', 'done-' + item.body.outcome);
    var p = document.createElement('p');
    p.className = 'done';
    var at = new Date(item.body.recordedAt);
    p.textContent = (label || item.label || '') + ' · ' +
      String(at.getHours()).padStart(2, '0') + ':' + String(at.getMinutes()).padStart(2, '0');
    stop.appendChild(p);
    count(item, 1);
    return true;
  }

  // A refused outcome: named in the list, and the stop's form open again with a fresh id.
  function reopen(item, title) {
    var li = document.createElement('li');
    li.textContent = status.dataset.textRefused + ': ' + (item.stopName || stopName(item.body.stopId)) +
      (title ? ' — ' + title : '') + ' ' + status.dataset.textRetry;
    refusals.appendChild(li);
    var stop = document.getElementById('stop-' + item.body.stopId);
    if (!stop) { return; }
    var form = stop.querySelector('form.outcome');
    if (!form) { return; }
    stop.classList.remove('done', 'done-' + item.body.outcome);
    stop.classList.add('open', 'refused');
    var shown = stop.querySelector('p.done');
    if (shown) { shown.remove(); }
    var id = form.querySelector('input[name="id"]');
    if (id) { id.value = newID(); }
    form.hidden = false;
    count(item, -1);
  }

  // Asks the server for this page again and takes the token of the current session from it.
  async function renewToken() {
    var response;
    try {
      response = await fetch(location.pathname, { credentials: 'same-origin', redirect: 'follow' });
    } catch (e) { return false; }
    if (!response.ok || new URL(response.url).pathname === '/login') { return false; }
    var page = new DOMParser().parseFromString(await response.text(), 'text/html');
    var fresh = page.querySelector('input[name="_csrf"]');
    if (!fresh || !fresh.value || fresh.value === token()) { return false; }
    document.querySelectorAll('input[name="_csrf"]').forEach(function (input) { input.value = fresh.value; });
    return true;
  }

  function post(item) {
    return fetch('/api/v1/contact-moments', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': token() },
      body: JSON.stringify(item.body)
    });
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
          response = await post(item);
        } catch (e) {
          showQueue();
          break;
        }
        if (response.status === 401) {
          say(status.dataset.textLogin, 'error');
          break;
        }
        var problem = null;
        if (!response.ok) {
          try { problem = await response.json(); } catch (e) { problem = {}; }
        }
        if (response.status === 403 && problem && problem.type === CSRF_PROBLEM) {
          // A token of an earlier session: take the current one and try again, or wait for a login.
          if (await renewToken()) { continue; }
          say(status.dataset.textLogin, 'error');
          break;
        }
        if (response.status >= 500 || response.status === 429 || response.status === 408) {
          showQueue();
          break;
        }
        store(load().filter(function (other) { return other.body.id !== item.body.id; }));
        if (!response.ok) {
          reopen(item, problem && problem.title);
          say('', '');
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
        label: button.textContent,
        stopName: stopName(stop.dataset.stop),
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

  // Outcomes still queued from before a reload (or a new login) show as done until they are sent.
  load().forEach(function (item) { markDone(item); });
  showQueue();
  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  flush();
})();
