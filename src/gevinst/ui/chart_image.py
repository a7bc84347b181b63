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
    """Vertical bars from a zero line, up for a gain and down for a loss (a business case's first years), with
    their value written at the bar's end and the label below the chart."""
    image = Image.new("RGB", (_WIDTH, _HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small, big = _font(16), _font(20)
    draw.text((_MARGIN, 16), title, fill="black", font=big)
    top, bottom = 94, _HEIGHT - 74  # room for a value written above the highest bar and below the lowest
    high, low = max([0.0, *values]), min([0.0, *values])
    scale = (bottom - top) / ((high - low) or 1)
    zero = top + high * scale
    slot = (_WIDTH - 2 * _MARGIN) / max(len(values), 1)
    draw.line((_MARGIN, zero, _WIDTH - _MARGIN, zero), fill="grey", width=2)
    for i, (label, value, shown) in enumerate(zip(labels, values, value_labels)):
        left = _MARGIN + i * slot + slot * 0.15
        right = left + slot * 0.7
        end = zero - value * scale
        draw.rectangle((left, min(end, zero), right, max(end, zero)), fill=_BAR)
        centre = (left + right) / 2
        if value < 0:
            draw.text((centre, end + 6), shown, fill="black", font=small, anchor="ma")
        else:
            draw.text((centre, end - 6), shown, fill="black", font=small, anchor="md")
        draw.text((centre, _HEIGHT - 40), label, fill="black", font=small, anchor="ma")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
