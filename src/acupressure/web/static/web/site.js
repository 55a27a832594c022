// Every page: register the service worker that keeps the atlas and routines available offline.
(function () {
  "use strict";
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* optional */ });
  }
})();
// Forms that schedule (a program, a consent that prescriptions follow) carry the browser's
// own time zone in a hidden .tz-field, so 08:00 means 08:00 where the person is.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* old browser */ }
  function fill() {
    var fields = document.querySelectorAll(".tz-field");
    for (var i = 0; i < fields.length; i++) { if (!fields[i].value) { fields[i].value = zone; } }
    var shown = document.querySelectorAll(".tz-shown");
    for (var k = 0; k < shown.length; k++) {
      var name = shown[k].querySelector(".tz-name");
      if (zone && name) { name.textContent = zone; shown[k].hidden = false; }
    }
  }
  document.addEventListener("htmx:afterSwap", fill);  // the plan's result arrives later
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fill); } else { fill(); }
})();
