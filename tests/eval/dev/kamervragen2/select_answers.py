"""Selection of the 75 answers of the blind commitment TEST set (see README_commitments.md).
Without arguments it only prints the chosen rows. With --write it writes kamervragen_answers.jsonl
(it refuses to overwrite an existing file unless --force is given). Same result each time it runs."""
import csv, json, os, random, re, sys
csv.field_size_limit(10**9)
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
DEV = os.path.join(HERE, '..', 'dev', 'kamervragen', 'kamervragen_answers.jsonl')
OUT = os.path.join(HERE, 'kamervragen_answers.jsonl')
rows = list(csv.reader(open(SRC, encoding='utf-8')))[1:]
dev_rows = {json.loads(l)['row'] for l in open(DEV, encoding='utf-8')}
assert len(dev_rows) == 125
# the STRONG promise-cue regex of dev batch 2 (select_answers_batch2.py), unchanged
STRONG = re.compile(
    r"(uw|de) Kamer .{0,80}(informeren|geïnformeerd|toe(ge)?zonden|ontvangt|sturen)"
    r"|zal .{0,60}(informeren|toezenden|sturen|rapporteren)"
    r"|toezeg|toegezegd|voor de zomer|na de zomer|voor het einde van"
    r"|komt? .{0,40}terug|ontvangt u"
    r"|verwacht .{0,60}(te informeren|te sturen|aan uw Kamer)", re.I)
seen = set(); pool_s = []; pool_o = []; skipped = dup = in_dev = 0
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
    (pool_s if STRONG.search(key) else pool_o).append(r)
rng = random.Random(20261206)
N_S, N_O = 55, 20
chosen_s = pool_s[:] if len(pool_s) <= N_S else rng.sample(pool_s, N_S)
chosen_o = rng.sample(pool_o, N_O)
print('skipped >2500:', skipped, 'duplicates dropped:', dup, 'dev rows excluded:', in_dev,
      'strong-cue pool:', len(pool_s), 'other pool:', len(pool_o))
print('strong rows (%d):' % len(chosen_s), [r[0] for r in chosen_s])
print('other rows (%d):' % len(chosen_o), [r[0] for r in chosen_o])
if '--write' in sys.argv:
    assert not os.path.exists(OUT) or '--force' in sys.argv, 'kamervragen_answers.jsonl exists'
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in chosen_s + chosen_o:
            f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]},
                               ensure_ascii=False) + '\n')
