"""``armedkg map``: events and places on a map page that works offline.

No tiles and no map library: the page is one inline SVG, drawn here in Python, over the country
outlines of Natural Earth 1:110m (``data/world_110m.geojson``) and the first-level borders of
Natural Earth 1:10m Admin 1 (``data/admin1_borders.geojson``, for the countries whose divisions
armedkg knows). The projection is equirectangular with the standard parallel at the centre of
the map, so that a kilometre is as long east-west as north-south there and the scale bar holds.

Events are circles coloured by ACLED event type whose area grows with the fatalities (the legend
says so); places are small squares labelled with the name the reporting uses. Markers, labels and
strokes keep their size on screen as the map zooms; the wheel zooms around the cursor and a drag
pans. Events without coordinates are counted in a note on the map. Hovering shows an SVG
``<title>`` (text, escaped).
"""

from __future__ import annotations

import html
import json
import math
from datetime import date
from pathlib import Path

from .tabular import Facts, geojson
from .view import event_in_range

DATA = Path(__file__).resolve().parents[1] / "data"
WORLD = DATA / "world_110m.geojson"
ADMIN1 = DATA / "admin1_borders.geojson"
EVENT_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
SCALE = 10.0  # SVG units per degree of latitude
KM_PER_DEGREE = 111.32


class Projection:
    """Equirectangular, standard parallel ``lat0``: x = lon * cos(lat0), y = -lat (in SVG units)."""

    def __init__(self, lat0: float = 0.0) -> None:
        self.k = math.cos(math.radians(max(-75.0, min(75.0, lat0))))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon + 180.0) * self.k * SCALE, (90.0 - lat) * SCALE

    def path(self, line: list[list[float]], close: bool) -> str:
        points = [self.xy(lon, lat) for lon, lat in line]
        return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + ("Z" if close else "")


