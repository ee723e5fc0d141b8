#!/usr/bin/env python3
"""Independent reference implementation of the spot-check draw: algorithm SHA256-TICKET-STREAM version 2 (new
draws) and SHA256-KEYED-SORT version 1 (records made before 2026-12-04).

Written from docs/draw-algorithm.md, not translated from the Java code, and kept deliberately naive (it scans
every inspector for every slot), so that anyone holding a published draw's inputs can re-run it and compare.
Standard library only (hashlib, json, decimal, fractions).

Usage:
    python3 docs/draw-reference.py input.json            result as JSON (drawn targets, inspectors, digests)
    python3 docs/draw-reference.py --record input.json   the canonical record texts and their digests, exactly
                                                          as DrawRecordContent.canonicalText() writes them
    python3 docs/draw-reference.py --example             print the known-answer example's input
    python3 docs/draw-reference.py --example | python3 docs/draw-reference.py -     ("-" reads stdin)

Input JSON:
    {
      "version": 2,                                        1 or 2 (default 2), as the record names it
      "seed": "<64 hex digits>",
      "candidates": [[id, "stratum", weight], ...],
      "ratios": {"stratum": "0.03", ...},                  decimals as strings (exact)
      "inspectorsPerTarget": 2,                            optional from here on: without "inspectors"
      "inspectors": [[id, "department"], ...],             only the target draw is done
      "recusals": [[inspectorId, targetId], ...],
      "requiredDepartments": ["department", ...],
      "replacements": [[sequence, targetId, replacedInspectorId, "reason"], ...],
      "previousDigest": "<64 hex digits>"                  default: 64 zeros (first record of a chain)
    }
"""
import hashlib
import json
import math
import sys
from decimal import Decimal
from fractions import Fraction

ALGORITHMS = {1: "SHA256-KEYED-SORT", 2: "SHA256-TICKET-STREAM"}
GENESIS = "0" * 64


def key(seed: bytes, label: str) -> int:
    """H(seed, label): first 8 bytes of SHA-256(seed || UTF-8(label)), unsigned big-endian."""
    return int.from_bytes(hashlib.sha256(seed + label.encode("utf-8")).digest()[:8], "big")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plain_ratio(ratio: str) -> str:
    """The ratio without trailing zeros, never in exponent form: "0.030" -> "0.03", "1.00" -> "1"."""
    return format(Decimal(ratio).normalize(), "f")


def draw_count(ratio: str, n: int) -> int:
    """ceil(ratio x n), exactly."""
    return math.ceil(Fraction(Decimal(ratio)) * n)


def canonical(candidates):
    return sorted(candidates, key=lambda c: (c[1], c[0]))  # Python compares str by code point


def leb128(value: int) -> bytes:
    """Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last."""
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def candidate_file(candidates) -> bytes:
    """Version 2's candidate file: header, then per stratum its code, LF, its size, and per candidate the gap to the
    previous id (the first: id + 1) and its weight byte."""
    out = bytearray(b"spotcheck-candidates 2\n")
    for stratum in sorted({c[1] for c in candidates}):
        members = [c for c in canonical(candidates) if c[1] == stratum]
        out += stratum.encode("utf-8") + b"\n" + leb128(len(members))
        previous = -1
        for cid, _, weight in members:
            out += leb128(cid - previous) + bytes([weight])
            previous = cid
    return bytes(out)


def candidate_digest(candidates, version) -> str:
    if version == 1:
        return sha256_hex("".join(f"{cid}|{stratum}|{weight}\n" for cid, stratum, weight in canonical(candidates)))
    return hashlib.sha256(candidate_file(candidates)).hexdigest()


