// Optional: the pages work without it. The link in the acknowledgement e-mail carries the tracking code after "#",
// which browsers never send to the server (so no log has it); this puts it into the tracking form and removes it
// from the address bar. An error summary gets the focus, so that a screen reader reads it first.
document.addEventListener('DOMContentLoaded', function () {
  var code = /^#code=([A-Za-z0-9-]{1,40})$/.exec(window.location.hash);
  var field = document.getElementById('code');
  if (code && field) {
    field.value = code[1];
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