def country_paths(projection: Projection) -> list[tuple[str, str]]:
    """(name, SVG path data) for every country outline."""
    data = json.loads(WORLD.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        out.append((feature["properties"]["name"], "".join(projection.path(ring, True) for polygon in polygons for ring in polygon)))
    return out


def admin1_paths(projection: Projection, box: tuple[float, float, float, float]) -> list[str]:
    """SVG path data of the first-level borders that come into ``box`` (x, y, width, height)."""
    data = json.loads(ADMIN1.read_text(encoding="utf-8"))
    x0, y0, w, h = box
    out = []
    for feature in data["features"]:
        for line in feature["geometry"]["coordinates"]:
            points = [projection.xy(lon, lat) for lon, lat in line]
            if any(x0 <= x <= x0 + w and y0 <= y <= y0 + h for x, y in points):
                out.append(projection.path(line, False))
    return out


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def map_items(store: object, since: date | None = None, until: date | None = None) -> tuple[list[dict], list[dict], int]:
    """Events with coordinates (in the date range, if one is given), places with coordinates, and
    the number of events in the range that have no coordinates. Places are named as the
    reporting names them (:func:`queries.view.reported_names`, through :class:`Facts`)."""
    from .view import as_store

    facts = Facts(as_store(store))
    events, places = [], []
    for feature in geojson(facts)["features"]:
        props = dict(feature["properties"])
        props["longitude"], props["latitude"] = feature["geometry"]["coordinates"]
        if props["kind"] == "place":
            places.append(props)
        elif event_in_range(props["event_date"], since, until):
            events.append(props)
    drawn = {e["event_id"] for e in events}
    unplaced = sum(1 for row in _all_events(facts) if row["event_id"] not in drawn and event_in_range(row["event_date"], since, until))
    return events, places, unplaced


def _all_events(facts: Facts) -> list[dict]:
    from .tabular import event_rows

    return event_rows(facts)


def event_radius_px(fatalities: object) -> float:
    """Screen radius of an event's circle: its area grows with the fatalities (unknown or none: 4 px)."""
    n = _number(fatalities) or 0.0
    return 4.0 + 1.6 * math.sqrt(max(n, 0.0))


def _event_tip(e: dict) -> str:
    where = ", ".join(x for x in (e["location"], e["admin1"], e["country"]) if x)
    fatalities = e["fatalities"] if e.get("fatalities_known", True) not in (False, "false") and e["fatalities"] not in ("", None) else "unknown"
    return (
        f"{e['sub_event_type'] or e['event_type']} — {e['event_date'] or 'date unknown'}\n{where}\n"
        f"{e['actor1']}{' vs ' + e['actor2'] if e['actor2'] else ''}\nfatalities: {fatalities}\n\n{str(e['evidence'])[:400]}\n— document {e['doc_id']}"
    )


def _marks(events: list[dict], places: list[dict], projection: Projection) -> tuple[list[str], list[str]]:
    """SVG elements of the places (square and label) and of the events (circles, biggest first)."""
    esc = html.escape
    place_marks = []
    at = {}
    for e in events:
        at[e["location"]] = at.get(e["location"], 0) + 1
    # Labels that collide on screen are hidden in this order's reverse: places with events first.
    for p in sorted(places, key=lambda p: (-at.get(p["label"], 0), p["label"])):
        x, y = projection.xy(float(p["longitude"]), float(p["latitude"]))
        tip = f"{p['label']} ({p['type']})" + (f", in {p['located_in']}" if p["located_in"] else "")
        place_marks.append(f'<g class="place" data-x="{x:.2f}" data-y="{y:.2f}"><rect/><text>{esc(p["label"])}</text><title>{esc(tip)}</title></g>')
    event_marks = []
    for e in sorted(events, key=lambda e: -event_radius_px(e["fatalities"])):  # small ones on top
        x, y = projection.xy(float(e["longitude"]), float(e["latitude"]))
        colour = EVENT_COLOURS.get(e["event_type"], "#7f7f7f")
        event_marks.append(f'<circle class="event" cx="{x:.2f}" cy="{y:.2f}" data-r="{event_radius_px(e["fatalities"]):.2f}" r="1" fill="{colour}"><title>{esc(_event_tip(e))}</title></circle>')
    return place_marks, event_marks


def _view_box(points: list[tuple[float, float]], projection: Projection) -> tuple[float, float, float, float]:
    if not points:
        return 0.0, 0.0, 360 * SCALE * projection.k, 180 * SCALE
    xs, ys = [x for x, _ in points], [y for _, y in points]
    pad = max(20.0, 0.15 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad


def _legend(events: list[dict], places: list[dict], unplaced: int) -> str:
    esc = html.escape
    types = "".join(f'<span class="dot" style="background:{c}"></span>{esc(t)} &nbsp; ' for t, c in EVENT_COLOURS.items() if any(e["event_type"] == t for e in events))
    sizes = "".join(f'<span class="dot" style="width:{2 * event_radius_px(n):.0f}px;height:{2 * event_radius_px(n):.0f}px;background:#bbb"></span>{n} &nbsp; ' for n in (0, 10, 50))
    note = ""
    if unplaced:
        total = len(events) + unplaced
        note = f'<div id="unplaced">{unplaced} of {total} event{"s" if total != 1 else ""} have no coordinates and are not drawn (armedkg export --format events-csv lists them).</div>'
    return (
        f'<div>{types}<span class="sq"></span> place</div>'
        f'<div>Circle size: fatalities (area; unknown counts as 0): {sizes}</div>'
        f'<div>{len(events)} events, {len(places)} places · Natural Earth borders · wheel zooms, drag pans</div>{note}'
    )


def render_map(events: list[dict], places: list[dict], title: str = "armedkg map", unplaced: int = 0) -> str:
    """The map page (HTML with an inline SVG) of these events and places."""
    points = [(float(i["longitude"]), float(i["latitude"])) for i in events + places]
    lat0 = sum(lat for _, lat in points) / len(points) if points else 0.0
    projection = Projection(lat0)
    box = _view_box([projection.xy(lon, lat) for lon, lat in points], projection)
    shapes = "\n".join(f'<path d="{d}"><title>{html.escape(name)}</title></path>' for name, d in country_paths(projection))
    borders = "\n".join(f'<path d="{d}"/>' for d in admin1_paths(projection, box))
    place_marks, event_marks = _marks(events, places, projection)
    return (
        _template()
        .replace("__TITLE__", html.escape(title))
        .replace("__VIEW__", " ".join(f"{v:.1f}" for v in box))
        .replace("__SHAPES__", shapes)
        .replace("__BORDERS__", borders)
        .replace("__PLACES__", "\n".join(place_marks))
        .replace("__EVENTS__", "\n".join(event_marks))
        .replace("__LEGEND__", _legend(events, places, unplaced))
        .replace("__KM_PER_UNIT__", f"{KM_PER_DEGREE / SCALE:.6f}")
    )


def _template() -> str:
    return (Path(__file__).resolve().parent / "assets" / "map.html").read_text(encoding="utf-8")


def write_map(store: object, output: str | Path, since: date | None = None, until: date | None = None) -> dict[str, int]:
    """Write the map page; returns the number of events and places drawn and of events left
    out for want of coordinates."""
    events, places, unplaced = map_items(store, since, until)
    Path(output).write_text(render_map(events, places, unplaced=unplaced), encoding="utf-8")
    return {"events": len(events), "places": len(places), "unplaced": unplaced}
