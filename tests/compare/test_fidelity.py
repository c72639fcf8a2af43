"""Fidelity: both texts normalized the same way, compared as word sequences."""

from __future__ import annotations

import pytest

from rsnms.compare import fidelity


def test_fidelity_normalization():
    assert fidelity.tokens("<p>П Р И К А З</p> «Ёлка» – 2023 г.") == ["приказ", "елка", "2023", "г"]
    assert fidelity.similarity("один два три", "один два три") == 1.0
    assert fidelity.similarity("один два три", "один три") == pytest.approx(0.8)
