// Today: when the person allows it, show a notification while the app is open and a
// session falls due. Nothing is sent anywhere; the time comes from the page.
(function () {
  "use strict";
  var box = document.getElementById("today");
  var button = document.getElementById("allow-reminders");
  var status = document.getElementById("reminder-status");
  if (!box || !button || !("Notification" in window)) { return; }
  var due = box.getAttribute("data-next-due");
  var wordsEl = document.getElementById("today-words");
  var words = wordsEl ? JSON.parse(wordsEl.textContent) : {};
  function w(english) { return words[english] || english; }

  function schedule() {
    if (!due || Notification.permission !== "granted") { return; }
    var wait = Date.parse(due) - Date.now();
    if (wait < 0) { wait = 0; }
    if (wait > 2147483647) { return; }
    status.textContent = w("You will get a reminder here when the next session is due.");
    setTimeout(function () {
      new Notification(w("Acupressure session"), { body: w("A session is due now."),
        tag: "acupressure-due" });
    }, wait);
  }

  if (Notification.permission === "default") {
    button.hidden = false;
    button.addEventListener("click", function () {
      Notification.requestPermission().then(function () {
        button.hidden = true;
        schedule();
      });
    });
  }
  schedule();
})();
