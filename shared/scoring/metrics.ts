/** Area under the ROC curve: the chance that a random positive outranks a random negative (ties count half). */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const pairs = scores.map((s, i) => [s, labels[i] === true] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j < pairs.length && pairs[j]?.[0] === pairs[i]?.[0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (pairs[k]?.[1]) {
        pos++;
        rankSum += avgRank;
      } else neg++;
    }
    i = j;
  }
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean negative log-likelihood, with probabilities kept off 0 and 1 so one sure miss is not infinite. */
export function logLoss(probs: readonly number[], labels: readonly boolean[], eps = 1e-15): number {
  let sum = 0;
  probs.forEach((p, i) => {
    const q = Math.min(1 - eps, Math.max(eps, p));
    sum -= labels[i] ? Math.log(q) : Math.log(1 - q);
  });
  return probs.length === 0 ? Number.NaN : sum / probs.length;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Predictions in `bins` equal-width bins of probability, with the rate actually observed in each. */
export function calibration(probs: readonly number[], labels: readonly boolean[], bins = 10): CalibrationBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, p: 0, y: 0 }));
  probs.forEach((p, i) => {
    const bin = out[Math.min(bins - 1, Math.floor(p * bins))];
    if (!bin) return;
    bin.count++;
    bin.p += p;
    bin.y += labels[i] ? 1 : 0;
  });
  return out.map(({ from, to, count, p, y }) => ({ from, to, count, meanPredicted: count ? p / count : null, observedRate: count ? y / count : null }));
}
