"""Selection of the answers of the blind commitment TEST set, batch 3 (see README_commitments.md).
Without arguments it only prints the chosen rows. With --write it writes kamervragen_answers.jsonl
(it refuses to overwrite an existing file unless --force is given). Same result each time it runs."""
import csv, json, os, random, re, sys
csv.field_size_limit(10**9)
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
DEVS = [os.path.join(HERE, '..', 'dev', d, 'kamervragen_answers.jsonl') for d in ('kamervragen', 'kamervragen2')]
OUT = os.path.join(HERE, 'kamervragen_answers.jsonl')
rows = list(csv.reader(open(SRC, encoding='utf-8')))[1:]
dev_rows = set()
for p in DEVS:
    dev_rows |= {json.loads(l)['row'] for l in open(p, encoding='utf-8')}
assert len(dev_rows) == 200
# the STRONG promise-cue regex of dev batch 2 / kamervragen2, unchanged
STRONG = re.compile(
    r"(uw|de) Kamer .{0,80}(informeren|geïnformeerd|toe(ge)?zonden|ontvangt|sturen)"
    r"|zal .{0,60}(informeren|toezenden|sturen|rapporteren)"
    r"|toezeg|toegezegd|voor de zomer|na de zomer|voor het einde van"
    r"|komt? .{0,40}terug|ontvangt u"
    r"|verwacht .{0,60}(te informeren|te sturen|aan uw Kamer)", re.I)
# the MEDIUM cue, applied to answers not in the strong pool
MEDIUM = re.compile(
    r"\b(zal|zullen|zullen wij|ga|gaan)\b.{0,100}\b(kamer|informeren|sturen|brief|rapport\w*|onderzoek"
    r"|evaluatie|terugkomen|toekomen)\b|\bkamer\b.{0,60}\b(informeren|geïnformeerd|ontvangt|toegezonden)\b",
    re.I)
seen = set(); pool_s = []; pool_m = []; pool_o = []; skipped = dup = in_dev = 0
for r in rows:
    ans = r[3]
    if len(ans) > 2500:
        skipped += 1; continue
    key = ' '.join(ans.split())
    if key in seen:          # duplicate of an earlier row's text (first occurrence kept, as in dev)
        dup += 1; continue
    seen.add(key)
    if r[0] in dev_rows:
        in_dev += 1; continue
    if STRONG.search(key):
        pool_s.append(r)
    elif MEDIUM.search(key):
        pool_m.append(r)
    else:
        pool_o.append(r)
rng = random.Random(20261207)
N_M, N_R = 45, 15
chosen_s = pool_s[:]                       # ALL remaining strong-cue answers, in file order
# the medium pool holds only 20 answers (fewer than the 45 asked for), so all of them are taken,
# as kamervragen2's script did for a short strong pool; then no rng call is made for it
chosen_m = pool_m[:] if len(pool_m) <= N_M else rng.sample(pool_m, N_M)
chosen_ids = {r[0] for r in chosen_m}
remaining = [r for r in pool_m + pool_o if r[0] not in chosen_ids]
remaining.sort(key=lambda r: rows.index(r))  # file order, so the draw does not depend on pool order
chosen_r = rng.sample(remaining, N_R)
print('skipped >2500:', skipped, 'duplicates dropped:', dup, 'dev rows excluded:', in_dev,
      'strong-cue pool:', len(pool_s), 'medium-cue pool:', len(pool_m), 'no-cue pool:', len(pool_o),
      'remaining for the random draw:', len(remaining))
print('strong rows (%d):' % len(chosen_s), [r[0] for r in chosen_s])
print('medium rows (%d):' % len(chosen_m), [r[0] for r in chosen_m])
print('random rows (%d):' % len(chosen_r), [r[0] for r in chosen_r],
      'of which medium-cue:', sum(r in pool_m for r in chosen_r))
if '--write' in sys.argv:
    assert not os.path.exists(OUT) or '--force' in sys.argv, 'kamervragen_answers.jsonl exists'
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in chosen_s + chosen_m + chosen_r:
            f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]},
                               ensure_ascii=False) + '\n')
