"""Makes the app icon's raster files from its one source, resources/app/studyapp.svg.

    python packaging/make_icons.py OUT_DIR

writes OUT_DIR/studyapp.png (256 px, for Linux desktops and the window), OUT_DIR/studyapp-48.png
and OUT_DIR/studyapp.ico (16-256 px, PNG-compressed entries, for Windows). Drawn by Qt's own
SVG renderer (PySide6-Essentials), so no other tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "app" / "studyapp.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico file of PNG entries (Windows Vista and later read them at every size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def make(out: Path) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    assert app is not None
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(size) for size in ICO_SIZES}
    written = [out / "studyapp.png", out / "studyapp-48.png", out / "studyapp.ico"]
    written[0].write_bytes(pngs[256])
    written[1].write_bytes(pngs[48])
    written[2].write_bytes(ico(pngs))
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in make(Path(sys.argv[1])):
        print(path)
