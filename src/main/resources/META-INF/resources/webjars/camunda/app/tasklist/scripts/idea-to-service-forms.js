// Loaded by the Tasklist (config.js, customScripts) before it starts.
//
// 1. Complete is disabled only while a field of the form shows an error. form-js 1.8.7 (Tasklist 7.24) keeps an
//    error in its state after the field is hidden by its condition (choose "Reject", press Complete, choose
//    "Approve": the reason's error stays), and after a field of a dynamic list is corrected (its errors are kept
//    per entry, {"title": {"0": undefined}}, so the key stays). The Tasklist disables Complete while that state
//    has any key (notifyFormValidated), so Complete stayed grey with every shown field filled, or turned grey
//    between pressing the mouse and releasing it (a text field's change arrives on blur) and the click was lost.
//    Here the Tasklist is told "invalid" only while an error is shown; pressing Complete lets form-js validate the
//    shown fields afresh, so a real error is still shown at its field and nothing is sent.
// 2. The red box of a refused completion ("An error happened while submitting the task form", or the server's
//    message naming the field) stays until it is closed, and covers the Complete button. It goes as soon as the
//    person types, picks or clicks in the form (the message is read, the correction begins), and once the task has been
//    completed (the Tasklist leaves the task after a successful completion).

const FORM = '[cam-tasklist-form]';

function scopeOf(element) {
  const ng = window.angular && window.angular.element(element);
  return ng && (ng.isolateScope() || ng.scope());
}

function shownErrors(form) {
  return Array.from(form.querySelectorAll('.fjs-form-field-error'))
    .some(error => error.offsetParent !== null && error.textContent.trim() !== '');
}

function camundaForm(form) {
  return Boolean(form.querySelector('.fjs-container'));
}

// the Tasklist's form controller asks form-js's error state; ask the page instead
function install(form) {
  const controller = window.angular && window.angular.element(form).controller('camTasklistForm');
  if (!controller || controller.ideaToServiceForms) return;
  const notify = controller.notifyFormValidated;
  controller.notifyFormValidated = function (invalid) {
    return notify.call(this, Boolean(invalid) && (!camundaForm(form) || shownErrors(form)));
  };
  controller.ideaToServiceForms = true;
}

// after form-js has rendered: grey while an error is shown, usable otherwise
function follow(form) {
  if (!camundaForm(form)) return;
  const scope = scopeOf(form);
  const shown = shownErrors(form);
  if (scope && Boolean(scope.$invalid) !== shown) {
    scope.$applyAsync(() => {
      scope.$invalid = shownErrors(form);
    });
  }
}

let completing = null; // the task whose Complete was pressed

function taskInUrl() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function clearRefusals() {
  const injector = window.angular && window.angular.element(document.body).injector();
  if (!injector) return;
  const notifications = injector.get('Notifications');
  injector.get('$rootScope').$applyAsync(() => notifications.clear({ type: 'danger' }));
}

document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest('[cam-tasklist-task] button, [cam-tasklist-form] button');
  if (button && /^\s*Complete\s*$/.test(button.textContent)) completing = taskInUrl();
}, true);

function correcting(event) {
  const target = event.target;
  if (target && target.closest && target.closest(`${FORM} .fjs-container, .modal-dialog .fjs-container`)) {
    clearRefusals();
  }
}

document.addEventListener('input', correcting, true);
document.addEventListener('change', correcting, true);
document.addEventListener('click', correcting, true); // an option picked from a list

window.addEventListener('hashchange', () => {
  if (completing && taskInUrl() !== completing) {
    completing = null;
    clearRefusals();
  }
});

let queued = false;
new MutationObserver(() => {
  if (queued) return;
  queued = true;
  window.requestAnimationFrame(() => {
    queued = false;
    for (const form of document.querySelectorAll(FORM)) {
      install(form);
      follow(form);
    }
  });
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'disabled'] });

export default [];
