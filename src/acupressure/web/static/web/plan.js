// Plan page: show the trimester only when "pregnant" is ticked; show only the safety
// questions that matter for the chosen areas and answers (a hidden question is disabled, so
// it is neither required nor sent; the server checks that every relevant one is answered);
// show the server's 400 answers (HTMX leaves error answers out by default); move focus to
// the result.
(function () {
  "use strict";
  var form = document.getElementById("intake");
  var pregnant = document.getElementById("pregnant");
  var maybe = document.getElementById("maybe-pregnant");
  var group = document.getElementById("trimester-group");
  var flags = document.querySelectorAll("fieldset.flag");
  function chosenAreas() {
    var boxes = document.querySelectorAll("input[name=area]:checked");
    var out = [];
    for (var i = 0; i < boxes.length; i++) { out.push(boxes[i].value); }
    return out;
  }
  function sync() {
    var isPregnant = (pregnant && pregnant.checked) || (maybe && maybe.checked);
    if (group) { group.hidden = !(pregnant && pregnant.checked) || (maybe && maybe.checked); }
    var areas = chosenAreas();
    var error = document.getElementById("area-error");  // an area chosen: the error is stale
    if (areas.length > 0 && error) { error.textContent = ""; }
    for (var i = 0; i < flags.length; i++) {
      var f = flags[i];
      var wantAreas = f.getAttribute("data-areas");
      var wantPregnant = f.getAttribute("data-pregnant") === "yes";
      var show = true;
      if (wantPregnant) {
        show = isPregnant;
      } else if (wantAreas) {
        show = wantAreas.split(" ").some(function (a) { return areas.indexOf(a) >= 0; });
      }
      f.hidden = !show;
      f.disabled = !show;
    }
  }
  if (form) {
    form.addEventListener("change", sync);
    sync();
    form.addEventListener("submit", function (e) {
      var error = document.getElementById("area-error");
      if (chosenAreas().length === 0 && error) {
        e.preventDefault();
        e.stopImmediatePropagation();
        error.textContent = error.dataset.message || "Choose at least one area where it hurts.";
        var first = document.querySelector("input[name=area]");
        if (first) { first.focus(); }
      } else if (error) {
        error.textContent = "";
      }
    }, true);
  }
  document.body.addEventListener("htmx:beforeSwap", function (e) {
    if (e.detail.xhr.status === 400) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });
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
