"""``armedkg map``: events and places on a map page that works offline.

No tiles and no map library: the page is one inline SVG, drawn here in Python, over the country
outlines of Natural Earth 1:110m bundled in ``data/world_110m.geojson`` (equirectangular
projection). Events are circles coloured by ACLED event type and sized by fatalities, places are
small squares; hovering shows an SVG ``<title>`` (text, escaped); the wheel zooms and a drag pans.
"""

from __future__ import annotations

import html
import json
import math
from datetime import date
from pathlib import Path

from .tabular import Facts, geojson
from .view import event_in_range

WORLD = Path(__file__).resolve().parents[1] / "data" / "world_110m.geojson"
EVENT_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
SCALE = 10.0  # SVG units per degree


def _xy(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180.0) * SCALE, (90.0 - lat) * SCALE


def _ring_path(ring: list[list[float]]) -> str:
    points = [_xy(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


def country_paths() -> list[tuple[str, str]]:
    """(name, SVG path data) for every country outline."""
    data = json.loads(WORLD.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        d = "".join(_ring_path(ring) for polygon in polygons for ring in polygon)
        out.append((feature["properties"]["name"], d))
    return out


def map_items(store: object, since: date | None = None, until: date | None = None) -> tuple[list[dict], list[dict]]:
    """Events with coordinates (in the date range, if one is given) and places with coordinates."""
    events, places = [], []
    for feature in geojson(Facts(store))["features"]:
        props = dict(feature["properties"])
        props["longitude"], props["latitude"] = feature["geometry"]["coordinates"]
        if props["kind"] == "place":
            places.append(props)
            continue
        if event_in_range(props["event_date"], since, until):
            events.append(props)
    return events, places


def render_map(events: list[dict], places: list[dict], title: str = "armedkg map") -> str:
    esc = html.escape
    shapes = "\n".join(f'<path d="{d}"><title>{esc(name)}</title></path>' for name, d in country_paths())
    marks = []
    for p in places:
        x, y = _xy(p["longitude"], p["latitude"])
        tip = f"{p['label']} ({p['type']})" + (f", in {p['located_in']}" if p["located_in"] else "")
        marks.append(f'<rect class="place" x="{x - 0.6:.2f}" y="{y - 0.6:.2f}" width="1.2" height="1.2"><title>{esc(tip)}</title></rect>')
    for e in events:
        x, y = _xy(float(e["longitude"]), float(e["latitude"]))
        fatalities = int(e["fatalities"]) if e["fatalities"].isdigit() else 0
        r = 1.2 + 0.6 * math.sqrt(fatalities)
        colour = EVENT_COLOURS.get(e["event_type"], "#7f7f7f")
        tip = (
            f"{e['sub_event_type'] or e['event_type']} — {e['event_date'] or 'date unknown'}\n"
            f"{e['location']}, {e['admin1']}, {e['country']}\n"
            f"{e['actor1']}{' vs ' + e['actor2'] if e['actor2'] else ''}\n"
            f"fatalities: {e['fatalities'] or 'unknown'}\n\n{e['evidence'][:400]}\n— document {e['doc_id']}"
        )
        marks.append(f'<circle class="event" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{colour}"><title>{esc(tip)}</title></circle>')
    points = [_xy(float(i["longitude"]), float(i["latitude"])) for i in events + places]
    if points:
        xs, ys = [x for x, _ in points], [y for _, y in points]
        pad = 40.0
        box = (min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
    else:
        box = (0.0, 0.0, 360 * SCALE, 180 * SCALE)
    legend = "".join(
        f'<span style="background:{c}"></span>{esc(t)}&nbsp; ' for t, c in EVENT_COLOURS.items() if any(e["event_type"] == t for e in events)
    )
    return _PAGE.format(
        title=esc(title),
        view=" ".join(f"{v:.1f}" for v in box),
        shapes=shapes,
        marks="\n".join(marks),
        legend=legend + '<span class="sq"></span>place',
        counts=f"{len(events)} events, {len(places)} places",
    )


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<style>
body{{margin:0;font-family:system-ui,sans-serif}} svg{{width:100vw;height:100vh;background:#dfeaf2;cursor:grab}}
#countries path{{fill:#f4f1ea;stroke:#9a9a9a;stroke-width:0.3}} .event{{fill-opacity:.75;stroke:#222;stroke-width:.15}}
.place{{fill:#333}} #legend{{position:absolute;bottom:8px;left:8px;background:#fffe;padding:6px 8px;border:1px solid #ccc;border-radius:4px;font-size:12px}}
#legend span{{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}} #legend .sq{{border-radius:0;background:#333;width:6px;height:6px}}
</style></head><body>
<div id="legend">{legend} &nbsp;({counts}; Natural Earth outlines; wheel zooms, drag pans)</div>
<svg id="map" viewBox="{view}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
<g id="countries">{shapes}</g>
<g id="marks">{marks}</g>
</svg>
<script>
const svg=document.getElementById('map'); let vb=svg.viewBox.baseVal, drag=null;
svg.addEventListener('wheel',e=>{{e.preventDefault(); const f=e.deltaY>0?1.2:1/1.2; const r=svg.getBoundingClientRect();
  const mx=vb.x+(e.clientX-r.left)/r.width*vb.width, my=vb.y+(e.clientY-r.top)/r.height*vb.height;
  vb.x=mx-(mx-vb.x)*f; vb.y=my-(my-vb.y)*f; vb.width*=f; vb.height*=f;}},{{passive:false}});
svg.addEventListener('mousedown',e=>{{drag=[e.clientX,e.clientY];}});
window.addEventListener('mouseup',()=>{{drag=null;}});
window.addEventListener('mousemove',e=>{{if(!drag)return; const r=svg.getBoundingClientRect();
  vb.x-=(e.clientX-drag[0])/r.width*vb.width; vb.y-=(e.clientY-drag[1])/r.height*vb.height; drag=[e.clientX,e.clientY];}});
window.akgReady=true;
</script></body></html>
"""


def write_map(store: object, output: str | Path, since: date | None = None, until: date | None = None) -> dict[str, int]:
    """Write the map page; returns the number of events and places drawn."""
    events, places = map_items(store, since, until)
    Path(output).write_text(render_map(events, places), encoding="utf-8")
    return {"events": len(events), "places": len(places)}
