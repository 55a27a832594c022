// PDF links and forms marked data-pdf: say at once that the PDF is being made, fetch it,
// save it under the server's file name, then say it is ready (or that it failed). The
// words come from the status element (_pdf_status.html). Without this script the links and
// forms download the PDF as before, only without the message.
(function () {
  "use strict";
  var status = document.getElementById("pdf-status");
  if (!status || !window.fetch || !window.URL || !window.Blob) return;

  function say(key, name) {
    status.hidden = false;
    status.className = "pdf-status " + key;
    status.textContent = status.getAttribute("data-" + key).replace("{name}", name || "");
  }

  function fileName(response) {
    var found = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    return found ? found[1] : "document.pdf";
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function make(url, init, control) {
    if (control.getAttribute("aria-busy") === "true") return;
    control.setAttribute("aria-busy", "true");
    say("making");
    fetch(url, init).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      var name = fileName(response);
      return response.blob().then(function (blob) {
        save(blob, name);
        say("ready", name);
      });
    }).catch(function () {
      say("failed");
    }).then(function () {
      control.removeAttribute("aria-busy");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-pdf]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    make(link.href, { credentials: "same-origin" }, link);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-pdf]") || event.defaultPrevented) return;
    event.preventDefault();
    make(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" }, form);
  });
})();
