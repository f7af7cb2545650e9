// Questionnaires: show a conditional question only when its condition holds (the server ignores its answer
// otherwise), and copy a personal link. No inline script: the Content-Security-Policy forbids it.
(function () {
  function chosen(form, name) {
    return [...form.querySelectorAll('input[name="' + name + '"]:checked')].map(i => i.value);
  }

  function applyConditions(form) {
    form.querySelectorAll('[data-when]').forEach(question => {
      const anyOf = question.dataset.anyOf.split(' ');
      const show = chosen(form, question.dataset.when).some(v => anyOf.includes(v));
      question.hidden = !show;
      question.querySelectorAll('input').forEach(input => { input.disabled = !show; });
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('.questionnaire form').forEach(form => {
      applyConditions(form);
      form.addEventListener('change', () => applyConditions(form));
    });
    document.querySelectorAll('[data-copy]').forEach(button => {
      button.addEventListener('click', () => {
        const input = document.querySelector(button.dataset.copy);
        input.select();
        const done = () => { document.getElementById('copy-status').textContent = button.dataset.copied; };
        if (navigator.clipboard) {
          navigator.clipboard.writeText(input.value).then(done, () => {});
        }
      });
    });
  });
})();
