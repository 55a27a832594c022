// Live camera (/camera/live/): MediaPipe Hands or Pose runs in this browser on the camera's
// frames; the landmarks of each processed frame go to POST /api/locate/landmarks (at most one
// request in flight, the newest frame wins), and the points it returns are drawn over the
// video on every frame. The models and wasm are vendored under /static/vendor/ (no CDN).
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) { return; }

  var video = document.getElementById("live-video");
  var canvas = document.getElementById("live-canvas");
  var stage = root.querySelector(".live-stage");
  var statusEl = document.getElementById("live-status");
  var notesEl = document.getElementById("live-notes");
  var shownEl = document.getElementById("live-shown");
  var startBtn = document.getElementById("live-start");
  var stopBtn = document.getElementById("live-stop");
  var viewSelect = document.getElementById("live-view");
  var pressSelect = document.getElementById("live-press");
  var verdictEl = document.getElementById("live-verdict");
  var feedbackBox = document.getElementById("live-feedback");
  var embedded = root.dataset.embedded === "1" && window.parent !== window;
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var ctx = canvas.getContext("2d");
  // The page's words for this script, keyed by the English ({name}: a value put in).
  var wordsEl = document.getElementById("live-words");
  var words = wordsEl ? JSON.parse(wordsEl.textContent) : {};
  function w(english, values) {
    var text = words[english] || english;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }

  // A tiny module using a SIMD instruction: the vendored wasm is the SIMD build only.
  var SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3,
    2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

  var s = {
    running: false, stream: null, solution: null, kind: null, busy: false,
    pending: null, inFlight: false, result: null, mirrored: false, shown: "", status: "",
    notes: "", verdict: "", spokenAt: 0, audio: null,
    earlier: null  // the last hand seen alone: the target before the other hand covered it
  };
  var BEEPS = { "on": 880, "close": 620 };

  function mode() {
    return root.querySelector("input[name=mode]:checked").value;
  }

  function say(text) {
    if (text !== s.status) { s.status = text; statusEl.textContent = text; }
  }

  function showMode() {
    root.querySelector(".live-view").hidden = mode() !== "body";
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = resolve;
      el.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(el);
    });
  }

  function makeSolution(kind) {
    var base = kind === "hands" ? root.dataset.handsBase : root.dataset.poseBase;
    var file = kind === "hands" ? "hands.js" : "pose.js";
    return loadScript(base + file).then(function () {
      var options = { locateFile: function (name) { return base + name; } };
      var solution;
      if (kind === "hands") {
        solution = new window.Hands(options);
        // the same model as the photo path (complexity 1 = the "full" hand model)
        solution.setOptions({ maxNumHands: 2, modelComplexity: 1, selfieMode: false,
          minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
      } else {
        solution = new window.Pose(options);
        solution.setOptions({ modelComplexity: 1, selfieMode: false, smoothLandmarks: true,
          enableSegmentation: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
      }
      solution.onResults(onResults);
      return solution.initialize().then(function () { return solution; });
    });
  }

  function start() {
    var kind = mode();
    if (s.kind && s.kind !== kind) {
      // the two solutions' wasm loaders share global names: switch with a fresh page
      window.location.search = "?mode=" + kind;
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(w("This browser cannot use a camera here (it needs a secure https page). " +
        "Upload a photo instead."));
      return;
    }
    if (!window.WebAssembly || !WebAssembly.validate(SIMD_PROBE)) {
      say(w("This browser is too old for the live camera. Upload a photo instead."));
      return;
    }
    startBtn.disabled = true;
    say(w("Asking for the camera…"));
    var facing = kind === "hands" ? "user" : "environment";
    navigator.mediaDevices.getUserMedia({
      audio: false, video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } }
    }).then(function (stream) {
      s.stream = stream;
      var settings = stream.getVideoTracks()[0].getSettings();
      s.mirrored = settings.facingMode === "user" || (kind === "hands" && !settings.facingMode);
      video.classList.toggle("mirrored", s.mirrored);
      video.srcObject = stream;
      stage.hidden = false;
      return video.play();
    }).then(function () {
      if (s.solution) { return s.solution; }
      say(kind === "hands" ? w("Loading the hand model (the first time takes a while)…") :
        w("Loading the body model (the first time takes a while)…"));
      return makeSolution(kind);
    }).then(function (solution) {
      s.solution = solution;
      s.kind = kind;
      s.running = true;
      stopBtn.disabled = false;
      say(kind === "hands" ? w("Looking for a hand…") : w("Looking for a body…"));
      nextFrame();
    }).catch(function (err) {
      stop();
      var name = err && err.name;
      if (name === "NotAllowedError" || name === "SecurityError") {
        say(w("Camera permission was denied. Allow the camera for this site in the browser's " +
          "settings and press Start again, or upload a photo instead."));
      } else if (name === "NotFoundError" || name === "OverconstrainedError") {
        say(w("No camera was found on this device. Upload a photo instead."));
      } else if (name === "NotReadableError") {
        say(w("The camera is busy in another app. Close it and press Start again."));
      } else {
        say(w("The live camera could not start ({problem}). Upload a photo instead.",
          { problem: err && err.message || err }));
      }
    });
  }

  function stop() {
    s.running = false;
    if (s.stream) { s.stream.getTracks().forEach(function (t) { t.stop(); }); }
    s.stream = null;
    s.result = null;
    s.pending = null;
    s.earlier = null;
    video.srcObject = null;
    stage.hidden = true;
    startBtn.disabled = false;
    stopBtn.disabled = true;
    setShown([]);
    setNotes([]);
    s.verdict = "";
    delete root.dataset.verdict;
    verdictEl.textContent = "";
    say(w("The camera is off."));
  }

  // Every video frame: draw the latest points, and hand the frame to MediaPipe when it is free.
  function nextFrame() {
    if (!s.running) { return; }
    if (video.requestVideoFrameCallback) {
      video.requestVideoFrameCallback(onFrame);
    } else {
      window.requestAnimationFrame(onFrame);
    }
  }

  function onFrame() {
    if (!s.running) { return; }
    draw();
    if (!s.busy && video.readyState >= 2) {
      s.busy = true;
      s.solution.send({ image: video }).then(function () { s.busy = false; }, function (err) {
        s.busy = false;
        say(w("The model stopped working ({problem}). Press Start again.",
          { problem: err && err.message || err }));
        stop();
      });
    }
    nextFrame();
  }

  function pairs(marks) {
    return marks.map(function (m) { return [m.x, m.y]; });
  }

  function onResults(results) {
    if (!s.running) { return; }
    var body = {
      width: video.videoWidth, height: video.videoHeight, mirrored: false, hands: [], pose: null
    };
    if (s.kind === "hands") {
      var hands = results.multiHandLandmarks || [];
      var labels = results.multiHandedness || [];
      if (!hands.length) {
        s.result = null;
        s.pending = null;
        setNotes([]);
        say(w("No hand found. Show your whole hand, fingers apart, in good light."));
        noPress(w("no hand was found: show both hands, in good light"));
        return;
      }
      body.hands = hands.slice(0, 4).map(function (marks, i) {
        var label = labels[i] || { label: "Right", score: 0 };
        return { label: label.label === "Left" ? "Left" : "Right",
          score: Math.min(1, Math.max(0, label.score)), landmarks: pairs(marks) };
      });
      // A hand covered by the pressing hand comes back from MediaPipe with its joints moved;
      // the server places the point on this clean hand while the hand stays where it was.
      if (body.hands.length === 1) { s.earlier = body.hands[0]; }
      else if (s.earlier) { body.earlier = s.earlier; }
    } else {
      var marks = results.poseLandmarks;
      if (!marks) {
        s.result = null;
        s.pending = null;
        setNotes([]);
        say(w("No body found. The whole back, shoulders to hips, should fill the picture."));
        noPress(w("no body was found: step back so that shoulders and hips fill the picture"));
        return;
      }
      body.pose = { landmarks: pairs(marks),
        visibility: marks.map(function (m) { return m.visibility || 0; }) };
      if (viewSelect.value) { body.view = viewSelect.value; }
    }
    if (pressSelect && pressSelect.value) {
      body.press = pressSelect.value;
      body.points = [pressSelect.value];
    }
    s.pending = body;
    send();
  }

  function send() {
    if (s.inFlight || !s.pending) { return; }
    var body = s.pending;
    s.pending = null;
    s.inFlight = true;
    fetch(root.dataset.api, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }
    }).then(function (r) {
      if (!r.ok) { throw new Error(w("the server answered {status}", { status: r.status })); }
      return r.json();
    }).then(function (result) {
      if (s.running) { show(result); }
    }).catch(function (err) {
      if (s.running) { say(w("Could not place the points: {problem}. Retrying…", { problem: err.message })); }
    }).then(function () {
      s.inFlight = false;
      send();
    });
  }

  function show(result) {
    s.result = result;
    var notes = [];
    result.detections.forEach(function (d) {
      var who = d.kind !== "hand" ? w("Body") : d.hand === "left" ? w("Your left hand") :
        w("Your right hand");
      var codes = {};  // one line per note, naming its points: "Body, BL23 and GV4: …"
      d.points.forEach(function (p) {
        if (!p.note) { return; }
        codes[p.note] = codes[p.note] || [];
        if (codes[p.note].indexOf(p.code) < 0) { codes[p.note].push(p.code); }
      });
      Object.keys(codes).forEach(function (note) {
        var names = codes[note];
        var list = names.length > 1 ? w("{list} and {last}",
          { list: names.slice(0, -1).join(", "), last: names[names.length - 1] }) : names[0];
        notes.push(who + ", " + list + ": " + note);
      });
    });
    result.warnings.forEach(function (w) { if (notes.indexOf(w) < 0) { notes.push(w); } });
    setNotes(notes);
    if (result.press) { setVerdict(result.press); }
    var placed = placedPoints(result);
    say(placed.length ? w("Points found. Hold still to see them steady.") :
      w("Found you, but no point can be shown from this side."));
  }

  // The press verdict: shown, spoken and beeped (when switched on) each time it changes, and
  // told to the web player when this page runs inside it.
  function setVerdict(press) {
    var sure = press.certainty ? " " + w("(" + press.certainty + " certainty)") : "";
    if (press.presser && press.presser.seen_by === "pose") {
      sure += ". " + w("Live, the body model follows only the person filmed: the pressing hand is your own; for a helper's hand, upload a photo instead.");
    }
    if (press.covered && !press.remembered) {
      var why = press.not_remembered && words["memory:" + press.not_remembered];
      if (why) { sure += ". " + w("The hand seen alone was not used: {reason}", { reason: why }); }
      sure += ". " + w("The pressing hand hides part of the other hand: show that hand alone for a moment, keep it still, then press from the side.");
    }
    var text = press.code + ": " + press.advice + sure;
    if (verdictEl.textContent !== text) { verdictEl.textContent = text; }
    root.dataset.verdict = press.verdict;
    verdictEl.className = "live-verdict verdict-" + press.verdict.replace(" ", "-");
    if (embedded) {
      window.parent.postMessage({ type: "acu-press", code: press.code, verdict: press.verdict,
        certainty: press.certainty || "" }, window.location.origin);
    }
    if (press.verdict === s.verdict) { return; }
    s.verdict = press.verdict;
    if (!feedbackBox || !feedbackBox.checked) { return; }
    if (BEEPS[press.verdict]) { beep(BEEPS[press.verdict]); }
    var now = performance.now();
    if ("speechSynthesis" in window && now - s.spokenAt > 1500) {
      s.spokenAt = now;
      window.speechSynthesis.cancel();
      var direction = { direction: press.direction || "" };
      var spoken = press.verdict === "on" ? w("On it") : press.verdict === "close" ?
        (press.direction ? w("Close. Move a little {direction}", direction) : w("Close")) :
        press.verdict === "off" ?
        (press.direction ? w("Not there yet. Move {direction}", direction) : w("Not there yet")) :
        w("Cannot tell");
      var utterance = new SpeechSynthesisUtterance(spoken);
      utterance.lang = root.dataset.voiceLang || "en";
      window.speechSynthesis.speak(utterance);
    }
  }

  function noPress(advice) {
    if (pressSelect && pressSelect.value) {
      setVerdict({ code: pressSelect.value, verdict: "cannot tell", advice: advice,
        certainty: null, direction: null });
    }
  }

  function beep(frequency) {
    try {
      if (!s.audio) { s.audio = new (window.AudioContext || window.webkitAudioContext)(); }
      var osc = s.audio.createOscillator();
      var gain = s.audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(s.audio.destination);
      osc.start();
      osc.stop(s.audio.currentTime + 0.12);
    } catch (e) { /* no audio device: the words on screen remain */ }
  }

  function placedPoints(result) {
    var out = [];
    (result ? result.detections : []).forEach(function (d) {
      d.points.forEach(function (p) { if (p.x !== null) { out.push(p); } });
    });
    return out;
  }

  function setNotes(notes) {
    var key = notes.join("\n");
    if (key === s.notes) { return; }
    s.notes = key;
    notesEl.replaceChildren.apply(notesEl, notes.map(function (n) {
      var li = document.createElement("li");
      li.textContent = n;
      return li;
    }));
  }

  function setShown(codes) {
    var unique = codes.filter(function (c, i) { return codes.indexOf(c) === i; });
    var key = unique.join(", ");
    root.dataset.markers = String(codes.length);
    if (key === s.shown) { return; }
    s.shown = key;
    shownEl.textContent = unique.length ? w("{codes} shown", { codes: key }) : "";
  }

  function draw() {
    var w = video.videoWidth, h = video.videoHeight;
    if (!w || !h) { return; }
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    ctx.clearRect(0, 0, w, h);
    var points = placedPoints(s.result);
    var size = Math.round(15 * w / (canvas.clientWidth || w));  // about 15 px on screen
    ctx.font = "600 " + size + "px system-ui, sans-serif";
    ctx.lineWidth = Math.max(2, size / 6);
    points.forEach(function (p) {
      var x = s.mirrored ? w - p.x : p.x;
      var colour = p.on_visible_side ? "#ffd400" : "#ff8a80";
      ctx.setLineDash(p.on_visible_side ? [] : [size / 2, size / 3]);
      ctx.strokeStyle = "rgba(0, 0, 0, 0.75)";
      ctx.beginPath();
      ctx.arc(x, p.y, Math.max(p.radius, 4), 0, 2 * Math.PI);
      ctx.stroke();
      ctx.strokeStyle = colour;
      ctx.lineWidth /= 2;
      ctx.stroke();
      ctx.lineWidth *= 2;
      ctx.setLineDash([]);
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(x, p.y, Math.max(3, size / 5), 0, 2 * Math.PI);
      ctx.fill();
      var label = p.code + (p.side ? " " + p.side[0].toUpperCase() : "");
      ctx.strokeStyle = "rgba(0, 0, 0, 0.85)";
      ctx.strokeText(label, x + size / 2, p.y - size / 2);
      ctx.fillText(label, x + size / 2, p.y - size / 2);
    });
    setShown(points.map(function (p) { return p.code; }));
    drawPress(s.result && s.result.press, w, size);
  }

  // The target circle of the point being pressed and the presser's fingertip.
  function drawPress(press, w, size) {
    if (!press || !press.target) { return; }
    var t = press.target;
    var x = s.mirrored ? w - t.x : t.x;
    ctx.setLineDash([]);
    ctx.lineWidth = Math.max(3, size / 4);
    ctx.strokeStyle = press.verdict === "on" ? "#00e65a" : "#ff3cc8";
    ctx.beginPath();
    ctx.arc(x, t.y, Math.max(t.radius, 5), 0, 2 * Math.PI);
    ctx.stroke();
    if (press.presser && press.presser.x !== null && press.presser.x !== undefined) {
      var fx = s.mirrored ? w - press.presser.x : press.presser.x;
      ctx.fillStyle = "#50aaff";
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(fx, press.presser.y, Math.max(4, size / 3), 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }

  root.querySelectorAll("input[name=mode]").forEach(function (r) {
    r.addEventListener("change", function () {
      showMode();
      if (s.running) { stop(); start(); }
    });
  });
  if (feedbackBox) {
    feedbackBox.checked = localStorage.getItem("acu-press-feedback") !== "off";
    feedbackBox.addEventListener("change", function () {
      localStorage.setItem("acu-press-feedback", feedbackBox.checked ? "on" : "off");
      if (!feedbackBox.checked && "speechSynthesis" in window) { window.speechSynthesis.cancel(); }
    });
  }
  if (embedded) {  // the web player names the point of the current step
    window.addEventListener("message", function (e) {
      if (e.origin !== window.location.origin || !e.data || e.data.type !== "acu-press-code") {
        return;
      }
      if (pressSelect.querySelector("option[value='" + e.data.code + "']")) {
        pressSelect.value = e.data.code;
      }
    });
  }
  startBtn.addEventListener("click", start);
  stopBtn.addEventListener("click", stop);
  showMode();
})();
