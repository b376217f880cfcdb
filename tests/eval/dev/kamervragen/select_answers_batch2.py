"""Selection of batch 2 (55 answers) for the blind commitment test set (see README_commitments.md,
section "Batch 2"). Without arguments it only prints the chosen rows. With --append it appends the
chosen answers (with "batch": 2) to kamervragen_answers.jsonl, once. Same result each time it runs."""
import csv, json, random, re, sys
csv.field_size_limit(10**9)
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
rows = list(csv.reader(open(SRC, encoding='utf-8')))[1:]
batch1 = set()
for l in open('kamervragen_answers.jsonl', encoding='utf-8'):
    a = json.loads(l)
    if a.get('batch', 1) == 1:
        batch1.add(a['row'])
assert len(batch1) == 70
STRONG = re.compile(
    r"(uw|de) Kamer .{0,80}(informeren|geïnformeerd|toe(ge)?zonden|ontvangt|sturen)"
    r"|zal .{0,60}(informeren|toezenden|sturen|rapporteren)"
    r"|toezeg|toegezegd|voor de zomer|na de zomer|voor het einde van"
    r"|komt? .{0,40}terug|ontvangt u"
    r"|verwacht .{0,60}(te informeren|te sturen|aan uw Kamer)", re.I)
seen = set(); pool_s = []; pool_o = []; skipped = dup = in_b1 = 0
for r in rows:
    ans = r[3]
    if len(ans) > 2500:
        skipped += 1; continue
    key = ' '.join(ans.split())
    if key in seen:          # duplicate of an earlier row's text (first occurrence kept, as in batch 1)
        dup += 1; continue
    seen.add(key)
    if r[0] in batch1:
        in_b1 += 1; continue
    (pool_s if STRONG.search(key) else pool_o).append(r)
rng = random.Random(20261205)
chosen_s = rng.sample(pool_s, 45)
chosen_o = rng.sample(pool_o, 10)
print('skipped >2500:', skipped, 'duplicates dropped:', dup, 'batch 1 excluded:', in_b1,
      'strong-cue pool:', len(pool_s), 'other pool:', len(pool_o))
print('strong rows:', [r[0] for r in chosen_s])
print('other rows:', [r[0] for r in chosen_o])
if '--append' in sys.argv:
    existing = [json.loads(l) for l in open('kamervragen_answers.jsonl', encoding='utf-8')]
    assert not any(a.get('batch') == 2 for a in existing), 'batch 2 already appended'
    with open('kamervragen_answers.jsonl', 'a', encoding='utf-8') as f:
        for r in chosen_s + chosen_o:
            f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3], 'batch': 2},
                               ensure_ascii=False) + '\n')
