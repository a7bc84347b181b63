"""The brief's bar chart (also shown in the chat): a loss is drawn below the zero line, not as a bar as tall as
a gain of its size."""

from __future__ import annotations

import io

from PIL import Image

from gevinst.ui.chart_image import _BAR, bar_chart_png


def _bar_rows(image: Image.Image, column: int) -> list[int]:
    return [y for y in range(image.height) if image.getpixel((column, y)) == _BAR]


def test_a_negative_value_is_drawn_below_zero_and_a_positive_above() -> None:
    png = bar_chart_png(["År 1", "År 2"], [-400_000, 100_000], ["-400.000 kr.", "100.000 kr."], "Akkumuleret")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    slot = (image.width - 2 * 70) / 2
    loss, gain = (_bar_rows(image, int(70 + i * slot + slot / 2)) for i in range(2))
    assert loss and gain
    assert min(loss) >= max(gain) - 1  # the loss hangs from the zero line the gain stands on
    assert len(loss) > 3 * len(gain)  # drawn to scale: 400.000 against 100.000
