"""Compares MLflow's answers with mlrs's and classifies every difference.

    python compare.py cases.jsonl expected.jsonl actual.jsonl [--show-deliberate]
"""
import json
import re
import sys

# Messages mlrs uses where MLflow accepts nonsense or fails with a raw Python exception.
OURS = re.compile(
    r"^Invalid filter '.*': (it has no comparison|it starts with AND|it ends with AND|AND appears twice in a row"
    r"|AND is missing between .*|'.*' is not a key; is an AND missing\?)$"
    r"|^IS NULL / IS NOT NULL is not supported when searching"
    r"|needs a quoted string value, not a list$|^Invalid version_number value|^Cannot compare experiment",
    re.S)


def main():
    cases = {c["id"]: c for c in map(json.loads, open(sys.argv[1]))}
    expected = {r["id"]: r for r in map(json.loads, open(sys.argv[2]))}
    actual = {r["id"]: r for r in map(json.loads, open(sys.argv[3]))}
    show = "--show-deliberate" in sys.argv
    counts = {"same": 0, "raw": 0, "deliberate": 0, "MISMATCH": 0}
    for i, case in cases.items():
        e, a = expected[i], actual[i]
        if "ok" in e and "ok" in a and e["ok"] == a["ok"]:
            kind = "same"
        elif "err" in e and "err" in a and not e["raw"] and e["err"] == a["err"]:
            kind = "same"
        elif "err" in e and e["raw"] and "err" in a:
            kind = "raw"
        elif "err" in a and OURS.search(a["err"]):
            kind = "deliberate"
        else:
            kind = "MISMATCH"
        counts[kind] += 1
        if kind == "MISMATCH" or (show and kind in ("deliberate", "raw")):
            print(f"--- {kind} #{i} {json.dumps(case, ensure_ascii=False)}")
            print(f"  mlflow: {json.dumps(e, ensure_ascii=False)}")
            print(f"  mlrs:   {json.dumps(a, ensure_ascii=False)}")
    print(counts)
    sys.exit(1 if counts["MISMATCH"] else 0)


if __name__ == "__main__":
    main()
