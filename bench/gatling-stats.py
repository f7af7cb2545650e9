#!/usr/bin/env python3
"""Gatling's figures per request from a report's js/stats.js (Gatling 3.13 writes no stats.json, and its console
summary has no per-request percentiles).

  gatling-stats.py REPORT_DIR              a Markdown table: count, KO, min, p50, p95, p99, max (ms), requests/s
  gatling-stats.py REPORT_DIR NAME         the OK count of the request NAME
"""
import json
import re
import sys


def load(report):
    text = open(report.rstrip("/") + "/js/stats.js").read()
    start = text.index("{")
    depth = 0
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    # the object is JavaScript: some keys are not quoted
    body = re.sub(r'(^|[{,\n])\s*([A-Za-z_][A-Za-z0-9_]*)\s*:', r'\1"\2":', text[start:end + 1])
    return json.loads(body)


def requests(node):
    for child in node.get("contents", {}).values():
        if child["type"] == "REQUEST":
            yield child
        else:
            yield from requests(child)


def row(name, s):
    cells = [s["numberOfRequests"]["total"], s["numberOfRequests"]["ko"]] + [
        s[k]["total"] for k in ("minResponseTime", "percentiles1", "percentiles3", "percentiles4", "maxResponseTime",
                                "meanNumberOfRequestsPerSecond")]
    print("| " + " | ".join([name] + [str(c) for c in cells]) + " |")


stats = load(sys.argv[1])
if len(sys.argv) > 2:
    print(next((r["stats"]["numberOfRequests"]["ok"] for r in requests(stats) if r["name"] == sys.argv[2]), 0))
else:
    print("| request | count | KO | min | p50 | p95 | p99 | max | per s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in sorted(requests(stats), key=lambda r: r["name"]):
        row(r["name"], r["stats"])
    row("**all requests**", stats["stats"])
