// The chart of bench/RESULTS.md: grouped horizontal bars of each runtime's
// time as a multiple of CPython's, per benchmark, on a log scale.
// chartSvg({ benches: [{ name, bold?, cells: [{ ratio, note?, faded? } | { note }] }], series: [{ name, color }], title, subtitle })

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chartSvg({ benches, series, title, subtitle = '' }) {
  const W = 900;
  const left = 130; // benchmark names
  const right = 140; // value labels and notes
  const top = 90;
  const barH = 11;
  const barGap = 2;
  const groupGap = 14;
  const groupH = series.length * (barH + barGap) - barGap;
  const H = top + benches.length * (groupH + groupGap) + 34;
  const ratios = benches.flatMap((b) => b.cells.map((c) => c.ratio).filter((r) => r > 0));
  const ticks = [0.5, 1, 2, 5, 10, 20, 50, 100, 200];
  const xmin = 0.5;
  const xmax = ticks.find((t) => t >= Math.max(2, ...ratios)) ?? Math.max(...ratios);
  const plotW = W - left - right;
  const x = (r) => left + (Math.log(r / xmin) / Math.log(xmax / xmin)) * plotW;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="20" font-size="15" font-weight="600">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${left}" y="37" fill="#555">${esc(subtitle)}</text>`);
  // legend
  let lx = left;
  for (const s of series) {
    out.push(`<rect x="${lx}" y="46" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 17}" y="56.5">${esc(s.name)}</text>`);
    lx += 30 + s.name.length * 7;
  }
  const bottom = H - 30;
  // grid
  for (const t of ticks.filter((t) => t >= xmin && t <= xmax)) {
    const gx = x(t).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${bottom}" stroke="${t === 1 ? '#333' : '#ddd'}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
    out.push(`<text x="${gx}" y="${bottom + 14}" text-anchor="middle" fill="#444">${t}×</text>`);
  }
  out.push(`<text x="${x(1) + 4}" y="${top - 10}" fill="#333">CPython = 1×</text>`);
  out.push(`<text x="${left + plotW / 2}" y="${bottom + 28}" text-anchor="middle" fill="#555">time ÷ CPython's time (log scale; lower is faster)</text>`);
  benches.forEach((b, i) => {
    const gy = top + i * (groupH + groupGap);
    out.push(`<text x="${left - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end" font-weight="${b.bold ? 600 : 400}">${esc(b.name)}</text>`);
    b.cells.forEach((c, j) => {
      const y = gy + j * (barH + barGap);
      if (c.ratio > 0) {
        const w = Math.max(1, x(c.ratio) - left);
        out.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${series[j].color}"${c.faded ? ' fill-opacity="0.35"' : ''}><title>${esc(`${series[j].name}: ${c.ratio.toFixed(2)}×${c.note ? ` (${c.note})` : ''}`)}</title></rect>`);
        out.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 1.5}" font-size="10.5" fill="#333">${c.ratio.toFixed(2)}×${c.note ? ` ${esc(c.note)}` : ''}</text>`);
      } else {
        out.push(`<text x="${left + 4}" y="${y + barH - 1.5}" font-size="10.5" fill="#999" font-style="italic">${esc(series[j].name)}: ${esc(c.note || 'n/a')}</text>`);
      }
    });
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
