// Service worker: the atlas, the static files and the routines you opened stay available offline.
// Pages: network first, the cached copy when offline. Static files: cache first.
var VERSION = "acupressure-v1";
var SHELL = "shell-" + VERSION;
var PERSONAL = "personal-" + VERSION;
var PRECACHE = ["/", "/points/", "/about/", "/plan/", "/offline/"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(PRECACHE).then(function () {
      return fetch("/api/points").then(function (r) { return r.json(); }).then(function (points) {
        return cache.addAll(points.map(function (p) { return "/points/" + p.code + "/"; }));
      });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(VERSION) < 0; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function personal(url) {
  return url.pathname.indexOf("/session/") === 0 || url.pathname.indexOf("/diary/") === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST" && url.pathname === "/signout/") {
    caches.delete(PERSONAL);
    return;
  }
  if (request.method !== "GET" || url.pathname.indexOf("/admin/") === 0) { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
        return response;
      });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(personal(url) ? PERSONAL : SHELL).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }, function () {
    return caches.match(request).then(function (hit) {
      return hit || caches.match("/offline/");
    });
  }));
});
