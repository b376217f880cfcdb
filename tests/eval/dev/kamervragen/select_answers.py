"""Selection of 70 answers for the blind commitment test set (see README_commitments.md)."""
import csv, json, random, re
csv.field_size_limit(10**9)
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
rows = list(csv.reader(open(SRC, encoding='utf-8')))[1:]
PROMISE = re.compile(r"\b(zal|zullen|informeer\w*|geïnformeerd|toezeg\w*|toegezegd|voor de zomer|"
                     r"uw kamer|ontvangt|stuur\w*|kom\w*\b.{0,60}\bterug)", re.I | re.S)
seen = set(); pool_p = []; pool_o = []; skipped = 0; dup = 0
for r in rows:
    ans = r[3]
    if len(ans) > 2500:
        skipped += 1; continue
    key = ' '.join(ans.split())
    if key in seen:
        dup += 1; continue
    seen.add(key)
    (pool_p if PROMISE.search(ans) else pool_o).append(r)
rng = random.Random(20261204)
chosen_p = rng.sample(pool_p, 40)
chosen_o = rng.sample(pool_o, 30)
print('skipped >2500:', skipped, 'duplicates dropped:', dup, 'promise pool:', len(pool_p), 'other pool:', len(pool_o))
with open('kamervragen_answers.jsonl', 'w', encoding='utf-8') as f:
    for r in chosen_p + chosen_o:
        f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]}, ensure_ascii=False) + '\n')
print('promise rows:', [r[0] for r in chosen_p])
print('other rows:', [r[0] for r in chosen_o])
