// Small enhancements on top of htmx. Every page works without this file (and without htmx).
(function () {
  "use strict";

  let lastRequest = null;

  function announce(text) {
    const status = document.getElementById("results-status");
    if (!status || !text) return;
    // Emptying first lets screen readers announce a repeated text ("3 events" again).
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    // htmx fires this once per swapped element; act once per request.
    if (event.detail.xhr && event.detail.xhr === lastRequest) return;
    lastRequest = event.detail.xhr;

    const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    const focusId = trigger && trigger.dataset ? trigger.dataset.focusAfter : null;
    if (focusId) {
      // "More" replaced the link that had focus: carry on from the first new event.
      const start = document.getElementById(focusId);
      if (start) {
        start.focus({ preventScroll: true });
        announce(start.dataset.status);
      }
      return;
    }
    // A filter changed: focus stays in the form control; say how many events there are now.
    const results = document.getElementById("results");
    const summary = results && results.querySelector("[data-status]");
    if (summary) announce(summary.dataset.status);
  });
})();
