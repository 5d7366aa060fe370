#!/usr/bin/python3
"""Test the JSON Schema for SahelBrief briefings.

Usage: test-schema.py SCHEMA [VALID_FILE...]

Checks that SCHEMA is a valid draft-07 schema, that every VALID_FILE
validates against it, that a minimal briefing (the example of
docs/briefing-format.md) validates, and that broken variants of it are
rejected.  Prints TAP; exits 1 when any check fails, 2 on a usage error.
"""

import copy
import json
import sys

try:
    import jsonschema
    from jsonschema import Draft7Validator
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed: install it to check the schema")
    sys.exit(0)

MINIMAL = {
    "format": "sahelbrief",
    "version": 1,
    "title": {"en": "Germany leaves Mali", "nl": "Duitsland verlaat Mali"},
    "language": "nl",
    "date": "2022-08",
    "sources": [
        {
            "id": "article",
            "title": "Mali valt binnen de Russische invloedssfeer",
            "publisher": "Example Daily",
            "date": "2022-08",
            "language": "nl",
            "text": "Duizend Duitse manschappen verlieten Mali via de "
                    "luchthaven bij de stad Gao.",
        }
    ],
    "actors": [
        {
            "id": "germany",
            "name": {"en": "German armed forces", "nl": "Duitse strijdkrachten"},
            "kind": "foreign-forces",
            "country": "DEU",
            "colour": "#4a4a4a",
            "figures": [
                {
                    "measure": "strength",
                    "value": 1000,
                    "as_of": "2022-08",
                    "certainty": "reported",
                    "citations": [{"source": "article", "quote": "Duizend Duitse manschappen"}],
                }
            ],
            "citations": [{"source": "article",
                           "quote": "Duizend Duitse manschappen verlieten Mali"}],
        }
    ],
    "places": [
        {"id": "gao-airport", "name": "Gao airport", "lat": 16.2484, "lon": -0.0053,
         "precision": "point"},
        {"id": "mali", "name": "Mali", "lat": 17.35, "lon": -3.52, "precision": "country",
         "country": "MLI"},
    ],
    "movements": [
        {
            "id": "germany-leaves-gao",
            "title": "German troops leave through Gao",
            "description": "A thousand German troops left Mali through the airport at Gao.",
            "actor": "germany",
            "from": "gao-airport",
            "status": "completed",
            "means": "air",
            "strength": 1000,
            "date": "2022-08",
            "certainty": "reported",
            "citations": [{"source": "article",
                           "quote": "verlieten Mali via de luchthaven bij de stad Gao"}],
        }
    ],
    "steps": [
        {
            "id": "step-germany",
            "title": "Germany leaves",
            "caption": "A thousand German troops flew out of Gao.",
            "camera": {"frame": ["germany-leaves-gao"]},
            "highlight": ["germany-leaves-gao"],
            "citation": {"source": "article",
                         "quote": "Duizend Duitse manschappen verlieten Mali via de "
                                  "luchthaven bij de stad Gao."},
        }
    ],
}

AREA = {
    "id": "north",
    "description": "Armed groups hold large parts of the north.",
    "date": "2022-08",
    "certainty": "reported",
    "citations": [{"source": "article", "quote": "Duizend"}],
    "kind": "control",
    "boundary": "schematic",
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[-4.0, 15.0], [1.0, 15.0], [1.0, 20.0], [-4.0, 15.0]]],
    },
}


def movement(b):
    return b["movements"][0]


def with_area(b, area=None):
    b["areas"] = [copy.deepcopy(AREA) if area is None else area]
    return b["areas"][0]


