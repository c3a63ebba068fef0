"""GeoJSON export of resolved places (RFC 7946: ``[lon, lat]`` positions)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from dateline.model import Place

#: Place fields carried as feature properties (everything but the coordinates).
PROPERTIES = tuple(f.name for f in dataclasses.fields(Place) if f.name not in ("lat", "lon"))


def to_geojson(places: Iterable[Place], *, include_unresolved: bool = False) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with one Point feature per resolved place.

    Unresolved places (no coordinates) are left out unless ``include_unresolved`` is set, in
    which case they come with a ``null`` geometry, as RFC 7946 allows.
    """
    features: list[dict[str, Any]] = []
    for p in places:
        has_point = p.resolved and p.lat is not None and p.lon is not None
        if not has_point and not include_unresolved:
            continue
        geometry = (
            {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]}
            if has_point and p.lat is not None and p.lon is not None
            else None
        )
        props = {name: _plain(getattr(p, name)) for name in PROPERTIES}
        features.append({"type": "Feature", "id": p.id, "geometry": geometry,
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value
