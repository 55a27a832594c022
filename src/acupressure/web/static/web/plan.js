// Plan page: show the trimester only when "pregnant" is ticked; move focus to the result.
(function () {
  "use strict";
  var pregnant = document.getElementById("pregnant");
  var group = document.getElementById("trimester-group");
  if (pregnant && group) {
    var sync = function () { group.hidden = !pregnant.checked; };
    pregnant.addEventListener("change", sync);
    sync();
  }
  // "Make it a program" schedules in the browser's own time zone
  var fillZone = function () {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    document.querySelectorAll(".tz-field").forEach(function (f) { f.value = zone; });
  };
  fillZone();
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target.id !== "result") { return; }
    fillZone();
    var heading = e.detail.target.querySelector("h2");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  });
})();
