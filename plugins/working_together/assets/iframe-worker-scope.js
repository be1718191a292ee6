/* Runs inside the hidden iframe that iframe-worker-shim.js makes to stand in for a web worker over file://.
   It gives that iframe a worker's globals, as the vendored shim (iframe-worker 1.0.4, MIT, Martin Donath)
   did with an inline script, which the Content-Security-Policy blocks: postMessage goes to the page,
   importScripts loads each script in turn, and an error is passed up naming the worker's script. */
(function () {
  "use strict";
  var worker = document.currentScript.getAttribute("data-worker");

  window.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };

  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (loaded, url) {
      return loaded.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };

  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
