/* dyadwatch dashboard: draw the plotly figures embedded as JSON, follow chart clicks to the
   evidence, and highlight the span named in the URL fragment. No other JavaScript. */
(function () {
  "use strict";

  function drawCharts() {
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var src = document.getElementById(el.getAttribute("data-figure"));
      if (!src) { return; }
      var fig = JSON.parse(src.textContent);
      Plotly.newPlot(el, fig.data, fig.layout, { displayModeBar: false, responsive: true })
        .then(function () { el.setAttribute("data-drawn", "1"); });
      el.on("plotly_click", function (ev) {
        var url = ev.points && ev.points[0] && ev.points[0].customdata;
        if (url) { window.location.href = url; }
      });
    });
  }

  function focusSpan() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    document.querySelectorAll(".hl.focus").forEach(function (el) { el.classList.remove("focus"); });
    if (!id) { return; }
    var hits = Array.prototype.filter.call(document.querySelectorAll(".hl[data-ids]"), function (el) {
      return el.getAttribute("data-ids").split(" ").indexOf(id) >= 0;
    });
    hits.forEach(function (el) { el.classList.add("focus"); });
    if (hits.length) { hits[0].scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    focusSpan();
  });
  window.addEventListener("hashchange", focusSpan);
})();
