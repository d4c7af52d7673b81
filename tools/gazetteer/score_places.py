#!/usr/bin/env python3
"""Scores event locations: runs `casus code` on a fixture of one-sentence
documents (crates/casus-cli/tests/fixtures/places.jsonl: id, text, the
expected place, its GeoNames id and country) and reports exact-place and
right-country accuracy of each document's first event. `-v` lists misses.

    python3 tools/gazetteer/score_places.py target/release/casus \
        crates/casus-cli/tests/fixtures/places.jsonl -v
"""
import json, subprocess, sys, collections
binary, fx = sys.argv[1], sys.argv[2]
gold = {}
for l in open(fx):
    r = json.loads(l); gold[r['id']] = r
out = subprocess.run([binary, 'code', fx], capture_output=True, text=True)
if out.returncode: print(out.stderr); sys.exit(1)
first = {}
for l in out.stdout.splitlines():
    e = json.loads(l); first.setdefault(e['doc_id'], e)
ex = co = 0; nocode = []
for k, g in gold.items():
    e = first.get(k)
    if not e: nocode.append(k); print('NOEVENT', g['text']); continue
    p = e['place'] or {}
    ok_c = p.get('country') == g['country']; ok_e = p.get('feature_id') == g['geonameid']
    ex += ok_e; co += ok_c
    if not ok_e and '-v' in sys.argv:
        print(('  ' if ok_c else 'XX'), g['place'], g['country'], '| got', p.get('name'), p.get('country'), p.get('rule'), '|', e['source'], e['code'], e['target'], '|', g['text'])
n = len(gold)
print(f"sentences {n}, coded {n-len(nocode)}, exact {ex}/{n} = {ex/n:.3f}, country {co}/{n} = {co/n:.3f}")
