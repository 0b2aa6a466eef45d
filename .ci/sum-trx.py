#!/usr/bin/env python3
"""Sums the <Counters> of every TRX file under a folder and prints "N passed, N failed, N skipped".

Usage: python3 .ci/sum-trx.py RESULTS_DIR

- passed  = passed
- failed  = failed + error + timeout + aborted   (a test that errored, timed out or was aborted did not pass)
- skipped = notExecuted, or total - executed when that is larger: VSTest's TRX logger counts an xUnit
            [Fact(Skip = ...)] in total but not in executed, and leaves notExecuted at 0

No TRX at all means the run never reached the tests (build failure, crash): that is reported as
"0 passed, 1 failed, 0 skipped" so the summary can never look green by accident. A TRX that cannot be
parsed counts as one failure. Exit code: 0 when the sums are printed, 2 on bad usage.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

FAILED_COUNTERS = ("failed", "error", "timeout", "aborted")


def counter(element, name):
    try:
        return int(element.get(name, "0") or "0")
    except ValueError:
        return 0


def main(argv):
    if len(argv) != 2:
        print("usage: sum-trx.py RESULTS_DIR", file=sys.stderr)
        return 2

    files = sorted(pathlib.Path(argv[1]).rglob("*.trx"))
    if not files:
        print(f"sum-trx: no .trx file under {argv[1]}", file=sys.stderr)
        print("0 passed, 1 failed, 0 skipped")
        return 0

    passed = failed = skipped = 0
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as ex:
            print(f"sum-trx: {path}: unreadable TRX ({ex}); counted as 1 failure", file=sys.stderr)
            failed += 1
            continue

        # TRX elements live in the VSTest namespace; match on the local name.
        counters = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "Counters"]
        if not counters:
            print(f"sum-trx: {path}: no <Counters> element; counted as 1 failure", file=sys.stderr)
            failed += 1
            continue

        c = counters[0]
        passed += counter(c, "passed")
        failed += sum(counter(c, name) for name in FAILED_COUNTERS)
        skipped += max(counter(c, "notExecuted"), counter(c, "total") - counter(c, "executed"))

    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
