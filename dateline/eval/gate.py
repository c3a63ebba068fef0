"""The accuracy gate: measured figures must not fall below the committed floors.

``eval/baseline.json`` at the repository root maps ``"<eval name>"`` to ``{metric: floor}``.
A change may raise a floor (``--update-baseline``), never silently lower it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
#: Figures may wobble by this much (absolute) across platforms before the gate fails.
TOLERANCE = 0.005


def load(path: Path = BASELINE) -> dict[str, dict[str, float]]:
    """The committed floors (empty when the file is absent, e.g. in an installed package)."""
    if not path.exists():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check(name: str, metrics: dict[str, float], path: Path = BASELINE) -> list[str]:
    """Messages for every metric of ``name`` that fell below its floor (empty list: pass)."""
    floors = load(path).get(name, {})
    failures = []
    for metric, floor in sorted(floors.items()):
        got = metrics.get(metric)
        if got is None:
            failures.append(f"{name}.{metric}: not measured (floor {floor:.4f})")
        elif got + TOLERANCE < floor:
            failures.append(f"{name}.{metric}: {got:.4f} is below the floor {floor:.4f}")
    return failures


def update(name: str, metrics: dict[str, float], path: Path = BASELINE) -> dict[str, float]:
    """Raise the floors of ``name`` to the measured figures (never lowers one); returns them."""
    data = load(path)
    floors = data.setdefault(name, {})
    for metric, got in metrics.items():
        floors[metric] = round(max(floors.get(metric, 0.0), got), 4)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return floors


def apply(name: str, metrics: dict[str, float], *, check_floors: bool, update_floors: bool) -> None:
    """What every ``dateline eval`` command does with ``--update-baseline`` / ``--check-baseline``.

    Raises the floors first when asked; then prints each metric below its floor to stderr and
    exits with status 1 if there is one.
    """
    import click

    if update_floors:
        update(name, metrics)
    if check_floors:
        failures = check(name, metrics)
        for failure in failures:
            click.echo(f"FAIL {failure}", err=True)
        if failures:
            raise SystemExit(1)


def eval_options(unit: str) -> Callable[[F], F]:
    """The arguments every ``dateline eval`` command takes: PATH, --limit, --json and the gate flags."""
    import click

    def decorate(func: F) -> F:
        func = click.option("--update-baseline", is_flag=True, help="Raise the floors to these figures.")(func)
        func = click.option("--check-baseline", is_flag=True, help="Exit 1 if a metric is below its floor.")(func)
        func = click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")(func)
        func = click.option("--limit", type=int, default=None, help=f"Only the first N {unit}.")(func)
        return click.argument("path", required=False, type=click.Path(path_type=Path))(func)

    return decorate
