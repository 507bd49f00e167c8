import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/config/did-you-mean.ts
function editDistance(a, b) {
  const cols = b.length + 1;
  const d = new Uint16Array((a.length + 1) * cols);
  const at = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i * cols + j] = i + j;
        continue;
      }
      let best = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
function closest(input, known) {
  const lower = input.toLowerCase();
  let best;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(lower.length, name.length) / 3));
    const prefix = lower.length >= 3 && name.toLowerCase().startsWith(lower);
    if ((distance <= limit || prefix) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
function didYouMean(input, known, show = (name) => name) {
  const name = closest(input, known);
  return name === void 0 ? "" : ` Did you mean ${show(name)}?`;
}

export {
  didYouMean
};
//# sourceMappingURL=chunk-YUWN3NXE.js.map