# (description, expect valid?, mutation applied to a copy of MINIMAL)
VARIANTS = [
    ("missing title is rejected", False, lambda b: b.pop("title")),
    ("missing sources is rejected", False, lambda b: b.pop("sources")),
    ("empty sources is rejected", False, lambda b: b.__setitem__("sources", [])),
    ("wrong format is rejected", False, lambda b: b.__setitem__("format", "geojson")),
    ("version as a string is rejected", False, lambda b: b.__setitem__("version", "1")),
    ("version 4 is rejected", False, lambda b: b.__setitem__("version", 4)),
    ("version 3 is accepted", True, lambda b: b.__setitem__("version", 3)),
    ("translations of a quote in version 2 are accepted", True,
     lambda b: (b.__setitem__("version", 2),
                movement(b)["citations"][0].__setitem__(
                    "translations", {"en": "left Mali through the airport", "fr": "ont quitté le Mali"}))),
    ("translations as a plain string are rejected", False,
     lambda b: (b.__setitem__("version", 2),
                movement(b)["citations"][0].__setitem__("translations", "left Mali"))),
    ("empty translations are rejected", False,
     lambda b: (b.__setitem__("version", 2),
                movement(b)["citations"][0].__setitem__("translations", {}))),
    ("a translation under a bad language code is rejected", False,
     lambda b: (b.__setitem__("version", 2),
                movement(b)["citations"][0].__setitem__("translations", {"English": "left Mali"}))),
    ("unknown member 'lattitude' is rejected", False,
     lambda b: b["places"][0].__setitem__("lattitude", 16.2)),
    ("unknown top-level member is rejected", False, lambda b: b.__setitem__("titel", "x")),
    ("x- member is accepted (top level and nested)", True,
     lambda b: (b.__setitem__("x-editor", {"any": ["thing"]}),
                b["places"][0].__setitem__("x-osm-id", 12345),
                movement(b)["citations"][0].__setitem__("x-checked", True))),
    ("null for an optional field is rejected", False,
     lambda b: b.__setitem__("subtitle", None)),
    ("bad id slug is rejected", False, lambda b: b["actors"][0].__setitem__("id", "Germany_1")),
    ("id with double hyphen is rejected", False,
     lambda b: b["actors"][0].__setitem__("id", "germany--army")),
    ("id of 65 characters is rejected", False,
     lambda b: b["actors"][0].__setitem__("id", "a" * 65)),
    ("claimed without claimed_by is rejected", False,
     lambda b: movement(b).__setitem__("certainty", "claimed")),
    ("claimed with claimed_by is accepted", True,
     lambda b: movement(b).update(certainty="claimed", claimed_by="germany")),
    ("claimed_by with reported is rejected", False,
     lambda b: movement(b).__setitem__("claimed_by", "germany")),
    ("claimed_by on a figure with reported is rejected", False,
     lambda b: b["actors"][0]["figures"][0].__setitem__("claimed_by", "germany")),
    ("unknown certainty is rejected", False,
     lambda b: movement(b).__setitem__("certainty", "rumoured")),
    ("bad date string is rejected", False, lambda b: b.__setitem__("date", "2022-8")),
    ("date with month 13 is rejected", False, lambda b: b.__setitem__("date", "2022-13")),
    ("date object forms are accepted", True,
     lambda b: (b.__setitem__("date", {"value": "2022-08-15", "approximate": True}),
                movement(b).__setitem__("date", {"from": "2020", "to": "2021-03"}),
                b["sources"][0].__setitem__("date", {"from": "2015", "approximate": True}))),
    ("date span without from is rejected", False,
     lambda b: b.__setitem__("date", {"to": "2021"})),
    ("quantity forms are accepted", True,
     lambda b: (movement(b).__setitem__("strength", {"value": 1000, "approximate": True}),
                b["actors"][0]["figures"][0].__setitem__("value", {"min": 300, "max": 400}))),
    ("negative quantity is rejected", False,
     lambda b: movement(b).__setitem__("strength", -1)),
    ("quantity range without max is rejected", False,
     lambda b: movement(b).__setitem__("strength", {"min": 300})),
    ("bad colour is rejected", False, lambda b: b["actors"][0].__setitem__("colour", "#4a4a4")),
    ("lower-case country code is rejected", False,
     lambda b: b["actors"][0].__setitem__("country", "deu")),
    ("bad url is rejected", False,
     lambda b: b["sources"][0].__setitem__("url", "ftp://example.com/a")),
    ("bad language code is rejected", False, lambda b: b.__setitem__("language", "NL")),
    ("country precision without country is rejected", False,
     lambda b: b["places"][1].pop("country")),
    ("latitude 91 is rejected", False, lambda b: b["places"][0].__setitem__("lat", 91)),
    ("longitude -180.5 is rejected", False, lambda b: b["places"][0].__setitem__("lon", -180.5)),
    ("radius_km 0.05 is rejected", False,
     lambda b: b["places"][0].update(precision="near", radius_km=0.05)),
    ("text object with empty string is rejected", False,
     lambda b: b.__setitem__("title", {"en": "Germany leaves Mali", "nl": ""})),
    ("blank text string is rejected", False,
     lambda b: movement(b).__setitem__("description", " \n\t")),
    ("empty text object is rejected", False, lambda b: b.__setitem__("title", {})),
    ("text object with a bad language code is rejected", False,
     lambda b: b.__setitem__("title", {"EN": "Germany leaves Mali"})),
    ("empty citations are rejected", False,
     lambda b: b["actors"][0].__setitem__("citations", [])),
    ("citation without source is rejected", False,
     lambda b: movement(b)["citations"][0].pop("source")),
    ("a source without text, cited without quote, is accepted", True,
     lambda b: (b["sources"][0].pop("text"),
                [c.pop("quote") for c in movement(b)["citations"]])),
    ("polygon and multipolygon areas are accepted", True,
     lambda b: (with_area(b),
                b["areas"].append(dict(copy.deepcopy(AREA), id="north-2", geometry={
                    "type": "MultiPolygon",
                    "coordinates": [AREA["geometry"]["coordinates"]]})))),
    ("ring with 3 positions is rejected", False,
     lambda b: with_area(b)["geometry"]["coordinates"][0].pop(1)),
    ("position with latitude 95 is rejected", False,
     lambda b: with_area(b)["geometry"]["coordinates"][0][1].__setitem__(1, 95.0)),
    ("geometry of type Point is rejected", False,
     lambda b: with_area(b).__setitem__("geometry", {"type": "Point", "coordinates": [1, 15]})),
    ("area without boundary is rejected", False, lambda b: with_area(b).pop("boundary")),
    ("camera with centre and zoom is accepted", True,
     lambda b: b["steps"][0].__setitem__("camera",
                                         {"center": {"lat": 16.3, "lon": -0.1}, "zoom": 6})),
    ("camera with zoom 19 is rejected", False,
     lambda b: b["steps"][0].__setitem__("camera",
                                         {"center": {"lat": 16.3, "lon": -0.1}, "zoom": 19})),
    ("camera with centre but no zoom is rejected", False,
     lambda b: b["steps"][0].__setitem__("camera", {"center": {"lat": 16.3, "lon": -0.1}})),
    ("camera with empty frame is rejected", False,
     lambda b: b["steps"][0].__setitem__("camera", {"frame": []})),
    ("unknown layer is rejected", False,
     lambda b: b["steps"][0].__setitem__("layers", ["areas", "actors"])),
    ("movement with neither from nor to is rejected", False,
     lambda b: movement(b).pop("from")),
    ("movement with only to is accepted", True,
     lambda b: (movement(b).pop("from"), movement(b).__setitem__("to", "mali"))),
    ("unknown movement status is rejected", False,
     lambda b: movement(b).__setitem__("status", "done")),
]


