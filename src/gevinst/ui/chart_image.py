"""A scenario's bar chart as a PNG for the Word brief, drawn with Pillow (already installed with Streamlit):
no plotting library, nothing fetched at run time."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Pillow's own font has no «æøå»; Debian ships DejaVu with chromium and most desktops
_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf")
_BAR = (31, 119, 180)
_WIDTH, _HEIGHT, _MARGIN = 900, 420, 70


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def bar_chart_png(labels: list[str], values: list[float], value_labels: list[str], title: str) -> bytes:
    """Vertical bars with their value written above each and the label below; zero at the baseline."""
    image = Image.new("RGB", (_WIDTH, _HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small, big = _font(16), _font(20)
    draw.text((_MARGIN, 16), title, fill="black", font=big)
    top, bottom = 70, _HEIGHT - 50
    peak = max((abs(v) for v in values), default=0) or 1
    slot = (_WIDTH - 2 * _MARGIN) / max(len(values), 1)
    draw.line((_MARGIN, bottom, _WIDTH - _MARGIN, bottom), fill="grey", width=2)
    for i, (label, value, shown) in enumerate(zip(labels, values, value_labels)):
        left = _MARGIN + i * slot + slot * 0.15
        right = left + slot * 0.7
        height = (bottom - top - 24) * abs(value) / peak
        draw.rectangle((left, bottom - height, right, bottom), fill=_BAR)
        centre = (left + right) / 2
        draw.text((centre, bottom - height - 6), shown, fill="black", font=small, anchor="md")
        draw.text((centre, bottom + 10), label, fill="black", font=small, anchor="ma")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
