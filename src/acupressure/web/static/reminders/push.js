// "Remind me on this device": asks the browser's permission only from this click, subscribes
// to Web Push with the server's VAPID key and posts the subscription to the server.
(function () {
  "use strict";
  var button = document.getElementById("push-on");
  var status = document.getElementById("push-status");
  if (!button) { return; }
  function say(text) { status.textContent = text; }
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : (m ? decodeURIComponent(m[1]) : "");
  }
  function keyBytes(base64url) {
    var text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return bytes;
  }
  function label() {
    var ua = navigator.userAgent;
    var browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" :
      /Chrom/.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
    var system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" :
      /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
    return system ? browser + " / " + system : browser;
  }
  function send(subscription) {
    var data = subscription.toJSON();
    data.label = label();
    return fetch("/reminders/push/subscribe/", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify(data)
    }).then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } });
  }
  button.addEventListener("click", function () {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      say(button.dataset.unsupported); return;
    }
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") { say(button.dataset.denied); throw null; }
      return navigator.serviceWorker.register("/sw.js", { scope: "/" });
    }).then(function () { return navigator.serviceWorker.ready; })
      .then(function (reg) {
        return fetch("/reminders/push/key/", { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (k) {
            return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(k.publicKey) });
          });
      })
      .then(send)
      .then(function () { say(button.dataset.done); })
      .catch(function (e) { if (e) { say(String(e.message || e)); } });
  });
})();
