/* sb-country-code.c
 *
 * ISO 3166-1's alpha-2 and alpha-3 codes side by side, as iso-codes'
 * iso_3166-1.json lists them (249 countries and territories), so that an
 * older briefing that wrote "NE" for Niger is read as the "NER" the
 * format asks for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-country-code"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-country-code.h"

typedef struct
{
  char alpha2[3];
  char alpha3[4];
} Country;

/* By alpha-2, for bsearch. */
static const Country countries[] = {
  { "AD", "AND" }, { "AE", "ARE" }, { "AF", "AFG" }, { "AG", "ATG" }, { "AI", "AIA" },
  { "AL", "ALB" }, { "AM", "ARM" }, { "AO", "AGO" }, { "AQ", "ATA" }, { "AR", "ARG" },
  { "AS", "ASM" }, { "AT", "AUT" }, { "AU", "AUS" }, { "AW", "ABW" }, { "AX", "ALA" },
  { "AZ", "AZE" }, { "BA", "BIH" }, { "BB", "BRB" }, { "BD", "BGD" }, { "BE", "BEL" },
  { "BF", "BFA" }, { "BG", "BGR" }, { "BH", "BHR" }, { "BI", "BDI" }, { "BJ", "BEN" },
  { "BL", "BLM" }, { "BM", "BMU" }, { "BN", "BRN" }, { "BO", "BOL" }, { "BQ", "BES" },
  { "BR", "BRA" }, { "BS", "BHS" }, { "BT", "BTN" }, { "BV", "BVT" }, { "BW", "BWA" },
  { "BY", "BLR" }, { "BZ", "BLZ" }, { "CA", "CAN" }, { "CC", "CCK" }, { "CD", "COD" },
  { "CF", "CAF" }, { "CG", "COG" }, { "CH", "CHE" }, { "CI", "CIV" }, { "CK", "COK" },
  { "CL", "CHL" }, { "CM", "CMR" }, { "CN", "CHN" }, { "CO", "COL" }, { "CR", "CRI" },
  { "CU", "CUB" }, { "CV", "CPV" }, { "CW", "CUW" }, { "CX", "CXR" }, { "CY", "CYP" },
  { "CZ", "CZE" }, { "DE", "DEU" }, { "DJ", "DJI" }, { "DK", "DNK" }, { "DM", "DMA" },
  { "DO", "DOM" }, { "DZ", "DZA" }, { "EC", "ECU" }, { "EE", "EST" }, { "EG", "EGY" },
  { "EH", "ESH" }, { "ER", "ERI" }, { "ES", "ESP" }, { "ET", "ETH" }, { "FI", "FIN" },
  { "FJ", "FJI" }, { "FK", "FLK" }, { "FM", "FSM" }, { "FO", "FRO" }, { "FR", "FRA" },
  { "GA", "GAB" }, { "GB", "GBR" }, { "GD", "GRD" }, { "GE", "GEO" }, { "GF", "GUF" },
  { "GG", "GGY" }, { "GH", "GHA" }, { "GI", "GIB" }, { "GL", "GRL" }, { "GM", "GMB" },
  { "GN", "GIN" }, { "GP", "GLP" }, { "GQ", "GNQ" }, { "GR", "GRC" }, { "GS", "SGS" },
  { "GT", "GTM" }, { "GU", "GUM" }, { "GW", "GNB" }, { "GY", "GUY" }, { "HK", "HKG" },
  { "HM", "HMD" }, { "HN", "HND" }, { "HR", "HRV" }, { "HT", "HTI" }, { "HU", "HUN" },
  { "ID", "IDN" }, { "IE", "IRL" }, { "IL", "ISR" }, { "IM", "IMN" }, { "IN", "IND" },
  { "IO", "IOT" }, { "IQ", "IRQ" }, { "IR", "IRN" }, { "IS", "ISL" }, { "IT", "ITA" },
  { "JE", "JEY" }, { "JM", "JAM" }, { "JO", "JOR" }, { "JP", "JPN" }, { "KE", "KEN" },
  { "KG", "KGZ" }, { "KH", "KHM" }, { "KI", "KIR" }, { "KM", "COM" }, { "KN", "KNA" },
  { "KP", "PRK" }, { "KR", "KOR" }, { "KW", "KWT" }, { "KY", "CYM" }, { "KZ", "KAZ" },
  { "LA", "LAO" }, { "LB", "LBN" }, { "LC", "LCA" }, { "LI", "LIE" }, { "LK", "LKA" },
  { "LR", "LBR" }, { "LS", "LSO" }, { "LT", "LTU" }, { "LU", "LUX" }, { "LV", "LVA" },
  { "LY", "LBY" }, { "MA", "MAR" }, { "MC", "MCO" }, { "MD", "MDA" }, { "ME", "MNE" },
  { "MF", "MAF" }, { "MG", "MDG" }, { "MH", "MHL" }, { "MK", "MKD" }, { "ML", "MLI" },
  { "MM", "MMR" }, { "MN", "MNG" }, { "MO", "MAC" }, { "MP", "MNP" }, { "MQ", "MTQ" },
  { "MR", "MRT" }, { "MS", "MSR" }, { "MT", "MLT" }, { "MU", "MUS" }, { "MV", "MDV" },
  { "MW", "MWI" }, { "MX", "MEX" }, { "MY", "MYS" }, { "MZ", "MOZ" }, { "NA", "NAM" },
  { "NC", "NCL" }, { "NE", "NER" }, { "NF", "NFK" }, { "NG", "NGA" }, { "NI", "NIC" },
  { "NL", "NLD" }, { "NO", "NOR" }, { "NP", "NPL" }, { "NR", "NRU" }, { "NU", "NIU" },
  { "NZ", "NZL" }, { "OM", "OMN" }, { "PA", "PAN" }, { "PE", "PER" }, { "PF", "PYF" },
  { "PG", "PNG" }, { "PH", "PHL" }, { "PK", "PAK" }, { "PL", "POL" }, { "PM", "SPM" },
  { "PN", "PCN" }, { "PR", "PRI" }, { "PS", "PSE" }, { "PT", "PRT" }, { "PW", "PLW" },
  { "PY", "PRY" }, { "QA", "QAT" }, { "RE", "REU" }, { "RO", "ROU" }, { "RS", "SRB" },
  { "RU", "RUS" }, { "RW", "RWA" }, { "SA", "SAU" }, { "SB", "SLB" }, { "SC", "SYC" },
  { "SD", "SDN" }, { "SE", "SWE" }, { "SG", "SGP" }, { "SH", "SHN" }, { "SI", "SVN" },
  { "SJ", "SJM" }, { "SK", "SVK" }, { "SL", "SLE" }, { "SM", "SMR" }, { "SN", "SEN" },
  { "SO", "SOM" }, { "SR", "SUR" }, { "SS", "SSD" }, { "ST", "STP" }, { "SV", "SLV" },
  { "SX", "SXM" }, { "SY", "SYR" }, { "SZ", "SWZ" }, { "TC", "TCA" }, { "TD", "TCD" },
  { "TF", "ATF" }, { "TG", "TGO" }, { "TH", "THA" }, { "TJ", "TJK" }, { "TK", "TKL" },
  { "TL", "TLS" }, { "TM", "TKM" }, { "TN", "TUN" }, { "TO", "TON" }, { "TR", "TUR" },
  { "TT", "TTO" }, { "TV", "TUV" }, { "TW", "TWN" }, { "TZ", "TZA" }, { "UA", "UKR" },
  { "UG", "UGA" }, { "UM", "UMI" }, { "US", "USA" }, { "UY", "URY" }, { "UZ", "UZB" },
  { "VA", "VAT" }, { "VC", "VCT" }, { "VE", "VEN" }, { "VG", "VGB" }, { "VI", "VIR" },
  { "VN", "VNM" }, { "VU", "VUT" }, { "WF", "WLF" }, { "WS", "WSM" }, { "YE", "YEM" },
  { "YT", "MYT" }, { "ZA", "ZAF" }, { "ZM", "ZMB" }, { "ZW", "ZWE" },
};

