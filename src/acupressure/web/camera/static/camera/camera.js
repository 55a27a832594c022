// The photo result (/camera/): a button enlarges the marked photo to the whole screen.
(function () {
  "use strict";
  var img = document.getElementById("located");
  var button = document.getElementById("enlarge");
  if (!img || !button) { return; }
  var figure = img.closest("figure");
  var wordsEl = document.getElementById("camera-words");
  var words = wordsEl ? JSON.parse(wordsEl.textContent) : {};
  function w(english) { return words[english] || english; }
  function toggle() {
    var big = figure.classList.toggle("enlarged");
    button.textContent = big ? w("Close the enlarged photo") : w("Enlarge the photo");
  }
  button.hidden = false;
  button.addEventListener("click", toggle);
  img.addEventListener("click", toggle);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && figure.classList.contains("enlarged")) { toggle(); }
  });
})();
