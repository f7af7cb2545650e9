#!/usr/bin/env python3
"""Recover the planted effects of generate-import.py from its CSV files (numpy, logistic regression by IRLS).

    python3 bench/check-import-effects.py bench/import-data

Computes per coaching trajectory what the study report computes (contact hours per month in months 0-3 of coaching,
all parties; the coach's job_fit at T2; the mean of rapport_1..3 and of fit_wishes_1..2 at T2; retained = paid_work
yes at T2) and prints the adjusted odds ratios of retention with 95% Wald intervals. Planted: 1.5, 1.3, 1.6, 1.0.
The same figures should come out of the study report after importing the files.
"""

import csv
import datetime as dt
import math
import os
import sys
from collections import defaultdict

import numpy as np


def plus_months(day, months):
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    m += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m, min(day.day, d))
        except ValueError:
            continue


def rows(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "import-data")
    start = {}
    for r in rows(folder, "trajectories.csv"):
        if r["job_started_on"]:
            start[r["source_id"]] = dt.date.fromisoformat(r["job_started_on"])
    end3 = {t: plus_months(d, 3) for t, d in start.items()}
    minutes = defaultdict(int)
    for r in rows(folder, "contacts.csv"):
        t = r["trajectory_source_id"]
        if t in start:
            day = dt.date.fromisoformat(r["contact_on"])
            if start[t] <= day < end3[t]:
                minutes[t] += int(r["minutes"])
    t2 = defaultdict(dict)
    for r in rows(folder, "answers.csv"):
        if r["wave"] == "T2":
            t2[r["trajectory_source_id"]][r["item_code"]] = r["value"]
    X, y = [], []
    for t, a in t2.items():
        if "job_fit" not in a or "paid_work" not in a:
            continue
        rapport = sum(int(a[f"rapport_{i}"]) for i in (1, 2, 3)) / 3
        wishes = sum(int(a[f"fit_wishes_{i}"]) for i in (1, 2)) / 2
        X.append([1.0, minutes[t] / 60 / 3, int(a["job_fit"]), rapport, wishes])
        y.append(1.0 if a["paid_work"] == "yes" else 0.0)
    X, y = np.array(X), np.array(y)
    beta = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ beta))
        w = p * (1 - p)
        info = X.T @ (X * w[:, None])
        step = np.linalg.solve(info, X.T @ (y - p))
        beta += step
        if np.max(np.abs(step)) < 1e-10:
            break
    se = np.sqrt(np.diag(np.linalg.inv(info)))
    print(f"N = {len(y)}, retained {y.mean():.3f}, mean hours per month 0-3 {X[:, 1].mean():.2f}")
    for i, name in enumerate(["intensity", "jobFit", "rapport", "fitWishes"], start=1):
        print(f"{name:10s} OR {math.exp(beta[i]):.3f} [{math.exp(beta[i] - 1.96 * se[i]):.3f}, "
              f"{math.exp(beta[i] + 1.96 * se[i]):.3f}]")


if __name__ == "__main__":
    main()
