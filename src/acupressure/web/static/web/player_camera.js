// "Use the camera" in the guided player: the live camera page runs in a frame beside the
// countdown and tells this page its press verdict and how sure it is (postMessage, same
// origin only). During a press step the hold clock runs only while the verdict is "on" with
// high or medium certainty; "on" with low (or no) certainty shows as unsure and the hold
// waits. The seconds on target per point go to the diary with the session. Without the
// switch the player is unchanged.
(function () {
  "use strict";
  var box = document.getElementById("use-camera");
  var holder = document.getElementById("player-camera");
  var statusEl = document.getElementById("camera-hold");
  if (!box || !holder || !window.acuPlayer) { return; }
  var player = window.acuPlayer;
  // the points the camera times: those on the hand (vision.press.held_live), so the live
  // page runs in its hands mode
  var checkable = (holder.dataset.checkable || "").split(",").filter(Boolean);
  var SURE = { "high": true, "medium": true };  // the certainties that let the hold run
  var s = { verdict: "", certainty: "", code: "", frame: null, last: null, lastStep: null,
    onTarget: {} };
  var wordsEl = document.getElementById("player-words");
  var words = wordsEl ? JSON.parse(wordsEl.textContent) : {};
  function w(english, code) { return (words[english] || english).split("{code}").join(code || ""); }

  function pressStep() {
    var step = player.step();
    return step && step.kind === "press" && checkable.indexOf(step.code) >= 0 ? step : null;
  }

  function follow(step) {
    if (!box.checked) { return; }
    var code = step && step.code && checkable.indexOf(step.code) >= 0 ? step.code : "";
    if (code && code !== s.code) {
      if (!s.frame) {
        s.frame = document.createElement("iframe");
        s.frame.title = w("Camera: am I on the point?");
        s.frame.allow = "camera";
        s.frame.className = "camera-frame";
        s.frame.src = "/camera/live/?embed=1&mode=hands&press=" + encodeURIComponent(code);
        holder.appendChild(s.frame);
      } else {
        s.frame.contentWindow.postMessage({ type: "acu-press-code", code: code },
          window.location.origin);
      }
      s.code = code;
      s.verdict = "";
      s.certainty = "";
    }
    gate();
  }

  // "on" counts only when the camera is sure enough (high or medium certainty)
  function onTarget() { return s.verdict === "on" && SURE[s.certainty] === true; }

  function gate() {
    var step = pressStep();
    var waiting = Boolean(box.checked && step && !onTarget());
    player.hold(waiting);
    statusEl.dataset.state = "";
    var current = player.step();
    if (box.checked && !step && current && current.kind === "press") {
      statusEl.dataset.state = "clock";  // a point the live camera cannot time: the clock holds
      statusEl.textContent = w("Live, the camera cannot be sure of your finger on {code} (it " +
        "checks the points on the hand): the hold runs by the clock.", current.code);
      return;
    }
    if (!box.checked || !step) { statusEl.textContent = ""; return; }
    statusEl.dataset.state = !waiting ? "runs" : s.verdict === "on" ? "unsure" : "waits";
    statusEl.textContent = !waiting ? w("On {code}: the hold runs.", step.code) :
      s.verdict === "on" ? w("Maybe on {code}, but the camera is not sure (low certainty): " +
        "the hold waits. Come closer, add light, or untick the camera to hold by the clock.",
        step.code) :
      w("The hold waits until your finger is on {code}.", step.code);
  }

  // Seconds on target: the hold clock's progress during press steps while the finger is on,
  // counted only within one step (a skip with N jumps the clock: those seconds were not held).
  function count() {
    var t = player.elapsed();
    var step = pressStep();
    if (box.checked && step && step === s.lastStep && s.last !== null && t > s.last &&
        onTarget()) {
      s.onTarget[step.code] = Math.round(((s.onTarget[step.code] || 0) + t - s.last) * 10) / 10;
      player.onTarget = s.onTarget;
    }
    s.last = t;
    s.lastStep = step;
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== window.location.origin || !e.data || e.data.type !== "acu-press") { return; }
    if (e.data.code !== s.code) { return; }
    count();
    s.verdict = e.data.verdict;
    s.certainty = e.data.certainty || "";
    gate();
  });

  box.addEventListener("change", function () {
    holder.hidden = !box.checked;
    if (!box.checked) {
      if (s.frame) { s.frame.remove(); }
      s.frame = null;
      s.code = "";
      s.verdict = "";
      s.certainty = "";
      player.hold(false);
      statusEl.textContent = "";
      statusEl.dataset.state = "";
      return;
    }
    follow(player.step());
  });
  player.onStep(function (step) { count(); follow(step); });
  setInterval(count, 250);
})();
