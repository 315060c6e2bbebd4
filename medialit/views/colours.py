"""Colour contrast as WCAG 2 defines it, used to pick readable text colours and to test them.

>>> round(contrast("#000000", "#ffffff"), 1)
21.0
>>> text_colour_on("#00204d")   # a dark cell gets white text
'#ffffff'
"""
from __future__ import annotations

__all__ = ["AA_TEXT", "OKABE_ITO", "contrast", "luminance", "text_colour_on"]

AA_TEXT = 4.5   # WCAG 2 level AA, normal-size text

# Okabe & Ito (2008) colour-blind-safe palette, in the order the charts give it to their series:
# yellow last, because it is the hardest to see on white.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999", "#F0E442"]


def _rgb(colour) -> tuple[float, float, float]:
    """``"#rrggbb"`` / ``"#rgb"`` or an (r, g, b[, a]) tuple of 0..1 floats."""
    if isinstance(colour, str):
        h = colour.lstrip("#")
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        if len(h) != 6:
            raise ValueError(f"not a colour: {colour!r}")
        return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (float(x) for x in tuple(colour)[:3])
    return r, g, b


def luminance(colour) -> float:
    """Relative luminance (0 black .. 1 white)."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b) -> float:
    """The contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#000000" if contrast("#000000", background) >= contrast("#ffffff", background) else "#ffffff"
