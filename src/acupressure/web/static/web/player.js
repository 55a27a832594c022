// Guided session player: follows the plan's timeline (the same steps as the terminal).
// Time comes from performance.now(); every deadline is computed from the session start, so a
// background tab that wakes up late jumps to the right step instead of drifting.
(function () {
  "use strict";
  var root = document.getElementById("player");
  if (!root) { return; }
  var data = JSON.parse(document.getElementById("timeline").textContent);
  // The page's words for what this script shows or says, by their English text.
  var words = JSON.parse(document.getElementById("player-words").textContent);
  function w(english) { return words[english] || english; }
  var voiceLang = document.getElementById("player").getAttribute("data-voice-lang") || "en";
  var steps = data.steps;
  var total = data.total_seconds;
  var sessionId = data.session;
  var csrf = document.querySelector("#csrf input[name=csrfmiddlewaretoken]").value;
  var $ = function (id) { return document.getElementById(id); };

  var state = {
    running: false, paused: false, finished: false,
    startedAt: 0,       // performance.now() at the start
    pausedTotal: 0,     // ms spent paused
    pausedAt: 0,
    shift: 0,           // seconds skipped forward
    index: -1,
    completed: {},      // step index -> true when it ran to its end
    sound: localStorage.getItem("acu-sound") !== "off",
    speech: localStorage.getItem("acu-speech") !== "off",
    timer: null, audio: null, wakeLock: null,
    waiting: false, waitSince: 0, waitTotal: 0  // ms a press waited for the finger (camera)
  };
  var listeners = [];

  function elapsed() {
    var now = state.paused ? state.pausedAt : performance.now();
    var waited = state.waitTotal + (state.waiting ? now - state.waitSince : 0);
    return (now - state.startedAt - state.pausedTotal - waited) / 1000 + state.shift;
  }

  // The camera switch (player_camera.js) holds the clock while the finger is off the point.
  function hold(waiting) {
    if (!state.running || state.paused || waiting === state.waiting) { return; }
    var now = performance.now();
    if (waiting) { state.waitSince = now; } else { state.waitTotal += now - state.waitSince; }
    state.waiting = waiting;
    tick();
  }

  function stepAt(seconds) {
    for (var i = 0; i < steps.length; i++) {
      if (seconds < steps[i].start + steps[i].seconds) { return i; }
    }
    return steps.length;
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function beep(frequency, ms) {
    if (!state.sound) { return; }
    try {
      if (!state.audio) { state.audio = new (window.AudioContext || window.webkitAudioContext)(); }
      var ctx = state.audio;
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = frequency;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + ms / 1000);
    } catch (e) { /* no audio device: the visual cue remains */ }
  }

  function say(text) {
    if (!state.speech || !("speechSynthesis" in window)) { return; }
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voiceLang;  // the browser picks a voice for the page's language
    var voice = window.speechSynthesis.getVoices().filter(function (v) {
      return v.lang && v.lang.toLowerCase().indexOf(voiceLang.toLowerCase().slice(0, 2)) === 0;
    })[0];
    if (voice) { utterance.voice = voice; }
    window.speechSynthesis.speak(utterance);
  }

  function keepAwake() {
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") { return; }
    navigator.wakeLock.request("screen").then(function (lock) { state.wakeLock = lock; },
      function () { /* refused (battery saver): the session still runs */ });
  }

  // The chart to show: the step's point, or (getting into position, breathing) the next one.
  function chartCode(i) {
    for (var k = i; k < steps.length; k++) { if (steps[k].code) { return steps[k].code; } }
    return null;
  }

  function showStep(i) {
    var step = steps[i];
    $("step-index").textContent = String(i + 1);
    $("step-kind").textContent = w(step.kind) + (step.side ? " · " + w(step.side) : "");
    $("cue").textContent = step.cue;
    var charts = document.querySelectorAll("[data-chart]");
    var where = chartCode(i);
    for (var c = 0; c < charts.length; c++) {
      charts[c].hidden = charts[c].getAttribute("data-chart") !== where;
      var image = charts[c].querySelector("img");
      if (!charts[c].hidden && image) { image.loading = "eager"; }  // the one shown: now
    }
    if (step.kind === "press") { beep(880, 200); }
    if (step.kind === "release") { beep(440, 300); }
    say(step.cue);
    listeners.forEach(function (f) { f(step); });
  }

  function tick() {
    if (!state.running) { return; }
    var t = elapsed();
    var i = stepAt(t);
    if (i !== state.index) {
      for (var k = Math.max(state.index, 0); k < i; k++) {
        if (!state.completed.hasOwnProperty(k)) { state.completed[k] = true; }
      }
      state.index = i;
      if (i >= steps.length) { finish(false); return; }
      if (i > 0) { report(false); }
      showStep(i);
    }
    var step = steps[i];
    var left = step.start + step.seconds - t;
    $("countdown").textContent = clock(left);
    $("step-progress").value = Math.min(100, 100 * (t - step.start) / step.seconds);
    $("session-progress").value = Math.min(100, 100 * t / total);
  }

  // The first visit carries no chart: each loads when its step shows (loading=lazy in a
  // hidden figure). Once the session runs, the others follow in the background, so the whole
  // routine is at hand offline afterwards (the service worker keeps what was fetched).
  function loadAllCharts() {
    var images = document.querySelectorAll("[data-chart] img[loading=lazy]");
    for (var k = 0; k < images.length; k++) { images[k].loading = "eager"; }
  }

  function start() {
    setTimeout(loadAllCharts, 3000);
    $("stage-before").hidden = true;
    $("stage-run").hidden = false;
    $("stage-run").scrollIntoView({ block: "start" });
    state.running = true;
    state.startedAt = performance.now();
    keepAwake();
    state.timer = setInterval(tick, 200);
    tick();
    $("pause").focus();
  }

  function togglePause() {
    if (!state.running) { return; }
    if (state.paused) {
      state.pausedTotal += performance.now() - state.pausedAt;
      state.paused = false;
      $("pause").textContent = w("Pause");
      say(w("Resumed"));
    } else {
      state.pausedAt = performance.now();
      if (state.waiting) { state.waitTotal += state.pausedAt - state.waitSince; }
      state.waiting = false;
      state.paused = true;
      $("pause").textContent = w("Resume");
      if ("speechSynthesis" in window) { window.speechSynthesis.cancel(); }
    }
    tick();
  }

  function skip() {
    if (!state.running || state.index >= steps.length) { return; }
    var step = steps[state.index];
    state.completed[state.index] = false;
    state.shift += step.start + step.seconds - elapsed();
    tick();
  }

  function toggle(name, button) {
    state[name] = !state[name];
    localStorage.setItem("acu-" + name, state[name] ? "on" : "off");
    button.setAttribute("aria-pressed", String(state[name]));
    if (name === "speech" && !state.speech && "speechSynthesis" in window) {
      window.speechSynthesis.cancel();
    }
  }

  function completedCount() {
    var n = 0;
    for (var k in state.completed) { if (state.completed[k] === true) { n++; } }
    return n;
  }

  function pressedSeconds() {
    var n = 0;
    for (var k in state.completed) {
      if (state.completed[k] === true && steps[k].kind === "press") { n += steps[k].seconds; }
    }
    return n;
  }

  // The ending is worded by what was done: all steps, some, or none.
  function ending(done, early) {
    var n = steps.length;
    if (done === 0) { return w("Session ended: no step was done"); }
    if (done === n) { return w("Well done: all {total} steps done").replace("{total}", n); }
    var text = early ? w("Session ended early: {done} of {total} steps done")
      : w("Session over: {done} of {total} steps done");
    return text.replace("{done}", done).replace("{total}", n);
  }

  // Steps done so far, sent as each step ends and when the session ends: kept by the server
  // whatever the person does next (a beacon still goes out while the page closes).
  function progressFields(ended) {
    var fields = { csrfmiddlewaretoken: csrf, completed_steps: completedCount(),
      pressed_seconds: pressedSeconds() };
    if (ended) { fields.ended = "on"; }
    if (window.acuPlayer && window.acuPlayer.onTarget) {
      fields.on_target = JSON.stringify(window.acuPlayer.onTarget);
    }
    return new URLSearchParams(fields);
  }

  function report(ended) {
    var url = "/session/" + sessionId + "/progress/";
    var body = progressFields(ended);
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
    fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
      .catch(function () { /* offline: the next report or the diary form carries it */ });
  }

  function finish(early) {
    if (!state.running) { return; }
    if (early && state.index >= 0 && state.index < steps.length &&
        !state.completed.hasOwnProperty(state.index)) {
      state.completed[state.index] = false;  // the step under way was not finished
    }
    if (state.waiting) { state.waitTotal += performance.now() - state.waitSince; }
    state.waiting = false;
    state.running = false;
    listeners.forEach(function (f) { f(null); });
    state.finished = true;
    report(true);
    clearInterval(state.timer);
    if (state.wakeLock) { state.wakeLock.release(); state.wakeLock = null; }
    beep(660, 500);
    var text = ending(completedCount(), early === true);
    say(text + ".");
    $("after-h").textContent = text;
    $("stage-run").hidden = true;
    $("stage-after").hidden = false;
    $("after-h").focus();
  }

  function post(url, fields) {
    var body = new URLSearchParams(fields);
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.detail || "not saved"); }
        return j;
      });
    });
  }

  $("before-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var pain = $("pain-before").value;
    post("/session/" + sessionId + "/pain/", { pain: pain }).catch(function () { /* offline */ });
    start();
  });

  $("after-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("save-status").textContent = w("Saving…");
    var fields = {
      pain_after: $("pain-after").value, completed_steps: completedCount(),
      pressed_seconds: pressedSeconds(), note: $("note").value
    };
    if (window.acuPlayer.onTarget) { fields.on_target = JSON.stringify(window.acuPlayer.onTarget); }
    // the pain before again: its own request may have been lost or still be on its way
    if ($("pain-before").value !== "") { fields.pain_before = $("pain-before").value; }
    post("/session/" + sessionId + "/finish/", fields).then(function () {
      $("save-status").innerHTML = "";
      var link = document.createElement("a");
      link.href = "/diary/";
      link.textContent = w("Saved. See your diary.");
      $("save-status").appendChild(link);
      link.focus();
    }, function (err) {
      $("save-status").textContent =
        w("Not saved: {problem}. Try again when online.").replace("{problem}", err.message);
    });
  });

  // For the camera switch (player_camera.js): the current step, the clock, the hold gate.
  window.acuPlayer = {
    step: function () {
      return state.running && state.index >= 0 && state.index < steps.length ?
        steps[state.index] : null;
    },
    elapsed: elapsed,
    paused: function () { return state.paused; },
    hold: hold,
    onStep: function (f) { listeners.push(f); },
    onTarget: null  // seconds on target per point, sent with the diary entry when set
  };

  $("pause").addEventListener("click", togglePause);
  $("skip").addEventListener("click", skip);
  $("end").addEventListener("click", function () { finish(true); });
  $("sound").addEventListener("click", function () { toggle("sound", $("sound")); });
  $("speech").addEventListener("click", function () { toggle("speech", $("speech")); });
  $("sound").setAttribute("aria-pressed", String(state.sound));
  $("speech").setAttribute("aria-pressed", String(state.speech));

  document.addEventListener("keydown", function (e) {
    if (!state.running || e.target.tagName === "INPUT" || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var key = e.key.toLowerCase();
    if (key === " " && e.target.tagName !== "BUTTON") { e.preventDefault(); togglePause(); }
    else if (key === "n" || key === "arrowright") { e.preventDefault(); skip(); }
    else if (key === "e" || key === "escape") { e.preventDefault(); finish(true); }
    else if (key === "s") { toggle("sound", $("sound")); }
    else if (key === "v") { toggle("speech", $("speech")); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && state.running) { keepAwake(); tick(); }
    if (document.visibilityState === "hidden" && state.running) { tick(); report(false); }
  });
  // closing or leaving the page while it runs: what was done so far is kept
  window.addEventListener("pagehide", function () {
    if (state.running) { tick(); report(false); }
  });
})();