static int
compare_alpha2 (const void *key,
                const void *member)
{
  return strcmp (key, ((const Country *) member)->alpha2);
}

/**
 * sb_country_code_is_alpha3:
 *
 * Returns: whether @code is written as the format writes a country: three
 *   capital letters
 */
gboolean
sb_country_code_is_alpha3 (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/**
 * sb_country_code_understand:
 * @code: a country code as someone may have written it: "NE", "ne",
 *   "ner" or "NER"
 *
 * Returns: (nullable): the ISO 3166-1 alpha-3 code @code can only mean:
 *   an alpha-2 code of a country, or an alpha-3 code of one in any case;
 *   %NULL when it means none
 */
const char *
sb_country_code_understand (const char *code)
{
  char upper[4] = "";
  gsize length;
  const Country *found;

  g_return_val_if_fail (code != NULL, NULL);

  length = strlen (code);
  if (length < 2 || length > 3)
    return NULL;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalpha (code[i]))
        return NULL;
      upper[i] = g_ascii_toupper (code[i]);
    }

  if (length == 2)
    {
      found = bsearch (upper, countries, G_N_ELEMENTS (countries), sizeof countries[0], compare_alpha2);
      return found ? found->alpha3 : NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (strcmp (countries[i].alpha3, upper) == 0)
      return countries[i].alpha3;
  return NULL;
}
