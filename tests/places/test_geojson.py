from __future__ import annotations

import json

from dateline.model import Place
from dateline.places.geojson import to_geojson


def test_feature_collection_of_resolved_places() -> None:
    places = [
        Place(id="p1", name="Kabul", start=0, end=5, text="Kabul", geonameid=1138958,
              lat=34.52813, lon=69.17233, resolved=True, precision=1, country_code="AF"),
        Place(id="p2", name="Nowhere", start=10, end=17, text="Nowhere"),
    ]
    gj = to_geojson(places)
    assert gj["type"] == "FeatureCollection"
    (f,) = gj["features"]
    assert f["id"] == "p1"
    assert f["geometry"] == {"type": "Point", "coordinates": [69.17233, 34.52813]}
    assert f["properties"]["geonameid"] == 1138958
    assert "lat" not in f["properties"]
    json.dumps(gj)
    everything = to_geojson(places, include_unresolved=True)
    assert [x["geometry"] for x in everything["features"]][1] is None