def ticket_stream(seed: bytes, stratum, members, count):
    """Version 2: tickets drawn one by one; the candidate holding a drawn ticket is drawn and its tickets leave."""
    if count == len(members):
        return [cid for cid, _, _ in members]
    remaining = [(cid, weight) for cid, _, weight in members]
    drawn = []
    j = 0
    while len(drawn) < count:
        x = key(seed, f"target|{stratum}|{j}")
        j += 1
        total = sum(weight for _, weight in remaining)
        if x >= (2 ** 64 // total) * total:
            continue  # the incomplete last block of 2^64 would favour the first tickets
        ticket = x % total
        for index, (cid, weight) in enumerate(remaining):
            if ticket < weight:
                drawn.append(cid)
                del remaining[index]
                break
            ticket -= weight
    return drawn


def draw_targets(seed: bytes, candidates, ratios, version):
    ids = [c[0] for c in candidates]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate candidate ids")
    missing = {c[1] for c in candidates} - set(ratios)
    if missing:
        raise ValueError(f"no ratio for strata {sorted(missing)}")
    strata = []
    for stratum in sorted(ratios):
        members = sorted((c for c in candidates if c[1] == stratum), key=lambda c: c[0])
        count = draw_count(ratios[stratum], len(members))
        if version == 1:
            keyed = sorted((min(key(seed, f"target|{stratum}|{cid}|{t}") for t in range(weight)), cid)
                           for cid, _, weight in members)
            drawn = [cid for _, cid in keyed[:count]]
        else:
            drawn = ticket_stream(seed, stratum, members, count)
        strata.append({"stratum": stratum, "ratio": plain_ratio(ratios[stratum]), "candidateCount": len(members),
                       "drawnIds": drawn})
    return strata


def draw_inspectors(seed: bytes, target_ids, per_target, inspectors, recusals, required):
    department = dict(inspectors)
    load = {i: 0 for i in department}
    recused = set(recusals)

    def rank(i):
        return load[i], key(seed, f"inspector|{load[i]}|{i}"), i

    assignment = []
    for t in target_ids:
        chosen = []

        def best(group):
            eligible = [i for i in group if i not in chosen and (i, t) not in recused]
            if not eligible:
                raise ValueError(f"target {t} cannot be staffed")
            return min(eligible, key=rank)

        for d in sorted(required):
            chosen.append(best([i for i in department if department[i] == d]))
        while len(chosen) < per_target:
            chosen.append(best(list(department)))
        for i in chosen:
            load[i] += 1
        assignment.append([t, chosen])
    return assignment


def replace(seed: bytes, assignment, sequence, target, old, inspectors, recusals, required):
    department = dict(inspectors)
    recused = set(recusals)
    load = {}
    for _, ids in assignment:
        for i in ids:
            load[i] = load.get(i, 0) + 1
    slot = next(ids for t, ids in assignment if t == target)
    staying = [i for i in slot if i != old]
    needed = next((d for d in sorted(required) if d not in {department.get(i) for i in staying}), None)
    eligible = [i for i in sorted(department) if i != old and i not in staying and (i, target) not in recused
                and (needed is None or department[i] == needed)]
    if not eligible:
        raise ValueError(f"no inspector can replace {old} on target {target}")
    new = min(eligible, key=lambda i: (load.get(i, 0), key(seed, f"replacement|{sequence}|{target}|{i}"), i))
    return [[t, [new if (t == target and i == old) else i for i in ids]] for t, ids in assignment], new


def inspector_input_digest(per_target, inspectors, recusals, required) -> str:
    text = f"perTarget|{per_target}\n"
    text += "".join(f"required|{d}\n" for d in sorted(required))
    text += "".join(f"inspector|{i}|{d}\n" for i, d in sorted(inspectors))
    text += "".join(f"recusal|{i}|{t}\n" for i, t in sorted(set(recusals)))
    return sha256_hex(text)


def record_text(version, seed_hex, cand_digest, lines, previous) -> str:
    head = f"algorithm={ALGORITHMS[version]}\nversion={version}\nseed={seed_hex}\ncandidateDigest={cand_digest}\n"
    return head + "".join(line + "\n" for line in lines) + f"previousDigest={previous}\n"


def run(data):
    seed_hex = data["seed"].lower()
    seed = bytes.fromhex(seed_hex)
    assert len(seed) == 32, "the seed is 32 bytes"
    version = int(data.get("version", 2))
    assert version in ALGORITHMS, "version 1 or 2"
    candidates = [(int(c[0]), c[1], int(c[2])) for c in data["candidates"]]
    strata = draw_targets(seed, candidates, data["ratios"], version)
    cdigest = candidate_digest(candidates, version)
    drawn = [i for s in strata for i in s["drawnIds"]]
    lines = [f"stratum|{s['stratum']}|{s['ratio']}|{s['candidateCount']}|{len(s['drawnIds'])}|"
             + ",".join(map(str, s["drawnIds"])) for s in strata]
    result = {"candidateDigest": cdigest, "strata": strata, "drawnIds": drawn}
    records = []
    previous = data.get("previousDigest", GENESIS)
    if "inspectors" in data:
        per_target = data["inspectorsPerTarget"]
        inspectors = [(int(i), d) for i, d in data["inspectors"]]
        recusals = [(int(i), int(t)) for i, t in data.get("recusals", [])]
        required = data.get("requiredDepartments", [])
        assignment = draw_inspectors(seed, drawn, per_target, inspectors, recusals, required)
        inputs = inspector_input_digest(per_target, inspectors, recusals, required)
        lines += [f"inspectorInputs|{inputs}"]
        lines += [f"assign|{t}|" + ",".join(map(str, ids)) for t, ids in assignment]
        result.update(inspectorInputDigest=inputs, assignment=assignment)
        text = record_text(version, seed_hex, cdigest, lines, previous)
        records.append((text, sha256_hex(text)))
        result["replacements"] = []
        for sequence, target, old, reason in data.get("replacements", []):
            assignment, new = replace(seed, assignment, sequence, target, old, inspectors, recusals, required)
            line = f"replacement|{sequence}|{target}|{old}|{new}|{reason}"
            text = record_text(version, seed_hex, cdigest, [f"inspectorInputs|{inputs}", line], records[-1][1])
            records.append((text, sha256_hex(text)))
            result["replacements"].append({"line": line, "assignment": assignment})
    else:
        text = record_text(version, seed_hex, cdigest, lines, previous)
        records.append((text, sha256_hex(text)))
    result["recordDigests"] = [d for _, d in records]
    return result, records


EXAMPLE = {
    "version": 2,
    "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
    "candidates": [[1, "A", 2], [2, "A", 2], [3, "A", 1], [4, "A", 2],
                   [5, "B", 2], [6, "B", 1], [7, "B", 2], [8, "B", 2], [9, "B", 2], [10, "B", 1]],
    "ratios": {"A": "0.5", "B": "0.34"},
    "inspectorsPerTarget": 2,
    "inspectors": [[101, "运输管理科"], [102, "运输管理科"], [103, "综合执法支队"], [104, "综合执法支队"],
                   [105, "港航管理科"]],
    "recusals": [[101, 9], [103, 8]],
    "requiredDepartments": [],
    "replacements": [[1, 2, 105, "执法人员请假"]],
}


def main(argv):
    if argv[1:] == ["--example"]:
        print(json.dumps(EXAMPLE, ensure_ascii=False, indent=2))
        return
    record_mode = "--record" in argv
    paths = [a for a in argv[1:] if a != "--record"]
    if len(paths) != 1:
        sys.exit(__doc__)
    source = sys.stdin if paths[0] == "-" else open(paths[0], encoding="utf-8")
    result, records = run(json.load(source))
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
    if record_mode:
        for text, digest in records:
            out.write(text + f"digest={digest}\n")
    else:
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    out.flush()


if __name__ == "__main__":
    main(sys.argv)
