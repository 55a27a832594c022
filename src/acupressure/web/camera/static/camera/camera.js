// The photo result (/camera/): a button enlarges the marked photo to the whole screen.
(function () {
  "use strict";
  var img = document.getElementById("located");
  var button = document.getElementById("enlarge");
  if (!img || !button) { return; }
  var figure = img.closest("figure");
  function toggle() {
    var big = figure.classList.toggle("enlarged");
    button.textContent = big ? "Close the enlarged photo" : "Enlarge the photo";
  }
  button.hidden = false;
  button.addEventListener("click", toggle);
  img.addEventListener("click", toggle);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && figure.classList.contains("enlarged")) { toggle(); }
  });
})();
