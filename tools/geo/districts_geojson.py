#!/usr/bin/env python3
"""Builds the portal's district boundaries (services/portal/src/main/resources/geo/districts.geojson).

Reads the ONS local authority district boundaries as TopoJSON (martinjc/UK-GeoJSON,
json/administrative/gb/topo_lad.json), keeps the districts of Crossline's gazetteer (matched by
GSS code, then by name), simplifies each shared arc once with Douglas-Peucker (so neighbouring
districts keep a common edge) and writes small GeoJSON: one Feature per district with the
gazetteer's id, name and GSS code as properties, coordinates rounded to 4 decimals (about 10 m).

Usage (rerunnable; the same input gives the same file):
  git clone https://github.com/martinjc/UK-GeoJSON.git /tmp/UK-GeoJSON
  python3 tools/geo/districts_geojson.py \
      --topojson /tmp/UK-GeoJSON/json/administrative/gb/topo_lad.json \
      --gazetteer shared-model/src/main/resources/uk/crossline/model/location/districts.csv \
      --tolerance-metres 300 \
      --out services/portal/src/main/resources/geo/districts.geojson

Python 3 standard library only.
"""

import argparse
import csv
import json
import math
import sys

EARTH_METRES_PER_DEGREE = 111_320.0


def read_gazetteer(path):
    """The gazetteer's districts in file order: [{id, name, ons_code}]."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    return [
        {"id": row["id"], "name": row["name"], "ons_code": row["ons_code"]}
        for row in csv.DictReader(lines)
    ]


def decode_arcs(topology):
    """Every arc as absolute [lon, lat] points (TopoJSON arcs are delta-encoded when quantized)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [tuple(p) for p in arc]
        arcs.append(points)
    return arcs


def douglas_peucker(points, tolerance, lat0):
    """Keeps the points that matter at this tolerance (metres), the two ends always."""
    if len(points) <= 2:
        return list(points)
    kx = EARTH_METRES_PER_DEGREE * math.cos(math.radians(lat0))
    ky = EARTH_METRES_PER_DEGREE
    xy = [(p[0] * kx, p[1] * ky) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = xy[first], xy[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = xy[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dx * (ay - py) - dy * (ax - px)) / length
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    return [p for p, k in zip(points, keep) if k]


def ring(arc_indexes, arcs):
    """A ring from its arcs (a negative index ~i is arc i reversed), shared points once."""
    points = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def rounded(points):
    out = []
    for lon, lat in points:
        p = [round(lon, 4), round(lat, 4)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topojson", required=True)
    parser.add_argument("--gazetteer", required=True)
    parser.add_argument("--tolerance-metres", type=float, default=300.0)
    parser.add_argument("--object", default="lad")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.topojson, encoding="utf-8") as f:
        topology = json.load(f)
    districts = read_gazetteer(args.gazetteer)
    geometries = topology["objects"][args.object]["geometries"]

    def code(g):
        props = g.get("properties", {})
        return next((v for k, v in props.items() if k.endswith("CD") and v), g.get("id"))

    def name(g):
        props = g.get("properties", {})
        return next((v for k, v in props.items() if k.endswith("NM") and v), "")

    by_code = {code(g): g for g in geometries}
    by_name = {name(g).lower(): g for g in geometries}
    chosen = []
    for district in districts:
        g = by_code.get(district["ons_code"]) or by_name.get(district["name"].lower())
        if g is None:
            sys.exit(f"no boundary for {district['id']} ({district['ons_code']})")
        chosen.append((district, g))

    arcs = decode_arcs(topology)
    lat0 = 52.3  # the partnership's latitude: metres along a parallel scale by cos(lat)
    simplified = {}

    def arc(i):
        j = i if i >= 0 else ~i
        if j not in simplified:
            simplified[j] = douglas_peucker(arcs[j], args.tolerance_metres, lat0)
        return simplified[j]

    features = []
    for district, g in chosen:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        multi = []
        for polygon in polygons:
            rings = []
            for ring_arcs in polygon:
                for i in ring_arcs:
                    arc(i)
                points = rounded(ring(ring_arcs, simplified))
                if len(points) >= 4:  # a closed ring needs three corners and its end
                    rings.append(points)
            if rings:
                multi.append(rings)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "id": district["id"],
                    "name": district["name"],
                    "gss": district["ons_code"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": multi},
            }
        )

    collection = {
        "type": "FeatureCollection",
        "attribution": "Contains National Statistics data © Crown copyright and database right."
        " Contains OS data © Crown copyright and database right."
        " Boundaries via martinjc/UK-GeoJSON (CC BY 4.0, Martin Chorley).",
        "features": features,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    points = sum(len(r) for f in features for p in f["geometry"]["coordinates"] for r in p)
    print(f"{len(features)} districts, {points} points -> {args.out}")


if __name__ == "__main__":
    main()
