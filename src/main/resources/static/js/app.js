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
