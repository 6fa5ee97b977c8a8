#!/usr/bin/env python3
"""Builds seeds/regions/ordos_regions.csv from the shared reference data (china-division 2.7.0,
National Bureau of Statistics 2023 codes). Run from the repository root:

    python3 seeds/tools/make_ordos_regions.py ../shared/data/admin > seeds/regions/ordos_regions.csv
"""
import csv
import sys

CITY = "1506"
admin = sys.argv[1]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "name", "level", "parent_code"])


def rows(name):
    with open(f"{admin}/{name}", encoding="utf-8") as f:
        yield from csv.DictReader(f)


for r in rows("provinces.csv"):
    if r["code"] == CITY[:2]:
        out.writerow([r["code"], r["name"], "PROVINCE", ""])
for r in rows("cities.csv"):
    if r["code"] == CITY:
        out.writerow([r["code"], r["name"], "CITY", r["provinceCode"]])
for r in sorted(rows("areas.csv"), key=lambda r: r["code"]):
    if r["cityCode"] == CITY:
        out.writerow([r["code"], r["name"], "COUNTY", r["cityCode"]])
for r in sorted(rows("streets_4cities.csv"), key=lambda r: r["code"]):
    if r["cityCode"] == CITY:
        out.writerow([r["code"], r["name"], "STREET", r["areaCode"]])
for r in sorted(rows("villages_4cities.csv"), key=lambda r: r["code"]):
    if r["cityCode"] == CITY:
        out.writerow([r["code"], r["name"], "COMMUNITY", r["streetCode"]])
