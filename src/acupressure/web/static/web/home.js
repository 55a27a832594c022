// Home page body map: a region toggles the matching checkbox instead of leaving the page.
(function () {
  "use strict";
  var regions = document.querySelectorAll(".bodymap .region");
  function box(area) { return document.querySelector("input[name=area][value='" + area + "']"); }
  function sync() {
    for (var i = 0; i < regions.length; i++) {
      var input = box(regions[i].getAttribute("data-area"));
      regions[i].classList.toggle("chosen", input.checked);
      regions[i].setAttribute("aria-pressed", String(input.checked));
      regions[i].setAttribute("role", "button");
    }
  }
  for (var i = 0; i < regions.length; i++) {
    regions[i].addEventListener("click", function (e) {
      e.preventDefault();
      var input = box(this.getAttribute("data-area"));
      input.checked = !input.checked;
      sync();
    });
    regions[i].addEventListener("keydown", function (e) {
      if (e.key === " ") { e.preventDefault(); this.dispatchEvent(new MouseEvent("click")); }
    });
  }
  document.addEventListener("change", sync);
  sync();
})();
