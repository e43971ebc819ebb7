#!/usr/bin/env python3
"""Writes the systematic part of the bad-input corpus (src/test/resources/bad-inputs/).

Every field of project-proposal.schema.json gets a wrong type, a null, and, where the schema says so, an enum typo,
a value out of range, an empty or too long text, a misspelt name; the full proposal below is also cut short at
several places. Each expectation is read from the schema itself: a 400 with the path of the field changed (plus the
required field a misspelling removes). The hand-written cases live in the other folders and are not touched.

Run from the project root: python3 src/test/scripts/bad_inputs.py
"""
import copy
import json
import os
import shutil

ROOT = os.path.join("src", "test", "resources", "bad-inputs")
SCHEMA = json.load(open(os.path.join("src", "main", "resources", "schema", "project-proposal.schema.json"), encoding="utf-8"))
GENERATED = ["control", "types", "nulls", "enums", "names", "ranges", "texts", "dates", "truncated"]

# A proposal with every field of the schema, valid (control/full-proposal.json checks that it gets 200).
BASE = {
    "id": "BAD-BASE-1",
    "name": "Đường tuần tra biên giới xã Tân Thanh",
    "description": "Nâng cấp 12 km đường tuần tra biên giới.",
    "submittedBy": "Sở Tài chính tỉnh Lạng Sơn",
    "assessmentDate": "2026-11-29",
    "location": {
        "province": "Lạng Sơn",
        "communes": [{"name": "Tân Thanh", "borderCommune": True}],
        "inBorderBelt": True,
        "distanceToBorderKm": 1.5,
        "inDefenseEconomicZone": False,
        "borderGate": "Tân Thanh",
        "borderEconomicZone": "Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
    },
    "sector": "BORDER_DEFENSE",
    "features": ["BORDER_PATROL_ROAD"],
    "investment": {
        "totalVnd": 80000000000,
        "projectGroup": "B",
        "sources": [{"type": "CENTRAL_BUDGET", "amountVnd": 80000000000, "secured": True}],
        "foreignInvestor": False,
        "investorCountry": "VN",
    },
    "schedule": {"startYear": 2026, "endYear": 2029},
    "planning": {
        "inProvincialPlan": True,
        "provincialPlanRef": "QĐ 236/QĐ-TTg ngày 15/3/2024",
        "consistentWithSectoralPlans": True,
        "consistentWithConstructionPlan": True,
        "inBorderGatePlan": True,
        "inMediumTermInvestmentPlan": True,
    },
    "defenseSecurity": {
        "dualUse": True,
        "dualUseDescription": "Phục vụ tuần tra và cơ động lực lượng khi cần.",
        "defenseOpinion": "AGREED",
        "securityOpinion": "AGREED",
        "foreignAffairsOpinion": "NOT_REQUESTED",
        "affectsBorderLineOrMarkers": False,
        "involvesStateSecrets": False,
    },
    "linkages": ["BORDER_GATE"],
    "urgency": {"level": "HIGH", "justification": "Đoạn đường bị sạt lở mùa mưa 2026."},
    "beneficiaries": {"population": 12000, "ethnicMinorityHouseholds": 800, "poorHouseholds": 150, "jobsCreated": 60},
    "environment": {
        "protectedArea": False,
        "naturalForestConversionHa": 0,
        "onBorderRiver": False,
        "culturalHeritageImpact": False,
        "eiaStatus": "APPROVED",
    },
}


def resolve(node):
    if "$ref" in node:
        target = SCHEMA
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return target
    return node


def fields(node=SCHEMA, path="", steps=()):
    """Every field of the schema, depth first: (path as the service writes it, steps into BASE, its schema)."""
    node = resolve(node)
    kind = node.get("type")
    if kind == "object":
        for name, sub in node.get("properties", {}).items():
            p = name if not path else path + "." + name
            yield p, steps + (name,), resolve(sub)
            yield from fields(sub, p, steps + (name,))
    elif kind == "array":
        yield from [(path + "[0]", steps + (0,), resolve(node["items"]))]
        yield from fields(node["items"], path + "[0]", steps + (0,))


def objects(node=SCHEMA, path="", steps=()):
    """Every object of the schema: (path, steps, schema); the root is "$"."""
    node = resolve(node)
    if node.get("type") == "object":
        yield (path or "$"), steps, node
        for name, sub in node.get("properties", {}).items():
            yield from objects(sub, name if not path else path + "." + name, steps + (name,))
    elif node.get("type") == "array":
        yield from objects(node["items"], path + "[0]", steps + (0,))


