#!/usr/bin/env python3
"""Held-out log loss per data set of the pair model with one diagnostic input added.

Reads the TSV that `./mvnw -B test -Pbench -Dtest=PairModelBench#crossValidate -Dstory.dump=FILE`
writes (the model's inputs, then PairProbe.EXTRAS) and, for the shipped inputs alone and then
with each extra (or each `a+b` combination given), fits the same weighted logistic regression as
PairModelBench (each data set weighing the same, L2 1.0, Newton's method) on four of the five
folds and prints the log loss of the pairs whose both sides are in the fifth, as PairModelBench#ablate
does. A pair-level screen before an input is built into the engine: only the engine's held-out
figures (PairModelBench#crossValidate) decide whether it ships.

    bench/pair_extras.py DUMP.tsv [extra|extra+extra|~extra ...]

(`~extra` fits the extra after the model's inputs, which keep their weights, as PairModel.STAGED does.)
"""
import csv
import sys

import numpy as np

FOLDS = 5


def fit(x, y, w, l2=1.0, offset=None, intercept=True):
    n, d = x.shape
    a = np.hstack([np.ones((n, 1)), x]) if intercept else np.hstack([np.zeros((n, 1)), x])
    b = np.zeros(d + 1)
    off = np.zeros(n) if offset is None else offset
    for _ in range(50):
        p = 1 / (1 + np.exp(-(off + a @ b)))
        g = a.T @ (w * (y - p))
        h = (a * (w * p * (1 - p))[:, None]).T @ a
        g[1:] -= l2 * b[1:]
        h[1:, 1:] += l2 * np.eye(d)
        h += 1e-9 * np.eye(d + 1)
        s = np.linalg.solve(h, g)
        b += s
        if abs(s).max() < 1e-7:
            break
    return b


def main():
    rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    header, rows = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(header)}
    model = header[4:header.index("sameScript")]
    extras = header[header.index("sameScript"):-1]
    ds = np.array([r[0] for r in rows])
    fa = np.array([int(r[1]) for r in rows])
    fb = np.array([int(r[2]) for r in rows])
    y = np.array([int(r[3]) for r in rows], float)
    sets = sorted(set(ds))
    w = np.array([1000.0 / (ds == d).sum() for d in ds])

    def report(inputs, label, staged=()):
        x = np.array([[float(r[col[n]]) for n in inputs] for r in rows])
        s = np.array([[float(r[col[n]]) for n in staged] for r in rows]) if staged else None
        loss = {d: [0.0, 0] for d in sets}
        for k in range(FOLDS):
            train = (fa != k) & (fb != k)
            b = fit(x[train], y[train], w[train])
            held = (fa == k) & (fb == k)
            z = b[0] + x[held] @ b[1:]
            if staged:
                # fitted after the others, which keep their weights (PairModel.STAGED)
                bs = fit(s[train], y[train], w[train], offset=b[0] + x[train] @ b[1:], intercept=False)
                z = z + s[held] @ bs[1:]
            p = 1 / (1 + np.exp(-z))
            for d, pp, yy in zip(ds[held], p, y[held]):
                loss[d][0] -= np.log(max(1e-9, pp if yy else 1 - pp))
                loss[d][1] += 1
        weight = fit(x, y, w)[-1]
        if staged:
            b = fit(x, y, w)
            weight = fit(s, y, w, offset=b[0] + x @ b[1:], intercept=False)[-1]
        means = [l[0] / l[1] for l in loss.values()]
        cells = " | ".join(f"{d.replace('-dev.jsonl', '')} {m:.4f}" for d, m in zip(loss, means))
        print(f"{label:28s} {cells} | mean {np.mean(means):.4f} | last weight {weight:+.2f}")

    report(model, "(model inputs)")
    for extra in sys.argv[2:] or extras:
        # a leading "~" fits the extra after the model's inputs, as PairModel.STAGED does
        if extra.startswith("~"):
            report(model, "~ " + extra[1:], extra[1:].split("+"))
        else:
            report(model + extra.split("+"), "+ " + extra)


if __name__ == "__main__":
    main()
