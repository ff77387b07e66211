"""Illustrations for the seed content, drawn here so the site ships no images from elsewhere."""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
# Designsystemet's default accent and success hues, so the drawings sit with the theme.
BLUE = (0, 98, 186)
LIGHT_BLUE = (215, 234, 250)
GREEN = (6, 137, 79)
LIGHT_GREEN = (214, 242, 226)
NAVY = (2, 40, 78)
WHITE = (255, 255, 255)


def _canvas(background):
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    return image, ImageDraw.Draw(image)


def _home(draw):
    for index, (x, colour) in enumerate(((430, BLUE), (600, GREEN), (770, NAVY))):
        y = 360 if index != 1 else 480
        draw.ellipse((x - 190, y - 190, x + 190, y + 190), outline=colour, width=28)
    draw.rectangle((0, 700, WIDTH, HEIGHT), fill=BLUE)


def _stimulab(draw):
    draw.ellipse((480, 110, 720, 350), fill=(255, 200, 60))
    draw.rectangle((545, 340, 655, 420), fill=NAVY)
    for x in (400, 800):
        draw.ellipse((x - 70, 470, x + 70, 610), fill=BLUE)
        draw.rounded_rectangle((x - 110, 620, x + 110, 800), radius=60, fill=BLUE)
    draw.line((470, 700, 730, 700), fill=GREEN, width=24)


def _startoff(draw):
    draw.rectangle((250, 520, 950, 560), fill=NAVY)
    for x in range(300, 951, 130):
        draw.rectangle((x, 560, x + 60, 760), fill=NAVY)
    draw.polygon([(250, 520), (600, 400), (950, 520)], fill=NAVY)
    draw.polygon([(600, 40), (680, 200), (680, 330), (520, 330), (520, 200)], fill=BLUE)
    draw.polygon([(520, 330), (560, 390), (640, 390), (680, 330)], fill=(255, 150, 40))
    draw.ellipse((570, 170, 630, 230), fill=WHITE)


def _network(draw):
    points = [
        (
            600 + int(260 * math.cos(2 * math.pi * i / 5 - math.pi / 2)),
            400 + int(260 * math.sin(2 * math.pi * i / 5 - math.pi / 2)),
        )
        for i in range(5)
    ]
    for a in points:
        for b in points:
            if a < b:
                draw.line((*a, *b), fill=BLUE, width=10)
    for x, y in points:
        draw.ellipse((x - 55, y - 55, x + 55, y + 55), fill=GREEN, outline=NAVY, width=10)


ILLUSTRATIONS = {
    "home": (LIGHT_BLUE, _home),
    "stimulab": (LIGHT_GREEN, _stimulab),
    "startoff": (LIGHT_BLUE, _startoff),
    "nettverk": (LIGHT_GREEN, _network),
}


def render_png(key):
    background, draw_function = ILLUSTRATIONS[key]
    image, draw = _canvas(background)
    draw_function(draw)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
