// Service worker: the public pages (atlas, about, the plan form) and the static files stay
// available offline. Nothing personal is ever stored: only paths on the allow-list below are
// cached, they are fetched without cookies when precached, and a response marked no-store
// (every answer to a signed-in person is) is never kept. Sign-out and "delete my diary"
// answer with Clear-Site-Data, which empties every cache and unregisters this worker.
var VERSION = "acupressure-v2";
var SHELL = "shell-" + VERSION;
var PRECACHE = ["/", "/points/", "/about/", "/plan/", "/offline/"];
var PUBLIC_PAGES = ["/", "/about/", "/points/", "/plan/", "/offline/", "/camera/",
  "/manifest.webmanifest", "/api/points"];
var PUBLIC_PREFIXES = ["/static/", "/points/"];

function isPublic(url) {
  if (url.search && url.pathname !== "/plan/") { return false; }
  if (PUBLIC_PAGES.indexOf(url.pathname) >= 0) { return true; }
  return PUBLIC_PREFIXES.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; });
}

function anonymous(path) {
  return new Request(path, { credentials: "omit" });
}

function keepable(response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(PRECACHE.map(anonymous)).then(function () {
      return fetch(anonymous("/api/points")).then(function (r) { return r.json(); });
    }).then(function (points) {
      return cache.addAll(points.map(function (p) { return anonymous("/points/" + p.code + "/"); }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== SHELL; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function store(request, response) {
  if (keepable(response)) {
    var copy = response.clone();
    caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") { return; }
  if (!isPublic(url)) {
    if (request.mode === "navigate") {  // never stored; offline, the offline page
      event.respondWith(fetch(request).catch(function () { return caches.match("/offline/"); }));
    }
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) { return store(request, response); });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    return store(request, response);
  }, function () {
    return caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || caches.match("/offline/");
    });
  }));
});

// Reminders (Web Push): show the notification; its actions start, snooze or skip.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  if (!data.title) { return; }
  // Chromium shows two buttons at most: then Start is the notification itself (a click on it
  // opens the session) and the buttons are Later and Skip today.
  var actions = data.actions || [];
  var most = (self.Notification && Notification.maxActions) || actions.length;
  if (actions.length > most) {
    actions = actions.filter(function (a) { return a.action !== "start"; }).slice(0, most);
  }
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body, tag: data.tag, actions: actions,
    data: { url: data.url, later: data.later, skip: data.skip }
  }));
});

// What an action of a reminder does: Start (or a click on the notification) opens the
// session; Later and Skip today are posted back without opening anything.
function reminderAction(action, links) {
  if (action === "later" || action === "skip") { return { post: links[action] }; }
  return { open: links.url || "/" };
}

self.addEventListener("notificationclick", function (event) {
  var note = event.notification;
  var todo = reminderAction(event.action, note.data || {});
  note.close();
  if (todo.post) {
    event.waitUntil(fetch(todo.post, { method: "POST", credentials: "same-origin" }));
  } else {
    event.waitUntil(self.clients.openWindow(todo.open));
  }
});
