import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs: 'chart.js/auto' would pull every controller into this chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Bar {
  readonly label: string;
  /** null for a suppressed count: it is left out of the drawing, never drawn as a number. */
  readonly value: number | null;
}

/**
 * A bar chart of one group of counts. It is loaded only by the statistics page (a chunk of its
 * own); the table beside it carries the same numbers for screen readers, so the canvas is a
 * single image with a name.
 */
export default function StatisticsChart({ bars, name }: { readonly bars: readonly Bar[]; readonly name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The parent builds new arrays on each render; redraw only when what they say changes.
  const drawn = JSON.stringify(bars);
  useEffect(() => {
    const shown = JSON.parse(drawn) as Bar[];
    const element = canvas.current;
    if (!element) return;
    // The page's own palette and type, so the chart follows the CSS rather than Chart.js's defaults.
    const style = getComputedStyle(element);
    const colour = style.getPropertyValue('--accent').trim() || '#0b5cad';
    const ink = style.getPropertyValue('color').trim() || '#1a1a1a';
    const font = { family: style.getPropertyValue('font-family'), size: 13 };
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels: shown.map((b) => b.label),
        datasets: [{ label: name, data: shown.map((b) => b.value), backgroundColor: colour, maxBarThickness: 28 }],
      },
      options: {
        // Redrawn at once on a language switch or a new period; no motion for people who read figures.
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        indexAxis: 'y',
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, color: ink, font } },
          y: { ticks: { color: ink, font } },
        },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => chart.destroy();
  }, [drawn, name]);
  return (
    <div className="stat-chart">
      <canvas ref={canvas} role="img" aria-label={name} />
    </div>
  );
}
