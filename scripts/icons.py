#!/usr/bin/env python3
"""Draws the app icons of the web app manifest as PNG files, with nothing but the standard library.

The same mark as assets/icon.svg: a white "C" (an arc of radius 15 drawn with a 7-wide round-capped
stroke, centred a little left) on the accent colour, in a 64-unit box.

  assets/icon-192.png           rounded square, transparent corners ("any" purpose)
  assets/icon-512.png           the same, larger
  assets/icon-maskable-512.png  full-bleed square ("maskable"): the mark stays inside the
                                central 80 % safe zone, so any platform mask keeps it whole

Run from the repository root when the mark changes, and commit the PNGs (CI does not run this):
  python3 scripts/icons.py
Each pixel is sampled 4 x 4 times for anti-aliasing; colours are kept in a small palette (indexed
PNG with transparency) so that the files stay small: they count in the 300 KB budget.
"""

import math
import struct
import zlib
from pathlib import Path

ACCENT = (0x1F, 0x4E, 0x5F)  # --accent of style/main.css, the manifest's theme colour
WHITE = (0xFF, 0xFF, 0xFF)
LEVELS = 8  # shades per edge: 8 steps of coverage are invisible at icon sizes
SAMPLES = 4  # per axis, per pixel

# The mark, in the 64-unit box of icon.svg.
RADIUS_CORNER = 12.0
ARC_R = 15.0
STROKE = 3.5  # half of stroke-width 7
ENDS = ((42.0, 20.5), (42.0, 43.5))
CX = 42.0 - math.sqrt(ARC_R**2 - 11.5**2)  # the arc's centre: both ends at distance 15
CY = 32.0
GAP = math.atan2(11.5, 42.0 - CX)  # the C is open where |angle| < GAP (on the right)


def in_c(x, y):
    """Whether (x, y) is in the stroked arc."""
    dx, dy = x - CX, y - CY
    if abs(math.atan2(dy, dx)) >= GAP:
        return abs(math.hypot(dx, dy) - ARC_R) <= STROKE
    return any(math.hypot(x - ex, y - ey) <= STROKE for ex, ey in ENDS)  # round caps


def in_rounded_square(x, y):
    r = RADIUS_CORNER
    qx = max(abs(x - 32.0) - (32.0 - r), 0.0)
    qy = max(abs(y - 32.0) - (32.0 - r), 0.0)
    return math.hypot(qx, qy) <= r


def draw(size, rounded):
    """Rows of palette indices, and the palette: index i < LEVELS is the background at
    coverage i / (LEVELS - 1) over transparency; LEVELS + j is white over the accent at j."""
    palette = [ACCENT + (round(255 * i / (LEVELS - 1)),) for i in range(LEVELS)]
    for j in range(LEVELS):
        a = j / (LEVELS - 1)
        palette.append(tuple(round(b + (w - b) * a) for b, w in zip(ACCENT, WHITE)) + (255,))
    scale = 64.0 / size
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            bg = mark = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) * scale
                    y = (py + (sy + 0.5) / SAMPLES) * scale
                    if not rounded or in_rounded_square(x, y):
                        bg += 1
                        if in_c(x, y):
                            mark += 1
            n = SAMPLES * SAMPLES
            if mark:
                row.append(LEVELS + round((LEVELS - 1) * mark / n))
            else:
                row.append(round((LEVELS - 1) * bg / n))
        rows.append(bytes(row))
    return rows, palette


def png(rows, palette):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    size = len(rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)  # 8-bit indexed
    plte = b"".join(bytes(c[:3]) for c in palette)
    alphas = bytes(c[3] for c in palette)
    raw = b"".join(b"\x00" + r for r in rows)  # filter 0: best for flat indexed art
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", plte)
        + chunk(b"tRNS", alphas.rstrip(b"\xff"))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    out = Path(__file__).resolve().parent.parent / "assets"
    for name, size, rounded in (
        ("icon-192.png", 192, True),
        ("icon-512.png", 512, True),
        ("icon-maskable-512.png", 512, False),
    ):
        data = png(*draw(size, rounded))
        (out / name).write_bytes(data)
        print(f"icons: assets/{name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
