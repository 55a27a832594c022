// Home page body map: a region toggles the matching checkbox instead of leaving the page.
// Without this script each region is a link back to the home page with that area toggled.
(function () {
  "use strict";
  var regions = document.querySelectorAll(".bodymap .region");
  function box(area) { return document.querySelector("input[name=area][value='" + area + "']"); }
  function sync() {
    for (var i = 0; i < regions.length; i++) {
      var input = box(regions[i].getAttribute("data-area"));
      regions[i].classList.toggle("chosen", input.checked);
      regions[i].setAttribute("role", "button");
      regions[i].setAttribute("aria-label", regions[i].getAttribute("data-label"));
      regions[i].setAttribute("aria-pressed", String(input.checked));
    }
  }
  function toggle(region) {
    var input = box(region.getAttribute("data-area"));
    input.checked = !input.checked;
    sync();
  }
  for (var i = 0; i < regions.length; i++) {
    regions[i].addEventListener("click", function (e) { e.preventDefault(); toggle(this); });
    // Space presses a button; toggled here, as a synthetic click would follow the link
    regions[i].addEventListener("keydown", function (e) {
      if (e.key === " ") { e.preventDefault(); toggle(this); }
    });
  }
  document.addEventListener("change", sync);
  sync();
  // Start with nothing chosen says so here, instead of opening /plan/ with no area
  var form = document.querySelector("form.home");
  var error = document.getElementById("home-area-error");
  if (form && error) {
    form.addEventListener("submit", function (e) {
      if (document.querySelector("input[name=area]:checked")) { error.textContent = ""; return; }
      e.preventDefault();
      error.textContent = error.dataset.message ||
        "Choose at least one area first: tap it on the figure or tick it in the list.";
    });
  }
})();
