// jkms dashboard: copy buttons and the products page's live filter. No framework, no build step.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest(".copy-button");
  if (!button) { return; }
  var code = button.parentElement.querySelector("code");
  var text = code ? code.textContent : "";
  var done = function () {
    button.textContent = "Copied";
    button.classList.add("copied");
    setTimeout(function () { button.textContent = "Copy"; button.classList.remove("copied"); }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
  } else {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    done();
  }
});

document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("product-filter");
  var family = document.getElementById("family");
  var table = document.getElementById("products");
  if (!input || !table) { return; }
  var rows = table.querySelectorAll("tbody tr");
  var count = document.getElementById("product-count");
  var total = count ? count.textContent.replace(/^\d+ of /, "") : "";
  var apply = function () {
    var q = input.value.trim().toLowerCase();
    var f = family ? family.value : "all";
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (q === "" || row.dataset.search.indexOf(q) >= 0) && (f === "all" || row.dataset.family === f);
      row.hidden = !visible;
      if (visible) { shown++; }
    });
    if (count) { count.textContent = shown + " of " + total; }
    var url = new URL(window.location.href);
    if (q) { url.searchParams.set("q", input.value.trim()); } else { url.searchParams.delete("q"); }
    if (f && f !== "all") { url.searchParams.set("family", f); } else { url.searchParams.delete("family"); }
    history.replaceState(null, "", url.pathname + url.search);
  };
  input.addEventListener("input", apply);
  if (family) { family.addEventListener("change", apply); }
});
