#!/usr/bin/env python3
"""Check a running service against the v1 contract (API.md, CRITERIA.md and the legal text).

Usage: python3 tools/contract_check.py http://localhost:8080 samples/*.json

A copy of the shared specification's tools/contract_check.py (../shared/tools/, beside the repository, not part of
it), changed only in what it reads, so that a clone of the repository alone can run it: the resolution's text and the
criteria's ids come from the copies the service ships (src/main/resources/legal/resolution-23-2022.json, a copy of
the specification's, and src/main/resources/rules/criteria.json, whose ids are those of CRITERIA.md).
Posts each proposal, checks the shape and internal consistency of every answer and of the catalog
endpoints, and prints one line per problem, then a summary. Exit 0 only when nothing is wrong.
It checks structure and consistency, not whether a rule's judgement is right: that is what tests are for."""
import json, os, sys, unicodedata, urllib.request, urllib.error

resources = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src", "main", "resources")
paras = {p["id"]: p["text"] for p in json.load(open(os.path.join(resources, "legal/resolution-23-2022.json"), encoding="utf-8"))["paragraphs"]}
criteria = [c["id"] for c in json.load(open(os.path.join(resources, "rules/criteria.json"), encoding="utf-8"))["criteria"]]
VERDICTS = ["OUT_OF_SCOPE", "NON_COMPLIANT", "NEEDS_REVIEW", "COMPLIANT"]
OUTCOMES = {"MET", "NOT_MET", "MISSING_INFO", "NOT_APPLICABLE"}
SEVERITIES = ["BLOCKING", "REVIEW", "ADVISORY", "PRIORITY"]
problems = []
def norm(s): return " ".join(unicodedata.normalize("NFC", s or "").split())
def bad(where, what): problems.append(f"{where}: {what}")

def call(base, path, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else body, method="GET" if body is None else "POST",
                                 headers={"Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r: return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e: return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")

def bilingual(where, name, t):
    if not (isinstance(t, dict) and t.get("vi") and t.get("en")): bad(where, f"{name} must be {{vi, en}}, got {str(t)[:80]}")

def check_assessment(where, r):
    for k in ["assessmentId", "projectId", "verdict", "score", "scoreBreakdown", "province", "findings", "checklist", "ruleset", "assessmentDate", "assessedAt"]:
        if k not in r: bad(where, f"missing field {k}")
    v = r.get("verdict")
    if v not in VERDICTS: bad(where, f"verdict {v!r} not one of {VERDICTS}"); return
    if not (isinstance(r.get("score"), int) and 0 <= r["score"] <= 100): bad(where, f"score {r.get('score')!r} not an integer 0..100")
    for g in r.get("scoreBreakdown", []):
        if g.get("points", 0) > g.get("max", 0): bad(where, f"group {g.get('group')} has {g.get('points')} points over its max {g.get('max')}")
    if sum(g.get("points", 0) for g in r.get("scoreBreakdown", [])) != r.get("score"): bad(where, "score is not the sum of scoreBreakdown points")
    if not str((r.get("ruleset") or {}).get("fingerprint", "")).startswith("sha256:"): bad(where, "ruleset.fingerprint should be sha256:…")
    sevs = []
    for f in r.get("findings", []):
        fw = f"{where} {f.get('ruleId')}"
        for k in ["ruleId", "criterion", "outcome", "severity", "points", "title", "explanation", "citations", "evidence", "missingFields"]:
            if k not in f: bad(fw, f"finding lacks {k}")
        if f.get("outcome") not in OUTCOMES - {"NOT_APPLICABLE"}: bad(fw, f"outcome {f.get('outcome')!r} not allowed in findings")
        if f.get("severity") not in SEVERITIES: bad(fw, f"severity {f.get('severity')!r}")
        if f.get("criterion") not in criteria: bad(fw, f"criterion {f.get('criterion')!r} is not in CRITERIA.md")
        if f.get("outcome") == "MISSING_INFO" and not f.get("missingFields"): bad(fw, "MISSING_INFO without missingFields")
        bilingual(fw, "title", f.get("title")); bilingual(fw, "explanation", f.get("explanation"))
        if not f.get("citations"): bad(fw, "no citations")
        for c in f.get("citations", []):
            if "23" in str(c.get("document", "")):
                p, t = c.get("paragraph"), norm(c.get("text"))
                if p not in paras: bad(fw, f"cites unknown paragraph {p!r}")
                elif len(t) < 15 or t[:60] not in norm(paras[p]): bad(fw, f"citation text of {p} is not quoted from the paragraph")
        sevs.append(SEVERITIES.index(f["severity"]) if f.get("severity") in SEVERITIES else 9)
    if sevs != sorted(sevs): bad(where, "findings are not ordered by severity (BLOCKING first)")
    if v != "OUT_OF_SCOPE":
        names = [c.get("criterion") for c in r.get("checklist", [])]
        if sorted(names) != sorted(criteria):
            bad(where, f"checklist should name each of the {len(criteria)} criteria once; missing {sorted(set(criteria) - set(names))}, "
                       f"extra or repeated {sorted(n for n in set(names) if names.count(n) > 1 or n not in criteria)}")
    held = lambda s, o: [f for f in r.get("findings", []) if f.get("severity") == s and f.get("outcome") in o]
    expect = ("NON_COMPLIANT" if held("BLOCKING", {"NOT_MET"}) else
              "NEEDS_REVIEW" if held("REVIEW", {"NOT_MET", "MISSING_INFO"}) or held("BLOCKING", {"MISSING_INFO"}) else "COMPLIANT")
    if v != "OUT_OF_SCOPE" and v != expect: bad(where, f"verdict {v} but the findings imply {expect}")

def main():
    base, files = sys.argv[1].rstrip("/"), sys.argv[2:]
    ids = set()
    for fn in files:
        st, ct, body = call(base, "/api/v1/assessments", open(fn, "rb").read())
        if st != 200: bad(fn, f"status {st}: {body[:200]}"); continue
        r = json.loads(body); check_assessment(fn, r)
        if r.get("assessmentId") in ids: bad(fn, "assessmentId repeats")
        ids.add(r.get("assessmentId"))
    st, _, body = call(base, "/api/v1/rules")
    if st != 200: bad("GET /api/v1/rules", f"status {st}")
    else:
        rules = json.loads(body); rules = rules.get("rules", rules) if isinstance(rules, dict) else rules
        covered = {x.get("criterion") for x in rules}
        for x in rules:
            if not x.get("citations"): bad(f"rule {x.get('id') or x.get('ruleId')}", "no citations in the catalog")
        print(f"catalog: {len(rules)} rules covering {len(covered & set(criteria))}/{len(criteria)} criteria")
    st, ct, body = call(base, "/api/v1/legal/23-NQ-CP/paragraphs/III.2.g-1")
    if st != 200 or norm(paras["III.2.g-1"])[:40] not in norm(body): bad("GET paragraph III.2.g-1", f"status {st}")
    st, ct, _ = call(base, "/api/v1/legal/23-NQ-CP/paragraphs/IX.9")
    if st != 404 or "problem+json" not in ct: bad("GET unknown paragraph", f"want 404 problem+json, got {st} {ct}")
    st, ct, _ = call(base, "/api/v1/assessments", b"{not json")
    if st != 400 or "problem+json" not in ct: bad("POST malformed JSON", f"want 400 problem+json, got {st} {ct}")
    for p in problems: print("-", p)
    print(f"{len(files)} proposals checked: {len(problems)} problems")
    sys.exit(1 if problems else 0)

if __name__ == "__main__": main()
