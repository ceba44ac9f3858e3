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
//
// A mis-tapped outcome is corrected with "Verkeerd getikt?": the correction is one more queued moment
// that names the one it corrects (`corrects`), so it goes through the same queue, after the outcome it
// corrects. A refused correction names its stop and the round is drawn again as the server has it.
(function () {
  'use strict';
  var CSRF_PROBLEM = 'urn:schakel:problem:csrf';
  var status = document.getElementById('sync-status');
  var refusals = document.getElementById('sync-refusals');
  var progress = document.getElementById('voortgang');
  if (!status || !window.fetch || !window.localStorage) { return; }
  var KEY = 'schakel.outcomeQueue.' + (status.dataset.queue || 'anonymous');
  var OUTCOMES = ['contact', 'mailboxOnly', 'notAtHome', 'refused'];
  var labels = {};
  try { labels = JSON.parse(status.dataset.outcomeLabels || '{}'); } catch (e) { labels = {}; }

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
    stop.appendChild(correctionForm(stop, item.body));
    count(item, 1);
    return true;
  }

  // "Verkeerd getikt?" for a moment entered on this page: the other outcomes, with its duration and note.
  function correctionForm(stop, moment) {
    var details = document.createElement('details');
    details.className = 'correct';
    var summary = document.createElement('summary');
    summary.textContent = status.dataset.textCorrect;
    details.appendChild(summary);
    var form = document.createElement('form');
    form.className = 'correction';
    form.method = 'post';
    form.action = location.pathname + '/stops/' + stop.dataset.stop + '/correctie';
    form.dataset.outcome = moment.outcome;
    if (moment.durationMinutes != null) { form.dataset.minutes = String(moment.durationMinutes); }
    function hidden(name, value) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    hidden('_csrf', token());
    hidden('id', newID());
    hidden('residentID', moment.residentId);
    hidden('corrects', moment.id);
    if (moment.durationMinutes != null) { hidden('durationMinutes', String(moment.durationMinutes)); }
    if (moment.note) { hidden('note', moment.note); }
    var buttons = document.createElement('div');
    buttons.className = 'outcomes';
    OUTCOMES.forEach(function (outcome) {
      if (outcome === moment.outcome) { return; }
      var button = document.createElement('button');
      button.type = 'submit';
      button.name = 'outcome';
      button.value = outcome;
      button.className = 'outcome-' + outcome;
      button.textContent = labels[outcome] || outcome;
      buttons.appendChild(button);
    });
    form.appendChild(buttons);
    details.appendChild(form);
    form.addEventListener('submit', onSubmit);
    return details;
  }

  // Shows a correction: the new outcome counts, the earlier one is named as corrected.
  function markCorrected(item) {
    var stop = document.getElementById('stop-' + item.body.stopId);
    if (!stop || !stop.classList.contains('done') || stop.dataset.corrected === item.body.id) { return false; }
    stop.dataset.corrected = item.body.id;
    stop.classList.remove('done-' + item.previous);
    stop.classList.add('done-' + item.body.outcome);
    var done = stop.querySelector('p.done');
    if (done) {
      var parts = done.textContent.split(' · ');
      parts[0] = labels[item.body.outcome] || item.label;
      done.textContent = parts.join(' · ');
    }
    var earlier = labels[item.previous] || item.previous;
    var note = stop.querySelector('p.corrected');
    if (note) {
      note.textContent += ', ' + earlier;
    } else {
      note = document.createElement('p');
      note.className = 'muted corrected';
      note.textContent = status.dataset.textCorrected.replace('{0}', earlier);
      if (done) { done.after(note); } else { stop.appendChild(note); }
    }
    bump(item.previous, -1);
    bump(item.body.outcome, 1);
    bump('minutes', (item.body.durationMinutes || 0) - (item.previousMinutes || 0));
    var old = stop.querySelector('details.correct');
    var fresh = correctionForm(stop, item.body);
    if (old) { old.replaceWith(fresh); } else { stop.appendChild(fresh); }
    return true;
  }

  function show(item) { return item.body.corrects ? markCorrected(item) : markDone(item); }

  // The round as the server has it now, with what is still queued drawn over it again.
  async function redraw() {
    var response;
    try {
      response = await fetch(location.pathname, { credentials: 'same-origin' });
    } catch (e) { return; }
    if (!response.ok) { return; }
    var page = new DOMParser().parseFromString(await response.text(), 'text/html');
    var stops = page.querySelector('ol.stops');
    var mine = document.querySelector('ol.stops');
    if (stops && mine) { mine.replaceWith(document.importNode(stops, true)); }
    page.querySelectorAll('[data-summary]').forEach(function (cell) {
      var here = summaryCell(cell.dataset.summary);
      if (here) { here.textContent = cell.textContent; }
    });
    bind(document);
    load().forEach(show);
    updateProgress();
  }

  // A refusal, named with its stop in the list above the round.
  function refused(item, title, retry) {
    var li = document.createElement('li');
    li.textContent = status.dataset.textRefused + ': ' + (item.stopName || stopName(item.body.stopId)) +
      (title ? ' — ' + title : '') + (retry ? ' ' + status.dataset.textRetry : '');
    refusals.appendChild(li);
  }

  // A refused outcome: named in the list, and the stop's form open again with a fresh id.
  function reopen(item, title) {
    refused(item, title, true);
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
    if (!response.ok || new URL(response.url).pathname === '/inloggen') { return false; }
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
        if (!response.ok && item.body.corrects) {
          refused(item, problem && problem.title);
          say('', '');
          await redraw();
        } else if (!response.ok) {
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

  function enqueue(item) {
    var queue = load();
    queue.push(item);
    store(queue);
  }

  // The queued item of a tapped button: the moment as the API takes it, and its stop's name.
  function itemOf(form, button) {
    var data = new FormData(form);
    var stop = form.closest('[data-stop]');
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
    var minutes = parseInt(data.get('durationMinutes'), 10);
    if (!isNaN(minutes)) { item.body.durationMinutes = minutes; }
    ['note', 'concern', 'corrects'].forEach(function (name) {
      var text = (data.get(name) || '').trim();
      if (text) { item.body[name] = text; }
    });
    return item;
  }

  // A tap on an outcome or a correction: queued, shown at once, sent when there is a connection.
  function onSubmit(event) {
    var form = event.target;
    var button = event.submitter;
    if (!button || !button.value) { return; }
    event.preventDefault();
    var item = itemOf(form, button);
    if (item.body.corrects) {
      item.previous = form.dataset.outcome;
      item.previousMinutes = parseInt(form.dataset.minutes, 10) || 0;
    }
    enqueue(item);
    if (item.body.corrects) { markCorrected(item); } else { markDone(item, button.textContent); }
    showQueue();
    flush();
  }

  function bind(root) {
    root.querySelectorAll('form.outcome, form.correction').forEach(function (form) {
      form.addEventListener('submit', onSubmit);
    });
  }

  bind(document);
  // Outcomes still queued from before a reload (or a new login) show as done until they are sent.
  load().forEach(show);
  showQueue();
  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  flush();
})();
