// Every page: register the service worker that keeps the atlas and routines available offline.
(function () {
  "use strict";
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* optional */ });
  }
})();
