/* sb-map-contrast.c
 *
 * Whether an actor's colour stands out on the map, and a colour near it
 * that does: the same hue and saturation, the nearest lightness that
 * gives 3:1 against both the land and the sea.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-contrast"

#include "config.h"

#include <math.h>

#include "sb-base-layer.h"
#include "sb-map-contrast.h"
#include "sb-symbols.h"

double
sb_colour_contrast (const double *a,
                    const double *b)
{
  double la = sb_colour_luminance (a) + 0.05;
  double lb = sb_colour_luminance (b) + 0.05;

  return MAX (la, lb) / MIN (la, lb);
}

static double
worst_against_ground (const double *rgb,
                      gboolean      dark)
{
  double land[3], sea[3];

  sb_base_layer_get_ground (dark, land, sea);
  return MIN (sb_colour_contrast (rgb, land), sb_colour_contrast (rgb, sea));
}

static void
rgb_to_hsl (const double *rgb,
            double       *h,
            double       *s,
            double       *l)
{
  double max = MAX (rgb[0], MAX (rgb[1], rgb[2]));
  double min = MIN (rgb[0], MIN (rgb[1], rgb[2]));
  double d = max - min;

  *l = (max + min) / 2;
  *h = 0;
  *s = 0;
  if (d == 0)
    return;

  *s = *l > 0.5 ? d / (2 - max - min) : d / (max + min);
  if (max == rgb[0])
    *h = fmod ((rgb[1] - rgb[2]) / d + 6, 6);
  else if (max == rgb[1])
    *h = (rgb[2] - rgb[0]) / d + 2;
  else
    *h = (rgb[0] - rgb[1]) / d + 4;
  *h /= 6;
}

static double
hue_channel (double p,
             double q,
             double t)
{
  t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
  if (t < 1.0 / 6)
    return p + (q - p) * 6 * t;
  if (t < 0.5)
    return q;
  if (t < 2.0 / 3)
    return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

static void
hsl_to_rgb (double  h,
            double  s,
            double  l,
            double *rgb)
{
  double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  double p = 2 * l - q;

  if (s == 0)
    {
      rgb[0] = rgb[1] = rgb[2] = l;
      return;
    }

  rgb[0] = hue_channel (p, q, h + 1.0 / 3);
  rgb[1] = hue_channel (p, q, h);
  rgb[2] = hue_channel (p, q, h - 1.0 / 3);
}

static guint32
rgb_to_colour (const double *rgb)
{
  guint32 colour = 0;

  for (guint i = 0; i < 3; i++)
    colour = (colour << 8) | (guint32) CLAMP (lround (rgb[i] * 255), 0, 255);

  return colour;
}

/**
 * sb_map_colour_check:
 * @colour: 0xRRGGBB
 * @dark: whether the map is drawn in its dark style
 * @worst_contrast: (out) (optional): the lower of its contrasts with the
 *   land and the sea
 * @suggestion: (out) (optional): @colour if it passes, else the colour of
 *   the same hue nearest to it that does
 *
 * Returns: whether @colour has at least %SB_MAP_MIN_CONTRAST against
 *   both the land and the sea
 */
gboolean
sb_map_colour_check (guint32   colour,
                     gboolean  dark,
                     double   *worst_contrast,
                     guint32  *suggestion)
{
  double rgb[3], h, s, l;
  double worst;

  sb_colour_to_rgb (colour, rgb);
  worst = worst_against_ground (rgb, dark);
  if (worst_contrast != NULL)
    *worst_contrast = worst;
  if (suggestion != NULL)
    *suggestion = colour;
  if (worst >= SB_MAP_MIN_CONTRAST)
    return TRUE;

  if (suggestion == NULL)
    return FALSE;

  /* Step the lightness away from the original, darker and lighter in
   * turn; the first that passes is the nearest.
   */
  rgb_to_hsl (rgb, &h, &s, &l);
  for (int step = 1; step <= 100; step++)
    for (int sign = -1; sign <= 1; sign += 2)
      {
        double lightness = l + sign * step / 100.0;
        double candidate[3];
        guint32 rounded;

        if (lightness < 0 || lightness > 1)
          continue;
        hsl_to_rgb (h, s, lightness, candidate);
        rounded = rgb_to_colour (candidate);
        sb_colour_to_rgb (rounded, candidate);
        if (worst_against_ground (candidate, dark) >= SB_MAP_MIN_CONTRAST)
          {
            *suggestion = rounded;
            return FALSE;
          }
      }

  *suggestion = dark ? 0xffffff : 0x000000;
  return FALSE;
}