def at(tree, steps):
    for s in steps:
        tree = tree[s]
    return tree


def with_value(steps, value):
    tree = copy.deepcopy(BASE)
    at(tree, steps[:-1])[steps[-1]] = value
    return tree


def join(path, name):
    return name if path == "$" else path + "." + name


def slug(path):
    return "root" if path == "$" else path.replace("[", ".").replace("]", "")


written = 0


def write(folder, name, case):
    global written
    os.makedirs(os.path.join(ROOT, folder), exist_ok=True)
    with open(os.path.join(ROOT, folder, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    written += 1


def refused(why, paths, **body):
    return {"why": why, **body, "status": 400, "paths": paths}


def literal(steps, raw):
    """The full proposal as text, with the value at steps replaced by raw JSON text (for 1e400, which Python and
    the descriptor's reader would turn into an infinite float)."""
    marker = "@@RAW@@"
    return json.dumps(with_value(steps, marker), ensure_ascii=False).replace('"' + marker + '"', raw)


TYPE_NAMES = {str: "text", int: "integer", float: "number", bool: "boolean", list: "array", dict: "object"}
WRONG = {
    "string": [42, ["text"]],
    "integer": ["123", True],
    "number": ["1,5", {}],
    "boolean": ["true", 1],
    "object": [[], "text"],
    "array": [{}, "OCOP"],
}


def main():
    for folder in GENERATED:
        shutil.rmtree(os.path.join(ROOT, folder), ignore_errors=True)

    write("control", "full-proposal", {
        "why": "Not a bad input: the proposal every generated case changes one thing of, valid against the schema.",
        "body": BASE, "status": 200})

    for path, steps, node in fields():
        kind = node["type"]
        for wrong in WRONG[kind]:
            write("types", slug(path) + "--" + TYPE_NAMES[type(wrong)], refused(
                f"{path} must be {kind} (schema); {json.dumps(wrong, ensure_ascii=False)} is {TYPE_NAMES[type(wrong)]}.",
                [path], body=with_value(steps, wrong)))
        write("nulls", slug(path), refused(
            f"{path} is {kind} in the schema, which allows no null (absent is how a proposal says unknown).",
            [path], body=with_value(steps, None)))
        if "enum" in node:
            good = at(BASE, steps)
            typo = good[1] + good[0] + good[2:] if len(good) > 2 else good + "+"
            write("enums", slug(path) + "--typo", refused(
                f"'{typo}' is not one of the values the schema allows for {path}.", [path], body=with_value(steps, typo)))
            write("enums", slug(path) + "--lower-case", refused(
                f"Enum values are upper case in the schema; '{good.lower()}' is not one of them.", [path],
                body=with_value(steps, good.lower())))
        if kind == "string" and node.get("minLength"):
            for name, blank in (("empty", ""), ("blank", " \t ")):
                write("texts", slug(path) + "--" + name, refused(
                    f"{path} has minLength {node['minLength']}: it must not be empty.", [path], body=with_value(steps, blank)))
        if kind == "string" and "maxLength" in node:
            n = node["maxLength"] + 1
            write("texts", slug(path) + "--too-long", refused(
                f"{path} has maxLength {node['maxLength']}; this one has {n} characters.", [path],
                body=with_value(steps, "Đ" * n)))
        if kind in ("integer", "number"):
            ranges(path, steps, node)

    for path, steps, node in objects():
        props = list(node.get("properties", {}))
        required = node.get("required", [])
        optional = [p for p in props if p not in required]
        extra = copy.deepcopy(BASE)
        at(extra, steps)["ghiChu"] = "ghi chú"
        write("names", slug(path) + "--unknown-field", refused(
            f"The schema lists the fields of {path}; 'ghiChu' is not one of them.", [join(path, "ghiChu")], body=extra))
        for name, reason in ((optional[0] if optional else None, "optional"), (required[0] if required else None, "required")):
            if name is None:
                continue
            misspelt = name[:-2] + name[-1]
            assert misspelt not in props
            tree = copy.deepcopy(BASE)
            obj = at(tree, steps)
            obj[misspelt] = obj.pop(name)
            # A misspelt required field is one mistake, told once: the unknown field and its "did you mean",
            # not also "required field is missing" for the field it names.
            write("names", slug(path) + "--misspelt-" + reason, refused(
                f"'{misspelt}' is not a field of {path} (did you mean '{name}'?)"
                + (f"; '{name}' is required, and the service says so once, as the unknown field that names it."
                   if reason == "required" else "."),
                [join(path, misspelt)], body=tree))

    for value, reason in (("cn", "lower case"), ("CHN", "three letters"), ("V1", "a digit"), ("", "empty")):
        write("texts", "investment.investorCountry--" + (value or "empty"), refused(
            f"investment.investorCountry must match ^[A-Z]{{2}}$ (schema pattern): '{value}' is {reason}.",
            ["investment.investorCountry"], body=with_value(("investment", "investorCountry"), value)))
    dates()
    truncated()
    print(f"wrote {written} cases under {ROOT}/{{{','.join(GENERATED)}}}")


def ranges(path, steps, node):
    """Numbers outside the schema's range, numbers a proposal cannot hold, and numbers sent as text."""
    cases = []
    if "minimum" in node:
        below = node["minimum"] - (1 if node["type"] == "integer" else 0.5)
        cases.append(("below-minimum", json.dumps(below), f"below the minimum {node['minimum']}"))
    if "exclusiveMinimum" in node:
        cases.append(("at-exclusive-minimum", json.dumps(node["exclusiveMinimum"]), f"not above {node['exclusiveMinimum']}"))
        cases.append(("negative", "-1", "negative"))
    if "maximum" in node:
        cases.append(("above-maximum", json.dumps(node["maximum"] + 1), f"above the maximum {node['maximum']}"))
    if node["type"] == "integer":
        cases.append(("fraction", "12.5", "not an integer"))
        if "maximum" not in node:
            cases.append(("past-int", "2147483648", "past what the field holds (2147483647); the schema sets no maximum"))
    cases.append(("1e400", "1e400", "past any maximum, and infinite as the double the proposal holds"))
    cases.append(("nan-string", '"NaN"', "the text \"NaN\", not a number"))
    for name, raw, reason in cases:
        paths = [path]
        value = json.loads(raw) if raw != "1e400" else None
        schedule = dict(BASE["schedule"], **({steps[-1]: value} if steps[0] == "schedule" else {}))
        if all(type(schedule[y]) is int for y in ("startYear", "endYear")) and schedule["endYear"] < schedule["startYear"]:
            paths.append("schedule.endYear")
            reason += f"; and the end year {schedule['endYear']} is then before the start year {schedule['startYear']}"
        write("ranges", slug(path) + "--" + name, refused(f"{path}: {raw} is {reason}.", sorted(set(paths)), text=literal(steps, raw)))


def dates():
    steps = ("assessmentDate",)
    for name, value, reason in (
            ("day-first", "29/11/2026", "day first, not YYYY-MM-DD"),
            ("no-dashes", "20261129", "no dashes"),
            ("with-time", "2026-11-29T08:00:00Z", "a date-time, not a date"),
            ("one-digit-month", "2026-1-05", "a one-digit month"),
            ("thirty-first-of-november", "2026-11-31", "a day November does not have"),
            ("not-a-leap-year", "2026-02-29", "29 February of a year that is not a leap year"),
            ("month-13", "2026-13-01", "month 13"),
            ("five-digit-year", "+12026-01-01", "a year of five digits"),
            ("leading-space", " 2026-11-29", "a leading space"),
            ("empty", "", "empty"),
            ("words", "hôm nay", "words"),
            ("before-the-law", "2019-12-31", "before 2020-01-01, when Public Investment Law 39/2019/QH14 took effect")):
        write("dates", name, refused(f"assessmentDate is a full-date (schema format date): '{value}' is {reason}.",
                                     ["assessmentDate"], body=with_value(steps, value)))


def truncated():
    text = json.dumps(BASE, ensure_ascii=False, indent=1)
    for cut in (1, 2, 15, 40, 100, 200, 333, 500, 750, 1000, 1400, len(text) - 2, len(text) - 1):
        write("truncated", f"at-{cut:04d}", refused(
            f"The full proposal cut short after {cut} of its {len(text)} characters: not JSON.", ["$"], text=text[:cut]))


if __name__ == "__main__":
    main()
