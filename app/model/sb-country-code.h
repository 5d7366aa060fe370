/* sb-country-code.h
 *
 * Country codes as briefings write them (ISO 3166-1 alpha-3), and as
 * older ones sometimes did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    sb_country_code_is_alpha3  (const char *code);
const char *sb_country_code_understand (const char *code);

G_END_DECLS
