"""The default install holds nothing GPL-only (a ground rule of the product).

The test reads the licence metadata of every distribution in the environment that `make install`
built; a package offered under a choice of licences (`MPL-1.1 OR GPL-2.0-only`) or under the LGPL
passes.
"""

from __future__ import annotations

import re
from importlib.metadata import distributions

_GPL = re.compile(r"(?<!L)GPL|(?<!Lesser )General Public License")


def gpl_only(expression: str, classifiers: list[str]) -> bool:
    """True when a distribution's licence leaves no choice but the GPL."""
    texts = [expression] if expression else []
    texts += [c for c in classifiers if c.startswith("License ::")]
    if not texts or any(" OR " in t for t in texts):
        return False
    return any(_GPL.search(t) for t in texts) and not any(
        not _GPL.search(t) and not t.endswith(":: OSI Approved") for t in texts
    )


def test_the_rule_itself() -> None:
    assert gpl_only("GPL", ["License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)"])
    assert not gpl_only("MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later", [])
    assert not gpl_only("", ["License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)"])
    assert not gpl_only("MIT", ["License :: OSI Approved :: MIT License"])


def test_no_gpl_only_distribution_is_installed() -> None:
    offenders = []
    for dist in distributions():
        meta = dist.metadata
        expression = meta.get("License-Expression") or meta.get("License") or ""
        if gpl_only(expression.strip()[:200], meta.get_all("Classifier") or []):
            offenders.append(meta["Name"])
    assert not offenders, f"GPL-only packages installed: {offenders}; see the install target in Makefile"
