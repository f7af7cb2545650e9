// Charts from data attributes (no inline script: the Content-Security-Policy forbids it).
(function () {
  const charts = new Map();

  function numbers(el, name) {
    const raw = el.dataset[name];
    return raw ? raw.split(',').map(Number) : [];
  }

  function drawIntensity(root) {
    const canvas = root.querySelector('#intensity-chart');
    if (!canvas || typeof Chart === 'undefined') return;
    if (charts.has(canvas.id)) charts.get(canvas.id).destroy();
    const d = canvas.dataset;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.months ? d.months.split(',') : [],
        datasets: [
          { label: d.labelEmployee, data: numbers(canvas, 'employee'), backgroundColor: '#0b5cad' },
          { label: d.labelEmployer, data: numbers(canvas, 'employer'), backgroundColor: '#bf8700' },
          { label: d.labelOther, data: numbers(canvas, 'other'), backgroundColor: '#8c959f' }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: d.labelHours } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    charts.set(canvas.id, chart);
  }

  document.addEventListener('DOMContentLoaded', () => drawIntensity(document));
  document.addEventListener('htmx:afterSettle', () => drawIntensity(document));
})();

// Work values: importance against achievement, one pair of bars per value (trajectory page and report); the report's
// contact hours per month since the start of coaching.
(function () {
  const charts = new Map();
  const values = (raw) => raw ? raw.split(',').map((v) => v === '' || v === 'NaN' ? null : Number(v)) : [];

  function replace(canvas, config) {
    if (charts.has(canvas.id)) charts.get(canvas.id).destroy();
    charts.set(canvas.id, new Chart(canvas, config));
  }

  function drawValues(id) {
    const canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') return;
    const d = canvas.dataset;
    replace(canvas, {
      type: 'bar',
      data: {
        labels: d.labels ? d.labels.split('|') : [],
        datasets: [
          { label: d.labelImportant, data: values(d.important), backgroundColor: '#0b5cad' },
          { label: d.labelAchieved, data: values(d.achieved), backgroundColor: '#1a7f37' }
        ]
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { min: 1, max: 5, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function drawMonths() {
    const canvas = document.getElementById('report-months-chart');
    if (!canvas || typeof Chart === 'undefined') return;
    const d = canvas.dataset;
    replace(canvas, {
      type: 'line',
      data: {
        labels: d.months ? d.months.split(',') : [],
        datasets: [
          { label: d.labelEmployee, data: values(d.employee), borderColor: '#0b5cad', backgroundColor: '#0b5cad' },
          { label: d.labelEmployer, data: values(d.employer), borderColor: '#bf8700', backgroundColor: '#bf8700' }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { title: { display: true, text: d.labelMonth } },
          y: { beginAtZero: true, title: { display: true, text: d.labelHours } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function drawAll() {
    drawValues('work-values-chart');
    drawValues('report-values-chart');
    drawMonths();
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
})();

// The trajectory page's "Contact vastleggen" jump: one tap opens the form and puts the cursor in it.
(function () {
  function openLogContact() {
    const form = document.getElementById('log-contact');
    if (!form) return;
    form.open = true;
    form.scrollIntoView({ block: 'start' });
    const first = form.querySelector('#minutes');
    if (first) first.focus({ preventScroll: true });
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href="#log-contact"]');
    if (!link) return;
    event.preventDefault();
    history.replaceState(null, '', '#log-contact');
    openLogContact();
  });
  document.addEventListener('DOMContentLoaded', () => {
    if (location.hash === '#log-contact') openLogContact();
  });
})();

// Error summaries at the top of a form: each error gets its field's label before the message, a link moves the focus
// to the field, and the summary itself gets the focus when the page (or an htmx swap) shows it.
(function () {
  function fieldOf(summary, name) {
    const form = summary.closest('form') || document;
    const el = document.getElementById(name) || form.querySelector('[name="' + CSS.escape(name) + '"]');
    if (!el) return null;
    if (el.tagName === 'FIELDSET') return el.querySelector('input, select, textarea') || el;
    return el;
  }

  function labelOf(field) {
    const label = field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (label && !label.classList.contains('chip') && !label.classList.contains('choice')) return label.textContent.trim();
    const legend = field.closest('fieldset') && field.closest('fieldset').querySelector('legend');
    return legend ? legend.textContent.trim() : null;
  }

  function prepare(root) {
    root.querySelectorAll('.error-summary').forEach((summary) => {
      summary.querySelectorAll('a[data-field]').forEach((link) => {
        if (link.dataset.labelled) return;
        const field = fieldOf(summary, link.dataset.field);
        const label = field && labelOf(field);
        if (label) link.textContent = label + ': ' + link.textContent;
        link.dataset.labelled = 'true';
      });
    });
    const first = root.querySelector('.error-summary');
    if (first) first.focus();
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('.error-summary a[href^="#"]');
    if (!link) return;
    const summary = link.closest('.error-summary');
    const field = fieldOf(summary, link.dataset.field || link.getAttribute('href').substring(1));
    if (!field) return;
    event.preventDefault();
    const target = field.tagName === 'FIELDSET' ? (field.querySelector('input, select, textarea') || field) : field;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
  document.addEventListener('DOMContentLoaded', () => prepare(document));
  document.addEventListener('htmx:afterSettle', (event) => prepare(event.target));
})();