def leaf_errors(errors):
    for error in errors:
        if error.context:
            yield from leaf_errors(error.context)
        else:
            yield error


def error_lines(validator, instance):
    lines = []
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    for error in errors:
        lines.append("%s: %s" % (error.json_path, error.message))
        # For oneOf/anyOf, show the most specific (deepest) reasons.
        leaves = list(leaf_errors(error.context))
        if leaves:
            depth = max(len(e.absolute_path) for e in leaves)
            for leaf in [e for e in leaves if len(e.absolute_path) == depth][:3]:
                lines.append("  probably: %s: %s" % (leaf.json_path, leaf.message))
    return lines


class Tap:
    def __init__(self, total):
        self.number = 0
        self.failed = 0
        print("1..%d" % total)

    def check(self, ok, name, diagnostics=()):
        self.number += 1
        if not ok:
            self.failed += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.number, name))
        for line in diagnostics:
            print("# " + line)
        sys.stdout.flush()


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: %s SCHEMA [VALID_FILE...]\n" % argv[0])
        return 2
    schema_path, valid_files = argv[1], argv[2:]
    tap = Tap(1 + len(valid_files) + 1 + len(VARIANTS))

    validator = None
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft7Validator.check_schema(schema)
        validator = Draft7Validator(schema)
        tap.check(True, "schema %s is a valid draft-07 schema" % schema_path)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        tap.check(False, "schema %s is a valid draft-07 schema" % schema_path,
                  str(e).splitlines())

    def validate(name, instance, expect_valid):
        if validator is None:
            tap.check(False, name, ["no usable schema"])
            return
        lines = error_lines(validator, instance)
        if expect_valid:
            tap.check(not lines, name, lines)
        else:
            tap.check(bool(lines), name, ["accepted, expected to be rejected"] if not lines else [])

    for path in valid_files:
        name = "%s validates" % path
        try:
            with open(path, encoding="utf-8") as f:
                instance = json.load(f)
        except (OSError, ValueError) as e:
            tap.check(False, name, str(e).splitlines())
            continue
        validate(name, instance, True)

    validate("minimal briefing (the spec's example) validates", MINIMAL, True)
    for name, expect_valid, mutate in VARIANTS:
        briefing = copy.deepcopy(MINIMAL)
        mutate(briefing)
        validate(name, briefing, expect_valid)

    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
