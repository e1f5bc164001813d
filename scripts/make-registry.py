#!/usr/bin/env python3
"""Writes Sources/ChiTieuStore/Resources/registry.tsv, the national registry of administrative
units before and after 1 July 2025, from the open dataset `vietnamadminunits` (MIT licence,
https://github.com/tranngocminhhieu/vietnamadminunits, © 2025 Tran Ngoc Minh Hieu), pinned below. Rerunnable: downloads the pinned
wheel from PyPI into a temporary folder (or reads one given as the first argument) and writes
the same file for the same version.

Lines (tab-separated, UTF-8 NFC):
  U  era  kind  code  name  parent_code  latitude  longitude
  S  successor_code  predecessor_code  share
era: o = until 30 June 2025, n = from 1 July 2025, c = both (the 11 provinces the 2025
reform left whole). A code alone is not a unit: the new communes and provinces mostly reuse a
predecessor's code, so (code, era) is. A parent is looked up in the child's era, then in c.
S: the new unit `successor_code` (era n) was formed from the old unit `predecessor_code`
(era o): share 1 = the whole of it; empty = a part, of unknown size (the 471 split communes).
latitude, longitude: the dataset's point for the unit, in degrees to 3 decimals (about 100 m),
for the dot map of a leader's view; empty where the dataset has none.
"""
import json, pathlib, sqlite3, subprocess, sys, tempfile, unicodedata, zipfile

VERSION = "1.0.4"
OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources/ChiTieuStore/Resources/registry.tsv"

PROVINCE_KIND = {"Tỉnh": "province", "Thành phố": "city"}
DISTRICT_KIND = {"Huyện": "district", "Quận": "urban_district", "Thị xã": "town", "Thành phố": "city"}
COMMUNE_KIND = {"Xã": "commune", "Phường": "ward", "Thị trấn": "townlet", "Đặc khu": "special_zone"}


def nfc(s): return unicodedata.normalize("NFC", s.strip())


def province_kind(full):
    return "city" if full.startswith("Thành phố") else "province"


def wheel_path():
    if len(sys.argv) > 1: return pathlib.Path(sys.argv[1])
    folder = pathlib.Path(tempfile.mkdtemp(prefix="vau-"))
    subprocess.run([sys.executable, "-m", "pip", "download", f"vietnamadminunits=={VERSION}", "--no-deps",
                    "-d", str(folder), "-q"], check=True)
    return next(folder.glob("vietnamadminunits-*.whl"))


def main():
    wheel = wheel_path()
    folder = pathlib.Path(tempfile.mkdtemp(prefix="vau-data-"))
    with zipfile.ZipFile(wheel) as z:
        z.extract("vietnamadminunits/data/dataset.db", folder)
        converter = json.loads(z.read("vietnamadminunits/data/converter_2025.json"))
    db = sqlite3.connect(folder / "vietnamadminunits/data/dataset.db")

    old_prov, old_dist, old_ward = {}, {}, {}   # key -> row
    where = {}   # (era, code) -> (latitude, longitude)
    for (p, pk, pcode, dshort, dtype, dk, dcode, wshort, wtype, wk, wcode, plat, plon, dlat, dlon, wlat, wlon) in db.execute(
            "SELECT province, provinceKey, provinceCode, districtShort, districtType, districtKey, districtCode, "
            "wardShort, wardType, wardKey, wardCode, provinceLat, provinceLon, districtLat, districtLon, wardLat, wardLon "
            "FROM admin_units_legacy"):
        short = nfc(p).split(" ", 1)[1] if nfc(p).startswith("Tỉnh ") else nfc(p)[len("Thành phố "):]
        old_prov[pk] = (pcode, province_kind(nfc(p)), short)
        old_dist[f"{pk}_{dk}"] = (dcode, DISTRICT_KIND[nfc(dtype)], nfc(dshort), pcode)
        where[("o", pcode)], where[("o", dcode)] = (plat, plon), (dlat, dlon)
        if wcode:
            old_ward[f"{pk}_{dk}_{wk}"] = (wcode, COMMUNE_KIND[nfc(wtype)], nfc(wshort), dcode)
            where[("o", wcode)] = (wlat, wlon)
    new_prov, new_ward = {}, {}
    for (p, pk, pcode, wshort, wtype, wk, wcode, plat, plon, wlat, wlon) in db.execute(
            "SELECT province, provinceKey, provinceCode, wardShort, wardType, wardKey, wardCode, "
            "provinceLat, provinceLon, wardLat, wardLon FROM admin_units"):
        short = nfc(p).split(" ", 1)[1] if nfc(p).startswith("Tỉnh ") else nfc(p)[len("Thành phố "):]
        new_prov[pk] = (pcode, province_kind(nfc(p)), short)
        new_ward[(pk, wk)] = (wcode, COMMUNE_KIND[nfc(wtype)], nfc(wshort), pcode)
        where[("n", pcode)], where[("n", wcode)] = (plat, plon), (wlat, wlon)

    def point(era, code):
        lat, lon = where.get(("n" if era == "n" else "o", code), (None, None))
        if lat is None or lon is None: return ("", "")
        return (f"{float(lat):.3f}", f"{float(lon):.3f}")

    # A province the reform left whole is one unit across the date (same key, same code).
    continuing = {k for k, olds in converter["DICT_PROVINCE"].items()
                  if olds == [k] and new_prov[k][0] == old_prov[k][0]}
    units, links = [], []
    for k, (code, kind, name) in old_prov.items():
        units.append(("c" if k in continuing else "o", kind, code, name, ""))
    for k, (code, kind, name) in new_prov.items():
        if k not in continuing: units.append(("n", kind, code, name, ""))
    for code, kind, name, parent in old_dist.values(): units.append(("o", kind, code, name, parent))
    for code, kind, name, parent in old_ward.values(): units.append(("o", kind, code, name, parent))
    for code, kind, name, parent in new_ward.values(): units.append(("n", kind, code, name, parent))

    def old_code(full_key):
        # The five island districts that had no communes stand in the converter as "wards" of
        # themselves ("…_huyenconco_"): their successor is formed from the district.
        return old_ward[full_key][0] if full_key in old_ward else old_dist[full_key.rstrip("_")][0]

    for pk, olds in converter["DICT_PROVINCE"].items():
        if pk in continuing: continue
        for o in olds: links.append((new_prov[pk][0], old_prov[o][0], "1"))
    for pk, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wk, olds in wards.items():
            for o in olds: links.append((new_ward[(pk, wk)][0], old_code(o), "1"))
    for pk, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for o, parts in olds.items():
            for part in parts: links.append((new_ward[(pk, part["newWardKey"])][0], old_code(o), ""))

    units.sort(key=lambda u: ({"c": 0, "o": 1, "n": 2}[u[0]], len(u[2]), u[2]))
    links = sorted(set(links))
    lines = [f"# Danh mục đơn vị hành chính — vietnamadminunits {VERSION} (MIT), written by scripts/make-registry.py",
             f"# {len(units)} units, {len(links)} links; see the script for the format"]
    lines += ["\t".join(("U",) + u + point(u[0], u[2])) for u in units]
    lines += ["\t".join(("S",) + l) for l in links]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {}
    for era, kind, code, *_ in units: counts[(era, len(code))] = counts.get((era, len(code)), 0) + 1
    print(f"{OUT}: {len(units)} units {sorted(counts.items())}, {len(links)} links, {OUT.stat().st_size} bytes")


main()
